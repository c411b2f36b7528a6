#include "core/models/rbm/rbm_model.h"

#include <cmath>
#include <sstream>

#include "core/data/json_fields.h"
#include "core/lesson/lesson.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::rbm {

using Eigen::ArrayXXd;
using Eigen::MatrixXd;
using Eigen::VectorXd;

Rbm Rbm::random(Eigen::Index visible, Eigen::Index hidden, std::uint64_t seed, double stddev) {
  Rng rng(seed);
  Rbm rbm;
  rbm.weights.resize(visible, hidden);
  for (Eigen::Index i = 0; i < visible; ++i) {
    for (Eigen::Index j = 0; j < hidden; ++j) rbm.weights(i, j) = rng.normal(0.0, stddev);
  }
  rbm.visibleBias = VectorXd::Zero(visible);
  rbm.hiddenBias = VectorXd::Zero(hidden);
  return rbm;
}

ArrayXXd softplus(const ArrayXXd& x) {
  return x.max(0.0) + (-x.abs()).exp().log1p();
}

double softplus(double x) {
  return std::max(x, 0.0) + std::log1p(std::exp(-std::abs(x)));
}

ArrayXXd sigmoid(const ArrayXXd& x) {
  return 1.0 / (1.0 + (-x).exp());
}

MatrixXd hiddenProbabilities(const Rbm& rbm, const MatrixXd& v) {
  MatrixXd pre = v * rbm.weights;
  pre.rowwise() += rbm.hiddenBias.transpose();
  return sigmoid(pre.array()).matrix();
}

MatrixXd visibleProbabilities(const Rbm& rbm, const MatrixXd& h) {
  MatrixXd pre = h * rbm.weights.transpose();
  pre.rowwise() += rbm.visibleBias.transpose();
  return sigmoid(pre.array()).matrix();
}

VectorXd freeEnergy(const Rbm& rbm, const MatrixXd& v) {
  MatrixXd pre = v * rbm.weights;
  pre.rowwise() += rbm.hiddenBias.transpose();
  return -(v * rbm.visibleBias) - softplus(pre.array()).rowwise().sum().matrix();
}

VectorXd hiddenFreeEnergy(const Rbm& rbm, const MatrixXd& h) {
  MatrixXd pre = h * rbm.weights.transpose();
  pre.rowwise() += rbm.visibleBias.transpose();
  return -(h * rbm.hiddenBias) - softplus(pre.array()).rowwise().sum().matrix();
}

nlohmann::json toJson(const Rbm& rbm) {
  return {{"weights", data::toJson(rbm.weights)},
          {"visible_bias", data::toJson(rbm.visibleBias)},
          {"hidden_bias", data::toJson(rbm.hiddenBias)}};
}

Rbm rbmFromJson(const nlohmann::json& doc) {
  data::requireObjectWithKeys(doc, "", {"weights", "visible_bias", "hidden_bias"});
  for (const char* key : {"weights", "visible_bias", "hidden_bias"}) {
    if (!doc.contains(key)) throw ConfigError(std::string(key) + ": missing");
  }
  Rbm rbm;
  rbm.weights = data::readMatrix(doc["weights"], "weights");
  const auto count = [](Eigen::Index n, const char* what) {
    return std::to_string(n) + " " + what;
  };
  if (doc["visible_bias"].is_array() &&
      static_cast<Eigen::Index>(doc["visible_bias"].size()) != rbm.visible()) {
    throw ConfigError("visible_bias: " +
                      count(static_cast<Eigen::Index>(doc["visible_bias"].size()), "entries") +
                      ", weights has " + count(rbm.visible(), "rows (visible units)"));
  }
  if (doc["hidden_bias"].is_array() &&
      static_cast<Eigen::Index>(doc["hidden_bias"].size()) != rbm.hidden()) {
    throw ConfigError(
        "hidden_bias: " + count(static_cast<Eigen::Index>(doc["hidden_bias"].size()), "entries") +
        ", weights has " + count(rbm.hidden(), "columns (hidden units)"));
  }
  rbm.visibleBias = data::readVector(doc["visible_bias"], "visible_bias", rbm.visible());
  rbm.hiddenBias = data::readVector(doc["hidden_bias"], "hidden_bias", rbm.hidden());
  return rbm;
}

Rbm readRbmFile(const std::filesystem::path& file) {
  const nlohmann::json doc = lesson::readJsonFile(file);  // DataError names file:line:column
  try {
    return rbmFromJson(doc);
  } catch (const ConfigError& error) {
    throw DataError(file.string() + ": " + error.what());
  }
}

void requireBinary(const MatrixXd& v, const std::string& what) {
  for (Eigen::Index i = 0; i < v.rows(); ++i) {
    for (Eigen::Index j = 0; j < v.cols(); ++j) {
      const double x = v(i, j);
      if (x != 0.0 && x != 1.0) {
        std::ostringstream message;
        message << what << " row " << i + 1 << ", column " << j + 1 << " is " << x
                << ", not 0 or 1";
        throw DataError(message.str());
      }
    }
  }
}

}  // namespace genlab::rbm
