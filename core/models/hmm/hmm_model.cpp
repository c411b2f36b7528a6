#include "core/models/hmm/hmm_model.h"

#include <cmath>
#include <sstream>

#include "core/models/hmm/observations.h"
#include "core/util/errors.h"

namespace genlab::hmm {

const char* emissionName(EmissionKind kind) {
  return kind == EmissionKind::Discrete ? "discrete" : "gaussian";
}

namespace {

std::string fmt(double x) {
  std::ostringstream out;
  out.precision(10);
  out << x;
  return out.str();
}

[[noreturn]] void failModel(const std::string& key, const std::string& what) {
  throw ConfigError(key + ": " + what);
}

// Every entry finite and >= 0, and the row sums to 1 within tol.
template <class Row>
void checkProbabilityRow(const Row& row, const std::string& key, double tol) {
  for (Index j = 0; j < row.size(); ++j) {
    if (!std::isfinite(row(j))) failModel(key, "entry " + std::to_string(j) + " is not finite");
    if (row(j) < 0.0)
      failModel(key, "entry " + std::to_string(j) + " is negative (" + fmt(row(j)) + ")");
  }
  const double sum = row.sum();
  if (std::abs(sum - 1.0) > tol)
    failModel(key, "sums to " + fmt(sum) + ", not 1 (tolerance " + fmt(tol) + ")");
}

void checkShape(const RowMatrix& m, Index rows, Index cols, const std::string& key) {
  if (m.rows() != rows || m.cols() != cols)
    failModel(key, "has shape " + std::to_string(m.rows()) + "x" + std::to_string(m.cols()) +
                       ", expected " + std::to_string(rows) + "x" + std::to_string(cols));
}

}  // namespace

void validate(const HmmModel& model, double tol, const std::string& prefix) {
  const Index k = model.states();
  if (k < 1) failModel(prefix + ".start", "needs at least one state");
  checkProbabilityRow(model.start, prefix + ".start", tol);
  checkShape(model.transition, k, k, prefix + ".transition");
  for (Index i = 0; i < k; ++i)
    checkProbabilityRow(model.transition.row(i), prefix + ".transition[" + std::to_string(i) + "]",
                        tol);
  if (model.isDiscrete()) {
    const std::string key = prefix + ".emission_probs";
    if (model.emissionProbs.rows() != k || model.emissionProbs.cols() < 1)
      failModel(key, "has " + std::to_string(model.emissionProbs.rows()) +
                         " rows of symbols, expected " + std::to_string(k) + " (one per state)");
    for (Index i = 0; i < k; ++i)
      checkProbabilityRow(model.emissionProbs.row(i), key + "[" + std::to_string(i) + "]", tol);
    if (!model.alphabet.empty() && static_cast<Index>(model.alphabet.size()) != model.symbols())
      failModel(prefix + ".alphabet", "has " + std::to_string(model.alphabet.size()) +
                                          " names for " + std::to_string(model.symbols()) +
                                          " symbols");
  } else {
    if (model.means.rows() != k || model.means.cols() < 1)
      failModel(prefix + ".means", "has " + std::to_string(model.means.rows()) +
                                       " rows, expected " + std::to_string(k) + " (one per state)");
    checkShape(model.variances, k, model.dim(), prefix + ".variances");
    for (Index i = 0; i < k; ++i) {
      for (Index c = 0; c < model.dim(); ++c) {
        // Built by append: GCC 12 warns falsely (-Wrestrict) on "[" + std::to_string(i) chains.
        std::string where = "[";
        where.append(std::to_string(i)).append("][").append(std::to_string(c)).append("]");
        if (!std::isfinite(model.means(i, c)))
          failModel(prefix + ".means" + where, "is not finite");
        const double v = model.variances(i, c);
        if (!std::isfinite(v) || v <= 0.0)
          failModel(prefix + ".variances" + where, "must be positive and finite, got " + fmt(v));
      }
    }
  }
}

void renormalise(HmmModel& model) {
  model.start /= model.start.sum();
  for (Index i = 0; i < model.transition.rows(); ++i)
    model.transition.row(i) /= model.transition.row(i).sum();
  for (Index i = 0; i < model.emissionProbs.rows(); ++i)
    model.emissionProbs.row(i) /= model.emissionProbs.row(i).sum();
}

void checkObservations(const HmmModel& model, const Observations& obs, const std::string& name) {
  if (obs.length() == 0) throw DataError(name + ": the sequence is empty");
  if (obs.kind != model.emission)
    throw DataError(name + ": has " + emissionName(obs.kind) + " observations but the model has " +
                    emissionName(model.emission) + " emissions");
  if (obs.kind == EmissionKind::Discrete) {
    const Index m = model.symbols();
    for (std::size_t t = 0; t < obs.symbols.size(); ++t) {
      const int s = obs.symbols[t];
      if (s < 0 || s >= m)
        throw DataError(name + ": symbol " + std::to_string(s) + " at t=" + std::to_string(t) +
                        " is outside the alphabet [0, " + std::to_string(m) + ")");
    }
  } else {
    if (obs.values.cols() != model.dim())
      throw DataError(name + ": observations have dimension " + std::to_string(obs.values.cols()) +
                      " but the model has " + std::to_string(model.dim()));
    for (Index t = 0; t < obs.values.rows(); ++t)
      if (!obs.values.row(t).allFinite())
        throw DataError(name + ": value at t=" + std::to_string(t) + " is not finite");
  }
}

}  // namespace genlab::hmm
