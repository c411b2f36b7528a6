// The lab's arrangement of a lesson's views: readable sizes, every view reachable, nothing
// drawn twice, and the area used whole.
#include "ui/lab/view_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "ui/lab/fit_label.h"

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
  // Six views in 640 pixels of height: under a 30-pixel strip, 610 / 200 = 3.05 rows of side
  // views fit, so three of the five others are shown.
  const LayoutRect area{0, 0, 1000, 640};
  const ViewLayoutLimits limits;
  const ViewArrangement a = arrangeViews(area, 6, 0, limits);
  expectSound(a, area, 6, 0, limits);
  EXPECT_TRUE(a.strip);
  EXPECT_EQ(a.slots.size(), 4u);
  EXPECT_FLOAT_EQ(a.slots[0].rect.y, 30.0f) << "views start under the strip";
}

TEST(ViewLayout, NarrowAreaShowsTheMainViewAlone) {
  // 40% of 700 is 280, narrower than a readable 300: the main view takes the whole width.
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

namespace genlab::lab {
namespace {

// Every panel of a compare arrangement readable and inside the area, none overlapping.
void expectSoundCompare(const CompareArrangement& a, const LayoutRect& area, std::size_t runs,
                        const ViewLayoutLimits& limits) {
  std::vector<LayoutRect> panels = a.pictures;
  if (a.chart) panels.push_back(a.chartRect);
  if (a.table) panels.push_back(a.tableRect);
  ASSERT_FALSE(panels.empty());
  EXPECT_TRUE(a.chart || a.pictures.size() == runs) << "pictures are all there or not at all";
  for (const LayoutRect& r : panels) {
    EXPECT_GE(r.x, area.x - kEps);
    EXPECT_GE(r.y, area.y + (a.strip ? limits.stripHeight : 0.0f) - kEps);
    EXPECT_LE(r.x + r.width, area.x + area.width + kEps);
    EXPECT_LE(r.y + r.height, area.y + area.height + kEps);
  }
  for (std::size_t i = 0; i < panels.size(); ++i)
    for (std::size_t j = i + 1; j < panels.size(); ++j) {
      const LayoutRect& p = panels[i];
      const LayoutRect& q = panels[j];
      EXPECT_TRUE(p.x + p.width <= q.x + kEps || q.x + q.width <= p.x + kEps ||
                  p.y + p.height <= q.y + kEps || q.y + q.height <= p.y + kEps);
    }
}

TEST(CompareLayout, RoomyWindowPutsChartAndTableUnderThePictures) {
  const LayoutRect area{300, 40, 1600, 950};
  const ViewLayoutLimits limits;
  const CompareArrangement a = arrangeCompare(area, 2, true, false, limits);
  expectSoundCompare(a, area, 2, limits);
  ASSERT_EQ(a.pictures.size(), 2u);
  EXPECT_TRUE(a.chart && a.table && !a.strip);
  EXPECT_GT(a.chartRect.y, a.pictures[0].y) << "the chart is below the pictures";
}

TEST(CompareLayout, ProjectorPutsTheChartBesideThePictures) {
  const LayoutRect area{380, 60, 1540, 950};
  ViewLayoutLimits limits;
  limits.minWidth = 420;
  limits.minHeight = 300;
  const CompareArrangement a = arrangeCompare(area, 2, false, false, limits);
  expectSoundCompare(a, area, 2, limits);
  EXPECT_TRUE(a.chart && !a.table && !a.strip);
  EXPECT_GT(a.chartRect.x, a.pictures[0].x);
  EXPECT_EQ(a.pictures.size(), 2u);
}

TEST(CompareLayout, SmallProjectorTakesTurnsBehindTabs) {
  // 741 x 600: beside two pictures a third column would be 247 wide, under 315.
  const LayoutRect area{283, 60, 741, 600};
  ViewLayoutLimits limits;
  limits.minWidth = 315;
  limits.minHeight = 225;
  const CompareArrangement pictures = arrangeCompare(area, 2, false, false, limits);
  expectSoundCompare(pictures, area, 2, limits);
  EXPECT_TRUE(pictures.strip);
  EXPECT_FALSE(pictures.chart);
  ASSERT_EQ(pictures.pictures.size(), 2u);
  EXPECT_GE(pictures.pictures[0].width, 315.0f);
  const CompareArrangement chart = arrangeCompare(area, 2, false, true, limits);
  expectSoundCompare(chart, area, 2, limits);
  EXPECT_TRUE(chart.chart && chart.pictures.empty());
  EXPECT_FLOAT_EQ(chart.chartRect.width, 741.0f);
}

TEST(CompareLayout, DifferentModelsShowTheChartAlone) {
  const LayoutRect area{0, 0, 800, 600};
  const CompareArrangement a = arrangeCompare(area, 0, true, false, ViewLayoutLimits{});
  EXPECT_TRUE(a.chart && a.pictures.empty() && !a.strip);
}

TEST(CompareLayout, SoundAtEverySize) {
  ViewLayoutLimits limits;
  for (float w = 300; w <= 2000; w += 173)
    for (float h = 300; h <= 1200; h += 117)
      for (std::size_t runs = 1; runs <= 4; ++runs)
        for (int flags = 0; flags < 4; ++flags) {
          const LayoutRect area{5, 7, w, h};
          expectSoundCompare(arrangeCompare(area, runs, flags & 1, flags & 2, limits), area, runs,
                             limits);
        }
}

}  // namespace
}  // namespace genlab::lab

namespace genlab::lab {
namespace {

TEST(EqualShareCap, LongestGiveWayFirst) {
  EXPECT_TRUE(std::isinf(equalShareCap({10, 20, 30}, 60))) << "everything fits";
  // 10 stays whole; 20 and 30 share the 40 left: 20 each.
  EXPECT_FLOAT_EQ(equalShareCap({30, 10, 20}, 50), 20.0f);
  // 10 and 20 whole, 35 and 50 share 30: 15 each, so 20 is capped too: 45 / 3 = 15.
  EXPECT_FLOAT_EQ(equalShareCap({50, 10, 35, 20}, 55), 15.0f);
  EXPECT_FLOAT_EQ(equalShareCap({5, 5}, -4), 0.0f) << "no room: nothing, not a negative width";
}

}  // namespace
}  // namespace genlab::lab
