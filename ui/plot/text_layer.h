#pragma once
// Labels anchored at data coordinates (cluster names, annotations). Text keeps its pixel size
// under zoom; the anchor follows the data. A label that would cross the plot area's edge is
// moved inside it; one that would cover a label earlier in the list is left out, so order the
// labels by importance.

#include <string>
#include <vector>

#include "ui/gl/text.h"
#include "ui/plot/layer.h"

namespace genlab::plot {

struct Label {
  Vec2 position;  // data units
  std::string text;
  Color color;
  gl::HAlign halign = gl::HAlign::Center;
  gl::VAlign valign = gl::VAlign::Middle;
  Vec2 offset;  // logical pixels added after the transform (x right, y down)
  bool bold = false;
};

class TextLayer : public Layer {
 public:
  void setLabels(std::vector<Label> labels);
  const std::vector<Label>& labels() const { return m_labels; }

  void draw(const DrawContext& ctx) override;
  const std::vector<gl::DrawnText>* drawnTexts() const override { return &m_batch.drawn(); }

 private:
  std::vector<Label> m_labels;
  gl::TextBatch m_batch;  // rebuilt each draw: positions depend on the view
};

}  // namespace genlab::plot
