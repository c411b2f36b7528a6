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

}  // namespace genlab::lab
