#pragma once
// The starting parameters `genlab fit gmm --init-params FILE.json` reads:
//   {"weights": [..K], "means": [[..d]..K], "covariances": [[[..d]..d]..K]}   (full matrices)
// Strict: an unknown or missing key, a wrong shape or type, a non-finite number throws.

#include <filesystem>

#include "core/models/gmm/gaussian_mixture.h"

namespace genlab::gmm {

// Throws DataError "path: ..." when the file cannot be read or is not JSON, ConfigError
// "path: <key>: ..." when the content is wrong. Whether the parameters fit the data (K, d) is
// the caller's check.
GmmParams readGmmParamsFile(const std::filesystem::path& path);

}  // namespace genlab::gmm
