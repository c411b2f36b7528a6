#pragma once
// The teaching corpora the word2vec tests train on (assets/corpora/), with a trailing slash.

#include <string>

namespace genlab::test {

inline const std::string kCorporaDir = std::string(GENLAB_SOURCE_DIR) + "/assets/corpora/";

}  // namespace genlab::test
