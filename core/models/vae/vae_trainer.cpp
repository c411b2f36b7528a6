#include "core/models/vae/vae_trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

#include "core/math/mig.h"
#include "core/models/vae/vae_network.h"
#include "core/nn/checkpoint_order.h"
#include "core/nn/finite_check.h"
#include "core/nn/fused_adam.h"
#include "core/nn/torch_checkpoint.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"
#include "core/util/rng.h"

namespace genlab::vae {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// The held-out subset does not depend on the seed, so runs that differ only in seed or beta
// show and evaluate the same images.
constexpr std::uint64_t kHeldOutStream = 0x4E1D0u;
constexpr std::uint64_t kEvalStream = 0xE7A1u;
// Heavy snapshot parts are rebuilt at most this often, and take no more than ~5% of the
// trainer thread (at 10% the lab trained the 2-D Fashion-MNIST lesson about 20% slower than
// headless; the issue allows 15%).
constexpr auto kVisualsPeriod = std::chrono::milliseconds(250);
constexpr int kVisualsCostFactor = 19;
// A dimension is active when its posterior differs from the prior by more than this on
// average: with less, the decoder gets (almost) the same z_d whatever the image.
constexpr double kActiveKl = 0.1;
constexpr double kTraversalRange = 3.0;
constexpr std::int64_t kLastEarlyEvaluation = 128;

// The subset of `test` the views show and evaluations use: at most `limit` images drawn
// without replacement, kept in their original order.
HeldOut chooseHeldOut(const data::ImageSet& test, int limit) {
  std::vector<int> index(static_cast<std::size_t>(test.count));
  std::iota(index.begin(), index.end(), 0);
  if (test.count > limit) {
    Rng rng(kHeldOutStream);
    for (int i = 0; i < limit; ++i) {
      const auto j = i + static_cast<int>(rng.below(static_cast<std::uint64_t>(test.count - i)));
      std::swap(index[static_cast<std::size_t>(i)], index[static_cast<std::size_t>(j)]);
    }
    index.resize(static_cast<std::size_t>(limit));
    std::sort(index.begin(), index.end());
  }
  HeldOut out;
  out.count = static_cast<int>(index.size());
  out.height = test.height;
  out.width = test.width;
  out.classNames = test.classNames;
  out.factorNames = test.factorNames;
  out.factorLevels = test.factorLevels;
  const auto pixels = static_cast<std::size_t>(test.pixelsPerImage());
  out.pixels.reserve(index.size() * pixels);
  for (int i : index) {
    const auto image = test.image(i);
    out.pixels.insert(out.pixels.end(), image.begin(), image.end());
    if (test.hasLabels()) out.labels.push_back(test.labels[static_cast<std::size_t>(i)]);
    for (std::size_t f = 0; f < test.factorNames.size(); ++f)
      out.factors.push_back(test.factor(i, static_cast<int>(f)));
  }
  return out;
}

torch::Tensor imagesTensor(std::vector<float>& pixels, int count, int pixelsPerImage) {
  return torch::from_blob(pixels.data(), {count, pixelsPerImage}, torch::kFloat32);
}

std::vector<float> toVector(const torch::Tensor& tensor) {
  const auto contiguous = tensor.contiguous().to(torch::kFloat32);
  const float* data = contiguous.data_ptr<float>();
  return {data, data + contiguous.numel()};
}

void checkImages(const data::ImageSet& set, const char* which) {
  if (set.count <= 0) {
    throw DataError(std::string("dataset: the ") + which +
                    " split has no images (the VAE needs "
                    "training and held-out images)");
  }
  if (set.height <= 0 || set.width <= 0 ||
      set.pixels.size() != static_cast<std::size_t>(set.count) * set.pixelsPerImage()) {
    throw DataError(std::string("dataset: the ") + which + " images have an inconsistent size");
  }
}

}  // namespace

struct VaeTrainer::Impl {
  VaeConfig config;
  data::ImageSet train;
  std::shared_ptr<HeldOut> heldOutOwned;  // pixels viewed by heldOutTensor; never mutated
  std::shared_ptr<const HeldOut> heldOut;
  torch::Tensor trainTensor;
  torch::Tensor heldOutTensor;
  int height = 0;
  int width = 0;
  std::uint64_t seed = 0;
  Rng batchRng;
  at::Generator generator;
  VaeNet net{nullptr};
  std::unique_ptr<genlab::nn::FusedAdam> optimizer;
  std::vector<std::int64_t> order;
  std::size_t cursor = 0;
  std::int64_t epoch = 0;
  std::int64_t steps = 0;         // monotonic over the trainer's life (curves, timeline)
  std::int64_t networkStart = 0;  // `steps` when the current network was built

  VaeSnapshot state;  // the light part of every snapshot; evaluation results
  std::vector<std::string> messages;

  // Heavy snapshot parts and when they were built.
  std::shared_ptr<const Encoding> encoding;
  std::shared_ptr<const Traversal> traversal;
  std::shared_ptr<const std::vector<float>> pairs;
  int traversalBase = 0;
  bool visualsDirty = true;
  std::int64_t visualsStep = -1;
  Clock::time_point nextVisuals{};

  Impl(const VaeConfig& cfg, data::ImageSplit data, std::uint64_t s)
      : config(cfg),
        train(std::move(data.train)),
        seed(s),
        batchRng(s),
        generator(at::detail::createCPUGenerator(s)) {
    checkImages(train, "training");
    checkImages(data.test, "held-out");
    if (data.test.height != train.height || data.test.width != train.width) {
      throw DataError("dataset: training images are " + std::to_string(train.height) + "x" +
                      std::to_string(train.width) + " but held-out images are " +
                      std::to_string(data.test.height) + "x" + std::to_string(data.test.width));
    }
    height = train.height;
    width = train.width;
    heldOutOwned = std::make_shared<HeldOut>(chooseHeldOut(data.test, kHeldOutMax));
    heldOut = heldOutOwned;
    trainTensor = imagesTensor(train.pixels, train.count, train.pixelsPerImage());
    heldOutTensor = imagesTensor(heldOutOwned->pixels, heldOutOwned->count, height * width);
    order.resize(static_cast<std::size_t>(train.count));
    std::iota(order.begin(), order.end(), 0);
    buildNetwork();
  }

  int pixels() const { return height * width; }

  void buildNetwork() {
    std::int64_t trained = 0;  // steps the network has behind it (a loaded checkpoint's)
    if (!config.load.empty()) {
      trained = loadCheckpoint(config.load);
    } else {
      net = VaeNet(config, height, width);
      net->initialise(generator);
      optimizer = std::make_unique<genlab::nn::FusedAdam>(net->parameters(),
                                                          torch::optim::AdamOptions(config.lr));
    }
    // The step count goes on (the session's curves and timeline are indexed by it); the
    // warm-up and the early evaluations start again with a new network, and go on from where
    // they were with a loaded one.
    networkStart = steps - trained;
    epoch = 0;
    cursor = order.size();  // the first step shuffles
    state.evaluated = false;
    visualsDirty = true;
    encoding.reset();
    traversal.reset();
    pairs.reset();
  }

  // settings.load: the network (and Adam's state) of a checkpoint, full or written before
  // checkpoints held the training state. Returns the steps the network was trained for.
  std::int64_t loadCheckpoint(const std::string& path) {
    genlab::nn::CheckpointReader in(path, "settings.load: " + path);
    const std::string model = in.model();
    if (!model.empty() && model != "vae") {
      in.fail("a checkpoint of the \"" + model + "\" model, not of a VAE");
    }
    const std::int64_t trained = in.integer("step", 0, std::numeric_limits<std::int64_t>::max());
    // The network's shape comes from the checkpoint; live settings from the lesson.
    const VaeConfig saved = readConfig(in);
    VaeConfig shaped = config;
    shaped.architecture = saved.architecture;
    shaped.latent = saved.latent;
    shaped.hidden = saved.hidden;
    shaped.likelihood = saved.likelihood;
    VaeNet loadedNet = makeNet(in, shaped);
    in.module("network", *loadedNet);
    auto loadedOptimizer = std::make_unique<genlab::nn::FusedAdam>(
        loadedNet->parameters(), torch::optim::AdamOptions(shaped.lr));
    in.optimizer("optimizer", *loadedOptimizer);
    config = shaped;
    net = loadedNet;
    optimizer = std::move(loadedOptimizer);
    setLearningRate(config.lr);
    messages.push_back("loaded " + path + " (" + std::to_string(trained) + " steps trained)");
    return trained;
  }

  // The checkpoint's settings; DataError when they are not valid VAE settings.
  static VaeConfig readConfig(genlab::nn::CheckpointReader& in) {
    try {
      return VaeConfig::fromJson(in.json("settings"), "settings");
    } catch (const ConfigError& error) {
      in.fail(std::string("its ") + error.what());
    }
  }

  // A network for `shaped` on this trainer's images; DataError when it cannot take them.
  VaeNet makeNet(genlab::nn::CheckpointReader& in, const VaeConfig& shaped) const {
    try {
      return VaeNet(shaped, height, width);
    } catch (const ConfigError& error) {
      in.fail(std::string("its ") + error.what());
    }
  }

  void setLearningRate(double lr) {
    for (auto& group : optimizer->param_groups())
      static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
  }

  torch::Tensor nextBatch() {
    if (cursor >= order.size()) {
      for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[static_cast<std::size_t>(batchRng.below(i))]);
      cursor = 0;
      ++epoch;
    }
    const std::size_t end = std::min(order.size(), cursor + static_cast<std::size_t>(config.batch));
    const auto index = torch::from_blob(order.data() + cursor,
                                        {static_cast<std::int64_t>(end - cursor)}, torch::kInt64);
    cursor = end;
    return trainTensor.index_select(0, index);
  }

  // Test ELBO, decomposition and MIG on the held-out subset; results into `state`.
  void evaluate() {
    torch::NoGradGuard noGrad;
    net->eval();
    at::Generator evalGenerator = at::detail::createCPUGenerator(seed ^ kEvalStream);
    const Posterior posterior = net->encode(heldOutTensor);
    const auto z = reparameterise(posterior, evalGenerator);
    const auto nll = net->negativeLogLikelihood(net->decodeLogits(z), heldOutTensor);
    const auto kl = klPerDimension(posterior).sum(1);
    state.testElbo = -(nll + kl).mean().item<double>();
    const std::int64_t m = std::min<std::int64_t>(heldOut->count, kDecompositionMax);
    const Posterior head{posterior.mean.slice(0, 0, m), posterior.logVar.slice(0, 0, m)};
    const KlDecomposition parts =
        decomposeKl(head, z.slice(0, 0, m), config.tcEstimator, config.batch);
    state.mutualInformation = parts.mutualInformation;
    state.totalCorrelation = parts.totalCorrelation;
    state.dimensionWiseKl = parts.dimensionWiseKl;
    state.hasMig = heldOut->hasFactors();
    state.mig = 0.0;
    if (state.hasMig) {
      const auto means = posterior.mean.contiguous();
      const Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
          latents(means.data_ptr<float>(), means.size(0), means.size(1));
      const auto factorCount = static_cast<Eigen::Index>(heldOut->factorNames.size());
      const Eigen::Map<const Eigen::Matrix<int, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
          factors(heldOut->factors.data(), heldOut->count, factorCount);
      state.mig = math::mutualInformationGap(latents, factors, heldOut->factorLevels).mig;
    }
    state.evaluated = true;
    state.evaluatedAt = steps;
    net->train();
  }

  void buildVisuals() {
    torch::NoGradGuard noGrad;
    net->eval();
    const Posterior posterior = net->encode(heldOutTensor);
    const auto recon = net->decodeMean(posterior.mean);
    auto enc = std::make_shared<Encoding>();
    enc->step = steps;
    enc->count = heldOut->count;
    enc->latent = config.latent;
    enc->means = toVector(posterior.mean);
    enc->reconstructions = toVector(recon);
    const auto klMean = klPerDimension(posterior).to(torch::kFloat64).mean(0);
    const auto variance = posterior.mean.to(torch::kFloat64).var(0, /*unbiased=*/false);
    for (int d = 0; d < config.latent; ++d) {
      enc->klPerDim.push_back(klMean[d].item<double>());
      enc->meanVariance.push_back(variance[d].item<double>());
      enc->active.push_back(enc->klPerDim.back() > kActiveKl);
    }
    enc->dimsByKl.resize(static_cast<std::size_t>(config.latent));
    std::iota(enc->dimsByKl.begin(), enc->dimsByKl.end(), 0);
    std::stable_sort(enc->dimsByKl.begin(), enc->dimsByKl.end(), [&](int a, int b) {
      return enc->klPerDim[static_cast<std::size_t>(a)] >
             enc->klPerDim[static_cast<std::size_t>(b)];
    });

    // Traversal: each row varies one dimension over [-3, 3], the others at the base's mean.
    auto grid = std::make_shared<Traversal>();
    grid->baseIndex = std::clamp(traversalBase, 0, heldOut->count - 1);
    const int columns = kTraversalColumns;
    for (int c = 0; c < columns; ++c)
      grid->values.push_back(-kTraversalRange + 2.0 * kTraversalRange * c / (columns - 1));
    const auto base = posterior.mean[grid->baseIndex];
    auto points = base.unsqueeze(0).repeat({config.latent * columns, 1});
    for (int r = 0; r < config.latent; ++r) {
      const int d = enc->dimsByKl[static_cast<std::size_t>(r)];
      grid->rows.push_back(d);
      grid->rowActive.push_back(enc->active[static_cast<std::size_t>(d)]);
      for (int c = 0; c < columns; ++c)
        points[r * columns + c][d] = grid->values[static_cast<std::size_t>(c)];
    }
    grid->images = toVector(net->decodeMean(points));

    auto pairImages = std::make_shared<std::vector<float>>();
    const int shown = std::min(kPairCount, heldOut->count);
    const auto p = static_cast<std::size_t>(pixels());
    for (int i = 0; i < shown; ++i) {
      const auto image = heldOut->image(i);
      pairImages->insert(pairImages->end(), image.begin(), image.end());
      const auto from = enc->reconstructions.begin() + static_cast<std::ptrdiff_t>(i * p);
      pairImages->insert(pairImages->end(), from, from + static_cast<std::ptrdiff_t>(p));
    }
    encoding = std::move(enc);
    traversal = std::move(grid);
    pairs = std::move(pairImages);
    net->train();
  }
};

VaeTrainer::VaeTrainer(const VaeConfig& config, data::ImageSplit data, std::uint64_t seed)
    : m_impl(std::make_unique<Impl>(config, std::move(data), seed)) {}

VaeTrainer::~VaeTrainer() = default;

std::vector<std::string> VaeTrainer::metricNames() const {
  return {"elbo", "reconstruction", "kl", "beta_kl", "loss", "beta", "test_elbo", "mi",
          "tc",   "dim_kl",         "mig"};
}

train::StepOutcome VaeTrainer::step(std::span<double> metrics, std::stop_token stop) {
  Impl& m = *m_impl;
  train::StepOutcome outcome;
  outcome.messages = std::exchange(m.messages, {});
  if (stop.stop_requested()) return outcome;
  const double beta = m.config.effectiveBeta(m.steps - m.networkStart);

  const auto x = m.nextBatch();
  const Posterior posterior = m.net->encode(x);
  const auto z = reparameterise(posterior, m.generator);
  const auto nll = m.net->negativeLogLikelihood(m.net->decodeLogits(z), x);
  const auto kl = klPerDimension(posterior).sum(1);
  const auto loss = (nll + beta * kl).mean();
  const double lossValue = loss.item<double>();
  const double reconstruction = nll.mean().item<double>();
  const double klValue = kl.mean().item<double>();
  checkFinite(lossValue, "VAE loss", m.steps + 1,
              "reconstruction " + std::to_string(reconstruction) + ", KL " +
                  std::to_string(klValue) + "; " + std::string(kStepNotApplied));
  genlab::nn::clearGradients(*m.optimizer);
  loss.backward();
  genlab::nn::checkFiniteGradients(*m.net, "VAE", m.steps + 1);
  genlab::nn::checkUpdateStaysFinite(*m.optimizer, *m.net, "VAE", m.steps + 1);
  m.optimizer->step();
  ++m.steps;

  m.state.reconstruction = reconstruction;
  m.state.kl = klValue;
  m.state.elbo = -(reconstruction + klValue);
  // Every eval_every steps, and early on at steps 1, 2, 4, ..., 128 (below eval_every) so the
  // held-out curves start with the training ones instead of a flat line from step 1.
  const std::int64_t local = m.steps - m.networkStart;
  const bool early =
      local <= kLastEarlyEvaluation && local < m.config.evalEvery && (local & (local - 1)) == 0;
  if (!m.state.evaluated || early || local % m.config.evalEvery == 0) m.evaluate();

  const double values[] = {m.state.elbo,
                           reconstruction,
                           klValue,
                           beta * klValue,
                           lossValue,
                           beta,
                           m.state.testElbo,
                           m.state.mutualInformation,
                           m.state.totalCorrelation,
                           m.state.dimensionWiseKl,
                           m.state.mig};
  std::copy_n(values, std::min(metrics.size(), std::size(values)), metrics.begin());
  return outcome;
}

train::SnapshotPtr VaeTrainer::snapshot() const {
  Impl& m = *m_impl;
  const auto now = Clock::now();
  if (m.visualsDirty || (m.steps != m.visualsStep && now >= m.nextVisuals)) {
    m.buildVisuals();
    const auto cost = Clock::now() - now;
    m.nextVisuals =
        Clock::now() + std::max<Clock::duration>(kVisualsPeriod, cost * kVisualsCostFactor);
    m.visualsDirty = false;
    m.visualsStep = m.steps;
  }
  auto out = std::make_shared<VaeSnapshot>(m.state);
  out->step = m.steps;
  out->config = m.config;
  out->effectiveBeta = m.config.effectiveBeta(m.steps - m.networkStart);
  out->height = m.height;
  out->width = m.width;
  out->epoch = m.epoch;
  out->trainCount = m.train.count;
  out->heldOut = m.heldOut;
  out->encoding = m.encoding;
  out->traversal = m.traversal;
  out->reconstructionPairs = m.pairs;
  out->pairCount = m.pairs ? static_cast<int>(m.pairs->size() / (2 * m.pixels())) : 0;
  return out;
}

void VaeTrainer::setParam(const std::string& key, const nlohmann::json& value) {
  Impl& m = *m_impl;
  const VaeConfig updated = VaeConfig::fromJson(json{{key, value}}, "settings", m.config);
  if (VaeConfig::rebuildsNetwork(key)) {
    const VaeConfig old = m.config;
    m.config = updated;
    try {
      m.buildNetwork();
    } catch (...) {
      m.config = old;  // the old network is still in place
      throw;
    }
    m.messages.push_back("settings." + key + " changed: a new network starts at step " +
                         std::to_string(m.steps));
    return;
  }
  m.config = updated;
  if (key == "lr") m.setLearningRate(updated.lr);
}

nlohmann::json VaeTrainer::settings() const {
  return m_impl->config.toJson();
}

// The checkpoint holds the whole training state, so that a trainer built from the same lesson
// and seed resumes bit for bit: the network and Adam's moments, both random streams (the
// torch generator of the reparameterisation noise, the Rng that shuffles), the epoch's order
// and cursor, the step counters the warm-up and the evaluation schedule count from, the last
// evaluation (its values are every step's metrics until the next one), and the settings in
// force. The data itself comes from the lesson; its sizes are recorded to refuse other data.
void VaeTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  const Impl& m = *m_impl;
  try {
    genlab::nn::CheckpointWriter out(modelName());
    // "network", "optimizer", "settings" and "step" are also what settings.load reads.
    out.module("network", *m.net);
    out.optimizer("optimizer", *m.optimizer);
    out.json("settings", m.config.toJson());
    out.integer("step", m.steps);
    out.integer("network_start", m.networkStart);
    out.integer("seed", static_cast<std::int64_t>(m.seed));
    out.generator("generator", m.generator);
    out.rng("batch_rng", m.batchRng);
    out.tensor("order", torch::tensor(torch::ArrayRef<std::int64_t>(m.order), torch::kInt64));
    out.integer("cursor", static_cast<std::int64_t>(m.cursor));
    out.integer("epoch", m.epoch);
    out.integer("height", m.height);
    out.integer("width", m.width);
    out.integer("held_out", m.heldOut->count);
    out.integer("traversal_base", m.traversalBase);
    const VaeSnapshot& s = m.state;
    out.real("reconstruction", s.reconstruction);
    out.real("kl", s.kl);
    out.real("elbo", s.elbo);
    out.flag("evaluated", s.evaluated);
    out.integer("evaluated_at", s.evaluatedAt);
    out.real("test_elbo", s.testElbo);
    out.real("mutual_information", s.mutualInformation);
    out.real("total_correlation", s.totalCorrelation);
    out.real("dimension_wise_kl", s.dimensionWiseKl);
    out.real("mig", s.mig);
    out.flag("has_mig", s.hasMig);
    out.save(file);
  } catch (const c10::Error& error) {
    throw DataError(file.string() + ": cannot write the checkpoint (" +
                    std::string(error.what_without_backtrace()) + ")");
  }
}

void VaeTrainer::loadCheckpoint(const std::filesystem::path& file) {
  Impl& m = *m_impl;
  genlab::nn::CheckpointReader in(file);
  in.requireModel(modelName());
  // Everything is read into locals first; the trainer changes only once all of it has been
  // read and checked, so a bad file leaves it as it was.
  const auto count = [&](const char* key, std::int64_t here, const char* what) {
    const std::int64_t saved = in.integer(key);
    if (saved != here) {
      in.fail("written for " + std::to_string(saved) + " " + what + "; this trainer has " +
              std::to_string(here) + " (another lesson's data?)");
    }
  };
  count("height", m.height, "pixel rows");
  count("width", m.width, "pixel columns");
  count("held_out", m.heldOut->count, "held-out images");
  const std::int64_t images = static_cast<std::int64_t>(m.order.size());
  std::vector<std::int64_t> order = genlab::nn::readDataOrder(in, "order", images);
  const auto cursor = static_cast<std::size_t>(in.integer("cursor", 0, images));
  const std::int64_t epoch = in.integer("epoch", 0, std::numeric_limits<std::int64_t>::max());
  const std::int64_t steps = in.integer("step", 0, std::numeric_limits<std::int64_t>::max());
  // Negative when settings.load started the network from a checkpoint's trained steps.
  const std::int64_t networkStart =
      in.integer("network_start", std::numeric_limits<std::int64_t>::min(), steps);
  const auto seed = static_cast<std::uint64_t>(in.integer("seed"));

  const VaeConfig config = Impl::readConfig(in);
  VaeNet net = m.makeNet(in, config);
  in.module("network", *net);
  auto optimizer = std::make_unique<genlab::nn::FusedAdam>(net->parameters(),
                                                           torch::optim::AdamOptions(config.lr));
  in.optimizer("optimizer", *optimizer);
  at::Generator generator = in.generator("generator");
  Rng batchRng = in.rng("batch_rng");

  VaeSnapshot state;
  state.reconstruction = in.real("reconstruction");
  state.kl = in.real("kl");
  state.elbo = in.real("elbo");
  state.evaluated = in.flag("evaluated");
  state.evaluatedAt = in.integer("evaluated_at", 0, steps);
  state.testElbo = in.real("test_elbo");
  state.mutualInformation = in.real("mutual_information");
  state.totalCorrelation = in.real("total_correlation");
  state.dimensionWiseKl = in.real("dimension_wise_kl");
  state.mig = in.real("mig");
  state.hasMig = in.flag("has_mig");
  const auto traversalBase =
      static_cast<int>(in.integer("traversal_base", 0, m.heldOut->count - 1));

  // All read: swap it in (nothing below throws).
  m.config = config;
  m.net = net;
  m.optimizer = std::move(optimizer);
  m.generator = generator;
  m.batchRng = batchRng;
  m.seed = seed;
  m.order = std::move(order);
  m.cursor = cursor;
  m.epoch = epoch;
  m.steps = steps;
  m.networkStart = networkStart;
  m.state = state;
  m.traversalBase = traversalBase;
  m.messages.clear();  // they told of the state just replaced
  m.encoding.reset();
  m.traversal.reset();
  m.pairs.reset();
  m.visualsDirty = true;
  m.visualsStep = -1;
}

std::int64_t VaeTrainer::stepsDone() const {
  return m_impl->steps;
}

void VaeTrainer::evaluateNow() {
  m_impl->evaluate();
  m_impl->visualsDirty = true;
}

void VaeTrainer::setThreads(int threads) {
  if (threads > 0) torch::set_num_threads(threads);
}

void VaeTrainer::refreshVisuals() {
  m_impl->visualsDirty = true;
}

void VaeTrainer::setTraversalBase(int index) {
  m_impl->traversalBase = std::clamp(index, 0, m_impl->heldOut->count - 1);
  m_impl->visualsDirty = true;
}

std::vector<float> VaeTrainer::decode(const std::vector<float>& z) {
  Impl& m = *m_impl;
  torch::NoGradGuard noGrad;
  auto point = torch::zeros({1, m.config.latent});
  for (int d = 0; d < std::min<int>(m.config.latent, static_cast<int>(z.size())); ++d)
    point[0][d] = z[static_cast<std::size_t>(d)];
  m.net->eval();
  auto out = toVector(m.net->decodeMean(point));
  m.net->train();
  return out;
}

std::vector<float> VaeTrainer::encodeHeldOut(int index) {
  Impl& m = *m_impl;
  torch::NoGradGuard noGrad;
  const int i = std::clamp(index, 0, m.heldOut->count - 1);
  m.net->eval();
  auto out = toVector(m.net->encode(m.heldOutTensor.slice(0, i, i + 1)).mean);
  m.net->train();
  return out;
}

std::vector<float> VaeTrainer::interpolate(int a, int b, int steps, bool spherical) {
  Impl& m = *m_impl;
  torch::NoGradGuard noGrad;
  steps = std::max(2, steps);
  const auto za = torch::tensor(encodeHeldOut(a));
  const auto zb = torch::tensor(encodeHeldOut(b));
  auto points = torch::empty({steps, m.config.latent});
  const double na = za.norm().item<double>();
  const double nb = zb.norm().item<double>();
  const double cosine =
      na > 0 && nb > 0 ? std::clamp(za.dot(zb).item<double>() / (na * nb), -1.0, 1.0) : 1.0;
  const double omega = std::acos(cosine);
  for (int s = 0; s < steps; ++s) {
    const double t = static_cast<double>(s) / (steps - 1);
    if (spherical && std::sin(omega) > 1e-6) {
      points[s] = (std::sin((1 - t) * omega) * za + std::sin(t * omega) * zb) / std::sin(omega);
    } else {
      points[s] = (1 - t) * za + t * zb;
    }
  }
  m.net->eval();
  auto out = toVector(m.net->decodeMean(points));
  m.net->train();
  return out;
}

double VaeTrainer::heldOutElbo(std::uint64_t seed, int limit) {
  Impl& m = *m_impl;
  torch::NoGradGuard noGrad;
  const int n = limit > 0 ? std::min(limit, m.heldOut->count) : m.heldOut->count;
  const auto x = m.heldOutTensor.slice(0, 0, n);
  at::Generator generator = at::detail::createCPUGenerator(seed);
  m.net->eval();
  const Posterior posterior = m.net->encode(x);
  const auto z = reparameterise(posterior, generator);
  const auto nll = m.net->negativeLogLikelihood(m.net->decodeLogits(z), x);
  const double elbo = -(nll + klPerDimension(posterior).sum(1)).mean().item<double>();
  m.net->train();
  return elbo;
}

double VaeTrainer::elboOf(const data::ImageSet& images, std::uint64_t seed) {
  Impl& m = *m_impl;
  if (images.height != m.height || images.width != m.width || images.count <= 0) {
    throw DataError("elboOf: expected " + std::to_string(m.height) + "x" + std::to_string(m.width) +
                    " images");
  }
  torch::NoGradGuard noGrad;
  at::Generator generator = at::detail::createCPUGenerator(seed);
  const auto all = torch::from_blob(const_cast<float*>(images.pixels.data()),
                                    {images.count, m.pixels()}, torch::kFloat32);
  constexpr std::int64_t kChunk = 2000;
  double sum = 0.0;
  m.net->eval();
  for (std::int64_t start = 0; start < images.count; start += kChunk) {
    const auto x = all.slice(0, start, std::min<std::int64_t>(images.count, start + kChunk));
    const Posterior posterior = m.net->encode(x);
    const auto z = reparameterise(posterior, generator);
    const auto nll = m.net->negativeLogLikelihood(m.net->decodeLogits(z), x);
    sum += (nll + klPerDimension(posterior).sum(1)).sum().item<double>();
  }
  m.net->train();
  return -sum / images.count;
}

std::vector<double> VaeTrainer::importanceWeightedBounds(const data::ImageSet& images, int samples,
                                                         std::uint64_t seed) {
  Impl& m = *m_impl;
  if (images.height != m.height || images.width != m.width || images.count <= 0) {
    throw DataError("importanceWeightedBounds: expected " + std::to_string(m.height) + "x" +
                    std::to_string(m.width) + " images");
  }
  if (samples < 1) throw ConfigError("importance samples: must be at least 1");
  torch::NoGradGuard noGrad;
  at::Generator generator = at::detail::createCPUGenerator(seed);
  const auto all = torch::from_blob(const_cast<float*>(images.pixels.data()),
                                    {images.count, m.pixels()}, torch::kFloat32);
  constexpr double kLog2Pi = 1.8378770664093453;
  std::vector<double> bounds;
  bounds.reserve(static_cast<std::size_t>(images.count));
  m.net->eval();
  for (std::int64_t i = 0; i < images.count; ++i) {
    // K copies of image i: log w_k = log p(x|z_k) + log p(z_k) - log q(z_k|x), z_k ~ q(z|x).
    const auto x = all.slice(0, i, i + 1).expand({samples, m.pixels()});
    const Posterior posterior = m.net->encode(x);
    const auto z = reparameterise(posterior, generator);
    const auto logPx = -m.net->negativeLogLikelihood(m.net->decodeLogits(z), x);
    const auto logPrior = (-0.5 * (z * z + kLog2Pi)).sum(1);
    const auto standardised = (z - posterior.mean) * torch::exp(-0.5 * posterior.logVar);
    const auto logQ = (-0.5 * (standardised * standardised + posterior.logVar + kLog2Pi)).sum(1);
    const auto logW = (logPx + logPrior - logQ).to(torch::kDouble);
    bounds.push_back(
        (torch::logsumexp(logW, 0) - std::log(static_cast<double>(samples))).item<double>());
  }
  m.net->train();
  return bounds;
}

const VaeSnapshot& VaeTrainer::lastEvaluation() const {
  return m_impl->state;
}

}  // namespace genlab::vae
