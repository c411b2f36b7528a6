#pragma once
// word2vec with negative sampling (Mikolov et al. 2013), skip-gram or CBOW, trained as the C
// tool and gensim 4 train it:
//   - words below min-count are removed, then frequent words are subsampled (each occurrence
//     kept with core/text/subsampling.h's probability) before windows are taken;
//   - each position draws its window b uniformly in 1..window (the C tool's "reduced window");
//   - skip-gram: each context word's input vector predicts the centre word (the C tool's order);
//     CBOW: the mean of the window's input vectors predicts it, and the error goes back
//     undivided to every context word (gensim's cbow_mean=1);
//   - k noise words per prediction from count^0.75 (NoiseTable); a draw equal to the target is
//     skipped;
//   - the learning rate falls linearly from alpha to min-alpha over all epochs, set per sentence
//     from the corpus words done;
//   - sigma is computed exactly (expf), clamped as the C tool does: for |u.h| > 6 the gradient
//     uses sigma = 0 or 1.
// Input vectors start uniform in [-0.5/D, 0.5/D) from the seed, output vectors at zero.
//
// Matrices are row-major V x D floats; row i is vocabulary word i. One thread: every call
// sequence replays bit for bit from the seed (and does not depend on how the work is chunked).
// threads > 1: Hogwild, threads write shared rows without locks, and runs are not replayable.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/models/word2vec/fast_random.h"
#include "core/models/word2vec/noise_table.h"
#include "core/models/word2vec/word2vec_config.h"
#include "core/models/word2vec/word2vec_snapshot.h"
#include "core/text/encoded_corpus.h"
#include "core/text/vocabulary.h"

namespace genlab::word2vec {

// Everything besides the two matrices that decides what training does next: where the single
// stream is (epoch, sentence, and within a sentence the centre and context position and the
// window drawn), its random state, and the loss bookkeeping. Word2Vec::trainingState() and
// restore() carry it through a checkpoint, so a restored model trains on bit for bit.
struct TrainingState {
  int epoch = 0;
  std::int64_t sentence = 0;  // next (or current, when `loaded`) sentence of the epoch
  std::int64_t wordsDone = 0;
  double epochLoss = 0.0, lastEpochLoss = 0.0;
  std::int64_t epochPairs = 0, lastEpochPairs = 0;
  double totalLoss = 0.0;             // over all epochs
  std::int64_t totalPredictions = 0;  // over all epochs
  std::uint64_t random = 0;           // the stream's FastRandom state
  std::int64_t predictions = 0;       // predictions made by the stream (the recording cadence)
  // A sentence stopped part way (trainPredictions): its words after subsampling, the centre
  // position, whether its window is drawn, the window [lo, hi), the next context position, and
  // the learning rate the sentence started with.
  bool loaded = false;
  std::vector<std::int32_t> words;
  std::int64_t centre = 0, lo = 0, hi = 0, context = 0;
  bool windowDrawn = false;
  float alpha = 0.0f;
  PairUpdate lastUpdate;
};

class Word2Vec {
 public:
  // Throws ConfigError for a bad config, DataError when the vocabulary has fewer than 2 words.
  Word2Vec(const Word2VecConfig& config, text::Vocabulary vocabulary, text::EncodedCorpus corpus);
  ~Word2Vec();
  Word2Vec(const Word2Vec&) = delete;
  Word2Vec& operator=(const Word2Vec&) = delete;

  // Trains whole sentences until at least `maxWords` corpus words are done or the schedule
  // ends, on the calling thread. Returns the corpus words trained.
  std::int64_t trainWords(std::int64_t maxWords);

  // Trains the rest of the current epoch with config.threads threads (one: trainWords).
  void trainEpoch();

  // Trains until `maxPredictions` predictions (updates: one skip-gram pair, one CBOW window)
  // are made or the schedule ends, stopping part way through a sentence when it must, on the
  // calling thread. The last prediction made is recorded (snapshot().lastUpdate), with its
  // vectors (at the very end of the schedule: the last of its last 64 sentences that made one).
  // Returns the predictions made. Mixing it with trainWords() changes nothing: the same seed gives
  // the same vectors however the work is cut.
  std::int64_t trainPredictions(std::int64_t maxPredictions);

  bool finished() const { return m_wordsDone >= m_wordsTotal; }

  // Changes alpha, min-alpha, negative, window and sample between calls; the learning rate
  // keeps falling linearly from the new alpha at the current progress. Throws ConfigError for
  // a bad value or for any other setting changed (those need a new model).
  void setTrainingSettings(const Word2VecConfig& updated);

  // Also record every n-th prediction of training (default 4096) for snapshot().lastUpdate.
  void setRecordEvery(std::int64_t n) { m_recordEvery = n < 1 ? 1 : n; }

  TrainingState trainingState() const;
  // Restores what trainingState() and the two matrices held, into a model built from the same
  // config, vocabulary and corpus. Throws DataError naming what does not fit; on a throw the
  // model is unchanged.
  void restore(const TrainingState& state, std::vector<float> input, std::vector<float> output);

  // One skip-gram update of the pair (context predicts centre) at learning rate `alpha`, with
  // negatives from the model's stream; returns (and records for snapshot()) its details.
  PairUpdate trainPair(int centre, int context, float alpha);

  Word2VecSnapshot snapshot() const;

  const Word2VecConfig& config() const { return m_config; }
  const text::Vocabulary& vocabulary() const { return m_vocabulary; }
  const text::EncodedCorpus& corpus() const { return m_corpus; }
  int dim() const { return m_config.dim; }
  const std::vector<float>& inputVectors() const { return m_input; }
  const std::vector<float>& outputVectors() const { return m_output; }
  std::vector<float>& inputVectors() { return m_input; }    // for tests and views that set up a
  std::vector<float>& outputVectors() { return m_output; }  // state by hand
  int epoch() const { return m_epoch; }
  std::int64_t wordsDone() const { return m_wordsDone; }
  std::int64_t wordsTotal() const { return m_wordsTotal; }
  double currentAlpha() const;
  // Mean loss per positive pair over the current epoch so far, or the last one at its end.
  double meanLoss() const;
  // Loss summed over every prediction so far, and how many predictions there were (the
  // differences between two calls give the mean loss of the predictions between them).
  double totalLoss() const { return m_totalLoss; }
  std::int64_t totalPredictions() const { return m_totalPairs; }

 private:
  struct Worker;

  void trainSentence(std::size_t sentence, float alpha, Worker& worker);
  // Subsamples `sentence` into the worker and puts its cursor at the start.
  void loadSentence(std::size_t sentence, float alpha, Worker& worker);
  // Runs the loaded sentence until it ends (the cursor is unloaded) or `budget` predictions
  // are made (the cursor keeps the position). Returns the predictions made.
  std::int64_t runSentence(Worker& worker, std::int64_t budget);
  // The single stream: at most `budget` predictions within one sentence (the current one, or
  // the next); at the sentence's end, counts its words and moves on. Returns predictions made.
  std::int64_t advance(std::int64_t budget);
  float negativeSampling(const float* h, int target, float alpha, Worker& worker,
                         PairUpdate* details);
  void recordAfter(const float* h, PairUpdate& details) const;
  void collect(Worker& worker);  // moves a worker's loss, pair count and record into the model
  float alphaAt(std::int64_t wordsDone) const;
  void finishEpochIfDone();

  Word2VecConfig m_config;
  text::Vocabulary m_vocabulary;
  text::EncodedCorpus m_corpus;
  NoiseTable m_noise;
  std::vector<float> m_keep;         // subsampling keep probability per word
  std::vector<float> m_input;        // V x D
  std::vector<float> m_output;       // V x D
  std::unique_ptr<Worker> m_worker;  // the single-threaded stream
  std::shared_ptr<const std::vector<std::string>> m_words;

  int m_epoch = 0;
  std::size_t m_sentence = 0;  // next sentence of the current epoch
  std::int64_t m_wordsDone = 0;
  std::int64_t m_wordsTotal = 0;
  double m_epochLoss = 0.0, m_lastEpochLoss = 0.0;
  std::int64_t m_epochPairs = 0, m_lastEpochPairs = 0;
  double m_totalLoss = 0.0;
  std::int64_t m_totalPairs = 0;
  PairUpdate m_lastUpdate;
  // Every 4096th prediction is recorded for snapshot().lastUpdate: often enough for a live
  // view, rare enough to cost nothing measurable.
  std::int64_t m_recordEvery = 4096;
};

}  // namespace genlab::word2vec
