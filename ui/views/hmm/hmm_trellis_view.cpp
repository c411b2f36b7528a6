#include "ui/views/hmm/hmm_trellis_view.h"

#include <algorithm>
#include <cmath>

#include "ui/views/hmm/posterior_flow.h"

namespace genlab::views {

using hmm::Index;

namespace {

constexpr double kWheelZoomStep = 1.25;  // per notch, as the plot canvas

const char* fillName(TrellisFill fill) {
  switch (fill) {
    case TrellisFill::Gamma:
      return "P(state | all of x)";
    case TrellisFill::Alpha:
      return "P(state | x up to t)";
    case TrellisFill::Beta:
      return "backward \xCE\xB2, normalised";
  }
  return "";
}

}  // namespace

HmmTrellisView::HmmTrellisView(std::vector<std::string> stateNames,
                               std::vector<std::string> alphabet)
    : m_stateNames(std::move(stateNames)), m_alphabet(std::move(alphabet)) {}

void HmmTrellisView::refreshSnapshot(const train::SnapshotPtr& snapshot,
                                     const hmm::HmmSnapshot& hmm) {
  const Index previousT =
      m_shown ? std::static_pointer_cast<const hmm::HmmSnapshot>(m_shown)->observations().length()
              : -1;
  m_shown = snapshot;
  m_labels = hmmui::makeLabels(hmm, m_stateNames, m_alphabet);
  const auto& obs = hmm.observations();
  if (obs.kind == hmm::EmissionKind::Gaussian && obs.values.rows() > 0) {
    m_valueMin = obs.values.col(0).minCoeff();
    m_valueMax = obs.values.col(0).maxCoeff();
  }
  if (obs.length() != previousT) m_windowSet = false;
}

hmmui::TrellisData HmmTrellisView::describe(const hmm::HmmSnapshot& s) const {
  hmmui::TrellisData d;
  d.T = s.observations().length();
  d.K = static_cast<int>(s.model.states());
  d.observations = &s.observations();
  d.model = &s.model;
  d.labels = &m_labels;
  d.valueMin = m_valueMin;
  d.valueMax = m_valueMax;
  d.hoverColumn = m_hoverColumn;
  if (options.truth && !m_labels.truth.empty()) d.truth = &m_labels.truth;
  if (teaching.active()) {
    teaching.describe(d);
    return d;
  }
  d.fill = options.fill == TrellisFill::Gamma   ? &s.gamma
           : options.fill == TrellisFill::Alpha ? &s.alpha
                                                : &s.beta;
  d.filledColumns = d.T;
  d.fillName = fillName(options.fill);
  if (options.path) d.path = &s.viterbiPath;
  if (options.flow) {
    d.alpha = &s.alpha;
    d.beta = &s.beta;
  }
  return d;
}

hmmui::TrellisGeometry HmmTrellisView::paint(const hmm::HmmSnapshot& snapshot,
                                             const ui::Style& style) {
  if (!m_shown || m_shown.get() != &snapshot) {
    // Tests and exports hand in a snapshot without a shared_ptr: derive the labels for it.
    m_labels = hmmui::makeLabels(snapshot, m_stateNames, m_alphabet);
    if (snapshot.observations().kind == hmm::EmissionKind::Gaussian) {
      m_valueMin = snapshot.observations().values.col(0).minCoeff();
      m_valueMax = snapshot.observations().values.col(0).maxCoeff();
    }
  }
  const hmmui::TrellisData data = describe(snapshot);
  if (!m_windowSet) {
    const auto probe =
        hmmui::layoutTrellis(data, {0.0, 1.0}, m_canvas.width(), m_canvas.height(), style);
    m_window = hmmui::initialWindow(data.T, probe.rows.width, style);
    m_windowSet = true;
  }
  m_window.clamp(data.T);
  const auto geometry =
      hmmui::layoutTrellis(data, m_window, m_canvas.width(), m_canvas.height(), style);
  m_stats = hmmui::paintTrellis(m_canvas, data, geometry, style);
  m_canvas.render(style.palette.background);
  return geometry;
}

void HmmTrellisView::handleInput(const hmmui::PixelInput& in, const hmmui::TrellisGeometry& g,
                                 Index T, const ui::Style& style) {
  if (in.hovered && in.wheel != 0.0) {
    const double anchor = std::clamp(g.timeAt(in.mouse.x), m_window.begin, m_window.end);
    m_window.zoom(std::pow(kWheelZoomStep, in.wheel), anchor, T);
  }
  if (in.leftDown && in.delta.x != 0.0) m_window.shift(-in.delta.x / g.columnWidth, T);
  if (in.doubleClicked) m_window = hmmui::initialWindow(T, g.rows.width, style);
  m_hoverColumn = -1;
  m_hoverRow = -1;
  if (in.hovered && !in.leftDown && in.mouse.x >= g.rows.left && in.mouse.x < g.rows.right() &&
      in.mouse.y >= g.strip.top && in.mouse.y < g.rows.bottom()) {
    m_hoverColumn =
        std::clamp<Index>(static_cast<Index>(std::floor(g.timeAt(in.mouse.x))), 0, T - 1);
    // The display row back to a model state (rows are ordered by the matched true states).
    const int row = g.rowAt(in.mouse.y);
    for (int k = 0; k < static_cast<int>(m_labels.states.size()); ++k)
      if (row >= 0 && hmmui::displayRow(m_labels, k) == row) m_hoverRow = k;
  }
}

void HmmTrellisView::drawTooltip(const hmm::HmmSnapshot& s) const {
  const Index t = m_hoverColumn;
  const int K = static_cast<int>(s.model.states());
  const auto& names = m_labels.states;
  ImGui::BeginTooltip();
  std::string observed;
  if (s.observations().kind == hmm::EmissionKind::Discrete) {
    const int sym = s.observations().symbols[static_cast<std::size_t>(t)];
    observed = static_cast<std::size_t>(sym) < m_labels.symbols.size()
                   ? m_labels.symbols[static_cast<std::size_t>(sym)]
                   : std::to_string(sym);
  } else {
    observed = plot::formatValue(s.observations().values(t, 0), 4);
  }
  ImGui::Text("t = %lld   observed %s", static_cast<long long>(t + 1), observed.c_str());
  ImGui::Separator();
  ImGui::TextUnformatted("state        gamma   alpha   beta");
  for (int k = 0; k < K; ++k)
    ImGui::Text("%-12s %5.3f   %5.3f   %5.3f", names[static_cast<std::size_t>(k)].c_str(),
                s.gamma(t, k), s.alpha(t, k), s.beta(t, k));
  const int vit = s.viterbiPath[static_cast<std::size_t>(t)];
  ImGui::Text("Viterbi: %s", names[static_cast<std::size_t>(vit)].c_str());
  if (!m_labels.truth.empty() && m_labels.truth[static_cast<std::size_t>(t)] >= 0) {
    ImGui::SameLine();
    ImGui::Text(
        "   true: %s",
        names[static_cast<std::size_t>(m_labels.truth[static_cast<std::size_t>(t)])].c_str());
  }
  if (t + 1 < s.observations().length()) {
    const hmm::RowMatrix xi = hmmui::xiFromTables(s.model, s.alpha, s.beta, s.observations(), t);
    ImGui::Separator();
    ImGui::Text("xi: P(z_t = i, z_t+1 = j | x), t = %lld", static_cast<long long>(t + 1));
    const int from0 = m_hoverRow >= 0 ? m_hoverRow : 0,
              from1 = m_hoverRow >= 0 ? m_hoverRow + 1 : K;
    for (int i = from0; i < from1 && i < K; ++i)
      for (int j = 0; j < K; ++j)
        ImGui::Text("  %s -> %s   %.3f", names[static_cast<std::size_t>(i)].c_str(),
                    names[static_cast<std::size_t>(j)].c_str(), xi(i, j));
  }
  ImGui::EndTooltip();
}

void HmmTrellisView::draw(ViewContext& context, ImVec2 size) {
  const auto snapshot = std::dynamic_pointer_cast<const hmm::HmmSnapshot>(context.snapshot);
  if (!snapshot || snapshot->observations().length() == 0) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  if (context.snapshot != m_shown) refreshSnapshot(context.snapshot, *snapshot);
  const Index T = snapshot->observations().length();
  if (teaching.active() && teaching.update(ImGui::GetIO().DeltaTime)) {
    // Keep the column being computed in view.
    hmmui::TrellisData probe;
    teaching.describe(probe);
    if (probe.cursor >= 0) m_window.reveal(probe.cursor, T);
  }

  hmmui::PixelFrame frame = hmmui::placePixelCanvas("##hmm-trellis", m_canvas, size, context.style);
  hmmui::TrellisData data = describe(*snapshot);
  if (!m_windowSet) {
    const auto probe =
        hmmui::layoutTrellis(data, {0.0, 1.0}, m_canvas.width(), m_canvas.height(), frame.style);
    m_window = hmmui::initialWindow(T, probe.rows.width, frame.style);
    m_windowSet = true;
  }
  const auto before =
      hmmui::layoutTrellis(data, m_window, m_canvas.width(), m_canvas.height(), frame.style);
  handleInput(frame.input, before, T, frame.style);
  data.hoverColumn = m_hoverColumn;

  const Painted now{context.snapshot, m_window, m_canvas.width(), m_canvas.height(),
                    frame.style,      options,  m_hoverColumn,    teaching.revision()};
  if (!(now == m_painted)) {
    const auto geometry =
        hmmui::layoutTrellis(data, m_window, m_canvas.width(), m_canvas.height(), frame.style);
    m_stats = hmmui::paintTrellis(m_canvas, data, geometry, frame.style);
    m_canvas.render(frame.style.palette.background);
    m_painted = now;
  }
  hmmui::showPixelCanvas(frame, m_canvas);
  if (m_hoverColumn >= 0 && !teaching.active()) drawTooltip(*snapshot);
}

}  // namespace genlab::views
