#include "core/models/word2vec/word2vec_checkpoint.h"

#include <bit>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "core/data/json_fields.h"
#include "core/util/errors.h"
#include "core/util/file_write.h"

namespace genlab::word2vec {
namespace {

static_assert(std::endian::native == std::endian::little, "checkpoints store little-endian floats");

constexpr const char* kMagic = "genlab-word2vec-checkpoint 1\n";

void appendFloats(std::string& bytes, const std::vector<float>& values) {
  const auto* begin = reinterpret_cast<const char*>(values.data());
  bytes.append(begin, values.size() * sizeof(float));
}

template <class T>
T integer(const nlohmann::json& json, const char* key) {
  if (!json.contains(key)) throw ConfigError(std::string(key) + ": missing");
  return data::readInteger<T>(json[key], key);
}

double number(const nlohmann::json& json, const char* key) {
  if (!json.contains(key) || !json[key].is_number())
    throw ConfigError(std::string(key) + ": expected a number");
  return json[key].get<double>();
}

bool flag(const nlohmann::json& json, const char* key) {
  if (!json.contains(key)) throw ConfigError(std::string(key) + ": missing");
  return data::readBool(json[key], key);
}

template <class T>
std::vector<T> list(const nlohmann::json& json, const char* key) {
  if (!json.contains(key) || !json[key].is_array())
    throw ConfigError(std::string(key) + ": expected an array");
  std::vector<T> out;
  for (const auto& value : json[key]) {
    if (!value.is_number()) throw ConfigError(std::string(key) + ": expected numbers");
    out.push_back(value.get<T>());
  }
  return out;
}

}  // namespace

nlohmann::json toJson(const PairUpdate& u) {
  return {{"inputs", u.inputs},
          {"target", u.target},
          {"prediction", u.prediction},
          {"negatives", u.negatives},
          {"alpha", u.alpha},
          {"positive_before", u.positiveBefore},
          {"positive_after", u.positiveAfter},
          {"negative_before", u.negativeBefore},
          {"negative_after", u.negativeAfter},
          {"loss", u.loss},
          {"input_before", u.inputBefore},
          {"input_after", u.inputAfter},
          {"output_before", u.outputBefore},
          {"output_after", u.outputAfter}};
}

PairUpdate pairUpdateFromJson(const nlohmann::json& json) {
  PairUpdate u;
  u.inputs = list<int>(json, "inputs");
  u.target = integer<int>(json, "target");
  u.prediction = integer<std::int64_t>(json, "prediction");
  u.negatives = list<int>(json, "negatives");
  u.alpha = static_cast<float>(number(json, "alpha"));
  u.positiveBefore = static_cast<float>(number(json, "positive_before"));
  u.positiveAfter = static_cast<float>(number(json, "positive_after"));
  u.negativeBefore = list<float>(json, "negative_before");
  u.negativeAfter = list<float>(json, "negative_after");
  u.loss = static_cast<float>(number(json, "loss"));
  u.inputBefore = list<float>(json, "input_before");
  u.inputAfter = list<float>(json, "input_after");
  u.outputBefore = list<float>(json, "output_before");
  u.outputAfter = list<float>(json, "output_after");
  return u;
}

nlohmann::json toJson(const TrainingState& s) {
  return {{"epoch", s.epoch},
          {"sentence", s.sentence},
          {"words_done", s.wordsDone},
          {"epoch_loss", s.epochLoss},
          {"last_epoch_loss", s.lastEpochLoss},
          {"epoch_pairs", s.epochPairs},
          {"last_epoch_pairs", s.lastEpochPairs},
          {"total_loss", s.totalLoss},
          {"total_predictions", s.totalPredictions},
          {"random", s.random},
          {"predictions", s.predictions},
          {"loaded", s.loaded},
          {"words", s.words},
          {"centre", s.centre},
          {"lo", s.lo},
          {"hi", s.hi},
          {"context", s.context},
          {"window_drawn", s.windowDrawn},
          {"alpha", s.alpha},
          {"last_update", toJson(s.lastUpdate)}};
}

TrainingState trainingStateFromJson(const nlohmann::json& json) {
  if (!json.is_object()) throw ConfigError("state: expected an object");
  TrainingState s;
  s.epoch = integer<int>(json, "epoch");
  s.sentence = integer<std::int64_t>(json, "sentence");
  s.wordsDone = integer<std::int64_t>(json, "words_done");
  s.epochLoss = number(json, "epoch_loss");
  s.lastEpochLoss = number(json, "last_epoch_loss");
  s.epochPairs = integer<std::int64_t>(json, "epoch_pairs");
  s.lastEpochPairs = integer<std::int64_t>(json, "last_epoch_pairs");
  s.totalLoss = number(json, "total_loss");
  s.totalPredictions = integer<std::int64_t>(json, "total_predictions");
  s.random = integer<std::uint64_t>(json, "random");
  s.predictions = integer<std::int64_t>(json, "predictions");
  s.loaded = flag(json, "loaded");
  s.words = list<std::int32_t>(json, "words");
  s.centre = integer<std::int64_t>(json, "centre");
  s.lo = integer<std::int64_t>(json, "lo");
  s.hi = integer<std::int64_t>(json, "hi");
  s.context = integer<std::int64_t>(json, "context");
  s.windowDrawn = flag(json, "window_drawn");
  s.alpha = static_cast<float>(number(json, "alpha"));
  if (!json.contains("last_update")) throw ConfigError("last_update: missing");
  s.lastUpdate = pairUpdateFromJson(json["last_update"]);
  return s;
}

void writeWord2VecCheckpoint(const std::filesystem::path& file, const CheckpointContent& content) {
  const std::string header = content.header.dump();
  std::string bytes = kMagic;
  bytes += std::to_string(header.size()) + '\n' + header;
  bytes.reserve(bytes.size() + (content.input.size() + content.output.size()) * sizeof(float));
  appendFloats(bytes, content.input);
  appendFloats(bytes, content.output);
  writeWholeFile(file, bytes);
}

CheckpointContent readWord2VecCheckpoint(const std::filesystem::path& file, std::size_t cells) {
  const std::string where = file.string() + ": ";
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DataError(where + "cannot open the checkpoint");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string magic = kMagic;
  if (bytes.compare(0, magic.size(), magic) != 0)
    throw DataError(where + "not a word2vec checkpoint");
  const std::size_t lineEnd = bytes.find('\n', magic.size());
  if (lineEnd == std::string::npos) throw DataError(where + "truncated after line 1");
  std::size_t headerBytes = 0;
  try {
    headerBytes = std::stoull(bytes.substr(magic.size(), lineEnd - magic.size()));
  } catch (const std::exception&) {
    throw DataError(where + "no header length on line 2");
  }
  if (headerBytes > bytes.size()) throw DataError(where + "truncated in the header");
  const std::size_t floatsAt = lineEnd + 1 + headerBytes;
  const std::size_t expected = floatsAt + 2 * cells * sizeof(float);
  if (bytes.size() != expected) {
    throw DataError(where + std::to_string(bytes.size()) + " bytes, expected " +
                    std::to_string(expected) + " for " + std::to_string(cells) +
                    " values per matrix (truncated, or of another model)");
  }
  CheckpointContent content;
  content.header = nlohmann::json::parse(bytes.substr(lineEnd + 1, headerBytes), nullptr, false);
  if (content.header.is_discarded() || !content.header.is_object())
    throw DataError(where + "the header is not a JSON object");
  content.input.resize(cells);
  content.output.resize(cells);
  std::memcpy(content.input.data(), bytes.data() + floatsAt, cells * sizeof(float));
  std::memcpy(content.output.data(), bytes.data() + floatsAt + cells * sizeof(float),
              cells * sizeof(float));
  return content;
}

}  // namespace genlab::word2vec
