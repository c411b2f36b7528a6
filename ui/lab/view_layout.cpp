#include "ui/lab/view_layout.h"

#include <algorithm>
#include <cmath>

namespace genlab::lab {
namespace {

// How many views fit in a column of `height` beside the main view, at most `wanted`.
std::size_t sideViewsThatFit(float columnWidth, float mainWidth, float height, std::size_t wanted,
                             const ViewLayoutLimits& limits) {
  if (wanted == 0 || columnWidth < limits.minWidth || mainWidth < limits.minWidth) return 0;
  const auto rows = static_cast<std::size_t>(std::floor(height / limits.minHeight));
  return std::min(wanted, rows);
}

}  // namespace

ViewArrangement arrangeViews(const LayoutRect& area, std::size_t viewCount, std::size_t mainView,
                             const ViewLayoutLimits& limits) {
  ViewArrangement result;
  if (viewCount == 0) return result;
  mainView = std::min(mainView, viewCount - 1);
  const std::size_t others = std::min(viewCount - 1, std::max<std::size_t>(limits.maxShown, 1) - 1);
  const float mainWidth = std::floor(area.width * limits.mainFraction);
  const float columnWidth = area.width - mainWidth;

  // Without the strip, every view must fit; otherwise the strip takes its row first.
  LayoutRect body = area;
  std::size_t side = sideViewsThatFit(columnWidth, mainWidth, body.height, viewCount - 1, limits);
  if (viewCount > 1 && (side < viewCount - 1 || others < viewCount - 1)) {
    result.strip = true;
    result.stripRect = {area.x, area.y, area.width, limits.stripHeight};
    body.y += limits.stripHeight;
    body.height -= limits.stripHeight;
    side = sideViewsThatFit(columnWidth, mainWidth, body.height, others, limits);
  }

  const float shownMainWidth = side == 0 ? body.width : mainWidth;
  result.slots.push_back({mainView, {body.x, body.y, shownMainWidth, body.height}});
  const float rowHeight = side == 0 ? 0.0f : std::floor(body.height / static_cast<float>(side));
  std::size_t next = 0;
  for (std::size_t row = 0; row < side; ++row, ++next) {
    if (next == mainView) ++next;
    // The last row takes what rounding left, so the column ends where the area does.
    const float y = body.y + rowHeight * static_cast<float>(row);
    const float height = row + 1 == side ? body.y + body.height - y : rowHeight;
    result.slots.push_back({next, {body.x + mainWidth, y, columnWidth, height}});
  }
  return result;
}

namespace {

// `runs` pictures in `area`, in `columns` columns; empty when a cell would be under the minimum.
std::vector<LayoutRect> pictureGrid(const LayoutRect& area, std::size_t runs, std::size_t columns,
                                    const ViewLayoutLimits& limits) {
  const std::size_t rows = (runs + columns - 1) / columns;
  const float cellWidth = std::floor(area.width / static_cast<float>(columns));
  const float cellHeight = std::floor(area.height / static_cast<float>(rows));
  if (cellWidth < limits.minWidth || cellHeight < limits.minHeight) return {};
  std::vector<LayoutRect> cells;
  for (std::size_t i = 0; i < runs; ++i)
    cells.push_back({area.x + cellWidth * static_cast<float>(i % columns),
                     area.y + cellHeight * static_cast<float>(i / columns), cellWidth, cellHeight});
  return cells;
}

// Two columns when there are two runs or more, else one; one column when two are too narrow.
std::vector<LayoutRect> bestGrid(const LayoutRect& area, std::size_t runs,
                                 const ViewLayoutLimits& limits) {
  std::vector<LayoutRect> cells = pictureGrid(area, runs, std::min<std::size_t>(runs, 2), limits);
  if (cells.empty() && runs > 1) cells = pictureGrid(area, runs, 1, limits);
  return cells;
}

bool readable(const LayoutRect& r, const ViewLayoutLimits& limits) {
  return r.width >= limits.minWidth && r.height >= limits.minHeight;
}

}  // namespace

CompareArrangement arrangeCompare(const LayoutRect& area, std::size_t runs, bool roomyTable,
                                  bool showChart, const ViewLayoutLimits& limits) {
  CompareArrangement result;
  if (runs == 0) {
    result.chart = true;
    result.chartRect = area;
    return result;
  }
  // Pictures above, the chart and the table below.
  if (roomyTable) {
    const float picturesHeight = std::floor(area.height * 0.62f);
    const LayoutRect bottom{area.x, area.y + picturesHeight, area.width,
                            area.height - picturesHeight};
    const float chartWidth = std::floor(bottom.width * 0.62f);
    const LayoutRect chart{bottom.x, bottom.y, chartWidth, bottom.height};
    const LayoutRect table{bottom.x + chartWidth, bottom.y, bottom.width - chartWidth,
                           bottom.height};
    auto cells = bestGrid({area.x, area.y, area.width, picturesHeight}, runs, limits);
    if (!cells.empty() && readable(chart, limits) && readable(table, limits)) {
      result.pictures = std::move(cells);
      result.chart = result.table = true;
      result.chartRect = chart;
      result.tableRect = table;
      return result;
    }
  }
  // Pictures on the left two thirds, the chart on the right.
  const float picturesWidth = std::floor(area.width * 2.0f / 3.0f);
  const LayoutRect chart{area.x + picturesWidth, area.y, area.width - picturesWidth, area.height};
  auto cells = bestGrid({area.x, area.y, picturesWidth, area.height}, runs, limits);
  if (!cells.empty() && readable(chart, limits)) {
    result.pictures = std::move(cells);
    result.chart = true;
    result.chartRect = chart;
    return result;
  }
  // The pictures alone, or the chart alone, chosen by the strip's tabs.
  result.strip = true;
  result.stripRect = {area.x, area.y, area.width, limits.stripHeight};
  const LayoutRect body{area.x, area.y + limits.stripHeight, area.width,
                        area.height - limits.stripHeight};
  if (showChart) {
    result.chart = true;
    result.chartRect = body;
    return result;
  }
  result.pictures = bestGrid(body, runs, limits);
  if (result.pictures.empty()) {  // smaller than readable whatever we do: at least all there
    ViewLayoutLimits none = limits;
    none.minWidth = none.minHeight = 0;
    result.pictures = pictureGrid(body, runs, std::min<std::size_t>(runs, 2), none);
  }
  return result;
}

}  // namespace genlab::lab
