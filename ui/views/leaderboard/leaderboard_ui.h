#pragma once
// The leaderboard lesson's part of the lab ("Which model explains the digits best"): the board
// of bars and each model's samples; in the side panel, the data, how far the board is, what
// was skipped and what the three kinds of figure mean.

#include <memory>

#include "ui/views/leaderboard/leaderboard_bars_view.h"
#include "ui/views/leaderboard/leaderboard_samples_view.h"
#include "ui/views/view.h"

namespace genlab::views {

class LeaderboardUi final : public ModelUi {
 public:
  // `viewNames`: "board", "samples"; the board alone when none is named.
  explicit LeaderboardUi(const std::vector<std::string>& viewNames);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;

 private:
  std::unique_ptr<LeaderboardBarsView> m_board;
  std::unique_ptr<LeaderboardSamplesView> m_samples;
  std::vector<View*> m_order;
};

}  // namespace genlab::views
