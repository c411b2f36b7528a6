#include "core/train/json_checkpoint.h"

#include <fstream>

#include "core/util/errors.h"

namespace genlab::train {

void writeJsonCheckpoint(const std::filesystem::path& file, const nlohmann::json& content) {
  std::ofstream stream(file);
  if (!stream) throw DataError(file.string() + ": cannot open for writing");
  stream << content.dump() << '\n';
  if (!stream) throw DataError(file.string() + ": write failed (disk full?)");
}

nlohmann::json readJsonCheckpoint(const std::filesystem::path& file) {
  std::ifstream stream(file);
  if (!stream) throw DataError(file.string() + ": cannot open the checkpoint");
  nlohmann::json content = nlohmann::json::parse(stream, nullptr, /*allow_exceptions=*/false);
  if (content.is_discarded() || !content.is_object())
    throw DataError(file.string() + ": not a JSON checkpoint");
  return content;
}

}  // namespace genlab::train
