#pragma once
// genlab's LibTorch checkpoints: one torch archive (the zip torch::serialize writes) of named
// entries. Networks and optimisers are sub-archives (Module::save, Optimizer::save); random
// generators, data orders and cached noise are tensors; counters, losses and settings are
// numbers and text. Every checkpoint names its model ("model": Trainer::modelName()) and the
// layout's version ("format"), so a reader refuses another model's file by name.
//
// The reader turns every failure (not a torch archive, an entry missing or of the wrong type,
// a network or optimiser state whose shapes do not fit) into a DataError whose message starts
// with the file's path and says what is wrong; no c10::Error escapes it. It only reads: what it
// loads goes into objects the caller built for the purpose, so a trainer can load everything
// into temporaries and change itself only once the whole file has been read.

#include <ATen/core/Generator.h>
#include <torch/torch.h>

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/util/rng.h"

namespace genlab::nn {

// The checkpoint layout written by this version of genlab.
inline constexpr std::int64_t kCheckpointFormat = 1;

class CheckpointWriter {
 public:
  // `model` is what Trainer::modelName() returns; it and kCheckpointFormat are written first.
  explicit CheckpointWriter(const std::string& model);

  void integer(const std::string& key, std::int64_t value);
  void real(const std::string& key, double value);  // exact: stored as a binary double
  void flag(const std::string& key, bool value);
  void text(const std::string& key, const std::string& value);
  void json(const std::string& key, const nlohmann::json& value);
  // A tensor is stored as a buffer (no gradient), whatever its type.
  void tensor(const std::string& key, const torch::Tensor& value);
  void floats(const std::string& key, const std::vector<float>& values);  // 1-D float tensor
  // The whole state of a CPU generator (engine and cached normal samples).
  void generator(const std::string& key, const at::Generator& generator);
  void rng(const std::string& key, const Rng& rng);                      // Rng::state()
  void module(const std::string& key, const torch::nn::Module& module);  // parameters, buffers
  void optimizer(const std::string& key, const torch::optim::Optimizer& optimizer);

  // Writes the archive to `file`. Throws DataError naming the file when it cannot.
  void save(const std::filesystem::path& file);

 private:
  torch::serialize::OutputArchive m_archive;
};

class CheckpointReader {
 public:
  // Opens `file`. Throws DataError "<where>: ..." when it does not exist or is not a torch
  // archive. `where` prefixes every message; by default the file's path.
  explicit CheckpointReader(const std::filesystem::path& file, std::string where = {});

  // Throws unless the file is a genlab checkpoint of `model` in a format this version reads.
  void requireModel(const std::string& model);
  // The checkpoint's "model" entry, or "" when it has none (written before entries were named).
  std::string model();

  bool has(const std::string& key);
  std::int64_t integer(const std::string& key);
  // An integer in [lo, hi]; the message names the entry otherwise.
  std::int64_t integer(const std::string& key, std::int64_t lo, std::int64_t hi);
  double real(const std::string& key);
  bool flag(const std::string& key);
  std::string text(const std::string& key);
  nlohmann::json json(const std::string& key);
  // A tensor of type `type`, contiguous; with `sizes`, also of exactly that shape.
  torch::Tensor tensor(const std::string& key, torch::ScalarType type);
  torch::Tensor tensor(const std::string& key, torch::ScalarType type,
                       std::vector<std::int64_t> sizes);
  // A 1-D float tensor of `count` elements as a vector (count < 0: any length).
  std::vector<float> floats(const std::string& key, std::int64_t count = -1);
  at::Generator generator(const std::string& key);  // a new CPU generator in the saved state
  Rng rng(const std::string& key);
  // Loads parameters and buffers into `module`, which must have been built with the shapes
  // the checkpoint's were: a tensor missing, or of another shape or type, is an error naming
  // it (torch's own loading would silently take the saved shape).
  void module(const std::string& key, torch::nn::Module& module);
  // Loads an optimiser's state and options into `optimizer`, built over the parameters the
  // state belongs to and of the same kind; checks that each running average has its
  // parameter's shape (a fused update would otherwise read and write past its end).
  void optimizer(const std::string& key, torch::optim::Optimizer& optimizer);

  // Throws DataError "<where>: <what>".
  [[noreturn]] void fail(const std::string& what) const;
  const std::string& where() const { return m_where; }

 private:
  c10::IValue value(const std::string& key);
  torch::serialize::InputArchive archive(const std::string& key);

  std::string m_where;
  torch::serialize::InputArchive m_archive;
};

// "[2, 32]": a shape as messages show it.
std::string shapeText(c10::IntArrayRef sizes);

}  // namespace genlab::nn
