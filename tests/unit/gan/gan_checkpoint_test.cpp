// Checkpoints of both GAN trainers: a trainer that loads one resumes bit for bit (metrics,
// parameters, batch-norm statistics, snapshot) with every optimiser the settings allow, after
// edits of the data, live settings and rebuilds; bad files are DataErrors that name the file
// and leave the trainer as it was.

#include <gtest/gtest.h>
#include <torch/torch.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "core/models/gan/gan2d_trainer.h"
#include "core/models/gan/gan_nets.h"
#include "core/models/gan/image_gan_trainer.h"
#include "core/util/errors.h"

namespace genlab::gan {
namespace {

using nlohmann::json;
using Metrics = std::vector<std::vector<double>>;

class TempDir {
 public:
  TempDir() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string(test->test_suite_name()) + "_" + test->name();
    for (char& c : name)
      if (c == '/') c = '_';
    m_path = std::filesystem::temp_directory_path() /
             ("genlab_" + name + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() { std::filesystem::remove_all(m_path); }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

// Exact equality, with NaN equal to NaN (modes_covered is NaN for targets without modes).
bool same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

void expectSameMetrics(const std::vector<double>& got, const std::vector<double>& want,
                       const std::vector<std::string>& names, int step) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i)
    EXPECT_TRUE(same(got[i], want[i]))
        << "step " << step << ", " << names[i] << ": " << got[i] << " against " << want[i];
}

template <class Trainer>
std::vector<double> stepOnce(Trainer& trainer) {
  std::vector<double> metrics(trainer.metricNames().size(), NAN);
  trainer.step(metrics, {});
  return metrics;
}

// Both networks of a checkpoint (parameters and buffers), read back through torch directly.
std::vector<std::pair<std::string, torch::Tensor>> networksIn(
    const std::filesystem::path& file,
    const std::function<
        std::pair<torch::nn::Sequential, torch::nn::Sequential>(const json& settings)>& make) {
  torch::serialize::InputArchive archive;
  archive.load_from(file.string());
  c10::IValue settings;
  archive.read("settings", settings);
  const auto [g, d] = make(json::parse(settings.toStringRef()));
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (const std::string key : {"generator", "discriminator"}) {
    torch::nn::Sequential net = key == "generator" ? g : d;
    torch::serialize::InputArchive nested;
    archive.read(key, nested);
    net->load(nested);
    for (const auto& item : net->named_parameters())
      out.emplace_back(key + "." + item.key(), item.value());
    for (const auto& item : net->named_buffers())
      out.emplace_back(key + "." + item.key(), item.value());
  }
  return out;
}

void expectSameTensors(const std::vector<std::pair<std::string, torch::Tensor>>& a,
                       const std::vector<std::pair<std::string, torch::Tensor>>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].first, b[i].first);
    EXPECT_TRUE(torch::equal(a[i].second, b[i].second)) << a[i].first;
  }
}

void expectDataErrorNaming(const std::function<void()>& load, const std::filesystem::path& file,
                           const std::string& what) {
  try {
    load();
    ADD_FAILURE() << "no DataError for " << file;
  } catch (const DataError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind(file.string(), 0), 0u) << message;
    EXPECT_NE(message.find(what), std::string::npos) << message;
  }
}

void writeGarbage(const std::filesystem::path& file) {
  std::ofstream out(file, std::ios::binary);
  for (int i = 0; i < 4096; ++i) out.put(static_cast<char>((i * 131 + 7) % 256));
}

// --- toy 2-D GAN ----------------------------------------------------------------------------

GanSettings toySettings(const json& overrides = json::object()) {
  json s = {{"g_width", 32}, {"g_depth", 2}, {"d_width", 32}, {"d_depth", 2}, {"batch", 64}};
  for (const auto& [key, value] : overrides.items()) s[key] = value;
  return GanSettings::fromJson(s, GanSettings::defaults(GanFlavour::Toy2d));
}

TargetSpec target(TargetKind kind, int n = 400) {
  TargetSpec spec;
  spec.kind = kind;
  spec.n = n;
  return spec;
}

Gan2dOptions toyOptions() {
  Gan2dOptions options;
  options.fieldCells = 24;
  options.displaySamples = 200;
  options.manifoldLines = 5;
  options.manifoldPoints = 9;
  // Visuals only when an edit asks for them, never on the clock: their kl, js and
  // modes_covered are every step's metrics, and the comparison must not depend on timing.
  options.visualPeriod = std::chrono::hours(1);
  options.threads = 1;  // the contract is bit equality at the same intra-op thread count
  return options;
}

std::unique_ptr<Gan2dTrainer> makeToy(const GanSettings& settings,
                                      Gan2dOptions options = toyOptions()) {
  return std::make_unique<Gan2dTrainer>(settings, target(TargetKind::Ring8), 17, options);
}

// What the scripted runs do before the step that makes `done` + 1. Before the checkpoint at
// 5: a redrawn target, painted points, a live learning rate and a rebuild of G; after it, a
// second rebuild and redraw, which seed from the restored counts.
void toyScript(Gan2dTrainer& trainer, std::int64_t done) {
  if (done == 1) trainer.setTarget(target(TargetKind::Grid25));
  if (done == 2) {
    Eigen::MatrixXd points(2, 2);
    points << 2.5, 2.5, -2.5, 2.0;
    trainer.addPoints(points);
  }
  if (done == 3) trainer.setParam("lr_d", 5e-4);
  if (done == 4) trainer.setParam("g_width", 24);
  if (done == 7) trainer.setParam("d_width", 16);
  if (done == 8) trainer.setTarget(target(TargetKind::Moons));
}

std::pair<torch::nn::Sequential, torch::nn::Sequential> toyNetworks(const json& s) {
  return {
      makeToyGenerator(s["noise_dim"].get<int>(), s["g_width"].get<int>(), s["g_depth"].get<int>()),
      makeToyDiscriminator(s["d_width"].get<int>(), s["d_depth"].get<int>())};
}

class Gan2dCheckpoint : public ::testing::TestWithParam<json> {};

TEST_P(Gan2dCheckpoint, ResumedTrainingEqualsUninterruptedTrainingBitForBit) {
  constexpr int kSteps = 12;
  constexpr int kSaved = 5;
  const GanSettings settings = toySettings(GetParam());
  TempDir dir;

  auto straight = makeToy(settings);
  Metrics expected;
  for (int s = 0; s < kSteps; ++s) {
    toyScript(*straight, s);
    expected.push_back(stepOnce(*straight));
  }

  auto first = makeToy(settings);
  for (int s = 0; s < kSaved; ++s) {
    toyScript(*first, s);
    stepOnce(*first);
  }
  first->saveCheckpoint(dir / "step-5.pt");

  auto resumed = makeToy(settings);
  resumed->loadCheckpoint(dir / "step-5.pt");
  EXPECT_EQ(resumed->stepsDone(), kSaved);
  EXPECT_EQ(resumed->settings(), first->settings());
  EXPECT_EQ(resumed->settings()["g_width"], 24);

  // The snapshot is the saving trainer's: data as edited, counters, losses, visuals.
  const auto before = std::dynamic_pointer_cast<const Gan2dSnapshot>(first->snapshot());
  const auto after = std::dynamic_pointer_cast<const Gan2dSnapshot>(resumed->snapshot());
  ASSERT_TRUE(before && after);
  EXPECT_EQ(after->step, kSaved);
  EXPECT_EQ(after->target, TargetKind::Painted);
  EXPECT_EQ(*after->real, *before->real);
  EXPECT_EQ(after->modes.rows(), 0);
  EXPECT_EQ(after->dUpdates, before->dUpdates);
  EXPECT_EQ(after->gUpdates, before->gUpdates);
  EXPECT_EQ(after->lossD, before->lossD);
  EXPECT_EQ(after->lossG, before->lossG);
  EXPECT_EQ(after->bounds.xMax, before->bounds.xMax);
  EXPECT_EQ(after->visuals->step, before->visuals->step);
  EXPECT_EQ(after->visuals->generated, before->visuals->generated);
  EXPECT_EQ(after->visuals->push, before->visuals->push);
  EXPECT_EQ(after->visuals->field, before->visuals->field);
  EXPECT_EQ(after->visuals->manifold, before->visuals->manifold);
  EXPECT_EQ(after->visuals->divergences.kl, before->visuals->divergences.kl);

  const auto names = resumed->metricNames();
  for (int s = kSaved; s < kSteps; ++s) {
    toyScript(*resumed, s);
    expectSameMetrics(stepOnce(*resumed), expected[static_cast<std::size_t>(s)], names, s + 1);
  }
  EXPECT_EQ(resumed->stepsDone(), kSteps);
  EXPECT_EQ(resumed->target().points, straight->target().points);  // the second redraw

  straight->saveCheckpoint(dir / "straight.pt");
  resumed->saveCheckpoint(dir / "resumed.pt");
  expectSameTensors(networksIn(dir / "resumed.pt", toyNetworks),
                    networksIn(dir / "straight.pt", toyNetworks));
}

INSTANTIATE_TEST_SUITE_P(
    Optimisers, Gan2dCheckpoint,
    ::testing::Values(json::object(),
                      json{{"optimizer", "rmsprop"}, {"loss", "wgan_gp"}, {"d_steps", 2}},
                      json{{"optimizer", "sgd"}, {"loss", "least_squares"}}),
    [](const ::testing::TestParamInfo<json>& param) {
      return std::string(param.index == 0   ? "AdamNonSaturating"
                         : param.index == 1 ? "RmsPropWganGp"
                                            : "SgdLeastSquares");
    });

// A trainer after a failed load: the same counters and settings, and the next step is the one
// a twin that never saw the file takes.
template <class Trainer>
void expectUnchanged(Trainer& trainer, Trainer& twin) {
  EXPECT_EQ(trainer.stepsDone(), twin.stepsDone());
  EXPECT_EQ(trainer.settings(), twin.settings());
  const auto names = trainer.metricNames();
  expectSameMetrics(stepOnce(trainer), stepOnce(twin), names, static_cast<int>(twin.stepsDone()));
  EXPECT_EQ(trainer.stepsDone(), twin.stepsDone());
}

TEST(Gan2dCheckpointErrors, BadFilesAreDataErrorsAndLeaveTheTrainerAsItWas) {
  TempDir dir;
  auto trainer = makeToy(toySettings());
  auto twin = makeToy(toySettings());
  for (int s = 0; s < 3; ++s) {
    stepOnce(*trainer);
    stepOnce(*twin);
  }
  const auto load = [&](const std::filesystem::path& file) {
    return [&trainer, file] { trainer->loadCheckpoint(file); };
  };

  const auto garbage = dir / "garbage.pt";
  writeGarbage(garbage);
  expectDataErrorNaming(load(garbage), garbage, "not a torch archive");
  expectUnchanged(*trainer, *twin);

  // Another model's checkpoint.
  const auto image = dir / "image.pt";
  ImageGanOptions imageOptions;
  imageOptions.picturePeriod = std::chrono::hours(1);
  data::ImageSet images;
  images.count = 2;
  images.height = images.width = 28;
  images.pixels.assign(2 * 784, 0.5f);
  ImageGanTrainer(GanSettings::fromJson({{"architecture", "mlp"}, {"noise_dim", 4}},
                                        GanSettings::defaults(GanFlavour::Image)),
                  images, 1, imageOptions)
      .saveCheckpoint(image);
  expectDataErrorNaming(load(image), image, "\"gan_image\"");
  expectUnchanged(*trainer, *twin);

  // The toy GAN's own checkpoint, but for another display size: refused after its networks
  // were read, which must not have touched the trainer's.
  const auto display = dir / "display.pt";
  Gan2dOptions other = toyOptions();
  other.displaySamples = 50;
  makeToy(toySettings(), other)->saveCheckpoint(display);
  expectDataErrorNaming(load(display), display, "\"display_noise\" has shape [50, 2]");
  expectUnchanged(*trainer, *twin);
  const auto s = std::dynamic_pointer_cast<const Gan2dSnapshot>(trainer->snapshot());
  EXPECT_EQ(s->visuals->generated.size(), 400u);
}

// --- image GAN ------------------------------------------------------------------------------

// `count` images of 28x28: bars, vertical for even i and horizontal for odd i.
data::ImageSet bars(int count) {
  data::ImageSet set;
  set.count = count;
  set.height = set.width = 28;
  set.pixels.assign(static_cast<std::size_t>(count) * 784, 0.0f);
  for (int i = 0; i < count; ++i) {
    const int at = 2 + i % 24;
    for (int t = 0; t < 28; ++t) {
      const int r = i % 2 == 0 ? t : at, c = i % 2 == 0 ? at : t;
      set.pixels[static_cast<std::size_t>(i) * 784 + r * 28 + c] = 1.0f;
    }
  }
  return set;
}

std::unique_ptr<ImageGanTrainer> makeImage(const json& settings, int images = 12) {
  ImageGanOptions options;
  options.picturePeriod = std::chrono::hours(1);  // pictures only when an edit asks
  options.threads = 1;
  return std::make_unique<ImageGanTrainer>(
      GanSettings::fromJson(settings, GanSettings::defaults(GanFlavour::Image)), bars(images), 5,
      options);
}

// Before the checkpoint at 4: a discriminator update alone (it redraws the pictures, which in
// the DCGAN moves the batch-norm statistics) and a live learning rate.
void imageScript(ImageGanTrainer& trainer, std::int64_t done) {
  if (done == 1) trainer.stepDiscriminatorOnly();
  if (done == 2) trainer.setParam("lr_g", 1e-4);
}

std::pair<torch::nn::Sequential, torch::nn::Sequential> imageNetworks(const json& s) {
  const ImageArchitecture architecture =
      parseArchitecture(s["architecture"].get<std::string>(), "");
  return {makeImageGenerator(architecture, s["noise_dim"].get<int>()),
          makeImageDiscriminator(architecture)};
}

class ImageGanCheckpoint : public ::testing::TestWithParam<json> {};

TEST_P(ImageGanCheckpoint, ResumedTrainingEqualsUninterruptedTrainingBitForBit) {
  constexpr int kSteps = 9;
  constexpr int kSaved = 4;
  const json settings = GetParam();
  TempDir dir;

  auto straight = makeImage(settings);
  Metrics expected;
  for (int s = 0; s < kSteps; ++s) {
    imageScript(*straight, s);
    expected.push_back(stepOnce(*straight));
  }

  auto first = makeImage(settings);
  for (int s = 0; s < kSaved; ++s) {
    imageScript(*first, s);
    stepOnce(*first);
  }
  first->saveCheckpoint(dir / "step-4.pt");

  auto resumed = makeImage(settings);
  resumed->loadCheckpoint(dir / "step-4.pt");
  EXPECT_EQ(resumed->stepsDone(), kSaved);
  EXPECT_EQ(resumed->settings(), first->settings());
  EXPECT_EQ(resumed->settings()["lr_g"], 1e-4);

  const auto before = std::dynamic_pointer_cast<const ImageGanSnapshot>(first->snapshot());
  const auto after = std::dynamic_pointer_cast<const ImageGanSnapshot>(resumed->snapshot());
  ASSERT_TRUE(before && after);
  EXPECT_EQ(after->step, kSaved);
  EXPECT_EQ(after->dUpdates, before->dUpdates);
  EXPECT_EQ(after->lossG, before->lossG);
  EXPECT_EQ(after->dReal, before->dReal);
  EXPECT_EQ(after->pictures->step, before->pictures->step);
  EXPECT_EQ(after->pictures->samples, before->pictures->samples);
  EXPECT_EQ(after->pictures->interpolation, before->pictures->interpolation);
  EXPECT_EQ(after->pictures->sampleScores, before->pictures->sampleScores);

  const auto names = resumed->metricNames();
  for (int s = kSaved; s < kSteps; ++s) {
    imageScript(*resumed, s);
    expectSameMetrics(stepOnce(*resumed), expected[static_cast<std::size_t>(s)], names, s + 1);
  }
  EXPECT_EQ(resumed->stepsDone(), kSteps);

  straight->saveCheckpoint(dir / "straight.pt");
  resumed->saveCheckpoint(dir / "resumed.pt");
  expectSameTensors(networksIn(dir / "resumed.pt", imageNetworks),
                    networksIn(dir / "straight.pt", imageNetworks));
}

INSTANTIATE_TEST_SUITE_P(
    Architectures, ImageGanCheckpoint,
    ::testing::Values(json{{"architecture", "dcgan"}, {"batch", 4}, {"noise_dim", 8}},
                      json{{"architecture", "mlp"},
                           {"batch", 8},
                           {"noise_dim", 16},
                           {"optimizer", "rmsprop"},
                           {"loss", "wgan_gp"}}),
    [](const ::testing::TestParamInfo<json>& param) {
      return std::string(param.index == 0 ? "DcganAdam" : "MlpRmsPropWganGp");
    });

TEST(ImageGanCheckpointErrors, BadFilesAreDataErrorsAndLeaveTheTrainerAsItWas) {
  TempDir dir;
  const json settings = {{"architecture", "mlp"}, {"batch", 8}, {"noise_dim", 16}};
  auto trainer = makeImage(settings);
  auto twin = makeImage(settings);
  for (int s = 0; s < 2; ++s) {
    stepOnce(*trainer);
    stepOnce(*twin);
  }
  const auto load = [&](const std::filesystem::path& file) {
    return [&trainer, file] { trainer->loadCheckpoint(file); };
  };

  const auto garbage = dir / "garbage.pt";
  writeGarbage(garbage);
  expectDataErrorNaming(load(garbage), garbage, "not a torch archive");
  expectUnchanged(*trainer, *twin);

  const auto toy = dir / "toy.pt";
  makeToy(toySettings())->saveCheckpoint(toy);
  expectDataErrorNaming(load(toy), toy, "\"gan2d\"");
  expectUnchanged(*trainer, *twin);

  const auto fewer = dir / "fewer.pt";
  makeImage(settings, 6)->saveCheckpoint(fewer);
  expectDataErrorNaming(load(fewer), fewer, "written for 6 training images");
  expectUnchanged(*trainer, *twin);
}

}  // namespace
}  // namespace genlab::gan
