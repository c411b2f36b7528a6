#include "core/platform/system_info.h"

#include <dlfcn.h>
#include <torch/csrc/api/include/torch/version.h>

#include <Eigen/Core>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/platform/threading.h"

namespace genlab::platform {
namespace {

constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

std::string firstMappedLibraryContaining(const std::string& needle) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    const auto slash = line.find('/');
    if (slash == std::string::npos) continue;
    const std::string path = line.substr(slash);
    if (path.find(needle) != std::string::npos) return path;
  }
  return {};
}

// LibTorch loads libgomp; ask it through dlsym so core needs no -fopenmp of its own.
int openmpMaxThreads() {
  using MaxThreadsFn = int (*)();
  auto fn = reinterpret_cast<MaxThreadsFn>(dlsym(RTLD_DEFAULT, "omp_get_max_threads"));
  return fn ? fn() : 1;
}

}  // namespace

BlasInfo activeBlas() {
  BlasInfo info;
  info.library = firstMappedLibraryContaining("libblas.so");
  if (info.library.empty()) info.library = firstMappedLibraryContaining("openblas");
  using ConfigFn = const char* (*)();
  if (auto fn = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"))) {
    info.config = fn();
  }
  if (info.library.find("openblas-openmp") != std::string::npos ||
      info.config.find("OpenMP") != std::string::npos) {
    info.threading = "openmp";
  } else if (info.library.find("openblas") != std::string::npos || !info.config.empty()) {
    info.threading = "pthread";
  } else if (info.library.find("/blas/") != std::string::npos) {
    info.threading = "reference (slow: install libopenblas0-openmp)";
  } else {
    info.threading = "unknown";
  }
  return info;
}

nlohmann::json systemReport() {
  const ThreadSettings threads = currentThreadSettings();
  const BlasInfo blas = activeBlas();
  nlohmann::json report;
  report["genlab"] = GENLAB_VERSION;
  report["eigen"] = std::to_string(EIGEN_WORLD_VERSION) + "." +
                    std::to_string(EIGEN_MAJOR_VERSION) + "." + std::to_string(EIGEN_MINOR_VERSION);
  report["libtorch"] = std::to_string(TORCH_VERSION_MAJOR) + "." +
                       std::to_string(TORCH_VERSION_MINOR) + "." +
                       std::to_string(TORCH_VERSION_PATCH);
  report["blas"] = {
      {"library", blas.library}, {"threading", blas.threading}, {"config", blas.config}};
  report["threads"] = {
      {"hardware", threads.hardwareThreads}, {"intra_op", threads.intraOpThreads},
      {"openmp_max", openmpMaxThreads()},    {"omp_wait_policy", threads.waitPolicy},
      {"gomp_spincount", threads.spinCount}, {"denormals_flushed_on_trainer_threads", true}};
  nlohmann::json datasets = nlohmann::json::object();
  std::vector<std::string> found;
  std::error_code ec;
  for (const char* name : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                           "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
    if (std::filesystem::exists(std::filesystem::path(kFashionMnistDir) / name, ec))
      found.push_back(name);
  }
  datasets["fashion-mnist"] = {
      {"folder", kFashionMnistDir}, {"found", found.size() == 4}, {"files", found}};
  report["datasets"] = datasets;
  return report;
}

std::string formatSystemReport(const nlohmann::json& report) {
  std::ostringstream out;
  auto line = [&](const std::string& key, const std::string& value) {
    out << "  " << key << std::string(key.size() < 22 ? 22 - key.size() : 1, ' ') << value << '\n';
  };
  out << "genlab " << report["genlab"].get<std::string>() << "\n";
  out << "versions\n";
  line("eigen", report["eigen"]);
  line("libtorch", report["libtorch"]);
  out << "blas\n";
  line("library", report["blas"]["library"]);
  line("threading", report["blas"]["threading"]);
  if (!report["blas"]["config"].get<std::string>().empty())
    line("config", report["blas"]["config"]);
  out << "threads\n";
  for (const auto& item : report["threads"].items()) {
    line(item.key(),
         item.value().is_string() ? item.value().get<std::string>() : item.value().dump());
  }
  out << "datasets\n";
  const auto& fashion = report["datasets"]["fashion-mnist"];
  line("fashion-mnist", fashion["found"].get<bool>()
                            ? "found in " + fashion["folder"].get<std::string>()
                            : "not found (apt-get install dataset-fashion-mnist)");
  return out.str();
}

}  // namespace genlab::platform
