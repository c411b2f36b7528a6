#include "core/models/registry.h"

#include <functional>
#include <map>

#include "core/data/point_dataset.h"
#include "core/eval/leaderboard_trainer.h"
#include "core/models/charrnn/charrnn_factory.h"
#include "core/models/dbm/dbm_factory.h"
#include "core/models/gan/gan_factory.h"
#include "core/models/gmm/gmm_trainer.h"
#include "core/models/hmm/hmm_dataset.h"
#include "core/models/hmm/hmm_trainer.h"
#include "core/models/hmm/model_json.h"
#include "core/models/memory_estimate.h"
#include "core/models/nb/nb_factory.h"
#include "core/models/pixelcnn/pixelcnn_factory.h"
#include "core/models/rbm/rbm_factory.h"
#include "core/models/vae/vae_factory.h"
#include "core/models/word2vec/word2vec_factory.h"
#include "core/platform/threading.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::models {
namespace {

using Factory =
    std::function<std::unique_ptr<train::Trainer>(const lesson::Lesson&, std::uint64_t)>;

// The dataset is drawn from its own stream of the session seed, so resetting with the same seed
// gives the same data and the same initialisation, and a new seed gives new ones of both.
constexpr std::uint64_t kDatasetStream = 0x9E3779B97F4A7C15ull;

std::unique_ptr<train::Trainer> makeGmm(const lesson::Lesson& lesson, std::uint64_t seed) {
  Rng dataRng(seed ^ kDatasetStream);
  data::PointSet points = data::makeDataset(lesson.dataset, dataRng, lesson.file.parent_path());
  const gmm::GmmConfig config = gmm::GmmConfig::fromJson(lesson.settings);
  auto trainer = std::make_unique<gmm::GmmTrainer>(config, std::move(points.points), seed,
                                                   std::move(points.labels));
  trainer->setThreads(platform::currentThreadSettings().intraOpThreads);
  return trainer;
}

// HMM lessons: "dataset" in the format of core/models/hmm/hmm_dataset.h ({"kind": "sample",
// "model": {...}, "length": 300} or {"kind": "file", "paths": [...]}), "settings" in that of
// hmm_settings.h. Settings the dataset already determines may be left out: "emission" and
// "symbols" default to the dataset's, and "init": "given" without "model" starts from the model
// the data was sampled from (to watch decoding under the true parameters).
std::unique_ptr<train::Trainer> makeHmm(const lesson::Lesson& lesson, std::uint64_t seed) {
  Rng dataRng(seed ^ kDatasetStream);
  nlohmann::json settings = lesson.settings;
  // Bad types are left for the trainer's strict settings reader to report by key.
  const bool object = settings.is_object();
  const bool gaussian =
      object && settings.contains("emission") && settings["emission"] == "gaussian";
  hmm::HmmDataset data =
      hmm::makeHmmDataset(lesson.dataset, dataRng, lesson.file.parent_path(),
                          gaussian ? hmm::EmissionKind::Gaussian : hmm::EmissionKind::Discrete);
  if (object) {
    if (!settings.contains("emission")) settings["emission"] = hmm::emissionName(data.emission);
    if (data.emission == hmm::EmissionKind::Discrete && data.symbols > 0 &&
        !settings.contains("symbols"))
      settings["symbols"] = data.symbols;
    if (settings.contains("init") && settings["init"] == "given" && !settings.contains("model") &&
        data.source)
      settings["model"] = hmm::modelToJson(*data.source);
  }
  return std::make_unique<hmm::HmmTrainer>(settings, std::move(data.sequences), seed,
                                           std::move(data.truePaths));
}

const std::map<std::string, Factory>& factories() {
  static const std::map<std::string, Factory> table = {{"gmm", makeGmm},
                                                       {"hmm", makeHmm},
                                                       {"vae", vae::makeVae},
                                                       {"gan2d", gan::makeGan2d},
                                                       {"gan_image", gan::makeImageGan},
                                                       {"nb", nb::makeNb},
                                                       {"word2vec", word2vec::makeWord2Vec},
                                                       {"rbm", rbm::makeRbm},
                                                       {"dbm", dbm::makeDbm},
                                                       {"charrnn", charrnn::makeCharRnn},
                                                       {"pixelcnn", pixelcnn::makePixelCnn},
                                                       {"leaderboard", eval::makeLeaderboard}};
  return table;
}

}  // namespace

std::vector<std::string> knownModels() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : factories()) names.push_back(name);
  return names;
}

std::unique_ptr<train::Trainer> makeTrainer(const lesson::Lesson& lesson, std::uint64_t seed) {
  const std::string where = lesson.file.string();
  const auto& table = factories();
  const auto it = table.find(lesson.model);
  if (it == table.end()) {
    std::string known;
    for (const auto& name : knownModels()) known += (known.empty() ? "" : ", ") + name;
    throw ConfigError(where + ": model: unknown model \"" + lesson.model + "\" (known: " + known +
                      ")");
  }
  refuseIfTooLargeForMemory(lesson);  // before any data is generated or read
  try {
    return it->second(lesson, seed);
  } catch (const ConfigError& error) {
    throw ConfigError(where + ": " + error.what());
  } catch (const DataError& error) {
    throw DataError(where + ": " + error.what());
  }
}

}  // namespace genlab::models
