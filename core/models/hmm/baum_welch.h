#pragma once
// Baum-Welch (EM for HMMs) over one or many sequences. One iterate() is one E-step under the
// current parameters followed by the M-step that maximises the expected complete-data
// log-likelihood; EM's guarantee is that the log-likelihood of the parameters never decreases
// from one iteration to the next (the variance floor can only break this when it binds).

#include <cstdint>
#include <span>

#include "core/models/hmm/forward_backward.h"
#include "core/models/hmm/hmm_model.h"
#include "core/models/hmm/observations.h"

namespace genlab::hmm {

struct BaumWelchOptions {
  // Gaussian variances are kept at or above this, so a state cannot collapse onto one point
  // and send the likelihood to infinity.
  double minVariance = 1e-6;
};

class BaumWelch {
 public:
  explicit BaumWelch(BaumWelchOptions options = {}) : m_options(options) {}

  // One iteration. Returns the total log-likelihood of all sequences under `model` as it was
  // on entry (the E-step's value), then replaces `model` by the update. A state, transition
  // row or emission row that received no expected count keeps its old values. Throws
  // NonFiniteError naming the quantity and `step` (the trainer's step, for the message),
  // leaving `model` unchanged, when the log-likelihood or the update is not finite.
  double iterate(HmmModel& model, std::span<const Observations> sequences, std::int64_t step = 0);

 private:
  struct Accumulators {
    Eigen::VectorXd start;      // sum over sequences of gamma_0
    RowMatrix xiNoA;            // sum_t alpha_t^T w_t+1; times A elementwise gives sum_t xi_t
    RowMatrix countsT;          // discrete: M x K expected emission counts
    Eigen::VectorXd weight;     // Gaussian: K, sum_t gamma(t, i)
    RowMatrix sum1;             // Gaussian: K x d, sum_t gamma(t, i) (x_t - center)
    RowMatrix sum2;             // Gaussian: K x d, sum_t gamma(t, i) (x_t - center)^2
    Eigen::RowVectorXd center;  // Gaussian: data mean, subtracted to keep sum2 accurate
  };

  void reset(const HmmModel& model, std::span<const Observations> sequences);
  void accumulate(const HmmModel& model, const Observations& obs);
  HmmModel maximise(const HmmModel& model) const;

  BaumWelchOptions m_options;
  Accumulators m_acc;
  ForwardBackward m_fb;  // reused across sequences and iterations
  RowMatrix m_centered;  // Gaussian: x - center for the current sequence
};

}  // namespace genlab::hmm
