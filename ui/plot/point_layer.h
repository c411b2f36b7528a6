#pragma once
// A scatter of points with per-point colours.
//
// Small sets are drawn as antialiased round GL_POINTS sprites. Large ones are binned on the CPU
// into an image of the plot area (one bin per point diameter, linearly filtered) shown as one
// texture. On Mesa's software rasteriser a sprite costs in proportion to its pixel area while
// binning costs ~10-25 ms for a million points, so by default the switch happens when the
// sprites would cover more than kSpriteFragmentBudget pixels: about 20k points at 5 px, 7k at
// 10 px (measured at 1280x800: 20k 5-px sprites ~28 ms vs density ~12 ms; 1M sprites ~2 s vs
// density ~28 ms, with the machine's two cores busy). The binned image depends on the view, so
// it is rebuilt when the view, size or data change (only then).

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "ui/gl/buffer.h"
#include "ui/gl/texture.h"
#include "ui/plot/layer.h"

namespace genlab::plot {

enum class DensityColoring {
  PointColors,  // each bin shows the mean colour of its points, opacity grows with log count
  Colormap,     // viridis over log count, ignoring point colours
};

class PointLayer : public Layer {
 public:
  // Sprite pixels (points x (diameter + 2)^2) above which density rendering takes over.
  static constexpr double kSpriteFragmentBudget = 1.0e6;

  PointLayer();

  // xy holds x0, y0, x1, y1, ...; colors is empty (all points use color()) or one per point.
  void setPoints(std::vector<float> xy, std::vector<Rgba8> colors = {});
  void setPoints(std::span<const Vec2> points, std::span<const Rgba8> colors = {});
  void clear() { setPoints(std::vector<float>{}); }
  std::size_t size() const { return m_xy.size() / 2; }
  Vec2 point(std::size_t i) const { return {m_xy[2 * i], m_xy[2 * i + 1]}; }

  // The colour of every point when no per-point colours are set.
  void setColor(const Color& c);
  // Diameter in logical pixels (times Style::scale); 0 uses Style::pointSizePx.
  void setPointSize(float logicalPx);
  void setOpacity(float opacity);
  // Fixed point count above which density rendering is used, instead of the budget rule.
  void setDensityThreshold(std::size_t n);
  // The count in effect, for the point diameter of the last draw (5 px before any draw).
  std::size_t densityThreshold() const;
  void setDensityColoring(DensityColoring c);
  bool usesDensity() const { return size() > densityThreshold(); }

  // The point nearest to the data position `data` in pixel distance, if within maxPixels.
  std::optional<std::size_t> nearest(Vec2 data, const ViewTransform& view, double maxPixels) const;

  void draw(const DrawContext& ctx) override;
  std::optional<DataRect> bounds() const override;

 private:
  void drawSprites(const DrawContext& ctx);
  void drawDensity(const DrawContext& ctx);
  void binDensity(const DrawContext& ctx, int binPx);

  std::vector<float> m_xy;
  std::vector<Rgba8> m_colors;
  DataRect m_bounds = emptyBounds();
  Color m_color = Color::fromHex(0x0072B2);
  float m_pointSize = 0;
  float m_opacity = 1;
  std::optional<std::size_t> m_threshold;  // nullopt: kSpriteFragmentBudget rule
  float m_lastDiameter = 5;                // px, from the last draw
  DensityColoring m_coloring = DensityColoring::PointColors;

  gl::Buffer m_positions;
  gl::Buffer m_colorBuffer;
  gl::VertexArray m_vao;

  // Density image and the state it was binned for.
  gl::Texture2D m_density;
  gl::Buffer m_quad;
  gl::VertexArray m_quadVao;
  std::vector<Rgba8> m_densityPixels;
  std::uint64_t m_binnedRevision = 0;
  ViewTransform m_binnedView;
  int m_binnedBinPx = 0;
  int m_binsX = 0, m_binsY = 0;
};

}  // namespace genlab::plot
