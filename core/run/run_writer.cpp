#include "core/run/run_writer.h"

#include <chrono>
#include <ctime>
#include <iomanip>
#include <sstream>

#include "core/lesson/lesson.h"
#include "core/platform/process_identity.h"
#include "core/run/run_format.h"
#include "core/train/trainer.h"
#include "core/util/errors.h"
#include "core/util/file_write.h"

namespace genlab::run {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

constexpr auto kFlushPeriod = std::chrono::milliseconds(200);
constexpr auto kHeartbeatPeriod = std::chrono::seconds(30);

std::string localTimestamp(const char* format) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  std::ostringstream out;
  out << std::put_time(&local, format);
  return out.str();
}

// ".<name>.tmp" beside `file`. Built by appending: GCC 12 warns falsely (-Wrestrict) on the
// equivalent chain of operator+.
fs::path temporaryNameFor(const fs::path& file) {
  std::string name = ".";
  name.append(file.filename().string());
  name.append(".tmp");
  return file.parent_path() / name;
}

std::string checkpointName(std::int64_t step, const std::string& extension) {
  std::ostringstream name;
  name << "step-" << std::setw(8) << std::setfill('0') << step << extension;
  return name.str();
}

json recordsToJson(const std::vector<CheckpointRecord>& records) {
  json list = json::array();
  for (const auto& r : records)
    list.push_back({{"step", r.step}, {"file", r.file.generic_string()}, {"bytes", r.bytes}});
  return list;
}

// The step in the first cell of a metrics row, or -1 when the row is not a complete data row.
std::int64_t leadingStep(const std::string& line, std::size_t expectedCells) {
  std::size_t cells = 1;
  for (char c : line) cells += c == ',' ? 1 : 0;
  if (cells != expectedCells) return -1;
  char* end = nullptr;
  const long long step = std::strtoll(line.c_str(), &end, 10);
  return end != line.c_str() && *end == ',' ? step : -1;
}

}  // namespace

void writeFileAtomically(const fs::path& file, const std::string& text) {
  const auto temporary = temporaryNameFor(file);
  writeWholeFile(temporary, text, file);
  std::error_code error;
  fs::rename(temporary, file, error);
  if (error) {
    fs::remove(temporary, error);
    throw StorageError(file.string() + ": cannot replace it (" + error.message() + ")");
  }
}

std::string utcTimestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  std::ostringstream out;
  out << std::put_time(&utc, "%Y-%m-%dT%H:%M:%SZ");
  return out.str();
}

fs::path defaultRunFolder(const std::string& lessonId, const fs::path& parent) {
  const fs::path base = parent / (lessonId + "-" + localTimestamp("%Y%m%d-%H%M%S"));
  fs::path folder = base;
  for (int n = 2; fs::exists(folder); ++n) folder = base.string() + "-" + std::to_string(n);
  return folder;
}

RunWriter::RunWriter(fs::path folder, json info, CheckpointPolicy policy, double wallOffset)
    : m_folder(std::move(folder)),
      m_info(std::move(info)),
      m_schedule(policy),
      m_start(Clock::now()),
      m_lastFlush(m_start),
      m_lastHeartbeat(m_start),
      m_wallOffset(wallOffset) {}

RunWriter::RunWriter(fs::path folder, json info, std::vector<std::string> metricColumns,
                     CheckpointPolicy policy)
    : RunWriter(std::move(folder), std::move(info), policy, 0.0) {
  if (fs::exists(m_folder / kRunFile)) {
    throw DataError(m_folder.string() + ": already holds a run (run.json); choose another folder");
  }
  fs::create_directories(m_folder / kCheckpointFolder);
  m_info["format"] = kRunFormat;
  m_info["status"] = "running";
  m_info["started"] = utcTimestamp();
  m_info["steps_done"] = 0;
  m_info["metrics"] = metricColumns;
  m_info["checkpoints"] = json::array();
  m_info["checkpoint_budget_bytes"] = policy.budgetBytes;
  if (!m_info.contains("events")) m_info["events"] = json::array();
  stampProcess();
  writeRunJson();

  m_metrics.open(m_folder / kMetricsFile, /*truncate=*/true);
  std::string header = "step,wall_time";
  for (const auto& column : metricColumns) header += ',' + column;
  m_metrics.append(header + '\n');
  m_metrics.flush();
}

std::unique_ptr<RunWriter> RunWriter::resume(const fs::path& folder, std::int64_t fromStep,
                                             CheckpointPolicy policy) {
  const fs::path runFile = folder / kRunFile;
  if (!fs::exists(runFile)) throw DataError(folder.string() + ": not a run folder (no run.json)");
  json info = lesson::readJsonFile(runFile);
  if (!info.is_object()) throw DataError(runFile.string() + ": not a JSON object");

  // Checkpoints: the ones on disk up to `fromStep` stay; later ones go (the resumed run will
  // write its own, and a stale one would mix two histories).
  std::vector<CheckpointRecord> kept;
  bool found = false;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder / kCheckpointFolder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("step-", 0) != 0) continue;
    const long long step = std::strtoll(name.c_str() + 5, nullptr, 10);
    if (step > fromStep) {
      fs::remove(entry.path(), ec);
      continue;
    }
    found = found || step == fromStep;
    kept.push_back({step, fs::path(kCheckpointFolder) / name, entry.file_size(ec)});
  }
  if (!found) {
    throw DataError((folder / kCheckpointFolder).string() + ": no checkpoint at step " +
                    std::to_string(fromStep));
  }

  // Metrics: keep the header and the complete rows up to `fromStep`.
  const fs::path metricsFile = folder / kMetricsFile;
  std::ifstream in(metricsFile);
  std::string header;
  if (!in || !std::getline(in, header) || header.rfind("step", 0) != 0)
    throw DataError(metricsFile.string() + ": missing or without its header line");
  std::size_t cells = 1;
  for (char c : header) cells += c == ',' ? 1 : 0;
  const bool hasWall = header.rfind("step,wall_time", 0) == 0;
  std::string keptRows = hasWall ? header : "step,wall_time" + header.substr(4);
  keptRows += '\n';
  std::string line;
  double wallOffset = 0.0;
  while (std::getline(in, line)) {
    if (in.eof()) break;  // the last line has no newline: a crash cut it
    const std::int64_t step = leadingStep(line, cells);
    if (step < 0 || step > fromStep) continue;
    if (hasWall) {
      const std::size_t comma = line.find(',');
      wallOffset = std::strtod(line.c_str() + comma + 1, nullptr);
      keptRows += line;
    } else {
      keptRows += line.substr(0, line.find(',')) + "," + line.substr(line.find(','));
    }
    keptRows += '\n';
  }
  in.close();
  writeFileAtomically(metricsFile, keptRows);

  auto writer =
      std::unique_ptr<RunWriter>(new RunWriter(folder, std::move(info), policy, wallOffset));
  writer->m_schedule.adopt(kept);
  writer->m_info["format"] = kRunFormat;
  writer->m_info["status"] = "running";
  writer->m_info["steps_done"] = fromStep;
  writer->m_info.erase("ended");
  writer->m_info.erase("message");
  writer->m_info.erase("failure");
  writer->m_info["checkpoints"] = recordsToJson(writer->m_schedule.kept());
  writer->m_info["checkpoint_budget_bytes"] = policy.budgetBytes;
  if (!writer->m_info.contains("events") || !writer->m_info["events"].is_array())
    writer->m_info["events"] = json::array();
  writer->m_info["events"].push_back(
      {{"step", fromStep}, {"kind", "resumed"}, {"at", utcTimestamp()}});
  writer->stampProcess();
  writer->writeRunJson();
  writer->m_metrics.open(metricsFile, /*truncate=*/false);
  return writer;
}

RunWriter::~RunWriter() = default;  // m_metrics writes what it holds

void RunWriter::stampProcess() {
  m_info["genlab_version"] = GENLAB_VERSION;
  m_info["host"] = platform::hostName();
  m_info["pid"] = platform::currentProcessId();
  m_info["pid_start"] = platform::processStartTicks(platform::currentProcessId());
  m_info["heartbeat"] = utcTimestamp();
}

double RunWriter::elapsedSeconds() const {
  return m_wallOffset + std::chrono::duration<double>(Clock::now() - m_start).count();
}

void RunWriter::appendMetrics(std::int64_t step, std::span<const double> values) {
  // max_digits10 so a resumed run can be compared bit for bit with the file.
  std::ostringstream row;
  row << step << ',' << std::setprecision(6) << std::fixed << elapsedSeconds() << std::defaultfloat
      << std::setprecision(17);
  for (double value : values) row << ',' << value;
  row << '\n';
  m_metrics.append(row.view());
  const auto now = Clock::now();
  if (now - m_lastFlush >= kFlushPeriod) flushMetrics();
  if (now - m_lastHeartbeat >= kHeartbeatPeriod) {
    m_lastHeartbeat = now;
    m_info["steps_done"] = step;
    m_info["heartbeat"] = utcTimestamp();
    writeRunJson();
  }
}

void RunWriter::flushMetrics() {
  m_lastFlush = Clock::now();
  m_metrics.flush();  // throws StorageError, the file cut back to its last whole row
}

bool RunWriter::checkpointDue(std::int64_t step) const {
  return m_schedule.due(step, elapsedSeconds());
}

fs::path RunWriter::writeCheckpoint(const train::Trainer& trainer) {
  flushMetrics();  // every row up to this checkpoint is on disk before it is recorded
  const auto started = Clock::now();
  const std::int64_t step = trainer.stepsDone();
  const fs::path relative =
      fs::path(kCheckpointFolder) / checkpointName(step, trainer.checkpointExtension());
  const fs::path file = m_folder / relative;
  const auto temporary = temporaryNameFor(file);
  try {
    trainer.saveCheckpoint(temporary);
  } catch (const StorageError& error) {
    // Name the checkpoint, not its temporary; the run keeps the checkpoints run.json lists.
    std::error_code ignored;
    fs::remove(temporary, ignored);
    std::string reason = error.what();
    const std::string prefix = temporary.string() + ": ";
    if (reason.starts_with(prefix)) reason = reason.substr(prefix.size());
    throw StorageError(file.string() + ": " + reason);
  }
  std::error_code renameError;
  fs::rename(temporary, file, renameError);
  if (renameError) throw StorageError(file.string() + ": " + renameError.message());
  std::error_code ec;
  const std::uint64_t bytes = fs::file_size(file, ec);
  const double writeSeconds = std::chrono::duration<double>(Clock::now() - started).count();
  const auto dropped = m_schedule.add({step, relative, bytes}, elapsedSeconds(), writeSeconds);

  m_info["checkpoints"] = recordsToJson(m_schedule.kept());
  m_info["steps_done"] = step;
  m_info["heartbeat"] = utcTimestamp();
  m_lastHeartbeat = Clock::now();
  writeRunJson();
  // Only now that run.json no longer lists them.
  for (const auto& record : dropped) {
    if (record.file != relative) fs::remove(m_folder / record.file, ec);
  }
  return file;
}

void RunWriter::recordEvent(std::int64_t step, const std::string& kind, json details) {
  json event = {{"step", step}, {"kind", kind}};
  for (auto& [key, value] : details.items()) event[key] = value;
  m_info["events"].push_back(std::move(event));
  writeRunJson();
}

void RunWriter::updateSettings(const json& settings) {
  m_info["settings"] = settings;
  writeRunJson();
}

void RunWriter::finish(const std::string& status, std::int64_t stepsDone,
                       const std::string& message, json failure) {
  try {
    flushMetrics();
  } catch (const StorageError&) {
    if (status != "failed") throw;  // a failed run is marked so even when its last rows are lost
  }
  m_info["status"] = status;
  m_info["steps_done"] = stepsDone;
  m_info["ended"] = utcTimestamp();
  m_info["heartbeat"] = m_info["ended"];
  m_info["wall_time"] = elapsedSeconds();
  if (!message.empty())
    m_info["message"] = message;
  else
    m_info.erase("message");
  if (!failure.is_null())
    m_info["failure"] = std::move(failure);
  else
    m_info.erase("failure");
  writeRunJson();
  m_finished = true;
}

void RunWriter::reopen(std::int64_t step) {
  m_info["status"] = "running";
  m_info.erase("ended");
  m_info.erase("message");
  m_info.erase("failure");
  m_finished = false;
  recordEvent(step, "continued");  // writes run.json
}

void RunWriter::writeRunJson() {
  writeFileAtomically(m_folder / kRunFile, m_info.dump(2) + "\n");
}

}  // namespace genlab::run
