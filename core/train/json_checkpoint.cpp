#include "core/train/json_checkpoint.h"

#include <fstream>

#include "core/util/errors.h"
#include "core/util/file_write.h"

namespace genlab::train {

void writeJsonCheckpoint(const std::filesystem::path& file, const nlohmann::json& content) {
  writeWholeFile(file, content.dump() + '\n');
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
