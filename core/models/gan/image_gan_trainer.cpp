#include "core/models/gan/image_gan_trainer.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

#include "core/models/gan/gan_checkpoint.h"
#include "core/models/gan/gan_nets.h"
#include "core/nn/finite_check.h"
#include "core/nn/fused_adam.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"

namespace genlab::gan {

namespace {

constexpr std::uint64_t kRebuildStream = 0x9E3779B97F4A7C15ull;
constexpr int kSide = 28;
constexpr int kPixels = kSide * kSide;

// [-1, 1] network output -> [0, 1] floats, image after image.
std::vector<float> toPixels(const torch::Tensor& images) {
  const torch::Tensor c = ((images.detach() + 1.0) * 0.5).clamp(0.0, 1.0).contiguous();
  return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

std::vector<float> toVector(const torch::Tensor& t) {
  const torch::Tensor c = t.detach().contiguous().to(torch::kFloat32);
  return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

}  // namespace

struct ImageGanTrainer::Nets {
  ThreadCount threads{1};
  at::Generator rng;
  torch::nn::Sequential g{nullptr};
  torch::nn::Sequential d{nullptr};
  std::unique_ptr<torch::optim::Optimizer> optG;
  std::unique_ptr<torch::optim::Optimizer> optD;
  torch::Tensor real;                // [N, 1, 28, 28] in [-1, 1]
  torch::Tensor gridNoise;           // [64, noise_dim], fixed per network build
  torch::Tensor interpolationNoise;  // [kInterpolationCount, noise_dim]
};

ImageGanTrainer::ImageGanTrainer(const GanSettings& settings, data::ImageSet images,
                                 std::uint64_t seed, ImageGanOptions options)
    : m_settings(settings), m_options(options), m_images(std::move(images)), m_seed(seed) {
  if (m_settings.flavour != GanFlavour::Image) {
    throw ConfigError("settings: the image GAN needs image-GAN settings");
  }
  if (m_images.count < 1 || m_images.height != kSide || m_images.width != kSide) {
    throw DataError("dataset: the image GAN needs 28x28 images (got " +
                    std::to_string(m_images.count) + " of " + std::to_string(m_images.height) +
                    "x" + std::to_string(m_images.width) + ")");
  }
  m_nets = std::make_unique<Nets>();
  m_nets->threads = ThreadCount(options.threads);
  m_nets->rng = at::make_generator<at::CPUGeneratorImpl>(seed);
  m_nets->real = torch::from_blob(m_images.pixels.data(), {m_images.count, 1, kSide, kSide},
                                  torch::kFloat32)
                     .mul(2.0)
                     .sub(1.0);  // a new tensor: the ImageSet keeps its [0, 1] pixels
  rebuildNetworks();
  drawPictures();
  publish();
}

ImageGanTrainer::~ImageGanTrainer() = default;

std::vector<std::string> ImageGanTrainer::metricNames() const {
  return {"loss_d", "loss_g", "d_real", "d_fake"};
}

void ImageGanTrainer::rebuildNetworks() {
  Nets& n = *m_nets;
  if (m_rebuilds > 0) {
    n.rng = at::make_generator<at::CPUGeneratorImpl>(m_seed + kRebuildStream * m_rebuilds);
  }
  n.g = makeImageGenerator(m_settings.architecture, m_settings.noiseDim);
  n.d = makeImageDiscriminator(m_settings.architecture);
  initialiseFrom(*n.g, n.rng);
  initialiseFrom(*n.d, n.rng);
  const int cells = kSampleGridSide * kSampleGridSide;
  n.gridNoise = torch::randn({cells, m_settings.noiseDim}, n.rng);
  const torch::Tensor ends = torch::randn({2, m_settings.noiseDim}, n.rng);
  const torch::Tensor t =
      torch::linspace(0.0, 1.0, kInterpolationCount, torch::kFloat32).unsqueeze(1);
  n.interpolationNoise = (1.0 - t) * ends[0] + t * ends[1];
  rebuildOptimizers();
}

void ImageGanTrainer::rebuildOptimizers() {
  Nets& n = *m_nets;
  n.optG = makeOptimizer(m_settings, n.g->parameters(), m_settings.lrG);
  n.optD = makeOptimizer(m_settings, n.d->parameters(), m_settings.lrD);
}

double ImageGanTrainer::updateDiscriminator() {
  m_nets->threads.applyHere();
  Nets& n = *m_nets;
  const long batch = std::min<long>(m_settings.batch, n.real.size(0));
  const torch::Tensor index = torch::randint(n.real.size(0), {batch}, n.rng, torch::kLong);
  const torch::Tensor real = n.real.index_select(0, index);
  const torch::Tensor z = torch::randn({batch, m_settings.noiseDim}, n.rng);
  torch::Tensor fake;
  {
    torch::NoGradGuard noGrad;
    fake = n.g->forward(z);
  }
  genlab::nn::clearGradients(*n.optD);
  // Separate passes: the DCGAN's batch norm must see real and generated batches apart, as in
  // pytorch/examples.
  const torch::Tensor realOut = n.d->forward(real);
  const torch::Tensor fakeOut = n.d->forward(fake);
  torch::Tensor loss = discriminatorLoss(m_settings.loss, realOut, fakeOut);
  if (m_settings.loss == GanLoss::WganGp && m_settings.gpWeight > 0) {
    loss = loss + m_settings.gpWeight * gradientPenalty(n.d, real, fake, n.rng);
  }
  const double value = loss.item<double>();
  checkFinite(value, "discriminator loss", m_steps + 1, kStepNotApplied);
  loss.backward();
  genlab::nn::checkFiniteGradients(*n.d, "discriminator", m_steps + 1);
  genlab::nn::checkUpdateStaysFinite(*n.optD, *n.d, "discriminator", m_steps + 1);
  n.optD->step();
  ++m_dUpdates;
  m_dReal = displayedOutput(m_settings.loss, realOut.detach()).mean().item<double>();
  m_dFake = displayedOutput(m_settings.loss, fakeOut.detach()).mean().item<double>();
  return value;
}

double ImageGanTrainer::updateGenerator() {
  m_nets->threads.applyHere();
  Nets& n = *m_nets;
  const torch::Tensor z = torch::randn({m_settings.batch, m_settings.noiseDim}, n.rng);
  FrozenDuring frozen(*n.d);
  genlab::nn::clearGradients(*n.optG);
  const torch::Tensor loss = generatorLoss(m_settings.loss, n.d->forward(n.g->forward(z)));
  const double value = loss.item<double>();
  checkFinite(value, "generator loss", m_steps + 1, kStepNotApplied);
  loss.backward();
  genlab::nn::checkFiniteGradients(*n.g, "generator", m_steps + 1);
  genlab::nn::checkUpdateStaysFinite(*n.optG, *n.g, "generator", m_steps + 1);
  n.optG->step();
  ++m_gUpdates;
  return value;
}

train::StepOutcome ImageGanTrainer::step(std::span<double> metrics, std::stop_token stop) {
  for (int k = 0; k < m_settings.dSteps; ++k) {
    if (stop.stop_requested()) return {};
    m_lossD = updateDiscriminator();
  }
  if (stop.stop_requested()) return {};
  m_lossG = updateGenerator();
  ++m_steps;
  if (std::chrono::steady_clock::now() - m_lastPictures >= m_options.picturePeriod) {
    drawPictures();
  }
  if (metrics.size() >= 4) {
    metrics[0] = m_lossD;
    metrics[1] = m_lossG;
    metrics[2] = m_dReal;
    metrics[3] = m_dFake;
  }
  publish();
  return {};
}

void ImageGanTrainer::drawPictures() {
  m_nets->threads.applyHere();
  Nets& n = *m_nets;
  torch::NoGradGuard noGrad;
  auto p = std::make_shared<ImageGanPictures>();
  p->step = m_steps;
  const torch::Tensor samples = n.g->forward(n.gridNoise);
  p->samples = toPixels(samples);
  p->sampleScores = toVector(displayedOutput(m_settings.loss, n.d->forward(samples)).flatten());
  p->interpolation = toPixels(n.g->forward(n.interpolationNoise));
  m_pictures = std::move(p);
  m_lastPictures = std::chrono::steady_clock::now();
}

void ImageGanTrainer::publish(std::vector<std::string> messages) {
  auto snap = std::make_shared<ImageGanSnapshot>();
  snap->step = m_steps;
  snap->settings = m_settings;
  snap->height = kSide;
  snap->width = kSide;
  snap->trainCount = m_images.count;
  snap->pictures = m_pictures;
  snap->lossD = m_lossD;
  snap->lossG = m_lossG;
  snap->dReal = m_dReal;
  snap->dFake = m_dFake;
  snap->dUpdates = m_dUpdates;
  snap->gUpdates = m_gUpdates;
  snap->messages = std::move(messages);
  m_snapshot = std::move(snap);
}

void ImageGanTrainer::setParam(const std::string& key, const nlohmann::json& value) {
  const GanSettings updated = GanSettings::fromJson(nlohmann::json{{key, value}}, m_settings);
  const GanSettings old = m_settings;
  m_settings = updated;
  std::vector<std::string> messages;
  if (old.needsRebuild(updated)) {
    ++m_rebuilds;
    rebuildNetworks();
    messages.push_back("settings." + key +
                       " changed the networks: G and D were rebuilt from fresh random weights");
  } else if (old.optimizer != updated.optimizer || old.beta1 != updated.beta1 ||
             old.beta2 != updated.beta2) {
    rebuildOptimizers();
    messages.push_back("settings." + key + ": new optimisers (their running averages restart)");
  } else {
    for (auto& group : m_nets->optG->param_groups()) group.options().set_lr(updated.lrG);
    for (auto& group : m_nets->optD->param_groups()) group.options().set_lr(updated.lrD);
  }
  if (updated.loss == GanLoss::WganGp && updated.architecture == ImageArchitecture::Dcgan &&
      old.loss != GanLoss::WganGp) {
    messages.push_back(
        "note: the DCGAN critic keeps its batch norm, which WGAN-GP's paper "
        "advises against; the MLP critic has none");
  }
  drawPictures();
  publish(std::move(messages));
}

// Besides what both GAN trainers keep (gan_checkpoint.h): the grid and interpolation noise
// (drawn from the generator when the networks were built), the last batch's D outputs, and the
// pictures as they are. Redrawing the pictures on loading would not do: G runs in training
// mode, so drawing them updates its batch-norm statistics, which are part of the state.
// The images come from the lesson; their count is recorded to refuse other data.
void ImageGanTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  const Nets& n = *m_nets;
  try {
    genlab::nn::CheckpointWriter out(modelName());
    writeGanState(out, m_settings, n.rng, *n.g, *n.d, *n.optG, *n.optD,
                  {m_seed, m_rebuilds, m_steps, m_dUpdates, m_gUpdates, m_lossD, m_lossG});
    out.integer("images", m_images.count);
    out.real("d_real", m_dReal);
    out.real("d_fake", m_dFake);
    out.tensor("grid_noise", n.gridNoise);
    out.tensor("interpolation_noise", n.interpolationNoise);
    out.integer("pictures_step", m_pictures->step);
    out.floats("pictures_samples", m_pictures->samples);
    out.floats("pictures_interpolation", m_pictures->interpolation);
    out.floats("pictures_scores", m_pictures->sampleScores);
    out.save(file);
  } catch (const c10::Error& error) {
    throw DataError(file.string() + ": cannot write the checkpoint (" +
                    std::string(error.what_without_backtrace()) + ")");
  }
}

void ImageGanTrainer::loadCheckpoint(const std::filesystem::path& file) {
  genlab::nn::CheckpointReader in(file);
  in.requireModel(modelName());
  const std::int64_t images = in.integer("images");
  if (images != m_images.count) {
    in.fail("written for " + std::to_string(images) + " training images; this trainer has " +
            std::to_string(m_images.count) + " (another lesson's data?)");
  }
  // Read into temporaries; the trainer changes only once the whole file has been read.
  GanNetworks loaded = readGanNetworks(
      in, GanFlavour::Image,
      [](const GanSettings& s) { return makeImageGenerator(s.architecture, s.noiseDim); },
      [](const GanSettings& s) { return makeImageDiscriminator(s.architecture); });
  const GanSettings& settings = loaded.settings;
  const GanCounters counters = readGanCounters(in);
  auto nets = std::make_unique<Nets>();
  nets->threads = m_nets->threads;
  nets->rng = loaded.rng;
  nets->g = loaded.g;
  nets->d = loaded.d;
  nets->optG = std::move(loaded.optG);
  nets->optD = std::move(loaded.optD);
  nets->real = m_nets->real;
  const int cells = kSampleGridSide * kSampleGridSide;
  nets->gridNoise = in.tensor("grid_noise", torch::kFloat32, {cells, settings.noiseDim});
  nets->interpolationNoise =
      in.tensor("interpolation_noise", torch::kFloat32, {kInterpolationCount, settings.noiseDim});
  const double dReal = in.real("d_real");
  const double dFake = in.real("d_fake");
  auto pictures = std::make_shared<ImageGanPictures>();
  pictures->step = in.integer("pictures_step", 0, counters.steps);
  pictures->samples = in.floats("pictures_samples", std::int64_t{cells} * kPixels);
  pictures->interpolation =
      in.floats("pictures_interpolation", std::int64_t{kInterpolationCount} * kPixels);
  pictures->sampleScores = in.floats("pictures_scores", cells);

  // All read: swap it in (nothing below throws).
  m_settings = settings;
  m_seed = counters.seed;
  m_rebuilds = counters.rebuilds;
  m_nets = std::move(nets);
  m_pictures = std::move(pictures);
  m_lastPictures = std::chrono::steady_clock::now();
  m_steps = counters.steps;
  m_dUpdates = counters.dUpdates;
  m_gUpdates = counters.gUpdates;
  m_lossD = counters.lossD;
  m_lossG = counters.lossG;
  m_dReal = dReal;
  m_dFake = dFake;
  publish();
}

void ImageGanTrainer::stepDiscriminatorOnly() {
  m_lossD = updateDiscriminator();
  drawPictures();
  publish({"one discriminator update (" + std::to_string(m_dUpdates) + " so far)"});
}

void ImageGanTrainer::stepGeneratorOnly() {
  m_lossG = updateGenerator();
  drawPictures();
  publish({"one generator update (" + std::to_string(m_gUpdates) + " so far)"});
}

void ImageGanTrainer::refreshPictures() {
  drawPictures();
  publish();
}

NearestTraining ImageGanTrainer::nearestTraining() {
  m_nets->threads.applyHere();
  torch::NoGradGuard noGrad;
  NearestTraining out;
  out.step = m_pictures->step;
  const int count = kSampleGridSide * kSampleGridSide;
  const torch::Tensor samples = torch::from_blob(const_cast<float*>(m_pictures->samples.data()),
                                                 {count, kPixels}, torch::kFloat32);
  const torch::Tensor train =
      torch::from_blob(m_images.pixels.data(), {m_images.count, kPixels}, torch::kFloat32);
  // |a - b|^2 = |a|^2 + |b|^2 - 2 a.b, one matrix product for all pairs; argmin per sample.
  const torch::Tensor d2 =
      samples.pow(2).sum(1, true) + train.pow(2).sum(1).unsqueeze(0) - 2.0 * samples.mm(train.t());
  const auto [best, index] = d2.min(1);
  out.indices.resize(count);
  out.distances.resize(count);
  out.images.reserve(static_cast<std::size_t>(count) * kPixels);
  for (int i = 0; i < count; ++i) {
    const int j = static_cast<int>(index[i].item<long>());
    out.indices[static_cast<std::size_t>(i)] = j;
    out.distances[static_cast<std::size_t>(i)] =
        static_cast<float>(std::sqrt(std::max(0.0, best[i].item<double>()) / kPixels));
    const auto image = m_images.image(j);
    out.images.insert(out.images.end(), image.begin(), image.end());
  }
  return out;
}

std::vector<float> ImageGanTrainer::sample(int n) {
  m_nets->threads.applyHere();
  torch::NoGradGuard noGrad;
  const torch::Tensor z = torch::randn({n, m_settings.noiseDim}, m_nets->rng);
  return toPixels(m_nets->g->forward(z));
}

std::vector<float> ImageGanTrainer::discriminate(const std::vector<float>& images, int count) {
  m_nets->threads.applyHere();
  torch::NoGradGuard noGrad;
  const torch::Tensor x = torch::from_blob(const_cast<float*>(images.data()),
                                           {count, 1, kSide, kSide}, torch::kFloat32) *
                              2.0 -
                          1.0;
  return toVector(displayedOutput(m_settings.loss, m_nets->d->forward(x)).flatten());
}

}  // namespace genlab::gan
