#pragma once
// How many bytes the stores that grow with training may hold, for a whole process (the lab,
// or one `genlab train`). One total, split between the stores by fixed shares:
//
//   timeline  5/8  snapshots kept along live runs (SnapshotHistory), split between the runs
//   metrics   1/8  metrics rings and the lab's copies of them (MetricsCache), per run likewise
//   openRuns  1/4  snapshots of recorded runs loaded for display (OpenRun's cache)
//
// The default total (512 MiB) keeps a long-sequence HMM lesson well under a gigabyte of
// resident memory; `--memory-budget` and the lab's settings change it.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace genlab::train {

inline constexpr std::size_t kMiB = std::size_t{1} << 20;

struct MemoryBudget {
  static constexpr std::size_t kDefaultTotal = 512 * kMiB;
  static constexpr std::size_t kMinimumTotal = 16 * kMiB;

  std::size_t total = kDefaultTotal;

  std::size_t timeline() const { return total / 8 * 5; }
  std::size_t metrics() const { return total / 8; }
  std::size_t openRuns() const { return total / 4; }
};

// "512M", "2G", "1.5GiB", "300MB", "65536" (bytes) -> bytes; suffixes are powers of 1024.
// Throws ConfigError naming `what` (e.g. "--memory-budget") on anything else, and on a value
// below MemoryBudget::kMinimumTotal.
std::size_t parseByteSize(std::string_view text, std::string_view what);

// "512 MiB", "1.5 GiB", "800 KiB", "12 bytes": for messages.
std::string formatBytes(std::uint64_t bytes);

}  // namespace genlab::train
