#include "app/cli/progress_bar.h"

#include <unistd.h>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace genlab::cli {

ProgressBar::ProgressBar(std::int64_t total, std::string metricName)
    : m_total(std::max<std::int64_t>(total, 1)),
      m_metricName(std::move(metricName)),
      m_interactive(isatty(STDERR_FILENO) != 0),
      m_start(std::chrono::steady_clock::now()),
      m_lastDraw(m_start) {}

std::string ProgressBar::bar(std::int64_t done) const {
  constexpr int kWidth = 28;
  const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(m_total));
  const int filled = static_cast<int>(fraction * kWidth);
  std::ostringstream out;
  out << '[' << std::string(filled, '=') << (filled < kWidth ? ">" : "")
      << std::string(std::max(0, kWidth - filled - 1), ' ') << "] " << done << '/' << m_total;
  return out.str();
}

std::string ProgressBar::render(std::int64_t done, double metricValue) const {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  const double eta = rate > 0 ? static_cast<double>(m_total - done) / rate : 0.0;
  std::ostringstream out;
  out << bar(done) << std::fixed << std::setprecision(1) << "  " << rate << " steps/s  ETA " << eta
      << " s  " << m_metricName << ' ' << std::setprecision(6) << metricValue;
  return out.str();
}

void ProgressBar::update(std::int64_t done, double metricValue) {
  if (due(done)) draw(render(done, metricValue));
}

void ProgressBar::finish(std::int64_t done, double metricValue, const std::string& status) {
  if (m_interactive) std::cerr << '\r' << render(done, metricValue) << "\x1b[K\n";
  std::cerr << status << '\n';
}

void ProgressBar::update(std::int64_t done, const std::string& text) {
  if (due(done)) draw(bar(done) + "  " + text);
}

void ProgressBar::finish(std::int64_t done, const std::string& text, const std::string& status) {
  if (m_interactive) std::cerr << '\r' << bar(done) << "  " << text << "\x1b[K\n";
  if (!status.empty()) std::cerr << status << '\n';
}

bool ProgressBar::due(std::int64_t done) {
  if (m_interactive) {
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastDraw < std::chrono::milliseconds(100) && done < m_total) return false;
    m_lastDraw = now;
    return true;
  }
  const std::int64_t decile = done * 10 / m_total;
  if (decile == m_lastDecile) return false;
  m_lastDecile = decile;
  return true;
}

void ProgressBar::draw(const std::string& line) const {
  if (m_interactive)
    std::cerr << '\r' << line << "\x1b[K" << std::flush;
  else
    std::cerr << line << '\n';
}

}  // namespace genlab::cli
