#include "core/eval/leaderboard_trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/data/json_fields.h"
#include "core/eval/leaderboard_settings.h"
#include "core/train/json_checkpoint.h"
#include "core/util/errors.h"

namespace genlab::eval {

using nlohmann::json;

namespace {

std::vector<LeaderboardTrainer::NamedScorer> tableScorers(const LeaderboardOptions& options) {
  std::vector<LeaderboardTrainer::NamedScorer> out;
  for (const auto& name : options.models.empty() ? leaderboardModels() : options.models)
    out.emplace_back(name, leaderboardScorer(name));
  return out;
}

FigureKind kindFromString(const std::string& text, const std::string& key) {
  for (const FigureKind kind : {FigureKind::kExact, FigureKind::kEstimate, FigureKind::kBound})
    if (text == toString(kind)) return kind;
  throw ConfigError(key + ": \"" + text + "\" is not exact, estimate or bound");
}

json entryToJson(const LeaderboardEntry& e) {
  return {{"model", e.model},
          {"description", e.description},
          {"kind", toString(e.kind)},
          {"nats", e.nats},
          {"standard_error", e.standardError},
          {"train_seconds", e.trainSeconds},
          {"note", e.note},
          {"samples", e.samples}};
}

LeaderboardEntry entryFromJson(const json& in, const std::string& key, std::size_t pixels) {
  LeaderboardEntry e;
  e.model = data::readString(in.at("model"), key + ".model");
  e.description = data::readString(in.at("description"), key + ".description");
  e.kind = kindFromString(data::readString(in.at("kind"), key + ".kind"), key + ".kind");
  e.nats = data::readDouble(in.at("nats"), key + ".nats", -HUGE_VAL, HUGE_VAL);
  e.standardError =
      data::readDouble(in.at("standard_error"), key + ".standard_error", 0.0, HUGE_VAL);
  e.trainSeconds = data::readDouble(in.at("train_seconds"), key + ".train_seconds", 0.0, HUGE_VAL);
  e.note = data::readString(in.at("note"), key + ".note");
  const json& samples = in.at("samples");
  if (!samples.is_array() || samples.size() % std::max<std::size_t>(1, pixels) != 0)
    throw ConfigError(key + ".samples: not whole images of " + std::to_string(pixels) + " pixels");
  for (const json& value : samples)
    e.samples.push_back(static_cast<float>(data::readDouble(value, key + ".samples", 0.0, 1.0)));
  return e;
}

}  // namespace

double LeaderboardSnapshot::bitsPerPixel(double nats) const {
  return pixels() > 0 ? nats / std::log(2.0) / pixels() : 0.0;
}

std::size_t LeaderboardSnapshot::bytes() const {
  std::size_t total = sizeof(*this) + data.capacity();
  for (const auto& e : entries)
    total += sizeof(e) + e.description.capacity() + e.note.capacity() + e.model.capacity() +
             e.samples.capacity() * sizeof(float);
  for (const auto& name : models) total += sizeof(name) + name.capacity();
  for (const auto& [model, why] : skipped) total += 2 * sizeof(model) + model.size() + why.size();
  return total;
}

LeaderboardTrainer::LeaderboardTrainer(LeaderboardOptions options)
    : LeaderboardTrainer(options, tableScorers(options)) {}

LeaderboardTrainer::LeaderboardTrainer(LeaderboardOptions options, std::vector<NamedScorer> scorers)
    : m_options(std::move(options)), m_scorers(std::move(scorers)) {
  m_split = makeLeaderboardSplit(m_options, &m_data);
  publish();
}

std::vector<std::string> LeaderboardTrainer::metricNames() const {
  return {"models_scored", "best_nats_per_image"};
}

train::StepOutcome LeaderboardTrainer::step(std::span<double> metrics, std::stop_token stop) {
  train::StepOutcome outcome;
  const bool scoring = m_scored < m_scorers.size();
  if (scoring) {
    const auto& [name, scorer] = m_scorers[m_scored];
    LeaderboardOptions options = m_options;
    options.stop = stop;
    try {
      for (auto& entry : scorer(m_split, options)) m_entries.push_back(std::move(entry));
    } catch (const ModelSkipped& why) {
      m_skipped.emplace_back(name, why.what());
      outcome.messages.push_back(name + " skipped: " + why.what());
    } catch (const ScoringStopped&) {
      return {};  // cut short: nothing of this model is kept, stepsDone() unchanged
    }
    ++m_scored;
  }
  ++m_steps;
  publish();
  outcome.converged = m_scored >= m_scorers.size();
  if (outcome.converged && scoring) outcome.messages.push_back("every model is scored");
  const auto* snap = static_cast<const LeaderboardSnapshot*>(m_snapshot.get());
  const double values[] = {static_cast<double>(m_scored),
                           snap->entries.empty() ? std::numeric_limits<double>::quiet_NaN()
                                                 : snap->entries.front().nats};
  std::copy_n(values, std::min(metrics.size(), std::size(values)), metrics.begin());
  return outcome;
}

void LeaderboardTrainer::publish() {
  auto snap = std::make_shared<LeaderboardSnapshot>();
  snap->step = m_steps;
  snap->data = m_data;
  snap->trainImages = m_split.train.count;
  snap->testImages = m_split.test.count;
  snap->height = m_split.train.height;
  snap->width = m_split.train.width;
  for (const auto& [name, scorer] : m_scorers) snap->models.push_back(name);
  snap->scored = m_scored;
  snap->entries = m_entries;
  // The command line's order (runLeaderboard): best first, ties in scoring order.
  std::stable_sort(snap->entries.begin(), snap->entries.end(),
                   [](const auto& a, const auto& b) { return a.nats < b.nats; });
  snap->skipped = m_skipped;
  m_snapshot = std::move(snap);
}

json LeaderboardTrainer::settings() const {
  return leaderboardSettingsJson(m_options);
}

void LeaderboardTrainer::setParam(const std::string& key, const json& value) {
  if (key == "models") {
    // The same list again (a duplicate run applying every setting) is no change.
    const LeaderboardOptions asked = leaderboardOptionsFromJson({{"models", value}});
    std::vector<std::string> current;
    for (const auto& [name, scorer] : m_scorers) current.push_back(name);
    if (asked.models == current) return;
    throw ConfigError("settings.models: the board's models are fixed when it is made");
  }
  json changed = settings();
  changed[key] = value;
  m_options = leaderboardOptionsFromJson(changed, m_options);
  publish();
}

void LeaderboardTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  json entries = json::array();
  for (const auto& e : m_entries) entries.push_back(entryToJson(e));
  json skipped = json::array();
  for (const auto& [model, why] : m_skipped) skipped.push_back({{"model", model}, {"why", why}});
  json models = json::array();
  for (const auto& [name, scorer] : m_scorers) models.push_back(name);
  train::writeJsonCheckpoint(file, {{"model", "leaderboard"},
                                    {"step", m_steps},
                                    {"settings", settings()},
                                    {"models", models},
                                    {"scored", m_scored},
                                    {"entries", entries},
                                    {"skipped", skipped}});
}

void LeaderboardTrainer::loadCheckpoint(const std::filesystem::path& file) {
  const json in = train::readJsonCheckpoint(file);
  const json named = in.contains("model") ? in["model"] : json("?");
  if (named != "leaderboard")
    throw DataError(file.string() + ": a checkpoint of model " + named.dump() +
                    ", not of the leaderboard");
  try {
    json models = json::array();
    for (const auto& [name, scorer] : m_scorers) models.push_back(name);
    if (in.at("models") != models)
      throw ConfigError("models: " + in.at("models").dump() + ", this board scores " +
                        models.dump());
    const LeaderboardOptions options = leaderboardOptionsFromJson(in.at("settings"), m_options);
    const auto scored = static_cast<std::size_t>(
        data::readInt(in.at("scored"), "scored", 0, static_cast<long long>(m_scorers.size())));
    const auto steps = data::readInteger<std::int64_t>(in.at("step"), "step");
    std::vector<LeaderboardEntry> entries;
    const std::size_t pixels = static_cast<std::size_t>(m_split.train.pixelsPerImage());
    for (std::size_t i = 0; i < in.at("entries").size(); ++i)
      entries.push_back(
          entryFromJson(in["entries"][i], "entries[" + std::to_string(i) + "]", pixels));
    std::vector<std::pair<std::string, std::string>> skipped;
    for (const json& s : in.at("skipped"))
      skipped.emplace_back(data::readString(s.at("model"), "skipped.model"),
                           data::readString(s.at("why"), "skipped.why"));
    // Nothing above changed the trainer; from here on nothing throws.
    m_options = options;
    m_scored = scored;
    m_steps = steps;
    m_entries = std::move(entries);
    m_skipped = std::move(skipped);
  } catch (const std::exception& error) {
    throw DataError(file.string() + ": " + error.what());
  }
  publish();
}

std::unique_ptr<train::Trainer> makeLeaderboard(const lesson::Lesson& lesson, std::uint64_t seed) {
  LeaderboardOptions base;
  base.dataset = lesson.dataset;
  base.baseDir = lesson.file.parent_path();
  base.seed = seed;
  // Settings first: a typo is reported before a data file is read.
  return std::make_unique<LeaderboardTrainer>(leaderboardOptionsFromJson(lesson.settings, base));
}

}  // namespace genlab::eval
