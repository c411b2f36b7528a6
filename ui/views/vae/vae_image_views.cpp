#include "ui/views/vae/vae_image_views.h"

#include <algorithm>
#include <cstdio>

namespace genlab::views {
namespace {

ImU32 imColor(const gl::Color& c, float alpha = 1.0f) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha));
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
  const float labelWidth = 9.0f * ImGui::GetFontSize();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float header = ImGui::GetTextLineHeightWithSpacing();
  ImGui::SetCursorScreenPos(ImVec2(start.x + labelWidth, start.y + header));
  // The content region, not the view's size: the panel's padding is outside it. Half a column
  // label more stays free so "+3.0" over the last column is not cut at the panel's edge.
  const ImVec2 rest = ImGui::GetContentRegionAvail();
  const float labelOverhang = 0.5f * ImGui::CalcTextSize("+3.0").x;
  m_tiles.draw(ImVec2(std::max(10.0f, std::min(size.x - labelWidth, rest.x - labelOverhang)),
                      std::max(10.0f, rest.y)));

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ui::Palette& palette = context.style.palette;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (int c = 0; c < columns; c += std::max(1, (columns - 1) / 4)) {
    const ImRect cell = m_tiles.tileRect(c);
    char label[16];
    std::snprintf(label, sizeof label, "%+.1f", t.values[static_cast<std::size_t>(c)]);
    const float w = ImGui::CalcTextSize(label).x;
    draw->AddText(ImVec2((cell.Min.x + cell.Max.x - w) * 0.5f, cell.Min.y - header), text, label);
  }
  const auto& kl = snapshot->encoding->klPerDim;
  for (int r = 0; r < rows; ++r) {
    const ImRect first = m_tiles.tileRect(r * columns);
    const ImRect last = m_tiles.tileRect(r * columns + columns - 1);
    const int d = t.rows[static_cast<std::size_t>(r)];
    const bool active = t.rowActive[static_cast<std::size_t>(r)];
    char label[48];
    std::snprintf(label, sizeof label, "z%d  KL %.2f%s", d, kl[static_cast<std::size_t>(d)],
                  active ? "" : "  off");
    const float y = (first.Min.y + first.Max.y - ImGui::GetFontSize()) * 0.5f;
    draw->AddText(ImVec2(first.Min.x - labelWidth, y), active ? text : muted, label);
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
  ImGui::TextUnformatted("Top: held-out images. Bottom: decoded from their posterior means.");
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
