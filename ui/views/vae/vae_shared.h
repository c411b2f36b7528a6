#pragma once
// What the VAE views share: the held-out images the person picked (the traversal's base and
// the interpolation's ends) and how the latent scatter is coloured and projected, plus the one
// way they change the model: a closure posted to the session, run on the trainer thread.

#include <cstdint>
#include <string>

#include "core/models/vae/vae_snapshot.h"
#include "core/models/vae/vae_trainer.h"
#include "core/train/session.h"

namespace genlab::views {

struct VaeSelection {
  int picked = 0;             // last held-out image clicked: traversal base, interpolation end B
  int previous = 1;           // the one before: interpolation end A
  std::uint64_t version = 0;  // bumped on every pick

  void pick(int index) {
    if (index == picked) return;
    previous = picked;
    picked = index;
    ++version;
  }
};

// How the latent scatter colours its points: by class, or by known factor `factor`.
struct VaeColoring {
  int factor = -1;  // -1: class labels (or plain when there are none)
};

// Which plane of the latent space the scatter shows.
struct VaeAxes {
  bool pca = false;   // principal plane of the encodings (latent > 2)
  bool tsne = false;  // t-SNE map of the encodings (latent > 2), computed in the background
  int dimX = -1;      // -1: the two dimensions with the largest KL
  int dimY = -1;
};

template <class Fn>
void postToVae(train::Session& session, Fn fn) {
  session.post([fn](train::Trainer& trainer) {
    if (auto* vae = dynamic_cast<vae::VaeTrainer*>(&trainer)) fn(*vae);
  });
}

}  // namespace genlab::views
