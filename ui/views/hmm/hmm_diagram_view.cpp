#include "ui/views/hmm/hmm_diagram_view.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "ui/gl/shared_resources.h"

namespace genlab::views {

using gl::HAlign;
using gl::VAlign;
using plot::Vec2;

namespace {

double length(Vec2 v) {
  return std::hypot(v.x, v.y);
}
Vec2 normalised(Vec2 v) {
  const double n = length(v);
  return n > 0 ? v * (1.0 / n) : Vec2{1, 0};
}
Vec2 perpendicular(Vec2 v) {
  return {-v.y, v.x};
}

// An open polyline with an arrowhead (two strokes) at its last point.
void arrow(hmmui::PixelCanvas& c, const std::vector<Vec2>& points, double width,
           const ui::Color& color, double head) {
  for (std::size_t i = 0; i + 1 < points.size(); ++i)
    c.shapes().addLine(points[i], points[i + 1], width, color, false);
  // Joints: discs hide the notches between wide segments.
  for (std::size_t i = 1; i + 1 < points.size(); ++i)
    c.shapes().addDisc(points[i], width * 0.5, color, 12);
  const Vec2 tip = points.back();
  const Vec2 back = normalised(points[points.size() - 2] - tip);
  const double a = 0.5;  // about 29 degrees either side
  const Vec2 l{back.x * std::cos(a) - back.y * std::sin(a),
               back.x * std::sin(a) + back.y * std::cos(a)};
  const Vec2 r{back.x * std::cos(-a) - back.y * std::sin(-a),
               back.x * std::sin(-a) + back.y * std::cos(-a)};
  const double w = std::max(width, 2.0);
  c.shapes().addLine(tip, tip + l * head, w, color, false);
  c.shapes().addLine(tip, tip + r * head, w, color, false);
  c.shapes().addDisc(tip, w * 0.5, color, 12);
}

void label(hmmui::PixelCanvas& c, const gl::Font& font, const std::string& text, Vec2 at,
           const ui::Palette& pal) {
  const gl::PixelBox box = font.bounds(text, static_cast<float>(at.x), static_cast<float>(at.y),
                                       HAlign::Center, VAlign::Middle);
  const double m = font.pixelHeight() * 0.15;
  c.shapes().addRect(box.x0 - m, box.y0 - m, box.x1 + m, box.y1 + m,
                     pal.background.withAlpha(0.85f));
  c.text().add(font, text, static_cast<float>(at.x), static_cast<float>(at.y), HAlign::Center,
               VAlign::Middle, pal.foreground);
}

}  // namespace

HmmDiagramView::HmmDiagramView(std::vector<std::string> stateNames,
                               std::vector<std::string> alphabet)
    : m_stateNames(std::move(stateNames)), m_alphabet(std::move(alphabet)) {}

std::vector<Vec2> HmmDiagramView::paint(const hmm::HmmModel& model, const hmmui::HmmLabels& labels,
                                        const ui::Style& style) {
  const ui::Palette& pal = style.palette;
  const gl::Font& regular = gl::sharedFont(gl::FontFace::Regular, style.fontPx);
  const gl::Font& bold = gl::sharedFont(gl::FontFace::Bold, style.fontPx);
  const int K = static_cast<int>(model.states());
  const double W = m_canvas.width(), H = m_canvas.height(), font = style.fontPx;
  m_canvas.clear();

  // Nodes: two side by side, more on a circle; the radius leaves room for the loops outside.
  std::vector<Vec2> centres;
  const Vec2 mid{W * 0.5, H * 0.5};
  double R = 0;
  if (K <= 2) {
    R = std::clamp(std::min(W * 0.1, H * 0.2), 1.2 * font, 4.0 * font);
    // Room outside each node for its loop (about 1.2 R) and the loop's label (about 3 em).
    const double dx = std::max(1.6 * R, std::min(W * 0.25, W * 0.5 - 2.3 * R - 3.2 * font));
    if (K == 1)
      centres.push_back(mid);
    else
      centres = {{mid.x - dx, mid.y}, {mid.x + dx, mid.y}};
  } else {
    const double ring = std::min(W, H) * 0.5 - std::min(W, H) * 0.16;
    R = std::clamp(std::min(W, H) * 0.6 / (K + 2.0), 0.8 * font, 3.0 * font);
    for (int k = 0; k < K; ++k) {
      const double a = -std::numbers::pi / 2 + 2 * std::numbers::pi * k / K;
      centres.push_back({mid.x + ring * 1.2 * std::cos(a), mid.y + ring * std::sin(a)});
    }
  }
  const double maxWidth = std::max(3.0, std::min(R * 0.3, style.lineWidthPx * 3.0));
  auto widthFor = [&](double p) { return std::max(1.0, style.lineWidthPx * 0.4 + p * maxWidth); };
  const double head = font * 0.75;
  auto edgeColor = [&](int i) {
    return mix(hmmui::stateColor(labels, pal, i), pal.foreground, 0.35f);
  };

  for (int i = 0; i < K; ++i) {
    const Vec2 ci = centres[static_cast<std::size_t>(i)];
    for (int j = 0; j < K; ++j) {
      const double p = model.transition(i, j);
      const double w = widthFor(p);
      char text[16];
      std::snprintf(text, sizeof text, "%.2f", p);
      if (i == j) {
        // A loop outside the node, away from the diagram's centre (upwards for K = 1).
        Vec2 out = K == 1 ? Vec2{0, -1} : normalised(ci - mid);
        if (K == 2) out = normalised(Vec2{out.x, -0.35});
        const double r = R * 0.6;
        const Vec2 c = ci + out * (R + r * 0.55);
        std::vector<Vec2> pts;
        const double a0 = std::atan2(out.y, out.x) + std::numbers::pi;  // the side facing the node
        for (int s = 0; s <= 40; ++s) {
          const double a = a0 + 0.95 + (2 * std::numbers::pi - 1.9) * s / 40.0;
          const Vec2 p2{c.x + r * std::cos(a), c.y + r * std::sin(a)};
          if (length(p2 - ci) >= R + 1.0) pts.push_back(p2);
        }
        if (pts.size() >= 2) arrow(m_canvas, pts, w, edgeColor(i), head);
        label(m_canvas, regular, text, c + out * (r + font * 1.6), pal);
        continue;
      }
      // A curve bent to its left, so i -> j and j -> i run side by side.
      const Vec2 cj = centres[static_cast<std::size_t>(j)];
      const Vec2 dir = normalised(cj - ci);
      const Vec2 bend = perpendicular(dir) * (-0.22 * length(cj - ci));
      const Vec2 control = (ci + cj) * 0.5 + bend;
      std::vector<Vec2> pts;
      for (int s = 0; s <= 32; ++s) {
        const double t = s / 32.0;
        const Vec2 p2 = ci * ((1 - t) * (1 - t)) + control * (2 * (1 - t) * t) + cj * (t * t);
        if (length(p2 - ci) >= R + 2.0 && length(p2 - cj) >= R + 3.0) pts.push_back(p2);
      }
      if (pts.size() >= 2) arrow(m_canvas, pts, w, edgeColor(i), head);
      const Vec2 top = (ci + cj) * 0.25 + control * 0.5;  // the curve's midpoint
      label(m_canvas, regular, text, top + normalised(bend) * (font * 0.9), pal);
    }
  }
  for (int k = 0; k < K; ++k) {
    const Vec2 c = centres[static_cast<std::size_t>(k)];
    m_canvas.shapes().addDisc(c, R + std::max(1.0f, style.lineWidthPx * 0.75f), pal.foreground, 48);
    m_canvas.shapes().addDisc(c, R, hmmui::stateColor(labels, pal, k), 48);
    const std::string& name = labels.states[static_cast<std::size_t>(k)];
    const gl::Font& smallBold = gl::sharedFont(gl::FontFace::Bold, std::round(style.fontPx * 0.8f));
    const gl::Font& nameFont = bold.measure(name) <= 1.8 * R ? bold : smallBold;
    const bool inside = nameFont.measure(name) <= 1.85 * R;
    const Vec2 at = inside ? c : c + Vec2{0, R + font * 0.9};
    m_canvas.text().add(
        nameFont, name, static_cast<float>(at.x), static_cast<float>(at.y), HAlign::Center,
        VAlign::Middle,
        inside ? hmmui::textOn(hmmui::stateColor(labels, pal, k), pal) : pal.foreground);
    char start[32];
    std::snprintf(start, sizeof start, "start %.2f", model.start(k));
    m_canvas.text().add(regular, start, static_cast<float>(c.x),
                        static_cast<float>(c.y + R + font * (inside ? 0.9 : 2.1)), HAlign::Center,
                        VAlign::Middle, pal.foreground);
  }
  m_canvas.render(pal.background);
  return centres;
}

void HmmDiagramView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(context.snapshot);
  if (!snapshot) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  hmmui::PixelFrame frame = hmmui::placePixelCanvas("##hmm-diagram", m_canvas, size, context.style);
  if (context.snapshot != m_shown || m_canvas.width() != m_width || m_canvas.height() != m_height ||
      !(frame.style == m_style)) {
    m_labels = hmmui::makeLabels(*snapshot, m_stateNames, m_alphabet);
    paint(snapshot->model, m_labels, frame.style);
    m_shown = context.snapshot;
    m_width = m_canvas.width();
    m_height = m_canvas.height();
    m_style = frame.style;
  }
  hmmui::showPixelCanvas(frame, m_canvas);
}

}  // namespace genlab::views
