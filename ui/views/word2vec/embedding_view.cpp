#include "ui/views/word2vec/embedding_view.h"

#include <algorithm>
#include <iterator>

#include "core/math/pca.h"
#include "core/math/projection_job.h"
#include "ui/plot/plot_widget.h"

namespace genlab::views {

namespace {

// Which words a matrix of rows is: equal keys let the t-SNE job warm-start from its last map.
std::uint64_t wordSetKey(const std::vector<int>& words) {
  std::uint64_t key = 1469598103934665603ull;  // FNV-1a over the indices
  for (const int w : words) key = (key ^ static_cast<std::uint64_t>(w)) * 1099511628211ull;
  return key;
}

}  // namespace

Eigen::MatrixX2d EmbeddingView::project(const Eigen::MatrixXd& rows, bool newVectors,
                                        std::string& note) {
  if (m_selection.projection == WordProjection::kTsne) {
    if (!m_tsneJob) {
      // One thread: the trainer and the UI keep the other cores.
      math::TsneOptions options;
      options.threads = 1;
      options.perplexity = std::clamp((static_cast<double>(rows.rows()) - 2) / 3.0, 1.0, 30.0);
      m_tsneJob = std::make_unique<math::ProjectionJob>(options);
    }
    const std::uint64_t key = wordSetKey(m_shownWords);
    if (newVectors || key != m_tsneKey) {
      m_tsneJob->submit(std::make_shared<const math::RowMatrixXd>(rows),
                        math::ProjectionJob::Method::kTsne, key);
      m_tsneKey = key;
    }
    m_tsneShown = m_tsneJob->latest();
    if (m_tsneShown && m_tsneShown->points.rows() == rows.rows() &&
        m_tsneShown->generation + 1 >= m_tsneJob->generation()) {
      note = m_tsneShown->final ? "t-SNE" : "t-SNE (converging)";
      return m_tsneShown->points;
    }
    note = m_tsneJob->error().empty() ? "PCA (t-SNE computing...)"
                                      : "PCA (t-SNE: " + m_tsneJob->error() + ")";
  } else {
    note = "PCA";
  }
  return math::pcaProjection(rows).points(rows);
}

EmbeddingView::EmbeddingView(Word2VecSelection& selection, WordVectorsCache& vectors)
    : m_selection(selection), m_vectors(vectors) {
  m_links = &m_canvas.add<plot::LineLayer>();
  m_links->setWidth(1.5f);
  m_points = &m_canvas.add<plot::PointLayer>();
  m_points->setPointSize(6.0f);
  m_labels = &m_canvas.add<plot::TextLayer>();
  m_canvas.setEqualAspect(true);
  m_canvas.setLegendPosition(plot::LegendPosition::Hidden);
}

void EmbeddingView::rebuild(const word2vec::Word2VecRunSnapshot& snapshot, const ui::Style& style) {
  const int total = snapshot.words();
  const int dim = snapshot.model.dim;
  const auto& words = *snapshot.model.words;
  const word2vec::KeyedVectors* keyed = m_vectors.vectorsFor(m_shown);
  const int selected = keyed ? keyed->find(m_selection.word) : -1;
  std::vector<int> highlighted;
  if (selected >= 0) {
    for (const auto& n : keyed->neighbours(m_selection.word, kHighlighted))
      highlighted.push_back(keyed->find(n.word));
  }

  // The most frequent words (the vocabulary's order), then the selection and its neighbours.
  m_shownWords.clear();
  for (int w = 0; w < std::min(total, kMaxWords); ++w) m_shownWords.push_back(w);
  for (const int w : highlighted) {
    if (w >= kMaxWords) m_shownWords.push_back(w);
  }
  if (selected >= kMaxWords) m_shownWords.push_back(selected);

  Eigen::MatrixXd rows(static_cast<Eigen::Index>(m_shownWords.size()), dim);
  for (std::size_t i = 0; i < m_shownWords.size(); ++i) {
    const float* v = snapshot.vector(m_shownWords[i]);
    for (int d = 0; d < dim; ++d) rows(static_cast<Eigen::Index>(i), d) = v[d];
  }
  std::string method;
  const Eigen::MatrixX2d xy = project(rows, m_shown != m_projected, method);
  m_projected = m_shown;

  const auto role = [&](int w) {  // 2 selected, 1 neighbour, 0 other
    if (w == selected) return 2;
    return std::find(highlighted.begin(), highlighted.end(), w) != highlighted.end() ? 1 : 0;
  };
  const gl::Color plain = style.palette.foreground.withAlpha(0.45f);
  const gl::Color neighbour = gl::Color::fromHex(0xD55E00);  // Okabe-Ito vermillion
  const gl::Color chosen = gl::Color::fromHex(0x0072B2);     // and blue
  std::vector<plot::Vec2> points;
  std::vector<plot::Rgba8> colors;
  std::vector<plot::Label> first, rest;  // the selection's labels first: they must survive
  std::vector<plot::Polyline> links;
  plot::Vec2 selectedAt;
  for (std::size_t i = 0; i < m_shownWords.size(); ++i) {
    if (m_shownWords[i] == selected)
      selectedAt = {xy(static_cast<Eigen::Index>(i), 0), xy(static_cast<Eigen::Index>(i), 1)};
  }
  for (std::size_t i = 0; i < m_shownWords.size(); ++i) {
    const int w = m_shownWords[i];
    const plot::Vec2 p{xy(static_cast<Eigen::Index>(i), 0), xy(static_cast<Eigen::Index>(i), 1)};
    const int r = role(w);
    const gl::Color color = r == 2 ? chosen : (r == 1 ? neighbour : plain);
    points.push_back(p);
    colors.push_back(color.toRgba8());
    plot::Label label{p,
                      words[static_cast<std::size_t>(w)],
                      r == 0 ? style.palette.foreground : color,
                      gl::HAlign::Left,
                      gl::VAlign::Middle,
                      {6.0, 0.0},
                      r > 0};
    (r > 0 ? first : rest).push_back(std::move(label));
    if (r == 1) links.push_back({{selectedAt, p}, neighbour.withAlpha(0.5f), false});
  }
  // The chosen word's label before its neighbours': it is the one that must be read.
  std::stable_partition(first.begin(), first.end(),
                        [&](const plot::Label& l) { return l.text == m_selection.word; });
  first.insert(first.end(), std::make_move_iterator(rest.begin()),
               std::make_move_iterator(rest.end()));
  m_points->setPoints(points, colors);
  m_labels->setLabels(std::move(first));
  m_links->setPolylines(std::move(links));
  m_canvas.setTitle(std::to_string(m_shownWords.size()) + " most frequent words, " + method +
                    " of the input vectors");
  m_canvas.setAxisLabels("axis 1", "axis 2");
  // Refit while training spreads the cloud out (it starts within +-0.5/D), then leave the view
  // to the student unless the words leave it.
  if (const auto bounds = m_points->bounds()) {
    if (m_fitted < 3 || plot::viewShouldRefit(m_canvas.view(), *bounds)) {
      m_canvas.fitToData(0.08);
      ++m_fitted;
    }
  }
}

void EmbeddingView::draw(ViewContext& context, ImVec2 size) {
  const auto* snapshot = dynamic_cast<const word2vec::Word2VecRunSnapshot*>(context.snapshot.get());
  if (!snapshot || snapshot->words() < 2) return;
  // A new snapshot is shown at most kRefreshSeconds after the last rebuild (labelling hundreds
  // of words costs more than a frame should on a busy machine); a new word at once.
  const double now = ImGui::GetTime();
  const bool due = context.snapshot != m_shown && now - m_rebuiltAt >= kRefreshSeconds;
  const bool tsneMoved = m_selection.projection == WordProjection::kTsne && m_tsneJob &&
                         m_tsneJob->latest() != m_tsneShown && now - m_rebuiltAt >= kRefreshSeconds;
  if (due || tsneMoved || m_selection.word != m_shownSelection ||
      m_selection.projection != m_shownProjection || !(context.style.palette == m_shownPalette)) {
    m_rebuiltAt = now;
    m_shown = context.snapshot;
    m_shownSelection = m_selection.word;
    m_shownProjection = m_selection.projection;
    m_shownPalette = context.style.palette;
    rebuild(*snapshot, context.style);
  }
  plot::CanvasWidgetOptions options;
  options.showTooltip = false;
  const plot::CanvasEvents events =
      plot::showCanvas("##w2v-embedding", m_canvas, size, context.style, options);
  if (events.clicked) {
    if (const auto hit = m_points->nearest(events.clickData, m_canvas.transform(), 12.0)) {
      m_selection.word = (*snapshot->model.words)[static_cast<std::size_t>(m_shownWords[*hit])];
    }
  }
}

}  // namespace genlab::views
