#include "ui/views/hmm/hmm_labels.h"

#include <algorithm>
#include <numeric>

namespace genlab::views::hmmui {

std::vector<int> alignStates(const std::vector<int>& decoded, const std::vector<int>& truth,
                             int K) {
  std::vector<int> match(static_cast<std::size_t>(std::max(K, 0)));
  std::iota(match.begin(), match.end(), 0);
  if (K <= 1) return match;
  // counts[learned * K + true]
  std::vector<long> counts(static_cast<std::size_t>(K * K), 0);
  const std::size_t T = std::min(decoded.size(), truth.size());
  for (std::size_t t = 0; t < T; ++t) {
    const int a = decoded[t], b = truth[t];
    if (a >= 0 && a < K && b >= 0 && b < K) ++counts[static_cast<std::size_t>(a * K + b)];
  }
  auto agreement = [&](const std::vector<int>& m) {
    long sum = 0;
    for (int a = 0; a < K; ++a)
      sum += counts[static_cast<std::size_t>(a * K + m[static_cast<std::size_t>(a)])];
    return sum;
  };
  if (K <= 7) {
    // At most 5040 permutations of K sums: cheap, and optimal. The identity is tried first and
    // kept on ties, so a model that is already in the data's order is never relabelled.
    std::vector<int> perm = match;
    long best = agreement(perm);
    while (std::next_permutation(perm.begin(), perm.end())) {
      const long a = agreement(perm);
      if (a > best) {
        best = a;
        match = perm;
      }
    }
    return match;
  }
  // Greedy: repeatedly take the largest remaining count.
  std::vector<bool> usedA(static_cast<std::size_t>(K), false),
      usedB(static_cast<std::size_t>(K), false);
  for (int round = 0; round < K; ++round) {
    long best = -1;
    int ba = 0, bb = 0;
    for (int a = 0; a < K; ++a)
      for (int b = 0; b < K; ++b)
        if (!usedA[static_cast<std::size_t>(a)] && !usedB[static_cast<std::size_t>(b)] &&
            counts[static_cast<std::size_t>(a * K + b)] > best) {
          best = counts[static_cast<std::size_t>(a * K + b)];
          ba = a;
          bb = b;
        }
    usedA[static_cast<std::size_t>(ba)] = usedB[static_cast<std::size_t>(bb)] = true;
    match[static_cast<std::size_t>(ba)] = bb;
  }
  return match;
}

HmmLabels makeLabels(const hmm::HmmSnapshot& snapshot, const std::vector<std::string>& stateNames,
                     const std::vector<std::string>& alphabet) {
  const int K = static_cast<int>(snapshot.model.states());
  HmmLabels labels;
  std::vector<int> match(static_cast<std::size_t>(K));
  std::iota(match.begin(), match.end(), 0);
  if (!snapshot.truePath().empty()) {
    match = alignStates(snapshot.viterbiPath, snapshot.truePath(), K);
    std::vector<int> inverse(static_cast<std::size_t>(K), 0);
    for (int a = 0; a < K; ++a)
      inverse[static_cast<std::size_t>(match[static_cast<std::size_t>(a)])] = a;
    labels.truth.reserve(snapshot.truePath().size());
    for (std::size_t t = 0; t < snapshot.truePath().size(); ++t) {
      const int b = snapshot.truePath()[t];
      labels.truth.push_back(b >= 0 && b < K ? inverse[static_cast<std::size_t>(b)] : -1);
      if (t < snapshot.viterbiPath.size() && snapshot.viterbiPath[t] != labels.truth.back())
        ++labels.errors;
    }
  }
  for (int a = 0; a < K; ++a) {
    const auto named = static_cast<std::size_t>(match[static_cast<std::size_t>(a)]);
    labels.colors.push_back(static_cast<int>(named));
    labels.states.push_back(static_cast<int>(stateNames.size()) == K
                                ? stateNames[named]
                                : "state " + std::to_string(a + 1));
  }
  if (snapshot.model.isDiscrete()) {
    const auto M = static_cast<std::size_t>(snapshot.model.symbols());
    const std::vector<std::string>& names =
        !snapshot.model.alphabet.empty() ? snapshot.model.alphabet : alphabet;
    for (std::size_t m = 0; m < M; ++m)
      labels.symbols.push_back(names.size() == M ? names[m] : std::to_string(m));
  }
  return labels;
}

}  // namespace genlab::views::hmmui
