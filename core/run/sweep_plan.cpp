#include "core/run/sweep_plan.h"

#include <fstream>
#include <set>

#include "core/data/json_fields.h"
#include "core/run/run_writer.h"
#include "core/util/errors.h"

namespace genlab::run {
namespace fs = std::filesystem;
namespace {

// Splits at top-level commas: not inside [], {} or a double-quoted string.
std::vector<std::string> splitValues(const std::string& text) {
  std::vector<std::string> parts(1);
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\' && i + 1 < text.size())
        parts.back() += text[i++];
      else if (c == '"')
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 0) {
      parts.emplace_back();
      continue;
    }
    parts.back() += c;
  }
  return parts;
}

bool safeInFileName(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
         c == '=';
}

std::string valueText(const nlohmann::ordered_json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

SweepAxis parseGridItem(const std::string& item) {
  const auto equals = item.find('=');
  if (equals == std::string::npos || equals == 0)
    throw ConfigError("--grid " + item + ": expected key=value1,value2,...");
  SweepAxis axis;
  axis.key = item.substr(0, equals);
  for (const std::string& text : splitValues(item.substr(equals + 1))) {
    if (text.empty())
      throw ConfigError("--grid " + axis.key + ": an empty value (in \"" + item + "\")");
    nlohmann::ordered_json value =
        nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) value = text;
    axis.values.push_back(std::move(value));
    axis.texts.push_back(text);
  }
  return axis;
}

std::string runFolderName(int index, int runCount, const nlohmann::ordered_json& settings,
                          std::uint64_t seed) {
  const int width = std::max(3, static_cast<int>(std::to_string(std::max(runCount - 1, 0)).size()));
  std::string name = std::to_string(index);
  name.insert(0, static_cast<std::size_t>(std::max(0, width - static_cast<int>(name.size()))), '0');
  for (const auto& [key, value] : settings.items()) name += "_" + key + "=" + valueText(value);
  name += "_seed=" + std::to_string(seed);
  for (char& c : name)
    if (!safeInFileName(c)) c = '_';
  return name;
}

SweepPlan makeSweepPlan(fs::path lessonFile, std::vector<SweepAxis> axes, int seeds,
                        std::uint64_t baseSeed, std::int64_t steps) {
  if (axes.empty()) throw ConfigError("sweep: give at least one --grid key=value1,value2,...");
  if (seeds < 1) throw ConfigError("--seeds: " + std::to_string(seeds) + " must be at least 1");
  std::set<std::string> keys;
  for (const auto& axis : axes)
    if (!keys.insert(axis.key).second)
      throw ConfigError("--grid " + axis.key + ": the key is given twice");
  SweepPlan plan;
  plan.lessonFile = std::move(lessonFile);
  plan.axes = std::move(axes);
  plan.seeds = seeds;
  plan.baseSeed = baseSeed;
  plan.steps = steps;
  // Counted in 64 bits against the cap, so a grid of many long axes (or a sweep.json asking
  // for billions of seeds) is refused before its runs are listed, without overflowing.
  std::int64_t runs = seeds;
  for (const auto& axis : plan.axes) {
    if (axis.values.empty()) throw ConfigError("--grid " + axis.key + ": no values");
    runs *= static_cast<std::int64_t>(axis.values.size());
    if (runs > kMaxSweepRuns) {
      throw ConfigError("sweep: the grid times " + std::to_string(seeds) +
                        " seed(s) makes more than " + std::to_string(kMaxSweepRuns) + " runs");
    }
  }
  const int runCount = static_cast<int>(runs);
  const int gridPoints = runCount / seeds;
  for (int index = 0; index < runCount; ++index) {
    SweepRunPlan run;
    run.index = index;
    run.gridPoint = index % gridPoints;
    run.seedIndex = index / gridPoints;
    run.seed = baseSeed + static_cast<std::uint64_t>(run.seedIndex);
    // Mixed radix, last axis fastest.
    int rest = run.gridPoint;
    std::vector<std::size_t> choice(plan.axes.size());
    for (std::size_t a = plan.axes.size(); a-- > 0;) {
      const int size = static_cast<int>(plan.axes[a].values.size());
      choice[a] = static_cast<std::size_t>(rest % size);
      rest /= size;
    }
    for (std::size_t a = 0; a < plan.axes.size(); ++a) {
      const SweepAxis& axis = plan.axes[a];
      run.settings[axis.key] = axis.values[choice[a]];
      run.overrides.push_back(axis.key + "=" + axis.texts[choice[a]]);
    }
    run.folder = runFolderName(index, runCount, run.settings, run.seed);
    plan.runs.push_back(std::move(run));
  }
  return plan;
}

nlohmann::ordered_json sweepPlanToJson(const SweepPlan& plan) {
  nlohmann::ordered_json out;
  out["format"] = kSweepFormat;
  out["lesson"] = plan.lessonFile.string();
  nlohmann::ordered_json grid = nlohmann::ordered_json::object();
  for (const auto& axis : plan.axes) {
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    for (const auto& value : axis.values) values.push_back(value);
    grid[axis.key] = values;
  }
  out["grid"] = grid;
  out["seeds"] = plan.seeds;
  out["base_seed"] = plan.baseSeed;
  out["steps"] = plan.steps;
  nlohmann::ordered_json points = nlohmann::ordered_json::array();
  for (const auto& run : plan.runs) {
    nlohmann::ordered_json point;
    point["index"] = run.index;
    point["grid_point"] = run.gridPoint;
    point["seed_index"] = run.seedIndex;
    point["settings"] = run.settings;
    point["seed"] = run.seed;
    point["run"] = run.folder;
    points.push_back(point);
  }
  out["points"] = points;
  return out;
}

SweepPlan readSweepPlan(const fs::path& sweepFolder) {
  const fs::path file = sweepFolder / kSweepFile;
  std::ifstream in(file);
  if (!in) throw DataError(sweepFolder.string() + ": not a sweep folder (no " + kSweepFile + ")");
  nlohmann::ordered_json doc;
  try {
    doc = nlohmann::ordered_json::parse(in);
  } catch (const nlohmann::json::exception& error) {
    throw DataError(file.string() + ": " + error.what());
  }
  try {
    if (doc.value("format", 0) != kSweepFormat)
      throw DataError(file.string() + ": format " +
                      doc.value("format", nlohmann::ordered_json()).dump() + " is not " +
                      std::to_string(kSweepFormat) + " (written by another genlab?)");
    std::vector<SweepAxis> axes;
    for (const auto& [key, values] : doc.at("grid").items()) {
      SweepAxis axis;
      axis.key = key;
      for (const auto& value : values) {
        axis.values.push_back(value);
        axis.texts.push_back(valueText(value));
      }
      if (axis.values.empty()) throw DataError(file.string() + ": grid." + key + ": no values");
      axes.push_back(std::move(axis));
    }
    // Integers through the checked readers: a get<int>() of 1e300 is undefined behaviour and
    // a get<std::uint64_t>() of -1 is 2^64 - 1.
    const auto integer = [&](const char* key, long long lo, long long hi) {
      return data::readInt(nlohmann::json(doc.at(key)), key, lo, hi);
    };
    const auto seeds = static_cast<int>(integer("seeds", 1, kMaxSweepRuns));
    const auto baseSeed =
        data::readInteger<std::uint64_t>(nlohmann::json(doc.at("base_seed")), "base_seed");
    const auto steps = data::readInteger<std::int64_t>(nlohmann::json(doc.at("steps")), "steps");
    SweepPlan plan = makeSweepPlan(doc.at("lesson").get<std::string>(), std::move(axes), seeds,
                                   baseSeed, steps);
    // The runs are a function of the grid and seeds; a file whose points say otherwise was
    // edited, and which run is which would be a guess.
    const auto& points = doc.at("points");
    bool same = points.size() == plan.runs.size();
    for (std::size_t i = 0; same && i < points.size(); ++i)
      same = points[i].at("run").get<std::string>() == plan.runs[i].folder &&
             points[i].at("seed").get<std::uint64_t>() == plan.runs[i].seed;
    if (!same) throw DataError(file.string() + ": points do not match the grid and seeds");
    return plan;
  } catch (const nlohmann::json::exception& error) {
    throw DataError(file.string() + ": " + error.what());
  } catch (const ConfigError& error) {
    throw DataError(file.string() + ": " + error.what());
  }
}

void writeSweepPlan(const SweepPlan& plan, const fs::path& sweepFolder) {
  writeFileAtomically(sweepFolder / kSweepFile, sweepPlanToJson(plan).dump(2) + "\n");
}

}  // namespace genlab::run
