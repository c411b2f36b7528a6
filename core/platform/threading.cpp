#include "core/platform/threading.h"

#include <ATen/Parallel.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <xmmintrin.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>

namespace genlab::platform {
namespace {

constexpr const char* kReexecMarker = "GENLAB_THREAD_ENV_SET";

// How long an idle OpenMP worker spins before it sleeps: libgomp counts about 100,000 spins per
// millisecond, so about 0.2 ms. PASSIVE alone means spin count 0: every parallel region then
// wakes its workers from a futex sleep, which cost the MLP VAE 4.0 s per epoch against 2.2 s
// with this count (2 threads, the 2-core reference machine, 2026-11-22), while a worker that
// outlives the spin still gives its core back to the UI within a fraction of a frame.
constexpr const char* kSpinCount = "20000";

// The policy's intra-op thread count, for threads that start after it was applied (0: none yet).
std::atomic<int> g_policyThreads{0};

int threadsFromEnvironment() {
  if (const char* text = std::getenv("GENLAB_THREADS")) {
    const int value = std::atoi(text);
    if (value > 0) return value;
  }
  return 0;
}

}  // namespace

void reexecWithThreadEnvironment(int argc, char** argv) {
  (void)argc;
  if (std::getenv(kReexecMarker) != nullptr) return;  // already re-executed once
  setenv(kReexecMarker, "1", 1);
  // Either variable set means the user decided how workers wait.
  if (std::getenv("OMP_WAIT_POLICY") != nullptr || std::getenv("GOMP_SPINCOUNT") != nullptr) {
    return;
  }
  setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
  setenv("GOMP_SPINCOUNT", kSpinCount, 1);
  // Only when re-exec fails do we fall through and run with the runtime's defaults.
  execv("/proc/self/exe", argv);
}

ThreadSettings applyThreadPolicy(ThreadMode mode) {
  const int hardware = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  int threads = threadsFromEnvironment();
  if (threads == 0) {
    // The lab keeps one core for drawing: its frame (ImGui plus Mesa's software rasteriser
    // when there is no GPU) must never queue behind a trainer's worker threads. Headless runs
    // train on every core.
    threads = mode == ThreadMode::kHeadless ? hardware : std::max(1, hardware - 1);
  }
  at::set_num_threads(threads);
  g_policyThreads.store(threads);
  return currentThreadSettings();
}

JobThreads planJobThreads(int runs, int requestedJobs) {
  JobThreads plan;
  const int environment = threadsFromEnvironment();
  plan.cores = environment > 0 ? environment
                               : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  plan.jobs = requestedJobs > 0 ? requestedJobs : std::clamp(runs, 1, plan.cores);
  plan.threadsPerJob = std::max(1, plan.cores / plan.jobs);
  return plan;
}

void adoptThreadPolicyOnThisThread() {
  const int threads = g_policyThreads.load();
  if (threads > 0) at::set_num_threads(threads);
}

ThreadSettings currentThreadSettings() {
  ThreadSettings settings;
  settings.hardwareThreads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  settings.intraOpThreads = at::get_num_threads();
  const char* policy = std::getenv("OMP_WAIT_POLICY");
  settings.waitPolicy = policy ? policy : "(runtime default: spin then sleep)";
  const char* spin = std::getenv("GOMP_SPINCOUNT");
  settings.spinCount = spin ? spin : "(runtime default for the wait policy)";
  return settings;
}

void flushDenormalsOnThisThread() {
  // Bit 15 is flush-to-zero, bit 6 denormals-are-zero.
  _mm_setcsr(_mm_getcsr() | 0x8040u);
}

void lowerThisThreadPriority() {
  // On Linux, nice is a per-thread attribute addressed by thread id.
  const auto tid = static_cast<id_t>(syscall(SYS_gettid));
  setpriority(PRIO_PROCESS, tid, 10);
}

bool denormalsFlushedOnThisThread() {
  return (_mm_getcsr() & 0x8040u) == 0x8040u;
}

}  // namespace genlab::platform
