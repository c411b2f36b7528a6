#include "ui/views/gan/image_gan_views.h"

#include <imgui.h>

#include <cstdio>

#include "core/models/gan/image_gan_trainer.h"

namespace genlab::views {

void ImageGanSamplesView::requestNearest(train::Session& session) {
  auto reply = std::make_shared<Reply<gan::NearestTraining>>();
  m_reply = reply;
  session.post([reply](train::Trainer& trainer) {
    if (auto* g = dynamic_cast<gan::ImageGanTrainer*>(&trainer)) reply->put(g->nearestTraining());
  });
}

void ImageGanSamplesView::draw(ViewContext& context, ImVec2 size) {
  const auto snap = std::dynamic_pointer_cast<const gan::ImageGanSnapshot>(context.snapshot);
  if (!snap || !snap->pictures) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  const auto& p = snap->pictures;
  const int count = gan::kSampleGridSide * gan::kSampleGridSide;
  if (p != m_shown) {
    m_samples.set(p->samples, count, snap->height, snap->width, gan::kSampleGridSide, ++m_version);
    m_shown = p;
  }
  if (m_reply) {
    if (auto nearest = m_reply->take()) {
      m_nearestData = std::move(*nearest);
      m_reply.reset();
      m_nearest.set(m_nearestData->images, count, snap->height, snap->width, gan::kSampleGridSide,
                    ++m_nearestVersion);
    }
  }
  // One request in flight at a time; a new one when the samples were redrawn, and while
  // training at most every few seconds: a search over the training set costs as much as
  // several training steps, and it runs on the trainer thread.
  const auto now = std::chrono::steady_clock::now();
  const bool due = context.session.idle() || now - m_nearestAskedAt >= kNearestPeriod;
  if (showNearest && !m_reply && !context.scrubbing && m_nearestAskedFor != p->step && due) {
    m_nearestAskedFor = p->step;
    m_nearestAskedAt = now;
    requestNearest(context.session);
  }
  const bool nearestShown = showNearest && m_nearestData.has_value();
  // The caption's height as wrapped to the panel's width is kept free under the grid.
  char caption[192];
  if (nearestShown)
    std::snprintf(caption, sizeof caption,
                  "left: samples at step %lld   right: nearest of %d training images (pixel L2)%s",
                  static_cast<long long>(p->step), snap->trainCount,
                  m_nearestData->step != p->step ? " - updating" : "");
  else
    std::snprintf(caption, sizeof caption,
                  "step %lld: 64 samples from the same 64 noise vectors all run long",
                  static_cast<long long>(p->step));
  const float textHeight = ImGui::CalcTextSize(caption, nullptr, false, size.x).y +
                           ImGui::GetStyle().ItemSpacing.y + 2.0f;
  ImVec2 box(size.x, size.y - textHeight);
  if (nearestShown) box.x = size.x * 0.5f - 4.0f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  int hovered = m_samples.draw(box);
  if (nearestShown) {
    ImGui::SetCursorScreenPos(ImVec2(start.x + box.x + 8.0f, start.y));
    const int other = m_nearest.draw(box);
    if (hovered < 0) hovered = other;
    // The same tile outlined in both grids.
    if (hovered >= 0) {
      ImDrawList* list = ImGui::GetWindowDrawList();
      const ImU32 colour = IM_COL32(230, 159, 0, 255);
      for (const ImageTiles* tiles : {&m_samples, &m_nearest}) {
        const ImRect r = tiles->tileRect(hovered);
        list->AddRect(r.Min, r.Max, colour, 0.0f, 0, 2.0f);
      }
    }
  }
  // The caption right under the grid (which is centred in its box), not at the panel's foot.
  ImGui::SetCursorScreenPos(ImVec2(start.x, m_samples.gridRect().Max.y + 2.0f));
  ImGui::TextWrapped("%s", caption);
  if (hovered >= 0 && hovered < count) {
    const auto i = static_cast<std::size_t>(hovered);
    if (nearestShown && m_nearestData->step == p->step) {
      ImGui::SetTooltip("sample %d: D = %.3f\nnearest training image #%d, RMS distance %.3f",
                        hovered, p->sampleScores[i], m_nearestData->indices[i],
                        m_nearestData->distances[i]);
    } else {
      ImGui::SetTooltip("sample %d: D = %.3f", hovered, p->sampleScores[i]);
    }
  }
}

void ImageGanInterpolationView::draw(ViewContext& context, ImVec2 size) {
  const auto snap = std::dynamic_pointer_cast<const gan::ImageGanSnapshot>(context.snapshot);
  if (!snap || !snap->pictures) return;
  if (snap->pictures != m_shown) {
    // The images read left to right, then row after row: the grid wraps to fill its panel.
    m_tiles.set(snap->pictures->interpolation, gan::kInterpolationCount, snap->height, snap->width,
                kAnyColumns, ++m_version);
    m_shown = snap->pictures;
  }
  // The caption wraps in a narrow panel (presentation type); the grid gets the rest.
  const char* caption = "G((1 - t) z0 + t z1) for t = 0 ... 1";
  const float captionHeight = ImGui::CalcTextSize(caption, nullptr, false, size.x).y +
                              ImGui::GetStyle().ItemSpacing.y + 2.0f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const int hovered = m_tiles.draw(ImVec2(size.x, size.y - captionHeight));
  ImGui::SetCursorScreenPos(ImVec2(start.x, m_tiles.gridRect().Max.y + 2.0f));
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + size.x);
  ImGui::TextUnformatted(caption);
  ImGui::PopTextWrapPos();
  if (hovered >= 0) {
    ImGui::SetTooltip("t = %.2f", hovered / static_cast<double>(gan::kInterpolationCount - 1));
  }
}

}  // namespace genlab::views
