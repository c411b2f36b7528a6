#pragma once
// The word2vec trainer's random stream: SplitMix64 (Steele, Lea and Flood 2014). A word2vec
// epoch draws several numbers per word (window, subsampling, negatives), so the generator must
// cost a few instructions; genlab's Rng (mt19937_64) is reserved for the initial weights. Each
// training thread owns one, seeded from the run's seed, so a single-threaded run replays exactly.

#include <cstdint>

namespace genlab::word2vec {

class FastRandom {
 public:
  explicit FastRandom(std::uint64_t seed = 0) : m_state(seed) {}

  // The whole state: FastRandom(state()) continues the stream exactly (checkpoints).
  std::uint64_t state() const { return m_state; }

  std::uint64_t next() {
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, 1) with 24 random bits (exactly representable as a float).
  float uniform() { return static_cast<float>(next() >> 40) * 0x1.0p-24f; }

  // Uniform in [0, n) for small n by Lemire's multiply-shift (bias below n / 2^32, which is
  // immaterial for window sizes and a noise table of 2^31 slots).
  std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
  }

 private:
  std::uint64_t m_state;
};

}  // namespace genlab::word2vec
