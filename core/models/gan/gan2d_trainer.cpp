#include "core/models/gan/gan2d_trainer.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/models/gan/gan_checkpoint.h"
#include "core/models/gan/gan_nets.h"
#include "core/nn/finite_check.h"
#include "core/nn/fused_adam.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"

namespace genlab::gan {

using Eigen::Index;
using Eigen::MatrixXd;

namespace {

// Streams of the session seed: the data's (so a reset with the same seed redraws the same points)
// and the rebuilt networks' (seed + stream * rebuild count).
constexpr std::uint64_t kDataStream = 0x9E3779B97F4A7C15ull;
constexpr std::uint64_t kRebuildStream = 0x9E3779B97F4A7C15ull;

torch::Tensor toTensor(const MatrixXd& points) {
  const Eigen::Matrix<float, Eigen::Dynamic, 2, Eigen::RowMajor> rows = points.cast<float>();
  return torch::from_blob(const_cast<float*>(rows.data()), {rows.rows(), 2}, torch::kFloat32)
      .clone();
}

std::vector<float> toVector(const torch::Tensor& t) {
  const torch::Tensor c = t.contiguous().to(torch::kFloat32);
  return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

Bounds2d viewBounds(const MatrixXd& points) {
  // A fixed square [-3, 3]^2 (painting lands where the person expects), grown to hold the data.
  Bounds2d b;
  if (points.rows() > 0) {
    b.xMin = std::min(b.xMin, points.col(0).minCoeff() - 0.3);
    b.xMax = std::max(b.xMax, points.col(0).maxCoeff() + 0.3);
    b.yMin = std::min(b.yMin, points.col(1).minCoeff() - 0.3);
    b.yMax = std::max(b.yMax, points.col(1).maxCoeff() + 0.3);
  }
  return b;
}

// Cell centres of the field grid, row-major with row 0 at yMin (gan2d_snapshot.h).
torch::Tensor fieldGrid(const Bounds2d& bounds, int cells) {
  std::vector<float> grid;
  grid.reserve(static_cast<std::size_t>(cells) * cells * 2);
  const double dx = (bounds.xMax - bounds.xMin) / cells;
  const double dy = (bounds.yMax - bounds.yMin) / cells;
  for (int r = 0; r < cells; ++r) {
    for (int c = 0; c < cells; ++c) {
      grid.push_back(static_cast<float>(bounds.xMin + (c + 0.5) * dx));
      grid.push_back(static_cast<float>(bounds.yMin + (r + 0.5) * dy));
    }
  }
  return torch::from_blob(grid.data(), {static_cast<long>(cells) * cells, 2}, torch::kFloat32)
      .clone();
}

// The manifold's noise grid: a curve for noise_dim 1; rows then columns for 2.
torch::Tensor manifoldGrid(int noiseDim, const Gan2dOptions& options) {
  const int points = options.manifoldPoints;
  const auto at = [&](int i, int count) {
    return static_cast<float>(-kManifoldRange + 2.0 * kManifoldRange * i / (count - 1));
  };
  std::vector<float> z;
  if (noiseDim == 1) {
    for (int i = 0; i < points; ++i) z.push_back(at(i, points));
  } else {
    const int lines = options.manifoldLines;
    for (int direction = 0; direction < 2; ++direction) {
      for (int l = 0; l < lines; ++l) {
        for (int i = 0; i < points; ++i) {
          const float along = at(i, points), across = at(l, lines);
          z.push_back(direction == 0 ? along : across);
          z.push_back(direction == 0 ? across : along);
        }
      }
    }
  }
  return torch::from_blob(z.data(),
                          {static_cast<long>(z.size()) / noiseDim, static_cast<long>(noiseDim)},
                          torch::kFloat32)
      .clone();
}

// Points (n x 2) as a row-major double tensor [n, 2], and back: checkpoints keep the real data
// in the doubles it is edited in.
torch::Tensor pointsTensor(const MatrixXd& points) {
  const Eigen::Matrix<double, Eigen::Dynamic, 2, Eigen::RowMajor> rows = points;
  return torch::from_blob(const_cast<double*>(rows.data()), {rows.rows(), 2}, torch::kFloat64)
      .clone();
}

MatrixXd pointsMatrix(const torch::Tensor& t) {
  MatrixXd out = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, 2, Eigen::RowMajor>>(
      t.data_ptr<double>(), t.size(0), 2);
  return out;
}

}  // namespace

struct Gan2dTrainer::Nets {
  ThreadCount threads{1};
  at::Generator rng;
  torch::nn::Sequential g{nullptr};
  torch::nn::Sequential d{nullptr};
  std::unique_ptr<torch::optim::Optimizer> optG;
  std::unique_ptr<torch::optim::Optimizer> optD;
  torch::Tensor real;           // [N, 2]
  torch::Tensor displayNoise;   // [displaySamples, noise_dim], fixed per network build
  torch::Tensor fieldPoints;    // [cells^2, 2], cell centres, row 0 at yMin
  torch::Tensor manifoldNoise;  // [lines * points (* 2), noise_dim]
};

Gan2dTrainer::Gan2dTrainer(const GanSettings& settings, const TargetSpec& target,
                           std::uint64_t seed, Gan2dOptions options)
    : m_settings(settings), m_options(options), m_kind(target.kind), m_seed(seed) {
  if (m_settings.flavour != GanFlavour::Toy2d || m_settings.noiseDim < 1 ||
      m_settings.noiseDim > 2) {
    throw ConfigError("settings.noise_dim: the 2-D GAN takes 1 or 2");
  }
  Rng dataRng(seed ^ kDataStream);
  m_target = makeTarget(target, dataRng);
  if (m_target.points.rows() == 0) throw DataError("dataset: no points");
  m_bounds = viewBounds(m_target.points);
  m_nets = std::make_unique<Nets>();
  m_nets->threads = ThreadCount(options.threads);
  m_nets->rng = at::make_generator<at::CPUGeneratorImpl>(seed);
  setRealData(m_target.points, /*edited=*/false);

  m_nets->fieldPoints = fieldGrid(m_bounds, m_options.fieldCells);
  rebuildNetworks();
  computeVisuals();
  publish();
}

Gan2dTrainer::~Gan2dTrainer() = default;

std::vector<std::string> Gan2dTrainer::metricNames() const {
  return {"loss_d", "loss_g", "kl", "js", "modes_covered"};
}

void Gan2dTrainer::setRealData(MatrixXd points, bool edited) {
  m_target.points = std::move(points);
  if (edited && m_kind != TargetKind::Painted) {
    m_kind = TargetKind::Painted;
    m_target.modes.resize(0, 2);
  }
  m_nets->real = toTensor(m_target.points);
  auto xy = std::make_shared<std::vector<float>>(toVector(m_nets->real));
  m_real = std::move(xy);
}

void Gan2dTrainer::rebuildNetworks() {
  Nets& n = *m_nets;
  // The first build draws from the session seed's generator; later rebuilds from a seed of
  // their own, so a recorded sequence of commands replays exactly.
  if (m_rebuilds > 0) {
    n.rng = at::make_generator<at::CPUGeneratorImpl>(m_seed + kRebuildStream * m_rebuilds);
  }
  n.g = makeToyGenerator(m_settings.noiseDim, m_settings.gWidth, m_settings.gDepth);
  n.d = makeToyDiscriminator(m_settings.dWidth, m_settings.dDepth);
  initialiseFrom(*n.g, n.rng);
  initialiseFrom(*n.d, n.rng);
  n.displayNoise = torch::randn({m_options.displaySamples, m_settings.noiseDim}, n.rng);

  n.manifoldNoise = manifoldGrid(m_settings.noiseDim, m_options);
  rebuildOptimizers();
}

void Gan2dTrainer::rebuildOptimizers() {
  Nets& n = *m_nets;
  n.optG = makeOptimizer(m_settings, n.g->parameters(), m_settings.lrG);
  n.optD = makeOptimizer(m_settings, n.d->parameters(), m_settings.lrD);
}

double Gan2dTrainer::updateDiscriminator() {
  m_nets->threads.applyHere();
  Nets& n = *m_nets;
  const long batch = m_settings.batch;
  const torch::Tensor index = torch::randint(n.real.size(0), {batch}, n.rng, torch::kLong);
  const torch::Tensor real = n.real.index_select(0, index);
  const torch::Tensor z = torch::randn({batch, m_settings.noiseDim}, n.rng);
  torch::Tensor fake;
  {
    torch::NoGradGuard noGrad;
    fake = n.g->forward(z);
  }
  genlab::nn::clearGradients(*n.optD);
  // One forward pass for both halves: half the dispatch overhead of two (no batch norm in the
  // toy D, so the halves do not see each other).
  const torch::Tensor out = n.d->forward(torch::cat({real, fake}));
  torch::Tensor loss =
      discriminatorLoss(m_settings.loss, out.narrow(0, 0, batch), out.narrow(0, batch, batch));
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
  return value;
}

double Gan2dTrainer::updateGenerator() {
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

train::StepOutcome Gan2dTrainer::step(std::span<double> metrics, std::stop_token /*stop*/) {
  // A step is milliseconds long; it is not interrupted midway.
  for (int k = 0; k < m_settings.dSteps; ++k) m_lossD = updateDiscriminator();
  m_lossG = updateGenerator();
  ++m_steps;
  const auto now = std::chrono::steady_clock::now();
  if (now - m_lastVisuals >= m_options.visualPeriod) computeVisuals();
  if (metrics.size() >= 5) {
    metrics[0] = m_lossD;
    metrics[1] = m_lossG;
    metrics[2] = m_visuals->divergences.kl;
    metrics[3] = m_visuals->divergences.js;
    metrics[4] = m_visuals->coverage.modes > 0 ? m_visuals->coverage.covered
                                               : std::numeric_limits<double>::quiet_NaN();
  }
  publish();
  return {};
}

void Gan2dTrainer::computeVisuals() {
  m_nets->threads.applyHere();
  Nets& n = *m_nets;
  auto v = std::make_shared<Gan2dVisuals>();
  v->step = m_steps;
  v->dUpdates = m_dUpdates;
  v->gUpdates = m_gUpdates;
  torch::Tensor generated;
  {
    torch::NoGradGuard noGrad;
    generated = n.g->forward(n.displayNoise);
    const torch::Tensor field = displayedOutput(m_settings.loss, n.d->forward(n.fieldPoints));
    v->field = toVector(field);
    v->fieldCols = v->fieldRows = m_options.fieldCells;
    v->fieldBounds = m_bounds;
    v->fieldIsProbability =
        m_settings.loss == GanLoss::Minimax || m_settings.loss == GanLoss::NonSaturating;
    const std::vector<float> curve = toVector(n.g->forward(n.manifoldNoise));
    const std::size_t perLine = static_cast<std::size_t>(m_options.manifoldPoints) * 2;
    for (std::size_t start = 0; start + perLine <= curve.size(); start += perLine) {
      v->manifold.emplace_back(curve.begin() + static_cast<std::ptrdiff_t>(start),
                               curve.begin() + static_cast<std::ptrdiff_t>(start + perLine));
    }
  }
  // The push on each sample: -d loss_G / d x_i, per sample (the mean's gradient times N).
  {
    FrozenDuring frozen(*n.d);
    const torch::Tensor x = generated.detach().requires_grad_(true);
    const torch::Tensor loss =
        generatorLoss(m_settings.loss, n.d->forward(x)) * static_cast<double>(x.size(0));
    const torch::Tensor grad = torch::autograd::grad({loss}, {x})[0];
    v->push = toVector(-grad);
  }
  v->generated = toVector(generated);
  v->divergences = gridDivergences(*m_real, v->generated, m_bounds);
  v->coverage = modeCoverage(v->generated, m_target.modes, m_target.modeStd);
  m_visuals = std::move(v);
  m_lastVisuals = std::chrono::steady_clock::now();
}

void Gan2dTrainer::publish(std::vector<std::string> messages) {
  auto snap = std::make_shared<Gan2dSnapshot>();
  snap->step = m_steps;
  snap->target = m_kind;
  snap->settings = m_settings;
  snap->real = m_real;
  snap->modes = m_target.modes;
  snap->modeStd = m_target.modeStd;
  snap->bounds = m_bounds;
  snap->visuals = m_visuals;
  snap->lossD = m_lossD;
  snap->lossG = m_lossG;
  snap->dUpdates = m_dUpdates;
  snap->gUpdates = m_gUpdates;
  snap->messages = std::move(messages);
  m_snapshot = std::move(snap);
}

void Gan2dTrainer::setParam(const std::string& key, const nlohmann::json& value) {
  const GanSettings updated = GanSettings::fromJson(nlohmann::json{{key, value}}, m_settings);
  const GanSettings old = m_settings;
  m_settings = updated;
  std::vector<std::string> messages;
  if (old.needsRebuild(updated)) {
    ++m_rebuilds;
    rebuildNetworks();
    messages.push_back("settings." + key + " changed the networks' shape: G and D were rebuilt " +
                       "from fresh random weights");
  } else if (old.optimizer != updated.optimizer || old.beta1 != updated.beta1 ||
             old.beta2 != updated.beta2) {
    rebuildOptimizers();
    messages.push_back("settings." + key + ": new optimisers (their running averages restart)");
  } else {
    // Learning rates change in place, keeping Adam's moments.
    for (auto& group : m_nets->optG->param_groups()) group.options().set_lr(updated.lrG);
    for (auto& group : m_nets->optD->param_groups()) group.options().set_lr(updated.lrD);
  }
  computeVisuals();
  publish(std::move(messages));
}

nlohmann::json Gan2dTrainer::settings() const {
  return m_settings.toJson();
}

// Besides what both GAN trainers keep (gan_checkpoint.h): the display noise (drawn from the
// generator when the networks were built), the real data as it is now (painted, erased or
// redrawn by setTarget, which counts its draws) with the view bounds, and the latest visuals.
// The visuals are recomputed on a clock, not every step, and the kl, js and modes_covered
// metrics of every step are theirs: saved as they are, a resumed run reports what the
// uninterrupted one would, and its snapshot shows what the saving trainer's showed.
void Gan2dTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  const Nets& n = *m_nets;
  try {
    genlab::nn::CheckpointWriter out(modelName());
    writeGanState(out, m_settings, n.rng, *n.g, *n.d, *n.optG, *n.optD,
                  {m_seed, m_rebuilds, m_steps, m_dUpdates, m_gUpdates, m_lossD, m_lossG});
    out.tensor("display_noise", n.displayNoise);
    out.text("target", toString(m_kind));
    out.integer("target_draws", m_targetDraws);
    out.tensor("points", pointsTensor(m_target.points));
    out.tensor("modes", pointsTensor(m_target.modes));
    out.real("mode_std", m_target.modeStd);
    out.tensor("bounds", torch::tensor({m_bounds.xMin, m_bounds.xMax, m_bounds.yMin, m_bounds.yMax},
                                       torch::kFloat64));
    const Gan2dVisuals& v = *m_visuals;
    out.integer("visuals_step", v.step);
    out.integer("visuals_d_updates", v.dUpdates);
    out.integer("visuals_g_updates", v.gUpdates);
    out.floats("visuals_generated", v.generated);
    out.floats("visuals_push", v.push);
    out.floats("visuals_field", v.field);
    out.flag("visuals_field_is_probability", v.fieldIsProbability);
    std::vector<float> manifold;
    for (const auto& line : v.manifold) manifold.insert(manifold.end(), line.begin(), line.end());
    out.integer("visuals_manifold_lines", static_cast<std::int64_t>(v.manifold.size()));
    out.floats("visuals_manifold", manifold);
    out.real("visuals_kl", v.divergences.kl);
    out.real("visuals_js", v.divergences.js);
    out.integer("visuals_covered", v.coverage.covered);
    out.integer("visuals_modes", v.coverage.modes);
    out.tensor(
        "visuals_mode_counts",
        torch::tensor(std::vector<std::int64_t>(v.coverage.counts.begin(), v.coverage.counts.end()),
                      torch::kInt64));
    out.real("visuals_in_modes", v.coverage.inModes);
    out.save(file);
  } catch (const c10::Error& error) {
    throw DataError(file.string() + ": cannot write the checkpoint (" +
                    std::string(error.what_without_backtrace()) + ")");
  }
}

void Gan2dTrainer::loadCheckpoint(const std::filesystem::path& file) {
  genlab::nn::CheckpointReader in(file);
  in.requireModel(modelName());
  // Read into temporaries; the trainer changes only once the whole file has been read.
  GanNetworks loaded = readGanNetworks(
      in, GanFlavour::Toy2d,
      [](const GanSettings& s) { return makeToyGenerator(s.noiseDim, s.gWidth, s.gDepth); },
      [](const GanSettings& s) { return makeToyDiscriminator(s.dWidth, s.dDepth); });
  const GanSettings& settings = loaded.settings;
  const GanCounters counters = readGanCounters(in);
  auto nets = std::make_unique<Nets>();
  nets->threads = m_nets->threads;
  nets->rng = loaded.rng;
  nets->g = loaded.g;
  nets->d = loaded.d;
  nets->optG = std::move(loaded.optG);
  nets->optD = std::move(loaded.optD);
  // Display sizes are this trainer's options, not settings: they must be the saving trainer's.
  nets->displayNoise =
      in.tensor("display_noise", torch::kFloat32, {m_options.displaySamples, settings.noiseDim});
  nets->manifoldNoise = manifoldGrid(settings.noiseDim, m_options);

  const std::string kindName = in.text("target");
  TargetKind kind = TargetKind::Painted;
  bool known = false;
  for (TargetKind k : {TargetKind::Ring8, TargetKind::Grid25, TargetKind::Spiral, TargetKind::Moons,
                       TargetKind::Painted}) {
    if (toString(k) == kindName) {
      kind = k;
      known = true;
    }
  }
  if (!known) in.fail("unknown target \"" + kindName + "\"");
  const auto targetDraws = static_cast<int>(in.integer("target_draws", 0, 1'000'000'000));
  const torch::Tensor points = in.tensor("points", torch::kFloat64);
  const torch::Tensor modes = in.tensor("modes", torch::kFloat64);
  for (const auto* t : {&points, &modes}) {
    if (t->dim() != 2 || t->size(1) != 2) in.fail("its target points are not pairs");
  }
  if (points.size(0) == 0) in.fail("its target has no points");
  TargetData target;
  target.points = pointsMatrix(points);
  target.modes = pointsMatrix(modes);
  target.modeStd = in.real("mode_std");
  if (!target.points.allFinite()) in.fail("its target has NaN or infinite points");
  const torch::Tensor b = in.tensor("bounds", torch::kFloat64, {4});
  const Bounds2d bounds{b[0].item<double>(), b[1].item<double>(), b[2].item<double>(),
                        b[3].item<double>()};
  nets->fieldPoints = fieldGrid(bounds, m_options.fieldCells);
  nets->real = toTensor(target.points);

  auto visuals = std::make_shared<Gan2dVisuals>();
  Gan2dVisuals& v = *visuals;
  v.step = in.integer("visuals_step", 0, counters.steps);
  v.dUpdates = in.integer("visuals_d_updates", 0, counters.dUpdates);
  v.gUpdates = in.integer("visuals_g_updates", 0, counters.gUpdates);
  const std::int64_t samples = 2LL * m_options.displaySamples;
  const std::int64_t cells = static_cast<std::int64_t>(m_options.fieldCells) * m_options.fieldCells;
  v.generated = in.floats("visuals_generated", samples);
  v.push = in.floats("visuals_push", samples);
  v.field = in.floats("visuals_field", cells);
  v.fieldCols = v.fieldRows = m_options.fieldCells;
  v.fieldBounds = bounds;
  v.fieldIsProbability = in.flag("visuals_field_is_probability");
  const std::int64_t lines = in.integer("visuals_manifold_lines", 0, 1'000'000);
  const std::vector<float> manifold = in.floats("visuals_manifold");
  const std::int64_t perLine = 2LL * m_options.manifoldPoints;
  if (static_cast<std::int64_t>(manifold.size()) != lines * perLine) {
    in.fail("its manifold has " + std::to_string(manifold.size()) + " values; this trainer's " +
            std::to_string(lines) + " lines take " + std::to_string(lines * perLine));
  }
  for (std::int64_t l = 0; l < lines; ++l) {
    v.manifold.emplace_back(manifold.begin() + l * perLine, manifold.begin() + (l + 1) * perLine);
  }
  v.divergences.kl = in.real("visuals_kl");
  v.divergences.js = in.real("visuals_js");
  v.coverage.covered = static_cast<int>(in.integer("visuals_covered", 0, target.modes.rows()));
  v.coverage.modes = static_cast<int>(in.integer("visuals_modes", 0, target.modes.rows()));
  const torch::Tensor counts = in.tensor("visuals_mode_counts", torch::kInt64);
  if (counts.dim() != 1 || counts.numel() != v.coverage.modes) {
    in.fail("its mode counts do not match its " + std::to_string(v.coverage.modes) + " modes");
  }
  for (std::int64_t k = 0; k < counts.numel(); ++k)
    v.coverage.counts.push_back(static_cast<int>(counts[k].item<std::int64_t>()));
  v.coverage.inModes = in.real("visuals_in_modes");

  auto real = std::make_shared<const std::vector<float>>(toVector(nets->real));

  // All read: swap it in (nothing below throws).
  m_settings = settings;
  m_kind = kind;
  m_target = std::move(target);
  m_bounds = bounds;
  m_seed = counters.seed;
  m_rebuilds = counters.rebuilds;
  m_targetDraws = targetDraws;
  m_nets = std::move(nets);
  m_real = std::move(real);
  m_visuals = std::move(visuals);
  m_lastVisuals = std::chrono::steady_clock::now();
  m_steps = counters.steps;
  m_dUpdates = counters.dUpdates;
  m_gUpdates = counters.gUpdates;
  m_lossD = counters.lossD;
  m_lossG = counters.lossG;
  publish();
}

void Gan2dTrainer::stepDiscriminatorOnly() {
  m_lossD = updateDiscriminator();
  computeVisuals();
  publish({"one discriminator update (" + std::to_string(m_dUpdates) + " so far)"});
}

void Gan2dTrainer::stepGeneratorOnly() {
  m_lossG = updateGenerator();
  computeVisuals();
  publish({"one generator update (" + std::to_string(m_gUpdates) + " so far)"});
}

void Gan2dTrainer::refreshVisuals() {
  computeVisuals();
  publish();
}

void Gan2dTrainer::setTarget(const TargetSpec& target) {
  Rng dataRng((m_seed ^ kDataStream) + static_cast<std::uint64_t>(++m_targetDraws));
  TargetData data = makeTarget(target, dataRng);
  if (data.points.rows() == 0) throw DataError("dataset: no points");
  m_kind = target.kind;
  m_target.modes = std::move(data.modes);
  m_target.modeStd = data.modeStd;
  setRealData(std::move(data.points), /*edited=*/false);
  computeVisuals();
  publish({"new target: " + toString(target.kind)});
}

void Gan2dTrainer::addPoints(const MatrixXd& points) {
  if (points.rows() == 0) return;
  if (points.cols() != 2) throw DataError("painted points: expected 2 coordinates");
  if (!points.allFinite()) throw DataError("painted points: NaN or infinite coordinate");
  const bool wasPainted = m_kind == TargetKind::Painted;
  MatrixXd grown(m_target.points.rows() + points.rows(), 2);
  grown << m_target.points, points;
  setRealData(std::move(grown), /*edited=*/true);
  computeVisuals();
  publish(wasPainted ? std::vector<std::string>{}
                     : std::vector<std::string>{"the data was edited: it is now a painted target "
                                                "(no modes to count)"});
}

int Gan2dTrainer::erasePointsNear(double x, double y, double radius) {
  constexpr Index kKeepAtLeast = 8;
  std::vector<Index> keep;
  for (Index i = 0; i < m_target.points.rows(); ++i) {
    const double dx = m_target.points(i, 0) - x, dy = m_target.points(i, 1) - y;
    if (dx * dx + dy * dy > radius * radius) keep.push_back(i);
  }
  const auto erased = static_cast<int>(m_target.points.rows() - static_cast<Index>(keep.size()));
  if (erased == 0 || static_cast<Index>(keep.size()) < kKeepAtLeast) return 0;
  MatrixXd kept(static_cast<Index>(keep.size()), 2);
  for (std::size_t i = 0; i < keep.size(); ++i) {
    kept.row(static_cast<Index>(i)) = m_target.points.row(keep[i]);
  }
  setRealData(std::move(kept), /*edited=*/true);
  computeVisuals();
  publish();
  return erased;
}

Eigen::VectorXd Gan2dTrainer::discriminatorAt(const MatrixXd& points) {
  m_nets->threads.applyHere();
  torch::NoGradGuard noGrad;
  const torch::Tensor out =
      displayedOutput(m_settings.loss, m_nets->d->forward(toTensor(points))).to(torch::kFloat64);
  Eigen::VectorXd values(points.rows());
  for (Index i = 0; i < points.rows(); ++i) values(i) = out[i][0].item<double>();
  return values;
}

MatrixXd Gan2dTrainer::sample(int n) {
  m_nets->threads.applyHere();
  torch::NoGradGuard noGrad;
  const torch::Tensor z = torch::randn({n, m_settings.noiseDim}, m_nets->rng);
  const torch::Tensor x = m_nets->g->forward(z).to(torch::kFloat64).contiguous();
  MatrixXd out(n, 2);
  for (int i = 0; i < n; ++i) {
    out(i, 0) = x[i][0].item<double>();
    out(i, 1) = x[i][1].item<double>();
  }
  return out;
}

}  // namespace genlab::gan
