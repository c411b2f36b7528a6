#pragma once
// The word2vec text format (the C tool's -binary 0 output, gensim's save_word2vec_format with
// binary=False): a header line "V D", then V lines "word x1 ... xD", separated by single spaces.
// Floats are written in their shortest form that reads back to the same float.

#include <string>

#include "core/models/word2vec/keyed_vectors.h"

namespace genlab::word2vec {

// Writes to a temporary name beside `path`, then renames, so a reader never sees half a file.
// Throws DataError naming the path when it cannot be written.
void writeWord2VecText(const std::string& path, const std::vector<std::string>& words, int dim,
                       const std::vector<float>& vectors);

// Throws DataError "path:line: ..." for a malformed header or row, a wrong number of values, a
// value that is not a finite number, or a repeated word.
KeyedVectors readWord2VecText(const std::string& path);

}  // namespace genlab::word2vec
