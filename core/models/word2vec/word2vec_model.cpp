#include "core/models/word2vec/word2vec_model.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "core/models/word2vec/vector_kernels.h"
#include "core/text/subsampling.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::word2vec {
namespace {

// Beyond |u.h| = 6 the C tool and gensim treat sigma as exactly 0 or 1 in the gradient.
constexpr float kMaxExp = 6.0f;

std::uint64_t workerSeed(std::uint64_t seed, std::uint64_t epoch, std::uint64_t thread) {
  FastRandom mix(seed ^ 0x5851F42D4C957F2DULL);
  return mix.next() ^ (epoch * 0x9E3779B97F4A7C15ULL) ^ (thread * 0xD1B54A32D192ED03ULL);
}

// trainPredictions records every prediction of the schedule's last this many sentences.
constexpr std::size_t kRecordAllSentences = 64;

float sigmoid(float f) {
  return 1.0f / (1.0f + std::exp(-f));
}

}  // namespace

struct Word2Vec::Worker {
  explicit Worker(std::uint64_t seed, int dim)
      : rng(seed), neu1(static_cast<std::size_t>(dim)), neu1e(static_cast<std::size_t>(dim)) {}
  FastRandom rng;
  std::vector<std::int32_t> sentence;  // the current sentence after subsampling
  std::vector<float> neu1;             // CBOW: the window's mean input vector
  std::vector<float> neu1e;            // the gradient for h, accumulated over k + 1 words
  double loss = 0.0;
  std::int64_t pairs = 0;  // positive predictions made
  std::int64_t pairsCollected = 0;
  PairUpdate recorded;
  bool recordNext = false;  // record the next prediction whatever the cadence
  // Where runSentence stopped in `sentence` (see TrainingState).
  bool loaded = false;
  std::ptrdiff_t centre = 0, lo = 0, hi = 0, context = 0;
  bool windowDrawn = false;
  float alpha = 0.0f;
};

Word2Vec::Word2Vec(const Word2VecConfig& config, text::Vocabulary vocabulary,
                   text::EncodedCorpus corpus)
    : m_config(config),
      m_vocabulary(std::move(vocabulary)),
      m_corpus(std::move(corpus)),
      m_noise(m_vocabulary) {
  m_config.validate();
  if (m_vocabulary.size() < 2) {
    throw DataError("corpus: " + std::to_string(m_vocabulary.size()) +
                    " distinct word(s) occur at least min-count times; word2vec needs 2 or more");
  }
  const auto cells =
      static_cast<std::size_t>(m_vocabulary.size()) * static_cast<std::size_t>(m_config.dim);
  m_input.resize(cells);
  m_output.assign(cells, 0.0f);
  Rng rng(m_config.seed);
  const double scale = 1.0 / m_config.dim;
  for (float& x : m_input) x = static_cast<float>((rng.uniform() - 0.5) * scale);
  m_keep = text::keepProbabilities(m_vocabulary, m_config.sample);
  m_worker = std::make_unique<Worker>(workerSeed(m_config.seed, 0, 0), m_config.dim);
  m_words = std::make_shared<const std::vector<std::string>>(m_vocabulary.words());
  m_wordsTotal = m_corpus.words() * m_config.epochs;
}

Word2Vec::~Word2Vec() = default;

float Word2Vec::alphaAt(std::int64_t wordsDone) const {
  const double progress =
      m_wordsTotal > 0 ? static_cast<double>(wordsDone) / static_cast<double>(m_wordsTotal) : 1.0;
  return static_cast<float>(std::max(
      m_config.minAlpha, m_config.alpha - (m_config.alpha - m_config.minAlpha) * progress));
}

double Word2Vec::currentAlpha() const {
  return alphaAt(m_wordsDone);
}

double Word2Vec::meanLoss() const {
  if (m_epochPairs > 0) return m_epochLoss / static_cast<double>(m_epochPairs);
  if (m_lastEpochPairs > 0) return m_lastEpochLoss / static_cast<double>(m_lastEpochPairs);
  return 0.0;
}

float Word2Vec::negativeSampling(const float* h, int target, float alpha, Worker& worker,
                                 PairUpdate* details) {
  const int dim = m_config.dim;
  float* error = worker.neu1e.data();
  std::fill(worker.neu1e.begin(), worker.neu1e.end(), 0.0f);
  // loss = sum log1p(e) + sum over negatives of f; the logs are taken once, as the log of a
  // product in double (each factor is below e^24, so k + 1 <= 101 of them stay finite).
  double product = 1.0;
  float negativeDots = 0.0f;
  for (int d = 0; d <= m_config.negative; ++d) {
    int word = target;
    float label = 1.0f;
    if (d > 0) {
      word = m_noise.wordFor(worker.rng.next());
      if (word == target) continue;
      label = 0.0f;
    }
    float* u = m_output.data() + static_cast<std::size_t>(word) * static_cast<std::size_t>(dim);
    const float f = dot(h, u, dim);
    // sigma(f) = 1 / (1 + e), e = exp(-f); -log sigma(f) = log1p(e), -log(1 - sigma(f)) =
    // log1p(e) + f. f is clamped for e only, so a large |f| cannot overflow it.
    const float e = std::exp(-std::clamp(f, -4 * kMaxExp, 4 * kMaxExp));
    const float sigma = 1.0f / (1.0f + e);
    const float clamped = f > kMaxExp ? 1.0f : (f < -kMaxExp ? 0.0f : sigma);
    const float g = (label - clamped) * alpha;
    product *= 1.0 + static_cast<double>(e);
    if (d > 0) negativeDots += f;
    if (details) {
      details->outputBefore.insert(details->outputBefore.end(), u, u + dim);
      if (d == 0) {
        details->positiveBefore = sigma;
      } else {
        details->negatives.push_back(word);
        details->negativeBefore.push_back(sigma);
      }
    }
    axpy(g, u, error, dim);
    axpy(g, h, u, dim);
  }
  const auto loss = static_cast<float>(std::log(product)) + negativeDots;
  if (details) {
    details->target = target;
    details->alpha = alpha;
    details->loss = loss;
  }
  return loss;
}

void Word2Vec::loadSentence(std::size_t sentence, float alpha, Worker& worker) {
  worker.sentence.clear();
  for (std::size_t t = m_corpus.sentenceBegin(sentence); t < m_corpus.sentenceEnds[sentence]; ++t) {
    const std::int32_t word = m_corpus.ids[t];
    const float keep = m_keep[static_cast<std::size_t>(word)];
    if (keep < 1.0f && worker.rng.uniform() >= keep) continue;
    worker.sentence.push_back(word);
  }
  worker.loaded = true;
  worker.centre = 0;
  worker.windowDrawn = false;
  worker.alpha = alpha;
}

std::int64_t Word2Vec::runSentence(Worker& worker, std::int64_t budget) {
  const int dim = m_config.dim;
  const float alpha = worker.alpha;
  const auto row = [&](std::int32_t word) {
    return m_input.data() + static_cast<std::size_t>(word) * static_cast<std::size_t>(dim);
  };
  // A prediction is recorded on the cadence, or when asked for (trainPredictions' last one).
  const auto startRecord = [&]() -> PairUpdate* {
    const bool onCadence = ++worker.pairs % m_recordEvery == 0;
    if (!onCadence && !worker.recordNext) return nullptr;
    worker.recordNext = false;
    worker.recorded = PairUpdate{};
    worker.recorded.prediction = worker.pairs;
    return &worker.recorded;
  };
  const auto n = static_cast<std::ptrdiff_t>(worker.sentence.size());
  const auto* words = worker.sentence.data();
  // The cursor lives in locals while the loop runs and goes back to the worker when it stops.
  std::ptrdiff_t i = worker.centre, lo = worker.lo, hi = worker.hi, j = worker.context;
  bool drawn = worker.windowDrawn;
  std::int64_t made = 0;
  while (i < n) {
    if (!drawn) {
      const auto b = static_cast<std::ptrdiff_t>(
          1 + worker.rng.below(static_cast<std::uint32_t>(m_config.window)));
      lo = std::max<std::ptrdiff_t>(0, i - b);
      hi = std::min(n, i + b + 1);
      j = lo;
      drawn = true;
    }
    bool paused = false;
    if (m_config.architecture == Architecture::SkipGram) {
      for (; j < hi; ++j) {
        if (j == i) continue;
        if (made == budget) {
          paused = true;
          break;
        }
        PairUpdate* details = startRecord();
        float* h = row(words[j]);
        if (details) {
          details->inputs = {words[j]};
          details->inputBefore.assign(h, h + dim);
        }
        worker.loss += negativeSampling(h, words[i], alpha, worker, details);
        axpy(1.0f, worker.neu1e.data(), h, dim);
        if (details) recordAfter(h, *details);
        ++made;
      }
    } else if (hi - lo >= 2) {  // else no context word
      if (made == budget) {
        paused = true;
      } else {
        std::fill(worker.neu1.begin(), worker.neu1.end(), 0.0f);
        for (std::ptrdiff_t c = lo; c < hi; ++c) {
          if (c != i) axpy(1.0f, row(words[c]), worker.neu1.data(), dim);
        }
        const float inverse = 1.0f / static_cast<float>(hi - lo - 1);
        for (float& x : worker.neu1) x *= inverse;
        PairUpdate* details = startRecord();
        if (details) {
          for (std::ptrdiff_t c = lo; c < hi; ++c) {
            if (c != i) details->inputs.push_back(words[c]);
          }
          details->inputBefore = worker.neu1;
        }
        worker.loss += negativeSampling(worker.neu1.data(), words[i], alpha, worker, details);
        for (std::ptrdiff_t c = lo; c < hi; ++c) {
          if (c != i) axpy(1.0f, worker.neu1e.data(), row(words[c]), dim);
        }
        if (details) {
          std::fill(worker.neu1.begin(), worker.neu1.end(), 0.0f);
          for (const int word : details->inputs) axpy(inverse, row(word), worker.neu1.data(), dim);
          recordAfter(worker.neu1.data(), *details);
        }
        ++made;
      }
    }
    if (paused) {
      worker.centre = i;
      worker.lo = lo;
      worker.hi = hi;
      worker.context = j;
      worker.windowDrawn = true;
      return made;
    }
    ++i;
    drawn = false;
  }
  worker.loaded = false;
  return made;
}

void Word2Vec::trainSentence(std::size_t sentence, float alpha, Worker& worker) {
  loadSentence(sentence, alpha, worker);
  runSentence(worker, INT64_MAX);
}

void Word2Vec::recordAfter(const float* h, PairUpdate& details) const {
  const int dim = m_config.dim;
  const auto output = [&](int word) {
    return m_output.data() + static_cast<std::size_t>(word) * static_cast<std::size_t>(dim);
  };
  details.positiveAfter = sigmoid(dot(h, output(details.target), dim));
  details.negativeAfter.clear();
  for (const int word : details.negatives) {
    details.negativeAfter.push_back(sigmoid(dot(h, output(word), dim)));
  }
  details.inputAfter.assign(h, h + dim);
  details.outputAfter.clear();
  details.outputAfter.insert(details.outputAfter.end(), output(details.target),
                             output(details.target) + dim);
  for (const int word : details.negatives) {
    details.outputAfter.insert(details.outputAfter.end(), output(word), output(word) + dim);
  }
}

void Word2Vec::finishEpochIfDone() {
  if (m_sentence < m_corpus.sentences()) return;
  m_lastEpochLoss = m_epochLoss;
  m_lastEpochPairs = m_epochPairs;
  m_epochLoss = 0.0;
  m_epochPairs = 0;
  m_sentence = 0;
  ++m_epoch;
}

void Word2Vec::collect(Worker& worker) {
  m_epochLoss += worker.loss;
  m_epochPairs += worker.pairs - worker.pairsCollected;
  m_totalLoss += worker.loss;
  m_totalPairs += worker.pairs - worker.pairsCollected;
  worker.pairsCollected = worker.pairs;
  worker.loss = 0.0;
  if (!worker.recorded.inputs.empty()) {
    m_lastUpdate = std::move(worker.recorded);
    worker.recorded = PairUpdate{};
  }
}

std::int64_t Word2Vec::advance(std::int64_t budget) {
  Worker& worker = *m_worker;
  const std::size_t s = m_sentence;
  if (!worker.loaded) loadSentence(s, alphaAt(m_wordsDone), worker);
  const std::int64_t made = runSentence(worker, budget);
  if (!worker.loaded) {
    m_wordsDone += static_cast<std::int64_t>(m_corpus.sentenceEnds[s] - m_corpus.sentenceBegin(s));
    ++m_sentence;
  }
  collect(worker);
  if (!worker.loaded) finishEpochIfDone();
  return made;
}

std::int64_t Word2Vec::trainWords(std::int64_t maxWords) {
  std::int64_t done = 0;
  while (!finished() && done < maxWords) {
    const std::size_t s = m_sentence;
    advance(INT64_MAX);
    done += static_cast<std::int64_t>(m_corpus.sentenceEnds[s] - m_corpus.sentenceBegin(s));
  }
  return done;
}

std::int64_t Word2Vec::trainPredictions(std::int64_t maxPredictions) {
  std::int64_t made = 0;
  while (!finished() && made < maxPredictions) {
    const std::int64_t left = maxPredictions - made;
    // The last prediction alone, so it is recorded; near the end of the schedule, where the
    // call may end first (and sentences may be left without a prediction by subsampling), each
    // one.
    const bool nearEnd =
        m_epoch == m_config.epochs - 1 && m_sentence + kRecordAllSentences >= m_corpus.sentences();
    if (left == 1 || nearEnd) m_worker->recordNext = true;
    made += advance(left == 1 || nearEnd ? 1 : left - 1);
  }
  m_worker->recordNext = false;
  return made;
}

void Word2Vec::trainEpoch() {
  if (finished()) return;
  const std::size_t sentences = m_corpus.sentences();
  const auto threads = static_cast<std::size_t>(
      std::min<std::size_t>(static_cast<std::size_t>(m_config.threads), sentences));
  if (threads <= 1 || m_sentence != 0 || m_worker->loaded) {
    const std::int64_t left =
        m_corpus.words() - static_cast<std::int64_t>(m_corpus.sentenceBegin(m_sentence));
    trainWords(std::max<std::int64_t>(left, 1));
    return;
  }
  // Contiguous ranges of sentences with about the same number of words each.
  std::vector<std::size_t> bounds{0};
  for (std::size_t t = 1; t < threads; ++t) {
    const auto goal = static_cast<std::size_t>(m_corpus.words()) * t / threads;
    const auto it =
        std::lower_bound(m_corpus.sentenceEnds.begin(), m_corpus.sentenceEnds.end(), goal);
    bounds.push_back(
        std::max(bounds.back(), static_cast<std::size_t>(it - m_corpus.sentenceEnds.begin())));
  }
  bounds.push_back(sentences);

  std::vector<std::unique_ptr<Worker>> workers;
  for (std::size_t t = 0; t < threads; ++t) {
    workers.push_back(std::make_unique<Worker>(
        workerSeed(m_config.seed, static_cast<std::uint64_t>(m_epoch) + 1, t), m_config.dim));
  }
  // Hogwild: the threads read and write the shared matrices without locks (as the C tool and
  // gensim do); a collision costs one slightly stale update, not correctness of the method.
  std::atomic<std::int64_t> wordsDone{m_wordsDone};
  {
    std::vector<std::jthread> pool;
    for (std::size_t t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        for (std::size_t s = bounds[t]; s < bounds[t + 1]; ++s) {
          const auto length =
              static_cast<std::int64_t>(m_corpus.sentenceEnds[s] - m_corpus.sentenceBegin(s));
          trainSentence(s, alphaAt(wordsDone.load(std::memory_order_relaxed)), *workers[t]);
          wordsDone.fetch_add(length, std::memory_order_relaxed);
        }
      });
    }
  }
  m_wordsDone += m_corpus.words();
  for (auto& worker : workers) collect(*worker);
  m_sentence = sentences;
  finishEpochIfDone();
}

PairUpdate Word2Vec::trainPair(int centre, int context, float alpha) {
  PairUpdate details;
  details.inputs = {context};
  float* h =
      m_input.data() + static_cast<std::size_t>(context) * static_cast<std::size_t>(m_config.dim);
  details.inputBefore.assign(h, h + m_config.dim);
  negativeSampling(h, centre, alpha, *m_worker, &details);
  axpy(1.0f, m_worker->neu1e.data(), h, m_config.dim);
  recordAfter(h, details);
  m_lastUpdate = details;
  return details;
}

Word2VecSnapshot Word2Vec::snapshot() const {
  Word2VecSnapshot snapshot;
  snapshot.words = m_words;
  snapshot.dim = m_config.dim;
  snapshot.vectors = m_input;
  snapshot.lastUpdate = m_lastUpdate;
  snapshot.epoch = m_epoch;
  snapshot.wordsDone = m_wordsDone;
  snapshot.wordsTotal = m_wordsTotal;
  snapshot.alpha = currentAlpha();
  snapshot.meanLoss = meanLoss();
  return snapshot;
}

void Word2Vec::setTrainingSettings(const Word2VecConfig& updated) {
  updated.validate();
  const Word2VecConfig& c = m_config;
  if (updated.architecture != c.architecture || updated.dim != c.dim ||
      updated.minCount != c.minCount || updated.epochs != c.epochs ||
      updated.threads != c.threads || updated.seed != c.seed) {
    throw ConfigError(
        "only alpha, min_alpha, negative, window and sample change during training; the others "
        "need a new run");
  }
  if (updated.sample != c.sample) m_keep = text::keepProbabilities(m_vocabulary, updated.sample);
  m_config = updated;
}

TrainingState Word2Vec::trainingState() const {
  const Worker& w = *m_worker;
  TrainingState state;
  state.epoch = m_epoch;
  state.sentence = static_cast<std::int64_t>(m_sentence);
  state.wordsDone = m_wordsDone;
  state.epochLoss = m_epochLoss + w.loss;  // collect() leaves the worker's loss at 0
  state.lastEpochLoss = m_lastEpochLoss;
  state.epochPairs = m_epochPairs + (w.pairs - w.pairsCollected);
  state.lastEpochPairs = m_lastEpochPairs;
  state.totalLoss = m_totalLoss + w.loss;
  state.totalPredictions = m_totalPairs + (w.pairs - w.pairsCollected);
  state.random = w.rng.state();
  state.predictions = w.pairs;
  state.loaded = w.loaded;
  if (w.loaded) {
    state.words = w.sentence;
    state.centre = w.centre;
    state.lo = w.lo;
    state.hi = w.hi;
    state.context = w.context;
    state.windowDrawn = w.windowDrawn;
    state.alpha = w.alpha;
  }
  state.lastUpdate = m_lastUpdate;
  return state;
}

void Word2Vec::restore(const TrainingState& state, std::vector<float> input,
                       std::vector<float> output) {
  const std::size_t cells = m_input.size();
  if (input.size() != cells || output.size() != cells) {
    throw DataError("vectors: " + std::to_string(input.size()) + " and " +
                    std::to_string(output.size()) + " values, the model has " +
                    std::to_string(cells) + " (" + std::to_string(m_vocabulary.size()) +
                    " words x " + std::to_string(m_config.dim) + ")");
  }
  const auto sentences = static_cast<std::int64_t>(m_corpus.sentences());
  if (state.sentence < 0 || state.sentence > sentences || state.epoch < 0 || state.wordsDone < 0 ||
      state.wordsDone > m_wordsTotal || state.predictions < 0) {
    throw DataError("position: epoch " + std::to_string(state.epoch) + ", sentence " +
                    std::to_string(state.sentence) + " of " + std::to_string(sentences) +
                    ", words " + std::to_string(state.wordsDone) + " of " +
                    std::to_string(m_wordsTotal) + " does not fit this corpus");
  }
  const auto n = static_cast<std::int64_t>(state.words.size());
  const auto vocabulary = static_cast<std::int32_t>(m_vocabulary.size());
  if (state.loaded) {
    const bool wordsFit = std::all_of(state.words.begin(), state.words.end(),
                                      [&](std::int32_t w) { return w >= 0 && w < vocabulary; });
    if (!wordsFit || state.sentence >= sentences || state.centre < 0 || state.centre > n ||
        state.lo < 0 || state.hi > n || state.lo > state.hi || state.context < state.lo ||
        state.context > state.hi) {
      throw DataError("cursor: a sentence position that does not fit this corpus");
    }
  }
  m_input = std::move(input);
  m_output = std::move(output);
  m_epoch = state.epoch;
  m_sentence = static_cast<std::size_t>(state.sentence);
  m_wordsDone = state.wordsDone;
  m_epochLoss = state.epochLoss;
  m_lastEpochLoss = state.lastEpochLoss;
  m_epochPairs = state.epochPairs;
  m_lastEpochPairs = state.lastEpochPairs;
  m_totalLoss = state.totalLoss;
  m_totalPairs = state.totalPredictions;
  Worker& w = *m_worker;
  w.rng = FastRandom(state.random);
  w.pairs = state.predictions;
  w.pairsCollected = state.predictions;
  w.loss = 0.0;
  w.recorded = PairUpdate{};
  w.recordNext = false;
  w.loaded = state.loaded;
  w.sentence = state.words;
  w.centre = static_cast<std::ptrdiff_t>(state.centre);
  w.lo = static_cast<std::ptrdiff_t>(state.lo);
  w.hi = static_cast<std::ptrdiff_t>(state.hi);
  w.context = static_cast<std::ptrdiff_t>(state.context);
  w.windowDrawn = state.windowDrawn;
  w.alpha = state.alpha;
  m_lastUpdate = state.lastUpdate;
}

}  // namespace genlab::word2vec
