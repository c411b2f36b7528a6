#pragma once
// The likelihood leaderboard as horizontal bars, best first: one row per figure, its length
// the held-out NLL in nats per image (from 0, on one scale), then the figure, bits per pixel
// and what kind of figure it is. The kind is drawn, not only written:
//   exact     a solid bar;
//   estimate  a solid bar with a whisker of +-2 standard errors at its end;
//   bound     a bar whose end is hatched and open, labelled "bound: true NLL is lower" (a
//             lower bound on log p(x) is an upper bound on the NLL).
// A row appears as each model is scored; under them the model being trained (or next, while
// paused) is shown in progress. Rows that do not fit the view are summarised as "+N more";
// columns that do not fit are dropped right to left (kind, then bits per pixel).

#include <string>
#include <vector>

#include "core/eval/leaderboard_snapshot.h"
#include "ui/views/view.h"

namespace genlab::views {

class LeaderboardBarsView final : public View {
 public:
  std::string title() const override { return "Likelihood leaderboard"; }
  void draw(ViewContext& context, ImVec2 size) override;
};

// The short name of a board row: the scorer's model name with spaces ("vae_iw100" ->
// "vae iw100"), since the descriptions are too long for a projector's row.
std::string leaderboardRowName(const std::string& model);

}  // namespace genlab::views
