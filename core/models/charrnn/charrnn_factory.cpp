#include "core/models/charrnn/charrnn_factory.h"

#include "core/models/charrnn/char_corpus.h"
#include "core/models/charrnn/charrnn_trainer.h"

namespace genlab::charrnn {

std::unique_ptr<train::Trainer> makeCharRnn(const lesson::Lesson& lesson, std::uint64_t seed) {
  // Settings first: a typo is reported before megabytes of text are read. The text does not
  // depend on the seed: runs that differ in seed train on the same characters.
  const CharRnnConfig config = CharRnnConfig::fromJson(lesson.settings);
  CharCorpus corpus = readCorpus(lesson.dataset, lesson.file.parent_path());
  return std::make_unique<CharRnnTrainer>(config, std::move(corpus), seed);
}

}  // namespace genlab::charrnn
