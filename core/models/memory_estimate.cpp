#include "core/models/memory_estimate.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/platform/memory_info.h"
#include "core/train/memory_budget.h"
#include "core/util/errors.h"

namespace genlab::models {
namespace {

using nlohmann::json;

// A number at `key` of `object`, or `fallback` when absent or not a number (the lesson's own
// reader reports bad types by key; this estimate only needs sizes).
double number(const json& object, const char* key, double fallback) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_number()) return fallback;
  return object[key].get<double>();
}

// Bytes of the files a dataset names ("path" or "paths"), resolved like the readers do.
std::uint64_t fileBytes(const lesson::Lesson& lesson) {
  std::vector<std::string> names;
  if (lesson.dataset.contains("path") && lesson.dataset["path"].is_string())
    names.push_back(lesson.dataset["path"].get<std::string>());
  if (lesson.dataset.contains("paths") && lesson.dataset["paths"].is_array())
    for (const auto& name : lesson.dataset["paths"])
      if (name.is_string()) names.push_back(name.get<std::string>());
  std::uint64_t total = 0;
  for (const auto& name : names) {
    std::filesystem::path file(name);
    if (file.is_relative()) file = lesson.file.parent_path() / file;
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (!error) total += size;
  }
  return total;
}

// Per step of one sequence of length T with K states: forward, backward and posterior tables
// and the scaling in Baum-Welch, the snapshot's alpha, beta and gamma and their temporaries,
// Viterbi's scores, as doubles (12 in all), and Viterbi's back-pointers as ints. Measured:
// `genlab train` of the casino with T = 1,000,000 and K = 16 peaked at 1.77 GiB resident, of
// which about 0.2 GiB is the process before any data; this estimates 1.5 GiB.
constexpr double kHmmBytesPerCell = 8.0 * 12 + 4;
// Per observation kept: the symbol, the true path, and their shared copies for the views.
constexpr double kHmmBytesPerObservation = 4 * 4;

MemoryEstimate estimateHmm(const lesson::Lesson& lesson) {
  const double states = number(lesson.settings, "states", 2);
  MemoryEstimate estimate;
  const std::string kind =
      lesson.dataset.value("kind", std::string{}) == "file" ? "file" : "sample";
  if (kind == "file") {
    // A discrete symbol takes at least two characters of text ("3 "), so at most bytes / 2.
    const double observations = static_cast<double>(fileBytes(lesson)) / 2.0;
    estimate.bytes = static_cast<std::uint64_t>(
        observations * (kHmmBytesPerObservation + kHmmBytesPerCell * states));
    estimate.largest = "settings.states";
    estimate.largestValue = states;
    return estimate;
  }
  const double length = number(lesson.dataset, "length", 200);
  const double sequences = number(lesson.dataset, "sequences", 1);
  estimate.bytes = static_cast<std::uint64_t>(length * sequences * kHmmBytesPerObservation +
                                              length * states * kHmmBytesPerCell);
  estimate.largest = "dataset.length";
  estimate.largestValue = length;
  return estimate;
}

// Per point: its coordinates (d doubles), the 2-D projection (floats), responsibilities and
// their log-space work (2 x K doubles), the snapshot's responsibilities (K floats).
MemoryEstimate estimateGmm(const lesson::Lesson& lesson) {
  const double k = number(lesson.settings, "k", 3);
  MemoryEstimate estimate;
  if (lesson.dataset.value("kind", std::string{}) == "csv") {
    // A value takes at least two characters ("1,"); each becomes a double and the work above.
    const double values = static_cast<double>(fileBytes(lesson)) / 2.0;
    estimate.bytes = static_cast<std::uint64_t>(values * (8.0 + 2 * 8 * k + 4 * k));
    estimate.largest = "dataset.path";
    estimate.largestValue = static_cast<double>(fileBytes(lesson));
    return estimate;
  }
  double dim = 2;
  if (lesson.dataset.contains("centers") && lesson.dataset["centers"].is_array() &&
      !lesson.dataset["centers"].empty() && lesson.dataset["centers"][0].is_array())
    dim = std::max<double>(2, static_cast<double>(lesson.dataset["centers"][0].size()));
  const double n = number(lesson.dataset, "n", 500);
  estimate.bytes = static_cast<std::uint64_t>(n * (8 * dim + 8 + 2 * 8 * k + 4 * k));
  estimate.largest = "dataset.n";
  estimate.largestValue = n;
  return estimate;
}

std::string plain(double value) {
  std::ostringstream out;
  out.precision(value >= 1e15 ? 3 : 15);
  out << value;
  return out.str();
}

}  // namespace

double MemoryEstimate::valueThatFits(std::uint64_t available) const {
  if (bytes == 0 || largestValue <= 0) return largestValue;
  return std::floor(largestValue * static_cast<double>(available) / static_cast<double>(bytes));
}

MemoryEstimate estimateTrainingMemory(const lesson::Lesson& lesson) {
  if (lesson.model == "hmm") return estimateHmm(lesson);
  if (lesson.model == "gmm") return estimateGmm(lesson);
  return {};
}

void refuseIfTooLargeForMemory(const lesson::Lesson& lesson,
                               std::optional<std::uint64_t> available) {
  if (!available) return;
  const MemoryEstimate estimate = estimateTrainingMemory(lesson);
  if (estimate.bytes <= *available) return;
  std::string message = lesson.file.string() + ": ";
  if (estimate.largest == "dataset.path") {
    message += "the data file (dataset.path, " +
               train::formatBytes(static_cast<std::uint64_t>(estimate.largestValue)) +
               ") needs about " + train::formatBytes(estimate.bytes) +
               " of memory to train, but this machine has " + train::formatBytes(*available) +
               " available (MemAvailable): use a smaller file, or a sample of it";
  } else {
    message += estimate.largest + " = " + plain(estimate.largestValue) + " needs about " +
               train::formatBytes(estimate.bytes) + " of memory to train, but this machine has " +
               train::formatBytes(*available) + " available (MemAvailable), " +
               train::formatBytes(estimate.bytes - *available) + " too much: lower " +
               estimate.largest + " to at most " +
               plain(std::max(1.0, estimate.valueThatFits(*available)));
  }
  throw ConfigError(message);
}

void refuseIfTooLargeForMemory(const lesson::Lesson& lesson) {
  refuseIfTooLargeForMemory(lesson, platform::availableMemoryBytes());
}

}  // namespace genlab::models
