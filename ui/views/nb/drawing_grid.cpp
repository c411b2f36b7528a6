#include "ui/views/nb/drawing_grid.h"

#include <algorithm>
#include <cmath>

namespace genlab::views {

DrawingGrid::DrawingGrid(int height, int width)
    : m_height(height),
      m_width(width),
      m_pixels(static_cast<std::size_t>(height) * static_cast<std::size_t>(width), 0.0f) {}

bool DrawingGrid::set(int row, int col, float value) {
  if (row < 0 || col < 0 || row >= m_height || col >= m_width) return false;
  float& p = m_pixels[static_cast<std::size_t>(row * m_width + col)];
  if (p == value) return false;
  p = value;
  return true;
}

bool DrawingGrid::stroke(Eigen::Vector2d from, Eigen::Vector2d to, float value) {
  // Sampled at a quarter of a cell: a segment cannot cross a cell's inside without a sample in
  // it, except by clipping a corner by less than that (a brush is not a rasteriser).
  const double length = (to - from).norm();
  const int samples = std::max(1, static_cast<int>(std::ceil(length * 4.0)));
  bool changed = false;
  for (int i = 0; i <= samples; ++i) {
    const Eigen::Vector2d p = from + (to - from) * (double(i) / samples);
    changed =
        set(static_cast<int>(std::floor(p.y())), static_cast<int>(std::floor(p.x())), value) ||
        changed;
  }
  if (changed) ++m_version;
  return changed;
}

void DrawingGrid::clear() {
  std::fill(m_pixels.begin(), m_pixels.end(), 0.0f);
  ++m_version;
}

void DrawingGrid::assign(const Eigen::RowVectorXd& image) {
  for (std::size_t i = 0; i < m_pixels.size() && i < static_cast<std::size_t>(image.size()); ++i)
    m_pixels[i] = image(static_cast<Eigen::Index>(i)) >= 0.5 ? 1.0f : 0.0f;
  ++m_version;
}

Eigen::MatrixXd DrawingGrid::asRow() const {
  Eigen::MatrixXd row(1, static_cast<Eigen::Index>(m_pixels.size()));
  for (std::size_t i = 0; i < m_pixels.size(); ++i)
    row(0, static_cast<Eigen::Index>(i)) = m_pixels[i];
  return row;
}

Eigen::VectorXd posteriorOf(const nb::NaiveBayes& model, const DrawingGrid& drawing) {
  return model.predictProba(drawing.asRow()).row(0).transpose();
}

}  // namespace genlab::views
