#include "ui/views/pixelcnn/pixelcnn_views.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/models/pixelcnn/pixelcnn_trainer.h"
#include "ui/views/pixelcnn/pixel_grid.h"

namespace genlab::views {
namespace {

using pixelcnnui::drawPixelGrid;
using pixelcnnui::greyCell;
using pixelcnnui::GridHit;
using pixelcnnui::outlineCell;

constexpr ImU32 kChosen = IM_COL32(213, 94, 0, 255);         // Okabe-Ito vermilion
constexpr ImU32 kBlind = IM_COL32(204, 121, 167, 255);       // reddish purple: blind
constexpr ImU32 kOutOfReach = IM_COL32(150, 150, 150, 255);  // mid grey: beyond this depth
constexpr ImU32 kFuture = IM_COL32(235, 235, 235, 255);      // pale grey: not yet drawn
constexpr auto kFieldPeriod = std::chrono::milliseconds(500);

template <class T, class Fn>
void ask(train::Session& session, ReplyPtr<T> reply, Fn fn) {
  session.post([reply, fn](train::Trainer& trainer) {
    if (auto* p = dynamic_cast<pixelcnn::PixelCnnTrainer*>(&trainer)) reply->put(fn(*p));
  });
}

std::string name(pixelcnn::Architecture a) {
  return std::string(pixelcnn::toString(a));
}

// A cell of a receptive field: the future (at or after the pixel) pale, earlier pixels beyond
// the reach mid grey, blind earlier pixels in reach purple, seen pixels blue with strength
// growing with |gradient| (square root, so weak but non-zero paths stay visible).
ImU32 fieldCell(const pixelcnn::ReceptiveField& field, const std::vector<float>& g, float top,
                int index, int chosen) {
  if (index >= chosen) return kFuture;
  const float v = g[static_cast<std::size_t>(index)];
  if (v == 0.0f) return field.inReach(index) ? kBlind : kOutOfReach;
  const float s = std::sqrt(v / top);
  const auto mix = [s](int lo, int hi) {
    return static_cast<int>(std::lround(lo + (hi - lo) * s));
  };
  return IM_COL32(mix(200, 0), mix(225, 80), mix(245, 160), 255);
}

}  // namespace

void PixelCnnReceptiveView::request(train::Session& session, std::int64_t step) {
  m_reply = std::make_shared<Reply<pixelcnn::ReceptiveField>>();
  const int row = m_row, col = m_col;
  ask(session, m_reply,
      [row, col](pixelcnn::PixelCnnTrainer& t) { return t.receptiveField(row, col); });
  m_askedStep = step;
  m_askedAt = std::chrono::steady_clock::now();
}

void PixelCnnReceptiveView::draw(ViewContext& context, ImVec2 size) {
  const auto snap = std::dynamic_pointer_cast<const pixelcnn::PixelCnnSnapshot>(context.snapshot);
  if (!snap) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  m_row = std::clamp(m_row, 0, snap->height - 1);
  m_col = std::clamp(m_col, 0, snap->width - 1);
  if (m_reply) {
    if (auto field = m_reply->take()) {
      m_field = std::move(*field);
      m_reply.reset();
    }
  }
  // One request at a time: again when the pixel changes, and while training at most twice a
  // second (the trained network's field changes as it learns; the twin's does not).
  const auto now = std::chrono::steady_clock::now();
  const bool stale = m_askedStep != snap->step;
  if (!m_reply && !context.scrubbing && stale &&
      (m_askedStep < 0 || now - m_askedAt >= kFieldPeriod))
    request(context.session, snap->step);

  // The legend's own height at this width (it wraps to more lines in a narrow side view); it
  // is left out rather than pushing the grids out of the view when it would take half of it.
  char legend[320];
  const bool reachShown = m_field && m_field->pastBeyondReach();
  std::snprintf(legend, sizeof legend,
                "Click a pixel. Blue: pixels the logit of (%d, %d) depends on (darker: larger "
                "gradient); purple: earlier pixels in reach it cannot see (the blind spot);%s "
                "pale: not yet drawn.",
                m_row, m_col,
                reachShown ? " dark grey: earlier pixels beyond the reach of this depth;" : "");
  const float legendHeight = ImGui::CalcTextSize(legend, nullptr, false, size.x).y;
  const bool showLegend = legendHeight + 6.0f < 0.5f * size.y;
  const float footer = showLegend ? legendHeight + 6.0f + ImGui::GetStyle().ItemSpacing.y : 0.0f;
  const ImVec2 half((size.x - 12.0f) * 0.5f, size.y - footer);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const int chosen = m_row * snap->width + m_col;
  const bool ready = m_field && m_field->row == m_row && m_field->col == m_col &&
                     m_field->height == snap->height && m_field->width == snap->width;
  int clicked = -1;
  float bottom = start.y;
  for (int side = 0; side < 2; ++side) {
    ImGui::SetCursorScreenPos(ImVec2(start.x + side * (half.x + 12.0f), start.y));
    std::string caption = "...";
    std::function<ImU32(int)> colour = [](int) { return IM_COL32(235, 235, 235, 255); };
    if (ready) {
      const auto& g = side == 0 ? m_field->own : m_field->other;
      const int blind = side == 0 ? m_field->ownBlind : m_field->otherBlind;
      const auto arch = side == 0 ? m_field->ownArchitecture : m_field->otherArchitecture;
      caption = name(arch) + (side == 0 ? " (this run)" : " (untrained twin)") + ": " +
                std::to_string(blind) + (blind == 1 ? " earlier pixel" : " earlier pixels") +
                " blind";
      const float top = std::max(1e-30f, *std::max_element(g.begin(), g.end()));
      colour = [this, &g, top, chosen](int i) { return fieldCell(*m_field, g, top, i, chosen); };
    }
    const GridHit hit = drawPixelGrid(side == 0 ? "##own" : "##other", caption, snap->height,
                                      snap->width, half, colour);
    outlineCell(hit, snap->width, chosen, kChosen, std::max(2.0f, hit.cell * 0.15f));
    if (hit.clicked) clicked = hit.hovered;
    bottom = std::max(bottom, hit.max.y);
    if (hit.hovered >= 0 && ready) {
      const auto& g = side == 0 ? m_field->own : m_field->other;
      ImGui::SetTooltip("pixel (%d, %d): |d logit / d x| = %.3g%s", hit.hovered / snap->width,
                        hit.hovered % snap->width, g[static_cast<std::size_t>(hit.hovered)],
                        hit.hovered >= chosen ? " (not yet drawn: must be 0)" : "");
    }
  }
  if (showLegend) {
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + 6.0f));  // right under the grids
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + size.x);
    ImGui::TextUnformatted(legend);
    ImGui::PopTextWrapPos();
  }
  if (clicked >= 0 && clicked != chosen) select(clicked / snap->width, clicked % snap->width);
}

void PixelCnnSamplingView::draw(ViewContext& context, ImVec2 size) {
  const auto snap = std::dynamic_pointer_cast<const pixelcnn::PixelCnnSnapshot>(context.snapshot);
  if (!snap) return;
  if (m_reply) {
    if (auto frame = m_reply->take()) {
      m_frame = std::move(*frame);
      m_inFlight = false;
    }
  }
  const auto now = std::chrono::steady_clock::now();
  // Pixels fall due at pixelsPerSecond while playing; at most 64 are owed (a slow frame or a
  // busy trainer must not queue a burst).
  if (playing && m_last != std::chrono::steady_clock::time_point{}) {
    m_owed = std::min(
        64.0, m_owed + std::chrono::duration<double>(now - m_last).count() * pixelsPerSecond);
  }
  m_last = now;
  const bool first = !m_frame && !m_inFlight;
  if (!m_inFlight && !context.scrubbing && (first || restartAsked || m_owed >= 1.0)) {
    const int pixels = first ? 0 : static_cast<int>(std::min(m_owed, 64.0));
    const bool restart = restartAsked;
    m_owed -= pixels;
    restartAsked = false;
    m_reply = std::make_shared<Reply<pixelcnn::SamplingFrame>>();
    ask(context.session, m_reply,
        [pixels, restart](pixelcnn::PixelCnnTrainer& t) { return t.animate(pixels, restart); });
    m_inFlight = true;
  }
  if (!m_frame || m_frame->height != snap->height || m_frame->width != snap->width) {
    ImGui::TextUnformatted("starting the sampler...");
    return;
  }
  const pixelcnn::SamplingFrame& f = *m_frame;
  const float footer = ImGui::GetTextLineHeightWithSpacing() * 2.2f;
  const ImVec2 half((size.x - 12.0f) * 0.5f, size.y - footer);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const int drawn = f.lastPixel + 1;
  const GridHit canvas =
      drawPixelGrid("##canvas", "the image so far", f.height, f.width, half, [&f, drawn](int i) {
        return i < drawn ? greyCell(f.canvas[static_cast<std::size_t>(i)]) : greyCell(-1.0f);
      });
  outlineCell(canvas, f.width, f.lastPixel, kChosen, std::max(2.0f, canvas.cell * 0.15f));
  ImGui::SetCursorScreenPos(ImVec2(start.x + half.x + 12.0f, start.y));
  const GridHit probs = drawPixelGrid(
      "##probs", "p(x = 1 | pixels before it), when it was drawn", f.height, f.width, half,
      [&f](int i) { return greyCell(f.probabilities[static_cast<std::size_t>(i)]); });
  outlineCell(probs, f.width, f.lastPixel, kChosen, std::max(2.0f, probs.cell * 0.15f));
  ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(canvas.max.y, probs.max.y) + 6.0f));
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + size.x);
  if (f.lastPixel >= 0) {
    ImGui::Text("pixel (%d, %d): p(x = 1 | past) = %.3f, uniform u = %.3f, so x = %d%s",
                f.lastPixel / f.width, f.lastPixel % f.width, f.lastProbability, f.lastUniform,
                f.lastUniform < f.lastProbability ? 1 : 0, f.finished ? "  (image done)" : "");
  } else {
    ImGui::TextUnformatted("a new image: every pixel still to draw");
  }
  ImGui::PopTextWrapPos();
  for (const GridHit* hit : {&canvas, &probs}) {
    if (hit->hovered >= 0 && hit->hovered <= f.lastPixel) {
      ImGui::SetTooltip("pixel (%d, %d): p = %.3f, x = %d", hit->hovered / f.width,
                        hit->hovered % f.width,
                        f.probabilities[static_cast<std::size_t>(hit->hovered)],
                        static_cast<int>(f.canvas[static_cast<std::size_t>(hit->hovered)]));
    }
  }
}

void PixelCnnSamplesView::draw(ViewContext& context, ImVec2 size) {
  const auto snap = std::dynamic_pointer_cast<const pixelcnn::PixelCnnSnapshot>(context.snapshot);
  if (!snap || !snap->pictures) {
    ImGui::TextUnformatted("drawing the first samples...");
    return;
  }
  if (snap->pictures != m_shown) {
    m_tiles.set(snap->pictures->samples, pixelcnn::kGridCount, snap->height, snap->width,
                pixelcnn::kGridSide, ++m_version);
    m_shown = snap->pictures;
  }
  char caption[160];
  std::snprintf(caption, sizeof caption,
                "drawn at step %lld; held-out NLL %.2f nats per image (%.3f bits per pixel)",
                static_cast<long long>(snap->pictures->step), snap->testNll, snap->testBitsPerDim);
  const float textHeight = ImGui::CalcTextSize(caption, nullptr, false, size.x).y +
                           ImGui::GetStyle().ItemSpacing.y + 2.0f;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  m_tiles.draw(ImVec2(size.x, size.y - textHeight));
  ImGui::SetCursorScreenPos(ImVec2(start.x, m_tiles.gridRect().Max.y + 2.0f));
  ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + size.x);
  ImGui::TextUnformatted(caption);
  ImGui::PopTextWrapPos();
}

}  // namespace genlab::views
