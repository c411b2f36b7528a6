#pragma once
// BIC and AIC against K = 1..10 for the current data, computed on demand on a background
// thread (each K is a full EM fit) so training and drawing go on meanwhile. Lower is better;
// the minimum of each curve is marked.

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "core/models/gmm/gmm_trainer.h"
#include "ui/plot/line_chart.h"
#include "ui/views/reply.h"
#include "ui/views/view.h"

namespace genlab::views {

class GmmBicView final : public View {
 public:
  static constexpr int kMaxK = 10;

  GmmBicView();
  ~GmmBicView() override;
  std::string title() const override { return "BIC and AIC against K"; }
  void draw(ViewContext& context, ImVec2 size) override;
  // Starts (or restarts) the computation on the session's current data and settings.
  void compute(train::Session& session);
  bool busy() const { return m_job != nullptr && !m_job->done.load(); }

 private:
  struct Job {
    std::mutex mutex;
    std::vector<gmm::BicAicPoint> points;  // guarded by mutex
    std::atomic<bool> done{false};
    std::jthread thread;  // last: joined first on destruction, before the fields it uses go
  };
  struct Inputs {
    Eigen::MatrixXd data;
    gmm::GmmConfig config;
    std::uint64_t seed = 0;
  };

  plot::LineChart m_chart;
  std::shared_ptr<Job> m_job;
  ReplyPtr<Inputs> m_inputsReply;
  std::size_t m_pointsShown = 0;
};

}  // namespace genlab::views
