#include "core/models/hmm/hmm_dataset.h"

#include "core/data/json_fields.h"
#include "core/models/hmm/model_json.h"
#include "core/models/hmm/sampling.h"
#include "core/models/hmm/sequence_files.h"
#include "core/util/errors.h"

namespace genlab::hmm {
namespace {

using nlohmann::json;

constexpr const char* kPrefix = "dataset";
constexpr long long kMaxLength = 10'000'000;
constexpr long long kMaxSequences = 1000;

std::string key(std::string_view name) {
  return data::joinKey(kPrefix, name);
}

std::vector<std::string> readStrings(const json& value, std::string_view path) {
  if (!value.is_array()) throw ConfigError(std::string(path) + ": expected an array of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value.size(); ++i)
    out.push_back(data::readString(value[i], std::string(path) + "[" + std::to_string(i) + "]"));
  return out;
}

EmissionKind readEmission(const json& value, std::string_view path) {
  const std::string name = data::readString(value, path);
  if (name == "discrete") return EmissionKind::Discrete;
  if (name == "gaussian") return EmissionKind::Gaussian;
  throw ConfigError(std::string(path) + ": \"" + name + "\" is not \"discrete\" or \"gaussian\"");
}

HmmDataset sampled(const json& spec, Rng& rng) {
  data::requireObjectWithKeys(spec, kPrefix,
                              {"kind", "model", "length", "sequences", "state_names"});
  if (!spec.contains("model")) throw ConfigError(key("model") + ": required");
  HmmDataset out;
  out.source = modelFromJson(spec["model"], key("model"));
  const HmmModel& model = *out.source;
  const Index length =
      spec.contains("length")
          ? static_cast<Index>(data::readInt(spec["length"], key("length"), 1, kMaxLength))
          : Index{200};
  const long long count = spec.contains("sequences")
                              ? data::readInt(spec["sequences"], key("sequences"), 1, kMaxSequences)
                              : 1;
  for (long long s = 0; s < count; ++s) {
    SampledSequence seq = sample(model, length, rng);
    out.sequences.push_back(std::move(seq.observations));
    out.truePaths.push_back(std::move(seq.path));
  }
  out.emission = model.emission;
  if (model.isDiscrete()) {
    out.symbols = model.symbols();
    out.alphabet = model.alphabet;
  }
  return out;
}

HmmDataset fromFiles(const json& spec, const std::filesystem::path& baseDir,
                     EmissionKind fallback) {
  data::requireObjectWithKeys(spec, kPrefix, {"kind", "path", "paths", "emission", "state_names"});
  if (spec.contains("path") == spec.contains("paths"))
    throw ConfigError(key("paths") + ": give either \"path\" or \"paths\"");
  std::vector<std::string> names =
      spec.contains("paths")
          ? readStrings(spec["paths"], key("paths"))
          : std::vector<std::string>{data::readString(spec["path"], key("path"))};
  if (names.empty()) throw ConfigError(key("paths") + ": is empty");
  std::vector<std::filesystem::path> files;
  for (const auto& name : names) {
    const std::filesystem::path p(name);
    files.push_back(p.is_relative() && !baseDir.empty() ? baseDir / p : p);
  }
  HmmDataset out;
  out.emission =
      spec.contains("emission") ? readEmission(spec["emission"], key("emission")) : fallback;
  SequenceSet set = loadSequences(files, out.emission);
  out.sequences = std::move(set.sequences);
  out.symbols = set.symbols;
  out.alphabet = std::move(set.alphabet);
  return out;
}

}  // namespace

HmmDataset makeHmmDataset(const json& spec, Rng& rng, const std::filesystem::path& baseDir,
                          EmissionKind fallback) {
  if (!spec.is_object()) throw ConfigError(std::string(kPrefix) + ": expected an object");
  if (!spec.contains("kind"))
    throw ConfigError(key("kind") + ": required (\"sample\" or \"file\")");
  const std::string kind = data::readString(spec["kind"], key("kind"));
  HmmDataset out;
  if (kind == "sample") {
    out = sampled(spec, rng);
  } else if (kind == "file") {
    out = fromFiles(spec, baseDir, fallback);
  } else {
    throw ConfigError(key("kind") + ": \"" + kind + "\" is not \"sample\" or \"file\"");
  }
  if (spec.contains("state_names")) {
    out.stateNames = readStrings(spec["state_names"], key("state_names"));
    if (out.source && static_cast<Index>(out.stateNames.size()) != out.source->states())
      throw ConfigError(key("state_names") + ": " + std::to_string(out.stateNames.size()) +
                        " names for a model with " + std::to_string(out.source->states()) +
                        " states");
  }
  return out;
}

HmmDatasetLabels datasetLabels(const json& spec) {
  HmmDatasetLabels labels;
  if (!spec.is_object()) return labels;
  auto strings = [](const json& value) {
    std::vector<std::string> out;
    if (!value.is_array()) return out;
    for (const auto& item : value) {
      if (!item.is_string()) return std::vector<std::string>{};
      out.push_back(item.get<std::string>());
    }
    return out;
  };
  if (auto it = spec.find("state_names"); it != spec.end()) labels.stateNames = strings(*it);
  if (auto model = spec.find("model"); model != spec.end() && model->is_object())
    if (auto it = model->find("alphabet"); it != model->end()) labels.alphabet = strings(*it);
  return labels;
}

}  // namespace genlab::hmm
