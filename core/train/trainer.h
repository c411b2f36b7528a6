#pragma once
// The contract between a model and a training session. A Trainer is created on the caller's
// thread, then owned and used by exactly one session thread: none of its methods need to be
// thread safe. What crosses threads is the Snapshot it returns, which must be immutable and
// self-contained (no pointers back into the trainer).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

namespace genlab::train {

// Render-ready state at one moment of training. Views downcast to the model's own type.
struct Snapshot {
  virtual ~Snapshot() = default;
  // Heap and object bytes this snapshot keeps alive that change along training: its own members
  // and the per-moment parts it may share with a few neighbours (a GAN's visuals, a VAE's
  // encodings), but not what every snapshot of the run shares (the observations, the dataset,
  // held-out images). Memory budgets (SnapshotHistory) add these up, so an overestimate is safe
  // and an underestimate is not.
  virtual std::size_t bytes() const { return sizeof(Snapshot); }
  std::int64_t step = 0;  // training steps completed when the snapshot was taken
};
using SnapshotPtr = std::shared_ptr<const Snapshot>;

struct StepOutcome {
  bool converged = false;  // the model has met its own stopping rule; sessions pause on it
  std::vector<std::string> messages;  // for the person watching: "component 3 re-seeded at ..."
};

class Trainer {
 public:
  virtual ~Trainer() = default;

  virtual std::string modelName() const = 0;

  // Column names of the metrics one step logs; fixed for the trainer's lifetime.
  virtual std::vector<std::string> metricNames() const = 0;

  // One unit of training (one EM or Baum-Welch iteration, one minibatch). Writes one value per
  // metric name into `metrics`. Long steps poll `stop` and return early when it is requested;
  // a step cut short leaves stepsDone() unchanged and its metrics unset.
  // Throws NonFiniteError (core/util/non_finite.h) naming the quantity and the step when a loss,
  // gradient, parameter or log-likelihood is NaN or infinite, and NumericError for another
  // numeric failure; either way the update that failed is not applied, so the trainer still
  // holds its last good step and training can go on from it (after a settings change). A step
  // made of several updates (a GAN's discriminator, then generator) keeps those before the one
  // that failed.
  virtual StepOutcome step(std::span<double> metrics, std::stop_token stop) = 0;

  virtual SnapshotPtr snapshot() const = 0;

  // Work that only the first pictures need and that may take long (a held-out evaluation, a
  // grid of samples). A Session calls it once, on its own thread, before anything else, and
  // publishes a snapshot after it, so that opening a lesson does not wait for it on the thread
  // that opens it. Until it has run, snapshot() may lack those pictures; step() does not depend
  // on it. Whoever drives a trainer without a session calls it where they need the pictures.
  virtual void prepare() {}

  // Changes a hyperparameter; takes effect at the next step. Throws ConfigError naming the key.
  virtual void setParam(const std::string& key, const nlohmann::json& value) = 0;

  // Current settings, in the lesson's "settings" format (round-trips through setParam).
  virtual nlohmann::json settings() const = 0;

  // Writes everything needed to resume into `file`: parameters, optimiser state, every random
  // generator's state, the data order, settings and the step count. Callers write to a
  // temporary name and rename, so a checkpoint on disk is always whole.
  virtual void saveCheckpoint(const std::filesystem::path& file) const = 0;

  // Restores what saveCheckpoint wrote into a trainer built from the same lesson and seed, so
  // that steps taken after loading equal, bit for bit, the steps an uninterrupted trainer would
  // have taken at the same thread count, and snapshot() describes the loaded state. Throws
  // DataError naming `file` and what is wrong (not a checkpoint of this model, a shape that
  // does not fit the data); on a throw the trainer is as it was before the call.
  virtual void loadCheckpoint(const std::filesystem::path& file) = 0;

  // The file name extension of this trainer's checkpoints, with the dot: ".json" for the Eigen
  // models' JSON, ".pt" for LibTorch archives. Run folders name checkpoints by what they hold.
  virtual std::string checkpointExtension() const = 0;

  virtual std::int64_t stepsDone() const = 0;
};

}  // namespace genlab::train
