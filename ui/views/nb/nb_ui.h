#pragma once
// The Naive Bayes lessons' part of the lab: on 2-D points the side-by-side picture of Naive
// Bayes and a full-covariance Gaussian per class; on images the class means with samples and
// the drawing canvas with its posterior bars; accuracy and held-out log-likelihood curves; and
// the side panel (settings, what to show, the drawing's buttons).

#include <memory>

#include "ui/views/curve_view.h"
#include "ui/views/gan/gan_controls.h"
#include "ui/views/nb/nb_field_view.h"
#include "ui/views/nb/nb_image_views.h"
#include "ui/views/view.h"

namespace genlab::views {

class NbUi final : public ModelUi {
 public:
  // The lesson's "views": "posterior" (points), "class_images", "draw" (images), "accuracy",
  // "log_likelihood". A picture of the data comes first (the large view): the first one named
  // of the data's kind, else the default (posterior for points, class_images for images).
  explicit NbUi(const lesson::Lesson& lesson);
  std::vector<View*> views() override { return m_order; }
  void drawControls(ViewContext& context) override;
  // "ellipses", "field", "boundary": bool (points); "test_image": N, a held-out image on the
  // drawing canvas when the lesson opens (images).
  void applyDisplayOption(const std::string& key, const nlohmann::json& value) override;

  NbFieldView* field() { return m_field.get(); }
  NbDrawView* drawView() { return m_draw.get(); }

 private:
  bool m_images = false;
  std::unique_ptr<NbFieldView> m_field;
  std::unique_ptr<NbClassImagesView> m_classImages;
  std::unique_ptr<NbDrawView> m_draw;
  std::unique_ptr<CurveView> m_accuracy;
  std::unique_ptr<CurveView> m_logLikelihood;
  std::vector<View*> m_order;
  GanSliders m_sliders;
  int m_pendingTestImage = -1;  // a display option that needs the first snapshot
  int m_nextTestImage = 0;
};

}  // namespace genlab::views
