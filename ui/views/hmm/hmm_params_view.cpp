#include "ui/views/hmm/hmm_params_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include "ui/gl/shared_resources.h"

namespace genlab::views {

using gl::HAlign;
using gl::VAlign;
using hmm::Index;

namespace {

struct BlockSpec {
  HmmParamsView::Block block;
  int cols = 0;
  double cellWidth = 1.0;           // in cell heights: numbers that are not probabilities need room
  std::vector<std::string> titles;  // longest first; the first that fits is drawn
  std::vector<std::string> headers;
};

// `text`, or when it is wider than `width` its longest prefix that fits with a "." after it
// ("Recession" -> "Rec."); whole UTF-8 characters only.
std::string fit(const gl::Font& font, const std::string& text, double width) {
  if (font.measure(text) <= width) return text;
  std::string out = text;
  while (!out.empty() && font.measure(out + ".") > width) {
    out.pop_back();
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  }
  return out.empty() ? out : out + ".";
}

double cellValue(const hmm::HmmModel& m, const HmmParamsView::Cell& c) {
  switch (c.block) {
    case HmmParamsView::Block::Start:
      return m.start(c.row);
    case HmmParamsView::Block::Transition:
      return m.transition(c.row, c.col);
    case HmmParamsView::Block::Emission:
      return m.emissionProbs(c.row, c.col);
    case HmmParamsView::Block::Mean:
      return m.means(c.row, c.col);
    case HmmParamsView::Block::Variance:
      return m.variances(c.row, c.col);
  }
  return 0.0;
}

bool isProbability(HmmParamsView::Block b) {
  return b == HmmParamsView::Block::Start || b == HmmParamsView::Block::Transition ||
         b == HmmParamsView::Block::Emission;
}

std::vector<double> rowOf(const hmm::RowMatrix& m, Index i) {
  return std::vector<double>(m.row(i).data(), m.row(i).data() + m.cols());
}

}  // namespace

HmmParamsView::HmmParamsView(std::vector<std::string> stateNames, std::vector<std::string> alphabet)
    : m_stateNames(std::move(stateNames)), m_alphabet(std::move(alphabet)) {}

const std::vector<HmmParamsView::Cell>& HmmParamsView::paint(
    const hmm::HmmModel& model, const hmmui::HmmLabels& labels, const ui::Style& style,
    std::optional<DifferenceColors> difference) {
  const ui::Palette& pal = style.palette;
  const gl::Font& regular = gl::sharedFont(gl::FontFace::Regular, style.fontPx);
  const gl::Font& bold = gl::sharedFont(gl::FontFace::Bold, style.fontPx);
  const gl::Font& small = gl::sharedFont(gl::FontFace::Regular, std::round(style.fontPx * 0.8f));
  const int K = static_cast<int>(model.states());
  const double font = style.fontPx, pad = 0.6 * font, gap = 1.0 * font, line = regular.lineHeight();

  std::vector<BlockSpec> blocks;
  blocks.push_back({Block::Start, 1, 1.0, {"\xCF\x80 start", "\xCF\x80"}, {""}});
  blocks.push_back({Block::Transition, K, 1.0, {"A: row \xE2\x86\x92 next", "A"}, labels.states});
  if (model.isDiscrete()) {
    blocks.push_back({Block::Emission,
                      static_cast<int>(model.symbols()),
                      1.0,
                      {"B: row \xE2\x86\x92 symbol", "B"},
                      labels.symbols});
  } else {
    const int d = static_cast<int>(std::min<Index>(model.dim(), 2));
    blocks.push_back({Block::Mean, d, 1.8, {"mean \xCE\xBC", "\xCE\xBC"}, {}});
    blocks.push_back(
        {Block::Variance, d, 1.8, {"variance \xCF\x83\xC2\xB2", "\xCF\x83\xC2\xB2"}, {}});
  }
  float labelW = 0;
  for (const auto& name : labels.states) labelW = std::max(labelW, bold.measure(name));
  const double left = pad + labelW + 0.5 * font;
  const double W = m_canvas.width(), H = m_canvas.height();
  const double header = 2.0 * line;

  // One band (all blocks side by side) or two (pi and A, then B below): whichever gives
  // bigger cells. The cells are square and at most 3.5 em.
  double colsAll = 0;
  for (const auto& b : blocks) colsAll += b.cols * b.cellWidth;
  const double gaps = gap * static_cast<double>(blocks.size() - 1);
  const double one = std::min((W - left - pad - gaps) / colsAll, (H - 2 * pad - header) / K);
  const double colsTop = blocks[0].cols + blocks[1].cols;
  double colsBottom = 0;
  for (std::size_t b = 2; b < blocks.size(); ++b)
    colsBottom += blocks[b].cols * blocks[b].cellWidth;
  const double gapsBottom = gap * static_cast<double>(blocks.size() - 3);
  const double two =
      std::min({(W - left - pad - gap) / colsTop, (W - left - pad - gapsBottom) / colsBottom,
                (H - 2 * pad - 2 * header - gap) / (2.0 * K)});
  const bool twoBands = two > one * 1.15;
  const double s = std::clamp(twoBands ? two : one, 4.0, 3.5 * font);
  // Numbers in the largest of three sizes that fits a cell; none when even the smallest
  // would not (the tooltip still has them).
  const gl::Font& tiny = gl::sharedFont(gl::FontFace::Regular, std::round(style.fontPx * 0.65f));
  const gl::Font& numbers = regular.measure("0.00") <= 0.88 * s ? regular
                            : small.measure("0.00") <= 0.9 * s  ? small
                                                                : tiny;
  const bool showNumbers = numbers.measure("0.00") <= 0.95 * s;

  m_canvas.clear();
  m_cells.clear();
  double x = left, y = pad + header;
  for (std::size_t bi = 0; bi < blocks.size(); ++bi) {
    const BlockSpec& b = blocks[bi];
    if (twoBands && bi == 2) {
      x = left;
      y += K * s + gap + header;
    }
    const double cw = s * b.cellWidth;
    const double width = b.cols * cw;
    // Title, clipped to the block (or running into the gap at most).
    std::string title;
    for (const auto& candidate : b.titles)
      if (bold.measure(candidate) <= width + gap * 0.8 || &candidate == &b.titles.back()) {
        title = candidate;
        break;
      }
    m_canvas.text().add(bold, title, static_cast<float>(x), static_cast<float>(y - header),
                        HAlign::Left, VAlign::Top, pal.foreground);
    for (int j = 0; j < b.cols; ++j) {
      const std::string head = j < static_cast<int>(b.headers.size())
                                   ? fit(small, b.headers[static_cast<std::size_t>(j)], s * 0.96)
                                   : "";
      if (!head.empty())
        m_canvas.text().add(small, head, static_cast<float>(x + (j + 0.5) * cw),
                            static_cast<float>(y - 0.25 * font), HAlign::Center, VAlign::Bottom,
                            pal.foreground);
    }
    for (int i = 0; i < K; ++i) {
      for (int j = 0; j < b.cols; ++j) {
        Cell cell{b.block, i, j, {x + j * cw, y + i * s, cw, s}};
        const double v = cellValue(model, cell);
        ui::Color fill = isProbability(b.block)
                             ? mix(pal.background, hmmui::stateColor(labels, pal, i),
                                   static_cast<float>(0.06 + 0.94 * std::clamp(v, 0.0, 1.0)))
                             : mix(pal.background, hmmui::stateColor(labels, pal, i), 0.25f);
        if (difference) {
          // |a - b| of a probability is at most 1; means and variances use a tenth of their
          // scale per unit of shade, enough to see which run is larger.
          const double scale = isProbability(b.block) ? 1.0 : 10.0;
          fill = mix(pal.background, v >= 0 ? difference->positive : difference->negative,
                     static_cast<float>(std::clamp(std::abs(v) * scale, 0.0, 1.0) * 0.9));
        }
        const plot::PixelRect& r = cell.rect;
        m_canvas.shapes().addRect(r.left, r.top, r.right(), r.bottom(), fill);
        m_canvas.shapes().addFrame(r.left, r.top, r.right(), r.bottom(),
                                   std::max(1.0f, style.gridWidthPx), pal.background);
        if (showNumbers) {
          const std::string text = difference               ? plot::formatValue(v, 2)
                                   : isProbability(b.block) ? plot::formatTick(v, 0.01)
                                                            : plot::formatValue(v, 3);
          m_canvas.text().add(numbers, text, static_cast<float>(r.left + cw * 0.5),
                              static_cast<float>(r.top + s * 0.5), HAlign::Center, VAlign::Middle,
                              hmmui::textOn(fill, pal));
        }
        if (static_cast<int>(m_cells.size()) == m_hovered ||
            (m_drag && m_drag->cell.block == cell.block && m_drag->cell.row == i &&
             m_drag->cell.col == j))
          m_canvas.overlay().addFrame(r.left, r.top, r.right(), r.bottom(), style.lineWidthPx,
                                      pal.foreground);
        m_cells.push_back(cell);
      }
    }
    // Row names on the left of the first block of each band.
    if (bi == 0 || (twoBands && bi == 2)) {
      for (int i = 0; i < K; ++i)
        m_canvas.text().add(
            bold, labels.states[static_cast<std::size_t>(i)], static_cast<float>(x - 0.5 * font),
            static_cast<float>(y + (i + 0.5) * s), HAlign::Right, VAlign::Middle, pal.foreground);
    }
    x += width + gap;
  }
  m_canvas.render(pal.background);
  return m_cells;
}

void HmmParamsView::handleInput(const hmmui::PixelInput& in, ViewContext& context,
                                const hmm::HmmModel& model, double valueSpan) {
  m_hovered = -1;
  if (in.hovered)
    for (std::size_t c = 0; c < m_cells.size(); ++c)
      if (m_cells[c].rect.contains(in.mouse)) m_hovered = static_cast<int>(c);
  if (context.scrubbing) {
    m_drag.reset();
    return;
  }
  if (in.leftPressed && m_hovered >= 0)
    m_drag = Drag{m_cells[static_cast<std::size_t>(m_hovered)], in.mouse.y, model};
  if (m_drag && !in.leftDown && !in.leftPressed) m_drag.reset();
  if (!m_drag || !in.leftDown || in.delta.y == 0.0) return;

  // A drag over three cells' height spans the whole [0, 1] range of a probability.
  const Cell& cell = m_drag->cell;
  const double s = cell.rect.height;
  const double up = (m_drag->startY - in.mouse.y) / (3.0 * s);
  hmm::HmmModel edited = m_drag->start;
  const Index i = cell.row;
  const double startValue = cellValue(m_drag->start, cell);
  train::Session::Edit edit;
  switch (cell.block) {
    case Block::Start: {
      const std::vector<double> start(edited.start.data(),
                                      edited.start.data() + edited.start.size());
      const auto row = hmmui::withEntry(start, static_cast<std::size_t>(i), startValue + up);
      edited.start = Eigen::Map<const Eigen::VectorXd>(row.data(), static_cast<Index>(row.size()));
      edit = [row](train::Trainer& t) {
        if (auto* h = dynamic_cast<hmm::HmmTrainer*>(&t)) h->setStart(row);
      };
      break;
    }
    case Block::Transition: {
      const auto row = hmmui::withEntry(rowOf(edited.transition, i),
                                        static_cast<std::size_t>(cell.col), startValue + up);
      edited.transition.row(i) =
          Eigen::Map<const Eigen::RowVectorXd>(row.data(), static_cast<Index>(row.size()));
      edit = [row, i](train::Trainer& t) {
        if (auto* h = dynamic_cast<hmm::HmmTrainer*>(&t)) h->setTransitionRow(i, row);
      };
      break;
    }
    case Block::Emission: {
      const auto row = hmmui::withEntry(rowOf(edited.emissionProbs, i),
                                        static_cast<std::size_t>(cell.col), startValue + up);
      edited.emissionProbs.row(i) =
          Eigen::Map<const Eigen::RowVectorXd>(row.data(), static_cast<Index>(row.size()));
      edit = [row, i](train::Trainer& t) {
        if (auto* h = dynamic_cast<hmm::HmmTrainer*>(&t)) h->setEmissionRow(i, row);
      };
      break;
    }
    case Block::Mean:
    case Block::Variance: {
      if (cell.block == Block::Mean)
        edited.means(i, cell.col) = startValue + up * valueSpan;
      else
        edited.variances(i, cell.col) = startValue * std::exp(up * 1.5);
      const auto mean = rowOf(edited.means, i), variance = rowOf(edited.variances, i);
      edit = [mean, variance, i](train::Trainer& t) {
        if (auto* h = dynamic_cast<hmm::HmmTrainer*>(&t)) h->setStateGaussian(i, mean, variance);
      };
      break;
    }
  }
  m_override = std::move(edited);
  ++m_overrideRevision;
  m_settledAt.reset();
  m_edits.submit(std::move(edit));
}

void HmmParamsView::drawTooltip(const hmm::HmmModel& model) const {
  const Cell& c = m_cells[static_cast<std::size_t>(m_hovered)];
  const auto& names = m_labels.states;
  const std::string& from = names[static_cast<std::size_t>(c.row)];
  const double v = cellValue(model, c);
  switch (c.block) {
    case Block::Start:
      ImGui::SetTooltip("P(z_1 = %s) = %.4f\nDrag up or down to change", from.c_str(), v);
      break;
    case Block::Transition:
      ImGui::SetTooltip(
          "P(next = %s | now = %s) = %.4f\nDrag up or down; the row stays a distribution",
          names[static_cast<std::size_t>(c.col)].c_str(), from.c_str(), v);
      break;
    case Block::Emission:
      ImGui::SetTooltip("P(x = %s | %s) = %.4f\nDrag up or down; the row stays a distribution",
                        m_labels.symbols[static_cast<std::size_t>(c.col)].c_str(), from.c_str(), v);
      break;
    case Block::Mean:
      ImGui::SetTooltip("mean of %s = %.4g\nDrag up or down to move it", from.c_str(), v);
      break;
    case Block::Variance:
      ImGui::SetTooltip("variance of %s = %.4g\nDrag up or down to scale it", from.c_str(), v);
      break;
  }
}

std::vector<int> matchStates(const hmm::HmmModel& a, const hmm::HmmModel& b) {
  const int K = static_cast<int>(a.states());
  std::vector<int> order(static_cast<std::size_t>(K));
  std::iota(order.begin(), order.end(), 0);
  if (K != static_cast<int>(b.states()) || K > 8) return order;
  std::vector<int> best = order;
  double bestCost = std::numeric_limits<double>::infinity();
  do {
    double cost = 0.0;
    for (int i = 0; i < K; ++i) {
      const int bi = order[static_cast<std::size_t>(i)];
      for (int j = 0; j < K; ++j)
        cost += std::abs(a.transition(i, j) - b.transition(bi, order[static_cast<std::size_t>(j)]));
      if (a.isDiscrete() && b.isDiscrete() && a.symbols() == b.symbols())
        cost += (a.emissionProbs.row(i) - b.emissionProbs.row(bi)).cwiseAbs().sum();
      else if (!a.isDiscrete() && !b.isDiscrete() && a.dim() == b.dim())
        cost += (a.means.row(i) - b.means.row(bi)).cwiseAbs().sum();
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = order;
    }
  } while (std::next_permutation(order.begin(), order.end()));
  return best;
}

hmm::HmmModel modelDifference(const hmm::HmmModel& a, const hmm::HmmModel& b,
                              const std::vector<int>& order) {
  hmm::HmmModel d = a;
  const Index K = a.states();
  for (Index i = 0; i < K; ++i) {
    const Index bi = order[static_cast<std::size_t>(i)];
    d.start(i) = a.start(i) - b.start(bi);
    for (Index j = 0; j < K; ++j)
      d.transition(i, j) =
          a.transition(i, j) - b.transition(bi, order[static_cast<std::size_t>(j)]);
    if (a.isDiscrete())
      d.emissionProbs.row(i) = a.emissionProbs.row(i) - b.emissionProbs.row(bi);
    else {
      d.means.row(i) = a.means.row(i) - b.means.row(bi);
      d.variances.row(i) = a.variances.row(i) - b.variances.row(bi);
    }
  }
  return d;
}

void HmmParamsView::drawDifference(ViewContext& context, ImVec2 size) {
  const auto a = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(context.overlays[0].snapshot);
  const auto b = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(context.overlays[1].snapshot);
  const bool sameShape = a && b && a->model.states() == b->model.states() &&
                         a->model.emission == b->model.emission &&
                         (a->model.isDiscrete() ? a->model.symbols() == b->model.symbols()
                                                : a->model.dim() == b->model.dim());
  if (!sameShape) {
    ImGui::TextWrapped(
        "The runs' models differ in shape (states, symbols or emissions), so their "
        "parameters cannot be subtracted; set them side by side instead.");
    return;
  }
  ImGui::TextColored(ImVec4(context.overlays[0].color.r, context.overlays[0].color.g,
                            context.overlays[0].color.b, 1.0f),
                     "%s", context.overlays[0].label.c_str());
  ImGui::SameLine(0, 4);
  ImGui::TextUnformatted("minus");
  ImGui::SameLine(0, 4);
  ImGui::TextColored(ImVec4(context.overlays[1].color.r, context.overlays[1].color.g,
                            context.overlays[1].color.b, 1.0f),
                     "%s", context.overlays[1].label.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(states matched; shaded by the larger run)");
  const std::vector<int> order = matchStates(a->model, b->model);
  const hmm::HmmModel difference = modelDifference(a->model, b->model, order);
  m_labels = hmmui::makeLabels(*a, m_stateNames, m_alphabet);
  hmmui::PixelFrame frame = hmmui::placePixelCanvas("##hmm-params-diff", m_canvas,
                                                    ImGui::GetContentRegionAvail(), context.style);
  const std::vector<train::SnapshotPtr> now = {a, b};
  const Painted painted{a, m_canvas.width(), m_canvas.height(), frame.style, -2, 0};
  if (now != m_differenceOf || !(painted == m_painted)) {
    m_hovered = -1;
    paint(difference, m_labels, frame.style,
          DifferenceColors{context.overlays[0].color, context.overlays[1].color});
    m_differenceOf = now;
    m_painted = painted;
  }
  hmmui::showPixelCanvas(frame, m_canvas);
  (void)size;
}

void HmmParamsView::draw(ViewContext& context, ImVec2 size) {
  if (context.overlays.size() >= 2) {
    drawDifference(context, size);
    return;
  }
  if (!m_differenceOf.empty()) {
    m_differenceOf.clear();
    m_painted = {};
    m_shown.reset();
  }
  const auto snapshot = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(context.snapshot);
  if (!snapshot) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  if (context.snapshot != m_shown) {
    m_shown = context.snapshot;
    m_labels = hmmui::makeLabels(*snapshot, m_stateNames, m_alphabet);
    const auto& obs = snapshot->observations();
    if (obs.kind == hmm::EmissionKind::Gaussian && obs.values.rows() > 0)
      m_valueSpan = std::max(1e-6, obs.values.col(0).maxCoeff() - obs.values.col(0).minCoeff());
  }
  m_edits.flush(context.session);
  // The local copy of an edit is shown until the trainer has published a snapshot with it.
  if (m_override && !m_drag && !m_edits.busy()) {
    if (!m_settledAt) {
      m_settledAt = context.snapshot;
    } else if (m_settledAt != context.snapshot) {
      m_override.reset();
      ++m_overrideRevision;
    }
  }
  const bool scrubbing = context.scrubbing;
  const hmm::HmmModel& model = m_override && !scrubbing ? *m_override : snapshot->model;

  hmmui::PixelFrame frame = hmmui::placePixelCanvas("##hmm-params", m_canvas, size, context.style);
  handleInput(frame.input, context, model, m_valueSpan);
  m_edits.flush(context.session);
  const hmm::HmmModel& shown = m_override && !scrubbing ? *m_override : snapshot->model;
  const Painted now{context.snapshot, m_canvas.width(), m_canvas.height(),
                    frame.style,      m_hovered,        m_overrideRevision};
  if (!(now == m_painted)) {
    paint(shown, m_labels, frame.style);
    m_painted = now;
  }
  hmmui::showPixelCanvas(frame, m_canvas);
  if (m_hovered >= 0 && !m_drag && static_cast<std::size_t>(m_hovered) < m_cells.size())
    drawTooltip(shown);
}

}  // namespace genlab::views
