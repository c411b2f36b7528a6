#include "ui/export/gif_writer.h"

#include <fcntl.h>
#include <gif_lib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

namespace genlab::exporting {
namespace {

using Rgb = std::array<std::uint8_t, 3>;

constexpr std::uint32_t key(const std::uint8_t* px) {
  return (std::uint32_t{px[0]} << 16) | (std::uint32_t{px[1]} << 8) | px[2];
}

constexpr Rgb rgbOf(std::uint32_t k) {
  return {static_cast<std::uint8_t>(k >> 16), static_cast<std::uint8_t>(k >> 8),
          static_cast<std::uint8_t>(k)};
}

// Weighted squared distance: the eye is most sensitive to green, least to blue.
int distance(const Rgb& a, int r, int g, int b) {
  const int dr = a[0] - r;
  const int dg = a[1] - g;
  const int db = a[2] - b;
  return 2 * dr * dr + 4 * dg * dg + 3 * db * db;
}

constexpr std::size_t kMaxColours = 256;
// A colour covering at least this share of the frame is kept exactly (backgrounds, the plot
// area, grid lines, large marks), up to kMaxExact of them; the rest of the palette is spent on
// everything else by median cut.
constexpr double kFlatShare = 1.0 / 2000.0;
constexpr std::size_t kMaxExact = 96;

struct Entry {
  std::uint32_t colour;
  std::uint32_t count;
};

// A box of colours (a range of `entries`) for median cut.
struct Box {
  std::size_t begin;
  std::size_t end;
  std::uint64_t weight;  // pixels
  int channel;           // widest channel
  int width;             // its extent
};

int channelOf(std::uint32_t colour, int channel) {
  return static_cast<int>((colour >> (16 - 8 * channel)) & 0xFF);
}

Box makeBox(const std::vector<Entry>& entries, std::size_t begin, std::size_t end) {
  Box box{begin, end, 0, 0, -1};
  int low[3] = {255, 255, 255};
  int high[3] = {0, 0, 0};
  for (std::size_t i = begin; i < end; ++i) {
    box.weight += entries[i].count;
    for (int c = 0; c < 3; ++c) {
      low[c] = std::min(low[c], channelOf(entries[i].colour, c));
      high[c] = std::max(high[c], channelOf(entries[i].colour, c));
    }
  }
  for (int c = 0; c < 3; ++c) {
    if (high[c] - low[c] > box.width) {
      box.width = high[c] - low[c];
      box.channel = c;
    }
  }
  return box;
}

// Heckbert's median cut: split the box with the most pixels times extent at its weighted
// median along its widest channel, until there are `slots` boxes or none can be split.
std::vector<Rgb> medianCut(std::vector<Entry> entries, std::size_t slots) {
  std::vector<Box> boxes;
  if (!entries.empty() && slots > 0) boxes.push_back(makeBox(entries, 0, entries.size()));
  while (boxes.size() < slots) {
    auto widest = boxes.end();
    double best = 0.0;
    for (auto it = boxes.begin(); it != boxes.end(); ++it) {
      const double score = static_cast<double>(it->weight) * it->width;
      if (it->end - it->begin >= 2 && it->width > 0 && score > best) {
        best = score;
        widest = it;
      }
    }
    if (widest == boxes.end()) break;
    const Box box = *widest;
    const int channel = box.channel;
    std::sort(entries.begin() + static_cast<std::ptrdiff_t>(box.begin),
              entries.begin() + static_cast<std::ptrdiff_t>(box.end),
              [channel](const Entry& a, const Entry& b) {
                return channelOf(a.colour, channel) < channelOf(b.colour, channel);
              });
    std::uint64_t half = 0;
    std::size_t split = box.begin + 1;
    for (std::size_t i = box.begin; i + 1 < box.end; ++i) {
      half += entries[i].count;
      split = i + 1;
      if (half * 2 >= box.weight) break;
    }
    *widest = makeBox(entries, box.begin, split);
    boxes.push_back(makeBox(entries, split, box.end));
  }
  std::vector<Rgb> palette;
  for (const Box& box : boxes) {
    double sum[3] = {0, 0, 0};
    for (std::size_t i = box.begin; i < box.end; ++i)
      for (int c = 0; c < 3; ++c)
        sum[c] += static_cast<double>(channelOf(entries[i].colour, c)) * entries[i].count;
    Rgb mean;
    for (int c = 0; c < 3; ++c)
      mean[static_cast<std::size_t>(c)] =
          static_cast<std::uint8_t>(std::lround(sum[c] / static_cast<double>(box.weight)));
    palette.push_back(mean);
  }
  return palette;
}

}  // namespace

IndexedImage quantise(const gl::ImageRgba& image) {
  IndexedImage out;
  out.width = image.width;
  out.height = image.height;
  const std::size_t count = static_cast<std::size_t>(image.width) * image.height;
  std::unordered_map<std::uint32_t, std::uint32_t> histogram;
  for (std::size_t i = 0; i < count; ++i) ++histogram[key(image.pixels.data() + i * 4)];

  std::vector<Entry> entries;
  entries.reserve(histogram.size());
  for (const auto& [colour, n] : histogram) entries.push_back({colour, n});
  // Most frequent first; ties by colour, so the palette does not depend on hashing order.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.count != b.count ? a.count > b.count : a.colour < b.colour;
  });
  std::unordered_map<std::uint32_t, std::uint8_t> index;  // every colour in the frame
  if (entries.size() <= kMaxColours) {
    for (const Entry& entry : entries) {
      index.emplace(entry.colour, static_cast<std::uint8_t>(out.palette.size()));
      out.palette.push_back(rgbOf(entry.colour));
    }
  } else {
    std::size_t exact = 0;
    while (exact < kMaxExact &&
           static_cast<double>(entries[exact].count) >= kFlatShare * static_cast<double>(count))
      ++exact;
    for (std::size_t i = 0; i < exact; ++i) {
      index.emplace(entries[i].colour, static_cast<std::uint8_t>(i));
      out.palette.push_back(rgbOf(entries[i].colour));
    }
    const auto rest = medianCut(
        std::vector<Entry>(entries.begin() + static_cast<std::ptrdiff_t>(exact), entries.end()),
        kMaxColours - exact);
    out.palette.insert(out.palette.end(), rest.begin(), rest.end());
    // Every other colour: the nearest entry (the exact ones included).
    for (std::size_t e = exact; e < entries.size(); ++e) {
      const Rgb c = rgbOf(entries[e].colour);
      int best = 0;
      int bestDistance = distance(out.palette[0], c[0], c[1], c[2]);
      for (std::size_t i = 1; i < out.palette.size(); ++i) {
        const int d = distance(out.palette[i], c[0], c[1], c[2]);
        if (d < bestDistance) {
          bestDistance = d;
          best = static_cast<int>(i);
        }
      }
      index.emplace(entries[e].colour, static_cast<std::uint8_t>(best));
    }
  }
  out.indices.resize(count);
  for (std::size_t i = 0; i < count; ++i)
    out.indices[i] = index.at(key(image.pixels.data() + i * 4));
  return out;
}

GifWriter::GifWriter(std::filesystem::path path, int width, int height, double fps)
    : m_path(std::move(path)), m_width(width), m_height(height), m_fps(fps) {
  if (!(fps >= 0.5 && fps <= 50.0))
    throw std::invalid_argument("GIF frame rate " + std::to_string(fps) +
                                " is outside 0.5 to 50 frames a second");
  m_temporary = m_path;
  m_temporary += ".tmp";
  // Opened here rather than by EGifOpenFileName, which makes the file readable by its owner
  // only; a picture for slides gets the usual permissions (0666 less the umask).
  const int fd = ::open(m_temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0)
    throw std::runtime_error("cannot write " + m_path.string() + ": " + std::strerror(errno));
  int error = 0;
  m_gif = EGifOpenFileHandle(fd, &error);
  if (!m_gif) {
    ::close(fd);
    throw std::runtime_error("cannot write " + m_path.string() + ": " + GifErrorString(error));
  }
  EGifSetGifVersion(m_gif, true);  // GIF89a: delays and looping
  if (EGifPutScreenDesc(m_gif, m_width, m_height, 8, 0, nullptr) == GIF_ERROR)
    fail("screen descriptor", m_gif->Error);
  // The NETSCAPE2.0 application extension: loop forever.
  const GifByteType application[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
  const GifByteType loop[] = {1, 0, 0};
  if (EGifPutExtensionLeader(m_gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
      EGifPutExtensionBlock(m_gif, sizeof application, application) == GIF_ERROR ||
      EGifPutExtensionBlock(m_gif, sizeof loop, loop) == GIF_ERROR ||
      EGifPutExtensionTrailer(m_gif) == GIF_ERROR)
    fail("loop extension", m_gif->Error);
}

GifWriter::~GifWriter() {
  if (!m_gif) return;
  close();
  std::error_code ignored;
  std::filesystem::remove(m_temporary, ignored);
}

void GifWriter::close() {
  int error = 0;
  EGifCloseFile(m_gif, &error);
  m_gif = nullptr;
}

void GifWriter::fail(const char* what, int code) {
  close();
  std::error_code ignored;
  std::filesystem::remove(m_temporary, ignored);
  throw std::runtime_error("cannot write " + m_path.string() + " (" + what +
                           "): " + GifErrorString(code));
}

void GifWriter::addFrame(const gl::ImageRgba& image) {
  if (!m_gif) throw std::logic_error("GifWriter::addFrame after finish");
  if (image.width != m_width || image.height != m_height)
    throw std::invalid_argument("GIF frame of " + std::to_string(image.width) + "x" +
                                std::to_string(image.height) + " in an animation of " +
                                std::to_string(m_width) + "x" + std::to_string(m_height));
  // Delays are whole hundredths: spread the rounding so that the average rate is `fps`.
  const auto at = [this](int frame) {
    return static_cast<int>(std::lround(frame * 100.0 / m_fps));
  };
  GraphicsControlBlock control{};
  control.DisposalMode = DISPOSE_DO_NOT;
  control.UserInputFlag = false;
  control.DelayTime = std::max(2, at(m_frames + 1) - at(m_frames));
  control.TransparentColor = NO_TRANSPARENT_COLOR;
  GifByteType extension[4];
  const auto length = EGifGCBToExtension(&control, extension);
  if (EGifPutExtension(m_gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension) ==
      GIF_ERROR)
    fail("frame delay", m_gif->Error);

  const IndexedImage indexed = quantise(image);
  std::vector<GifColorType> colours(kMaxColours, GifColorType{0, 0, 0});
  for (std::size_t i = 0; i < indexed.palette.size(); ++i)
    colours[i] = {indexed.palette[i][0], indexed.palette[i][1], indexed.palette[i][2]};
  // GIF colour tables have a power-of-two size: the smallest that holds the palette.
  int tableSize = 2;
  while (static_cast<std::size_t>(tableSize) < indexed.palette.size()) tableSize *= 2;
  ColorMapObject* map = GifMakeMapObject(tableSize, colours.data());
  if (!map) fail("colour table", E_GIF_ERR_NOT_ENOUGH_MEM);
  const int put = EGifPutImageDesc(m_gif, 0, 0, m_width, m_height, false, map);
  GifFreeMapObject(map);
  if (put == GIF_ERROR) fail("image descriptor", m_gif->Error);
  std::vector<GifPixelType> row(static_cast<std::size_t>(m_width));
  for (int y = 0; y < m_height; ++y) {
    std::copy_n(indexed.indices.begin() + static_cast<std::ptrdiff_t>(y) * m_width, m_width,
                row.begin());
    if (EGifPutLine(m_gif, row.data(), m_width) == GIF_ERROR) fail("image data", m_gif->Error);
  }
  ++m_frames;
}

void GifWriter::finish() {
  if (!m_gif) return;
  int error = 0;
  const int closed = EGifCloseFile(m_gif, &error);
  m_gif = nullptr;
  if (closed == GIF_ERROR) {
    std::error_code ignored;
    std::filesystem::remove(m_temporary, ignored);
    throw std::runtime_error("cannot write " + m_path.string() + ": " + GifErrorString(error));
  }
  std::error_code renameError;
  std::filesystem::rename(m_temporary, m_path, renameError);
  if (renameError)
    throw std::runtime_error("cannot write " + m_path.string() + ": " + renameError.message());
}

}  // namespace genlab::exporting
