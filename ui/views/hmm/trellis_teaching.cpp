#include "ui/views/hmm/trellis_teaching.h"

#include <cmath>
#include <cstdio>

namespace genlab::views::hmmui {

void TrellisTeaching::start(TeachingMode mode, const hmm::HmmSnapshot& snapshot) {
  stop();
  m_mode = mode;
  if (mode == TeachingMode::Forward) m_forward.emplace(snapshot.model, snapshot.observations());
  if (mode == TeachingMode::Viterbi) {
    m_viterbi.emplace(snapshot.model, snapshot.observations());
    m_deltaShown = hmm::RowMatrix::Zero(m_viterbi->length(), snapshot.model.states());
  }
  playing = true;
  ++m_revision;
}

void TrellisTeaching::stop() {
  m_mode = TeachingMode::Off;
  m_forward.reset();
  m_viterbi.reset();
  m_deltaShown.resize(0, 0);
  m_deltaRows = 0;
  m_carry = 0.0;
  playing = false;
  ++m_revision;
}

bool TrellisTeaching::done() const {
  if (m_forward) return m_forward->done();
  if (m_viterbi) return m_viterbi->done();
  return true;
}

void TrellisTeaching::afterAdvance() {
  if (m_viterbi) {
    // Normalise each new delta column for display: delta is a log-probability that falls
    // without bound along t, but its shape across states is what the picture needs.
    const auto& delta = m_viterbi->delta();
    for (; m_deltaRows < m_viterbi->columnsDone(); ++m_deltaRows) {
      const auto row = delta.row(m_deltaRows);
      m_deltaShown.row(m_deltaRows) = (row.array() - row.maxCoeff()).exp();
    }
  }
  ++m_revision;
}

bool TrellisTeaching::stepOnce() {
  bool advanced = false;
  if (m_forward) advanced = m_forward->advance();
  if (m_viterbi) advanced = m_viterbi->advance();
  if (advanced) afterAdvance();
  if (done()) playing = false;
  return advanced;
}

bool TrellisTeaching::update(double seconds) {
  if (!active() || !playing) return false;
  m_carry += std::max(0.0, seconds) * std::clamp(speed, kMinSpeed, kMaxSpeed);
  bool changed = false;
  while (m_carry >= 1.0 && playing) {
    m_carry -= 1.0;
    changed = stepOnce() || changed;
  }
  return changed;
}

void TrellisTeaching::finish() {
  while (!done() && stepOnce()) {
  }
  playing = false;
}

void TrellisTeaching::describe(TrellisData& data) const {
  data.alpha = data.beta = nullptr;  // no posterior flow: the tables are half built
  if (m_forward) {
    data.fill = &m_forward->alpha();
    data.filledColumns = m_forward->columnsDone();
    data.fillName = "P(state | x up to t), so far";
    data.path = nullptr;
    data.cursor = m_forward->columnsDone() - 1;
  } else if (m_viterbi) {
    data.fill = &m_deltaShown;
    data.filledColumns = m_deltaRows;
    data.fillName = "\xCE\xB4 relative to the best state";
    data.path = &m_viterbi->path();
    data.backPointers = &m_viterbi->psi();
    data.backPointerColumns = m_viterbi->columnsDone();
    data.cursor = m_viterbi->forwardDone() ? m_viterbi->length() - m_viterbi->tracedSteps()
                                           : m_viterbi->columnsDone() - 1;
  }
}

std::string TrellisTeaching::status(const HmmLabels& labels) const {
  char text[200];
  if (m_forward) {
    const long long t = m_forward->columnsDone(), T = m_forward->length();
    std::snprintf(text, sizeof text, "Forward: %lld of %lld columns,  log P(x1..x%lld) = %.4f", t,
                  T, t, m_forward->logLikelihoodSoFar());
    return text;
  }
  if (m_viterbi) {
    const long long T = m_viterbi->length();
    if (!m_viterbi->forwardDone()) {
      std::snprintf(text, sizeof text, "Viterbi sweep: %lld of %lld columns",
                    static_cast<long long>(m_viterbi->columnsDone()), T);
    } else if (!m_viterbi->done()) {
      std::snprintf(text, sizeof text,
                    "Back-trace: %lld of %lld steps,  log P(x, best path) = %.4f",
                    static_cast<long long>(m_viterbi->tracedSteps()), T, m_viterbi->logProb());
    } else {
      int last = m_viterbi->path().empty() ? -1 : m_viterbi->path().back();
      std::snprintf(text, sizeof text, "Viterbi done: log P(x, best path) = %.4f, ends in %s",
                    m_viterbi->logProb(),
                    last >= 0 && static_cast<std::size_t>(last) < labels.states.size()
                        ? labels.states[static_cast<std::size_t>(last)].c_str()
                        : "?");
    }
    return text;
  }
  return "";
}

}  // namespace genlab::views::hmmui
