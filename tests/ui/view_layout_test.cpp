// The lab's arrangement of a lesson's views: readable sizes, every view reachable, nothing
// drawn twice, and the area used whole.
#include "ui/lab/view_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace genlab::lab {
namespace {

constexpr float kEps = 0.01f;

// The invariants every arrangement keeps, whatever the sizes.
void expectSound(const ViewArrangement& a, const LayoutRect& area, std::size_t views,
                 std::size_t main, const ViewLayoutLimits& limits) {
  ASSERT_FALSE(a.slots.empty());
  EXPECT_EQ(a.slots.front().view, std::min(main, views - 1)) << "the main view comes first";
  std::set<std::size_t> seen;
  float covered = 0;
  for (const ViewSlot& s : a.slots) {
    EXPECT_TRUE(seen.insert(s.view).second) << "view " << s.view << " shown twice";
    EXPECT_LT(s.view, views);
    EXPECT_GE(s.rect.x, area.x - kEps);
    EXPECT_GE(s.rect.y, area.y - kEps);
    EXPECT_LE(s.rect.x + s.rect.width, area.x + area.width + kEps);
    EXPECT_LE(s.rect.y + s.rect.height, area.y + area.height + kEps);
    if (a.slots.size() > 1) {
      EXPECT_GE(s.rect.width, limits.minWidth - kEps);
      EXPECT_GE(s.rect.height, limits.minHeight - kEps);
    }
    covered += s.rect.width * s.rect.height;
  }
  EXPECT_EQ(a.strip, a.slots.size() < views) << "the strip is there exactly when views are hidden";
  const float strip = a.strip ? a.stripRect.width * a.stripRect.height : 0.0f;
  EXPECT_NEAR(covered + strip, area.width * area.height, 1.0f) << "the area is used whole";
  for (std::size_t i = 0; i < a.slots.size(); ++i)
    for (std::size_t j = i + 1; j < a.slots.size(); ++j) {
      const LayoutRect& p = a.slots[i].rect;
      const LayoutRect& q = a.slots[j].rect;
      const bool apart = p.x + p.width <= q.x + kEps || q.x + q.width <= p.x + kEps ||
                         p.y + p.height <= q.y + kEps || q.y + q.height <= p.y + kEps;
      EXPECT_TRUE(apart) << "slots " << i << " and " << j << " overlap";
    }
}

TEST(ViewLayout, RoomyAreaShowsEveryViewWithoutAStrip) {
  const LayoutRect area{260, 40, 1660, 960};
  const ViewLayoutLimits limits;
  const ViewArrangement a = arrangeViews(area, 4, 0, limits);
  expectSound(a, area, 4, 0, limits);
  EXPECT_EQ(a.slots.size(), 4u);
  EXPECT_FALSE(a.strip);
  EXPECT_FLOAT_EQ(a.slots[0].rect.width, std::floor(1660 * 0.6f));
  EXPECT_EQ(a.slots[1].view, 1u);
  EXPECT_EQ(a.slots[3].view, 3u);
}

TEST(ViewLayout, ShortAreaShowsOnlyWhatFitsAndTheStripReachesTheRest) {
  // Six views in 700 pixels of height: under a 30-pixel strip, 670 / 220 = 3.04 rows of side
  // views fit, so three of the five others are shown.
  const LayoutRect area{0, 0, 1000, 700};
  const ViewLayoutLimits limits;
  const ViewArrangement a = arrangeViews(area, 6, 0, limits);
  expectSound(a, area, 6, 0, limits);
  EXPECT_TRUE(a.strip);
  EXPECT_EQ(a.slots.size(), 4u);
  EXPECT_FLOAT_EQ(a.slots[0].rect.y, 30.0f) << "views start under the strip";
}

TEST(ViewLayout, NarrowAreaShowsTheMainViewAlone) {
  // 40% of 700 is 280, narrower than a readable view: the main view takes the whole width.
  const LayoutRect area{300, 50, 700, 600};
  const ViewLayoutLimits limits;
  const ViewArrangement a = arrangeViews(area, 3, 2, limits);
  expectSound(a, area, 3, 2, limits);
  ASSERT_EQ(a.slots.size(), 1u);
  EXPECT_EQ(a.slots[0].view, 2u);
  EXPECT_FLOAT_EQ(a.slots[0].rect.width, 700.0f);
  EXPECT_FLOAT_EQ(a.slots[0].rect.height, 570.0f);
}

TEST(ViewLayout, ChosenMainViewLeavesTheOthersInOrder) {
  const LayoutRect area{0, 0, 1600, 1000};
  const ViewLayoutLimits limits;
  const ViewArrangement a = arrangeViews(area, 4, 2, limits);
  expectSound(a, area, 4, 2, limits);
  ASSERT_EQ(a.slots.size(), 4u);
  EXPECT_EQ(a.slots[1].view, 0u);
  EXPECT_EQ(a.slots[2].view, 1u);
  EXPECT_EQ(a.slots[3].view, 3u);
}

TEST(ViewLayout, PresentationCapShowsFewerViews) {
  const LayoutRect area{0, 0, 1600, 1000};
  ViewLayoutLimits limits;
  limits.maxShown = 3;
  const ViewArrangement a = arrangeViews(area, 5, 0, limits);
  expectSound(a, area, 5, 0, limits);
  EXPECT_EQ(a.slots.size(), 3u);
  EXPECT_TRUE(a.strip);
}

TEST(ViewLayout, SoundAtEverySize) {
  ViewLayoutLimits limits;
  for (float w = 200; w <= 2000; w += 137)
    for (float h = 150; h <= 1200; h += 91)
      for (std::size_t views = 1; views <= 6; ++views)
        for (std::size_t main = 0; main < views + 1; ++main) {
          const LayoutRect area{10, 20, w, h};
          expectSound(arrangeViews(area, views, main, limits), area, views, main, limits);
        }
}

}  // namespace
}  // namespace genlab::lab
