#include "core/run/run_writer.h"

#include <chrono>
#include <ctime>
#include <iomanip>
#include <sstream>

#include "core/train/trainer.h"
#include "core/util/errors.h"

namespace genlab::run {
namespace {

std::string timestamp(const char* format) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  std::ostringstream out;
  out << std::put_time(&local, format);
  return out.str();
}

// ".<name>.tmp" beside `file`. Built by appending: GCC 12 warns falsely (-Wrestrict) on the
// equivalent chain of operator+.
std::filesystem::path temporaryNameFor(const std::filesystem::path& file) {
  std::string name = ".";
  name.append(file.filename().string());
  name.append(".tmp");
  return file.parent_path() / name;
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& file, const std::string& text) {
  const auto temporary = temporaryNameFor(file);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw DataError(temporary.string() + ": cannot write");
    out << text;
    out.flush();
    if (!out) throw DataError(temporary.string() + ": write failed (disk full?)");
  }
  std::filesystem::rename(temporary, file);
}

std::filesystem::path defaultRunFolder(const std::string& lessonId) {
  return std::filesystem::path("runs") / (lessonId + "-" + timestamp("%Y%m%d-%H%M%S"));
}

RunWriter::RunWriter(std::filesystem::path folder, nlohmann::json info,
                     std::vector<std::string> metricColumns)
    : m_folder(std::move(folder)), m_info(std::move(info)) {
  if (std::filesystem::exists(m_folder / "run.json")) {
    throw DataError(m_folder.string() + ": already holds a run (run.json); choose another --out");
  }
  std::filesystem::create_directories(m_folder / "checkpoints");
  m_info["status"] = "running";
  m_info["started"] = timestamp("%Y-%m-%dT%H:%M:%S");
  m_info["steps_done"] = 0;
  m_info["metrics_file"] = "metrics.csv";
  m_info["checkpoints"] = nlohmann::json::array();
  writeRunJson();

  m_metrics.open(m_folder / "metrics.csv", std::ios::trunc);
  if (!m_metrics) throw DataError((m_folder / "metrics.csv").string() + ": cannot write");
  m_metrics << "step";
  for (const auto& column : metricColumns) m_metrics << ',' << column;
  m_metrics << '\n';
  m_metrics.flush();
}

void RunWriter::appendMetrics(std::int64_t step, std::span<const double> values) {
  // max_digits10 so a replay can be compared bit for bit with the file.
  m_metrics << step << std::setprecision(17);
  for (double value : values) m_metrics << ',' << value;
  m_metrics << '\n';
  m_metrics.flush();
}

std::filesystem::path RunWriter::writeCheckpoint(const train::Trainer& trainer) {
  std::ostringstream name;
  name << "step-" << std::setw(8) << std::setfill('0') << trainer.stepsDone() << ".json";
  const auto file = m_folder / "checkpoints" / name.str();
  const auto temporary = temporaryNameFor(file);
  trainer.saveCheckpoint(temporary);
  std::filesystem::rename(temporary, file);
  m_info["checkpoints"].push_back(std::filesystem::relative(file, m_folder).string());
  m_info["steps_done"] = trainer.stepsDone();
  writeRunJson();
  return file;
}

void RunWriter::finish(const std::string& status, std::int64_t stepsDone,
                       const std::string& message) {
  m_metrics.flush();
  m_info["status"] = status;
  m_info["steps_done"] = stepsDone;
  m_info["ended"] = timestamp("%Y-%m-%dT%H:%M:%S");
  if (!message.empty()) m_info["message"] = message;
  writeRunJson();
}

void RunWriter::writeRunJson() {
  writeFileAtomically(m_folder / "run.json", m_info.dump(2) + "\n");
}

}  // namespace genlab::run
