#pragma once
// A trainer with known behaviour for the session tests: each step draws one normal from a seeded
// Rng and accumulates it, so the same seed must give the same metrics and a different seed must
// not. Knobs let a test make steps slow, failing, converging or observe the trainer thread.

#include <atomic>
#include <chrono>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <thread>

#include "core/platform/threading.h"
#include "core/train/trainer.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"
#include "core/util/rng.h"

namespace genlab::test {

struct FakeSnapshot : train::Snapshot {
  double total = 0.0;
  double offset = 0.0;
  bool prepared = false;  // prepare() has run
};

struct FakeKnobs {
  std::chrono::milliseconds stepDuration{0};  // busy time per step, polling the stop token
  int convergeAfter = -1;                     // report converged at this step
  int failAt = -1;                            // NonFiniteError at this step (offset 0 only)
  std::atomic<bool> sawUnflushedDenormals{false};
  std::atomic<std::thread::id> stepThread{};
  // prepare() records its thread, then waits (up to 10 s) until `releasePrepare` is set.
  std::atomic<bool> holdPrepare{false};
  std::atomic<bool> releasePrepare{false};
  std::atomic<int> prepares{0};
  std::atomic<std::thread::id> prepareThread{};
};

class FakeTrainer : public train::Trainer {
 public:
  FakeTrainer(std::uint64_t seed, FakeKnobs* knobs) : m_rng(seed), m_knobs(knobs) {}

  std::string modelName() const override { return "fake"; }
  std::vector<std::string> metricNames() const override { return {"value", "total"}; }

  train::StepOutcome step(std::span<double> metrics, std::stop_token stop) override {
    if (m_knobs) {
      m_knobs->stepThread.store(std::this_thread::get_id());
      if (!platform::denormalsFlushedOnThisThread()) m_knobs->sawUnflushedDenormals = true;
      // Until the offset is changed by hand, as a learning rate would be after a divergence.
      if (m_knobs->failAt == m_steps + 1 && m_offset == 0.0)
        checkFinite(std::numeric_limits<double>::quiet_NaN(), "fake value", m_steps + 1);
      const auto end = std::chrono::steady_clock::now() + m_knobs->stepDuration;
      while (std::chrono::steady_clock::now() < end) {
        if (stop.stop_requested()) return {};
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
    }
    const double value = m_rng.normal();
    m_total += value;
    ++m_steps;
    metrics[0] = value;
    metrics[1] = m_total + m_offset;
    train::StepOutcome outcome;
    outcome.converged = m_knobs && m_knobs->convergeAfter == m_steps;
    return outcome;
  }

  train::SnapshotPtr snapshot() const override {
    auto snap = std::make_shared<FakeSnapshot>();
    snap->step = m_steps;
    snap->total = m_total;
    snap->offset = m_offset;
    snap->prepared = m_prepared;
    return snap;
  }

  void prepare() override {
    if (m_knobs) {
      m_knobs->prepareThread.store(std::this_thread::get_id());
      const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (m_knobs->holdPrepare && !m_knobs->releasePrepare &&
             std::chrono::steady_clock::now() < end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      ++m_knobs->prepares;
    }
    m_prepared = true;
  }

  void setParam(const std::string& key, const nlohmann::json& value) override {
    if (key != "offset" || !value.is_number())
      throw ConfigError("settings." + key + ": unknown setting");
    m_offset = value.get<double>();
  }
  nlohmann::json settings() const override { return {{"offset", m_offset}}; }
  void saveCheckpoint(const std::filesystem::path& file) const override {
    const nlohmann::json state = {{"model", "fake"},
                                  {"step", m_steps},
                                  {"total", m_total},
                                  {"offset", m_offset},
                                  {"rng", m_rng.state()}};
    std::ofstream(file) << state.dump() << '\n';
  }
  void loadCheckpoint(const std::filesystem::path& file) override {
    std::ifstream in(file);
    const nlohmann::json state = nlohmann::json::parse(in, nullptr, false);
    if (!state.is_object() || state.value("model", "") != "fake")
      throw DataError(file.string() + ": not a fake checkpoint");
    Rng rng;
    if (!rng.setState(state.at("rng").get<std::string>()))
      throw DataError(file.string() + ": rng: malformed state");
    m_rng = rng;
    m_steps = state.at("step").get<std::int64_t>();
    m_total = state.at("total").get<double>();
    m_offset = state.at("offset").get<double>();
  }
  std::string checkpointExtension() const override { return ".json"; }
  std::int64_t stepsDone() const override { return m_steps; }

  void setOffset(double offset) { m_offset = offset; }

 private:
  Rng m_rng;
  FakeKnobs* m_knobs;
  std::int64_t m_steps = 0;
  double m_total = 0.0;
  double m_offset = 0.0;
  bool m_prepared = false;
};

}  // namespace genlab::test
