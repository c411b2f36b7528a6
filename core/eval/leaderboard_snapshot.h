#pragma once
// What the leaderboard views draw, frozen after a model was scored: immutable once published,
// self-contained.

#include <string>
#include <utility>
#include <vector>

#include "core/eval/likelihood_leaderboard.h"
#include "core/train/trainer.h"

namespace genlab::eval {

struct LeaderboardSnapshot final : train::Snapshot {
  std::string data;  // what the images are (the dataset spec, binarisation included)
  int trainImages = 0;
  int testImages = 0;
  int height = 0;
  int width = 0;
  std::vector<std::string> models;        // every model of the board, in scoring order
  std::size_t scored = 0;                 // models[0, scored) are done; models[scored] is next
  std::vector<LeaderboardEntry> entries;  // sorted by nats, best first
  std::vector<std::pair<std::string, std::string>> skipped;  // model, why

  int pixels() const { return height * width; }
  bool complete() const { return scored >= models.size(); }
  // The model the next step scores, or "" when the board is complete.
  std::string next() const { return complete() ? std::string() : models[scored]; }
  double bitsPerPixel(double nats) const;

  std::size_t bytes() const override;
};

}  // namespace genlab::eval
