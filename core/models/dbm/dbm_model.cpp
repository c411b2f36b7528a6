#include "core/models/dbm/dbm_model.h"

#include "core/data/json_fields.h"
#include "core/lesson/lesson.h"
#include "core/util/errors.h"
#include "core/util/rng.h"

namespace genlab::dbm {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

Dbm Dbm::compose(const MatrixXd& w1, const MatrixXd& w2, const VectorXd& b, const VectorXd& c1,
                 const VectorXd& c2) {
  const auto n = [](Index k) { return std::to_string(k); };
  if (w2.rows() != w1.cols()) {
    throw ConfigError("w2: " + n(w2.rows()) + " rows, w1 has " + n(w1.cols()) +
                      " columns (hidden1 units)");
  }
  if (b.size() != w1.rows()) {
    throw ConfigError("visible_bias: " + n(b.size()) + " entries, w1 has " + n(w1.rows()) +
                      " rows (visible units)");
  }
  if (c1.size() != w1.cols()) {
    throw ConfigError("hidden1_bias: " + n(c1.size()) + " entries, w1 has " + n(w1.cols()) +
                      " columns (hidden1 units)");
  }
  if (c2.size() != w2.cols()) {
    throw ConfigError("hidden2_bias: " + n(c2.size()) + " entries, w2 has " + n(w2.cols()) +
                      " columns (hidden2 units)");
  }
  Dbm dbm;
  dbm.visibleUnits = w1.rows();
  dbm.stacked.weights.resize(w1.rows() + w2.cols(), w1.cols());
  dbm.stacked.weights << w1, w2.transpose();
  dbm.stacked.visibleBias.resize(b.size() + c2.size());
  dbm.stacked.visibleBias << b, c2;
  dbm.stacked.hiddenBias = c1;
  return dbm;
}

Dbm Dbm::random(Index visible, Index hidden1, Index hidden2, std::uint64_t seed, double stddev) {
  Rng rng(seed);
  MatrixXd w1(visible, hidden1);
  MatrixXd w2(hidden1, hidden2);
  for (Index i = 0; i < visible; ++i) {
    for (Index j = 0; j < hidden1; ++j) w1(i, j) = rng.normal(0.0, stddev);
  }
  for (Index j = 0; j < hidden1; ++j) {
    for (Index k = 0; k < hidden2; ++k) w2(j, k) = rng.normal(0.0, stddev);
  }
  return compose(w1, w2, VectorXd::Zero(visible), VectorXd::Zero(hidden1), VectorXd::Zero(hidden2));
}

MatrixXd stackRows(const MatrixXd& v, const MatrixXd& h2) {
  MatrixXd out(v.rows(), v.cols() + h2.cols());
  out << v, h2;
  return out;
}

MatrixXd hidden1Probabilities(const Dbm& dbm, const MatrixXd& v, const MatrixXd& h2) {
  return rbm::hiddenProbabilities(dbm.stacked, stackRows(v, h2));
}

MatrixXd visibleProbabilities(const Dbm& dbm, const MatrixXd& h1) {
  MatrixXd pre = h1 * dbm.w1().transpose();
  pre.rowwise() += dbm.visibleBias().transpose();
  return rbm::sigmoid(pre.array()).matrix();
}

MatrixXd hidden2Probabilities(const Dbm& dbm, const MatrixXd& h1) {
  MatrixXd pre = h1 * dbm.w2();
  pre.rowwise() += dbm.hidden2Bias().transpose();
  return rbm::sigmoid(pre.array()).matrix();
}

double negativeEnergy(const Dbm& dbm, const VectorXd& v, const VectorXd& h1, const VectorXd& h2) {
  return dbm.visibleBias().dot(v) + dbm.hidden1Bias().dot(h1) + dbm.hidden2Bias().dot(h2) +
         v.dot(dbm.w1() * h1) + h1.dot(dbm.w2() * h2);
}

nlohmann::json toJson(const Dbm& dbm) {
  return {{"w1", data::toJson(MatrixXd(dbm.w1()))},
          {"w2", data::toJson(MatrixXd(dbm.w2()))},
          {"visible_bias", data::toJson(VectorXd(dbm.visibleBias()))},
          {"hidden1_bias", data::toJson(dbm.hidden1Bias())},
          {"hidden2_bias", data::toJson(VectorXd(dbm.hidden2Bias()))}};
}

Dbm dbmFromJson(const nlohmann::json& json) {
  data::requireObjectWithKeys(json, "",
                              {"w1", "w2", "visible_bias", "hidden1_bias", "hidden2_bias"});
  for (const char* key : {"w1", "w2", "visible_bias", "hidden1_bias", "hidden2_bias"}) {
    if (!json.contains(key)) throw ConfigError(std::string(key) + ": missing");
  }
  const MatrixXd w1 = data::readMatrix(json["w1"], "w1");
  const MatrixXd w2 = data::readMatrix(json["w2"], "w2");
  const auto vector = [&](const char* key) { return data::readVector(json[key], key); };
  return Dbm::compose(w1, w2, vector("visible_bias"), vector("hidden1_bias"),
                      vector("hidden2_bias"));
}

Dbm readDbmFile(const std::filesystem::path& file) {
  const nlohmann::json json = lesson::readJsonFile(file);  // DataError names file:line:column
  try {
    return dbmFromJson(json);
  } catch (const ConfigError& error) {
    throw DataError(file.string() + ": " + error.what());
  }
}

}  // namespace genlab::dbm
