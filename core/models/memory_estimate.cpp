#include "core/models/memory_estimate.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/platform/memory_info.h"
#include "core/train/memory_budget.h"
#include "core/util/errors.h"

namespace genlab::models {
namespace {

using nlohmann::json;

// A number at `key` of `object`, or `fallback` when absent or not a number (the lesson's own
// reader reports bad types by key; this estimate only needs sizes).
double number(const json& object, const char* key, double fallback) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_number()) return fallback;
  return object[key].get<double>();
}

// Bytes of the files a dataset names ("path" or "paths"), resolved like the readers do.
std::uint64_t fileBytes(const lesson::Lesson& lesson) {
  std::vector<std::string> names;
  if (lesson.dataset.contains("path") && lesson.dataset["path"].is_string())
    names.push_back(lesson.dataset["path"].get<std::string>());
  if (lesson.dataset.contains("paths") && lesson.dataset["paths"].is_array())
    for (const auto& name : lesson.dataset["paths"])
      if (name.is_string()) names.push_back(name.get<std::string>());
  std::uint64_t total = 0;
  for (const auto& name : names) {
    std::filesystem::path file(name);
    if (file.is_relative()) file = lesson.file.parent_path() / file;
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (!error) total += size;
  }
  return total;
}

// Per step of one sequence of length T with K states: forward, backward and posterior tables
// and the scaling in Baum-Welch, the snapshot's alpha, beta and gamma and their temporaries,
// Viterbi's scores, as doubles (12 in all), and Viterbi's back-pointers as ints. Measured:
// `genlab train` of the casino with T = 1,000,000 and K = 16 peaked at 1.77 GiB resident, of
// which about 0.2 GiB is the process before any data; this estimates 1.5 GiB.
constexpr double kHmmBytesPerCell = 8.0 * 12 + 4;
// Per observation kept: the symbol, the true path, and their shared copies for the views.
constexpr double kHmmBytesPerObservation = 4 * 4;

MemoryEstimate estimateHmm(const lesson::Lesson& lesson) {
  const double states = number(lesson.settings, "states", 2);
  MemoryEstimate estimate;
  const std::string kind =
      lesson.dataset.value("kind", std::string{}) == "file" ? "file" : "sample";
  if (kind == "file") {
    // A discrete symbol takes at least two characters of text ("3 "), so at most bytes / 2.
    const double observations = static_cast<double>(fileBytes(lesson)) / 2.0;
    estimate.bytes = static_cast<std::uint64_t>(
        observations * (kHmmBytesPerObservation + kHmmBytesPerCell * states));
    estimate.largest = "settings.states";
    estimate.largestValue = states;
    return estimate;
  }
  const double length = number(lesson.dataset, "length", 200);
  const double sequences = number(lesson.dataset, "sequences", 1);
  estimate.bytes = static_cast<std::uint64_t>(length * sequences * kHmmBytesPerObservation +
                                              length * states * kHmmBytesPerCell);
  estimate.largest = "dataset.length";
  estimate.largestValue = length;
  return estimate;
}

// Per point: its coordinates (d doubles), the 2-D projection (floats), responsibilities and
// their log-space work (2 x K doubles), the snapshot's responsibilities (K floats).
MemoryEstimate estimateGmm(const lesson::Lesson& lesson) {
  const double k = number(lesson.settings, "k", 3);
  MemoryEstimate estimate;
  if (lesson.dataset.value("kind", std::string{}) == "csv") {
    // A value takes at least two characters ("1,"); each becomes a double and the work above.
    const double values = static_cast<double>(fileBytes(lesson)) / 2.0;
    estimate.bytes = static_cast<std::uint64_t>(values * (8.0 + 2 * 8 * k + 4 * k));
    estimate.largest = "dataset.path";
    estimate.largestValue = static_cast<double>(fileBytes(lesson));
    return estimate;
  }
  double dim = 2;
  if (lesson.dataset.contains("centers") && lesson.dataset["centers"].is_array() &&
      !lesson.dataset["centers"].empty() && lesson.dataset["centers"][0].is_array())
    dim = std::max<double>(2, static_cast<double>(lesson.dataset["centers"][0].size()));
  const double n = number(lesson.dataset, "n", 500);
  estimate.bytes = static_cast<std::uint64_t>(n * (8 * dim + 8 + 2 * 8 * k + 4 * k));
  estimate.largest = "dataset.n";
  estimate.largestValue = n;
  return estimate;
}

// Images a dataset spec holds, and pixels per image, for the image models: Fashion-MNIST
// (70,000) and the shapes (3 x 4 x 8 x 7 x 7 = 4,704) are 28 x 28, the digits (1,797) 8 x 8; an
// IDX file holds at most one image per 784 bytes of its pixels (10 per gzipped byte).
struct ImageCount {
  double images = 0;
  double pixels = 784;
};

ImageCount imageCount(const lesson::Lesson& lesson) {
  const json& spec = lesson.dataset;
  const std::string kind = spec.value("kind", std::string{});
  ImageCount count;
  if (kind == "fashion_mnist") {
    count.images = number(spec, "train", 60000) + number(spec, "test", 10000);
  } else if (kind == "digits") {
    count.images = 1797;
    count.pixels = 64;
  } else if (kind == "shapes") {
    count.images = 4704;
  } else if (kind == "idx") {
    // Gzipped pixels may expand by 10x; one byte each becomes a float.
    std::uint64_t bytes = 0;
    for (const char* key : {"train_images", "test_images"}) {
      lesson::Lesson one = lesson;
      one.dataset = json{{"path", spec.value(key, std::string{})}};
      bytes += fileBytes(one);
    }
    count.images = 10.0 * static_cast<double>(bytes) / count.pixels;
  }
  return count;
}

// One step's activations per training example: the floats each architecture's forward pass
// computes (counted below, layer by layer), times 4 bytes, times a factor calibrated on
// `genlab train --steps 2` at two batch sizes (the difference in peak resident memory over the
// difference in batch) and then raised by 25%, so the estimate errs on the side of refusing.
// What backward keeps differs by layer kind (ReLU saves a mask, batch norm its statistics, a
// linear layer its input), hence one factor per architecture. Measured per example
// (docs/MEMORY.md): VAE MLP 21.2 KB, VAE conv 98.8 KB, DCGAN 630 KB, MLP GAN 15.3 KB, 2-D GAN (2 x
// 128) 9.8 KB.
constexpr double kVaeMlpFactor = 1.7;
constexpr double kVaeConvFactor = 0.74;
constexpr double kDcganFactor = 0.88;
constexpr double kMlpGanFactor = 0.47;
constexpr double kGan2dFactor = 1.5;
// A parameter's value, gradient and Adam's two averages, as floats.
constexpr double kBytesPerParameter = 16;
// An image as the trainers keep it: float pixels.
constexpr double kBytesPerPixel = 4;

MemoryEstimate imageModelEstimate(const lesson::Lesson& lesson, double floatsPerExample,
                                  double factor, double parameters) {
  const ImageCount data = imageCount(lesson);
  const double batch = number(lesson.settings, "batch", 128);
  MemoryEstimate estimate;
  const double perBatch = floatsPerExample * 4 * factor;
  estimate.fixedBytes = static_cast<std::uint64_t>(data.images * data.pixels * kBytesPerPixel +
                                                   parameters * kBytesPerParameter);
  estimate.bytes = estimate.fixedBytes + static_cast<std::uint64_t>(batch * perBatch);
  estimate.largest = "settings.batch";
  estimate.largestValue = batch;
  return estimate;
}

// The VAE (vae_network.cpp): the MLP keeps input, logits and per-pixel loss (3 per pixel), two
// hidden layers before and after their activation, and the latent's mean, log-variance and
// sample; the conv net keeps each feature map before and after its activation (32 channels at
// half size = 8 per pixel, 64 at quarter size = 4 per pixel), on both sides.
MemoryEstimate estimateVae(const lesson::Lesson& lesson) {
  const double pixels = imageCount(lesson).pixels;
  const double hidden = number(lesson.settings, "hidden", 400);
  const double latent = number(lesson.settings, "latent", 2);
  const bool conv = lesson.settings.value("architecture", std::string{"mlp"}) == "conv";
  const double perExample =
      conv ? 52 * pixels + 2 * hidden + 3 * latent : 3 * pixels + 4 * hidden + 3 * latent;
  const double parameters =
      conv ? 2 * (16 * 32 + 16 * 32 * 64) + 2 * (4 * pixels + 2 * latent) * latent + 4 * pixels
           : 2 * pixels * hidden + 3 * hidden * latent + hidden + pixels;
  return imageModelEstimate(lesson, perExample, conv ? kVaeConvFactor : kVaeMlpFactor, parameters);
}

// The image GANs (gan_nets.cpp). Per example of a batch: G's maps (DCGAN: 256 x 4 x 4,
// 128 x 7 x 7, 64 x 14 x 14 through conv, batch norm and ReLU, three each; MLP: 256 and 512
// twice), and D run on the real and the fake halves and once more for G's step (3 x D's maps).
MemoryEstimate estimateImageGan(const lesson::Lesson& lesson) {
  const bool dcgan = lesson.settings.value("architecture", std::string{"dcgan"}) != "mlp";
  const double generator =
      dcgan ? 3 * (256 * 16 + 128 * 49 + 64 * 196) + 2 * 784 : 2 * (256 + 512) + 2 * 784;
  const double discriminator =
      dcgan ? 2 * 64 * 196 + 3 * (128 * 49 + 256 * 9) : 784 + 2 * (512 + 256) + 1;
  const double parameters =
      dcgan ? 4.0e6 : 100 * 256 + 256 * 512 + 512 * 784 + 784 * 512 + 512 * 256 + 256;
  return imageModelEstimate(lesson, generator + 3 * discriminator,
                            dcgan ? kDcganFactor : kMlpGanFactor, parameters);
}

// The 2-D GAN: width x depth hidden units per network, before and after the activation; D runs
// on real and fake and again for G's step.
MemoryEstimate estimateGan2d(const lesson::Lesson& lesson) {
  const double gUnits =
      number(lesson.settings, "g_width", 128) * number(lesson.settings, "g_depth", 2);
  const double dUnits =
      number(lesson.settings, "d_width", 128) * number(lesson.settings, "d_depth", 2);
  const double batch = number(lesson.settings, "batch", 256);
  const double widest =
      std::max(number(lesson.settings, "g_width", 128), number(lesson.settings, "d_width", 128));
  MemoryEstimate estimate;
  const double perExample = (2 * gUnits + 3 * 2 * dUnits) * 4 * kGan2dFactor;
  const double parameters = (gUnits + dUnits) * widest;
  estimate.fixedBytes = static_cast<std::uint64_t>(number(lesson.dataset, "n", 2000) * 16 +
                                                   parameters * kBytesPerParameter);
  estimate.bytes = estimate.fixedBytes + static_cast<std::uint64_t>(batch * perExample);
  estimate.largest = "settings.batch";
  estimate.largestValue = batch;
  return estimate;
}

std::string plain(double value) {
  std::ostringstream out;
  out.precision(value >= 1e15 ? 3 : 15);
  out << value;
  return out.str();
}

}  // namespace

double MemoryEstimate::valueThatFits(std::uint64_t available) const {
  if (bytes <= fixedBytes || largestValue <= 0) return largestValue;
  if (available <= fixedBytes) return 0;
  return std::floor(largestValue * static_cast<double>(available - fixedBytes) /
                    static_cast<double>(bytes - fixedBytes));
}

MemoryEstimate estimateTrainingMemory(const lesson::Lesson& lesson) {
  if (lesson.model == "hmm") return estimateHmm(lesson);
  if (lesson.model == "gmm") return estimateGmm(lesson);
  if (lesson.model == "vae") return estimateVae(lesson);
  if (lesson.model == "gan_image") return estimateImageGan(lesson);
  if (lesson.model == "gan2d") return estimateGan2d(lesson);
  return {};
}

void refuseIfTooLargeForMemory(const lesson::Lesson& lesson,
                               std::optional<std::uint64_t> available) {
  if (!available) return;
  const MemoryEstimate estimate = estimateTrainingMemory(lesson);
  if (estimate.bytes <= *available) return;
  std::string message = lesson.file.string() + ": ";
  if (estimate.largest == "dataset.path") {
    message += "the data file (dataset.path, " +
               train::formatBytes(static_cast<std::uint64_t>(estimate.largestValue)) +
               ") needs about " + train::formatBytes(estimate.bytes) +
               " of memory to train, but this machine has " + train::formatBytes(*available) +
               " available (MemAvailable): use a smaller file, or a sample of it";
  } else if (estimate.valueThatFits(*available) < 1) {
    message += "the data and the network need about " + train::formatBytes(estimate.fixedBytes) +
               " before any training step, but this machine has " + train::formatBytes(*available) +
               " available (MemAvailable): use fewer images (dataset.train, dataset.test) or a "
               "smaller network";
  } else {
    message += estimate.largest + " = " + plain(estimate.largestValue) + " needs about " +
               train::formatBytes(estimate.bytes) + " of memory to train, but this machine has " +
               train::formatBytes(*available) + " available (MemAvailable), " +
               train::formatBytes(estimate.bytes - *available) + " too much: lower " +
               estimate.largest + " to at most " +
               plain(std::max(1.0, estimate.valueThatFits(*available)));
  }
  throw ConfigError(message);
}

void refuseIfTooLargeForMemory(const lesson::Lesson& lesson) {
  refuseIfTooLargeForMemory(lesson, platform::availableMemoryBytes());
}

}  // namespace genlab::models
