#include "ui/views/word2vec/one_update_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/math/pca.h"
#include "core/models/word2vec/word2vec_run_snapshot.h"
#include "ui/plot/plot_widget.h"
#include "ui/views/word2vec/update_colors.h"

namespace genlab::views {
namespace {

using word2vec_colors::kInput;
using word2vec_colors::kNoise;
using word2vec_colors::kTrue;

// 1, 2, 5, 10, 20, 50, ... : the largest not above x (at least 1).
double niceFactor(double x) {
  if (!(x > 1.0)) return 1.0;
  const double decade = std::pow(10.0, std::floor(std::log10(x)));
  for (const double step : {5.0, 2.0, 1.0}) {
    if (step * decade <= x) return step * decade;
  }
  return decade;
}

std::string fixed2(double v) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", v);
  return text;
}

// An arrow from `from` to `to` as a shaft and a two-stroke head (data units, equal aspect).
std::vector<plot::Polyline> arrow(plot::Vec2 from, plot::Vec2 to, const gl::Color& color) {
  const plot::Vec2 d = to - from;
  const double length = std::hypot(d.x, d.y);
  std::vector<plot::Polyline> lines{{{from, to}, color, false}};
  if (length <= 0.0) return lines;
  const double head = 0.3 * length;
  const double c = std::cos(0.45), s = std::sin(0.45);
  const plot::Vec2 back{-d.x / length * head, -d.y / length * head};
  const plot::Vec2 left{back.x * c - back.y * s, back.x * s + back.y * c};
  const plot::Vec2 right{back.x * c + back.y * s, -back.x * s + back.y * c};
  lines.push_back({{to + left, to, to + right}, color, false});
  return lines;
}

}  // namespace

namespace {
// The smallest picture the view splits its room into (logical pixels).
constexpr float kMinPictureWidth = 420.0f;
constexpr float kMinPictureHeight = 300.0f;
}  // namespace

OneUpdateView::OneUpdateView() {
  m_barRects = &m_bars.add<plot::RectLayer>();
  m_barLabels = &m_bars.add<plot::TextLayer>();
  m_bars.setLegendPosition(plot::LegendPosition::Above);
  m_arrowLines = &m_arrows.add<plot::LineLayer>();
  m_arrowLines->setWidth(3.0f);
  m_arrowEnds = &m_arrows.add<plot::MarkerLayer>();
  m_arrowEnds->setOutlineWidth(1.0f);
  m_arrowLabels = &m_arrows.add<plot::TextLayer>();
  m_arrows.setEqualAspect(true);
  m_arrows.setAxisLabels("PCA axis 1", "PCA axis 2");
  m_arrows.setLegendPosition(plot::LegendPosition::Above);
}

void OneUpdateView::rebuildBars(const word2vec::Word2VecRunSnapshot& snapshot,
                                const ui::Style& style) {
  const auto& u = snapshot.model.lastUpdate;
  const auto& words = *snapshot.model.words;
  std::vector<plot::FilledRect> rects;
  std::vector<plot::Label> labels;
  std::vector<std::string> categories;
  const auto add = [&](int word, float before, float after, const gl::Color& color) {
    const double x = static_cast<double>(categories.size());
    categories.push_back(words[static_cast<std::size_t>(word)]);
    rects.push_back({{x - 0.4, x - 0.02, 0.0, before}, color.withAlpha(0.35f)});
    rects.push_back({{x + 0.02, x + 0.4, 0.0, after}, color});
    labels.push_back({{x - 0.21, before},
                      fixed2(before),
                      style.palette.foreground,
                      gl::HAlign::Center,
                      gl::VAlign::Bottom,
                      {0.0, -3.0},
                      false});
    labels.push_back({{x + 0.21, after},
                      fixed2(after),
                      style.palette.foreground,
                      gl::HAlign::Center,
                      gl::VAlign::Bottom,
                      {0.0, -3.0},
                      true});
  };
  if (u.target >= 0) {
    add(u.target, u.positiveBefore, u.positiveAfter, kTrue);
    for (std::size_t k = 0; k < u.negatives.size(); ++k)
      add(u.negatives[k], u.negativeBefore[k], u.negativeAfter[k], kNoise);
  }
  std::string input;
  for (const int w : u.inputs)
    input += (input.empty() ? "" : " ") + words[static_cast<std::size_t>(w)];
  char title[256], axis[128];
  if (u.target >= 0) {
    std::snprintf(title, sizeof title, "\"%s\" predicts \"%s\"", input.c_str(),
                  words[static_cast<std::size_t>(u.target)].c_str());
    std::snprintf(axis, sizeof axis, "update %lld, alpha %.3g: the true word, then the noise",
                  static_cast<long long>(u.prediction), u.alpha);
  } else {
    std::snprintf(title, sizeof title, "no update yet: press +1");
    std::snprintf(axis, sizeof axis, "the true word, then the noise words");
  }
  m_bars.setAxisLabels(axis, "\xCF\x83(u\xC2\xB7h)");
  m_bars.setTitle(title);
  m_barRects->setRects(std::move(rects));
  m_barLabels->setLabels(std::move(labels));
  m_barRects->setLegend(
      {{"before", style.palette.foreground.withAlpha(0.3f), plot::LegendSwatch::Box},
       {"after", style.palette.foreground, plot::LegendSwatch::Box},
       {"true word (pushed up)", kTrue, plot::LegendSwatch::Box},
       {"noise (pushed down)", kNoise, plot::LegendSwatch::Box}});
  if (categories.empty()) categories = {" "};
  if (categories != m_shownCategories) {
    m_bars.setXCategories(categories);
    const plot::DataRect home{-0.6, static_cast<double>(categories.size()) - 0.4, 0.0, 1.12};
    m_bars.setHomeView(home);
    m_bars.setView(home);
    m_shownCategories = std::move(categories);
  }
}

void OneUpdateView::rebuildArrows(const word2vec::Word2VecRunSnapshot& snapshot,
                                  const ui::Style& style) {
  const auto& u = snapshot.model.lastUpdate;
  const auto& words = *snapshot.model.words;
  const int dim = snapshot.model.dim;
  const std::size_t outputs = u.target >= 0 ? 1 + u.negatives.size() : 0;
  if (u.target < 0 || u.inputBefore.size() != static_cast<std::size_t>(dim) ||
      u.outputBefore.size() != outputs * static_cast<std::size_t>(dim)) {
    m_arrowLines->clear();
    m_arrowEnds->setMarkers({});
    m_arrowLabels->setLabels({});
    m_arrows.setTitle("how the update moves the vectors");
    return;
  }
  // The plane of all vectors (input and output), through the origin.
  const int total = snapshot.words();
  const bool withOutput = !snapshot.output.empty();
  Eigen::MatrixXd all(static_cast<Eigen::Index>(total * (withOutput ? 2 : 1)), dim);
  for (int w = 0; w < total; ++w) {
    for (int d = 0; d < dim; ++d) {
      all(w, d) = snapshot.vector(w)[d];
      if (withOutput)
        all(total + w, d) =
            snapshot.output[static_cast<std::size_t>(w) * static_cast<std::size_t>(dim) +
                            static_cast<std::size_t>(d)];
    }
  }
  math::Projection2D plane = math::pcaProjection(all);
  plane.center = Eigen::VectorXd::Zero(dim);
  const auto project = [&](const std::vector<float>& v, std::size_t row) {
    Eigen::VectorXd x(dim);
    for (int d = 0; d < dim; ++d)
      x(d) = v[row * static_cast<std::size_t>(dim) + static_cast<std::size_t>(d)];
    const Eigen::Vector2d p = plane.point(x);
    return plot::Vec2{p.x(), p.y()};
  };

  struct Move {
    plot::Vec2 from, to;
    gl::Color color;
    std::string label;
  };
  std::vector<Move> moves;
  std::string input;
  for (const int w : u.inputs)
    input += (input.empty() ? "" : "+") + words[static_cast<std::size_t>(w)];
  moves.push_back({project(u.inputBefore, 0), project(u.inputAfter, 0), kInput, input + " (h)"});
  for (std::size_t k = 0; k < outputs; ++k) {
    const int w = k == 0 ? u.target : u.negatives[k - 1];
    moves.push_back({project(u.outputBefore, k), project(u.outputAfter, k), k == 0 ? kTrue : kNoise,
                     words[static_cast<std::size_t>(w)] + " (u)"});
  }
  double extent = 0.0, longest = 0.0;
  for (const auto& m : moves) {
    extent = std::max({extent, std::hypot(m.from.x, m.from.y), std::hypot(m.to.x, m.to.y)});
    longest = std::max(longest, std::hypot(m.to.x - m.from.x, m.to.y - m.from.y));
  }
  m_magnification = longest > 0.0 ? niceFactor(0.45 * extent / longest) : 1.0;

  std::vector<plot::Polyline> lines;
  std::vector<plot::Marker> markers{{{0.0, 0.0}, style.palette.foreground, 4.0f}};
  std::vector<plot::Label> labels{{{0.0, 0.0},
                                   "0",
                                   style.palette.foreground,
                                   gl::HAlign::Right,
                                   gl::VAlign::Top,
                                   {-6.0, 4.0},
                                   false}};
  for (const auto& m : moves) {
    const plot::Vec2 to = m.from + (m.to - m.from) * m_magnification;
    for (auto& line : arrow(m.from, to, m.color)) lines.push_back(std::move(line));
    markers.push_back({m.from, m.color.withAlpha(0.5f), 5.0f});
    labels.push_back(
        {to, m.label, m.color, gl::HAlign::Left, gl::VAlign::Middle, {8.0, 0.0}, true});
  }
  m_arrowLines->setPolylines(std::move(lines));
  m_arrowEnds->setMarkers(std::move(markers));
  m_arrowLabels->setLabels(std::move(labels));
  m_arrowLines->setLegend({{"context h", kInput, plot::LegendSwatch::Line},
                           {"true word u", kTrue, plot::LegendSwatch::Line},
                           {"noise u", kNoise, plot::LegendSwatch::Line}});
  char title[128];
  std::snprintf(title, sizeof title, "the moves, drawn x%g", m_magnification);
  m_arrows.setTitle(title);
  m_arrows.fitToData(0.25);
}

void OneUpdateView::update(const ViewContext& context) {
  const auto* snapshot = dynamic_cast<const word2vec::Word2VecRunSnapshot*>(context.snapshot.get());
  if (!snapshot || !snapshot->model.words) return;
  if (context.snapshot == m_shown && context.style.palette == m_shownPalette) return;
  m_shown = context.snapshot;
  m_shownPalette = context.style.palette;
  rebuildBars(*snapshot, context.style);
  rebuildArrows(*snapshot, context.style);
}

void OneUpdateView::draw(ViewContext& context, ImVec2 size) {
  if (!dynamic_cast<const word2vec::Word2VecRunSnapshot*>(context.snapshot.get())) return;
  update(context);
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  // Side by side where each picture gets a readable width, else one above the other, else the
  // bars alone (the arrows need room to mean anything).
  const ImVec2 spacing = ImGui::GetStyle().ItemSpacing;
  const float halfWidth = std::floor((size.x - spacing.x) * 0.5f);
  const float halfHeight = std::floor((size.y - spacing.y) * 0.5f);
  if (halfWidth >= kMinPictureWidth && halfWidth >= 0.8f * size.y) {
    plot::showCanvas("##w2v-update-bars", m_bars, ImVec2(halfWidth, size.y), context.style,
                     options);
    ImGui::SameLine();
    plot::showCanvas("##w2v-update-arrows", m_arrows,
                     ImVec2(size.x - halfWidth - spacing.x, size.y), context.style, options);
  } else if (halfHeight >= kMinPictureHeight) {
    plot::showCanvas("##w2v-update-bars", m_bars, ImVec2(size.x, halfHeight), context.style,
                     options);
    plot::showCanvas("##w2v-update-arrows", m_arrows,
                     ImVec2(size.x, size.y - halfHeight - spacing.y), context.style, options);
  } else {
    plot::showCanvas("##w2v-update-bars", m_bars, size, context.style, options);
  }
}

}  // namespace genlab::views
