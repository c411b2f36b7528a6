#pragma once
// A lesson: what the lab opens and what `genlab train` runs. A JSON file in assets/lessons/:
//
//   {
//     "title":    "GMM: EM on three blobs",            shown in the lesson picker
//     "summary":  "Watch EM pull three ellipses...",  one or two sentences under the title
//     "model":    "gmm",                               a name known to core/models/registry
//     "dataset":  { "kind": "blobs", ... },            checked by the model's data reader
//     "settings": { "k": 3, ... },                     checked by the model's config
//     "views":    ["scatter", "log_likelihood"],       which views the lab shows
//     "display":  {"density": "contours"},             optional: how the views start out
//     "seed":     1,                                   optional, default 0
//     "steps":    100,                                 optional: default budget for `train`
//     "speed":    4,                                   optional: steps per second when playing
//     "order":    10,                                  optional: position in the picker
//     "compare_with": {"beta": 1.0}                    optional: the lab also trains a copy
//                                                      with these settings changed, side by side
//   }
//
// Unknown keys are errors (a typo must not silently fall back to a default).

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace genlab::lesson {

struct Lesson {
  std::filesystem::path file;
  std::string id;  // the file name without extension
  std::string title;
  std::string summary;
  std::string model;
  nlohmann::json dataset = nlohmann::json::object();
  nlohmann::json settings = nlohmann::json::object();
  std::vector<std::string> views;
  nlohmann::json display = nlohmann::json::object();  // checked by the model's UI
  std::uint64_t seed = 0;
  std::int64_t steps = 100;
  double speed = 0.0;  // 0: as fast as the trainer goes
  int order = 1000;
  nlohmann::json compareWith = nlohmann::json::object();  // settings of a second run, if any
};

// Reads and checks the shape of a lesson file. Throws ConfigError ("path: key: problem") or
// DataError ("path:line:column: parse error ...").
Lesson loadLesson(const std::filesystem::path& file);

// The same check of a lesson already parsed: `file` becomes Lesson::file (the folder relative
// data paths are resolved in, and the id), `context` starts error messages (default: the file).
Lesson lessonFromJson(const nlohmann::json& json, const std::filesystem::path& file,
                      const std::string& context = "");

// Every key of the lesson file format; lessonFromJson(lessonToJson(l), l.file) equals l. A run
// folder keeps its lesson this way, so it reopens after the lesson file changed or moved.
nlohmann::json lessonToJson(const Lesson& lesson);

// Every *.json lesson in `directory`, sorted by order then title. Files that fail to load are
// skipped, and their messages appended to `errors`.
std::vector<Lesson> loadLessonDirectory(const std::filesystem::path& directory,
                                        std::vector<std::string>& errors);

// Applies "key=value" overrides to lesson.settings. The value is parsed as JSON when it can be
// (numbers, booleans, arrays), else taken as a string. Throws ConfigError on a malformed item.
void applyOverrides(Lesson& lesson, const std::vector<std::string>& assignments);

// The same for the lesson's "display" object.
void applyDisplayOverrides(Lesson& lesson, const std::vector<std::string>& assignments);

// Where lessons and other assets live: $GENLAB_ASSETS, else the source tree's assets/.
std::filesystem::path assetsDirectory();

// Reads a JSON file; parse errors become DataError naming path, line and column.
nlohmann::json readJsonFile(const std::filesystem::path& file);

}  // namespace genlab::lesson
