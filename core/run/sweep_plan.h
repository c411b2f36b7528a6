#pragma once
// A sweep's plan: which runs it trains, in which order, with which settings and seeds, and what
// each run folder is called. `genlab sweep` makes one from the command line, writes it to the
// sweep folder as sweep.json, and reads it back to resume or summarise (docs/SWEEPS.md).
//
// Order (fixed, so that run i is the same run in sweep.json, the run folders and a Slurm array
// task): seeds outermost, then the grid in the order the keys were given, the last key varying
// fastest. With G grid points and S seeds, run i has grid point i % G and seed index i / G, so
// the first G runs cover the whole grid once and a partial sweep is already a coarse picture.
//
// Seeds: seed index s trains with seed base + s, where base is --seed or else the lesson's own
// seed. Every grid point uses the same seeds, so points differ by their settings, not by luck,
// and seed index 0 replays the lesson's own run.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace genlab::run {

inline constexpr const char* kSweepFile = "sweep.json";
inline constexpr const char* kSweepSummaryFile = "summary.csv";
inline constexpr int kSweepFormat = 1;
// The most runs one sweep may list (each is a process and a run folder).
inline constexpr int kMaxSweepRuns = 100'000;

// One swept setting: its key and its values, as JSON and as typed ("0.5", "full").
struct SweepAxis {
  std::string key;
  std::vector<nlohmann::ordered_json> values;
  std::vector<std::string> texts;
};

struct SweepRunPlan {
  int index = 0;      // position in the sweep (a Slurm array task id)
  int gridPoint = 0;  // which combination of the axes' values
  int seedIndex = 0;
  std::uint64_t seed = 0;
  nlohmann::ordered_json settings = nlohmann::ordered_json::object();  // swept keys, in order
  std::vector<std::string> overrides;  // "key=text" for `genlab train --set`
  std::string folder;                  // relative to the sweep folder
};

struct SweepPlan {
  std::filesystem::path lessonFile;  // absolute
  std::vector<SweepAxis> axes;
  int seeds = 1;
  std::uint64_t baseSeed = 0;
  std::int64_t steps = 0;
  std::vector<SweepRunPlan> runs;

  int gridPoints() const { return runs.empty() ? 0 : static_cast<int>(runs.size()) / seeds; }
};

// Parses one --grid item "key=v1,v2,...". Commas inside brackets or quotes do not split, so
// "hidden=[64,32],[128]" has two values. Each value is read as JSON when it parses (numbers,
// booleans, arrays), else taken as a string, as `genlab train --set` does. Throws ConfigError
// naming the item: no '=', no key, an empty value.
SweepAxis parseGridItem(const std::string& item);

// Every run of the grid over `axes` times `seeds`, in the order above. Throws ConfigError on a
// key given twice, no axis, an axis without values, seeds < 1, or more than kMaxSweepRuns runs.
SweepPlan makeSweepPlan(std::filesystem::path lessonFile, std::vector<SweepAxis> axes, int seeds,
                        std::uint64_t baseSeed, std::int64_t steps);

// "003_k=4_seed=2": the index (zero-padded to the sweep's size), the swept settings and the
// seed, with characters a file name should not hold replaced by '_'.
std::string runFolderName(int index, int runCount, const nlohmann::ordered_json& settings,
                          std::uint64_t seed);

// sweep.json: format, lesson (the lesson file, absolute), grid ({key: [values]}, keys in the
// order given), seeds (how many), base_seed, steps, and points: one per run, in run order,
// [{index, grid_point, seed_index, settings ({key: value}, the swept keys), seed, run}], where
// run is the run folder relative to the sweep folder.
nlohmann::ordered_json sweepPlanToJson(const SweepPlan& plan);

// Reads a sweep.json back. Throws DataError naming the file when it is not a sweep of this
// format, or its runs do not match its grid (edited by hand).
SweepPlan readSweepPlan(const std::filesystem::path& sweepFolder);

// Writes sweep.json atomically (a temporary file, then a rename).
void writeSweepPlan(const SweepPlan& plan, const std::filesystem::path& sweepFolder);

}  // namespace genlab::run
