#pragma once
// What every fuzz target shares: the input as a file (the parsers read paths, as the lab and
// the command line give them), and the rule for a clean refusal.
//
// A clean refusal is a genlab::DataError or genlab::ConfigError (core/util/errors.h) whose
// message names the file it refused (or, for the settings checks a lesson feeds, the key). Any
// other exception (a std::out_of_range, a nlohmann::json::type_error), a message that does not
// say where, a crash, a sanitizer report, a leak or a hang is a finding: the target aborts and
// libFuzzer keeps the input.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "core/util/errors.h"

namespace genlab::fuzz {

// One scratch folder per process, so two fuzzers (or -fork workers) never share a file.
inline const std::filesystem::path& scratchFolder() {
  static const std::filesystem::path folder = [] {
    auto path =
        std::filesystem::temp_directory_path() / ("genlab-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    return path;
  }();
  return folder;
}

[[noreturn]] inline void finding(const std::string& what) {
  std::fprintf(stderr, "genlab fuzz finding: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

// Writes `data` to `path` (replacing it), or appends it.
inline void writeBytes(const std::filesystem::path& path, const std::uint8_t* data,
                       std::size_t size, bool append = false) {
  std::ofstream out(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) finding("cannot write the scratch file " + path.string());
}

// The fuzz input as the file `name` in the scratch folder.
class InputFile {
 public:
  InputFile(const std::uint8_t* data, std::size_t size, std::string_view name)
      : m_path(scratchFolder() / name) {
    writeBytes(m_path, data, size);
  }
  ~InputFile() {
    std::error_code ignored;
    std::filesystem::remove(m_path, ignored);
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

// Runs `parse`. A DataError or ConfigError whose message contains one of `wheres` (a path, or
// a key prefix such as "settings" or "dataset") is a clean refusal; anything else escaping is a
// finding.
template <class Parse>
void expectCleanRefusal(std::initializer_list<std::string_view> wheres, Parse&& parse) {
  std::string message;
  try {
    parse();
    return;
  } catch (const DataError& error) {
    message = error.what();
  } catch (const ConfigError& error) {
    message = error.what();
  } catch (const std::exception& error) {
    finding(std::string("unexpected exception (not DataError/ConfigError): ") + error.what());
  }
  for (const std::string_view where : wheres) {
    if (message.find(where) != std::string::npos) return;
  }
  finding("the message does not name \"" + std::string(*wheres.begin()) +
          "\" (or the like): " + message);
}

// The same with one `where`.
template <class Parse>
void expectCleanRefusal(std::string_view where, Parse&& parse) {
  expectCleanRefusal({where}, std::forward<Parse>(parse));
}

inline void check(bool holds, const std::string& what) {
  if (!holds) finding("accepted input breaks an invariant: " + what);
}

}  // namespace genlab::fuzz
