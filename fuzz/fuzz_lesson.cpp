// Lesson files (core/lesson/lesson.h), and what a lesson hands the models' checks: the
// "settings" of the GMM, HMM, Naive Bayes, RBM, word2vec, char-RNN and PixelCNN (their settings
// readers are torch-free), the point "dataset" (core/data/point_dataset.h) and the char-RNN's
// "inline" text dataset (core/models/charrnn/char_corpus.h).
//
// A lesson's dataset may ask for up to 10 million points, which is a legitimate (slow) request,
// not a hang: the target skips making datasets of more than kMaxPoints. A "csv" dataset reads
// the file the lesson names, which has its own target (fuzz_csv_matrix): skipped here.

#include "core/data/point_dataset.h"
#include "core/lesson/lesson.h"
#include "core/models/charrnn/char_corpus.h"
#include "core/models/charrnn/charrnn_config.h"
#include "core/models/dbm/dbm_config.h"
#include "core/models/gmm/gmm_config.h"
#include "core/models/hmm/hmm_settings.h"
#include "core/models/nb/nb_factory.h"
#include "core/models/nb/nb_settings.h"
#include "core/models/pixelcnn/pixelcnn_config.h"
#include "core/models/rbm/rbm_config.h"
#include "core/models/word2vec/word2vec_settings.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/fuzz_trainers.h"

using namespace genlab;

namespace {

constexpr long long kMaxPoints = 20000;

bool smallDataset(const nlohmann::json& dataset) {
  if (dataset.value("kind", nlohmann::json()) == "csv") return false;
  const auto n = dataset.find("n");
  if (n == dataset.end() || !n->is_number()) return true;
  return n->get<double>() <= static_cast<double>(kMaxPoints);
}

// The trainer `make` builds from a lesson's settings (nullptr: a legitimate but slow request,
// skipped) takes two steps. Refused settings (ConfigError) and a step stopped on a non-finite
// value (NumericError, which the session reports) are fine; anything else is a finding.
template <class Make>
void twoSteps(const char* model, Make make) {
  try {
    const std::unique_ptr<train::Trainer> trainer = make();
    if (!trainer) return;
    std::vector<double> metrics(trainer->metricNames().size());
    trainer->step(metrics, {});
    trainer->step(metrics, {});
  } catch (const ConfigError&) {
  } catch (const NumericError&) {
  } catch (const std::exception& error) {
    fuzz::finding(std::string(model) + " settings break its trainer: " + error.what());
  }
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
  } else if (lesson.model == "nb") {
    fuzz::expectCleanRefusal("settings", [&] {
      const bool images = nb::isImageDataset(lesson.dataset);
      const nb::NbSettings settings = nb::NbSettings::fromJson(lesson.settings, images);
      const nb::NbSettings again = nb::NbSettings::fromJson(settings.toJson(), images);
      fuzz::check(again.toJson() == settings.toJson(), "nb settings round trip");
    });
    // Labelled points and their held-out part (nb_factory.cpp), and the trainer's checks of
    // them; image datasets read files (idx, digits) or make thousands of images: left out.
    if (!nb::isImageDataset(lesson.dataset) && smallDataset(lesson.dataset)) {
      try {
        nb::NbSettings::fromJson(lesson.settings, false);
      } catch (const ConfigError&) {
        return 0;  // refused above
      }
      fuzz::expectCleanRefusal({"dataset", "settings"}, [&] {
        const auto trainer = nb::makeNb(lesson, lesson.seed);
        fuzz::check(trainer->snapshot() != nullptr, "a snapshot of the first fit");
      });
      return 0;  // makeNb made the dataset
    }
  } else if (lesson.model == "rbm") {
    fuzz::expectCleanRefusal("settings", [&] {
      const rbm::RbmConfig config = rbm::RbmConfig::fromJson(lesson.settings);
      fuzz::check(rbm::RbmConfig::fromJson(config.toJson()).toJson() == config.toJson(),
                  "rbm settings round trip");
    });
    // What the settings make of 12 tiny images (fuzz_trainers.h) and two steps, where the
    // evaluation they ask for is small (AIS of up to 10^4 run-steps; 10^12 is a legitimate,
    // slow request).
    twoSteps("rbm", [&]() -> std::unique_ptr<train::Trainer> {
      const rbm::RbmConfig config = rbm::RbmConfig::fromJson(lesson.settings);
      if (static_cast<double>(config.aisRuns) * config.aisBetas > 1e4 || config.hidden > 64 ||
          config.learning.cdSteps > 50 || config.batch > 1000)
        return nullptr;
      return fuzz::makeRbmTrainer(config);
    });
  } else if (lesson.model == "dbm") {
    fuzz::expectCleanRefusal("settings", [&] {
      const dbm::DbmConfig config = dbm::DbmConfig::fromJson(lesson.settings);
      fuzz::check(dbm::DbmConfig::fromJson(config.toJson()).toJson() == config.toJson(),
                  "dbm settings round trip");
    });
    // As for the RBM: tiny images, two steps, where the evaluation asked for is small.
    twoSteps("dbm", [&]() -> std::unique_ptr<train::Trainer> {
      const dbm::DbmConfig config = dbm::DbmConfig::fromJson(lesson.settings);
      if (static_cast<double>(config.aisRuns) * config.aisBetas > 1e4 || config.hidden1 > 16 ||
          config.hidden2 > 16 || config.learning.cdSteps > 50 || config.batch > 1000 ||
          config.meanFieldIterations > 1000 || config.chains > 1000)
        return nullptr;
      return fuzz::makeDbmTrainer(config);
    });
  } else if (lesson.model == "word2vec") {
    fuzz::expectCleanRefusal("settings", [&] {
      const word2vec::Word2VecSettings settings = word2vec::settingsFromJson(lesson.settings);
      const auto json = word2vec::settingsToJson(settings);
      fuzz::check(word2vec::settingsToJson(word2vec::settingsFromJson(json)) == json,
                  "word2vec settings round trip");
    });
    // What the settings make of a small corpus (fuzz_trainers.h): the model's tables and two
    // steps of at most 64 updates (the lesson's pace could ask for 10^8). A step may stop on a
    // non-finite loss (NumericError, which the session reports), never crash.
    twoSteps("word2vec", [&]() -> std::unique_ptr<train::Trainer> {
      word2vec::Word2VecSettings settings = word2vec::settingsFromJson(lesson.settings);
      settings.updatesPerStep = std::min<std::int64_t>(settings.updatesPerStep, 64);
      return fuzz::makeWord2VecTrainer(settings);
    });
  } else if (lesson.model == "charrnn") {
    fuzz::expectCleanRefusal("settings", [&] {
      const charrnn::CharRnnConfig config = charrnn::CharRnnConfig::fromJson(lesson.settings);
      fuzz::check(charrnn::CharRnnConfig::fromJson(config.toJson()).toJson() == config.toJson(),
                  "charrnn settings round trip");
    });
    if (lesson.dataset.value("kind", nlohmann::json()) == "inline") {
      fuzz::expectCleanRefusal("dataset", [&] { charrnn::readCorpus(lesson.dataset); });
    }
  } else if (lesson.model == "pixelcnn") {
    fuzz::expectCleanRefusal("settings", [&] {
      const pixelcnn::PixelCnnConfig config = pixelcnn::PixelCnnConfig::fromJson(lesson.settings);
      fuzz::check(pixelcnn::PixelCnnConfig::fromJson(config.toJson()).toJson() == config.toJson(),
                  "pixelcnn settings round trip");
    });
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
