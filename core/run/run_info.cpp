#include "core/run/run_info.h"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "core/data/json_fields.h"
#include "core/platform/process_identity.h"
#include "core/run/run_format.h"
#include "core/util/errors.h"

namespace genlab::run {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A run on another host whose heartbeat is older than this is taken as interrupted: a live
// writer rewrites its heartbeat at least every 30 s and at every checkpoint.
constexpr double kStaleHeartbeatSeconds = 600.0;

std::int64_t stepFromCheckpointName(const std::string& name) {
  if (name.rfind("step-", 0) != 0) return -1;
  char* end = nullptr;
  const long long step = std::strtoll(name.c_str() + 5, &end, 10);
  return end != name.c_str() + 5 ? step : -1;
}

// Seconds since an ISO 8601 UTC timestamp; a large number when it cannot be parsed.
double secondsSince(const std::string& timestamp) {
  std::tm tm{};
  if (!strptime(timestamp.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm)) return 1e18;
  const std::time_t then = timegm(&tm);
  return std::difftime(std::time(nullptr), then);
}

std::string resolveStatus(const RunInfo& info, const json& raw) {
  if (info.recordedStatus != "running") return info.recordedStatus;
  if (info.host == platform::hostName()) {
    const json& start = raw.contains("pid_start") ? raw["pid_start"] : json();
    const std::uint64_t startTicks = start.is_number_unsigned() ? start.get<std::uint64_t>() : 0;
    return platform::processAlive(info.pid, startTicks) ? "running" : "interrupted";
  }
  const json& heartbeat = raw.contains("heartbeat") ? raw["heartbeat"] : json();
  return secondsSince(heartbeat.is_string() ? heartbeat.get<std::string>() : std::string()) >
                 kStaleHeartbeatSeconds
             ? "interrupted"
             : "running";
}

template <class T>
T field(const json& raw, const char* key, const fs::path& file, T fallback, bool required) {
  if (!raw.contains(key)) {
    if (required) throw DataError(file.string() + ": missing key \"" + key + "\"");
    return fallback;
  }
  try {
    // get<int>() would cast 1e300 (undefined behaviour) or -1 to a seed without a word.
    if constexpr (std::is_integral_v<T>) {
      return data::readInteger<T>(raw.at(key), key);
    } else {
      return raw.at(key).get<T>();
    }
  } catch (const ConfigError& error) {
    throw DataError(file.string() + ": " + error.what());
  } catch (const json::exception&) {
    throw DataError(file.string() + ": \"" + key + "\" has the wrong type (" +
                    raw.at(key).type_name() + ")");
  }
}

}  // namespace

const CheckpointRecord* RunInfo::checkpointAtOrBefore(std::int64_t step) const {
  if (checkpoints.empty()) return nullptr;
  auto it = std::upper_bound(
      checkpoints.begin(), checkpoints.end(), step,
      [](std::int64_t s, const CheckpointRecord& record) { return s < record.step; });
  return it == checkpoints.begin() ? &checkpoints.front() : &*std::prev(it);
}

bool isRunFolder(const fs::path& folder) {
  std::error_code ec;
  return fs::is_regular_file(folder / kRunFile, ec);
}

RunInfo readRunInfo(const fs::path& folder) {
  const fs::path file = folder / kRunFile;
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) throw DataError(folder.string() + ": no such run folder");
  if (!fs::is_regular_file(file, ec))
    throw DataError(folder.string() + ": not a run folder (it has no run.json)");
  RunInfo info;
  info.folder = folder;
  info.raw = lesson::readJsonFile(file);
  const json& raw = info.raw;
  if (!raw.is_object()) throw DataError(file.string() + ": run.json must be a JSON object");
  info.format = field<int>(raw, "format", file, 1, false);
  if (info.format > kRunFormat) {
    throw DataError(file.string() + ": written by a newer genlab (run format " +
                    std::to_string(info.format) + ", genlab " +
                    field<std::string>(raw, "genlab_version", file, "?", false) +
                    "); this genlab " + GENLAB_VERSION + " reads run formats up to " +
                    std::to_string(kRunFormat));
  }
  info.model = field<std::string>(raw, "model", file, "", true);
  info.recordedStatus = field<std::string>(raw, "status", file, "", true);
  info.lessonId =
      field<std::string>(raw, info.format >= 2 ? "lesson_id" : "lesson", file, "", false);
  info.title = field<std::string>(raw, "title", file, info.lessonId, false);
  info.message = field<std::string>(raw, "message", file, "", false);
  info.settings = field<json>(raw, "settings", file, json::object(), false);
  info.seed = field<std::uint64_t>(raw, "seed", file, 0, false);
  info.stepsDone = field<std::int64_t>(raw, "steps_done", file, 0, false);
  info.host = field<std::string>(raw, "host", file, "", false);
  info.pid = field<int>(raw, "pid", file, 0, false);
  info.started = field<std::string>(raw, "started", file, "", false);
  info.ended = field<std::string>(raw, "ended", file, "", false);
  info.metricNames = field<std::vector<std::string>>(raw, "metrics", file, {}, false);
  // What runLesson and settingsChangedFromLesson read, checked here so that they need not.
  if (!info.settings.is_object())
    throw DataError(file.string() + ": \"settings\" must be an object");
  field<std::vector<std::string>>(raw, "overrides", file, {}, false);
  field<std::string>(raw, "lesson_file", file, "", false);
  info.status = resolveStatus(info, raw);

  // Checkpoints. A run that ended wrote its final list after its last checkpoint, so run.json
  // is complete and the folder need not be scanned (which made listing a thousand runs take
  // 64,000 file look-ups). A "running" run may have been killed between the rename of a
  // checkpoint and the rewrite of run.json, leaving one unlisted: there, what is on disk is
  // the truth.
  const json& listed = raw.value("checkpoints", json::array());
  bool trustList = info.format >= 2 && info.recordedStatus != "running" && listed.is_array();
  if (trustList) {
    for (const auto& entry : listed) {
      // An entry a person or another program wrote wrong: what is on disk is the truth.
      if (!entry.is_object() || !entry.contains("step") || !entry["step"].is_number_unsigned() ||
          entry["step"].get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max() ||
          !entry.contains("file") || !entry["file"].is_string() ||
          (entry.contains("bytes") && !entry["bytes"].is_number_unsigned())) {
        trustList = false;
        break;
      }
      info.checkpoints.push_back({entry["step"].get<std::int64_t>(),
                                  entry["file"].get<std::string>(),
                                  entry.value("bytes", std::uint64_t{0})});
    }
    if (!trustList) info.checkpoints.clear();
  }
  if (!trustList) {
    for (const auto& entry : fs::directory_iterator(folder / kCheckpointFolder, ec)) {
      const std::string name = entry.path().filename().string();
      const std::int64_t step = stepFromCheckpointName(name);
      if (step < 0 || !entry.is_regular_file(ec)) continue;  // temporaries start with '.'
      info.checkpoints.push_back({step, fs::path(kCheckpointFolder) / name, entry.file_size(ec)});
    }
  }
  std::sort(info.checkpoints.begin(), info.checkpoints.end(),
            [](const CheckpointRecord& a, const CheckpointRecord& b) { return a.step < b.step; });
  // Two files for one step (an extension changed between versions): keep the listed one.
  info.checkpoints.erase(std::unique(info.checkpoints.begin(), info.checkpoints.end(),
                                     [](const CheckpointRecord& a, const CheckpointRecord& b) {
                                       return a.step == b.step;
                                     }),
                         info.checkpoints.end());
  if (!info.checkpoints.empty())
    info.stepsDone = std::max(info.stepsDone, info.checkpoints.back().step);
  return info;
}

lesson::Lesson runLesson(const RunInfo& info) {
  const fs::path runFile = info.folder / kRunFile;
  const fs::path lessonFile = info.raw.value("lesson_file", std::string());
  lesson::Lesson lesson;
  if (info.raw.contains("lesson") && info.raw["lesson"].is_object()) {
    lesson = lesson::lessonFromJson(info.raw["lesson"], lessonFile.empty() ? runFile : lessonFile,
                                    runFile.string() + ": lesson");
  } else if (!lessonFile.empty()) {
    // Format 1 named the file only. Its errors say which run asked for it.
    try {
      lesson = lesson::loadLesson(lessonFile);
    } catch (const DataError& error) {
      throw DataError(runFile.string() + ": lesson_file: " + error.what());
    } catch (const ConfigError& error) {
      throw ConfigError(runFile.string() + ": lesson_file: " + error.what());
    }
  } else {
    throw ConfigError(runFile.string() + ": the run does not record its lesson");
  }
  if (!info.lessonId.empty()) lesson.id = info.lessonId;
  lesson.seed = info.seed;
  if (info.raw.contains("overrides"))
    lesson::applyOverrides(lesson, info.raw["overrides"].get<std::vector<std::string>>());
  return lesson;
}

json settingsChangedFromLesson(const RunInfo& info) {
  json changed = json::object();
  const json lessonSettings = info.raw.contains("lesson") && info.raw["lesson"].is_object()
                                  ? info.raw["lesson"].value("settings", json::object())
                                  : json::object();
  const json atStart = info.raw.value("settings_at_start", info.settings);
  for (const auto& [key, value] : info.settings.items()) {
    const bool setInLesson = lessonSettings.contains(key);
    const bool differsFromLesson = setInLesson && lessonSettings[key] != value;
    const bool changedDuringRun = atStart.contains(key) && atStart[key] != value;
    bool overridden = false;
    for (const auto& item : info.raw.value("overrides", json::array())) {
      const std::string text = item.get<std::string>();
      overridden = overridden || text.rfind(key + "=", 0) == 0;
    }
    if (differsFromLesson || changedDuringRun || overridden) changed[key] = value;
  }
  return changed;
}

}  // namespace genlab::run
