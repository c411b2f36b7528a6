#include "ui/lab/data_import.h"

#include <algorithm>

namespace genlab::lab {
namespace {

namespace fs = std::filesystem;

// `file` with the first `from` in its name replaced by `to`, when that file exists.
fs::path sibling(const fs::path& file, const std::string& from, const std::string& to) {
  std::string name = file.filename().string();
  const auto at = name.find(from);
  if (at == std::string::npos) return {};
  name.replace(at, from.size(), to);
  const fs::path candidate = file.parent_path() / name;
  std::error_code ec;
  return fs::is_regular_file(candidate, ec) ? candidate : fs::path{};
}

nlohmann::json idxDataset(const lesson::Lesson& lesson, const fs::path& images,
                          std::string& message) {
  nlohmann::json dataset = {{"kind", "idx"}};
  // Row limits and binarising keep their meaning for IDX files; the procedural kinds' "test"
  // is a held-out count, so only "binarize" carries over from them.
  const std::string oldKind = lesson.dataset.value("kind", "");
  for (const char* key : {"train", "test", "binarize"}) {
    if (!lesson.dataset.contains(key)) continue;
    if (oldKind == "idx" || oldKind == "fashion_mnist" || std::string(key) == "binarize")
      dataset[key] = lesson.dataset[key];
  }
  fs::path train = images;
  fs::path test = sibling(images, "train", "t10k");
  if (test.empty()) test = sibling(images, "train", "test");
  if (test.empty()) {
    if (fs::path other = sibling(images, "t10k", "train"); !other.empty()) {
      train = other;
      test = images;
    }
  }
  dataset["train_images"] = fs::absolute(train).string();
  message = "training images " + train.filename().string();
  if (test.empty()) {
    test = train;
    message += ", tested on the same images (no t10k/test file beside it)";
  } else {
    message += ", test images " + test.filename().string();
  }
  dataset["test_images"] = fs::absolute(test).string();
  for (const auto& [key, split] :
       {std::pair{"train_labels", train}, std::pair{"test_labels", test}}) {
    if (fs::path labels = sibling(split, "images-idx3", "labels-idx1"); !labels.empty())
      dataset[key] = fs::absolute(labels).string();
  }
  return dataset;
}

}  // namespace

std::vector<std::string> modelsTaking(PathKind kind) {
  switch (kind) {
    case PathKind::kPoints:
      return {"gmm"};
    case PathKind::kSequence:
      return {"hmm"};
    case PathKind::kIdxImages:
      return {"vae", "gan_image"};
    default:
      return {};
  }
}

ImportPlan planImport(const lesson::Lesson& lesson, const PathClass& file) {
  ImportPlan plan;
  const std::vector<std::string> models = modelsTaking(file.kind);
  if (file.kind == PathKind::kIdxLabels) {
    plan.message = file.path.string() + ": IDX labels; import the images file beside it";
    return plan;
  }
  if (models.empty()) {
    plan.message =
        file.kind == PathKind::kUnknown
            ? file.why
            : file.path.string() + ": " + pathKindName(file.kind) + ", not data to import";
    return plan;
  }
  if (std::find(models.begin(), models.end(), lesson.model) == models.end()) {
    plan.message = "\"" + lesson.title + "\" does not take " + pathKindName(file.kind);
    return plan;
  }
  const std::string path = fs::absolute(file.path).string();
  switch (file.kind) {
    case PathKind::kPoints:
      plan.dataset = {{"kind", "csv"}, {"path", path}};
      plan.message = file.why;
      break;
    case PathKind::kSequence: {
      plan.dataset = {
          {"kind", "file"}, {"path", path}, {"emission", file.numbers ? "gaussian" : "discrete"}};
      if (lesson.dataset.contains("state_names"))
        plan.dataset["state_names"] = lesson.dataset["state_names"];
      plan.message = file.why;
      break;
    }
    case PathKind::kIdxImages:
      plan.dataset = idxDataset(lesson, file.path, plan.message);
      break;
    default:
      break;
  }
  plan.ok = true;
  return plan;
}

}  // namespace genlab::lab
