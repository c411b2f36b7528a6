#include <iostream>

#include "app/cli/commands.h"
#include "core/platform/system_info.h"
#include "core/platform/threading.h"

namespace genlab::cli {

void registerInfo(CLI::App& app) {
  auto* info = app.add_subcommand("info", "Print versions, the active BLAS, threads and datasets");
  auto json = std::make_shared<bool>(false);
  info->add_flag("--json", *json, "Print one JSON object");
  info->callback([json] {
    platform::applyThreadPolicy(platform::ThreadMode::kHeadless);
    const auto report = platform::systemReport();
    std::cout << (*json ? report.dump(2) + "\n" : platform::formatSystemReport(report));
  });
}

}  // namespace genlab::cli
