#pragma once
// Real files for the desktop tests: a temporary folder per test, CSV points, IDX images, and run
// folders recorded by a real GMM session (the format the lab and `genlab train` write).

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/models/registry.h"
#include "core/run/run_recorder.h"
#include "core/train/session.h"

namespace genlab::test {

namespace fs = std::filesystem;

class DesktopFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_dir = fs::temp_directory_path() /
            ("genlab-desktop-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path path = m_dir / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  // `count` 4x3 images (magic 0x803), gzipped or not.
  fs::path writeIdxImages(const std::string& name, int count, bool gzip) {
    std::string bytes = {0, 0, 8, 3};
    for (int dim : {count, 4, 3})
      for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<char>((dim >> shift) & 0xff));
    bytes.append(static_cast<std::size_t>(count) * 12, '\x80');
    const fs::path path = m_dir / name;
    if (gzip) {
      gzFile file = gzopen(path.c_str(), "wb");
      gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
      gzclose(file);
    } else {
      std::ofstream(path, std::ios::binary) << bytes;
    }
    return path;
  }

  // A run of the GMM lesson, three EM steps, recorded under `runsDirectory`; returns its folder.
  static fs::path recordGmmRun(const fs::path& runsDirectory, std::uint64_t seed) {
    using namespace std::chrono_literals;
    const lesson::Lesson lesson =
        lesson::loadLesson(lesson::assetsDirectory() / "lessons" / "gmm_three_blobs.json");
    run::RecorderOptions options;
    options.runsDirectory = runsDirectory;
    auto recorder = std::make_shared<run::RunRecorder>(lesson, options);
    train::SessionOptions sessionOptions;
    sessionOptions.observer = recorder;
    const auto before = folders(runsDirectory);
    {
      train::Session session([&lesson](std::uint64_t s) { return models::makeTrainer(lesson, s); },
                             seed, sessionOptions);
      session.stepN(3);
      EXPECT_TRUE(session.waitUntilIdle(20s));
    }
    for (const auto& folder : folders(runsDirectory))
      if (std::find(before.begin(), before.end(), folder) == before.end()) return folder;
    ADD_FAILURE() << "no run folder was recorded in " << runsDirectory;
    return {};
  }

  static std::vector<fs::path> folders(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) out.push_back(entry.path());
    return out;
  }

  fs::path m_dir;
};

}  // namespace genlab::test
