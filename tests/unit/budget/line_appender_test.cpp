// A metrics file never ends in a partial row, even when the disk fills mid-write.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/util/errors.h"
#include "core/util/file_write.h"

namespace genlab {
namespace {

TEST(LineAppender, AFullDeviceIsAStorageErrorNamingTheFile) {
  LineAppender out;
  out.open("/dev/full", /*truncate=*/false);  // every write: ENOSPC
  out.append("1,2,3\n");
  try {
    out.flush();
    FAIL() << "a write to /dev/full succeeded";
  } catch (const StorageError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("/dev/full: no space left on device", 0), 0u) << message;
  }
  out.flush();  // the failed rows were dropped: nothing left to fail on
}

TEST(LineAppender, AppendsWholeLinesAcrossReopening) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("genlab_line_appender_" + std::to_string(::getpid()) + ".csv");
  {
    LineAppender out;
    out.open(file, /*truncate=*/true);
    out.append("step,x\n");
    out.append("0,1\n");
    out.flush();
  }
  {
    LineAppender out;
    out.open(file, /*truncate=*/false);
    out.append("1,2\n");
  }  // the destructor flushes
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "step,x\n0,1\n1,2\n");
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace genlab
