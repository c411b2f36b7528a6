#pragma once
// One hidden GL 3.3 context shared by every test in a suite; tests skip without a display.

#include <gtest/gtest.h>

#include <memory>

#include "ui/gl/framebuffer.h"
#include "ui/gl/offscreen_context.h"

namespace genlab::test {

class GlTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (gl::OffscreenContext::displayAvailable() && !context())
      context() = std::make_unique<gl::OffscreenContext>();
  }
  static void TearDownTestSuite() { context().reset(); }
  void SetUp() override {
    if (!context()) GTEST_SKIP() << "no display (set DISPLAY, e.g. run under Xvfb)";
    context()->makeCurrent();
  }
  static std::unique_ptr<gl::OffscreenContext>& context() {
    static std::unique_ptr<gl::OffscreenContext> ctx;
    return ctx;
  }
};

// Per-channel distance between a pixel and an expected colour, 0..255.
inline int colorDistance(const std::uint8_t* px, int r, int g, int b) {
  return std::max({std::abs(px[0] - r), std::abs(px[1] - g), std::abs(px[2] - b)});
}

}  // namespace genlab::test
