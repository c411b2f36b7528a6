#pragma once
// The --binarize option of the fit commands that need 0/1 data (fit nb, fit rbm): a threshold T
// (x > T becomes 1, else 0), or "none" (the data must be 0/1 already).

#include <optional>
#include <string>

namespace genlab::cli {

// nullopt for "none"; throws ConfigError "--binarize: \"half\" is not a number or \"none\"".
std::optional<double> parseBinarizeOption(const std::string& text);

}  // namespace genlab::cli
