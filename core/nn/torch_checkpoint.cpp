#include "core/nn/torch_checkpoint.h"

#include <ATen/CPUGeneratorImpl.h>
#include <c10/util/string_utils.h>

#include <map>
#include <sstream>
#include <utility>

#include "core/nn/checkpoint_order.h"
#include "core/util/errors.h"
#include "core/util/file_write.h"

namespace genlab::nn {
namespace {

// c10::Error's what() carries a C++ backtrace; messages shown to a person take the first line.
std::string reason(const std::exception& error) {
  std::string text;
  if (const auto* c10Error = dynamic_cast<const c10::Error*>(&error)) {
    text = c10Error->what_without_backtrace();
  } else {
    text = error.what();
  }
  const auto newline = text.find('\n');
  return newline == std::string::npos ? text : text.substr(0, newline);
}

std::string quoted(const std::string& key) {
  return "\"" + key + "\"";
}

std::string typeName(torch::ScalarType type) {
  return c10::toString(type);
}

}  // namespace

std::string shapeText(c10::IntArrayRef sizes) {
  std::string out = "[";
  for (std::size_t i = 0; i < sizes.size(); ++i)
    out += (i > 0 ? ", " : "") + std::to_string(sizes[i]);
  return out + "]";
}

// --- CheckpointWriter -----------------------------------------------------------------------

CheckpointWriter::CheckpointWriter(const std::string& model) {
  text("model", model);
  integer("format", kCheckpointFormat);
}

void CheckpointWriter::integer(const std::string& key, std::int64_t value) {
  m_archive.write(key, c10::IValue(value));
}

void CheckpointWriter::real(const std::string& key, double value) {
  m_archive.write(key, c10::IValue(value));
}

void CheckpointWriter::flag(const std::string& key, bool value) {
  m_archive.write(key, c10::IValue(value));
}

void CheckpointWriter::text(const std::string& key, const std::string& value) {
  m_archive.write(key, c10::IValue(value));
}

void CheckpointWriter::json(const std::string& key, const nlohmann::json& value) {
  text(key, value.dump());
}

void CheckpointWriter::tensor(const std::string& key, const torch::Tensor& value) {
  m_archive.write(key, value.detach(), /*is_buffer=*/true);
}

void CheckpointWriter::floats(const std::string& key, const std::vector<float>& values) {
  tensor(key, torch::tensor(torch::ArrayRef<float>(values), torch::kFloat32));
}

void CheckpointWriter::generator(const std::string& key, const at::Generator& generator) {
  tensor(key, generator.get_state());
}

void CheckpointWriter::rng(const std::string& key, const Rng& rng) {
  text(key, rng.state());
}

void CheckpointWriter::module(const std::string& key, const torch::nn::Module& module) {
  torch::serialize::OutputArchive nested;
  module.save(nested);
  m_archive.write(key, nested);
}

void CheckpointWriter::optimizer(const std::string& key, const torch::optim::Optimizer& optimizer) {
  torch::serialize::OutputArchive nested;
  optimizer.save(nested);
  m_archive.write(key, nested);
}

void CheckpointWriter::save(const std::filesystem::path& file) {
  // Into memory first: torch's file writer throws from its destructor when the disk fills,
  // which ends the process. A few MiB in memory, then one checked write, cannot.
  std::ostringstream bytes;
  try {
    m_archive.save_to(bytes);
  } catch (const std::exception& error) {
    throw DataError(file.string() + ": cannot write the checkpoint (" + reason(error) + ")");
  }
  writeWholeFile(file, bytes.view());
}

// --- CheckpointReader -----------------------------------------------------------------------

CheckpointReader::CheckpointReader(const std::filesystem::path& file, std::string where)
    : m_where(where.empty() ? file.string() : std::move(where)) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) fail("no such file");
  try {
    m_archive.load_from(file.string());
  } catch (const std::exception& e) {
    fail("not a torch archive (" + reason(e) + ")");
  }
}

void CheckpointReader::fail(const std::string& what) const {
  throw DataError(m_where + ": " + what);
}

std::string CheckpointReader::model() {
  c10::IValue v;
  try {
    if (!m_archive.try_read("model", v) || !v.isString()) return {};
    return v.toStringRef();
  } catch (const std::exception& e) {
    fail("unreadable \"model\" entry (" + reason(e) + ")");
  }
}

void CheckpointReader::requireModel(const std::string& model) {
  const std::string saved = this->model();
  if (saved.empty()) {
    fail("a torch archive but not a genlab checkpoint of this version (no \"model\" entry)");
  }
  if (saved != model) {
    fail("a checkpoint of the " + quoted(saved) + " model; this trainer is " + quoted(model));
  }
  const std::int64_t format = integer("format");
  if (format != kCheckpointFormat) {
    fail("checkpoint format " + std::to_string(format) + "; this genlab reads format " +
         std::to_string(kCheckpointFormat));
  }
}

bool CheckpointReader::has(const std::string& key) {
  try {
    c10::IValue v;
    if (m_archive.try_read(key, v)) return true;
    torch::Tensor t;
    if (m_archive.try_read(key, t, /*is_buffer=*/true)) return true;
    torch::serialize::InputArchive nested;
    return m_archive.try_read(key, nested);
  } catch (const std::exception&) {
    return false;
  }
}

c10::IValue CheckpointReader::value(const std::string& key) {
  c10::IValue v;
  bool found = false;
  try {
    found = m_archive.try_read(key, v);
  } catch (const std::exception& e) {
    fail("unreadable " + quoted(key) + " entry (" + reason(e) + ")");
  }
  if (!found) fail("no " + quoted(key) + " entry (a damaged or foreign checkpoint)");
  return v;
}

torch::serialize::InputArchive CheckpointReader::archive(const std::string& key) {
  torch::serialize::InputArchive nested;
  bool found = false;
  try {
    found = m_archive.try_read(key, nested);
  } catch (const std::exception& e) {
    fail("unreadable " + quoted(key) + " entry (" + reason(e) + ")");
  }
  if (!found) fail("no " + quoted(key) + " entry (a damaged or foreign checkpoint)");
  return nested;
}

std::int64_t CheckpointReader::integer(const std::string& key) {
  const c10::IValue v = value(key);
  if (!v.isInt()) fail(quoted(key) + " is not an integer");
  return v.toInt();
}

std::int64_t CheckpointReader::integer(const std::string& key, std::int64_t lo, std::int64_t hi) {
  const std::int64_t v = integer(key);
  if (v < lo || v > hi) {
    fail(quoted(key) + " is " + std::to_string(v) + ", outside [" + std::to_string(lo) + ", " +
         std::to_string(hi) + "]");
  }
  return v;
}

double CheckpointReader::real(const std::string& key) {
  const c10::IValue v = value(key);
  if (!v.isDouble()) fail(quoted(key) + " is not a number");
  return v.toDouble();
}

bool CheckpointReader::flag(const std::string& key) {
  const c10::IValue v = value(key);
  if (!v.isBool()) fail(quoted(key) + " is not true or false");
  return v.toBool();
}

std::string CheckpointReader::text(const std::string& key) {
  const c10::IValue v = value(key);
  if (!v.isString()) fail(quoted(key) + " is not text");
  return v.toStringRef();
}

nlohmann::json CheckpointReader::json(const std::string& key) {
  const std::string source = text(key);
  try {
    return nlohmann::json::parse(source);
  } catch (const std::exception&) {
    fail(quoted(key) + " is not valid JSON");
  }
}

torch::Tensor CheckpointReader::tensor(const std::string& key, torch::ScalarType type) {
  torch::Tensor t;
  bool found = false;
  try {
    found = m_archive.try_read(key, t, /*is_buffer=*/true);
  } catch (const std::exception& e) {
    fail("unreadable " + quoted(key) + " entry (" + reason(e) + ")");
  }
  if (!found) fail("no " + quoted(key) + " tensor (a damaged or foreign checkpoint)");
  if (t.scalar_type() != type || !t.device().is_cpu()) {
    fail(quoted(key) + " is a " + typeName(t.scalar_type()) + " tensor, not " + typeName(type));
  }
  return t.contiguous();
}

torch::Tensor CheckpointReader::tensor(const std::string& key, torch::ScalarType type,
                                       std::vector<std::int64_t> sizes) {
  torch::Tensor t = tensor(key, type);
  if (t.sizes() != c10::IntArrayRef(sizes)) {
    fail(quoted(key) + " has shape " + shapeText(t.sizes()) + "; this trainer expects " +
         shapeText(sizes));
  }
  return t;
}

std::vector<float> CheckpointReader::floats(const std::string& key, std::int64_t count) {
  const torch::Tensor t = tensor(key, torch::kFloat32);
  if (t.dim() != 1 || (count >= 0 && t.numel() != count)) {
    fail(quoted(key) + " has shape " + shapeText(t.sizes()) + "; this trainer expects " +
         (count >= 0 ? shapeText({count}) : std::string("one dimension")));
  }
  const float* data = t.data_ptr<float>();
  return {data, data + t.numel()};
}

at::Generator CheckpointReader::generator(const std::string& key) {
  const torch::Tensor state = tensor(key, torch::kUInt8);
  at::Generator out = at::detail::createCPUGenerator();
  try {
    out.set_state(state);
  } catch (const std::exception& e) {
    fail(quoted(key) + " is not a CPU generator's state (" + reason(e) + ")");
  }
  return out;
}

Rng CheckpointReader::rng(const std::string& key) {
  Rng out;
  if (!out.setState(text(key))) fail(quoted(key) + " is not a random generator's state");
  return out;
}

void CheckpointReader::module(const std::string& key, torch::nn::Module& module) {
  // What the module was built with. Module::load replaces each tensor by the saved one, shape
  // and all, so the shapes are compared afterwards.
  struct Expected {
    std::vector<std::int64_t> sizes;
    torch::ScalarType type;
  };
  std::map<std::string, Expected> expected;
  for (const auto& item : module.named_parameters())
    expected[item.key()] = {item.value().sizes().vec(), item.value().scalar_type()};
  for (const auto& item : module.named_buffers())
    expected[item.key()] = {item.value().sizes().vec(), item.value().scalar_type()};

  torch::serialize::InputArchive nested = archive(key);
  try {
    module.load(nested);
  } catch (const std::exception& e) {
    fail("the " + quoted(key) + " network does not match this trainer's (" + reason(e) + ")");
  }
  const auto check = [&](const std::string& name, const torch::Tensor& t) {
    const Expected& want = expected.at(name);
    if (t.sizes() != c10::IntArrayRef(want.sizes) || t.scalar_type() != want.type) {
      fail("the " + quoted(key) + " network's " + name + " is " + typeName(t.scalar_type()) + " " +
           shapeText(t.sizes()) + " in the checkpoint but " + typeName(want.type) + " " +
           shapeText(want.sizes) + " in this trainer (another architecture or data shape)");
    }
  };
  for (const auto& item : module.named_parameters()) check(item.key(), item.value());
  for (const auto& item : module.named_buffers()) check(item.key(), item.value());
}

void CheckpointReader::optimizer(const std::string& key, torch::optim::Optimizer& optimizer) {
  torch::serialize::InputArchive nested = archive(key);
  try {
    optimizer.load(nested);
  } catch (const std::exception& e) {
    fail("the " + quoted(key) + " optimiser state does not match this trainer's (" + reason(e) +
         ")");
  }
  const auto check = [&](const torch::Tensor& state, const torch::Tensor& p, const char* what) {
    if (state.defined() && state.sizes() != p.sizes()) {
      fail("the " + quoted(key) + " optimiser's " + what + " has shape " +
           shapeText(state.sizes()) + " for a parameter of shape " + shapeText(p.sizes()));
    }
  };
  for (const auto& group : optimizer.param_groups()) {
    for (const auto& p : group.params()) {
      const auto found = optimizer.state().find(c10::guts::to_string(p.unsafeGetTensorImpl()));
      if (found == optimizer.state().end()) continue;
      const torch::optim::OptimizerParamState* state = found->second.get();
      if (const auto* adam = dynamic_cast<const torch::optim::AdamParamState*>(state)) {
        check(adam->exp_avg(), p, "first moment");
        check(adam->exp_avg_sq(), p, "second moment");
        check(adam->max_exp_avg_sq(), p, "largest second moment");
      } else if (const auto* rms = dynamic_cast<const torch::optim::RMSpropParamState*>(state)) {
        check(rms->square_avg(), p, "squared average");
        check(rms->momentum_buffer(), p, "momentum");
        check(rms->grad_avg(), p, "gradient average");
      } else if (const auto* sgd = dynamic_cast<const torch::optim::SGDParamState*>(state)) {
        check(sgd->momentum_buffer(), p, "momentum");
      }
    }
  }
}

}  // namespace genlab::nn

namespace genlab::nn {

std::vector<std::int64_t> readDataOrder(CheckpointReader& in, const std::string& key,
                                        std::int64_t images) {
  const torch::Tensor saved = in.tensor(key, torch::kInt64);
  if (saved.dim() != 1 || saved.numel() != images) {
    in.fail("its data order covers " + std::to_string(saved.numel()) +
            " training images; this trainer has " + std::to_string(images) +
            " (another lesson's data?)");
  }
  std::vector<std::int64_t> order(saved.data_ptr<std::int64_t>(),
                                  saved.data_ptr<std::int64_t>() + images);
  std::vector<bool> seen(order.size(), false);
  for (const std::int64_t i : order) {
    if (i < 0 || i >= images || seen[static_cast<std::size_t>(i)]) {
      in.fail("its data order is not a permutation of the training images");
    }
    seen[static_cast<std::size_t>(i)] = true;
  }
  return order;
}

}  // namespace genlab::nn
