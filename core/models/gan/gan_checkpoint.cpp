#include "core/models/gan/gan_checkpoint.h"

#include <limits>
#include <string>

#include "core/models/gan/gan_nets.h"
#include "core/util/errors.h"

namespace genlab::gan {

void writeGanState(genlab::nn::CheckpointWriter& out, const GanSettings& settings,
                   const at::Generator& rng, const torch::nn::Module& g, const torch::nn::Module& d,
                   const torch::optim::Optimizer& optG, const torch::optim::Optimizer& optD,
                   const GanCounters& counters) {
  out.json("settings", settings.toJson());
  out.module("generator", g);
  out.module("discriminator", d);
  out.optimizer("optimizer_g", optG);
  out.optimizer("optimizer_d", optD);
  out.generator("rng", rng);
  // Seeds are unsigned 64-bit; the archive's integers are signed: stored as the same bits.
  out.integer("seed", static_cast<std::int64_t>(counters.seed));
  out.integer("rebuilds", static_cast<std::int64_t>(counters.rebuilds));
  out.integer("step", counters.steps);
  out.integer("d_updates", counters.dUpdates);
  out.integer("g_updates", counters.gUpdates);
  out.real("loss_d", counters.lossD);
  out.real("loss_g", counters.lossG);
}

GanNetworks readGanNetworks(genlab::nn::CheckpointReader& in, GanFlavour flavour,
                            const std::function<torch::nn::Sequential(const GanSettings&)>& makeG,
                            const std::function<torch::nn::Sequential(const GanSettings&)>& makeD) {
  GanNetworks out;
  try {
    out.settings = GanSettings::fromJson(in.json("settings"), GanSettings::defaults(flavour));
  } catch (const ConfigError& error) {
    in.fail(std::string("its ") + error.what());
  }
  out.g = makeG(out.settings);
  out.d = makeD(out.settings);
  in.module("generator", *out.g);
  in.module("discriminator", *out.d);
  // The optimisers' kind comes from the settings; a state of another kind does not load.
  out.optG = makeOptimizer(out.settings, out.g->parameters(), out.settings.lrG);
  out.optD = makeOptimizer(out.settings, out.d->parameters(), out.settings.lrD);
  in.optimizer("optimizer_g", *out.optG);
  in.optimizer("optimizer_d", *out.optD);
  out.rng = in.generator("rng");
  return out;
}

GanCounters readGanCounters(genlab::nn::CheckpointReader& in) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  GanCounters out;
  out.seed = static_cast<std::uint64_t>(in.integer("seed"));
  out.rebuilds = static_cast<std::uint64_t>(in.integer("rebuilds", 0, kMax));
  out.steps = in.integer("step", 0, kMax);
  out.dUpdates = in.integer("d_updates", 0, kMax);
  out.gUpdates = in.integer("g_updates", 0, kMax);
  out.lossD = in.real("loss_d");
  out.lossG = in.real("loss_g");
  return out;
}

}  // namespace genlab::gan
