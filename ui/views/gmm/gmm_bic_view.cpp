#include "ui/views/gmm/gmm_bic_view.h"

#include <cstdio>

namespace genlab::views {

GmmBicView::GmmBicView() {
  m_chart.addSeries("BIC");
  m_chart.addSeries("AIC");
  // "lower is better" goes in the caption: a long axis title would be wrapped or cut short
  // on a projector's short chart.
  m_chart.setAxisLabels("components K", "BIC, AIC");
}

GmmBicView::~GmmBicView() {
  if (m_job) m_job->thread.request_stop();
}

void GmmBicView::compute(train::Session& session) {
  if (m_job) m_job->thread.request_stop();  // the old job ends at its next K
  m_job.reset();
  m_chart.clearData();
  m_pointsShown = 0;
  // The data and settings live on the trainer thread: ask for a copy, start when it arrives.
  auto reply = std::make_shared<Reply<Inputs>>();
  m_inputsReply = reply;
  session.post([reply, seed = session.seed()](train::Trainer& trainer) {
    if (auto* gmm = dynamic_cast<gmm::GmmTrainer*>(&trainer)) {
      reply->put(Inputs{gmm->model().data(), gmm->model().config(), seed});
    }
  });
}

void GmmBicView::draw(ViewContext& context, ImVec2 size) {
  if (m_inputsReply) {
    if (auto inputs = m_inputsReply->take()) {
      m_inputsReply.reset();
      auto job = std::make_shared<Job>();
      // One thread for the fits: the trainer and the UI keep the other core.
      job->thread =
          std::jthread([job = job.get(), inputs = std::move(*inputs)](std::stop_token stop) {
            auto points = gmm::GmmTrainer::bicAicCurve(inputs.data, inputs.config, kMaxK,
                                                       inputs.seed, stop, 1);
            {
              std::lock_guard lock(job->mutex);
              job->points = std::move(points);
            }
            job->done = true;
          });
      m_job = std::move(job);
    }
  }
  if (m_job) {
    std::lock_guard lock(m_job->mutex);
    for (; m_pointsShown < m_job->points.size(); ++m_pointsShown) {
      const auto& p = m_job->points[m_pointsShown];
      m_chart.append(0, p.k, p.bic);
      m_chart.append(1, p.k, p.aic);
    }
  }
  const bool running = m_inputsReply != nullptr || busy();
  if (context.scrubbing) ImGui::BeginDisabled();
  if (ImGui::Button(running ? "Computing..." : "Compute for K = 1..10")) compute(context.session);
  if (context.scrubbing) ImGui::EndDisabled();
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("Fits a mixture for each K on the current data (in the background)");
  }
  char caption[96] = "lower is better";
  if (m_job && m_job->done.load() && m_pointsShown > 0) {
    std::lock_guard lock(m_job->mutex);
    auto best = [&](auto key) {
      const gmm::BicAicPoint* min = &m_job->points.front();
      for (const auto& p : m_job->points) {
        if (key(p) < key(*min)) min = &p;
      }
      return min->k;
    };
    std::snprintf(caption, sizeof caption, "lower is better: best K is %d by BIC, %d by AIC",
                  best([](const auto& p) { return p.bic; }),
                  best([](const auto& p) { return p.aic; }));
  }
  // Beside the button when it fits, else on a line of its own (presentation type).
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  if (ImGui::GetItemRectMax().x + spacing + ImGui::CalcTextSize(caption).x <=
      ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
    ImGui::SameLine();
  ImGui::TextWrapped("%s", caption);
  const ImVec2 rest = ImGui::GetContentRegionAvail();
  m_chart.show("##gmm-bic", ImVec2(size.x, rest.y), context.style);
}

}  // namespace genlab::views
