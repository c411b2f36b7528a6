#pragma once
// Builds the word2vec trainer for a lesson (registered in core/models/registry.cpp as
// "word2vec"). "settings": word2vec_settings.h. "dataset":
//
//   {"kind": "text", "path": "corpus.txt", "pairs": "pairs.txt"}
//       one UTF-8 text file, one sentence a line (paths relative to the lesson's folder);
//   {"kind": "fortunes", "pairs": "pairs.txt"}
//       every text file of Debian's fortunes and fortunes-min (/usr/share/games/fortunes; the
//       .dat indexes, the .u8 links and files that are not UTF-8 left out), or, where that
//       package is not installed, the licence texts of /usr/share/common-licenses.
//
// "pairs" (optional) is a held-out similarity file (similarity_pairs.h); with it the trainer
// logs a "similarity" metric. The corpus is the same for every seed; the seed sets the
// initial vectors and the random stream.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/lesson/lesson.h"
#include "core/text/tokenizer.h"
#include "core/train/trainer.h"

namespace genlab::word2vec {

// The text files of the "fortunes" dataset, in name order (the fallback's when fortunes is
// absent), and which of the two it is ("fortunes" or "common-licenses").
struct CorpusFiles {
  std::vector<std::filesystem::path> files;
  std::string name;
};
CorpusFiles fortunesFiles();

// The files' tokens back to back; a file that is not UTF-8 is skipped when `skipInvalid`, else
// reported (DataError "path:line: not UTF-8 text ...").
text::TokenisedText readCorpusFiles(const std::vector<std::filesystem::path>& files,
                                    bool skipInvalid);

std::unique_ptr<train::Trainer> makeWord2Vec(const lesson::Lesson& lesson, std::uint64_t seed);

}  // namespace genlab::word2vec
