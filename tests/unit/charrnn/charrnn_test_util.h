#pragma once
// What the char-RNN tests share besides tests/error_message.h: per-process temporary paths.

#include <unistd.h>

#include <filesystem>
#include <string>

namespace genlab::charrnn {

// A path in the temporary folder, unique to this process.
inline std::filesystem::path tempPath(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("genlab_charrnn_" + std::to_string(::getpid()) + "_" + name);
}

}  // namespace genlab::charrnn
