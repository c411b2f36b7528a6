#include "ui/views/leaderboard/leaderboard_bars_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/plot/screen_texts.h"

namespace genlab::views {
namespace {

using eval::FigureKind;

ImU32 imColor(const gl::Color& c, float alpha = 1.0F) {
  return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, alpha));
}

float textWidth(const std::string& text) {
  return ImGui::CalcTextSize(text.c_str()).x;
}

// `text` cut to `width` with "..." at its end (whole when it fits).
std::string elide(const std::string& text, float width) {
  if (textWidth(text) <= width) return text;
  std::string cut = text;
  while (!cut.empty() && textWidth(cut + "...") > width) cut.pop_back();
  return cut.empty() ? std::string() : cut + "...";
}

std::string fixed(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string natsText(const eval::LeaderboardEntry& e) {
  if (e.kind == FigureKind::kEstimate)
    return fixed("%.2f", e.nats) + fixed(" +- %.2f", 2.0 * e.standardError);
  return fixed("%.2f", e.nats);
}

const char* kindText(FigureKind kind) {
  switch (kind) {
    case FigureKind::kExact:
      return "exact";
    case FigureKind::kEstimate:
      return "estimate, +-2 s.e.";
    case FigureKind::kBound:
      return "bound: true NLL is lower";
  }
  return "";
}

gl::Color kindColor(const ui::Palette& palette, FigureKind kind) {
  return palette.seriesColor(kind == FigureKind::kExact      ? 0
                             : kind == FigureKind::kEstimate ? 1
                                                             : 2);
}

// A bar from x0 to x1 in the band [y0, y1] drawn as its kind says (see the header).
void drawBar(ImDrawList* list, const ui::Palette& palette, FigureKind kind, float x0, float x1,
             float y0, float y1, float whiskerLeft, float whiskerRight) {
  const ImU32 fill = imColor(kindColor(palette, kind));
  const ImU32 ink = imColor(palette.foreground);
  if (kind != FigureKind::kBound) {
    list->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), fill);
  } else {
    // Solid up to where the hatching starts; the hatched end has a top and a bottom but no
    // right edge: the true NLL lies somewhere to the left of it.
    const float h = y1 - y0;
    const float hatch0 = std::max(x0, x1 - std::max(2.0F * h, 0.25F * (x1 - x0)));
    list->AddRectFilled(ImVec2(x0, y0), ImVec2(hatch0, y1), fill);
    list->AddRectFilled(ImVec2(hatch0, y0), ImVec2(x1, y1),
                        imColor(kindColor(palette, kind), 0.2F));
    list->PushClipRect(ImVec2(hatch0, y0), ImVec2(x1, y1), true);
    const float stride = std::max(4.0F, 0.35F * h);
    for (float x = hatch0 - h; x < x1; x += stride)
      list->AddLine(ImVec2(x, y1), ImVec2(x + h, y0), fill, 2.0F);
    list->PopClipRect();
    list->AddLine(ImVec2(hatch0, y0), ImVec2(x1, y0), fill, 2.0F);
    list->AddLine(ImVec2(hatch0, y1 - 1.0F), ImVec2(x1, y1 - 1.0F), fill, 2.0F);
  }
  if (kind == FigureKind::kEstimate) {
    const float mid = 0.5F * (y0 + y1);
    const float cap = 0.5F * (y1 - y0) + 3.0F;
    list->AddLine(ImVec2(whiskerLeft, mid), ImVec2(whiskerRight, mid), ink, 2.0F);
    list->AddLine(ImVec2(whiskerLeft, mid - cap), ImVec2(whiskerLeft, mid + cap), ink, 2.0F);
    list->AddLine(ImVec2(whiskerRight, mid - cap), ImVec2(whiskerRight, mid + cap), ink, 2.0F);
  }
}

}  // namespace

std::string leaderboardRowName(const std::string& model) {
  std::string name = model;
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

void LeaderboardBarsView::draw(ViewContext& context, ImVec2 size) {
  const auto* snap = dynamic_cast<const eval::LeaderboardSnapshot*>(context.snapshot.get());
  if (!snap) {
    ImGui::TextUnformatted("waiting for the first snapshot...");
    return;
  }
  const ui::Palette& palette = context.style.palette;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* list = ImGui::GetWindowDrawList();
  list->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float font = ImGui::GetFontSize();
  const float line = ImGui::GetTextLineHeight();
  const float gap = 0.8F * font;

  // Rows: the figures so far, then the model in progress.
  const auto& entries = snap->entries;
  const bool inProgress = !snap->complete();
  const int wanted = static_cast<int>(entries.size()) + (inProgress ? 1 : 0);
  const float header = line + 0.4F * font;
  const float footer = line + 0.6F * font;
  const bool withFooter = size.y >= header + footer + 3.0F * line;
  const float rowsHeight = size.y - header - (withFooter ? footer : 0.0F);
  const float minRow = 1.25F * line;
  int shown = wanted;
  bool more = false;
  if (wanted * minRow > rowsHeight) {
    shown = std::max(1, static_cast<int>(rowsHeight / minRow) - 1);
    more = true;
  }
  const int rows = shown + (more ? 1 : 0);
  // Rows as tall as a finished board's would be (about two figures per model more than the
  // models: the RBM's and the VAE's two), so rows keep their place as the board fills.
  const int expected = std::max(rows, static_cast<int>(snap->models.size()) + 2);
  const float rowHeight =
      std::clamp(rowsHeight / static_cast<float>(expected), minRow, 6.0F * font);
  const float thickness = std::min(0.62F * rowHeight, 2.2F * font);
  const int shownEntries = std::min(shown, static_cast<int>(entries.size()));

  // Columns: name | bar | nats | bits per pixel | kind, the last ones dropped when the bar would
  // get less than a third of the width.
  float nameWidth = textWidth("model");
  for (int i = 0; i < shownEntries; ++i)
    nameWidth = std::max(nameWidth, textWidth(leaderboardRowName(entries[i].model)));
  if (inProgress) nameWidth = std::max(nameWidth, textWidth(leaderboardRowName(snap->next())));
  nameWidth = std::min(nameWidth, 0.3F * size.x);
  float natsWidth = textWidth("nats");
  float kindWidth = 0.0F;
  for (int i = 0; i < shownEntries; ++i) {
    natsWidth = std::max(natsWidth, textWidth(natsText(entries[i])));
    kindWidth = std::max(kindWidth, textWidth(kindText(entries[i].kind)));
  }
  const float bitsWidth = std::max(textWidth("bits/px"), textWidth("0.000"));
  bool withBits = true;
  bool withKind = kindWidth > 0.0F;
  const auto barWidth = [&] {
    return size.x - nameWidth - natsWidth - (withBits ? bitsWidth + gap : 0.0F) -
           (withKind ? kindWidth + gap : 0.0F) - 3.0F * gap;
  };
  if (withKind && barWidth() < size.x / 3.0F) withKind = false;
  if (withBits && barWidth() < size.x / 3.0F) withBits = false;
  const float barX0 = origin.x + nameWidth + gap;
  const float barW = std::max(10.0F, barWidth());
  const float natsX1 = barX0 + barW + gap + natsWidth;  // right-aligned
  const float bitsX1 = natsX1 + gap + bitsWidth;
  const float kindX0 = (withBits ? bitsX1 : natsX1) + gap;

  // One scale for every bar, from 0 to the longest bar's end (whisker included).
  double longest = 1e-9;
  for (const auto& e : entries) longest = std::max(longest, e.nats + 2.0 * e.standardError);
  const auto xOf = [&](double nats) {
    return barX0 + static_cast<float>(std::max(0.0, nats) / longest) * barW;
  };

  // The header: what the columns are.
  float y = origin.y;
  plot::addRecordedText(list, origin, muted, elide("model", nameWidth).c_str());
  plot::addRecordedText(list, ImVec2(barX0, y), muted, elide("lower is better", barW).c_str());
  plot::addRecordedText(list, ImVec2(natsX1 - textWidth("nats"), y), muted, "nats");
  if (withBits)
    plot::addRecordedText(list, ImVec2(bitsX1 - textWidth("bits/px"), y), muted, "bits/px");
  y += header;

  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool hoverable = ImGui::IsWindowHovered();
  // Without the kind column, rows tall enough carry the kind under their bar.
  const bool kindBelow = !withKind && kindWidth > 0.0F && rowHeight >= 2.4F * line;
  const float rowThickness = kindBelow ? std::min(thickness, rowHeight - 1.6F * line) : thickness;
  for (int i = 0; i < shownEntries; ++i) {
    const auto& e = entries[static_cast<std::size_t>(i)];
    const float mid = kindBelow ? y + 0.5F * (rowHeight - 1.1F * line) : y + 0.5F * rowHeight;
    const float textY = mid - 0.5F * line;
    plot::addRecordedText(list, ImVec2(origin.x, textY), text,
                          elide(leaderboardRowName(e.model), nameWidth).c_str());
    const float x1 = xOf(e.nats);
    drawBar(list, palette, e.kind, barX0, x1, mid - 0.5F * rowThickness, mid + 0.5F * rowThickness,
            xOf(e.nats - 2.0 * e.standardError), xOf(e.nats + 2.0 * e.standardError));
    const std::string nats = natsText(e);
    plot::addRecordedText(list, ImVec2(natsX1 - textWidth(nats), textY), text, nats.c_str());
    if (withBits) {
      const std::string bits = fixed("%.3f", snap->bitsPerPixel(e.nats));
      plot::addRecordedText(list, ImVec2(bitsX1 - textWidth(bits), textY), text, bits.c_str());
    }
    if (withKind) plot::addRecordedText(list, ImVec2(kindX0, textY), muted, kindText(e.kind));
    if (kindBelow)
      plot::addRecordedText(list, ImVec2(barX0, mid + 0.5F * rowThickness + 0.1F * line), muted,
                            elide(kindText(e.kind), barW).c_str());
    if (hoverable && mouse.y >= y && mouse.y < y + rowHeight && mouse.x >= origin.x &&
        mouse.x < origin.x + size.x) {
      ImGui::SetTooltip("%s\n%s\ntrained in %.1f s", e.description.c_str(), e.note.c_str(),
                        e.trainSeconds);
    }
    y += rowHeight;
  }
  if (more) {
    const int hidden = wanted - shownEntries;
    char rest[64];
    std::snprintf(rest, sizeof rest, "+%d more (a larger view shows them)", hidden);
    plot::addRecordedText(list, ImVec2(origin.x, y + 0.5F * (rowHeight - line)), muted,
                          elide(rest, size.x).c_str());
    y += rowHeight;
  } else if (inProgress) {
    // The model being scored now (while playing) or next: its name and a moving stripe.
    const float mid = y + 0.5F * rowHeight;
    const float textY = mid - 0.5F * line;
    plot::addRecordedText(list, ImVec2(origin.x, textY), muted,
                          elide(leaderboardRowName(snap->next()), nameWidth).c_str());
    const bool playing = context.session.isPlaying();
    const std::string what = playing ? "training and scoring..." : "next: press Space";
    const float whatWidth = textWidth(what);
    if (playing) {
      const float stripe = std::max(0.0F, std::min(0.25F * barW, barW - whatWidth - gap));
      const float phase = static_cast<float>(std::fmod(ImGui::GetTime() * 0.5, 1.0));
      const float sx = barX0 + phase * std::max(0.0F, barW - stripe);
      const float half = 0.25F * thickness;
      list->AddRectFilled(ImVec2(sx, mid - half), ImVec2(sx + stripe, mid + half),
                          imColor(palette.seriesColor(0), 0.35F));
    }
    plot::addRecordedText(list, ImVec2(barX0 + barW - std::min(barW, whatWidth), textY), muted,
                          elide(what, barW).c_str());
    y += rowHeight;
  }

  // The legend: what solid, whisker and hatched mean.
  if (withFooter) {
    float x = origin.x;
    const float fy = origin.y + size.y - line;
    const float sw = 1.6F * font;
    struct Item {
      FigureKind kind;
      const char* label;
    };
    const Item items[] = {{FigureKind::kExact, "exact"},
                          {FigureKind::kEstimate, "estimate +-2 s.e."},
                          {FigureKind::kBound, "bound: true NLL is lower"}};
    float total = 0.0F;
    for (const auto& item : items) total += sw + 0.4F * font + textWidth(item.label) + 1.5F * font;
    if (total <= size.x) {
      for (const auto& item : items) {
        const float y0 = fy + 0.2F * line;
        const float y1 = fy + 0.8F * line;
        drawBar(list, palette, item.kind, x, x + sw, y0, y1, x + 0.7F * sw, x + sw);
        x += sw + 0.4F * font;
        plot::addRecordedText(list, ImVec2(x, fy), text, item.label);
        x += textWidth(item.label) + 1.5F * font;
      }
    }
  }
  list->PopClipRect();
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(size);
}

}  // namespace genlab::views
