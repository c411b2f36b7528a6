#pragma once
// The image a student draws for the Naive Bayes digits lesson: height x width cells, each 0 or 1
// (a binarised image, as the model was fitted on). Pure logic, no ImGui or GL, so tests can
// drive strokes exactly: positions are in cell units, (0, 0) the top-left corner of the top-left
// cell, x to the right, y down; cell (row, col) covers [col, col + 1) x [row, row + 1).

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "core/models/nb/naive_bayes.h"

namespace genlab::views {

class DrawingGrid {
 public:
  DrawingGrid(int height = 8, int width = 8);

  int height() const { return m_height; }
  int width() const { return m_width; }
  // Row-major, 0 or 1.
  const std::vector<float>& pixels() const { return m_pixels; }
  // Changes whenever a pixel does, so a view re-uploads only a changed picture.
  std::uint64_t version() const { return m_version; }

  // Sets every cell the segment from `from` to `to` passes through (in cell units, see above)
  // to `value`, so a fast mouse leaves no gaps. Points outside the grid are ignored. Returns
  // whether a pixel changed.
  bool stroke(Eigen::Vector2d from, Eigen::Vector2d to, float value);
  void clear();
  // Takes another image of the same size (a held-out example), binarised at 0.5.
  void assign(const Eigen::RowVectorXd& image);
  // The drawing as one row for a model (1 x height * width).
  Eigen::MatrixXd asRow() const;

 private:
  bool set(int row, int col, float value);

  int m_height, m_width;
  std::vector<float> m_pixels;
  std::uint64_t m_version = 1;
};

// P(y | the drawing) under `model`: one probability per class.
Eigen::VectorXd posteriorOf(const nb::NaiveBayes& model, const DrawingGrid& drawing);

}  // namespace genlab::views
