#pragma once
// The UI thread's own copy of a run's metrics: topped up once a frame from a live session's
// lock-free ring (only new rows are copied, dropped when the session is reset), or assigned
// from a recorded run's metrics.csv.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/train/metrics_ring.h"

namespace genlab::views {

class MetricsCache {
 public:
  // Returns true when rows were added or dropped (curves need redrawing).
  bool update(const train::MetricsRing& ring) {
    bool changed = false;
    if (ring.generation() != m_generation) {
      m_generation = ring.generation();
      m_rows.clear();
      m_next = ring.firstRetained();
      changed = true;
    }
    const std::size_t before = m_rows.size();
    m_next = ring.readSince(m_next, m_rows);
    if (m_columns.empty()) m_columns = ring.columns();
    return changed || m_rows.size() != before;
  }

  // Replaces everything with rows read elsewhere (a recorded run's metrics.csv).
  void assign(std::vector<std::string> columns, std::vector<train::MetricsRow> rows) {
    m_columns = std::move(columns);
    m_rows = std::move(rows);
    m_generation = ~std::uint64_t{0};
    m_next = 0;
  }

  // Appends rows read elsewhere after those assigned (a recorded run's file grew).
  void append(std::span<const train::MetricsRow> rows) {
    m_rows.insert(m_rows.end(), rows.begin(), rows.end());
  }

  // Keeps the rows assigned so far and appends `ring`'s from now on (a resumed run: the rows
  // before the resume point come from its file, the rest from the live session).
  void continueFrom(const train::MetricsRing& ring) {
    m_generation = ring.generation();
    m_next = ring.firstRetained();
  }

  const std::vector<train::MetricsRow>& rows() const { return m_rows; }
  const std::vector<std::string>& columns() const { return m_columns; }
  int column(const std::string& name) const {
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
      if (m_columns[i] == name) return static_cast<int>(i);
    }
    return -1;
  }

 private:
  std::vector<train::MetricsRow> m_rows;
  std::vector<std::string> m_columns;
  std::uint64_t m_next = 0;
  std::uint64_t m_generation = ~std::uint64_t{0};
};

}  // namespace genlab::views
