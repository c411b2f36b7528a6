// A lesson's "display.color_by" is checked when the lesson opens: "class" or a factor of its
// data, anything else a ConfigError that names the key and the allowed values (it used to fall
// back to colouring by class without a word).

#include <gtest/gtest.h>

#include <string>

#include "core/util/errors.h"
#include "tests/error_message.h"
#include "tests/ui/gl_fixture.h"
#include "ui/views/vae/vae_ui.h"

namespace genlab::test {
namespace {

using VaeDisplayOptionsTest = GlTest;

lesson::Lesson vaeLesson(const std::string& datasetKind, const nlohmann::json& colorBy) {
  lesson::Lesson lesson;
  lesson.file = "vae_lesson.json";
  lesson.model = "vae";
  lesson.dataset = {{"kind", datasetKind}};
  lesson.views = {"latent", "traversal"};
  lesson.display = {{"color_by", colorBy}};
  return lesson;
}

// The ConfigError message makeModelUi throws for `lesson`, or "(no error)".
std::string openError(const lesson::Lesson& lesson) {
  return messageOf<ConfigError>([&] { views::makeModelUi(lesson); });
}

TEST_F(VaeDisplayOptionsTest, ColorByAFactorOfTheDataPicksThatFactor) {
  auto ui = views::makeModelUi(vaeLesson("shapes", "x"));
  auto* vae = dynamic_cast<views::VaeUi*>(ui.get());
  ASSERT_NE(vae, nullptr);
  EXPECT_EQ(vae->coloring().factor, 3);  // shape, scale, rotation, x, y
  ui = views::makeModelUi(vaeLesson("shapes", "class"));
  EXPECT_EQ(dynamic_cast<views::VaeUi&>(*ui).coloring().factor, -1);
}

TEST_F(VaeDisplayOptionsTest, UnknownColorByIsAnErrorNamingKeyAndAllowedValues) {
  EXPECT_EQ(openError(vaeLesson("shapes", "colour")),
            "vae_lesson.json: display.color_by: \"colour\" is not a way to colour this lesson's "
            "data (allowed: \"class\", \"shape\", \"scale\", \"rotation\", \"x\", \"y\")");
  // Fashion-MNIST has classes but no known factors.
  EXPECT_EQ(openError(vaeLesson("fashion_mnist", "x")),
            "vae_lesson.json: display.color_by: \"x\" is not a way to colour this lesson's data "
            "(allowed: \"class\")");
  EXPECT_EQ(openError(vaeLesson("shapes", 3)),
            "vae_lesson.json: display.color_by: 3 is not a way to colour this lesson's data "
            "(allowed: \"class\", \"shape\", \"scale\", \"rotation\", \"x\", \"y\")");
}

}  // namespace
}  // namespace genlab::test
