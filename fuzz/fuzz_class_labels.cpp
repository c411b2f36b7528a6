// A file of class labels (data::readClassLabels, core/data/class_labels.h): `genlab fit nb
// --labels`. (The samples of --data and --predict are CSV, fuzzed by fuzz_csv_matrix.) Checked on
// what is accepted: classes sorted as documented (by value when every label is a number, else
// byte by byte) without repeats, every label an index into them, every class used, one line
// number per label, increasing.

#include <algorithm>
#include <charconv>

#include "core/data/class_labels.h"
#include "fuzz/fuzz_support.h"

using namespace genlab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fuzz::InputFile file(data, size, "labels.txt");
  fuzz::expectCleanRefusal(file.path().string(), [&] {
    const data::ClassLabels labels = data::readClassLabels(file.path());
    const auto classes = static_cast<int>(labels.classes.size());
    fuzz::check(labels.lines.size() == labels.indices.size(), "a line per label");
    fuzz::check(
        std::is_sorted(labels.lines.begin(), labels.lines.end()) &&
            std::adjacent_find(labels.lines.begin(), labels.lines.end()) == labels.lines.end(),
        "lines increase");
    std::vector<bool> used(labels.classes.size(), false);
    for (const int index : labels.indices) {
      fuzz::check(index >= 0 && index < classes, "labels index the classes");
      used[static_cast<std::size_t>(index)] = true;
    }
    fuzz::check(std::all_of(used.begin(), used.end(), [](bool u) { return u; }),
                "every class is used");
    for (const auto& name : labels.classes) fuzz::check(!name.empty(), "no empty class name");
    std::vector<std::string> names = labels.classes;
    std::sort(names.begin(), names.end());
    fuzz::check(std::adjacent_find(names.begin(), names.end()) == names.end(), "no class twice");
  });
  return 0;
}
