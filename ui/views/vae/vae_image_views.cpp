#include "ui/views/vae/vae_image_views.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/plot/screen_texts.h"

namespace genlab::views {
namespace {

ImU32 imColor(const gl::Color& c, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha));
}

}  // namespace

namespace {

// A traversal row's label: "z3  KL 1.44" (with "  off" for an inactive dimension), or just
// "z3" when the panel is too narrow for the long labels to sit beside readable tiles.
std::string rowLabel(const vae::Traversal& t, const std::vector<double>& kl, int row, bool full) {
  const auto r = static_cast<std::size_t>(row);
  const int d = t.rows[r];
  char label[48];
  if (full) {
    std::snprintf(label, sizeof label, "z%d  KL %.2f%s", d, kl[static_cast<std::size_t>(d)],
                  t.rowActive[r] ? "" : "  off");
  } else {
    std::snprintf(label, sizeof label, "z%d", d);
  }
  return label;
}

// The width of the widest row label, plus a gap before the tiles.
float rowLabelWidth(const vae::Traversal& t, const std::vector<double>& kl, bool full) {
  float width = 0.0f;
  for (int r = 0; r < static_cast<int>(t.rows.size()); ++r)
    width = std::max(width, ImGui::CalcTextSize(rowLabel(t, kl, r, full).c_str()).x);
  return width + 0.5f * ImGui::GetFontSize();
}

// Every how many columns a value label fits: the smallest divisor of (columns - 1), so the last
// column is labelled too, whose columns are at least one label (and a gap) wide.
int labelStride(int columns, float columnPitch, float labelWidth) {
  const int span = std::max(1, columns - 1);
  for (int stride = 1; stride < span; ++stride)
    if (span % stride == 0 && stride * columnPitch >= labelWidth) return stride;
  return span;
}

}  // namespace

void VaeTraversalView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = std::dynamic_pointer_cast<const vae::VaeSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->traversal || !snapshot->encoding) {
    ImGui::TextUnformatted("waiting for the first traversal...");
    return;
  }
  const vae::Traversal& t = *snapshot->traversal;
  const int columns = static_cast<int>(t.values.size());
  const int rows = static_cast<int>(t.rows.size());
  if (snapshot->traversal != m_shown) {
    m_tiles.set(t.images, rows * columns, snapshot->height, snapshot->width, columns, ++m_version);
    m_shown = snapshot->traversal;
  }
  ImGui::TextWrapped("Base: held-out image #%d (click a point in the latent view to change it)",
                     t.baseIndex);
  const auto& kl = snapshot->encoding->klPerDim;
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float header = ImGui::GetTextLineHeightWithSpacing();
  // The content region, not the view's size: the panel's padding is outside it. Half a column
  // label more stays free so "+3.0" over the last column is not cut at the panel's edge.
  const ImVec2 rest = ImGui::GetContentRegionAvail();
  const float labelOverhang = 0.5f * ImGui::CalcTextSize("+3.0").x;
  auto tileBox = [&](float labelWidth) {
    return ImVec2(std::max(10.0f, std::min(size.x, rest.x) - labelWidth - labelOverhang),
                  std::max(10.0f, rest.y - header));
  };
  // Full labels while the tiles beside them are at least one and a half lines of text tall;
  // else short ones, whose narrower column leaves the tiles more room (presentation type,
  // narrow panels). The KL of every row is in the tooltip either way.
  bool full = true;
  float labelWidth = rowLabelWidth(t, kl, true);
  const float tilePixels = static_cast<float>(snapshot->height);
  if (m_tiles.layoutFor(tileBox(labelWidth)).scale * tilePixels < 1.5f * ImGui::GetFontSize()) {
    full = false;
    labelWidth = rowLabelWidth(t, kl, false);
  }
  ImGui::SetCursorScreenPos(ImVec2(start.x + labelWidth, start.y + header));
  const int hovered = m_tiles.draw(tileBox(labelWidth));
  drawLabels(*snapshot, context.style.palette, labelWidth, full);
  if (hovered >= 0) {
    const int r = hovered / columns;
    const int d = t.rows[static_cast<std::size_t>(r)];
    ImGui::SetTooltip("z%d = %+.1f  (KL %.2f%s)", d,
                      t.values[static_cast<std::size_t>(hovered % columns)],
                      kl[static_cast<std::size_t>(d)],
                      t.rowActive[static_cast<std::size_t>(r)] ? "" : ", inactive");
  }
}

void VaeTraversalView::drawLabels(const vae::VaeSnapshot& snapshot, const ui::Palette& palette,
                                  float labelWidth, bool full) {
  const vae::Traversal& t = *snapshot.traversal;
  const int columns = static_cast<int>(t.values.size());
  const int rows = static_cast<int>(t.rows.size());
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float header = ImGui::GetTextLineHeightWithSpacing();
  const float pitch = columns > 1 ? m_tiles.tileRect(1).Min.x - m_tiles.tileRect(0).Min.x : 1.0f;
  const float valueWidth = ImGui::CalcTextSize("+3.0").x + 0.5f * ImGui::GetFontSize();
  for (int c = 0; c < columns; c += labelStride(columns, pitch, valueWidth)) {
    const ImRect cell = m_tiles.tileRect(c);
    char label[16];
    std::snprintf(label, sizeof label, "%+.1f", t.values[static_cast<std::size_t>(c)]);
    const float w = ImGui::CalcTextSize(label).x;
    plot::addRecordedText(draw, ImVec2((cell.Min.x + cell.Max.x - w) * 0.5f, cell.Min.y - header),
                          text, label);
  }
  const auto& kl = snapshot.encoding->klPerDim;
  for (int r = 0; r < rows; ++r) {
    const ImRect first = m_tiles.tileRect(r * columns);
    const ImRect last = m_tiles.tileRect(r * columns + columns - 1);
    const bool active = t.rowActive[static_cast<std::size_t>(r)];
    const float y = (first.Min.y + first.Max.y - ImGui::GetFontSize()) * 0.5f;
    plot::addRecordedText(draw, ImVec2(first.Min.x - labelWidth, y), active ? text : muted,
                          rowLabel(t, kl, r, full).c_str());
    // Inactive dimensions decode to the same image all along the row: wash them out.
    if (!active) draw->AddRectFilled(first.Min, last.Max, imColor(palette.plotArea, 0.6f));
  }
}

void VaeReconstructionView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = std::dynamic_pointer_cast<const vae::VaeSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->reconstructionPairs) {
    ImGui::TextUnformatted("waiting for the first reconstructions...");
    return;
  }
  const int n = snapshot->pairCount;
  const auto pixels = static_cast<std::size_t>(snapshot->height * snapshot->width);
  if (snapshot->reconstructionPairs != m_shown) {
    // Pairs come interleaved (image, reconstruction); the grid wants rows.
    std::vector<float> grid(2 * n * pixels);
    const auto& pairs = *snapshot->reconstructionPairs;
    for (int i = 0; i < n; ++i) {
      std::copy_n(pairs.begin() + static_cast<std::ptrdiff_t>(2 * i * pixels), pixels,
                  grid.begin() + static_cast<std::ptrdiff_t>(i * pixels));
      std::copy_n(pairs.begin() + static_cast<std::ptrdiff_t>((2 * i + 1) * pixels), pixels,
                  grid.begin() + static_cast<std::ptrdiff_t>((n + i) * pixels));
    }
    m_tiles.set(grid, 2 * n, snapshot->height, snapshot->width, n, ++m_version);
    m_shown = snapshot->reconstructionPairs;
  }
  ImGui::TextWrapped("Top: held-out images. Bottom: decoded from their posterior means.");
  m_tiles.draw(ImVec2(size.x, std::max(10.0f, ImGui::GetContentRegionAvail().y)));
}

void VaeInterpolationView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = std::dynamic_pointer_cast<const vae::VaeSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->encoding) {
    ImGui::TextUnformatted("waiting for the first encoding...");
    return;
  }
  const int count = snapshot->heldOut->count;
  const int a = std::clamp(m_selection.previous, 0, count - 1);
  const int b = std::clamp(m_selection.picked, 0, count - 1);
  if (m_reply) {
    if (auto strips = m_reply->take()) {
      m_images = std::move(strips->linear);
      m_images.insert(m_images.end(), strips->spherical.begin(), strips->spherical.end());
      m_reply.reset();
      m_tiles.set(m_images, 2 * kSteps, snapshot->height, snapshot->width, kSteps, ++m_version);
    }
  }
  // Live: a new strip when the ends change or the decoder has trained (one request at a time).
  if (!m_reply && !context.scrubbing &&
      (m_requestedPick != m_selection.version || m_requestedStep != snapshot->encoding->step)) {
    m_requestedPick = m_selection.version;
    m_requestedStep = snapshot->encoding->step;
    auto reply = std::make_shared<Reply<Strips>>();
    m_reply = reply;
    postToVae(context.session, [reply, a, b](vae::VaeTrainer& trainer) {
      reply->put(Strips{trainer.interpolate(a, b, kSteps, false),
                        trainer.interpolate(a, b, kSteps, true)});
    });
  }
  ImGui::TextWrapped(
      "From #%d to #%d (click two points in the latent view).  Top: linear.  Bottom: "
      "spherical (slerp).",
      a, b);
  if (!m_tiles.empty()) {
    m_tiles.draw(ImVec2(size.x, std::max(10.0f, ImGui::GetContentRegionAvail().y)));
  }
}

}  // namespace genlab::views
