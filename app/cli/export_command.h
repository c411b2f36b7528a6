#pragma once
// genlab export: a run's view as a PNG, its timeline as PNG frames or a GIF (these need GL, so
// only the `genlab` binary draws them: it installs a ViewExporter), and the curves of one or
// more runs as CSV (any binary).

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace genlab::cli {

// The picture part of an export, checked for what needs no run or GL (sizes, paths).
struct ViewExportArgs {
  std::filesystem::path run;
  std::string view;
  std::optional<std::int64_t> step;
  std::filesystem::path png;
  std::filesystem::path framesDir;
  std::filesystem::path gif;
  double fps = 10.0;
  std::optional<std::int64_t> from;
  std::optional<std::int64_t> to;
  std::optional<int> count;
  int width = 1600;
  int height = 900;
  float scale = 0.0f;  // 0: chosen from the height
  bool present = false;
  bool caption = true;
};

using ViewExporter = std::function<void(const ViewExportArgs&)>;

// Installed by the lab binary before the command line runs; without one, picture exports are
// refused with a message pointing at `genlab`.
void setViewExporter(ViewExporter exporter);

// "WxH" with both sides in [16, 16384]; throws CliFailure naming --size otherwise.
void parseSize(const std::string& text, int& width, int& height);

// Throws CliFailure naming `option` and `file` when `file` could not be created (its folder is
// missing or not writable, or it is a folder).
void checkWritableFile(const std::string& option, const std::filesystem::path& file);

void registerExport(CLI::App& app);

}  // namespace genlab::cli
