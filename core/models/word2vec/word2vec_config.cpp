#include "core/models/word2vec/word2vec_config.h"

#include <cmath>
#include <sstream>

#include "core/util/errors.h"

namespace genlab::word2vec {
namespace {

template <class T>
void checkRange(const char* option, T value, T lo, T hi) {
  if (!(value >= lo && value <= hi)) {  // written so that NaN fails too
    std::ostringstream message;
    message << option << ": " << value << " is out of range [" << lo << ", " << hi << "]";
    throw ConfigError(message.str());
  }
}

}  // namespace

void Word2VecConfig::validate() const {
  checkRange("--dim", dim, 1, kMaxDim);
  checkRange("--window", window, 1, kMaxWindow);
  checkRange("--negative", negative, 1, kMaxNegative);
  checkRange<std::int64_t>("--min-count", minCount, 1, INT64_MAX);
  checkRange("--sample", sample, 0.0, 1.0);
  checkRange("--epochs", epochs, 1, kMaxEpochs);
  checkRange("--alpha", alpha, 1e-9, 10.0);
  checkRange("--min-alpha", minAlpha, 0.0, alpha);
  checkRange("--threads", threads, 1, kMaxThreads);
}

const char* toString(Architecture architecture) {
  return architecture == Architecture::SkipGram ? "skip-gram" : "CBOW";
}

}  // namespace genlab::word2vec
