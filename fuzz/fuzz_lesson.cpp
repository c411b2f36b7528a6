// Lesson files (core/lesson/lesson.h), and what a lesson hands the Eigen models' checks: the
// GMM and HMM "settings" and the point "dataset" (core/data/point_dataset.h).
//
// A lesson's dataset may ask for up to 10 million points, which is a legitimate (slow) request,
// not a hang: the target skips making datasets of more than kMaxPoints. A "csv" dataset reads
// the file the lesson names, which has its own target (fuzz_csv_matrix): skipped here.

#include "core/data/point_dataset.h"
#include "core/lesson/lesson.h"
#include "core/models/gmm/gmm_config.h"
#include "core/models/hmm/hmm_settings.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

namespace {

constexpr long long kMaxPoints = 20000;

bool smallDataset(const nlohmann::json& dataset) {
  if (dataset.value("kind", nlohmann::json()) == "csv") return false;
  const auto n = dataset.find("n");
  if (n == dataset.end() || !n->is_number()) return true;
  return n->get<double>() <= static_cast<double>(kMaxPoints);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "lesson.json");
  lesson::Lesson lesson;
  bool loaded = false;
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    lesson = lesson::loadLesson(file.path());
    loaded = true;
  });
  if (!loaded) return 0;
  // A run folder keeps its lesson as lessonToJson writes it; what loaded must load again.
  try {
    const lesson::Lesson again = lesson::lessonFromJson(lesson::lessonToJson(lesson), lesson.file);
    fuzz::check(again.title == lesson.title && again.steps == lesson.steps, "a round trip");
  } catch (const std::exception& error) {
    fuzz::finding(std::string("a loaded lesson does not load back: ") + error.what());
  }
  if (lesson.model == "gmm") {
    fuzz::expectCleanRefusal("settings", [&] { gmm::GmmConfig::fromJson(lesson.settings); });
  } else if (lesson.model == "hmm") {
    fuzz::expectCleanRefusal("settings", [&] { hmm::settingsFromJson(lesson.settings); });
  }
  if (smallDataset(lesson.dataset)) {
    Rng rng(lesson.seed);
    fuzz::expectCleanRefusal("dataset", [&] {
      const data::PointSet set = data::makeDataset(lesson.dataset, rng);
      fuzz::check(set.points.rows() >= 1, "at least one point");
      fuzz::check(set.points.allFinite(), "finite points");
    });
  }
  return 0;
}
