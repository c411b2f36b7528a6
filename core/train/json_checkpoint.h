#pragma once
// The file side of the Eigen models' JSON checkpoints (GMM, HMM): one compact JSON object per
// file. The caller writes to a temporary name and renames (Trainer::saveCheckpoint).

#include <filesystem>
#include <nlohmann/json.hpp>

namespace genlab::train {

// Throws StorageError "file: no space left on device (...)" when it cannot write it whole.
void writeJsonCheckpoint(const std::filesystem::path& file, const nlohmann::json& content);

// The object in `file`. Throws DataError naming the file when it cannot be read or does not
// hold a JSON object.
nlohmann::json readJsonCheckpoint(const std::filesystem::path& file);

}  // namespace genlab::train
