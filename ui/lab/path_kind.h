#pragma once
// What a file or folder handed to the lab is (dropped on the window, or chosen in a dialog), by
// its content rather than its name: a lesson, a run, a sweep (a folder of runs), or data the
// lessons can import. Reads at most the first 64 KiB of a file (gzip undone for IDX), and never
// throws: an unreadable or unknown path is kUnknown with the reason in `why`.

#include <filesystem>
#include <string>
#include <vector>

namespace genlab::lab {

enum class PathKind {
  kLesson,     // a lesson JSON (title, model, dataset)
  kRun,        // a run folder; for a run.json file, `path` is its folder
  kSweep,      // a folder whose subfolders (up to two levels down) are runs
  kPoints,     // CSV of numbers, two or more columns (a GMM's points)
  kIdxImages,  // IDX images (MNIST format, magic 0x803), gzipped or not
  kIdxLabels,  // IDX labels (magic 0x801): data only beside their images
  kSequence,   // text of whitespace-separated tokens, or one number a line (an HMM's rolls)
  kUnknown,
};

struct PathClass {
  PathKind kind = PathKind::kUnknown;
  std::filesystem::path path;  // what to open: the run folder for a run.json
  std::string why;             // kUnknown: why not; otherwise a short description
  bool numbers = false;        // kSequence: one number a line (Gaussian emissions), not symbols
};

PathClass classifyPath(const std::filesystem::path& path);

// "a lesson", "a run folder", "CSV points", ...: for messages.
const char* pathKindName(PathKind kind);

}  // namespace genlab::lab
