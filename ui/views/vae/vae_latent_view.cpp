#include "ui/views/vae/vae_latent_view.h"

#include <algorithm>
#include <cstdio>

#include "ui/plot/plot_widget.h"
#include "ui/views/panel_widgets.h"

namespace genlab::views {
namespace {

constexpr double kHoverPixels = 8.0;
constexpr float kProbeRadiusPx = 9.0f;
constexpr float kSidePanelFraction = 0.26f;

// The palette's eight series colours, then two more: Fashion-MNIST has ten classes, and a
// repeated colour would merge two of them on the projector.
gl::Color classColor(const ui::Palette& palette, int label) {
  if (label == 8) return gl::Color::fromHex(0x8C564B);  // brown
  if (label == 9) return gl::Color::fromHex(0x6A3D9A);  // purple
  return palette.seriesColor(label);
}

}  // namespace

VaeLatentView::VaeLatentView(VaeSelection& selection, VaeColoring& coloring, VaeAxes& axes)
    : m_selection(selection), m_coloring(coloring), m_axes(axes) {
  m_points = &m_canvas.add<plot::PointLayer>();
  m_points->setPointSize(4.0f);
  m_picked = &m_canvas.add<plot::MarkerLayer>();
  m_picked->setOutlineWidth(2.0f);
  m_probe = &m_canvas.add<plot::MarkerLayer>();
  m_probe->setDraggable(true);
  m_probe->setOutlineWidth(3.0f);
  m_canvas.setEqualAspect(true);
}

std::vector<float> VaeLatentView::latentAt(plot::Vec2 at) const {
  std::vector<float> z(static_cast<std::size_t>(m_latent), 0.0f);
  if (m_latent == 0) return z;
  if (m_shownTsne && m_shownEncoding && m_shownEncoding->latent == m_latent) {
    // No inverse map: the code of the nearest point on the map.
    const auto& y = m_tsneShown->points;
    Eigen::Index nearest = 0;
    (y.rowwise() - Eigen::RowVector2d(at.x, at.y)).rowwise().squaredNorm().minCoeff(&nearest);
    const auto row = static_cast<std::size_t>(nearest) * static_cast<std::size_t>(m_latent);
    std::copy_n(m_shownEncoding->means.begin() + static_cast<std::ptrdiff_t>(row), m_latent,
                z.begin());
  } else if (m_shownPca) {
    const Eigen::VectorXd v =
        m_projection.center + m_projection.axes.transpose() * Eigen::Vector2d(at.x, at.y);
    for (int d = 0; d < m_latent; ++d) z[static_cast<std::size_t>(d)] = static_cast<float>(v(d));
  } else {
    z[static_cast<std::size_t>(m_shownX)] = static_cast<float>(at.x);
    z[static_cast<std::size_t>(m_shownY)] = static_cast<float>(at.y);
  }
  return z;
}

void VaeLatentView::rebuild(const vae::VaeSnapshot& snapshot, const ui::Style& style) {
  const vae::Encoding& enc = *snapshot.encoding;
  const vae::HeldOut& held = *snapshot.heldOut;
  const ui::Palette& palette = style.palette;
  m_latent = enc.latent;
  const bool latentChanged = m_shownEncoding && m_shownEncoding->latent != enc.latent;

  // The plane: 2-D as it is; otherwise the t-SNE map (PCA until its first picture), PCA, or
  // the two chosen (or top-KL) dimensions.
  std::vector<float> xy(static_cast<std::size_t>(enc.count) * 2);
  const bool wasTsne = m_shownTsne;
  m_shownTsne = enc.latent > 2 && m_axes.tsne && tsnePositions(snapshot, xy);
  m_shownPca = enc.latent > 2 && (m_axes.pca || m_axes.tsne) && !m_shownTsne;
  if (!m_shownPca) {
    const int top0 = enc.dimsByKl.empty() ? 0 : enc.dimsByKl[0];
    const int top1 = enc.dimsByKl.size() > 1 ? enc.dimsByKl[1] : 1;
    m_shownX = m_axes.dimX >= 0 && m_axes.dimX < enc.latent ? m_axes.dimX : top0;
    m_shownY = m_axes.dimY >= 0 && m_axes.dimY < enc.latent ? m_axes.dimY : top1;
    if (enc.latent == 2) {
      m_shownX = 0;
      m_shownY = 1;
    }
  }
  if (m_shownTsne) {
    m_canvas.setAxisLabels("t-SNE 1", "t-SNE 2");
  } else if (m_shownPca) {
    const Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
        means(enc.means.data(), enc.count, enc.latent);
    const Eigen::MatrixXd data = means.cast<double>();
    m_projection = math::pcaProjection(data);
    const Eigen::MatrixX2d projected = m_projection.points(data);
    for (int i = 0; i < enc.count; ++i) {
      xy[static_cast<std::size_t>(2 * i)] = static_cast<float>(projected(i, 0));
      xy[static_cast<std::size_t>(2 * i + 1)] = static_cast<float>(projected(i, 1));
    }
    m_canvas.setAxisLabels(
        m_axes.tsne ? "principal component 1 (t-SNE computing...)" : "principal component 1 of z",
        "principal component 2 of z");
  } else {
    for (int i = 0; i < enc.count; ++i) {
      const auto row = static_cast<std::size_t>(i * enc.latent);
      xy[static_cast<std::size_t>(2 * i)] = enc.means[row + static_cast<std::size_t>(m_shownX)];
      xy[static_cast<std::size_t>(2 * i + 1)] = enc.means[row + static_cast<std::size_t>(m_shownY)];
    }
    char x[32], y[32];
    std::snprintf(x, sizeof x, "z%d", m_shownX);
    std::snprintf(y, sizeof y, "z%d", m_shownY);
    m_canvas.setAxisLabels(x, y);
  }

  // Colours and legend: class names, or the levels of a known factor.
  const int factor =
      m_coloring.factor >= 0 && m_coloring.factor < static_cast<int>(held.factorNames.size())
          ? m_coloring.factor
          : -1;
  std::vector<gl::Rgba8> colors(static_cast<std::size_t>(enc.count));
  std::vector<plot::LegendEntry> legend;
  if (factor >= 0) {
    const int levels = held.factorLevels[static_cast<std::size_t>(factor)];
    for (int i = 0; i < enc.count; ++i) {
      const float t = levels > 1 ? static_cast<float>(held.factor(i, factor)) / (levels - 1) : 0.f;
      colors[static_cast<std::size_t>(i)] =
          ui::colormap(ui::Colormap::Viridis, t).withAlpha(0.85f).toRgba8();
    }
    for (int level : {0, levels - 1}) {
      const float t = levels > 1 ? static_cast<float>(level) / (levels - 1) : 0.f;
      legend.push_back(
          {held.factorNames[static_cast<std::size_t>(factor)] + " = " + std::to_string(level),
           ui::colormap(ui::Colormap::Viridis, t), plot::LegendSwatch::Point});
    }
  } else if (held.hasLabels()) {
    for (int i = 0; i < enc.count; ++i) {
      colors[static_cast<std::size_t>(i)] =
          classColor(palette, held.labels[static_cast<std::size_t>(i)]).withAlpha(0.8f).toRgba8();
    }
    for (std::size_t c = 0; c < held.classNames.size(); ++c)
      legend.push_back({held.classNames[c], classColor(palette, static_cast<int>(c)),
                        plot::LegendSwatch::Point});
  } else {
    for (auto& c : colors) c = palette.seriesColor(0).withAlpha(0.8f).toRgba8();
  }
  m_points->setPoints(std::move(xy), std::move(colors));
  m_canvas.setLegend(std::move(legend));

  const int picked = std::clamp(m_selection.picked, 0, enc.count - 1);
  m_picked->setMarkers({{pointPosition(picked), palette.foreground, 6.0f}});
  // The codes spread out as training goes: follow them (until the person pans or zooms),
  // refitting only when points leave the view or fill less than a third of it, so the picture
  // does not jitter with every rebuild.
  const plot::DataRect bounds = m_points->bounds().value_or(plot::DataRect{});
  const plot::DataRect shown = m_canvas.transform().data;
  const bool outside =
      !shown.contains({bounds.xMin, bounds.yMin}) || !shown.contains({bounds.xMax, bounds.yMax});
  const bool small = bounds.width() < shown.width() / 3 && bounds.height() < shown.height() / 3;
  if (latentChanged || !m_fitted || m_shownPca != m_shownAxes.pca ||
      m_axes.tsne != m_shownAxes.tsne || m_shownTsne != wasTsne ||
      (m_autoFit && (outside || small))) {
    m_canvas.fitToData(0.08);
    m_fitted = true;
  }
  m_probe->setMarkers({{m_probeAt, palette.seriesColor(7).withAlpha(0.9f), kProbeRadiusPx}});
}

bool VaeLatentView::tsnePositions(const vae::VaeSnapshot& snapshot, std::vector<float>& xy) {
  const vae::Encoding& enc = *snapshot.encoding;
  if (!m_tsneJob) {
    // One thread: the trainer and the UI keep the other cores. Perplexity 30 (fewer points:
    // what they allow).
    math::TsneOptions options;
    options.threads = 1;
    options.perplexity = std::clamp((enc.count - 2) / 3.0, 1.0, 30.0);
    m_tsneJob = std::make_unique<math::ProjectionJob>(options);
  }
  if (snapshot.encoding != m_tsneSubmitted && enc.count > 4) {
    const Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>
        means(enc.means.data(), enc.count, enc.latent);
    // The same held-out images newly encoded: the job warm-starts from its last map.
    m_tsneJob->submit(std::make_shared<const math::RowMatrixXd>(means.cast<double>()),
                      math::ProjectionJob::Method::kTsne,
                      reinterpret_cast<std::uintptr_t>(snapshot.heldOut.get()));
    m_tsneSubmitted = snapshot.encoding;
  }
  m_tsneShown = m_tsneJob->latest();
  if (!m_tsneShown || m_tsneShown->points.rows() != enc.count) return false;
  for (int i = 0; i < enc.count; ++i) {
    xy[static_cast<std::size_t>(2 * i)] = static_cast<float>(m_tsneShown->points(i, 0));
    xy[static_cast<std::size_t>(2 * i + 1)] = static_cast<float>(m_tsneShown->points(i, 1));
  }
  return true;
}

void VaeLatentView::requestProbe(train::Session& session) {
  auto reply = std::make_shared<Reply<std::vector<float>>>();
  m_probeReply = reply;
  postToVae(session, [reply, z = latentAt(m_probeAt)](vae::VaeTrainer& trainer) {
    reply->put(trainer.decode(z));
  });
  m_probeMoved = false;
}

void VaeLatentView::update(ViewContext& context) {
  const auto snapshot = std::dynamic_pointer_cast<const vae::VaeSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->encoding) return;
  const bool changed =
      snapshot->encoding != m_shownEncoding || m_coloring.factor != m_shownColoring.factor ||
      m_axes.pca != m_shownAxes.pca || m_axes.tsne != m_shownAxes.tsne ||
      (m_axes.tsne && m_tsneJob && m_tsneJob->latest() != m_tsneShown) ||
      m_axes.dimX != m_shownAxes.dimX || m_axes.dimY != m_shownAxes.dimY ||
      m_selection.version != m_shownPick || !(context.style.palette == m_shownPalette);
  if (changed) {
    rebuild(*snapshot, context.style);
    m_shownEncoding = snapshot->encoding;
    m_shownColoring = m_coloring;
    m_shownAxes = m_axes;
    m_shownPick = m_selection.version;
    m_shownPalette = context.style.palette;
  }
  if (m_probeReply) {
    if (auto image = m_probeReply->take()) {
      m_probeImage = std::move(*image);
      m_probeReply.reset();
      ++m_probeVersion;
    }
  }
  // Compare mode: every run's probe follows the one dragged last, so each decodes the same z.
  if (context.linked && context.linked->contains("vae_probe")) {
    const auto& probe = (*context.linked)["vae_probe"];
    const auto revision = probe.value("revision", std::uint64_t{0});
    if (revision != m_linkedProbeRevision) {
      m_linkedProbeRevision = revision;
      const plot::Vec2 at{probe.value("x", 0.0), probe.value("y", 0.0)};
      if (at.x != m_probeAt.x || at.y != m_probeAt.y) {
        m_probeAt = at;
        m_probeMoved = true;
        m_shownPalette = {};  // redraw the probe marker
        rebuild(*snapshot, context.style);
      }
    }
  }
  // The probe decodes live: when dragged, and as the decoder trains (one request in flight).
  if (!m_probeReply && !context.scrubbing &&
      (m_probeMoved || m_probeStep != snapshot->encoding->step)) {
    m_probeStep = snapshot->encoding->step;
    requestProbe(context.session);
  }
}

void VaeLatentView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = std::dynamic_pointer_cast<const vae::VaeSnapshot>(context.snapshot);
  if (!snapshot || !snapshot->encoding) {
    ImGui::TextUnformatted("waiting for the first encoding...");
    return;
  }
  update(context);
  // The probe's column beside the plot: a heading, the decoded image (square), the probe's
  // coordinates and a hint. In a short view the hint and then the heading give way, and then the
  // image shrinks, so the column never runs past the view's foot.
  char coordinates[64];
  if (m_shownTsne)
    std::snprintf(coordinates, sizeof coordinates, "t-SNE map\n(nearest point's code)");
  else if (m_shownPca)
    std::snprintf(coordinates, sizeof coordinates, "PCA plane\n(%.2f, %.2f)", m_probeAt.x,
                  m_probeAt.y);
  else
    std::snprintf(coordinates, sizeof coordinates, "z%d = %.2f\nz%d = %.2f%s", m_shownX,
                  m_probeAt.x, m_shownY, m_probeAt.y, m_latent > 2 ? "\n(others 0)" : "");
  const char* kHeading = "Probe decodes:";
  const char* kHint = "drag the ringed handle";
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  float side = std::max(80.0f, size.x * kSidePanelFraction);
  const auto textHeight = [&](const char* text) {
    return ImGui::CalcTextSize(text, nullptr, false, side).y + spacing;
  };
  bool heading = true;
  bool hint = true;
  const auto columnHeight = [&] {
    return side + spacing + textHeight(coordinates) + (heading ? textHeight(kHeading) : 0.0f) +
           (hint ? textHeight(kHint) : 0.0f);
  };
  if (columnHeight() > size.y) hint = false;
  if (columnHeight() > size.y) heading = false;
  if (columnHeight() > size.y) side = std::max(32.0f, size.y - textHeight(coordinates) - spacing);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  const auto events = plot::showCanvas("##vae-latent", m_canvas,
                                       ImVec2(size.x - side - gap, size.y), context.style, options);
  const vae::Encoding& enc = *snapshot->encoding;
  const vae::HeldOut& held = *snapshot->heldOut;
  const int pixels = snapshot->height * snapshot->width;

  if (events.reset)
    m_autoFit = true;
  else if (events.viewChanged)
    m_autoFit = false;
  if (events.itemLayer == m_probe && events.itemMoved) {
    m_probeAt = events.itemData;
    m_probeMoved = true;
    if (context.linked) {
      const auto revision = context.linked->value("vae_probe", nlohmann::json::object())
                                .value("revision", std::uint64_t{0}) +
                            1;
      (*context.linked)["vae_probe"] = {
          {"x", m_probeAt.x}, {"y", m_probeAt.y}, {"revision", revision}};
      m_linkedProbeRevision = revision;
    }
  }
  std::optional<std::size_t> hovered;
  if (events.hovered && !events.itemLayer)
    hovered = m_points->nearest(events.mouseData, m_canvas.transform(), kHoverPixels);
  if (events.clicked && hovered && !context.scrubbing) {
    m_selection.pick(static_cast<int>(*hovered));
    postToVae(context.session,
              [i = static_cast<int>(*hovered)](vae::VaeTrainer& t) { t.setTraversalBase(i); });
  }
  if (hovered) {
    const int i = static_cast<int>(*hovered);
    if (i != m_hoverShown || enc.step != m_hoverStep) {
      std::vector<float> two(static_cast<std::size_t>(2 * pixels));
      const auto image = held.image(i);
      std::copy(image.begin(), image.end(), two.begin());
      std::copy_n(enc.reconstructions.begin() + static_cast<std::ptrdiff_t>(i) * pixels, pixels,
                  two.begin() + pixels);
      m_hoverTiles.set(two, 2, snapshot->height, snapshot->width, 2,
                       static_cast<std::uint64_t>(enc.step) * 1000003u + static_cast<unsigned>(i));
      m_hoverShown = i;
      m_hoverStep = enc.step;
    }
    ImGui::BeginTooltip();
    if (held.hasLabels())
      ImGui::Text(
          "#%d  %s", i,
          held.classNames[static_cast<std::size_t>(held.labels[static_cast<std::size_t>(i)])]
              .c_str());
    else
      ImGui::Text("#%d", i);
    for (std::size_t f = 0; f < held.factorNames.size(); ++f)
      ImGui::Text("%s = %d", held.factorNames[f].c_str(), held.factor(i, static_cast<int>(f)));
    ImGui::TextUnformatted("image     reconstruction");
    m_hoverTiles.draw(ImVec2(8.0f * ImGui::GetFontSize(), 4.0f * ImGui::GetFontSize()));
    ImGui::TextDisabled("click: pick for traversal / interpolation");
    ImGui::EndTooltip();
  }

  // Beside the plot: the probe's decoded image.
  // Its lines wrap at the window's edge, which the column reaches.
  ImGui::SameLine();
  ImGui::BeginGroup();
  if (heading) ImGui::TextWrapped("%s", kHeading);
  if (!m_probeImage.empty() && m_probeImage.size() == static_cast<std::size_t>(pixels)) {
    m_probeTiles.set(m_probeImage, 1, snapshot->height, snapshot->width, 1, m_probeVersion);
    m_probeTiles.draw(ImVec2(side, side));
  } else {
    ImGui::Dummy(ImVec2(side, side));
  }
  ImGui::TextWrapped("%s", coordinates);
  if (hint) wrappedDisabled("%s", kHint);
  ImGui::EndGroup();
}

}  // namespace genlab::views
