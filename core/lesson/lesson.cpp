#include "core/lesson/lesson.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::lesson {
namespace {

// Turns a byte offset into "line:column" (both 1-based) for parse error messages.
std::string lineAndColumn(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

template <class T>
T required(const nlohmann::json& object, const char* key, const std::string& where) {
  if (!object.contains(key)) throw ConfigError(where + ": missing required key \"" + key + "\"");
  // get<int>() would cast 1e300 (undefined behaviour) or -1 to a seed without a word.
  if constexpr (std::is_integral_v<T>) {
    return data::readInteger<T>(object.at(key), where + ": " + key);
  }
  try {
    return object.at(key).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw ConfigError(where + ": " + key + ": has the wrong type (" +
                      std::string(object.at(key).type_name()) + ")");
  }
}

template <class T>
T optional(const nlohmann::json& object, const char* key, T fallback, const std::string& where) {
  if (!object.contains(key)) return fallback;
  return required<T>(object, key, where);
}

}  // namespace

nlohmann::json readJsonFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw DataError(file.string() + ": cannot open the file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann's byte is one past the offending character.
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    std::string reason = error.what();
    if (auto pos = reason.find("parse error"); pos != std::string::npos)
      reason = reason.substr(pos);
    throw DataError(file.string() + ":" + lineAndColumn(text, offset) + ": " + reason);
  } catch (const nlohmann::json::exception& error) {
    // A number too large for a double (1e999) is out_of_range, which carries no position.
    throw DataError(file.string() + ": not valid JSON (" + error.what() + ")");
  }
}

Lesson loadLesson(const std::filesystem::path& file) {
  return lessonFromJson(readJsonFile(file), file);
}

nlohmann::json lessonToJson(const Lesson& lesson) {
  return {{"title", lesson.title},       {"summary", lesson.summary},
          {"model", lesson.model},       {"dataset", lesson.dataset},
          {"settings", lesson.settings}, {"views", lesson.views},
          {"display", lesson.display},   {"seed", lesson.seed},
          {"steps", lesson.steps},       {"speed", lesson.speed},
          {"order", lesson.order},       {"compare_with", lesson.compareWith}};
}

Lesson lessonFromJson(const nlohmann::json& json, const std::filesystem::path& file,
                      const std::string& context) {
  const std::string where = context.empty() ? file.string() : context;
  if (!json.is_object()) throw ConfigError(where + ": a lesson must be a JSON object");
  static const std::set<std::string> known = {"title",    "summary", "model",   "dataset",
                                              "settings", "views",   "display", "seed",
                                              "steps",    "speed",   "order",   "compare_with"};
  for (const auto& item : json.items()) {
    if (!known.contains(item.key())) {
      throw ConfigError(
          where + ": unknown key \"" + item.key() +
          "\" (known: title, summary, model, dataset, settings, views, display, seed, "
          "steps, speed, order, compare_with)");
    }
  }
  Lesson lesson;
  lesson.file = file;
  lesson.id = file.stem().string();
  lesson.title = required<std::string>(json, "title", where);
  lesson.summary = optional<std::string>(json, "summary", "", where);
  lesson.model = required<std::string>(json, "model", where);
  lesson.dataset = optional<nlohmann::json>(json, "dataset", nlohmann::json::object(), where);
  lesson.settings = optional<nlohmann::json>(json, "settings", nlohmann::json::object(), where);
  lesson.views = optional<std::vector<std::string>>(json, "views", {}, where);
  lesson.display = optional<nlohmann::json>(json, "display", nlohmann::json::object(), where);
  if (!lesson.display.is_object()) throw ConfigError(where + ": display: must be an object");
  lesson.seed = optional<std::uint64_t>(json, "seed", 0, where);
  lesson.steps = optional<std::int64_t>(json, "steps", 100, where);
  lesson.speed = optional<double>(json, "speed", 0.0, where);
  lesson.order = optional<int>(json, "order", 1000, where);
  lesson.compareWith =
      optional<nlohmann::json>(json, "compare_with", nlohmann::json::object(), where);
  if (!lesson.compareWith.is_object())
    throw ConfigError(where + ": compare_with: must be an object of settings");
  if (!lesson.dataset.is_object()) throw ConfigError(where + ": dataset: must be an object");
  if (!lesson.settings.is_object()) throw ConfigError(where + ": settings: must be an object");
  if (lesson.steps < 1) throw ConfigError(where + ": steps: must be at least 1");
  if (lesson.speed < 0.0) throw ConfigError(where + ": speed: must not be negative");
  return lesson;
}

std::vector<Lesson> loadLessonDirectory(const std::filesystem::path& directory,
                                        std::vector<std::string>& errors) {
  std::vector<Lesson> lessons;
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    errors.push_back(directory.string() + ": lesson folder not found");
    return lessons;
  }
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    if (entry.path().extension() != ".json") continue;
    try {
      lessons.push_back(loadLesson(entry.path()));
    } catch (const std::exception& error) {
      errors.emplace_back(error.what());
    }
  }
  std::sort(lessons.begin(), lessons.end(), [](const Lesson& a, const Lesson& b) {
    return std::tie(a.order, a.title) < std::tie(b.order, b.title);
  });
  return lessons;
}

namespace {

void assignAll(nlohmann::json& target, const std::vector<std::string>& assignments,
               const char* option) {
  for (const auto& assignment : assignments) {
    const auto equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw ConfigError(std::string(option) + " " + assignment + ": expected key=value");
    }
    const std::string key = assignment.substr(0, equals);
    const std::string text = assignment.substr(equals + 1);
    nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) value = text;
    target[key] = value;
  }
}

}  // namespace

void applyOverrides(Lesson& lesson, const std::vector<std::string>& assignments) {
  assignAll(lesson.settings, assignments, "--set");
}

void applyDisplayOverrides(Lesson& lesson, const std::vector<std::string>& assignments) {
  assignAll(lesson.display, assignments, "--display");
}

std::filesystem::path assetsDirectory() {
  if (const char* env = std::getenv("GENLAB_ASSETS")) return env;
#ifdef GENLAB_SOURCE_DIR
  return std::filesystem::path(GENLAB_SOURCE_DIR) / "assets";
#else
  return "assets";
#endif
}

}  // namespace genlab::lesson
