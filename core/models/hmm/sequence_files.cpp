#include "core/models/hmm/sequence_files.h"

#include <map>

#include "core/data/sequence_io.h"
#include "core/util/errors.h"

namespace genlab::hmm {

SequenceSet loadSequences(const std::vector<std::filesystem::path>& files, EmissionKind kind) {
  if (files.empty()) throw DataError("no data files given");
  SequenceSet set;
  if (kind == EmissionKind::Gaussian) {
    long columns = 0;
    for (const auto& file : files) {
      RowMatrix values = data::readNumericCsv(file, columns);
      columns = values.cols();
      set.sequences.push_back(Observations::gaussian(std::move(values)));
    }
    return set;
  }
  std::vector<data::SymbolSequence> read;
  bool allNumeric = true;
  for (const auto& file : files) {
    read.push_back(data::readSymbolSequence(file));
    allNumeric = allNumeric && read.back().numericIds;
  }
  if (allNumeric) {
    for (auto& seq : read) {
      set.symbols = std::max<Index>(set.symbols, static_cast<Index>(seq.alphabet.size()));
      set.sequences.push_back(Observations::discrete(std::move(seq.ids)));
    }
    return set;
  }
  // Tokens: renumber every file's ids into one alphabet, in order of first appearance.
  std::map<std::string, int> index;
  for (auto& seq : read) {
    std::vector<int> ids;
    ids.reserve(seq.ids.size());
    for (int local : seq.ids) {
      const std::string& name = seq.alphabet[static_cast<std::size_t>(local)];
      const auto [it, added] = index.try_emplace(name, static_cast<int>(set.alphabet.size()));
      if (added) set.alphabet.push_back(name);
      ids.push_back(it->second);
    }
    set.sequences.push_back(Observations::discrete(std::move(ids)));
  }
  set.symbols = static_cast<Index>(set.alphabet.size());
  return set;
}

Observations loadForModel(const std::filesystem::path& file, const HmmModel& model) {
  if (!model.isDiscrete())
    return Observations::gaussian(data::readNumericCsv(file, static_cast<long>(model.dim())));
  data::SymbolOptions options;
  options.alphabet = model.alphabet;
  options.alphabetSize = static_cast<long>(model.symbols());
  return Observations::discrete(data::readSymbolSequence(file, options).ids);
}

}  // namespace genlab::hmm
