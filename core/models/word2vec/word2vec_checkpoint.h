#pragma once
// word2vec checkpoints: a JSON header (settings, step, the training state of TrainingState,
// metrics bookkeeping) followed by the two matrices as raw floats, so a checkpoint of a
// 10,000-word, 100-dimensional model is 8 MB and reloads bit for bit:
//
//   "genlab-word2vec-checkpoint 1\n"
//   "<header bytes>\n"
//   <header: one JSON object>
//   <input vectors: V x D little-endian IEEE floats, row-major> <output vectors: the same>
//
// The JSON keeps every double exactly (nlohmann writes the shortest round-trip form).

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/models/word2vec/word2vec_model.h"

namespace genlab::word2vec {

struct CheckpointContent {
  nlohmann::json header;
  std::vector<float> input, output;
};

// Throws StorageError when the file cannot be written whole.
void writeWord2VecCheckpoint(const std::filesystem::path& file, const CheckpointContent& content);

// Throws DataError naming the file: not a word2vec checkpoint, a truncated one, sizes that do
// not match `cells` (V x D of the model it is loaded into).
CheckpointContent readWord2VecCheckpoint(const std::filesystem::path& file, std::size_t cells);

nlohmann::json toJson(const TrainingState& state);
// Throws ConfigError naming the key for a missing or malformed field.
TrainingState trainingStateFromJson(const nlohmann::json& json);

nlohmann::json toJson(const PairUpdate& update);
PairUpdate pairUpdateFromJson(const nlohmann::json& json);

}  // namespace genlab::word2vec
