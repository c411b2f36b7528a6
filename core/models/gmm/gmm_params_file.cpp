#include "core/models/gmm/gmm_params_file.h"

#include <fstream>
#include <string>

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::gmm {

using nlohmann::json;

GmmParams readGmmParamsFile(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::ifstream in(path);
  if (!in) throw DataError(name + ": cannot open file");
  json j;
  try {
    j = json::parse(in);
  } catch (const json::exception& error) {  // parse_error, or out_of_range for 1e999
    throw DataError(name + ": not valid JSON (" + error.what() + ")");
  }
  try {
    data::requireObjectWithKeys(j, "", {"weights", "means", "covariances"});
    for (const char* key : {"weights", "means", "covariances"}) {
      if (!j.contains(key)) throw ConfigError(std::string(key) + ": required");
    }
    GmmParams params;
    params.weights = data::readVector(j["weights"], "weights");
    const auto K = params.weights.size();
    params.means = data::readMatrix(j["means"], "means", K);
    const auto d = params.means.cols();
    if (!j["covariances"].is_array() || static_cast<Eigen::Index>(j["covariances"].size()) != K) {
      throw ConfigError("covariances: expected " + std::to_string(K) + " d x d matrices");
    }
    for (Eigen::Index k = 0; k < K; ++k) {
      params.covariances.push_back(data::readMatrix(j["covariances"][static_cast<std::size_t>(k)],
                                                    "covariances[" + std::to_string(k) + "]", d,
                                                    d));
    }
    return params;
  } catch (const ConfigError& error) {
    throw ConfigError(name + ": " + error.what());
  }
}

}  // namespace genlab::gmm
