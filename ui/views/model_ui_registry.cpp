#include "core/util/errors.h"
#include "ui/views/charrnn/charrnn_ui.h"
#include "ui/views/dbm/dbm_ui.h"
#include "ui/views/gan/gan2d_ui.h"
#include "ui/views/gan/image_gan_ui.h"
#include "ui/views/gmm/gmm_ui.h"
#include "ui/views/hmm/hmm_ui.h"
#include "ui/views/leaderboard/leaderboard_ui.h"
#include "ui/views/nb/nb_ui.h"
#include "ui/views/pixelcnn/pixelcnn_ui.h"
#include "ui/views/rbm/rbm_ui.h"
#include "ui/views/vae/vae_ui.h"
#include "ui/views/view.h"
#include "ui/views/word2vec/word2vec_ui.h"

namespace genlab::views {

void ModelUi::applyDisplayOption(const std::string& key, const nlohmann::json& /*value*/) {
  throw ConfigError("display." + key + ": this lesson's views have no such option");
}

std::unique_ptr<ModelUi> makeModelUi(const lesson::Lesson& lesson) {
  std::unique_ptr<ModelUi> ui;
  if (lesson.model == "gmm") ui = std::make_unique<GmmUi>(lesson.views);
  if (lesson.model == "hmm") ui = std::make_unique<HmmUi>(lesson);
  if (lesson.model == "vae") ui = std::make_unique<VaeUi>(lesson);
  if (lesson.model == "gan2d") ui = std::make_unique<Gan2dUi>(lesson.views);
  if (lesson.model == "gan_image") ui = std::make_unique<ImageGanUi>(lesson.views);
  if (lesson.model == "nb") ui = std::make_unique<NbUi>(lesson);
  if (lesson.model == "word2vec") ui = std::make_unique<Word2VecUi>(lesson);
  if (lesson.model == "rbm") ui = std::make_unique<RbmUi>(lesson.views);
  if (lesson.model == "dbm") ui = std::make_unique<DbmUi>(lesson.views);
  if (lesson.model == "charrnn") ui = std::make_unique<CharRnnUi>(lesson);
  if (lesson.model == "pixelcnn") ui = std::make_unique<PixelCnnUi>(lesson.views);
  if (lesson.model == "leaderboard") ui = std::make_unique<LeaderboardUi>(lesson.views);
  if (!ui) return nullptr;
  for (const auto& [key, value] : lesson.display.items()) {
    try {
      ui->applyDisplayOption(key, value);
    } catch (const ConfigError& error) {
      throw ConfigError(lesson.file.string() + ": " + error.what());
    }
  }
  return ui;
}

}  // namespace genlab::views
