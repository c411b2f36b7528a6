#include "core/models/hmm/model_json.h"

#include <fstream>
#include <set>

#include "core/util/errors.h"

namespace genlab::hmm {

using nlohmann::json;

namespace {

[[noreturn]] void failModelJson(const std::string& key, const std::string& what) {
  throw ConfigError(key + ": " + what);
}

json matrixToJson(const RowMatrix& m) {
  json rows = json::array();
  for (Index i = 0; i < m.rows(); ++i) {
    json row = json::array();
    for (Index j = 0; j < m.cols(); ++j) row.push_back(m(i, j));
    rows.push_back(std::move(row));
  }
  return rows;
}

Eigen::VectorXd vectorFromJson(const json& j, const std::string& key) {
  if (!j.is_array() || j.empty()) failModelJson(key, "must be a non-empty array of numbers");
  Eigen::VectorXd v(static_cast<Index>(j.size()));
  for (std::size_t i = 0; i < j.size(); ++i) {
    if (!j[i].is_number()) failModelJson(key + "[" + std::to_string(i) + "]", "must be a number");
    v(static_cast<Index>(i)) = j[i].get<double>();
  }
  return v;
}

RowMatrix matrixFromJson(const json& j, const std::string& key, Index rows) {
  if (!j.is_array()) failModelJson(key, "must be an array of rows");
  if (static_cast<Index>(j.size()) != rows)
    failModelJson(key, "has " + std::to_string(j.size()) + " rows, expected " +
                           std::to_string(rows) + " (one per state)");
  RowMatrix m;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string rowKey = key + "[" + std::to_string(i) + "]";
    const Eigen::VectorXd row = vectorFromJson(j[i], rowKey);
    if (i == 0) m.resize(rows, row.size());
    if (row.size() != m.cols())
      failModelJson(rowKey, "has " + std::to_string(row.size()) + " entries, expected " +
                                std::to_string(m.cols()) + " like row 0");
    m.row(static_cast<Index>(i)) = row.transpose();
  }
  return m;
}

}  // namespace

json modelToJson(const HmmModel& model) {
  json j;
  j["emission"] = emissionName(model.emission);
  j["start"] = std::vector<double>(model.start.data(), model.start.data() + model.start.size());
  j["transition"] = matrixToJson(model.transition);
  if (model.isDiscrete()) {
    j["emission_probs"] = matrixToJson(model.emissionProbs);
    if (!model.alphabet.empty()) j["alphabet"] = model.alphabet;
  } else {
    j["means"] = matrixToJson(model.means);
    j["variances"] = matrixToJson(model.variances);
  }
  return j;
}

HmmModel modelFromJson(const json& j, const std::string& prefix) {
  if (!j.is_object()) failModelJson(prefix, "must be a JSON object");
  auto key = [&](const char* name) { return prefix + "." + name; };
  const json* emission = j.contains("emission") ? &j.at("emission") : nullptr;
  if (!emission || !emission->is_string() || (*emission != "discrete" && *emission != "gaussian"))
    failModelJson(key("emission"), "must be \"discrete\" or \"gaussian\"");
  HmmModel model;
  model.emission = *emission == "discrete" ? EmissionKind::Discrete : EmissionKind::Gaussian;

  const std::set<std::string> common = {"emission", "start",     "transition", "log_likelihood",
                                        "n_iter",   "converged", "checkpoint"};
  const std::set<std::string> own = model.isDiscrete()
                                        ? std::set<std::string>{"emission_probs", "alphabet"}
                                        : std::set<std::string>{"means", "variances"};
  for (const auto& [name, value] : j.items()) {
    if (!common.contains(name) && !own.contains(name))
      failModelJson(prefix + "." + name,
                    std::string("unknown key for a ") + emissionName(model.emission) + " model");
  }
  auto required = [&](const char* name) -> const json& {
    if (!j.contains(name)) failModelJson(key(name), "is missing");
    return j.at(name);
  };

  model.start = vectorFromJson(required("start"), key("start"));
  const Index k = model.start.size();
  model.transition = matrixFromJson(required("transition"), key("transition"), k);
  if (model.isDiscrete()) {
    model.emissionProbs = matrixFromJson(required("emission_probs"), key("emission_probs"), k);
    if (j.contains("alphabet")) {
      const json& names = j.at("alphabet");
      if (!names.is_array()) failModelJson(key("alphabet"), "must be an array of strings");
      for (std::size_t m = 0; m < names.size(); ++m) {
        if (!names[m].is_string())
          failModelJson(key("alphabet") + "[" + std::to_string(m) + "]", "must be a string");
        model.alphabet.push_back(names[m].get<std::string>());
      }
    }
  } else {
    model.means = matrixFromJson(required("means"), key("means"), k);
    model.variances = matrixFromJson(required("variances"), key("variances"), k);
  }
  validate(model, 1e-6, prefix);
  return model;
}

HmmModel readModelFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw DataError(path.string() + ": cannot open the model file");
  json j;
  try {
    j = json::parse(in);
  } catch (const json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw DataError(path.string() + ": not valid JSON (" + e.what() + ")");
  }
  try {
    return modelFromJson(j);
  } catch (const ConfigError& e) {
    throw ConfigError(path.string() + ": " + e.what());
  }
}

void writeModelFile(const HmmModel& model, const std::filesystem::path& path) {
  std::ofstream out(path);
  if (!out) throw DataError(path.string() + ": cannot open for writing");
  out << modelToJson(model).dump(2) << "\n";
  if (!out) throw DataError(path.string() + ": write failed");
}

}  // namespace genlab::hmm
