#include "core/models/gmm/gaussian_mixture.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <string>

#include "core/data/json_fields.h"
#include "core/models/gmm/gmm_init.h"
#include "core/models/gmm/gmm_kernels.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"

namespace genlab::gmm {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

// A component whose responsibilities add up to less than this many samples has lost its points:
// its mean would be a ratio of two underflowing sums. It is re-seeded instead.
constexpr double kMinComponentMass = 1e-6;

// Added to every nk, as scikit-learn does (10 * machine epsilon), so no division is by zero.
constexpr double kMassEpsilon = 10.0 * std::numeric_limits<double>::epsilon();

std::string componentName(Index k) {
  return "component " + std::to_string(k);
}

bool isTied(CovarianceType type) {
  return type == CovarianceType::Tied;
}
bool isDiagonal(CovarianceType type) {
  return type == CovarianceType::Diag || type == CovarianceType::Spherical;
}

}  // namespace

// Everything one M-step may change, so a failed step can put the model back.
struct SavedParameters {
  VectorXd weights;
  MatrixXd means;
  std::vector<MatrixXd> cov;
  MatrixXd var;
};

void GaussianMixture::restoreParameters(const SavedParameters& saved) {
  m_weights = saved.weights;
  m_means = saved.means;
  m_cov = saved.cov;
  m_var = saved.var;
  updatePrecisions();
}

GaussianMixture::GaussianMixture(const GmmConfig& config, const MatrixXd& data, std::uint64_t seed)
    : m_config(config), m_rng(seed) {
  m_config.validate();
  setDataInternal(data);
  m_config.validateForDimension(dim());
  initialize();
}

void GaussianMixture::setDataInternal(const MatrixXd& data) {
  if (data.rows() < 1 || data.cols() < 1) {
    throw DataError("data: needs at least one sample and one column, got " +
                    std::to_string(data.rows()) + " x " + std::to_string(data.cols()));
  }
  if (!data.allFinite()) {
    for (Index i = 0; i < data.rows(); ++i) {
      for (Index j = 0; j < data.cols(); ++j) {
        if (!std::isfinite(data(i, j))) {
          throw DataError("data: row " + std::to_string(i) + ", column " + std::to_string(j) +
                          " is not a finite number");
        }
      }
    }
  }
  m_center = data.colwise().mean().transpose();
  m_x = (data.rowwise() - m_center.transpose()).transpose();
  m_moments.resize(0, 0);  // they summed the old data; the next E-step sums the new
}

MatrixXd GaussianMixture::dataCovariance() const {
  const MatrixXd scatter = m_x * m_x.transpose();
  return scatter / static_cast<double>(numSamples());
}

void GaussianMixture::initialize() {
  const int K = m_config.k;
  if (m_config.init == InitMethod::Manual) {
    m_config.validateForDimension(dim());
    startFromSeeds((m_config.initialMeans.rowwise() - m_center.transpose()).transpose());
    return;
  }
  if (K > numSamples()) {
    throw ConfigError("settings.k: " + std::to_string(K) + " components need at least " +
                      std::to_string(K) + " data points, the data has " +
                      std::to_string(numSamples()));
  }
  switch (m_config.init) {
    case InitMethod::KMeans:
    case InitMethod::KMeansPlusPlus:
      startFromSeeds(kmeansPlusPlus(m_x, K, m_rng));
      break;
    case InitMethod::RandomFromData:
    case InitMethod::RandomWide:
      startFromSeeds(randomDataPoints(m_x, K, m_rng));
      break;
    case InitMethod::Manual:  // returned above
    case InitMethod::Random: {
      // Each sample's responsibilities drawn uniformly, then normalised (sample by sample, as
      // scikit-learn draws them). Every component ends near the data's mean and covariance.
      const Index N = numSamples();
      m_resp.resize(K, N);
      for (Index n = 0; n < N; ++n) {
        for (int k = 0; k < K; ++k) m_resp(k, n) = m_rng.uniform();
        m_resp.col(n) /= m_resp.col(n).sum();
      }
      startFromResponsibilities(VectorXd::Zero(N));
      break;
    }
  }
}

void GaussianMixture::initializeFromSeeds(const MatrixXd& seeds) {
  if (m_config.init == InitMethod::Random) {
    throw ConfigError("settings.init: \"random\" draws responsibilities, it takes no seed means");
  }
  if (seeds.rows() != m_config.k || seeds.cols() != dim()) {
    throw ConfigError("initial means: expected " + std::to_string(m_config.k) + " x " +
                      std::to_string(dim()) + ", got " + std::to_string(seeds.rows()) + " x " +
                      std::to_string(seeds.cols()));
  }
  if (!seeds.allFinite()) throw ConfigError("initial means: not all finite");
  startFromSeeds((seeds.rowwise() - m_center.transpose()).transpose());
}

void GaussianMixture::startFromSeeds(const MatrixXd& seeds) {
  switch (m_config.init) {
    case InitMethod::Manual:
    case InitMethod::RandomWide:
      // The teaching starts: the means at the seeds, equal weights and every covariance the
      // data's, so the first picture shows wide ellipses that EM shrinks.
      m_means = seeds;
      m_weights = VectorXd::Constant(m_config.k, 1.0 / m_config.k);
      resetCovariances();
      updatePrecisions();
      m_iterations = 0;
      m_converged = false;
      eStep();
      return;
    case InitMethod::KMeans: {
      const KMeansResult clusters = lloydKMeans(m_x, seeds);
      startFromLabels(clusters.labels, clusters.squaredDistance);
      return;
    }
    default:
      startFromNearestSeeds(seeds);
      return;
  }
}

void GaussianMixture::startFromNearestSeeds(const MatrixXd& seeds) {
  // scikit-learn's first E-step from its seed start (every covariance reg_covar I, equal
  // weights): r_nk proportional to exp(-|x_n - s_k|^2 / (2 reg_covar)). That is each sample
  // wholly to its nearest seed, except within about reg_covar of a tie, where it is shared; with
  // reg_covar = 0, exact ties are shared equally.
  const int K = m_config.k;
  const Index N = numSamples();
  const double reg = m_config.regCovar;
  m_resp.resize(K, N);
  VectorXd nearest(N);
  for (Index n = 0; n < N; ++n) {
    auto r = m_resp.col(n);
    for (int k = 0; k < K; ++k) r(k) = (m_x.col(n) - seeds.col(k)).squaredNorm();
    nearest(n) = r.minCoeff();
    for (int k = 0; k < K; ++k) {
      const double excess = r(k) - nearest(n);
      r(k) = reg > 0.0 ? std::exp(-excess / (2.0 * reg)) : (excess == 0.0 ? 1.0 : 0.0);
    }
    r /= r.sum();
  }
  startFromResponsibilities(-nearest);
}

void GaussianMixture::startFromLabels(const std::vector<int>& labels,
                                      const VectorXd& squaredDistance) {
  m_resp.setZero(m_config.k, numSamples());
  for (Index n = 0; n < numSamples(); ++n) m_resp(labels[static_cast<std::size_t>(n)], n) = 1.0;
  startFromResponsibilities(-squaredDistance);
}

void GaussianMixture::startFromResponsibilities(const VectorXd& fit) {
  // A valid fallback first, so that an M-step that fails (a singular covariance) leaves a model
  // that can still be drawn and started again.
  const int K = m_config.k;
  m_weights = VectorXd::Constant(K, 1.0 / K);
  m_means = MatrixXd::Zero(dim(), K);
  resetCovariances();
  updatePrecisions();
  // mStep() re-seeds a component with no samples at the samples `fit` ranks lowest.
  m_sampleLL = fit;
  m_moments.resize(0, 0);
  mStep();
  m_iterations = 0;
  m_converged = false;
  eStep();
}

void GaussianMixture::resetCovariances() {
  const MatrixXd base = dataCovariance();
  m_cov.clear();
  m_var.resize(0, 0);
  switch (m_config.covariance) {
    case CovarianceType::Full:
    case CovarianceType::Tied: {
      const auto count = static_cast<std::size_t>(isTied(m_config.covariance) ? 1 : m_config.k);
      MatrixXd cov = base;
      cov.diagonal().array() += m_config.regCovar;
      m_cov.assign(count, cov);
      break;
    }
    case CovarianceType::Diag:
    case CovarianceType::Spherical:
      m_var.resize(dim(), m_config.k);
      for (int k = 0; k < m_config.k; ++k) setCovarianceFromFull(k, base);
      m_var.array() += m_config.regCovar;
      break;
  }
}

void GaussianMixture::setCovarianceFromFull(int k, const MatrixXd& cov) {
  switch (m_config.covariance) {
    case CovarianceType::Full:
      m_cov[static_cast<std::size_t>(k)] = cov;
      break;
    case CovarianceType::Tied:
      break;  // shared by all components: a single component cannot change it
    case CovarianceType::Diag:
      m_var.col(k) = cov.diagonal();
      break;
    case CovarianceType::Spherical:
      m_var.col(k).setConstant(cov.diagonal().mean());
      break;
  }
}

void GaussianMixture::updatePrecisions() {
  const Index d = dim();
  const int K = m_config.k;
  const double logTwoPi = std::log(2.0 * std::numbers::pi);
  VectorXd logDet(K);
  if (isDiagonal(m_config.covariance)) {
    for (int k = 0; k < K; ++k) {
      if (!(m_var.col(k).array() > 0.0).all() || !m_var.col(k).allFinite()) {
        throw NumericError(componentName(k) +
                           ": variance is not a positive finite number; increase reg_covar");
      }
    }
    m_precChol = m_var.cwiseSqrt().cwiseInverse();
    m_meanProj.resize(0, 0);
    for (int k = 0; k < K; ++k) logDet(k) = m_precChol.col(k).array().log().sum();
  } else {
    const auto G = static_cast<Index>(m_cov.size());
    m_precChol.resize(d, G * d);
    VectorXd factorLogDet(G);
    for (Index g = 0; g < G; ++g) {
      const MatrixXd& cov = m_cov[static_cast<std::size_t>(g)];
      const std::string who = isTied(m_config.covariance) ? "tied covariance" : componentName(g);
      if (!cov.allFinite()) throw NumericError(who + ": covariance is not finite");
      const Eigen::LLT<MatrixXd> llt(cov);
      if (llt.info() != Eigen::Success) {
        throw NumericError(who +
                           ": covariance is not positive definite (Cholesky failed); increase "
                           "reg_covar");
      }
      // U = L^{-T}: upper triangular with U U^T = cov^{-1} (scikit-learn's precisions_cholesky).
      const MatrixXd lInverse = llt.matrixL().solve(MatrixXd::Identity(d, d));  // lower triangular
      m_precChol.middleCols(g * d, d) = lInverse.transpose();
      factorLogDet(g) = -llt.matrixLLT().diagonal().array().log().sum();
    }
    m_meanProj.resize(d, K);
    for (int k = 0; k < K; ++k) {
      const Index g = isTied(m_config.covariance) ? 0 : k;
      m_meanProj.col(k) = m_precChol.middleCols(g * d, d).transpose() * m_means.col(k);
      logDet(k) = factorLogDet(g);
    }
  }
  m_logNorm = m_weights.array().log() + logDet.array() - 0.5 * static_cast<double>(d) * logTwoPi;
  for (int k = 0; k < K; ++k) {
    if (std::isnan(m_logNorm(k)) || m_logNorm(k) == HUGE_VAL || !m_means.col(k).allFinite()) {
      throw NumericError(componentName(k) + ": weight, mean or log-determinant is not finite");
    }
  }
}

void GaussianMixture::eStep() {
  m_moments.resize(0, 0);
  try {
    if (isDiagonal(m_config.covariance)) {
      m_totalLL = kernels::eStepDiagonal(m_x, m_means, m_precChol, m_logNorm, m_resp, m_sampleLL,
                                         m_threads);
    } else {
      m_totalLL = kernels::eStepCholesky(m_x, m_precChol, isTied(m_config.covariance), m_meanProj,
                                         m_logNorm, m_resp, m_sampleLL, m_threads, &m_moments);
    }
  } catch (const NumericError&) {
    // The buffers hold garbage now: make them harmless and say they are stale.
    m_moments.resize(0, 0);
    m_resp.setZero();
    m_sampleLL.setZero();
    m_totalLL = 0.0;
    m_respCurrent = false;
    throw;
  }
  m_respCurrent = true;
}

std::vector<std::string> GaussianMixture::mStep() {
  const int K = m_config.k;
  const Index d = dim();
  const double reg = m_config.regCovar;
  const SavedParameters saved{m_weights, m_means, m_cov, m_var};
  try {
    VectorXd nk;
    MatrixXd sums;
    // The E-step that produced m_resp also summed its feature moments where it could: they hold
    // nk and the sums already, and spare the scatter a pass over the data.
    const MatrixXd* moments = m_moments.size() > 0 ? &m_moments : nullptr;
    if (moments != nullptr) {
      kernels::weightedSumsFromMoments(*moments, d, nk, sums);
    } else {
      kernels::weightedSums(m_x, m_resp, nk, sums, m_threads);
    }
    const VectorXd rawMass = nk;
    nk.array() += kMassEpsilon;
    m_weights = nk / nk.sum();
    m_means = sums * nk.cwiseInverse().asDiagonal();
    std::vector<std::string> messages = reseedEmptyComponents(rawMass);

    if (isDiagonal(m_config.covariance)) {
      MatrixXd scatterDiag;
      kernels::weightedScatterDiag(m_x, m_resp, m_means, scatterDiag, m_threads);
      for (int k = 0; k < K; ++k) {
        if (rawMass(k) < kMinComponentMass) continue;  // re-seeded above
        const VectorXd var = scatterDiag.col(k) / nk(k);
        if (m_config.covariance == CovarianceType::Diag) {
          m_var.col(k) = var.array() + reg;
        } else {
          m_var.col(k).setConstant(var.mean() + reg);
        }
      }
    } else {
      std::vector<MatrixXd> scatter;
      kernels::weightedScatterFull(m_x, m_resp, m_means, scatter, m_threads, moments);
      if (isTied(m_config.covariance)) {
        MatrixXd total = MatrixXd::Zero(d, d);
        for (const auto& s : scatter) total += s;
        m_cov[0] = total / nk.sum();
        m_cov[0].diagonal().array() += reg;
      } else {
        for (int k = 0; k < K; ++k) {
          if (rawMass(k) < kMinComponentMass) continue;
          auto& cov = m_cov[static_cast<std::size_t>(k)];
          cov = scatter[static_cast<std::size_t>(k)] / nk(k);
          cov.diagonal().array() += reg;
        }
      }
    }
    updatePrecisions();
    m_respCurrent = false;
    m_converged = false;
    return messages;
  } catch (const NumericError&) {
    restoreParameters(saved);
    throw;
  }
}

std::vector<std::string> GaussianMixture::reseedEmptyComponents(const VectorXd& rawMass) {
  std::vector<std::string> messages;
  std::vector<int> empty;
  for (int k = 0; k < m_config.k; ++k) {
    if (!(rawMass(k) >= kMinComponentMass)) empty.push_back(k);
  }
  if (empty.empty()) return messages;
  // The least likely samples under the mixture that produced these responsibilities: the
  // places the mixture explains worst. Distinct samples for distinct components.
  const Index N = numSamples();
  std::vector<Index> order(static_cast<std::size_t>(N));
  std::iota(order.begin(), order.end(), Index{0});
  const auto take = std::min<std::size_t>(empty.size(), order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(take), order.end(),
                    [&](Index a, Index b) {
                      return m_sampleLL(a) < m_sampleLL(b) ||
                             (m_sampleLL(a) == m_sampleLL(b) && a < b);
                    });
  const MatrixXd base = dataCovariance();
  for (std::size_t i = 0; i < empty.size(); ++i) {
    const int k = empty[i];
    const Index sample = order[i % take];
    m_means.col(k) = m_x.col(sample);
    m_weights(k) = 1.0 / static_cast<double>(N);
    MatrixXd cov = base;
    cov.diagonal().array() += m_config.regCovar;
    setCovarianceFromFull(k, cov);
    messages.push_back(componentName(k) + " had lost all its points; re-seeded at sample " +
                       std::to_string(sample) + ", the least likely one");
  }
  m_weights /= m_weights.sum();
  return messages;
}

GaussianMixture::Iteration GaussianMixture::iterate(std::int64_t step) {
  if (!m_respCurrent) eStep();
  const double previous = meanLogLikelihood();
  const SavedParameters saved{m_weights, m_means, m_cov, m_var};
  Iteration result;
  result.messages = mStep();
  try {
    eStep();
    checkFinite(meanLogLikelihood(), "log-likelihood", step, "the mixture is left as it was");
  } catch (const NumericError&) {
    restoreParameters(saved);
    eStep();  // succeeded on these parameters before the M-step
    throw;
  }
  ++m_iterations;
  result.meanLogLikelihood = meanLogLikelihood();
  result.delta = result.meanLogLikelihood - previous;
  // A re-seeding step changes the model by hand, so it never counts as convergence.
  m_converged = result.messages.empty() && std::abs(result.delta) < m_config.tol;
  result.converged = m_converged;
  return result;
}

int GaussianMixture::fit(std::stop_token stop) {
  int done = 0;
  while (m_iterations < m_config.maxIter && !m_converged && !stop.stop_requested()) {
    iterate(m_iterations + 1);
    ++done;
  }
  // scikit-learn measures the log-likelihood in the E-step before each M-step, so when two
  // measurements agree within tol its parameters are already one M-step further. One more
  // iteration here gives the same fitted model, iteration count and final log-likelihood.
  if (m_converged && done > 0 && m_iterations < m_config.maxIter && !stop.stop_requested()) {
    iterate(m_iterations + 1);
    ++done;
    m_converged = true;
  }
  return done;
}

void GaussianMixture::setMean(int k, const VectorXd& mean) {
  if (k < 0 || k >= m_config.k) {
    throw ConfigError("means[" + std::to_string(k) +
                      "]: no such component (k = " + std::to_string(m_config.k) + ")");
  }
  if (mean.size() != dim() || !mean.allFinite()) {
    throw ConfigError("means[" + std::to_string(k) + "]: expected " + std::to_string(dim()) +
                      " finite coordinates");
  }
  const VectorXd old = m_means.col(k);
  m_means.col(k) = mean - m_center;
  try {
    updatePrecisions();
  } catch (const NumericError&) {
    m_means.col(k) = old;
    updatePrecisions();
    throw;
  }
  m_respCurrent = false;
  m_converged = false;
}

void GaussianMixture::setParameters(const GmmParams& params) {
  const int K = m_config.k;
  const Index d = dim();
  const auto fail = [](const std::string& key, const std::string& what) {
    throw ConfigError(key + ": " + what);
  };
  if (params.weights.size() != K) {
    fail("weights", "has " + std::to_string(params.weights.size()) +
                        " entries, expected k = " + std::to_string(K));
  }
  if (!params.weights.allFinite() || (params.weights.array() < 0.0).any() ||
      std::abs(params.weights.sum() - 1.0) > 1e-6) {
    fail("weights", "must be non-negative and sum to 1");
  }
  if (params.means.rows() != K || params.means.cols() != d || !params.means.allFinite()) {
    fail("means", "expected " + std::to_string(K) + " x " + std::to_string(d) + " finite numbers");
  }
  if (static_cast<int>(params.covariances.size()) != K) {
    fail("covariances", "has " + std::to_string(params.covariances.size()) +
                            " matrices, expected k = " + std::to_string(K));
  }
  for (int k = 0; k < K; ++k) {
    const MatrixXd& c = params.covariances[static_cast<std::size_t>(k)];
    const std::string key = "covariances[" + std::to_string(k) + "]";
    if (c.rows() != d || c.cols() != d || !c.allFinite()) {
      fail(key, "expected a " + std::to_string(d) + " x " + std::to_string(d) + " finite matrix");
    }
    const double scale = c.cwiseAbs().maxCoeff();
    const double tolerance = 1e-9 * scale;
    if ((c - c.transpose()).cwiseAbs().maxCoeff() > tolerance) fail(key, "is not symmetric");
    if (Eigen::LLT<MatrixXd>(c).info() != Eigen::Success) fail(key, "is not positive definite");
    const MatrixXd offDiagonal = c - MatrixXd(c.diagonal().asDiagonal());
    switch (m_config.covariance) {
      case CovarianceType::Full:
        break;
      case CovarianceType::Diag:
        if (offDiagonal.cwiseAbs().maxCoeff() > tolerance) fail(key, "is not diagonal");
        break;
      case CovarianceType::Spherical:
        if (offDiagonal.cwiseAbs().maxCoeff() > tolerance ||
            c.diagonal().maxCoeff() - c.diagonal().minCoeff() > tolerance) {
          fail(key, "is not a multiple of the identity (covariance \"spherical\")");
        }
        break;
      case CovarianceType::Tied:
        if ((c - params.covariances[0]).cwiseAbs().maxCoeff() > tolerance) {
          fail(key, "differs from covariances[0] (covariance \"tied\")");
        }
        break;
    }
  }
  m_weights = params.weights;
  m_means = (params.means.rowwise() - m_center.transpose()).transpose();
  if (isDiagonal(m_config.covariance)) {
    m_cov.clear();
    m_var.resize(d, K);
    for (int k = 0; k < K; ++k)
      setCovarianceFromFull(k, params.covariances[static_cast<std::size_t>(k)]);
  } else {
    m_var.resize(0, 0);
    m_cov.assign(params.covariances.begin(),
                 params.covariances.begin() + (isTied(m_config.covariance) ? 1 : K));
  }
  updatePrecisions();
  m_iterations = 0;
  m_converged = false;
  eStep();
}

void GaussianMixture::setData(const MatrixXd& data) {
  if (data.cols() != dim()) {
    throw DataError("data: has " + std::to_string(data.cols()) + " columns, the model has " +
                    std::to_string(dim()));
  }
  const VectorXd oldCenter = m_center;
  setDataInternal(data);
  // Parameters are stored relative to the data centre: move them with it.
  m_means.colwise() += oldCenter - m_center;
  updatePrecisions();
  m_converged = false;
  eStep();
}

void GaussianMixture::setTrainingSettings(const GmmConfig& config) {
  if (config.k != m_config.k || config.covariance != m_config.covariance ||
      config.init != m_config.init) {
    throw ConfigError("settings: k, covariance and init need a new model");
  }
  config.validate();
  m_config.regCovar = config.regCovar;
  m_config.tol = config.tol;
  m_config.maxIter = config.maxIter;
  m_config.initialMeans = config.initialMeans;
}

MatrixXd GaussianMixture::means() const {
  return (m_means.colwise() + m_center).transpose();
}

MatrixXd GaussianMixture::covariance(int k) const {
  switch (m_config.covariance) {
    case CovarianceType::Full:
      return m_cov[static_cast<std::size_t>(k)];
    case CovarianceType::Tied:
      return m_cov[0];
    case CovarianceType::Diag:
    case CovarianceType::Spherical:
      break;
  }
  return m_var.col(k).asDiagonal();
}

std::vector<MatrixXd> GaussianMixture::covariances() const {
  std::vector<MatrixXd> out;
  out.reserve(static_cast<std::size_t>(m_config.k));
  for (int k = 0; k < m_config.k; ++k) out.push_back(covariance(k));
  return out;
}

GmmParams GaussianMixture::parameters() const {
  return {weights(), means(), covariances()};
}

MatrixXd GaussianMixture::responsibilities() const {
  return m_resp.transpose();
}

Eigen::MatrixXf GaussianMixture::responsibilitiesF() const {
  return m_resp.transpose().cast<float>();
}

MatrixXd GaussianMixture::data() const {
  return (m_x.colwise() + m_center).transpose();
}

long long GaussianMixture::numParameters(CovarianceType type, long long k, long long d) {
  long long cov = 0;
  switch (type) {
    case CovarianceType::Full:
      cov = k * d * (d + 1) / 2;
      break;
    case CovarianceType::Diag:
      cov = k * d;
      break;
    case CovarianceType::Tied:
      cov = d * (d + 1) / 2;
      break;
    case CovarianceType::Spherical:
      cov = k;
      break;
  }
  return cov + k * d + k - 1;
}

long long GaussianMixture::numParameters() const {
  return numParameters(m_config.covariance, m_config.k, dim());
}

double GaussianMixture::bic() const {
  return -2.0 * m_totalLL +
         static_cast<double>(numParameters()) * std::log(static_cast<double>(numSamples()));
}

double GaussianMixture::aic() const {
  return -2.0 * m_totalLL + 2.0 * static_cast<double>(numParameters());
}

MatrixXd GaussianMixture::sample(Index n) {
  const Index d = dim();
  std::vector<MatrixXd> factors;
  for (int k = 0; k < m_config.k; ++k) {
    factors.push_back(Eigen::LLT<MatrixXd>(covariance(k)).matrixL());
  }
  std::vector<double> weights(m_weights.data(), m_weights.data() + m_weights.size());
  MatrixXd out(n, d);
  VectorXd z(d);
  for (Index i = 0; i < n; ++i) {
    const auto k = static_cast<Index>(m_rng.categorical(weights));
    for (Index j = 0; j < d; ++j) z(j) = m_rng.normal();
    out.row(i) = (m_means.col(k) + m_center + factors[static_cast<std::size_t>(k)] * z).transpose();
  }
  return out;
}

nlohmann::json GaussianMixture::exactState() const {
  nlohmann::json covariances = nlohmann::json::array();
  for (const MatrixXd& c : m_cov) covariances.push_back(data::toJson(c));
  return {{"center", data::toJson(m_center)},
          {"weights", data::toJson(m_weights)},
          {"means_centred", data::toJson(MatrixXd(m_means.transpose()))},
          {"cov", covariances},
          {"var", m_var.size() > 0 ? data::toJson(MatrixXd(m_var.transpose())) : nlohmann::json()},
          {"rng", m_rng.state()},
          {"iterations", m_iterations},
          {"converged", m_converged}};
}

void GaussianMixture::restoreExactState(const nlohmann::json& state) {
  const Index d = dim();
  const int K = m_config.k;
  if (!state.is_object()) throw ConfigError("exact: expected an object");
  const VectorXd center = data::readVector(state.at("center"), "exact.center", d);
  if (center != m_center) {
    throw ConfigError("exact.center: the checkpoint was taken on other data (its mean differs)");
  }
  SavedParameters restored;
  restored.weights = data::readVector(state.at("weights"), "exact.weights", K);
  restored.means =
      data::readMatrix(state.at("means_centred"), "exact.means_centred", K, d).transpose();
  const bool matrices =
      m_config.covariance == CovarianceType::Full || m_config.covariance == CovarianceType::Tied;
  if (matrices) {
    const auto count = static_cast<std::size_t>(isTied(m_config.covariance) ? 1 : K);
    const auto& list = state.at("cov");
    if (!list.is_array() || list.size() != count)
      throw ConfigError("exact.cov: expected " + std::to_string(count) + " matrices");
    for (std::size_t k = 0; k < count; ++k) {
      restored.cov.push_back(
          data::readMatrix(list[k], "exact.cov[" + std::to_string(k) + "]", d, d));
    }
  } else {
    restored.var = data::readMatrix(state.at("var"), "exact.var", K, d).transpose();
  }
  Rng rng;
  if (!rng.setState(state.at("rng").get<std::string>()))
    throw ConfigError("exact.rng: not a generator state");
  const int iterations = static_cast<int>(data::readInt(state.at("iterations"), "exact.iterations",
                                                        0, std::numeric_limits<int>::max()));
  const bool converged = data::readBool(state.at("converged"), "exact.converged");

  SavedParameters previous{m_weights, m_means, m_cov, m_var};
  try {
    restoreParameters(restored);
    eStep();
  } catch (const std::exception&) {
    restoreParameters(previous);
    eStep();
    throw;
  }
  m_rng = rng;
  m_iterations = iterations;
  m_converged = converged;
}

}  // namespace genlab::gmm
