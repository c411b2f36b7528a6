#include "core/math/projection_job.h"

#include <exception>

#include "core/math/pca.h"
#include "core/platform/threading.h"

namespace genlab::math {

ProjectionJob::ProjectionJob(TsneOptions tsne, int warmIterations)
    : m_tsne(tsne),
      m_warmIterations(warmIterations),
      m_worker([this](std::stop_token stop) { work(stop); }) {}

ProjectionJob::~ProjectionJob() {
  m_worker.request_stop();
  {
    std::lock_guard lock(m_mutex);
    m_runStop.request_stop();
  }
  m_wake.notify_all();
}

std::uint64_t ProjectionJob::submit(std::shared_ptr<const RowMatrixXd> points, Method method,
                                    std::uint64_t pointSet) {
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(m_mutex);
    generation = ++m_generation;
    // A cold t-SNE run of the same points finishes first (stopping it before its first picture,
    // each time training refreshes the points, would never show one); the newest points then
    // warm-start from its result. Anything else is stopped for the newer request.
    const bool keep = m_runningCold && method == Method::kTsne && pointSet == m_runningPointSet;
    m_pending = Request{std::move(points), method, pointSet, generation};
    if (!keep) m_runStop.request_stop();
  }
  m_wake.notify_all();
  return generation;
}

std::shared_ptr<const ProjectionJob::Result> ProjectionJob::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

std::uint64_t ProjectionJob::generation() const {
  std::lock_guard lock(m_mutex);
  return m_generation;
}

std::string ProjectionJob::error() const {
  std::lock_guard lock(m_mutex);
  return m_error;
}

void ProjectionJob::publish(std::shared_ptr<const Result> result) {
  std::lock_guard lock(m_mutex);
  m_latest = std::move(result);
}

void ProjectionJob::work(std::stop_token stop) {
  platform::lowerThisThreadPriority();
  platform::flushDenormalsOnThisThread();
  while (!stop.stop_requested()) {
    Request request;
    std::stop_token runStop;
    {
      std::unique_lock lock(m_mutex);
      if (!m_wake.wait(lock, stop, [this] { return m_pending.has_value(); })) return;
      request = std::move(*m_pending);
      m_pending.reset();
      m_runStop = std::stop_source();
      runStop = m_runStop.get_token();
      m_runningPointSet = request.pointSet;
      m_runningCold =
          request.method == Method::kTsne && !(m_lastTsne && m_lastPointSet == request.pointSet &&
                                               m_lastTsne->points.rows() == request.points->rows());
    }
    std::string error;
    try {
      run(request, runStop);
    } catch (const std::exception& e) {
      error = e.what();
    }
    std::lock_guard lock(m_mutex);
    m_error = error;
    m_runningCold = false;
  }
}

void ProjectionJob::run(const Request& request, std::stop_token runStop) {
  const RowMatrixXd& x = *request.points;
  if (request.method == Method::kPca) {
    const Eigen::MatrixXd data = x;
    auto result = std::make_shared<Result>();
    result->method = Method::kPca;
    result->generation = request.generation;
    result->points = pcaProjection(data).points(data);
    result->iteration = result->iterations = 1;
    result->final = true;
    publish(std::move(result));
    return;
  }
  TsneOptions options = m_tsne;
  const Embedding* initial = nullptr;
  const bool warm =
      m_lastTsne && m_lastPointSet == request.pointSet && m_lastTsne->points.rows() == x.rows();
  if (warm) {
    options.init = TsneOptions::Init::kGiven;
    options.exaggerationIterations = 0;
    options.iterations = m_warmIterations;
    initial = &m_lastTsne->points;
  }
  const auto publishTsne = [&](const Embedding& y, int iteration, int iterations, bool final) {
    auto result = std::make_shared<Result>();
    result->method = Method::kTsne;
    result->generation = request.generation;
    result->points = y;
    result->iteration = iteration;
    result->iterations = iterations;
    result->final = final;
    result->warmStarted = warm;
    m_lastTsne = result;
    m_lastPointSet = request.pointSet;
    publish(std::move(result));
  };
  const TsneResult done = runTsne(
      x, options, runStop,
      [&](const TsneProgress& p) {
        // Early exaggeration squeezes clusters into dots: show the picture only after it.
        if (p.iteration > options.exaggerationIterations)
          publishTsne(*p.embedding, p.iteration, p.iterations, false);
      },
      initial);
  if (!done.stopped) publishTsne(done.embedding, done.iterations, options.iterations, true);
}

}  // namespace genlab::math
