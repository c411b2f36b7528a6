#pragma once
// The step-through teaching mode of the trellis: the forward pass filling one column at a time,
// or Viterbi's forward sweep followed by its back-trace, at a speed the teacher sets.
//
// It runs on the UI thread over its own copy of the model and observations (taken from the
// snapshot when started), so it stays consistent while Baum-Welch goes on changing the model;
// Start again to pick up the new parameters. One column is O(K^2) work, so even the fastest
// speed costs microseconds a frame; "finish" on T = 1e5 costs a few milliseconds once.

#include <optional>
#include <string>

#include "core/models/hmm/hmm_trainer.h"
#include "core/models/hmm/steppers.h"
#include "ui/views/hmm/trellis_painter.h"

namespace genlab::views::hmmui {

enum class TeachingMode { Off, Forward, Viterbi };

class TrellisTeaching {
 public:
  static constexpr double kMinSpeed = 0.25;  // columns per second
  static constexpr double kMaxSpeed = 60.0;

  void start(TeachingMode mode, const hmm::HmmSnapshot& snapshot);
  void stop();
  TeachingMode mode() const { return m_mode; }
  bool active() const { return m_mode != TeachingMode::Off; }
  bool done() const;

  // Advances by `seconds` of play at `speed` columns per second (nothing while paused). Returns
  // whether the tables changed.
  bool update(double seconds);
  bool stepOnce();
  void finish();

  // Changes whenever what describe() fills in changes, so the view knows to repaint.
  std::uint64_t revision() const { return m_revision; }
  // Sets the shading, decoded path, back-pointers and cursor of `data` from the tables so far.
  void describe(TrellisData& data) const;
  // One line for the controls: where the algorithm is and what it has computed.
  std::string status(const HmmLabels& labels) const;

  bool playing = false;
  double speed = 2.0;

 private:
  void afterAdvance();

  TeachingMode m_mode = TeachingMode::Off;
  std::optional<hmm::ForwardStepper> m_forward;
  std::optional<hmm::ViterbiStepper> m_viterbi;
  hmm::RowMatrix m_deltaShown;  // exp(delta - max) per column: delta's shape, in [0, 1]
  hmm::Index m_deltaRows = 0;
  double m_carry = 0.0;  // fraction of a column owed from earlier frames
  std::uint64_t m_revision = 0;
};

}  // namespace genlab::views::hmmui
