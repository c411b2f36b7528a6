#pragma once
// What the word2vec views share on the UI thread: the word the student asked about, the analogy
// a - b + c, how the embedding is projected, and the run's vectors ready for cosine queries
// (built once per snapshot, whichever view asks first).

#include <array>
#include <memory>
#include <optional>
#include <string>

#include "core/models/word2vec/keyed_vectors.h"
#include "core/models/word2vec/word2vec_run_snapshot.h"
#include "core/train/trainer.h"

namespace genlab::views {

// How the embedding view flattens the vectors. t-SNE is the hook for core/math/tsne (built in
// parallel); until it is wired, choosing it shows PCA and says so.
enum class WordProjection { kPca, kTsne };

struct Word2VecSelection {
  std::string word;                    // the neighbours view's query (typed or clicked)
  std::array<std::string, 3> analogy;  // a - b + c
  WordProjection projection = WordProjection::kPca;
};

// KeyedVectors of the latest snapshot seen; rebuilt only when the snapshot changes.
class WordVectorsCache {
 public:
  // Null when `snapshot` is not a word2vec snapshot.
  const word2vec::KeyedVectors* vectorsFor(const train::SnapshotPtr& snapshot) {
    if (snapshot != m_snapshot) {
      m_snapshot = snapshot;
      m_vectors.reset();
      const auto* w2v = dynamic_cast<const word2vec::Word2VecRunSnapshot*>(snapshot.get());
      if (w2v && w2v->model.words) {
        m_vectors.emplace(*w2v->model.words, w2v->model.dim, w2v->model.vectors);
      }
    }
    return m_vectors ? &*m_vectors : nullptr;
  }

 private:
  train::SnapshotPtr m_snapshot;
  std::optional<word2vec::KeyedVectors> m_vectors;
};

}  // namespace genlab::views
