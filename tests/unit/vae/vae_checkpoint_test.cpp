// VaeTrainer checkpoints: a trainer that loads one resumes bit for bit (metrics, parameters,
// snapshot), across reshuffles, a rebuild and live settings; bad files are DataErrors that
// name the file and leave the trainer as it was; settings.load reads the new layout and the
// older one.

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
#include "core/models/vae/vae_network.h"
#include "core/models/vae/vae_trainer.h"
#include "core/util/errors.h"

namespace genlab::vae {
namespace {

using nlohmann::json;
using Metrics = std::vector<std::vector<double>>;

// Bars on side x side: orientation x position, `copies` times (2 * side images per copy).
data::ImageSet bars(int copies, int side = 8) {
  data::ImageSet set;
  set.height = side;
  set.width = side;
  set.factorNames = {"orientation", "position"};
  set.factorLevels = {2, side};
  for (int c = 0; c < copies; ++c) {
    for (int o = 0; o < 2; ++o) {
      for (int p = 0; p < side; ++p) {
        for (int y = 0; y < side; ++y)
          for (int x = 0; x < side; ++x) set.pixels.push_back((o == 0 ? y : x) == p ? 1.0f : 0.0f);
        set.factors.push_back(o);
        set.factors.push_back(p);
        ++set.count;
      }
    }
  }
  return set;
}

// 32 training images in batches of 12: an epoch is 3 steps (12, 12, 8), so a dozen steps
// reshuffle several times. Evaluations at steps 1, 2, 4 of a network and then every 7.
data::ImageSplit tinySplit(int copies = 2, int side = 8) {
  return {bars(copies, side), bars(1, side)};
}

VaeConfig tinyConfig() {
  VaeConfig config;
  config.latent = 3;
  config.hidden = 16;
  config.batch = 12;
  config.lr = 3e-3;
  config.evalEvery = 7;
  config.beta = 2.0;
  config.warmupSteps = 20;
  return config;
}

// Each trainer at one intra-op thread: the contract is bit equality at the same thread count.
std::unique_ptr<VaeTrainer> makeTrainer(const VaeConfig& config = tinyConfig(),
                                        data::ImageSplit split = tinySplit(),
                                        std::uint64_t seed = 21) {
  auto trainer = std::make_unique<VaeTrainer>(config, std::move(split), seed);
  trainer->setThreads(1);
  return trainer;
}

std::vector<double> stepOnce(VaeTrainer& trainer) {
  std::vector<double> metrics(trainer.metricNames().size(), NAN);
  trainer.step(metrics, {});
  return metrics;
}

class TempDir {
 public:
  TempDir() {
    const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
    m_path = std::filesystem::temp_directory_path() /
             ("genlab_vae_" + std::string(test->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() { std::filesystem::remove_all(m_path); }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

// The network a checkpoint holds, read back through torch directly (not the trainer).
std::vector<std::pair<std::string, torch::Tensor>> networkIn(const std::filesystem::path& file,
                                                             int side = 8) {
  torch::serialize::InputArchive archive;
  archive.load_from(file.string());
  c10::IValue settings;
  archive.read("settings", settings);
  VaeNet net(VaeConfig::fromJson(json::parse(settings.toStringRef())), side, side);
  torch::serialize::InputArchive network;
  archive.read("network", network);
  net->load(network);
  std::vector<std::pair<std::string, torch::Tensor>> out;
  for (const auto& item : net->named_parameters()) out.emplace_back(item.key(), item.value());
  return out;
}

// What the scripted runs do before the step that makes `done` + 1: a new network (latent 4)
// after two steps, then live changes of beta and lr. The checkpoint is written after six, so
// it carries all three; the first two steps after it report the evaluation of step 6 (the
// network's 4th step), and steps 7, 10 and 13 reshuffle.
void script(VaeTrainer& trainer, std::int64_t done) {
  if (done == 2) trainer.setParam("latent", 4);
  if (done == 4) {
    trainer.setParam("beta", 3.0);
    trainer.setParam("lr", 5e-3);
  }
}

TEST(VaeCheckpoint, ResumedTrainingEqualsUninterruptedTrainingBitForBit) {
  constexpr int kSteps = 14;
  constexpr int kSaved = 6;
  TempDir dir;

  auto straight = makeTrainer();
  Metrics expected;
  for (int s = 0; s < kSteps; ++s) {
    script(*straight, s);
    expected.push_back(stepOnce(*straight));
  }

  auto first = makeTrainer();
  for (int s = 0; s < kSaved; ++s) {
    script(*first, s);
    stepOnce(*first);
  }
  first->saveCheckpoint(dir / "step-6.pt");

  // Built from the lesson's settings (latent 3, beta 2): the checkpoint's replace them.
  auto resumed = makeTrainer();
  resumed->loadCheckpoint(dir / "step-6.pt");
  EXPECT_EQ(resumed->stepsDone(), kSaved);
  EXPECT_EQ(resumed->settings(), first->settings());
  EXPECT_EQ(resumed->settings()["latent"], 4);
  EXPECT_EQ(resumed->settings()["beta"], 3.0);

  // The snapshot describes the loaded state: the counters, the evaluation and encodings by
  // the loaded network, as the saving trainer's own snapshot does.
  const auto before = std::dynamic_pointer_cast<const VaeSnapshot>(first->snapshot());
  const auto after = std::dynamic_pointer_cast<const VaeSnapshot>(resumed->snapshot());
  ASSERT_TRUE(before && after && before->encoding && after->encoding);
  EXPECT_EQ(after->step, kSaved);
  EXPECT_EQ(after->epoch, before->epoch);
  EXPECT_EQ(after->effectiveBeta, before->effectiveBeta);
  EXPECT_EQ(after->evaluatedAt, before->evaluatedAt);
  EXPECT_EQ(after->testElbo, before->testElbo);
  EXPECT_EQ(after->elbo, before->elbo);
  EXPECT_EQ(after->encoding->latent, 4);
  EXPECT_EQ(after->encoding->means, before->encoding->means);
  EXPECT_EQ(after->traversal->images, before->traversal->images);

  for (int s = kSaved; s < kSteps; ++s) {
    script(*resumed, s);
    const auto metrics = stepOnce(*resumed);
    const auto& want = expected[static_cast<std::size_t>(s)];
    for (std::size_t i = 0; i < metrics.size(); ++i)
      EXPECT_EQ(metrics[i], want[i]) << "step " << s + 1 << ", " << resumed->metricNames()[i];
  }
  EXPECT_EQ(resumed->stepsDone(), kSteps);

  straight->saveCheckpoint(dir / "straight.pt");
  resumed->saveCheckpoint(dir / "resumed.pt");
  const auto a = networkIn(dir / "straight.pt");
  const auto b = networkIn(dir / "resumed.pt");
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    EXPECT_TRUE(torch::equal(a[i].second, b[i].second)) << a[i].first;
}

// A trainer after a failed load: the same stepsDone, and the next step is the one a twin that
// never saw the file takes.
void expectUnchanged(VaeTrainer& trainer, VaeTrainer& twin) {
  EXPECT_EQ(trainer.stepsDone(), twin.stepsDone());
  EXPECT_EQ(trainer.settings(), twin.settings());
  EXPECT_EQ(stepOnce(trainer), stepOnce(twin));
  EXPECT_EQ(trainer.stepsDone(), twin.stepsDone());
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

TEST(VaeCheckpoint, BadFilesAreDataErrorsAndLeaveTheTrainerAsItWas) {
  TempDir dir;
  auto trainer = makeTrainer();
  auto twin = makeTrainer();
  for (int s = 0; s < 4; ++s) {
    stepOnce(*trainer);
    stepOnce(*twin);
  }
  const auto load = [&](const std::filesystem::path& file) {
    return [&trainer, file] { trainer->loadCheckpoint(file); };
  };

  const auto garbage = dir / "garbage.pt";
  {
    std::ofstream out(garbage, std::ios::binary);
    for (int i = 0; i < 4096; ++i) out.put(static_cast<char>((i * 131 + 7) % 256));
  }
  expectDataErrorNaming(load(garbage), garbage, "not a torch archive");
  expectUnchanged(*trainer, *twin);

  expectDataErrorNaming(load(dir / "missing.pt"), dir / "missing.pt", "no such file");

  // A whole checkpoint cut in half, as a crash during a copy would leave it.
  const auto whole = dir / "whole.pt";
  makeTrainer()->saveCheckpoint(whole);
  const auto half = dir / "half.pt";
  {
    std::ifstream in(whole, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(half, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  expectDataErrorNaming(load(half), half, "not a torch archive");

  // Another model's checkpoint.
  const auto gan = dir / "gan2d.pt";
  {
    gan::Gan2dOptions options;
    options.fieldCells = 8;
    options.displaySamples = 16;
    gan::Gan2dTrainer(gan::GanSettings::defaults(gan::GanFlavour::Toy2d), gan::TargetSpec{}, 1,
                      options)
        .saveCheckpoint(gan);
  }
  expectDataErrorNaming(load(gan), gan, "\"gan2d\"");
  expectUnchanged(*trainer, *twin);

  // A VAE of other data: other image sizes, another number of training images. (Other
  // settings, a latent of 5 say, are not an error: a run's setParam calls are in its
  // checkpoints, and loading restores them.)
  const auto larger = dir / "larger.pt";
  makeTrainer(tinyConfig(), tinySplit(2, 12))->saveCheckpoint(larger);
  expectDataErrorNaming(load(larger), larger, "12 pixel rows");
  expectUnchanged(*trainer, *twin);
  const auto more = dir / "more.pt";
  makeTrainer(tinyConfig(), tinySplit(3))->saveCheckpoint(more);
  expectDataErrorNaming(load(more), more, "covers 48 training images");
  expectUnchanged(*trainer, *twin);

  // A torch archive of the older layout (network, optimiser, settings, step): not enough to
  // resume from.
  const auto older = dir / "older.pt";
  {
    VaeNet net(tinyConfig(), 8, 8);
    torch::optim::Adam adam(net->parameters(), torch::optim::AdamOptions(1e-3));
    torch::serialize::OutputArchive archive, network, optimizer;
    net->save(network);
    adam.save(optimizer);
    archive.write("network", network);
    archive.write("optimizer", optimizer);
    archive.write("settings", c10::IValue(tinyConfig().toJson().dump()));
    archive.write("step", c10::IValue(std::int64_t{40}));
    archive.save_to(older.string());
  }
  expectDataErrorNaming(load(older), older, "no \"model\" entry");
  expectUnchanged(*trainer, *twin);

  // settings.load still starts a run from the older layout's network.
  VaeConfig start = tinyConfig();
  start.load = older.string();
  auto started = makeTrainer(start);
  EXPECT_EQ(started->stepsDone(), 0);
  EXPECT_TRUE(std::isfinite(stepOnce(*started)[0]));
}

TEST(VaeCheckpoint, SettingsLoadTakesTheNetworkOfANewCheckpointAndRefusesOtherShapes) {
  TempDir dir;
  auto trainer = makeTrainer();
  for (int s = 0; s < 5; ++s) stepOnce(*trainer);
  trainer->saveCheckpoint(dir / "full.pt");
  VaeConfig start = tinyConfig();
  start.load = (dir / "full.pt").string();
  auto started = makeTrainer(start);
  EXPECT_EQ(started->heldOutElbo(3), trainer->heldOutElbo(3));
  EXPECT_EQ(started->stepsDone(), 0);  // a new run; the warm-up goes on from the 5 steps
  const auto metrics = stepOnce(*started);
  EXPECT_DOUBLE_EQ(metrics[5], 2.0 * 5 / 20);

  // A network for 12x12 images does not fit 8x8 ones: torch would take the saved shapes.
  const auto larger = dir / "larger.pt";
  makeTrainer(tinyConfig(), tinySplit(2, 12))->saveCheckpoint(larger);
  start.load = larger.string();
  try {
    makeTrainer(start);
    FAIL() << "a 12x12 network loaded for 8x8 images";
  } catch (const DataError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("settings.load: " + larger.string(), 0), 0u) << message;
    EXPECT_NE(message.find("[16, 144]"), std::string::npos) << message;
  }
}

}  // namespace
}  // namespace genlab::vae
