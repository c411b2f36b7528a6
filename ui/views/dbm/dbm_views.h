#pragma once
// The DBM's own pictures; the first layer's filters and the dreaming chains are the RBM's views
// (a DbmSnapshot is an RbmSnapshot whose RBM fields describe v - h1).
//   - second-layer filters: unit k of h2 drawn as column k of W1 W2, the first-layer filters
//     weighted by its weights to them (grey 0.5 is zero, one symmetric scale);
//   - activations: held-out images beside their mean-field reconstructions p(v | mu1), and
//     under them mu1 and mu2 of the image under the mouse, one grey square per unit.

#include "core/models/dbm/dbm_snapshot.h"
#include "ui/views/rbm/rbm_views.h"

namespace genlab::views {

class DbmSecondFiltersView final : public RbmImageGridView {
 public:
  std::string title() const override { return "Layer 2 filters (W1 W2)"; }

 protected:
  Grid grid(const rbm::RbmSnapshot& snap) const override;
  std::string caption(const rbm::RbmSnapshot& snap) const override;
};

class DbmActivationsView final : public RbmImageGridView {
 public:
  std::string title() const override { return "h1 and h2 for a held-out image"; }
  int selected() const { return m_selected; }

 protected:
  Grid grid(const rbm::RbmSnapshot& snap) const override;
  std::string caption(const rbm::RbmSnapshot& snap) const override;
  float extraHeight(ImVec2 size) const override { return 0.3F * size.y; }
  void drawExtra(const rbm::RbmSnapshot& snap, int hovered, ImVec2 box) override;

 private:
  int m_selected = 0;  // the pair whose activations are shown
};

}  // namespace genlab::views
