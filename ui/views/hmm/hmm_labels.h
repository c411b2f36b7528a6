#pragma once
// Names for what the HMM views show: states, symbols, and the true path in the model's own
// state numbering.
//
// Baum-Welch from a random start learns the states in an arbitrary order: its state 0 may be
// the data's "Loaded". Drawing the true path by its raw ids would then look wrong everywhere
// while the model is right up to a relabelling. So when the true path is known, each learned
// state is matched to the true state it agrees with most (a permutation chosen to maximise the
// agreement of the Viterbi path with the truth), and names and the true path follow it.

#include <string>
#include <vector>

#include "core/models/hmm/hmm_trainer.h"
#include "ui/theme.h"

namespace genlab::views::hmmui {

// match[learned] = true state, a permutation of 0..K-1 maximising the number of t with
// truth[t] == match[decoded[t]]. Exhaustive for K <= 7, greedy on the confusion counts above.
// Entries of either path outside [0, K) are ignored.
std::vector<int> alignStates(const std::vector<int>& decoded, const std::vector<int>& truth, int K);

struct HmmLabels {
  std::vector<std::string> states;  // K display names of the model's states
  // K palette indices: a state takes the colour of the true state it matches, so "Loaded" keeps
  // its colour whichever order Baum-Welch learned the states in.
  std::vector<int> colors;
  std::vector<std::string> symbols;  // M names of discrete symbols (ids as text when unnamed)
  std::vector<int> truth;            // the true path in model state ids; empty when unknown
  int errors = 0;                    // t where the Viterbi path differs from `truth`
};

// `stateNames` and `alphabet` as given by the lesson (either may be empty).
// The colour of model state k under `labels` (palette order when labels has none).
inline const ui::Color& stateColor(const HmmLabels& labels, const ui::Palette& palette, int k) {
  const auto i = static_cast<std::size_t>(k);
  return palette.seriesColor(i < labels.colors.size() ? labels.colors[i] : k);
}

// The trellis row of model state k: rows follow the matched true states too, so a picture
// looks the same whichever order the states were learned in.
inline int displayRow(const HmmLabels& labels, int k) {
  const auto i = static_cast<std::size_t>(k);
  return i < labels.colors.size() ? labels.colors[i] : k;
}

HmmLabels makeLabels(const hmm::HmmSnapshot& snapshot, const std::vector<std::string>& stateNames,
                     const std::vector<std::string>& alphabet);

}  // namespace genlab::views::hmmui
