#include "ui/views/hmm/param_edit.h"

#include <algorithm>

namespace genlab::views::hmmui {

std::vector<double> withEntry(std::span<const double> row, std::size_t j, double v) {
  std::vector<double> out(row.begin(), row.end());
  if (j >= out.size()) return out;
  v = std::clamp(v, 0.0, 1.0);
  double others = 0.0;
  for (std::size_t k = 0; k < out.size(); ++k)
    if (k != j) others += std::max(0.0, out[k]);
  const std::size_t n = out.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (k == j) continue;
    out[k] = others > 0.0 ? std::max(0.0, out[k]) * (1.0 - v) / others
                          : (n > 1 ? (1.0 - v) / static_cast<double>(n - 1) : 0.0);
  }
  out[j] = n > 1 ? v : 1.0;
  return out;
}

void CoalescedEdits::flush(train::Session& session) {
  if (!m_pending || m_inFlight->load(std::memory_order_acquire)) return;
  m_inFlight->store(true, std::memory_order_release);
  session.post([edit = std::move(*m_pending), flag = m_inFlight](train::Trainer& trainer) {
    // Cleared however the edit ends: a rejected edit throws, and the session reports it.
    struct Clear {
      std::atomic<bool>& f;
      ~Clear() { f.store(false, std::memory_order_release); }
    } clear{*flag};
    edit(trainer);
  });
  m_pending.reset();
}

}  // namespace genlab::views::hmmui
