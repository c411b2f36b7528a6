#pragma once
// A Gaussian mixture model fitted by expectation-maximisation, in any dimension d.
//
// Orientation: every matrix that crosses this API has one sample (or one component) per ROW,
// like scikit-learn and CSV files: data and samples are N x d, means K x d, responsibilities
// N x K. Covariances are always returned as full d x d matrices, whatever the covariance type.
// (Internally the data is stored transposed and centred, see the private section.)
//
// State and call order. After construction, initialize(), setParameters() or setData(), the
// responsibilities and log-likelihood describe the current parameters ("current"). iterate()
// is one EM iteration: an M-step from the responsibilities followed by an E-step, so it
// leaves them current again and the log-likelihood it reports is that of the new parameters
// (the same numbers as scikit-learn after the same number of iterations). For teaching, eStep()
// and mStep() can be called one at a time: mStep() moves the parameters and leaves the
// responsibilities stale until the next eStep(); setMean() also makes them stale.
//
// Numerics: precisions are kept as Cholesky factors (S^{-1} = U U^T, U upper triangular, as
// in scikit-learn), responsibilities come from a log-sum-exp, and `reg_covar` is added to every
// covariance diagonal after each M-step. No NaN reaches the caller: a covariance that is not
// positive definite, or any non-finite value, throws NumericError naming the component and the
// quantity, and the model keeps its previous parameters.

#include <Eigen/Core>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <stop_token>
#include <string>
#include <vector>

#include "core/models/gmm/gmm_config.h"
#include "core/util/rng.h"

namespace genlab::gmm {

// A mixture's parameters in the public orientation.
struct GmmParams {
  Eigen::VectorXd weights;                   // K, non-negative, summing to 1
  Eigen::MatrixXd means;                     // K x d, one mean per row
  std::vector<Eigen::MatrixXd> covariances;  // K full d x d covariances
};

struct SavedParameters;  // gaussian_mixture.cpp: what a failed step restores

class GaussianMixture {
 public:
  // `data` is N x d (N >= 1). Initialises the parameters as config.init says (drawing from an
  // Rng seeded with `seed`) and runs the E-step. Throws ConfigError for settings that do not fit
  // the data (initial_means of another dimension, k > N for random or k-means++ init).
  GaussianMixture(const GmmConfig& config, const Eigen::MatrixXd& data, std::uint64_t seed);

  // --- Training -------------------------------------------------------------------------------

  // Starts again as config().init says, drawing from the model's Rng (so each call gives a new
  // start). As scikit-learn's `_initialize_parameters`: kmeans, kmeans++ and random_from_data
  // choose seed means (k-means++ seeds, then Lloyd's k-means for kmeans; K distinct samples for
  // random_from_data), give each sample to its nearest seed and take one M-step; random draws
  // every sample's responsibilities and takes one M-step. For kmeans this is exactly
  // scikit-learn's start. For kmeans++ and random_from_data it is scikit-learn's model after its
  // first iteration: scikit-learn's own start has covariances of reg_covar alone (invisible on
  // screen, and a log-likelihood of about -1e6), and its first E-step is this nearest-seed
  // assignment. With tied covariances scikit-learn's seed start differs: its tied estimate
  // assumes every sample's responsibilities sum to 1, and gives the data's second moment over K.
  // The teaching starts (random_wide, manual) put the means at K random samples or at
  // initial_means, with equal weights and every covariance the data's (plus reg_covar), so the
  // first picture shows wide ellipses that EM shrinks. A component that gets no samples is
  // re-seeded (see mStep()). Resets the iteration count; runs the E-step.
  void initialize();

  // initialize() from the given seed means (K x d) instead of drawn ones: the k-means seeds for
  // kmeans, the nearest-mean seeds for kmeans++ and random_from_data, the means for random_wide
  // and manual.
  // Throws ConfigError for init=random or a wrong shape. Lets a test start genlab and
  // scikit-learn from the same seeds.
  void initializeFromSeeds(const Eigen::MatrixXd& seeds);

  // Result of one EM iteration.
  struct Iteration {
    double meanLogLikelihood = 0.0;     // of the new parameters, per sample
    double delta = 0.0;                 // change of meanLogLikelihood from the previous parameters
    bool converged = false;             // |delta| < tol
    std::vector<std::string> messages;  // re-seeded components
  };

  // One EM iteration (M-step, then E-step; an E-step first when the responsibilities are stale).
  // Throws NumericError (NonFiniteError naming the quantity and `step`, the caller's step
  // number for messages) with the parameters as they were before the call.
  Iteration iterate(std::int64_t step = 0);

  // iterate() until converged, max_iter iterations in all, or a stop request; once converged,
  // one iteration more, as scikit-learn's fit ends one M-step past its convergence test (so
  // both give the same model and n_iter from the same start). Returns the number of
  // iterations done by this call.
  int fit(std::stop_token stop = {});

  // Responsibilities and log-likelihood from the current parameters.
  void eStep();

  // Parameters from the current responsibilities. A component whose responsibilities add up to
  // (almost) nothing is re-seeded at the sample with the lowest likelihood, with the data
  // covariance; the returned messages say which. Leaves the responsibilities stale.
  std::vector<std::string> mStep();

  // --- Live manipulation ----------------------------------------------------------------------

  // Moves component k's mean; the responsibilities become stale (call eStep() to see them).
  void setMean(int k, const Eigen::VectorXd& mean);

  // Replaces every parameter (shapes must match k and d; each covariance symmetric positive
  // definite and shaped to the covariance type: diagonal for diag, a multiple of the identity
  // for spherical, all equal for tied). Runs the E-step. Throws ConfigError naming the quantity.
  void setParameters(const GmmParams& params);

  // New data of the same dimension (N >= 1), keeping the parameters; runs the E-step.
  void setData(const Eigen::MatrixXd& data);

  // Changes reg_covar, tol and max_iter (take effect at the next step). Throws ConfigError if
  // k, covariance or init differ: those need a new model.
  void setTrainingSettings(const GmmConfig& config);

  // Threads the E- and M-step use; 0 (the default) = all cores. The lab keeps one for drawing.
  void setThreads(int threads) { m_threads = threads; }

  // --- Reading --------------------------------------------------------------------------------

  const GmmConfig& config() const { return m_config; }
  int k() const { return m_config.k; }
  Eigen::Index dim() const { return m_x.rows(); }
  Eigen::Index numSamples() const { return m_x.cols(); }

  Eigen::VectorXd weights() const { return m_weights; }
  Eigen::MatrixXd means() const;                     // K x d
  Eigen::MatrixXd covariance(int k) const;           // d x d, full
  std::vector<Eigen::MatrixXd> covariances() const;  // K full d x d
  GmmParams parameters() const;
  Eigen::MatrixXd responsibilities() const;   // N x K (a copy)
  Eigen::MatrixXf responsibilitiesF() const;  // N x K as float, for snapshots
  const Eigen::VectorXd& sampleLogLikelihoods() const { return m_sampleLL; }  // N: log p(x_n)
  Eigen::MatrixXd data() const;                                               // N x d, as given

  bool responsibilitiesCurrent() const { return m_respCurrent; }
  double logLikelihood() const { return m_totalLL; }  // total over samples
  double meanLogLikelihood() const { return m_totalLL / static_cast<double>(numSamples()); }
  int iterations() const { return m_iterations; }
  bool converged() const { return m_converged; }

  // Free parameters, as scikit-learn counts them: K-1 weights, K d means, and K d(d+1)/2 (full),
  // d(d+1)/2 (tied), K d (diag) or K (spherical) covariance entries.
  static long long numParameters(CovarianceType type, long long k, long long d);
  long long numParameters() const;
  double bic() const;  // -2 logLikelihood() + numParameters() log N
  double aic() const;  // -2 logLikelihood() + 2 numParameters()

  // n points drawn from the mixture (n x d), from the model's own Rng.
  Eigen::MatrixXd sample(Eigen::Index n);

  // --- Checkpoints ----------------------------------------------------------------------------

  // The parameters exactly as held (centred coordinates, the covariance type's own storage),
  // the Rng's state, the iteration count and the convergence flag. parameters() alone would not
  // do: adding and subtracting the data centre rounds, and a resumed run must equal an
  // uninterrupted one bit for bit.
  nlohmann::json exactState() const;
  // Restores exactState() into a model built with the same config and data, then runs the
  // E-step (deterministic, so the responsibilities equal those the saved model held). Throws
  // ConfigError naming the key when a shape does not fit; the model is then unchanged.
  void restoreExactState(const nlohmann::json& state);

 private:
  void setDataInternal(const Eigen::MatrixXd& data);
  Eigen::MatrixXd dataCovariance() const;  // centred-data covariance, d x d
  void setCovarianceFromFull(int k, const Eigen::MatrixXd& cov);
  void resetCovariances();  // every component to the data covariance (+reg)
  // The starts behind initialize(); seeds are d x K in centred coordinates.
  void startFromSeeds(const Eigen::MatrixXd& seeds);
  void startFromLabels(const std::vector<int>& labels, const Eigen::VectorXd& squaredDistance);
  void startFromNearestSeeds(const Eigen::MatrixXd& seeds);
  // One M-step from m_resp; `fit` ranks the samples for re-seeding an empty component (lowest
  // first).
  void startFromResponsibilities(const Eigen::VectorXd& fit);
  void updatePrecisions();  // factors and log-normalisers from the parameters
  // Puts back parameters saved before a step that failed, with their precisions.
  void restoreParameters(const SavedParameters& saved);
  std::vector<std::string> reseedEmptyComponents(const Eigen::VectorXd& nk);

  GmmConfig m_config;
  Rng m_rng;
  int m_threads = 0;

  // Data, transposed (d x N: one sample per column) and centred on m_center, which makes the
  // E-step's x U - mu U and the covariance sums lose less to cancellation. All parameters below
  // are in these centred coordinates; the accessors add m_center back.
  Eigen::MatrixXd m_x;
  Eigen::VectorXd m_center;

  // Parameters. Covariances: full: m_cov holds K matrices; tied: m_cov holds one; diag and
  // spherical: m_var (d x K) holds the variances (all rows equal for spherical).
  Eigen::VectorXd m_weights;  // K
  Eigen::MatrixXd m_means;    // d x K
  std::vector<Eigen::MatrixXd> m_cov;
  Eigen::MatrixXd m_var;

  // Derived from the parameters by updatePrecisions(); valid whenever the parameters are.
  Eigen::MatrixXd m_precChol;  // full/tied: d x (G d) upper factors; diag: d x K of 1/sigma
  Eigen::MatrixXd m_meanProj;  // full/tied: d x K, U^T mu
  Eigen::VectorXd m_logNorm;   // K: log w + log|U| - d/2 log 2 pi

  // E-step results: K x N responsibilities, N per-sample log-likelihoods, their total.
  Eigen::MatrixXd m_resp;
  // sum_n r_nk f(x_n) over the quadratic features (gmm_kernels.h), summed by the E-step that
  // wrote m_resp (full and tied covariances, d >= kBlasMinDim); empty otherwise. Only eStep()
  // writes m_resp, so the two always describe the same responsibilities.
  Eigen::MatrixXd m_moments;
  Eigen::VectorXd m_sampleLL;
  double m_totalLL = 0.0;
  bool m_respCurrent = false;

  int m_iterations = 0;
  bool m_converged = false;
};

}  // namespace genlab::gmm
