#pragma once
// Settings of a character-level RNN lesson: typed, with defaults and ranges, and a strict JSON
// round trip in a lesson's "settings" format:
//
//   {"cell": "lstm", "layers": 1, "hidden": 256, "bptt": 100, "batch": 32, "lr": 2e-3,
//    "clip": 5, "dropout": 0, "temperature": 0.8, "eval_every": 100, "threads": 1}
//
// Every key is optional; an unknown key, a wrong type or a value out of range throws
// genlab::ConfigError naming "settings.<key>".
//
// Live settings (applied at the next step): lr, clip, dropout, temperature, eval_every,
// threads. cell, layers and hidden shape the network: changing them builds a new one. bptt and
// batch decide how the training text is cut into streams: changing them restarts the streams
// (and the carried state) at the start of the text.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace genlab::charrnn {

enum class Cell { kRnn, kLstm, kGru };

std::string_view toString(Cell cell);

struct CharRnnConfig {
  Cell cell = Cell::kLstm;
  int layers = 1;        // [1, 3]
  int hidden = 256;      // [4, 2048]
  int bptt = 100;        // characters per truncated backpropagation window, [2, 1000]
  int batch = 32;        // parallel streams through the text, [1, 1024]
  double lr = 2e-3;      // Adam learning rate, (0, 1]
  double clip = 5.0;     // largest gradient norm (all parameters together); 0: no clipping
  double dropout = 0.0;  // on every layer's output, before the next layer and the head, [0, 0.9]
  // Sampling temperature of the samples the lab streams (0: argmax), [0, 5].
  double temperature = 0.8;
  // Steps between held-out evaluations, [0, 1e9]; 0: none (held_out_bits is NaN until one
  // has been made), for benchmarks that time training alone.
  int evalEvery = 100;
  // LibTorch intra-op threads of the trainer; 0: the process's policy (threading.h). One by
  // default: measured on the 2-core machine, two threads made this model several times slower
  // (docs/CHARRNN.md).
  int threads = 1;

  static bool rebuildsNetwork(std::string_view key);  // cell, layers, hidden
  static bool restartsStreams(std::string_view key);  // bptt, batch

  nlohmann::json toJson() const;
  static CharRnnConfig fromJson(const nlohmann::json& json, std::string_view prefix = "settings");
  static CharRnnConfig fromJson(const nlohmann::json& json, std::string_view prefix,
                                const CharRnnConfig& base);
};

}  // namespace genlab::charrnn
