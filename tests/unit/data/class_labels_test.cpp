// Label files: scikit-learn's class order (sorted unique, numbers by value), and errors that
// name the file and line.

#include "core/data/class_labels.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/util/errors.h"
#include "tests/error_message.h"

namespace genlab::data {
namespace {

std::filesystem::path writeFile(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

TEST(ClassLabels, StringsSortAsStringsInFileOrderIndices) {
  const auto labels =
      readClassLabels(writeFile("labels_strings.txt", "moth\nant\r\n\n# c\nmoth\nzebra\n"));
  EXPECT_EQ(labels.classes, (std::vector<std::string>{"ant", "moth", "zebra"}));
  EXPECT_EQ(labels.indices, (std::vector<int>{1, 0, 1, 2}));
  EXPECT_EQ(labels.lines, (std::vector<std::size_t>{1, 2, 5, 6}));
}

// As numpy.unique on numbers: 2 < 9 < 10 (a string sort would put "10" first); "2" and "2.0"
// are one class, named as first written.
TEST(ClassLabels, NumbersSortByValue) {
  const auto labels = readClassLabels(writeFile("labels_numbers.txt", "10\n9\n2\n2.0\n-1\n"));
  EXPECT_EQ(labels.classes, (std::vector<std::string>{"-1", "2", "9", "10"}));
  EXPECT_EQ(labels.indices, (std::vector<int>{3, 2, 1, 1, 0}));
}

TEST(ClassLabels, ErrorsNameTheFileAndLine) {
  const auto comma = writeFile("labels_comma.txt", "a\nb,c\n");
  EXPECT_EQ(test::messageOf<DataError>([&] { readClassLabels(comma); }),
            comma.string() + ":2: one label per line expected, found a ','");
  EXPECT_THROW(readClassLabels(writeFile("labels_empty.txt", "\n# nothing\n")), DataError);
  EXPECT_THROW(readClassLabels("/nonexistent/labels.txt"), DataError);
}

}  // namespace
}  // namespace genlab::data
