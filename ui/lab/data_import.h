#pragma once
// Importing a data file into a lesson: the lesson's "dataset" object rewritten to read the file
// (absolute paths), for the models that take that kind of data. The lab then reopens the lesson,
// so the model trains on the file and a recorded run names it. Nothing is read here beyond the
// classification: the model's own reader reports a bad file (file, line, column) on opening.
//
//   CSV points        -> gmm        {"kind": "csv", "path": FILE}
//   sequence text     -> hmm        {"kind": "file", "path": FILE, "emission": ...}
//   IDX images        -> vae, gan_image
//                        {"kind": "idx", "train_images": FILE, "test_images": ...} with the label
//                        files and the other split found beside it by Fashion-MNIST's names
//                        ("train-images-idx3-ubyte.gz" <-> "t10k-..." and "...-labels-idx1-...")

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "ui/lab/path_kind.h"

namespace genlab::lab {

struct ImportPlan {
  bool ok = false;
  nlohmann::json dataset;  // ok: the lesson's new "dataset"
  std::string message;     // ok: what will be used; otherwise why not
};

// The models ("gmm", ...) whose lessons take data of `kind`; empty for kinds that are not data.
std::vector<std::string> modelsTaking(PathKind kind);

ImportPlan planImport(const lesson::Lesson& lesson, const PathClass& file);

}  // namespace genlab::lab
