#pragma once
// Strict readers for settings-like JSON objects (a lesson's "settings" or "dataset"). Each takes
// the key path ("settings.k", "dataset.centers[1]") and throws genlab::ConfigError whose message
// starts with it: "settings.k: 0 is out of range [1, 64]".

#include <Eigen/Core>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <type_traits>

namespace genlab::data {

// "prefix.key", or "key" when prefix is empty.
std::string joinKey(std::string_view prefix, std::string_view key);

// Throws unless `value` is an object whose keys are all in `known`.
void requireObjectWithKeys(const nlohmann::json& value, std::string_view path,
                           std::initializer_list<std::string_view> known);

// An integer in [lo, hi]; a float such as 3.0 is a type error.
long long readInt(const nlohmann::json& value, std::string_view path, long long lo, long long hi);

// A non-negative JSON integer up to `hi`; a negative one or a float is an error.
std::uint64_t readUnsigned(const nlohmann::json& value, std::string_view path,
                           std::uint64_t hi = std::numeric_limits<std::uint64_t>::max());

// A JSON integer that fits the integer type T. Use it instead of nlohmann's get<T>() on what a
// person or another program wrote: that casts 1e300 to int (undefined behaviour) and -1 to an
// unsigned without a word.
template <class T>
T readInteger(const nlohmann::json& value, std::string_view path) {
  static_assert(std::is_integral_v<T>);
  if constexpr (std::is_unsigned_v<T>) {
    return static_cast<T>(readUnsigned(value, path, std::numeric_limits<T>::max()));
  } else {
    return static_cast<T>(
        readInt(value, path, std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
  }
}

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
