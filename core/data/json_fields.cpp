#include "core/data/json_fields.h"

#include <cmath>
#include <string>

#include "core/util/errors.h"

namespace genlab::data {
namespace {

using nlohmann::json;

// A short rendering of an offending value for messages; long arrays are cut.
std::string shortDump(const json& value) {
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

[[noreturn]] void fail(std::string_view path, const std::string& what) {
  throw ConfigError(std::string(path) + ": " + what);
}

std::string typeName(const json& value) {
  if (value.is_number_integer() || value.is_number_unsigned()) return "an integer";
  if (value.is_number_float()) return "a number";
  return std::string(value.type_name() == std::string("array") ? "an " : "a ") + value.type_name();
}

std::string formatNumber(double x) {
  json j = x;
  return j.dump();
}

}  // namespace

std::string joinKey(std::string_view prefix, std::string_view key) {
  if (prefix.empty()) return std::string(key);
  return std::string(prefix) + "." + std::string(key);
}

void requireObjectWithKeys(const json& value, std::string_view path,
                           std::initializer_list<std::string_view> known) {
  if (!value.is_object()) fail(path, "expected an object, got " + typeName(value));
  for (const auto& [key, unused] : value.items()) {
    bool found = false;
    for (auto k : known) found = found || (k == key);
    if (!found) {
      std::string list;
      for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      fail(joinKey(path, key), "unknown key (known keys: " + list + ")");
    }
  }
}

long long readInt(const json& value, std::string_view path, long long lo, long long hi) {
  long long x = 0;
  if (value.is_number_integer()) {
    x = value.get<long long>();
  } else if (value.is_number_unsigned()) {
    const auto u = value.get<unsigned long long>();
    if (u > static_cast<unsigned long long>(hi)) {
      fail(path, shortDump(value) + " is out of range [" + std::to_string(lo) + ", " +
                     std::to_string(hi) + "]");
    }
    x = static_cast<long long>(u);
  } else {
    fail(path, "expected an integer, got " + typeName(value) + " " + shortDump(value));
  }
  if (x < lo || x > hi) {
    fail(path, std::to_string(x) + " is out of range [" + std::to_string(lo) + ", " +
                   std::to_string(hi) + "]");
  }
  return x;
}

std::uint64_t readUnsigned(const json& value, std::string_view path, std::uint64_t hi) {
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    if (u > hi) fail(path, shortDump(value) + " is out of range [0, " + std::to_string(hi) + "]");
    return u;
  }
  if (value.is_number_integer()) fail(path, shortDump(value) + " is negative, expected >= 0");
  fail(path, "expected a whole number >= 0, got " + typeName(value) + " " + shortDump(value));
}

double readDouble(const json& value, std::string_view path, double lo, double hi) {
  if (!value.is_number()) {
    fail(path, "expected a number, got " + typeName(value) + " " + shortDump(value));
  }
  const double x = value.get<double>();
  if (!std::isfinite(x) || x < lo || x > hi) {
    fail(path, shortDump(value) + " is out of range [" + formatNumber(lo) + ", " +
                   (std::isinf(hi) ? std::string("inf") : formatNumber(hi)) + "]");
  }
  return x;
}

bool readBool(const json& value, std::string_view path) {
  if (!value.is_boolean()) fail(path, "expected true or false, got " + shortDump(value));
  return value.get<bool>();
}

std::string readString(const json& value, std::string_view path) {
  if (!value.is_string()) {
    fail(path, "expected a string, got " + typeName(value) + " " + shortDump(value));
  }
  return value.get<std::string>();
}

Eigen::VectorXd readVector(const json& value, std::string_view path, Eigen::Index size) {
  if (!value.is_array() || value.empty()) {
    fail(path, "expected a non-empty array of numbers, got " + shortDump(value));
  }
  const auto n = static_cast<Eigen::Index>(value.size());
  if (size >= 0 && n != size) {
    fail(path, "has " + std::to_string(n) + " entries, expected " + std::to_string(size));
  }
  Eigen::VectorXd out(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::string element = std::string(path) + "[" + std::to_string(i) + "]";
    out(i) = readDouble(value[static_cast<std::size_t>(i)], element, -HUGE_VAL, HUGE_VAL);
  }
  return out;
}

Eigen::MatrixXd readMatrix(const json& value, std::string_view path, Eigen::Index rows,
                           Eigen::Index cols) {
  if (!value.is_array() || value.empty()) {
    fail(path, "expected a non-empty array of rows, got " + shortDump(value));
  }
  const auto n = static_cast<Eigen::Index>(value.size());
  if (rows >= 0 && n != rows) {
    fail(path, "has " + std::to_string(n) + " rows, expected " + std::to_string(rows));
  }
  Eigen::MatrixXd out;
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::string rowPath = std::string(path) + "[" + std::to_string(i) + "]";
    const Eigen::VectorXd row =
        readVector(value[static_cast<std::size_t>(i)], rowPath, i == 0 ? cols : out.cols());
    if (i == 0) out.resize(n, row.size());
    out.row(i) = row.transpose();
  }
  return out;
}

json toJson(const Eigen::VectorXd& vector) {
  json out = json::array();
  for (Eigen::Index i = 0; i < vector.size(); ++i) out.push_back(vector(i));
  return out;
}

json toJson(const Eigen::MatrixXd& matrix) {
  json out = json::array();
  for (Eigen::Index i = 0; i < matrix.rows(); ++i) {
    out.push_back(toJson(Eigen::VectorXd(matrix.row(i).transpose())));
  }
  return out;
}

}  // namespace genlab::data
