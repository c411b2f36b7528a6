#pragma once
// A 2-D projection computed off the UI thread, for views that show high-dimensional points
// (latent codes, word vectors) while training moves them.
//
// The view submits each new matrix of points; one worker thread projects the newest (PCA, or
// t-SNE) and publishes results as immutable shared_ptrs, t-SNE's intermediate embeddings
// included, so the picture unfolds as it converges. A submission while t-SNE runs stops that run
// and starts on the new points. When the points are the same set as before (same key, same
// count: the same held-out images, newly encoded), t-SNE warm-starts from the last embedding
// without early exaggeration, so the picture drifts with training instead of jumping.
//
// Threading: submit() and latest() may be called from any thread and take a lock only for a
// pointer swap. The destructor stops the worker and joins it.

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/math/tsne.h"

namespace genlab::math {

class ProjectionJob {
 public:
  enum class Method { kPca, kTsne };

  struct Result {
    Method method = Method::kPca;
    std::uint64_t generation = 0;  // the submit() this answers
    Embedding points;              // N x 2, rows in the submitted order
    int iteration = 0;             // t-SNE iterations done (PCA: 1)
    int iterations = 0;            // planned
    bool final = false;            // the run finished (not an intermediate picture)
    bool warmStarted = false;
  };

  // `tsne`: the settings for a fresh run; warm starts use them without early exaggeration and
  // with `warmIterations` iterations. The lab passes threads = 1 (the trainer and the UI keep
  // the other cores).
  explicit ProjectionJob(TsneOptions tsne = {}, int warmIterations = 300);
  ~ProjectionJob();
  ProjectionJob(const ProjectionJob&) = delete;
  ProjectionJob& operator=(const ProjectionJob&) = delete;

  // Asks for the projection of the rows of `points`; `pointSet` names which points they are
  // (equal keys and row counts allow a warm start). Returns the request's generation.
  std::uint64_t submit(std::shared_ptr<const RowMatrixXd> points, Method method,
                       std::uint64_t pointSet);

  // The newest result published (null before the first).
  std::shared_ptr<const Result> latest() const;
  // The generation of the newest submission.
  std::uint64_t generation() const;
  // The last error message (settings the data cannot take, e.g. too few points), or empty.
  std::string error() const;

 private:
  struct Request {
    std::shared_ptr<const RowMatrixXd> points;
    Method method = Method::kPca;
    std::uint64_t pointSet = 0;
    std::uint64_t generation = 0;
  };
  void work(std::stop_token stop);
  void run(const Request& request, std::stop_token runStop);
  void publish(std::shared_ptr<const Result> result);

  const TsneOptions m_tsne;
  const int m_warmIterations;

  mutable std::mutex m_mutex;
  std::condition_variable_any m_wake;
  std::optional<Request> m_pending;
  std::stop_source m_runStop;  // stops the run in progress when a newer request arrives
  std::uint64_t m_generation = 0;
  std::uint64_t m_runningPointSet = 0;
  bool m_runningCold = false;  // a t-SNE run from scratch is in progress
  std::shared_ptr<const Result> m_latest;
  std::string m_error;

  // Worker-only state (read under the lock when a run starts): the last t-SNE picture and which
  // points it was of, for warm starts.
  std::uint64_t m_lastPointSet = 0;
  std::shared_ptr<const Result> m_lastTsne;

  std::jthread m_worker;  // last: started after everything it reads exists
};

}  // namespace genlab::math
