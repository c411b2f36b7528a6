#include "ui/views/gmm/gmm_ui.h"
#include "ui/views/hmm/hmm_ui.h"
#include "ui/views/view.h"

namespace genlab::views {

std::unique_ptr<ModelUi> makeModelUi(const lesson::Lesson& lesson) {
  if (lesson.model == "gmm") return std::make_unique<GmmUi>(lesson.views);
  if (lesson.model == "hmm") return std::make_unique<HmmUi>(lesson);
  return nullptr;
}

}  // namespace genlab::views
