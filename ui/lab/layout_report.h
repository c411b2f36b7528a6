#pragma once
// What --report-layout says about the windows the lab drew this frame, so tests can check that
// nothing is cut or overlaps: where a window's content reached against the rect it is seen in
// (content past a side that does not scroll is cut off), and the strings its pictures drew.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

namespace genlab::lab {

// For the current ImGui window (call before End): {"inner": [x0, y0, x1, y1], "content": [x0,
// y0, x1, y1]}, screen pixels.
nlohmann::json currentWindowExtent();
// The strings recorded since plot::screenTexts() held `first`: [{"text", "rect", "clip"}].
nlohmann::json screenTextsFrom(std::size_t first);
std::size_t screenTextCount();
// A view window's entry, started right after its Begin(): finish() (before End()) adds what
// its window and pictures drew to `entry`.
class ViewReport {
 public:
  ViewReport() : m_firstText(screenTextCount()) {}
  nlohmann::json finish(nlohmann::json entry) const;

 private:
  std::size_t m_firstText;
};

// A fixed panel's entry: its name, rect, extent and whether it scrolls vertically.
nlohmann::json panelEntry(const std::string& name, bool scrollsVertically);

}  // namespace genlab::lab
