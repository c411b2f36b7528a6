#pragma once
// How genlab spends the machine's cores. Measured on the 2-core reference machine (issue 2):
// an MLP VAE epoch took 1.9 s with OpenMP OpenBLAS and passive waits, 10 s with the pthread
// OpenBLAS left to itself, and up to 170 s when OpenMP threads spun beside a busy UI thread.
// Hence: OpenMP OpenBLAS (see cmake/blas.cmake), OMP_WAIT_POLICY=PASSIVE so idle workers sleep
// instead of stealing the UI's core, and an explicit intra-op thread count for LibTorch.

#include <string>

namespace genlab::platform {

// libgomp reads OMP_WAIT_POLICY and GOMP_SPINCOUNT once, when it is loaded, before main()
// runs. If neither is set, this sets OMP_WAIT_POLICY=PASSIVE with a short GOMP_SPINCOUNT (idle
// workers spin about 0.2 ms, then sleep) and re-executes the program so the setting takes
// effect; it returns normally when no re-exec was needed or possible. Call first thing in
// main(). A user's own setting of either variable is respected.
void reexecWithThreadEnvironment(int argc, char** argv);

enum class ThreadMode {
  kHeadless,     // the command line: every core trains
  kInteractive,  // the lab: trainers share the machine with the UI thread
};

struct ThreadSettings {
  int hardwareThreads = 1;
  int intraOpThreads = 1;  // LibTorch and OpenMP workers per trainer
  std::string waitPolicy;  // OMP_WAIT_POLICY as the OpenMP runtime saw it
  std::string spinCount;   // GOMP_SPINCOUNT as the OpenMP runtime saw it
};

// Sets LibTorch's intra-op threads for `mode` (all cores headless, all but one in the lab);
// model factories read the count back through currentThreadSettings(). GENLAB_THREADS
// overrides it.
ThreadSettings applyThreadPolicy(ThreadMode mode);

ThreadSettings currentThreadSettings();

// How a sweep shares the machine between its child processes: `jobs` trainings at once, each
// with `threadsPerJob` intra-op threads (passed to the child as GENLAB_THREADS), so that jobs x
// threads never exceeds the cores (GENLAB_THREADS, if set, counts as the cores). By default as
// many jobs as there are runs or cores, whichever is fewer, and the cores left over shared out
// among them: small classical runs scale best one per core, and a sweep of two neural runs on
// eight cores still uses all eight. `requestedJobs` > 0 fixes the jobs; past the cores, each
// job gets one thread.
struct JobThreads {
  int jobs = 1;
  int threadsPerJob = 1;
  int cores = 1;
};
JobThreads planJobThreads(int runs, int requestedJobs);

// LibTorch's intra-op count is OpenMP state of each thread (and OpenBLAS, called by LibTorch,
// reads the calling thread's), so a count set on the main thread does not reach a trainer
// thread by itself: measured in the lab, the GAN trainer ran on OpenMP's default team of all
// cores, beside the UI. Threads that train call this first to take the policy's count.
void adoptThreadPolicyOnThisThread();

// Flushes denormals to zero on the calling thread (FTZ and DAZ). A K=64 scaled
// forward-backward ran 30x slower with denormals (2000 ms against 62 ms). Trainer threads call
// this before their first step.
void flushDenormalsOnThisThread();

// Runs the calling thread (and threads it creates later, which inherit it) at a lower
// scheduling priority (nice +10). The lab's trainers use it so the UI thread, the software
// rasteriser and the X server are served first; a trainer still gets every idle cycle.
void lowerThisThreadPriority();

// True when the calling thread has FTZ and DAZ set.
bool denormalsFlushedOnThisThread();

}  // namespace genlab::platform
