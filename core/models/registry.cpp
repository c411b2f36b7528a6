#include "core/models/registry.h"

#include <functional>
#include <map>

#include "core/util/errors.h"

namespace genlab::models {
namespace {

using Factory = std::function<std::unique_ptr<train::Trainer>(const lesson::Lesson&, std::uint64_t)>;

const std::map<std::string, Factory>& factories() {
  static const std::map<std::string, Factory> table = {};
  return table;
}

}  // namespace

std::vector<std::string> knownModels() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : factories()) names.push_back(name);
  return names;
}

std::unique_ptr<train::Trainer> makeTrainer(const lesson::Lesson& lesson, std::uint64_t seed) {
  const std::string where = lesson.file.string();
  const auto& table = factories();
  const auto it = table.find(lesson.model);
  if (it == table.end()) {
    std::string known;
    for (const auto& name : knownModels()) known += (known.empty() ? "" : ", ") + name;
    throw ConfigError(where + ": model: unknown model \"" + lesson.model + "\" (known: " + known + ")");
  }
  try {
    return it->second(lesson, seed);
  } catch (const ConfigError& error) {
    throw ConfigError(where + ": " + error.what());
  } catch (const DataError& error) {
    throw DataError(where + ": " + error.what());
  }
}

}  // namespace genlab::models
