#include "ui/views/nb/nb_field_view.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/plot/plot_widget.h"
#include "ui/views/gmm/density_grid.h"

namespace genlab::views {
namespace {

constexpr int kFieldCells = 150;        // per side; the posterior is smooth, finer adds nothing
constexpr float kFieldStrength = 0.5f;  // how far the field goes from the plot colour to a class's
constexpr float kGapPx = 10.0f;         // between the two plots (logical pixels)

bool sameRect(const plot::DataRect& a, const plot::DataRect& b) {
  return a.xMin == b.xMin && a.xMax == b.xMax && a.yMin == b.yMin && a.yMax == b.yMax;
}

Eigen::Matrix2d covarianceOf(const nb::NbSnapshot& s, bool full, int k) {
  if (full) return s.full->covariances()[static_cast<std::size_t>(k)];
  return s.model->var().row(k).transpose().asDiagonal();
}

Eigen::Vector2d meanOf(const nb::NbSnapshot& s, bool full, int k) {
  return full ? Eigen::Vector2d(s.full->means().row(k).transpose())
              : Eigen::Vector2d(s.model->theta().row(k).transpose());
}

Eigen::MatrixXd probabilities(const nb::NbSnapshot& s, bool full, const Eigen::MatrixXd& x) {
  return full ? s.full->predictProba(x) : s.model->predictProba(x);
}

}  // namespace

gl::Color posteriorColor(const float* proba, int classes, const ui::Palette& palette) {
  gl::Color mixed{0, 0, 0, 1};
  for (int k = 0; k < classes; ++k) {
    const gl::Color& c = palette.seriesColor(k);
    mixed.r += proba[k] * c.r;
    mixed.g += proba[k] * c.g;
    mixed.b += proba[k] * c.b;
  }
  return gl::mix(palette.plotArea, mixed, kFieldStrength);
}

NbFieldView::NbFieldView() {
  for (auto& side : m_side) setUpSide(side);
}

void NbFieldView::setUpSide(Side& side) {
  plot::PlotCanvas& canvas = side.canvas;
  side.field = &canvas.add<plot::HeatmapLayer>();
  side.field->setSmooth(true);
  side.boundaryHalo = &canvas.add<plot::LineLayer>();
  side.boundaryHalo->setWidth(6.0f);
  side.boundary = &canvas.add<plot::LineLayer>();
  side.boundary->setWidth(3.0f);
  side.points = &canvas.add<plot::PointLayer>();
  side.points->setPointSize(5.0f);
  side.halo = &canvas.add<plot::LineLayer>();
  side.halo->setWidth(6.0f);
  side.rings = &canvas.add<plot::LineLayer>();
  side.rings->setWidth(3.0f);
  side.means = &canvas.add<plot::MarkerLayer>();
  side.means->setOutlineWidth(2.5f);
  canvas.setEqualAspect(true);
  canvas.setAxisLabels("x\xE2\x82\x81", "x\xE2\x82\x82");
}

void NbFieldView::rebuildModel(Side& side, const nb::NbSnapshot& s, bool full,
                               const ui::Style& style) {
  const ui::Palette& palette = style.palette;
  const auto& d = *s.data;
  const auto n = static_cast<std::size_t>(s.trainUsed);
  std::vector<float> xy(2 * n);
  std::vector<plot::Rgba8> colors(n);
  for (std::size_t i = 0; i < n; ++i) {
    xy[2 * i] = static_cast<float>(d.train(static_cast<Eigen::Index>(i), 0));
    xy[2 * i + 1] = static_cast<float>(d.train(static_cast<Eigen::Index>(i), 1));
    colors[i] = palette.seriesColor(d.trainLabels[i]).withAlpha(0.9f).toRgba8();
  }
  side.points->setPoints(std::move(xy), std::move(colors));

  side.halo->clear();
  side.rings->clear();
  std::vector<plot::Marker> markers;
  std::vector<plot::LegendEntry> legend;
  for (int k = 0; k < s.classes(); ++k) {
    const gl::Color color = palette.seriesColor(k);
    const Eigen::Vector2d mean = meanOf(s, full, k);
    if (options.ellipses) {
      const Eigen::Matrix2d cov = covarianceOf(s, full, k);
      const gl::Color ring = gl::mix(color, gl::Color{0, 0, 0, 1}, 0.35f);
      for (double sd : {1.0, 2.0}) {
        auto outline = sigmaEllipse(mean, cov, sd);
        side.halo->addPolyline(outline, palette.plotArea.withAlpha(0.85f), true);
        side.rings->addPolyline(std::move(outline), ring, true);
      }
    }
    markers.push_back({{mean.x(), mean.y()}, color, 8.0f});
    legend.push_back({d.classNames[static_cast<std::size_t>(k)], color, plot::LegendSwatch::Point});
  }
  side.means->setMarkers(std::move(markers));
  // The classes alone: both plots' legends stay one short row, so the plots keep one height.
  side.canvas.setLegend(std::move(legend));

  char title[160];
  // Titles of about one length, so they wrap alike and the two plots keep one height.
  std::snprintf(title, sizeof title, "%s: %.0f%% right", full ? "Not naive" : "Naive Bayes",
                100.0 * (full ? s.fullTestAccuracy : s.testAccuracy));
  side.canvas.setTitle(title);
}

void NbFieldView::rebuildField(Side& side, const nb::NbSnapshot& s, bool full,
                               const ui::Style& style) {
  const plot::DataRect rect = side.canvas.transform().data;
  side.fieldRect = rect;
  side.field->setVisible(options.field);
  side.boundary->setVisible(options.boundary);
  side.boundaryHalo->setVisible(options.boundary);
  if (!(rect.width() > 0.0) || !(rect.height() > 0.0)) return;
  side.grid = nb::posteriorGrid([&](const Eigen::MatrixXd& x) { return probabilities(s, full, x); },
                                s.classes(), {rect.xMin, rect.xMax, rect.yMin, rect.yMax},
                                kFieldCells, kFieldCells);
  const nb::PosteriorGrid& grid = side.grid;
  std::vector<plot::Rgba8> cells(static_cast<std::size_t>(grid.rows * grid.cols));
  for (int r = 0; r < grid.rows; ++r) {
    for (int c = 0; c < grid.cols; ++c) {
      const float* p = &grid.proba[static_cast<std::size_t>((r * grid.cols + c) * grid.classes)];
      cells[static_cast<std::size_t>(r * grid.cols + c)] =
          posteriorColor(p, grid.classes, style.palette).toRgba8();
    }
  }
  plot::GridSpec spec;
  spec.cols = grid.cols;
  spec.rows = grid.rows;
  spec.rect = rect;
  spec.firstRowAtTop = false;
  side.field->setImage(spec, cells);

  // The boundary: where each class's margin over the best other class crosses zero (each
  // boundary between two classes is traced from both sides, onto the same line).
  side.boundary->clear();
  side.boundaryHalo->clear();
  DensityGrid margin;
  margin.cols = grid.cols;
  margin.rows = grid.rows;
  margin.rect = rect;
  std::vector<plot::Polyline> lines, halos;
  const gl::Color line = style.palette.foreground;
  const gl::Color halo = style.palette.plotArea.withAlpha(0.7f);
  for (int k = 0; k < grid.classes; ++k) {
    margin.values = grid.margin(k);
    const auto segments = contourSegments(margin, 0.0f);
    for (std::size_t i = 0; i + 1 < segments.size(); i += 2) {
      lines.push_back({{segments[i], segments[i + 1]}, line});
      halos.push_back({{segments[i], segments[i + 1]}, halo});
    }
  }
  side.boundary->setPolylines(std::move(lines));
  side.boundaryHalo->setPolylines(std::move(halos));
}

void NbFieldView::update(ViewContext& context) {
  const auto s = std::dynamic_pointer_cast<const nb::NbSnapshot>(context.snapshot);
  if (!s || !s->model || !s->data || s->data->images()) return;
  const bool changed = context.snapshot != m_shown || !(options == m_shownOptions) ||
                       !(context.style.palette == m_shownPalette);
  if (!m_fitted) {
    // Both plots show the data's box with a margin; double-click comes back to it.
    const auto& d = *s->data;
    const double mx = 0.08 * (d.boundsMax.x() - d.boundsMin.x());
    const double my = 0.08 * (d.boundsMax.y() - d.boundsMin.y());
    const plot::DataRect home{d.boundsMin.x() - mx, d.boundsMax.x() + mx, d.boundsMin.y() - my,
                              d.boundsMax.y() + my};
    for (auto& side : m_side) {
      side.canvas.setView(home);
      side.canvas.setHomeView(home);
    }
    m_fitted = true;
  }
  for (int i = 0; i < 2; ++i) {
    Side& side = m_side[i];
    const bool full = i == 1;
    if (full && !s->full) continue;
    if (changed) rebuildModel(side, *s, full, context.style);
    if (changed || !sameRect(side.canvas.transform().data, side.fieldRect))
      rebuildField(side, *s, full, context.style);
  }
  m_shown = context.snapshot;
  m_shownOptions = options;
  m_shownPalette = context.style.palette;
}

std::string NbFieldView::hoverText(const nb::NbSnapshot& s, bool full, plot::Vec2 at) const {
  Eigen::MatrixXd x(1, 2);
  x << at.x, at.y;
  const Eigen::MatrixXd p = probabilities(s, full, x);
  std::string text;
  for (int k = 0; k < s.classes(); ++k) {
    char line[96];
    std::snprintf(line, sizeof line, "%sP(%s | x) = %.3f", k ? "\n" : "",
                  s.data->classNames[static_cast<std::size_t>(k)].c_str(), p(0, k));
    text += line;
  }
  return text;
}

void NbFieldView::draw(ViewContext& context, ImVec2 size) {
  const auto s = std::dynamic_pointer_cast<const nb::NbSnapshot>(context.snapshot);
  if (!s || !s->model || !s->data || s->data->images()) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  update(context);
  const float gap = kGapPx;
  const ImVec2 half((size.x - gap) * 0.5f, size.y);
  plot::CanvasEvents events[2];
  for (int i = 0; i < 2; ++i) {
    const bool full = i == 1;
    if (full) ImGui::SameLine(0.0f, gap);
    if (full && !s->full) {
      ImGui::TextUnformatted("no full-covariance model");
      continue;
    }
    plot::CanvasWidgetOptions widget;
    widget.hoverText = [this, s, full](plot::Vec2 at) { return hoverText(*s, full, at); };
    events[i] = plot::showCanvas(full ? "##nb-full" : "##nb-naive", m_side[i].canvas, half,
                                 context.style, widget);
  }
  // One view for both: what the person did to one plot happens to the other.
  for (int i = 0; i < 2; ++i) {
    if (events[i].viewChanged) m_side[1 - i].canvas.setView(m_side[i].canvas.view());
  }
}

}  // namespace genlab::views
