#pragma once
// Strict readers for settings-like JSON objects (a lesson's "settings" or "dataset"). Each takes
// the key path ("settings.k", "dataset.centers[1]") and throws genlab::ConfigError whose message
// starts with it: "settings.k: 0 is out of range [1, 64]".

#include <Eigen/Core>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace genlab::data {

// "prefix.key", or "key" when prefix is empty.
std::string joinKey(std::string_view prefix, std::string_view key);

// Throws unless `value` is an object whose keys are all in `known`.
void requireObjectWithKeys(const nlohmann::json& value, std::string_view path,
                           std::initializer_list<std::string_view> known);

// An integer in [lo, hi]; a float such as 3.0 is a type error.
long long readInt(const nlohmann::json& value, std::string_view path, long long lo, long long hi);

// Any finite JSON number in [lo, hi].
double readDouble(const nlohmann::json& value, std::string_view path, double lo, double hi);

bool readBool(const nlohmann::json& value, std::string_view path);

std::string readString(const nlohmann::json& value, std::string_view path);

// [x0, x1, ...] of finite numbers; `size` = -1 accepts any non-empty length.
Eigen::VectorXd readVector(const nlohmann::json& value, std::string_view path,
                           Eigen::Index size = -1);

// [[row0...], [row1...], ...], rectangular, finite, non-empty; -1 accepts any size.
Eigen::MatrixXd readMatrix(const nlohmann::json& value, std::string_view path,
                           Eigen::Index rows = -1, Eigen::Index cols = -1);

// The inverse of readVector / readMatrix (rows become inner arrays).
nlohmann::json toJson(const Eigen::VectorXd& vector);
nlohmann::json toJson(const Eigen::MatrixXd& matrix);

}  // namespace genlab::data
