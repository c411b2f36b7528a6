#pragma once
// What both GAN trainers' checkpoints hold (written through core/nn/torch_checkpoint.h): the
// settings in force, both networks (parameters and batch-norm buffers), both optimisers' state
// of whichever kind the settings chose, the one torch generator every update draws from
// (minibatch indices, noise, WGAN-GP's mixing weights), and the counters. Each trainer adds
// what is its own. Internal to core/models/gan, like gan_nets.h.

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <memory>

#include "core/models/gan/gan_settings.h"
#include "core/nn/torch_checkpoint.h"

namespace genlab::gan {

// The counters and last losses of a GAN trainer, and the seeds its rebuilds draw from.
struct GanCounters {
  std::uint64_t seed = 0;      // the session seed: rebuilt networks draw from seed + stream * n
  std::uint64_t rebuilds = 0;  // networks built after the first (setParam of a size)
  std::int64_t steps = 0;
  std::int64_t dUpdates = 0;
  std::int64_t gUpdates = 0;
  double lossD = 0.0;
  double lossG = 0.0;
};

// The networks, optimisers and generator of a GAN trainer, as loaded from a checkpoint.
struct GanNetworks {
  GanSettings settings;
  at::Generator rng;
  torch::nn::Sequential g{nullptr};
  torch::nn::Sequential d{nullptr};
  std::unique_ptr<torch::optim::Optimizer> optG;
  std::unique_ptr<torch::optim::Optimizer> optD;
};

void writeGanState(genlab::nn::CheckpointWriter& out, const GanSettings& settings,
                   const at::Generator& rng, const torch::nn::Module& g, const torch::nn::Module& d,
                   const torch::optim::Optimizer& optG, const torch::optim::Optimizer& optD,
                   const GanCounters& counters);

// Reads the settings (of `flavour`; others are a DataError), builds the networks they describe
// with `makeG` and `makeD`, and loads them, their optimisers and the generator into new
// objects: the trainer is not touched.
GanNetworks readGanNetworks(genlab::nn::CheckpointReader& in, GanFlavour flavour,
                            const std::function<torch::nn::Sequential(const GanSettings&)>& makeG,
                            const std::function<torch::nn::Sequential(const GanSettings&)>& makeD);
GanCounters readGanCounters(genlab::nn::CheckpointReader& in);

}  // namespace genlab::gan
