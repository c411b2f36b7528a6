#pragma once
// Editing the HMM's probability tables by hand from the UI.

#include <atomic>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/train/session.h"

namespace genlab::views::hmmui {

// `row` with entry j set to v (clamped to [0, 1]) and the other entries rescaled to share
// 1 - v in their old proportions (equally when they were all 0), so the row still sums to 1.
std::vector<double> withEntry(std::span<const double> row, std::size_t j, double v);

// Edits made once a frame while the mouse drags, posted so that at most one is queued on the
// trainer at a time: when an edit is slow to apply (it recomputes forward-backward and Viterbi
// over the shown sequence), intermediate positions are skipped instead of piling up behind the
// mouse. The latest submitted edit is always the one applied last.
class CoalescedEdits {
 public:
  void submit(train::Session::Edit edit) { m_pending = std::move(edit); }
  // Call once a frame: posts the latest pending edit if none is in flight.
  void flush(train::Session& session);
  // An edit is pending or not yet applied on the trainer thread.
  bool busy() const { return m_pending.has_value() || m_inFlight->load(std::memory_order_acquire); }

 private:
  std::optional<train::Session::Edit> m_pending;
  std::shared_ptr<std::atomic<bool>> m_inFlight = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace genlab::views::hmmui
