#include "ui/views/gmm/gmm_scatter_view.h"

#include <cmath>
#include <cstdio>

#include "core/models/gmm/gmm_trainer.h"
#include "ui/plot/plot_widget.h"
#include "ui/views/gmm/density_grid.h"

namespace genlab::views {
namespace {

constexpr int kDensityCells = 200;  // per side; p(x) is smooth, finer grids add nothing
constexpr int kSprayPerFrame = 3;
constexpr float kHeatmapNats = 8.0f;    // log-density range the heatmap spans below its peak
constexpr float kMeanRadiusPx = 8.0f;   // a handle big enough to grab on a touchpad
constexpr double kToolRadiusPx = 14.0;  // spray spread and eraser radius on screen

gl::Color blend(const gmm::GmmSnapshot& snapshot, Eigen::Index row, const ui::Palette& palette) {
  gl::Color out{0, 0, 0, 1};
  for (int k = 0; k < snapshot.k; ++k) {
    const float r = snapshot.responsibilities(row, k);
    const gl::Color& c = palette.seriesColor(k);
    out.r += r * c.r;
    out.g += r * c.g;
    out.b += r * c.b;
  }
  return out;
}

double pixelsToData(const plot::PlotCanvas& canvas, double pixels) {
  const auto transform = canvas.transform();
  return pixels * transform.data.width() / std::max(1.0, transform.pixels.width);
}

}  // namespace

GmmScatterView::GmmScatterView() {
  m_heatmap = &m_canvas.add<plot::HeatmapLayer>();
  m_heatmap->setColormap(ui::Colormap::Viridis);
  m_heatmap->setOpacity(0.7f);
  m_heatmap->setSmooth(true);
  m_contours = &m_canvas.add<plot::LineLayer>();
  m_contours->setWidth(1.5f);
  m_points = &m_canvas.add<plot::PointLayer>();
  m_samples = &m_canvas.add<plot::PointLayer>();
  m_samples->setPointSize(4.0f);
  m_samples->setOpacity(0.9f);
  // Each ring is drawn twice: a wider halo in the plot colour, then the ring itself in a darker
  // shade of its component colour. Without the halo a ring disappears into points of its own
  // colour, which is exactly where the 1-sigma ring lies.
  constexpr float kWidths[3] = {3.0f, 2.0f, 1.5f};
  for (int s = 0; s < 3; ++s) {
    m_halo[s] = &m_canvas.add<plot::LineLayer>();
    m_halo[s]->setWidth(kWidths[s] + 3.0f);
    if (s == 2) m_halo[s]->setDash(6.0f, 5.0f);
    m_sigma[s] = &m_canvas.add<plot::LineLayer>();
    m_sigma[s]->setWidth(kWidths[s]);
    if (s == 2) m_sigma[s]->setDash(6.0f, 5.0f);
  }
  m_means = &m_canvas.add<plot::MarkerLayer>();
  m_means->setDraggable(true);
  m_means->setOutlineWidth(2.5f);
  m_overlaySolid = &m_canvas.add<plot::LineLayer>();
  m_overlaySolid->setWidth(3.0f);
  m_overlayDashed = &m_canvas.add<plot::LineLayer>();
  m_overlayDashed->setWidth(3.0f);
  m_overlayDashed->setDash(9.0f, 6.0f);
  m_overlayMeans = &m_canvas.add<plot::MarkerLayer>();
  m_overlayMeans->setOutlineWidth(2.0f);
  m_canvas.setEqualAspect(true);
}

void GmmScatterView::rebuildOverlay(const gmm::GmmSnapshot& data,
                                    const std::vector<Overlay>& overlays, const ui::Style& style) {
  const ui::Palette& palette = style.palette;
  // The data is shared: one grey cloud, so the colours belong to the runs alone.
  const auto& points = *data.points;
  std::vector<float> xy(static_cast<std::size_t>(points.rows()) * 2);
  for (Eigen::Index i = 0; i < points.rows(); ++i) {
    xy[static_cast<std::size_t>(2 * i)] = points(i, 0);
    xy[static_cast<std::size_t>(2 * i + 1)] = points(i, 1);
  }
  m_points->setPoints(std::move(xy));
  m_points->setColor(gl::mix(palette.foreground, palette.plotArea, 0.6f));
  m_samples->setVisible(false);
  for (auto* layer : m_sigma) layer->clear();
  for (auto* layer : m_halo) layer->clear();
  m_means->setMarkers({});
  m_overlaySolid->clear();
  m_overlayDashed->clear();
  std::vector<plot::Marker> markers;
  std::vector<plot::LegendEntry> legend;
  for (std::size_t r = 0; r < overlays.size(); ++r) {
    const auto run = std::dynamic_pointer_cast<const gmm::GmmSnapshot>(overlays[r].snapshot);
    if (!run) continue;
    plot::LineLayer* layer = r == 0 ? m_overlaySolid : m_overlayDashed;
    for (int k = 0; k < run->k; ++k) {
      const auto& mean = run->means2d[static_cast<std::size_t>(k)];
      const auto& cov = run->covariances2d[static_cast<std::size_t>(k)];
      for (double sigma : {1.0, 2.0})
        layer->addPolyline(sigmaEllipse(mean, cov, sigma), overlays[r].color, true);
      markers.push_back({{mean.x(), mean.y()}, overlays[r].color, kMeanRadiusPx * 0.8f});
    }
    char label[160];
    std::snprintf(label, sizeof label, "%s: K = %d, step %lld%s", overlays[r].label.c_str(), run->k,
                  static_cast<long long>(run->step), r == 0 ? "" : " (dashed)");
    legend.push_back({label, overlays[r].color, plot::LegendSwatch::Line});
  }
  m_overlayMeans->setMarkers(std::move(markers));
  m_canvas.setLegend(std::move(legend));
}

void GmmScatterView::requestSamples(train::Session& session, int n) {
  m_sampleCount = n;
  options.samples = true;
  auto reply = std::make_shared<Reply<Eigen::MatrixXd>>();
  m_sampleReply = reply;
  session.post([reply, n](train::Trainer& trainer) {
    if (auto* gmm = dynamic_cast<gmm::GmmTrainer*>(&trainer)) reply->put(gmm->sample(n));
  });
}

void GmmScatterView::rebuildData(const gmm::GmmSnapshot& snapshot, const ui::Style& style) {
  const ui::Palette& palette = style.palette;
  const auto& points = *snapshot.points;
  if (snapshot.dim > 2) {
    m_canvas.setAxisLabels("principal component 1", "principal component 2");
  } else {
    m_canvas.setAxisLabels("x\xE2\x82\x81", "x\xE2\x82\x82");
  }
  const Eigen::Index n = points.rows();
  std::vector<float> xy(static_cast<std::size_t>(n) * 2);
  std::vector<gl::Rgba8> colors(static_cast<std::size_t>(n));
  const bool byTruth = options.coloring == PointColoring::kTrueLabels && snapshot.trueLabels;
  for (Eigen::Index i = 0; i < n; ++i) {
    xy[static_cast<std::size_t>(2 * i)] = points(i, 0);
    xy[static_cast<std::size_t>(2 * i + 1)] = points(i, 1);
    gl::Color c;
    if (byTruth) {
      const int label = (*snapshot.trueLabels)[static_cast<std::size_t>(i)];
      c = label < 0 ? palette.foreground : palette.seriesColor(label);
    } else if (snapshot.responsibilities.rows() == n) {
      c = blend(snapshot, i, palette);
      // Responsibilities from older parameters (after an M-step alone or a dragged mean before
      // its E-step): washed out, so the class sees they are not yet up to date.
      if (!snapshot.responsibilitiesCurrent) c = gl::mix(c, palette.plotArea, 0.55f);
    } else {
      c = palette.foreground;
    }
    colors[static_cast<std::size_t>(i)] = c.withAlpha(0.85f).toRgba8();
  }
  m_points->setPoints(std::move(xy), std::move(colors));

  for (auto* layer : m_sigma) layer->clear();
  for (auto* layer : m_halo) layer->clear();
  std::vector<plot::Marker> markers;
  std::vector<plot::LegendEntry> legend;
  for (int k = 0; k < snapshot.k; ++k) {
    const auto& mean = snapshot.means2d[static_cast<std::size_t>(k)];
    const auto& cov = snapshot.covariances2d[static_cast<std::size_t>(k)];
    const gl::Color color = palette.seriesColor(k);
    if (options.ellipses) {
      const gl::Color ring = gl::mix(color, gl::Color{0, 0, 0, 1}, 0.3f);
      for (int s = 0; s < 3; ++s) {
        auto outline = sigmaEllipse(mean, cov, s + 1.0);
        m_halo[s]->addPolyline(outline, palette.plotArea.withAlpha(0.8f), true);
        m_sigma[s]->addPolyline(std::move(outline), ring, true);
      }
    }
    markers.push_back({{mean.x(), mean.y()}, color, kMeanRadiusPx});
    char label[64];
    std::snprintf(label, sizeof label, "component %d  (weight %.2f)", k + 1, snapshot.weights(k));
    legend.push_back({label, color, plot::LegendSwatch::Point});
  }
  m_means->setMarkers(std::move(markers));
  m_canvas.setLegend(std::move(legend));

  // Samples are drawn in black-ish hollow-looking points so they never read as data.
  if (options.samples && m_sampleData.rows() > 0) {
    const Eigen::MatrixX2d projected = snapshot.projection.points(m_sampleData);
    std::vector<float> sxy;
    sxy.reserve(static_cast<std::size_t>(projected.rows()) * 2);
    for (Eigen::Index i = 0; i < projected.rows(); ++i) {
      sxy.push_back(static_cast<float>(projected(i, 0)));
      sxy.push_back(static_cast<float>(projected(i, 1)));
    }
    m_samples->setPoints(std::move(sxy));
    m_samples->setColor(palette.foreground);
    m_samples->setLegend(
        {{"samples from the model", palette.foreground, plot::LegendSwatch::Point}});
    m_samples->setVisible(true);
  } else {
    m_samples->setVisible(false);
  }
}

void GmmScatterView::rebuildDensity(const gmm::GmmSnapshot& snapshot, const ui::Style& style) {
  m_heatmap->setVisible(options.density == DensityMode::kHeatmap);
  m_contours->setVisible(options.density == DensityMode::kContours);
  if (options.density == DensityMode::kNone) return;
  const plot::DataRect rect = m_canvas.transform().data;
  const DensityGrid grid = evaluateDensity(snapshot, rect, kDensityCells, kDensityCells);
  if (options.density == DensityMode::kHeatmap) {
    plot::GridSpec spec;
    spec.cols = grid.cols;
    spec.rows = grid.rows;
    spec.rect = rect;
    spec.firstRowAtTop = false;
    // Shaded by log p(x) over the top kHeatmapNats: a linear scale would show only the peaks
    // (hidden under the ellipses) and leave the tails, where components meet, all one colour.
    std::vector<float> logDensity(grid.values.size());
    const float top = std::log(std::max(grid.maxValue, 1e-30f));
    for (std::size_t i = 0; i < logDensity.size(); ++i) {
      logDensity[i] = grid.values[i] > 0.0f ? std::log(grid.values[i]) : top - kHeatmapNats;
    }
    m_heatmap->setScalars(spec, logDensity, top - kHeatmapNats, top);
  } else {
    m_contours->clear();
    // Levels at fixed fractions of the peak: equal steps in log density read as evenly spaced
    // rings on a Gaussian (each ring about 0.8 sigma further out).
    for (float fraction : {0.8f, 0.5f, 0.25f, 0.1f, 0.03f, 0.01f}) {
      const auto segments = contourSegments(grid, fraction * grid.maxValue);
      for (std::size_t i = 0; i + 1 < segments.size(); i += 2) {
        m_contours->addPolyline({segments[i], segments[i + 1]},
                                style.palette.foreground.withAlpha(0.7f));
      }
    }
  }
}

std::string GmmScatterView::hoverText(const gmm::GmmSnapshot& snapshot, plot::Vec2 at) const {
  const Eigen::Vector2d x(at.x, at.y);
  char text[160];
  std::snprintf(text, sizeof text, "p(x) = %.4g%s", mixtureDensity(snapshot, x),
                snapshot.dim > 2 ? " (marginal in the PCA plane)" : "");
  return text;
}

void GmmScatterView::handleEvents(const plot::CanvasEvents& events, ViewContext& context,
                                  const gmm::GmmSnapshot& snapshot) {
  if (context.scrubbing) return;  // the past is read-only
  train::Session& session = context.session;
  if (events.itemLayer == m_means && events.itemMoved) {
    const int k = static_cast<int>(events.itemIndex);
    const Eigen::Vector2d position(events.itemData.x, events.itemData.y);
    session.post([k, position](train::Trainer& trainer) {
      if (auto* gmm = dynamic_cast<gmm::GmmTrainer*>(&trainer)) gmm->setMean2D(k, position);
    });
    return;
  }
  if (snapshot.dim != 2) return;  // adding points needs all d coordinates
  const double radius = pixelsToData(m_canvas, kToolRadiusPx);
  if (events.reset && m_lastAdded &&
      ImGui::GetTime() - m_lastAddedTime <= ImGui::GetIO().MouseDoubleClickTime + 0.05) {
    // The first click of a double-click (which resets the view) added a point before anyone
    // could know a second click would follow: take that point out again. It sits exactly at
    // the click, so a hundredth of a pixel finds it and nothing else.
    const plot::Vec2 at = *m_lastAdded;
    const double exact = pixelsToData(m_canvas, 0.01);
    session.post([at, exact](train::Trainer& trainer) {
      if (auto* gmm = dynamic_cast<gmm::GmmTrainer*>(&trainer))
        gmm->erasePointsNear(at.x, at.y, exact);
    });
    m_lastAdded.reset();
    return;
  }
  if (events.clicked && !events.ctrl && !events.shift) {
    m_lastAdded = events.clickData;
    m_lastAddedTime = ImGui::GetTime();
    Eigen::MatrixXd point(1, 2);
    point << events.clickData.x, events.clickData.y;
    session.post([point](train::Trainer& trainer) {
      if (auto* gmm = dynamic_cast<gmm::GmmTrainer*>(&trainer)) gmm->addPoints(point);
    });
  } else if ((events.toolDrag && events.ctrl) || (events.clicked && events.ctrl)) {
    const plot::Vec2 at = events.toolDrag ? events.toolData : events.clickData;
    session.post([at, radius](train::Trainer& trainer) {
      if (auto* gmm = dynamic_cast<gmm::GmmTrainer*>(&trainer))
        gmm->erasePointsNear(at.x, at.y, radius);
    });
  } else if (events.toolDrag && events.shift) {
    // Spray: a few points a frame, normally spread around the cursor. The UI's own generator
    // is fine here: a sprayed point is the person's data, not part of a seeded run.
    Eigen::MatrixXd points(kSprayPerFrame, 2);
    for (int i = 0; i < kSprayPerFrame; ++i) {
      points(i, 0) = events.toolData.x + m_sprayRng.normal() * radius * 0.6;
      points(i, 1) = events.toolData.y + m_sprayRng.normal() * radius * 0.6;
    }
    session.post([points](train::Trainer& trainer) {
      if (auto* gmm = dynamic_cast<gmm::GmmTrainer*>(&trainer)) gmm->addPoints(points);
    });
  }
}

void GmmScatterView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = std::dynamic_pointer_cast<const gmm::GmmSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->points) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  update(context);
  plot::CanvasWidgetOptions widgetOptions;
  widgetOptions.hoverText = [this, snapshot](plot::Vec2 at) { return hoverText(*snapshot, at); };
  const auto events =
      plot::showCanvas("##gmm-scatter", m_canvas, size, context.style, widgetOptions);
  if (context.overlays.empty()) handleEvents(events, context, *snapshot);
}

void GmmScatterView::fitToNewData(const gmm::GmmSnapshot& snapshot) {
  if (snapshot.points == m_fittedPoints) return;
  m_fittedPoints = snapshot.points;
  const plot::DataRect data{snapshot.boundsMin.x(), snapshot.boundsMax.x(), snapshot.boundsMin.y(),
                            snapshot.boundsMax.y()};
  // A view the person has panned or zoomed stays theirs; one genlab fitted follows new data
  // (an import, another lesson's data, a new seed) when the data left it or shrank inside it.
  const bool personMovedIt = m_autoView && !(m_canvas.view() == *m_autoView);
  if (m_autoView && (personMovedIt || !plot::viewShouldRefit(m_canvas.view(), data))) return;
  if (!m_autoView) {
    // The first picture: the data and the mixture's starting ellipses.
    m_canvas.setView(data);
    m_canvas.fitToData(0.08);
  } else {
    // New data: fit the data itself; the mixture's ellipses may still be the old data's.
    // Data on a line still gets a view a tenth as tall (or wide) as it is long.
    const double floor = std::max(0.1 * std::max(data.width(), data.height()), 1e-6);
    const double halfWidth = 0.58 * std::max(data.width(), floor);  // 8% margin each side
    const double halfHeight = 0.58 * std::max(data.height(), floor);
    const plot::Vec2 centre = data.center();
    m_canvas.setView(
        {centre.x - halfWidth, centre.x + halfWidth, centre.y - halfHeight, centre.y + halfHeight});
  }
  m_autoView = m_canvas.view();
}

void GmmScatterView::update(ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const gmm::GmmSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->points) return;
  if (!context.overlays.empty()) {
    std::vector<train::SnapshotPtr> shown;
    for (const auto& overlay : context.overlays) shown.push_back(overlay.snapshot);
    if (shown != m_overlayShown || !(context.style.palette == m_shownPalette)) {
      rebuildOverlay(*snapshot, context.overlays, context.style);
      m_overlayShown = std::move(shown);
      m_shownPalette = context.style.palette;
      m_shown.reset();  // leaving overlay mode rebuilds the usual picture
    }
    m_heatmap->setVisible(false);
    m_contours->setVisible(false);
    fitToNewData(*snapshot);
    return;
  }
  if (!m_overlayShown.empty()) {
    m_overlayShown.clear();
    m_overlaySolid->clear();
    m_overlayDashed->clear();
    m_overlayMeans->setMarkers({});
    m_shown.reset();
  }
  if (m_sampleReply) {
    if (auto samples = m_sampleReply->take()) {
      m_sampleData = std::move(*samples);
      m_sampleReply.reset();
      m_shown.reset();  // rebuild the layers with the new samples
    }
  }
  // Samples follow the model: while they are shown, every new snapshot of the live run asks
  // for a fresh draw (one request in flight at a time), so they never show a past mixture.
  if (options.samples && !m_sampleReply && !context.scrubbing && context.snapshot != m_samplesFor) {
    m_samplesFor = context.snapshot;
    requestSamples(context.session, m_sampleCount);
  }
  const bool snapshotChanged = context.snapshot != m_shown;
  const bool optionsChanged = !(options == m_shownOptions);
  const bool paletteChanged = !(context.style.palette == m_shownPalette);
  if (snapshotChanged || optionsChanged || paletteChanged) {
    rebuildData(*snapshot, context.style);
  }
  fitToNewData(*snapshot);
  // Density depends on the view too: recompute when either moved.
  const plot::DataRect view = m_canvas.view();
  const bool viewChanged = view.xMin != m_densityView.xMin || view.xMax != m_densityView.xMax ||
                           view.yMin != m_densityView.yMin || view.yMax != m_densityView.yMax;
  if (snapshotChanged || optionsChanged || paletteChanged || viewChanged) {
    rebuildDensity(*snapshot, context.style);
    m_densityView = view;
  }
  m_shown = context.snapshot;
  m_shownOptions = options;
  m_shownPalette = context.style.palette;
}

}  // namespace genlab::views
