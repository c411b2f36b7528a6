#include "ui/views/hmm/posterior_flow.h"

#include "core/models/hmm/emissions.h"

namespace genlab::views::hmmui {

hmm::RowMatrix xiFromTables(const hmm::HmmModel& model, const hmm::RowMatrix& alpha,
                            const hmm::RowMatrix& beta, const hmm::Observations& obs,
                            hmm::Index t) {
  const hmm::Index K = model.states();
  hmm::Observations next;
  if (obs.kind == hmm::EmissionKind::Discrete) {
    next = hmm::Observations::discrete({obs.symbols[static_cast<std::size_t>(t + 1)]});
  } else {
    next = hmm::Observations::gaussian(obs.values.row(t + 1));
  }
  hmm::RowMatrix logB;
  hmm::logEmissions(model, next, logB);
  // Shift by the largest log-density: the constant cancels in the normalisation.
  const Eigen::RowVectorXd b = (logB.row(0).array() - logB.row(0).maxCoeff()).exp();
  hmm::RowMatrix xi(K, K);
  for (hmm::Index i = 0; i < K; ++i)
    for (hmm::Index j = 0; j < K; ++j)
      xi(i, j) = alpha(t, i) * model.transition(i, j) * b(j) * beta(t + 1, j);
  const double sum = xi.sum();
  if (sum > 0.0) xi /= sum;
  return xi;
}

}  // namespace genlab::views::hmmui
