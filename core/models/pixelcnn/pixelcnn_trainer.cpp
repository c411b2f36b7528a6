#include "core/models/pixelcnn/pixelcnn_trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/models/gan/gan_nets.h"  // initialiseFrom, ThreadCount
#include "core/models/pixelcnn/pixelcnn_network.h"
#include "core/nn/checkpoint_order.h"
#include "core/nn/finite_check.h"
#include "core/nn/fused_adam.h"
#include "core/nn/torch_checkpoint.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"
#include "core/util/rng.h"

namespace genlab::pixelcnn {
namespace {

// Streams of the session seed: the grid's uniforms, the animation's, the untrained twin's
// weights (the same for every seed: it only shows the architecture's receptive field).
constexpr std::uint64_t kGridStream = 0x6121D5u;
constexpr std::uint64_t kAnimationStream = 0xA417u;
constexpr std::uint64_t kTwinSeed = 0x7817u;
constexpr std::int64_t kEvalChunk = 256;

void checkBinary(const data::ImageSet& set, const char* which) {
  if (set.count <= 0) {
    throw DataError(std::string("dataset: the ") + which +
                    " split has no images (PixelCNN needs training and held-out images)");
  }
  if (set.height <= 0 || set.width <= 0 ||
      set.pixels.size() != static_cast<std::size_t>(set.count) * set.pixelsPerImage()) {
    throw DataError(std::string("dataset: the ") + which + " images have an inconsistent size");
  }
  for (std::size_t k = 0; k < set.pixels.size(); ++k) {
    const float v = set.pixels[k];
    if (v != 0.0f && v != 1.0f) {
      const auto per = static_cast<std::size_t>(set.pixelsPerImage());
      throw DataError(std::string("dataset: PixelCNN models binary pixels, but ") + which +
                      " image " + std::to_string(k / per) + " has " + std::to_string(v) +
                      " at pixel " + std::to_string(k % per) +
                      " (set dataset.binarize to \"threshold\" or \"sample\")");
    }
  }
}

std::vector<float> toVector(const torch::Tensor& t) {
  const torch::Tensor c = t.detach().contiguous().to(torch::kFloat32);
  return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

}  // namespace

struct PixelCnnTrainer::Impl {
  PixelCnnConfig config;
  data::ImageSet train;
  data::ImageSet test;        // at most kHeldOutMax images
  torch::Tensor trainTensor;  // [N, 1, H, W], views train.pixels
  torch::Tensor testTensor;
  int height = 0, width = 0;
  std::uint64_t seed = 0;
  gan::ThreadCount threads{0};
  at::Generator generator;  // initial weights (and those of every rebuild)
  Rng batchRng;
  PixelCnnNet net{nullptr};
  std::unique_ptr<genlab::nn::FusedAdam> optimizer;
  std::vector<std::int64_t> order;
  std::size_t cursor = 0;
  std::int64_t steps = 0;
  double nll = 0.0, testNll = 0.0;
  std::int64_t evaluatedAt = 0;
  torch::Tensor gridUniforms;  // [kGridCount, H, W], fixed for the trainer's life
  std::shared_ptr<const PixelCnnPictures> pictures;
  std::shared_ptr<const std::vector<float>> probe;
  std::vector<std::string> messages;
  train::SnapshotPtr snapshot;

  // The animation (view state, not part of the checkpoint).
  Rng animationRng;
  std::unique_ptr<PixelSampler> animation;
  torch::Tensor animationUniforms;
  std::vector<float> animationProbabilities;
  SamplingFrame frame;

  // The other architecture's untrained twin, for the receptive-field view.
  PixelCnnNet twin{nullptr};

  Impl(const PixelCnnConfig& cfg, data::ImageSplit data, std::uint64_t s, int threadCount)
      : config(cfg),
        train(std::move(data.train)),
        test(std::move(data.test)),
        seed(s),
        threads(threadCount),
        generator(at::detail::createCPUGenerator(s)),
        batchRng(s),
        animationRng(s ^ kAnimationStream) {
    checkBinary(train, "training");
    checkBinary(test, "held-out");
    if (test.height != train.height || test.width != train.width) {
      throw DataError("dataset: training images are " + std::to_string(train.height) + "x" +
                      std::to_string(train.width) + " but held-out images are " +
                      std::to_string(test.height) + "x" + std::to_string(test.width));
    }
    height = train.height;
    width = train.width;
    if (test.count > kHeldOutMax) {
      test.count = kHeldOutMax;
      test.pixels.resize(static_cast<std::size_t>(kHeldOutMax) * test.pixelsPerImage());
      if (test.hasLabels()) test.labels.resize(kHeldOutMax);
    }
    threads.applyHere();
    trainTensor = torch::from_blob(train.pixels.data(), {train.count, 1, height, width});
    testTensor = torch::from_blob(test.pixels.data(), {test.count, 1, height, width});
    order.resize(static_cast<std::size_t>(train.count));
    std::iota(order.begin(), order.end(), 0);
    cursor = order.size();  // the first step shuffles
    at::Generator gridGenerator = at::detail::createCPUGenerator(s ^ kGridStream);
    gridUniforms = torch::rand({kGridCount, height, width}, gridGenerator);
    const auto firstImage = test.image(0);
    probe = std::make_shared<const std::vector<float>>(firstImage.begin(), firstImage.end());
    buildNetwork();
    // The held-out evaluation and the first samples wait for prepare() (or step 1): they take
    // seconds at 28x28, and a session runs prepare() on its own thread.
    publish();
  }

  void buildNetwork() {
    net = PixelCnnNet(shapeOf(config));
    gan::initialiseFrom(*net, generator);
    optimizer = std::make_unique<genlab::nn::FusedAdam>(net->parameters(),
                                                        torch::optim::AdamOptions(config.lr));
    twin = nullptr;
    animation.reset();
  }

  torch::Tensor nextBatch(std::size_t& nextCursor) {
    if (cursor >= order.size()) {
      for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[static_cast<std::size_t>(batchRng.below(i))]);
      cursor = 0;
    }
    nextCursor = std::min(order.size(), cursor + static_cast<std::size_t>(config.batch));
    const auto index = torch::from_blob(
        order.data() + cursor, {static_cast<std::int64_t>(nextCursor - cursor)}, torch::kInt64);
    return trainTensor.index_select(0, index);
  }

  double nllOfTensor(const torch::Tensor& images) {
    torch::NoGradGuard noGrad;
    double total = 0.0;
    for (std::int64_t start = 0; start < images.size(0); start += kEvalChunk) {
      const torch::Tensor x = images.narrow(0, start, std::min(kEvalChunk, images.size(0) - start));
      total += nllPerImage(net->forward(x), x).sum().item<double>();
    }
    return total / static_cast<double>(images.size(0));
  }

  void evaluate() {
    threads.applyHere();
    testNll = nllOfTensor(testTensor);
    evaluatedAt = steps;
    drawPictures();
  }

  std::vector<float> grid() {
    threads.applyHere();
    return toVector(sampleFast(net, gridUniforms));
  }

  void drawPictures() {
    auto p = std::make_shared<PixelCnnPictures>();
    p->step = steps;
    p->samples = grid();
    pictures = std::move(p);
  }

  void publish() {
    auto snap = std::make_shared<PixelCnnSnapshot>();
    snap->step = steps;
    snap->settings = config;
    snap->height = height;
    snap->width = width;
    snap->trainCount = train.count;
    snap->testCount = test.count;
    snap->nll = nll;
    snap->bitsPerDim = bitsPerDim(nll, height * width);
    snap->testNll = testNll;
    snap->testBitsPerDim = bitsPerDim(testNll, height * width);
    snap->evaluatedAt = evaluatedAt;
    snap->pictures = pictures;
    snap->probe = probe;
    snap->messages = std::move(messages);
    messages.clear();
    snapshot = std::move(snap);
  }
};

PixelCnnTrainer::PixelCnnTrainer(const PixelCnnConfig& config, data::ImageSplit data,
                                 std::uint64_t seed, int threads)
    : m_impl(std::make_unique<Impl>(config, std::move(data), seed, threads)) {}

PixelCnnTrainer::~PixelCnnTrainer() = default;

std::vector<std::string> PixelCnnTrainer::metricNames() const {
  return {"nll", "bits_per_dim", "test_nll", "test_bits_per_dim"};
}

train::StepOutcome PixelCnnTrainer::step(std::span<double> metrics, std::stop_token stop) {
  Impl& m = *m_impl;
  if (stop.stop_requested()) return {};
  m.threads.applyHere();
  std::size_t nextCursor = 0;
  const torch::Tensor x = m.nextBatch(nextCursor);
  genlab::nn::clearGradients(*m.optimizer);
  const torch::Tensor loss = nllPerImage(m.net->forward(x), x).mean();
  const double value = loss.item<double>();
  checkFinite(value, "training NLL", m.steps + 1, kStepNotApplied);
  loss.backward();
  genlab::nn::checkFiniteGradients(*m.net, "pixelcnn", m.steps + 1);
  m.optimizer->step();
  m.cursor = nextCursor;
  ++m.steps;
  m.nll = value;
  if (m.steps == 1 || m.steps % m.config.evalEvery == 0) m.evaluate();
  const int pixels = m.height * m.width;
  if (metrics.size() >= 4) {
    metrics[0] = m.nll;
    metrics[1] = bitsPerDim(m.nll, pixels);
    metrics[2] = m.testNll;
    metrics[3] = bitsPerDim(m.testNll, pixels);
  }
  m.publish();
  return {};
}

void PixelCnnTrainer::prepare() {
  Impl& m = *m_impl;
  if (m.pictures) return;  // a step, a settings change or a checkpoint has drawn them
  m.evaluate();
  m.publish();
}

train::SnapshotPtr PixelCnnTrainer::snapshot() const {
  return m_impl->snapshot;
}

void PixelCnnTrainer::setParam(const std::string& key, const nlohmann::json& value) {
  Impl& m = *m_impl;
  m.threads.applyHere();
  const PixelCnnConfig updated =
      PixelCnnConfig::fromJson(nlohmann::json{{key, value}}, "settings", m.config);
  m.config = updated;
  if (PixelCnnConfig::rebuildsNetwork(key)) {
    m.buildNetwork();
    m.evaluate();
    m.messages.push_back("settings." + key +
                         " changed the network: it was rebuilt from fresh random weights");
  } else {
    for (auto& group : m.optimizer->param_groups())
      static_cast<torch::optim::AdamOptions&>(group.options()).lr(updated.lr);
  }
  m.publish();
}

nlohmann::json PixelCnnTrainer::settings() const {
  return m_impl->config.toJson();
}

std::int64_t PixelCnnTrainer::stepsDone() const {
  return m_impl->steps;
}

void PixelCnnTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  const Impl& m = *m_impl;
  try {
    genlab::nn::CheckpointWriter out(modelName());
    out.json("settings", m.config.toJson());
    out.module("network", *m.net);
    out.optimizer("optimizer", *m.optimizer);
    out.integer("step", m.steps);
    out.integer("seed", static_cast<std::int64_t>(m.seed));
    out.generator("generator", m.generator);
    out.rng("batch_rng", m.batchRng);
    out.tensor("order", torch::tensor(torch::ArrayRef<std::int64_t>(m.order), torch::kInt64));
    out.integer("cursor", static_cast<std::int64_t>(m.cursor));
    out.integer("height", m.height);
    out.integer("width", m.width);
    out.integer("held_out", m.test.count);
    out.real("nll", m.nll);
    out.real("test_nll", m.testNll);
    out.integer("evaluated_at", m.evaluatedAt);
    out.save(file);
  } catch (const c10::Error& error) {
    throw DataError(file.string() + ": cannot write the checkpoint (" +
                    std::string(error.what_without_backtrace()) + ")");
  }
}

void PixelCnnTrainer::loadCheckpoint(const std::filesystem::path& file) {
  Impl& m = *m_impl;
  m.threads.applyHere();
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
  count("held_out", m.test.count, "held-out images");
  const auto images = static_cast<std::int64_t>(m.order.size());
  std::vector<std::int64_t> order = genlab::nn::readDataOrder(in, "order", images);
  const auto cursor = static_cast<std::size_t>(in.integer("cursor", 0, images));
  const std::int64_t steps = in.integer("step", 0, std::numeric_limits<std::int64_t>::max());
  const auto seed = static_cast<std::uint64_t>(in.integer("seed"));
  PixelCnnConfig config;
  try {
    config = PixelCnnConfig::fromJson(in.json("settings"), "settings");
  } catch (const ConfigError& error) {
    in.fail(std::string("its ") + error.what());
  }
  PixelCnnNet net(shapeOf(config));
  in.module("network", *net);
  auto optimizer = std::make_unique<genlab::nn::FusedAdam>(net->parameters(),
                                                           torch::optim::AdamOptions(config.lr));
  in.optimizer("optimizer", *optimizer);
  at::Generator generator = in.generator("generator");
  Rng batchRng = in.rng("batch_rng");
  const double nll = in.real("nll");
  const double testNll = in.real("test_nll");
  const std::int64_t evaluatedAt = in.integer("evaluated_at", 0, steps);

  // All read: swap it in (nothing below throws).
  m.config = config;
  m.net = net;
  m.optimizer = std::move(optimizer);
  m.generator = generator;
  m.batchRng = batchRng;
  m.seed = seed;
  m.order = std::move(order);
  m.cursor = cursor;
  m.steps = steps;
  m.nll = nll;
  m.testNll = testNll;
  m.evaluatedAt = evaluatedAt;
  m.twin = nullptr;
  m.animation.reset();
  m.messages.clear();
  // The grid is a function of the network and the fixed uniforms: redrawn, not stored.
  m.drawPictures();
  m.publish();
}

double PixelCnnTrainer::heldOutNll() {
  m_impl->threads.applyHere();
  return m_impl->nllOfTensor(m_impl->testTensor);
}

std::vector<double> PixelCnnTrainer::nllOf(const std::vector<float>& images, int count) {
  Impl& m = *m_impl;
  m.threads.applyHere();
  if (count < 0 || images.size() != static_cast<std::size_t>(count) * m.height * m.width) {
    throw DataError("nllOf: " + std::to_string(images.size()) + " pixels are not " +
                    std::to_string(count) + " images of " + std::to_string(m.height) + "x" +
                    std::to_string(m.width));
  }
  torch::NoGradGuard noGrad;
  const torch::Tensor x =
      torch::from_blob(const_cast<float*>(images.data()), {count, 1, m.height, m.width});
  const torch::Tensor nll = nllPerImage(m.net->forward(x), x).to(torch::kFloat64).contiguous();
  return {nll.data_ptr<double>(), nll.data_ptr<double>() + count};
}

ReceptiveField PixelCnnTrainer::receptiveField(int row, int col) {
  Impl& m = *m_impl;
  m.threads.applyHere();
  ReceptiveField out;
  out.row = std::clamp(row, 0, m.height - 1);
  out.col = std::clamp(col, 0, m.width - 1);
  out.height = m.height;
  out.width = m.width;
  out.ownArchitecture = m.config.architecture;
  out.otherArchitecture =
      m.config.architecture == Architecture::kGated ? Architecture::kPlain : Architecture::kGated;
  if (!m.twin) {
    NetShape shape = shapeOf(m.config);
    shape.architecture = out.otherArchitecture;
    m.twin = PixelCnnNet(shape);
    at::Generator twinGenerator = at::detail::createCPUGenerator(kTwinSeed);
    gan::initialiseFrom(*m.twin, twinGenerator);
  }
  const torch::Tensor image =
      torch::from_blob(const_cast<float*>(m.probe->data()), {1, 1, m.height, m.width}).clone();
  const int before = out.row * m.width + out.col;
  out.own = toVector(inputGradient(m.net, image, out.row, out.col).abs());
  out.other = toVector(inputGradient(m.twin, image, out.row, out.col).abs());
  out.reachLeft.assign(static_cast<std::size_t>(m.height), m.width);
  out.reachRight.assign(static_cast<std::size_t>(m.height), -1);
  for (int k = 0; k < before; ++k) {
    const auto i = static_cast<std::size_t>(k);
    if (out.own[i] == 0.0f && out.other[i] == 0.0f) continue;
    const auto r = static_cast<std::size_t>(k / m.width);
    out.reachLeft[r] = std::min(out.reachLeft[r], k % m.width);
    out.reachRight[r] = std::max(out.reachRight[r], k % m.width);
  }
  const auto blind = [&](const std::vector<float>& g) {
    int zeros = 0;
    for (int k = 0; k < before; ++k)
      zeros += g[static_cast<std::size_t>(k)] == 0.0f && out.inReach(k) ? 1 : 0;
    return zeros;
  };
  out.ownBlind = blind(out.own);
  out.otherBlind = blind(out.other);
  return out;
}

SamplingFrame PixelCnnTrainer::animate(int pixels, bool restart) {
  Impl& m = *m_impl;
  m.threads.applyHere();
  const auto area = static_cast<std::size_t>(m.height * m.width);
  const auto startImage = [&] {
    m.animationUniforms = torch::zeros({1, m.height, m.width});
    float* u = m.animationUniforms.data_ptr<float>();
    for (std::size_t i = 0; i < area; ++i) u[i] = static_cast<float>(m.animationRng.uniform());
    m.animation = std::make_unique<PixelSampler>(m.net, m.animationUniforms);
    m.animationProbabilities.assign(area, -1.0f);
    m.frame.lastPixel = -1;
  };
  if (restart || !m.animation) startImage();
  for (int k = 0; k < pixels; ++k) {
    if (m.animation->done()) startImage();
    const int index = m.animation->row() * m.width + m.animation->col();
    const float p = m.animation->step().item<float>();
    m.animationProbabilities[static_cast<std::size_t>(index)] = p;
    m.frame.lastPixel = index;
    m.frame.lastProbability = p;
    m.frame.lastUniform = m.animationUniforms.data_ptr<float>()[index];
  }
  m.frame.height = m.height;
  m.frame.width = m.width;
  m.frame.probabilities = m.animationProbabilities;
  m.frame.canvas = toVector(m.animation->canvas());
  m.frame.finished = m.animation->done();
  return m.frame;
}

std::vector<float> PixelCnnTrainer::drawGrid() {
  return m_impl->grid();
}

}  // namespace genlab::pixelcnn
