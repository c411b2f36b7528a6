#include "core/run/sweep_slurm.h"

#include <sstream>

namespace genlab::run {

std::string shellQuote(const std::string& word) {
  bool plain = !word.empty();
  for (char c : word)
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) ||
                      std::string("/._-=+,:@%").find(c) != std::string::npos);
  if (plain) return word;
  std::string quoted = "'";
  for (char c : word) {
    if (c == '\'')
      quoted.append("'\\''");
    else
      quoted.push_back(c);
  }
  quoted.push_back('\'');
  return quoted;
}

std::string arrayRanges(const std::vector<int>& sortedIndices) {
  std::string text;
  for (std::size_t i = 0; i < sortedIndices.size();) {
    std::size_t j = i;
    while (j + 1 < sortedIndices.size() && sortedIndices[j + 1] == sortedIndices[j] + 1) ++j;
    if (!text.empty()) text.push_back(',');
    text.append(std::to_string(sortedIndices[i]));
    if (j > i) text.append("-").append(std::to_string(sortedIndices[j]));
    i = j + 1;
  }
  return text;
}

std::string slurmArrayScript(const SweepPlan& plan, const std::filesystem::path& sweepFolder,
                             const std::filesystem::path& executable,
                             const std::vector<SlurmTask>& tasks) {
  std::vector<int> indices;
  for (const auto& task : tasks) indices.push_back(task.index);
  const std::string lesson = plan.lessonFile.stem().string();
  std::ostringstream out;
  out << "#!/bin/bash\n"
      << "# genlab sweep of " << plan.lessonFile.string() << ": " << plan.runs.size() << " runs ("
      << plan.gridPoints() << " grid points x " << plan.seeds
      << (plan.seeds == 1 ? " seed" : " seeds") << ") into\n"
      << "# " << sweepFolder.string() << "\n"
      << "# Submit this file with sbatch; genlab does not.\n"
      << "# Array task i trains run i of sweep.json (its \"points\"); the folder opens in the lab\n"
      << "# as it fills. `genlab sweep --summary " << sweepFolder.string()
      << "` prints the table when done.\n"
      << "#SBATCH --job-name=" << shellQuote("genlab-" + lesson) << "\n"
      << "#SBATCH --array=" << arrayRanges(indices) << "\n"
      << "#SBATCH --ntasks=1\n"
      << "#SBATCH --cpus-per-task=1\n"
      << "#SBATCH --output=" << (sweepFolder / "logs" / "slurm-%A_%a.log").string() << "\n"
      << "set -euo pipefail\n\n"
      << "genlab=" << shellQuote(executable.string()) << "\n"
      << "# Each task trains with the cores Slurm gave it (raise --cpus-per-task for neural "
         "lessons).\n"
      << "export GENLAB_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"\n\n"
      << "case \"${SLURM_ARRAY_TASK_ID:?this script is a Slurm job array (sbatch it)}\" in\n";
  for (const auto& task : tasks) {
    out << "  " << task.index << ") exec \"$genlab\"";
    for (const auto& word : task.arguments) out << ' ' << shellQuote(word);
    out << " ;;\n";
  }
  out << "  *) echo \"genlab sweep: no run $SLURM_ARRAY_TASK_ID in this sweep\" >&2; exit 2 ;;\n"
      << "esac\n";
  return out.str();
}

}  // namespace genlab::run
