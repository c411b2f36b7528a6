#include "core/models/charrnn/charrnn_config.h"

#include <string>

#include "core/data/json_fields.h"
#include "core/util/errors.h"

namespace genlab::charrnn {

using data::joinKey;
using nlohmann::json;

std::string_view toString(Cell cell) {
  switch (cell) {
    case Cell::kRnn:
      return "rnn";
    case Cell::kGru:
      return "gru";
    case Cell::kLstm:
      break;
  }
  return "lstm";
}

bool CharRnnConfig::rebuildsNetwork(std::string_view key) {
  return key == "cell" || key == "layers" || key == "hidden";
}

bool CharRnnConfig::restartsStreams(std::string_view key) {
  return key == "bptt" || key == "batch";
}

json CharRnnConfig::toJson() const {
  return {{"cell", std::string(toString(cell))},
          {"layers", layers},
          {"hidden", hidden},
          {"bptt", bptt},
          {"batch", batch},
          {"lr", lr},
          {"clip", clip},
          {"dropout", dropout},
          {"temperature", temperature},
          {"eval_every", evalEvery},
          {"threads", threads}};
}

CharRnnConfig CharRnnConfig::fromJson(const json& value, std::string_view prefix) {
  return fromJson(value, prefix, CharRnnConfig{});
}

CharRnnConfig CharRnnConfig::fromJson(const json& value, std::string_view prefix,
                                      const CharRnnConfig& base) {
  data::requireObjectWithKeys(value, prefix,
                              {"cell", "layers", "hidden", "bptt", "batch", "lr", "clip", "dropout",
                               "temperature", "eval_every", "threads"});
  CharRnnConfig config = base;
  const auto key = [&](std::string_view name) { return joinKey(prefix, name); };
  const auto integer = [&](const char* name, long long lo, long long hi) {
    return static_cast<int>(data::readInt(value[name], key(name), lo, hi));
  };
  if (value.contains("cell")) {
    const std::string name = data::readString(value["cell"], key("cell"));
    if (name == "rnn") {
      config.cell = Cell::kRnn;
    } else if (name == "lstm") {
      config.cell = Cell::kLstm;
    } else if (name == "gru") {
      config.cell = Cell::kGru;
    } else {
      throw ConfigError(key("cell") + ": \"" + name +
                        "\" is not one of \"rnn\", \"lstm\", \"gru\"");
    }
  }
  if (value.contains("layers")) config.layers = integer("layers", 1, 3);
  if (value.contains("hidden")) config.hidden = integer("hidden", 4, 2048);
  if (value.contains("bptt")) config.bptt = integer("bptt", 2, 1000);
  if (value.contains("batch")) config.batch = integer("batch", 1, 1024);
  if (value.contains("lr")) {
    config.lr = data::readDouble(value["lr"], key("lr"), 0, 1);
    if (!(config.lr > 0)) throw ConfigError(key("lr") + ": must be greater than 0");
  }
  if (value.contains("clip")) config.clip = data::readDouble(value["clip"], key("clip"), 0, 1e6);
  if (value.contains("dropout"))
    config.dropout = data::readDouble(value["dropout"], key("dropout"), 0, 0.9);
  if (value.contains("temperature"))
    config.temperature = data::readDouble(value["temperature"], key("temperature"), 0, 5);
  if (value.contains("eval_every")) config.evalEvery = integer("eval_every", 0, 1'000'000'000);
  if (value.contains("threads")) config.threads = integer("threads", 0, 256);
  return config;
}

}  // namespace genlab::charrnn
