#pragma once
// The UI thread's own copy of a run's metrics: topped up once a frame from a live session's
// lock-free ring (only new rows are copied, dropped when the session is reset), or assigned
// from a recorded run's metrics.csv.
//
// Memory is bounded by bytes: when the rows take more than the byte budget, every other row is
// dropped (the first and the last are kept), so the curves still span the whole run, drawn from
// fewer points where it is oldest.

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
    const bool grew = m_rows.size() != before;
    keepWithinBudget();
    return changed || grew;
  }

  // At most `bytes` of rows are kept from now on (they are thinned at the next change).
  void setByteBudget(std::size_t bytes) { m_byteBudget = bytes; }
  // What the rows take, as the budget counts it.
  std::size_t bytes() const { return m_rows.size() * rowBytes(); }

  // Replaces everything with rows read elsewhere (a recorded run's metrics.csv).
  void assign(std::vector<std::string> columns, std::vector<train::MetricsRow> rows) {
    m_columns = std::move(columns);
    m_rows = std::move(rows);
    m_generation = ~std::uint64_t{0};
    m_next = 0;
    keepWithinBudget();
  }

  // Appends rows read elsewhere after those assigned (a recorded run's file grew).
  void append(std::span<const train::MetricsRow> rows) {
    m_rows.insert(m_rows.end(), rows.begin(), rows.end());
    keepWithinBudget();
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
  // A row's object, its values and the allocator's overhead for them.
  std::size_t rowBytes() const {
    return sizeof(train::MetricsRow) + 16 + m_columns.size() * sizeof(double);
  }

  void keepWithinBudget() {
    while (m_rows.size() > 2 && bytes() > m_byteBudget) {
      std::size_t kept = 1;  // row 0 stays; then every other row, and the last
      for (std::size_t i = 2; i + 1 < m_rows.size(); i += 2) m_rows[kept++] = std::move(m_rows[i]);
      m_rows[kept++] = std::move(m_rows.back());
      m_rows.resize(kept);
    }
  }

  std::vector<train::MetricsRow> m_rows;
  std::size_t m_byteBudget = ~std::size_t{0};
  std::vector<std::string> m_columns;
  std::uint64_t m_next = 0;
  std::uint64_t m_generation = ~std::uint64_t{0};
};

}  // namespace genlab::views
