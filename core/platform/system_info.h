#pragma once
// What `genlab info` prints and the lab's About panel shows: versions, the BLAS actually loaded,
// thread settings, and which datasets were found.

#include <nlohmann/json.hpp>
#include <string>

namespace genlab::platform {

// The shared library that provides BLAS in this process (resolved through /proc/self/maps) and
// OpenBLAS's own description of its build when it is OpenBLAS.
struct BlasInfo {
  std::string library;    // e.g. /usr/lib/x86_64-linux-gnu/openblas-openmp/libblas.so.3
  std::string config;     // openblas_get_config(), or empty
  std::string threading;  // "openmp", "pthread", "reference" or "unknown"
};
BlasInfo activeBlas();

nlohmann::json systemReport();

// The same report as aligned "key: value" lines for a terminal.
std::string formatSystemReport(const nlohmann::json& report);

}  // namespace genlab::platform
