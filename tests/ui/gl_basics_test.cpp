// The GL layer on its own: programs, text, PNG output.

#include <gtest/gtest.h>
#include <stb_image.h>  // decoder implementation lives in Debian's libstb

#include <filesystem>
#include <fstream>
#include <iterator>

#include "gl_fixture.h"
#include "ui/gl/png.h"
#include "ui/gl/program.h"
#include "ui/gl/shared_resources.h"
#include "ui/gl/text.h"

using namespace genlab;

namespace {
class GlBasics : public test::GlTest {};
}  // namespace

TEST_F(GlBasics, CompileErrorsNameTheFile) {
  try {
    gl::compileShader(GL_FRAGMENT_SHADER, "#version 330 core\nvoid main() { nonsense; }\n",
                      "broken.frag");
    FAIL() << "expected a compile error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("broken.frag"), std::string::npos) << e.what();
  }
  EXPECT_THROW(gl::Program("missing.vert", "missing.frag"), std::runtime_error);
}

TEST_F(GlBasics, AllEmbeddedProgramsLink) {
  for (const char* name : {"solid", "text", "image", "points", "lines"})
    EXPECT_NO_THROW(gl::sharedProgram(std::string(name) + ".vert", std::string(name) + ".frag"))
        << name;
}

TEST_F(GlBasics, TextDrawsInsideItsMeasuredBox) {
  gl::Framebuffer fb;
  fb.resize(300, 80);
  fb.bind();
  glClearColor(1, 1, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  const gl::Font& font = gl::sharedFont(gl::FontFace::Regular, 24);
  const std::string s = "Hello 0.25 \xCE\xB2";  // includes a Greek beta
  EXPECT_GT(font.measure(s), 24.0f * 4);
  gl::TextBatch batch;
  batch.add(font, s, 150, 40, gl::HAlign::Center, gl::VAlign::Middle, gl::Color{0, 0, 0, 1});
  batch.draw(fb.width(), fb.height());
  const gl::ImageRgba img = fb.readPixels();
  gl::Framebuffer::unbind();
  const gl::PixelBox box = font.bounds(s, 150, 40, gl::HAlign::Center, gl::VAlign::Middle);
  int inside = 0, outside = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      if (img.at(x, y)[0] > 128) continue;  // background
      const bool in = x >= box.x0 - 1 && x <= box.x1 + 1 && y >= box.y0 - 1 && y <= box.y1 + 1;
      (in ? inside : outside)++;
    }
  EXPECT_GT(inside, 150);
  EXPECT_EQ(outside, 0);
}

TEST_F(GlBasics, PngRoundTripsSizeAndPixels) {
  gl::ImageRgba img;
  img.width = 7;
  img.height = 5;
  img.pixels.assign(7 * 5 * 4, 255);
  img.pixels[0] = 10;                    // top-left red channel
  img.pixels[(4 * 7 + 6) * 4 + 1] = 20;  // bottom-right green channel
  const auto path = std::filesystem::temp_directory_path() / "genlab_png_test.png";
  gl::writePng(path, img);
  EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
  std::ifstream in(path, std::ios::binary);
  const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                         std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes[1], 'P');
  EXPECT_EQ(bytes[2], 'N');
  EXPECT_EQ(bytes[3], 'G');
  int w = 0, h = 0, n = 0;
  unsigned char* decoded =
      stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &n, 4);
  ASSERT_NE(decoded, nullptr);
  EXPECT_EQ(w, 7);
  EXPECT_EQ(h, 5);
  EXPECT_EQ(decoded[0], 10);
  EXPECT_EQ(decoded[(4 * 7 + 6) * 4 + 1], 20);
  stbi_image_free(decoded);
  std::filesystem::remove(path);

  // Bottom-up input is flipped on the way out.
  const auto path2 = std::filesystem::temp_directory_path() / "genlab_png_test2.png";
  gl::writePngBottomUp(path2, 7, 5, img.pixels.data());
  int w2 = 0, h2 = 0, n2 = 0;
  unsigned char* d2 = stbi_load(path2.string().c_str(), &w2, &h2, &n2, 4);
  ASSERT_NE(d2, nullptr);
  EXPECT_EQ(d2[(4 * 7 + 0) * 4], 10);  // the old top-left is now bottom-left
  stbi_image_free(d2);
  std::filesystem::remove(path2);
}
