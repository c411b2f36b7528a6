// The one translation unit of the char-RNN that includes LibTorch: network, training step,
// evaluation, sampling, the snapshot's views and the checkpoint.

#include "core/models/charrnn/charrnn_trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <numeric>
#include <optional>
#include <thread>

#include "core/nn/finite_check.h"
#include "core/nn/fused_adam.h"
#include "core/nn/torch_checkpoint.h"
#include "core/platform/threading.h"
#include "core/util/errors.h"
#include "core/util/non_finite.h"
#include "core/util/rng.h"

namespace genlab::charrnn {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// The streamed sample's own random stream: drawing it never moves the training's.
constexpr std::uint64_t kSampleStream = 0x5A3B1Eu;
// Characters streamed per second of wall time (at least one, at most 16 per snapshot).
constexpr double kStreamRate = 40.0;
// Heavy snapshot parts (state map, connectivity) are rebuilt at most this often, and take at
// most ~5% of the trainer thread.
constexpr auto kVisualsPeriod = std::chrono::milliseconds(1000);
constexpr int kVisualsCostFactor = 19;

// The carried state, one [1, streams, hidden] tensor per layer; `c` only for the LSTM.
struct State {
  std::vector<torch::Tensor> h;
  std::vector<torch::Tensor> c;

  State detached() const {
    State out;
    for (const auto& t : h) out.h.push_back(t.detach());
    for (const auto& t : c) out.c.push_back(t.detach());
    return out;
  }
};

struct CharNetImpl : torch::nn::Module {
  Cell cell;
  int vocab;
  int hidden;
  std::vector<torch::nn::LSTM> lstm;
  std::vector<torch::nn::GRU> gru;
  std::vector<torch::nn::RNN> rnn;
  torch::nn::Linear head{nullptr};

  CharNetImpl(Cell cellKind, int layers, int hiddenSize, int vocabulary)
      : cell(cellKind), vocab(vocabulary), hidden(hiddenSize) {
    for (int l = 0; l < layers; ++l) {
      const int in = l == 0 ? vocab : hidden;
      const std::string name = "layer" + std::to_string(l);
      if (cell == Cell::kLstm)
        lstm.push_back(register_module(name, torch::nn::LSTM(torch::nn::LSTMOptions(in, hidden))));
      if (cell == Cell::kGru)
        gru.push_back(register_module(name, torch::nn::GRU(torch::nn::GRUOptions(in, hidden))));
      if (cell == Cell::kRnn)
        rnn.push_back(register_module(name, torch::nn::RNN(torch::nn::RNNOptions(in, hidden))));
    }
    head = register_module("head", torch::nn::Linear(hidden, vocab));
  }

  int layers() const {
    return static_cast<int>(cell == Cell::kLstm  ? lstm.size()
                            : cell == Cell::kGru ? gru.size()
                                                 : rnn.size());
  }

  // torch's own initialisation (uniform in +-1/sqrt(hidden) for every weight and bias of the
  // recurrent layers and the head), drawn from the trainer's generator.
  void initialise(at::Generator& generator) {
    torch::NoGradGuard noGrad;
    const double bound = 1.0 / std::sqrt(static_cast<double>(hidden));
    for (auto& p : parameters()) p.uniform_(-bound, bound, generator);
  }

  State zeroState(std::int64_t streams) const {
    State s;
    for (int l = 0; l < layers(); ++l) {
      s.h.push_back(torch::zeros({1, streams, hidden}));
      if (cell == Cell::kLstm) s.c.push_back(torch::zeros({1, streams, hidden}));
    }
    return s;
  }

  // One recurrent layer over a [T, B, in] sequence; updates `state`'s layer l.
  torch::Tensor layer(int l, const torch::Tensor& x, State& state) {
    const auto i = static_cast<std::size_t>(l);
    if (cell == Cell::kLstm) {
      auto [out, hc] = lstm[i]->forward(x, std::make_tuple(state.h[i], state.c[i]));
      state.h[i] = std::get<0>(hc);
      state.c[i] = std::get<1>(hc);
      return out;
    }
    auto [out, h] =
        cell == Cell::kGru ? gru[i]->forward(x, state.h[i]) : rnn[i]->forward(x, state.h[i]);
    state.h[i] = h;
    return out;
  }

  // Dropout `p` on a layer's output when `generator` is given (training).
  static torch::Tensor dropout(torch::Tensor x, double p, at::Generator* generator) {
    if (generator == nullptr || p <= 0.0) return x;
    const auto keep = torch::empty_like(x).bernoulli_(1.0 - p, *generator);
    return x * keep / (1.0 - p);
  }

  // Logits [T, B, vocab] of the character after each input of `x` (one-hot, [T, B, vocab]),
  // through torch's own modules: the reference the fast path is tested against, and the path
  // that can differentiate with respect to the inputs (the connectivity view).
  torch::Tensor forward(torch::Tensor x, State& state, double p = 0.0,
                        at::Generator* generator = nullptr) {
    for (int l = 0; l < layers(); ++l) x = dropout(layer(l, x, state), p, generator);
    return head->forward(x);
  }

  // The same logits from character ids ([T, B] int64), the path training and sampling take.
  // The first layer's input projection W_ih x of a one-hot x is column x of W_ih: a row gather
  // of W_ih^T instead of a [T B, vocab] x [vocab, gates] product (and its two products in the
  // backward pass), about a quarter of the work of a 256-unit LSTM step on a 100-character
  // alphabet. The recurrence then runs the cell's equations with the same weights, in the same
  // order as ATen's CPU cells; the later layers are torch's modules.
  torch::Tensor forwardIds(const torch::Tensor& ids, State& state, double p = 0.0,
                           at::Generator* generator = nullptr) {
    torch::Tensor x = dropout(firstLayerFromIds(ids, state), p, generator);
    for (int l = 1; l < layers(); ++l) x = dropout(layer(l, x, state), p, generator);
    return head->forward(x);
  }

  torch::Tensor firstLayerFromIds(const torch::Tensor& ids, State& state) {
    torch::nn::Module& first = cell == Cell::kLstm  ? static_cast<torch::nn::Module&>(*lstm[0])
                               : cell == Cell::kGru ? static_cast<torch::nn::Module&>(*gru[0])
                                                    : static_cast<torch::nn::Module&>(*rnn[0]);
    const auto weights = first.named_parameters(/*recurse=*/false);
    const torch::Tensor wih = weights["weight_ih_l0"];
    const torch::Tensor whh = weights["weight_hh_l0"];
    // The LSTM's and RNN's W_hh gradient, sum over steps of dgates_t^T h_{t-1}, is left out of
    // the per-step products (W_hh enters them detached) and added after backward() as one
    // [gates, T B] x [T B, hidden] product (finishBackward): the same sum, without a hundred
    // thin K = batch products and a hundred accumulations into W_hh's gradient.
    const bool defer = cell != Cell::kGru && torch::GradMode::is_enabled() && whh.requires_grad();
    deferred.reset();
    const torch::Tensor whhT = defer ? whh.detach().t() : whh.t();
    const torch::Tensor bih = weights["bias_ih_l0"];
    const torch::Tensor bhh = weights["bias_hh_l0"];
    const std::int64_t steps = ids.size(0);
    // [T, B, gates x hidden]; the transposed copy is vocab x gates x hidden floats, and makes
    // each gathered row one contiguous read.
    const torch::Tensor projected = torch::embedding(wih.t().contiguous(), ids);
    torch::Tensor h = state.h[0][0];
    std::vector<torch::Tensor> outputs;
    // unbind, not projected[t]: the backward of one select per step would allocate and zero a
    // whole [T, B, gates] gradient each step; unbind's stacks the steps' gradients once.
    std::vector<torch::Tensor> inputs;
    outputs.reserve(static_cast<std::size_t>(steps));
    std::vector<torch::Tensor> previous;  // h_{t-1}, detached, when the W_hh gradient is deferred
    torch::Tensor stacked;                // the input part of every step's gates
    if (cell == Cell::kLstm) {
      stacked = projected + (bih + bhh);
      if (defer) stacked.retain_grad();
      inputs = stacked.unbind(0);
      torch::Tensor c = state.c[0][0];
      for (std::int64_t t = 0; t < steps; ++t) {
        if (defer) previous.push_back(h.detach());
        const auto gates = torch::addmm(inputs[static_cast<std::size_t>(t)], h, whhT).chunk(4, 1);
        const auto in = gates[0].sigmoid();
        const auto forget = gates[1].sigmoid();
        const auto candidate = gates[2].tanh();
        const auto out = gates[3].sigmoid();
        c = forget * c + in * candidate;
        h = out * c.tanh();
        outputs.push_back(h);
      }
      state.c[0] = c.unsqueeze(0);
    } else if (cell == Cell::kGru) {
      inputs = (projected + bih).unbind(0);
      for (std::int64_t t = 0; t < steps; ++t) {
        const auto input = inputs[static_cast<std::size_t>(t)].chunk(3, 1);
        const auto recurrent = torch::addmm(bhh, h, whhT).chunk(3, 1);
        const auto reset = (input[0] + recurrent[0]).sigmoid();
        const auto update = (input[1] + recurrent[1]).sigmoid();
        const auto candidate = (input[2] + reset * recurrent[2]).tanh();
        h = candidate + update * (h - candidate);
        outputs.push_back(h);
      }
    } else {
      stacked = projected + (bih + bhh);
      if (defer) stacked.retain_grad();
      inputs = stacked.unbind(0);
      for (std::int64_t t = 0; t < steps; ++t) {
        if (defer) previous.push_back(h.detach());
        h = torch::addmm(inputs[static_cast<std::size_t>(t)], h, whhT).tanh();
        outputs.push_back(h);
      }
    }
    state.h[0] = h.unsqueeze(0);
    if (defer) deferred = DeferredGradient{whh, stacked, torch::stack(previous)};
    return torch::stack(outputs);
  }

  // Adds the W_hh gradient firstLayerFromIds deferred. Call after backward() of a loss that
  // went through forwardIds with gradients on; a no-op otherwise.
  void finishBackward() {
    if (!deferred) return;
    const DeferredGradient d = std::move(*deferred);
    deferred.reset();
    const torch::Tensor gates = d.gates.grad();
    if (!gates.defined()) return;
    const std::int64_t rows = gates.size(0) * gates.size(1);
    const torch::Tensor update =
        gates.reshape({rows, gates.size(2)}).t().mm(d.previous.reshape({rows, d.previous.size(2)}));
    torch::Tensor& grad = d.weight.mutable_grad();
    if (grad.defined()) {
      grad.add_(update);
    } else {
      grad = update;
    }
  }

  struct DeferredGradient {
    torch::Tensor weight;    // W_hh of the first layer
    torch::Tensor gates;     // [T, B, gates]: its retained gradient is every step's dgates
    torch::Tensor previous;  // [T, B, hidden]: h_{t-1} of every step
  };
  std::optional<DeferredGradient> deferred;
};
TORCH_MODULE(CharNet);

torch::Tensor oneHot(const torch::Tensor& ids, int vocab) {
  return torch::one_hot(ids, vocab).to(torch::kFloat32);
}

// ids as a [T, B] int64 tensor.
torch::Tensor idsTensor(const std::vector<std::int64_t>& ids, std::int64_t t, std::int64_t b) {
  return torch::tensor(torch::ArrayRef<std::int64_t>(ids), torch::kInt64).view({t, b});
}

std::vector<float> toVector(const torch::Tensor& tensor) {
  const auto contiguous = tensor.contiguous().to(torch::kFloat32);
  const float* data = contiguous.data_ptr<float>();
  return {data, data + contiguous.numel()};
}

// Probabilities of `logits` (host doubles) at `temperature` > 0.
std::vector<double> softmax(const float* logits, int n, double temperature) {
  double top = -std::numeric_limits<double>::infinity();
  for (int i = 0; i < n; ++i) top = std::max(top, static_cast<double>(logits[i]));
  std::vector<double> p(static_cast<std::size_t>(n));
  double total = 0.0;
  for (int i = 0; i < n; ++i) {
    p[static_cast<std::size_t>(i)] = std::exp((logits[i] - top) / temperature);
    total += p[static_cast<std::size_t>(i)];
  }
  for (double& v : p) v /= total;
  return p;
}

// The character drawn from `logits`: argmax (the first largest) at temperature 0.
int choose(const float* logits, int n, double temperature, Rng& rng) {
  if (temperature <= 0.0) return static_cast<int>(std::max_element(logits, logits + n) - logits);
  return static_cast<int>(rng.categorical(softmax(logits, n, temperature)));
}

GeneratedChar describe(const float* logits, int n, int chosen) {
  const auto p = softmax(logits, n, 1.0);
  std::vector<int> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  const int k = std::min(5, n);
  std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) {
    return p[static_cast<std::size_t>(a)] > p[static_cast<std::size_t>(b)];
  });
  GeneratedChar g;
  g.id = chosen;
  g.probability = static_cast<float>(p[static_cast<std::size_t>(chosen)]);
  for (int i = 0; i < 5; ++i) {
    g.top[static_cast<std::size_t>(i)] = i < k ? order[static_cast<std::size_t>(i)] : -1;
    g.topProbability[static_cast<std::size_t>(i)] =
        i < k ? static_cast<float>(p[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])])
              : 0.0f;
  }
  return g;
}

}  // namespace

struct CharRnnTrainer::Impl {
  CharRnnConfig config;
  CharCorpus corpus;
  std::shared_ptr<const std::vector<std::string>> glyphs;
  std::vector<std::int32_t> evalText;  // the held-out characters evaluated on
  NgramBaselines baselines;
  std::uint64_t seed = 0;
  at::Generator generator;
  CharNet net{nullptr};
  std::unique_ptr<genlab::nn::FusedAdam> optimizer;

  // Training streams: stream b reads train[b * streamLength + position ...].
  std::int64_t streamLength = 0;
  std::int64_t position = 0;
  State state;
  std::int64_t epoch = 0;
  std::int64_t steps = 0;

  CharRnnSnapshot last;  // training and evaluation values of the latest step
  std::vector<std::string> messages;
  std::thread::id threadsSetOn{};
  int threadsSet = -1;

  // The streamed sample.
  Rng sampleRng;
  State sampleState;
  int sampleLast = -1;
  std::vector<GeneratedChar> sampleText;
  std::int64_t generated = 0;
  Clock::time_point lastStream{};

  std::shared_ptr<const StateMap> stateMap;
  std::shared_ptr<const Connectivity> connectivity;
  bool visualsDirty = true;
  std::int64_t visualsStep = -1;
  Clock::time_point nextVisuals{};

  Impl(const CharRnnConfig& cfg, CharCorpus text, std::uint64_t s)
      : config(cfg),
        corpus(std::move(text)),
        seed(s),
        generator(at::detail::createCPUGenerator(s)),
        sampleRng(s ^ kSampleStream) {
    if (corpus.size() < 2)
      throw DataError(corpus.source + ": the text has a single distinct character");
    glyphs = std::make_shared<const std::vector<std::string>>(corpus.glyphs);
    const std::size_t evalCount = std::min<std::size_t>(corpus.heldOut.size(), kHeldOutMax);
    evalText.assign(corpus.heldOut.begin(),
                    corpus.heldOut.begin() + static_cast<std::ptrdiff_t>(evalCount));
    baselines = ngramBaselines(corpus.train, evalText, corpus.size());
    last.unigramBits = baselines.unigramBits;
    last.bigramBits = baselines.bigramBits;
    restartStreams();
    buildNetwork();
  }

  int vocab() const { return corpus.size(); }

  void restartStreams() {
    const std::int64_t length = static_cast<std::int64_t>(corpus.train.size()) / config.batch;
    if (length < 2) {
      throw ConfigError("settings.batch: " + std::to_string(config.batch) +
                        " streams need at least " + std::to_string(2 * config.batch) +
                        " training characters; " + corpus.source + " has " +
                        std::to_string(corpus.train.size()));
    }
    streamLength = length;
    position = 0;
    if (!net.is_empty()) state = net->zeroState(config.batch);
  }

  void buildNetwork() {
    net = CharNet(config.cell, config.layers, config.hidden, vocab());
    net->initialise(generator);
    optimizer = std::make_unique<genlab::nn::FusedAdam>(net->parameters(),
                                                        torch::optim::AdamOptions(config.lr));
    state = net->zeroState(config.batch);
    position = 0;
    last.evaluated = false;
    resetSampler();
  }

  void resetSampler() {
    sampleState = {};
    sampleLast = -1;
    sampleText.clear();
    visualsDirty = true;
    stateMap.reset();
    connectivity.reset();
  }

  void setLearningRate(double lr) {
    for (auto& group : optimizer->param_groups())
      static_cast<torch::optim::AdamOptions&>(group.options()).lr(lr);
  }

  // Intra-op threads of the calling thread (OpenMP state is per thread): settings.threads, or
  // the process policy for 0. Set only when it changes, or on a new thread.
  void applyThreads() {
    if (threadsSet == config.threads && threadsSetOn == std::this_thread::get_id()) return;
    if (config.threads > 0) {
      at::set_num_threads(config.threads);
    } else {
      platform::adoptThreadPolicyOnThisThread();
    }
    threadsSet = config.threads;
    threadsSetOn = std::this_thread::get_id();
  }

  // Sum of -ln p over the predicted characters of `text` (text[1..]), cut into up to 32
  // streams read bptt characters at a time with the state carried; and how many there were.
  std::pair<double, std::int64_t> negativeLogLikelihood(const std::vector<std::int32_t>& text) {
    torch::NoGradGuard noGrad;
    const auto n = static_cast<std::int64_t>(text.size());
    const std::int64_t streams = std::clamp<std::int64_t>((n - 1) / 200, 1, 32);
    const std::int64_t length = n / streams;  // each stream predicts length - 1 characters
    State s = net->zeroState(streams);
    double total = 0.0;
    std::int64_t count = 0;
    for (std::int64_t start = 0; start + 1 < length; start += config.bptt) {
      const std::int64_t t = std::min<std::int64_t>(config.bptt, length - 1 - start);
      std::vector<std::int64_t> x(static_cast<std::size_t>(t * streams));
      std::vector<std::int64_t> y(x.size());
      for (std::int64_t i = 0; i < t; ++i) {
        for (std::int64_t b = 0; b < streams; ++b) {
          const auto at = static_cast<std::size_t>(b * length + start + i);
          x[static_cast<std::size_t>(i * streams + b)] = text[at];
          y[static_cast<std::size_t>(i * streams + b)] = text[at + 1];
        }
      }
      const auto logits = net->forwardIds(idsTensor(x, t, streams), s);
      total += torch::nn::functional::cross_entropy(
                   logits.view({t * streams, vocab()}), idsTensor(y, t * streams, 1).view({-1}),
                   torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                   .item<double>();
      count += t * streams;
    }
    return {total, count};
  }

  double evaluate() {
    const auto [nll, count] = negativeLogLikelihood(evalText);
    last.heldOutBits = nll / static_cast<double>(count) / std::numbers::ln2;
    last.evaluated = true;
    last.evaluatedAt = steps;
    return last.heldOutBits;
  }

  // The next window of every stream: inputs and targets [T, B].
  std::pair<torch::Tensor, torch::Tensor> nextWindow() {
    if (position + 1 >= streamLength) {
      position = 0;
      state = net->zeroState(config.batch);
      ++epoch;
    }
    const std::int64_t t = std::min<std::int64_t>(config.bptt, streamLength - 1 - position);
    const std::int64_t b = config.batch;
    std::vector<std::int64_t> x(static_cast<std::size_t>(t * b));
    std::vector<std::int64_t> y(x.size());
    for (std::int64_t i = 0; i < t; ++i) {
      for (std::int64_t s = 0; s < b; ++s) {
        const auto at = static_cast<std::size_t>(s * streamLength + position + i);
        x[static_cast<std::size_t>(i * b + s)] = corpus.train[at];
        y[static_cast<std::size_t>(i * b + s)] = corpus.train[at + 1];
      }
    }
    position += t;
    return {idsTensor(x, t, b), idsTensor(y, t, b)};
  }

  // Feeds `ids` to the sampler's state one character at a time; the logits after the last.
  std::vector<float> feed(State& s, const std::vector<int>& ids) {
    torch::Tensor logits;
    for (const int id : ids) {
      logits = net->forwardIds(torch::full({1, 1}, id, torch::kInt64), s);
    }
    return toVector(logits.view({-1}));
  }

  // The ids of `text`'s characters; ConfigError for one outside the alphabet.
  std::vector<std::int64_t> idsOf(const std::string& text) const {
    std::vector<std::int64_t> ids;
    for (const char32_t c : decodeUtf8(text, "text")) {
      const int id = corpus.find(c);
      if (id < 0) throw ConfigError("text: \"" + encodeUtf8(c) + "\" is not in the alphabet");
      ids.push_back(id);
    }
    return ids;
  }

  // The character a sample starts from when nothing is primed: a line feed when the text has
  // one, else its most frequent character.
  int startCharacter() const {
    if (const int newline = corpus.find(U'\n'); newline >= 0) return newline;
    std::vector<std::int64_t> counts(static_cast<std::size_t>(vocab()), 0);
    for (const auto id : corpus.train) ++counts[static_cast<std::size_t>(id)];
    return static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  }

  // Streams a few more characters into the sample (a whole sample when it is empty).
  void streamSample() {
    torch::NoGradGuard noGrad;
    net->eval();
    const auto now = Clock::now();
    int count = 0;
    if (sampleLast < 0) {
      sampleState = net->zeroState(1);
      sampleLast = startCharacter();
      count = kSampleChars;
    } else {
      const double seconds = std::chrono::duration<double>(now - lastStream).count();
      count = std::clamp(static_cast<int>(seconds * kStreamRate), 1, 16);
    }
    lastStream = now;
    for (int i = 0; i < count; ++i) {
      const auto logits = feed(sampleState, {sampleLast});
      const int next = choose(logits.data(), vocab(), config.temperature, sampleRng);
      sampleText.push_back(describe(logits.data(), vocab(), next));
      sampleLast = next;
      ++generated;
    }
    if (sampleText.size() > static_cast<std::size_t>(kSampleChars))
      sampleText.erase(sampleText.begin(),
                       sampleText.end() - static_cast<std::ptrdiff_t>(kSampleChars));
    net->train();
  }

  // The passage the state map and connectivity views read: held-out text from a line start.
  std::vector<int> passage(int length) const {
    const auto& text = corpus.heldOut;
    std::size_t start = 0;
    const int newline = corpus.find(U'\n');
    if (newline >= 0) {
      const auto it = std::find(text.begin(), text.end(), newline);
      if (it != text.end() &&
          static_cast<std::size_t>(text.end() - it) > static_cast<std::size_t>(length) + 2)
        start = static_cast<std::size_t>(it - text.begin()) + 1;
    }
    const std::size_t end = std::min(text.size(), start + static_cast<std::size_t>(length) + 1);
    return {text.begin() + static_cast<std::ptrdiff_t>(start),
            text.begin() + static_cast<std::ptrdiff_t>(end)};
  }

  void buildVisuals() {
    net->eval();
    {
      torch::NoGradGuard noGrad;
      auto map = std::make_shared<StateMap>();
      map->passage = passage(kPassage);
      if (map->passage.size() > static_cast<std::size_t>(kPassage)) map->passage.resize(kPassage);
      map->units = config.hidden;
      map->cellState = config.cell == Cell::kLstm;
      const auto columns = static_cast<std::int64_t>(map->passage.size());
      State s = net->zeroState(1);
      auto values = torch::zeros({config.hidden, columns});
      for (std::int64_t t = 0; t < columns; ++t) {
        net->forwardIds(
            torch::full({1, 1}, map->passage[static_cast<std::size_t>(t)], torch::kInt64), s);
        values.select(1, t).copy_((map->cellState ? s.c.back() : s.h.back()).view({-1}));
      }
      const auto variance = values.var(1, /*unbiased=*/false);
      const auto order = variance.argsort(0, /*descending=*/true);
      map->unitOrder.resize(static_cast<std::size_t>(config.hidden));
      for (int r = 0; r < config.hidden; ++r)
        map->unitOrder[static_cast<std::size_t>(r)] =
            static_cast<int>(order[r].item<std::int64_t>());
      map->values = toVector(values.index_select(0, order));
      stateMap = std::move(map);
    }
    {
      auto reach = std::make_shared<Connectivity>();
      auto text = passage(kReach);
      if (text.size() >= 2) {
        reach->target = text.back();
        text.pop_back();
        reach->passage = text;
        const auto t = static_cast<std::int64_t>(text.size());
        std::vector<std::int64_t> ids(text.begin(), text.end());
        auto x = oneHot(idsTensor(ids, t, 1), vocab()).requires_grad_(true);
        State s = net->zeroState(1);
        const auto logits = net->forward(x, s);
        const auto logp = torch::log_softmax(logits[t - 1][0], 0)[reach->target];
        const auto grad = torch::autograd::grad({logp}, {x})[0];
        reach->sensitivity = toVector(grad.view({t, vocab()}).pow(2).sum(1).sqrt());
      }
      connectivity = std::move(reach);
    }
    net->train();
  }
};

CharRnnTrainer::CharRnnTrainer(const CharRnnConfig& config, CharCorpus corpus, std::uint64_t seed)
    : m_impl(std::make_unique<Impl>(config, std::move(corpus), seed)) {}

CharRnnTrainer::~CharRnnTrainer() = default;

std::vector<std::string> CharRnnTrainer::metricNames() const {
  return {"train_bits", "held_out_bits", "unigram_bits", "bigram_bits", "grad_norm"};
}

train::StepOutcome CharRnnTrainer::step(std::span<double> metrics, std::stop_token stop) {
  Impl& m = *m_impl;
  train::StepOutcome outcome;
  outcome.messages = std::exchange(m.messages, {});
  if (stop.stop_requested()) return outcome;
  m.applyThreads();
  // Everything that changes the trainer is kept aside until the update is known to be finite.
  const std::int64_t positionBefore = m.position;
  const std::int64_t epochBefore = m.epoch;
  const State stateBefore = m.state;
  try {
    const auto [x, y] = m.nextWindow();
    const std::int64_t t = x.size(0);
    State carried = m.state.detached();
    const auto logits = m.net->forwardIds(x, carried, m.config.dropout, &m.generator);
    const auto loss = torch::nn::functional::cross_entropy(
        logits.view({t * m.config.batch, m.vocab()}), y.view({-1}));
    const double bits = loss.item<double>() / std::numbers::ln2;
    checkFinite(bits, "char-RNN loss", m.steps + 1, kStepNotApplied);
    genlab::nn::clearGradients(*m.optimizer);
    loss.backward();
    m.net->finishBackward();
    genlab::nn::checkFiniteGradients(*m.net, "char-RNN", m.steps + 1);
    const double maxNorm =
        m.config.clip > 0 ? m.config.clip : std::numeric_limits<double>::infinity();
    const double norm = torch::nn::utils::clip_grad_norm_(m.net->parameters(), maxNorm);
    m.optimizer->step();
    m.state = carried.detached();
    ++m.steps;
    m.last.trainBits = bits;
    const double values[] = {bits, 0.0, m.baselines.unigramBits, m.baselines.bigramBits, norm};
    // Every eval_every steps, and early on at steps 1, 2, 4, ..., 64 (those below eval_every)
    // so the held-out curve starts with the training one instead of a flat line from step 1.
    const bool early =
        m.steps <= 64 && m.steps < m.config.evalEvery && (m.steps & (m.steps - 1)) == 0;
    if (m.config.evalEvery > 0 && (!m.last.evaluated || early || m.steps % m.config.evalEvery == 0))
      m.evaluate();
    std::copy_n(values, std::min(metrics.size(), std::size(values)), metrics.begin());
    if (metrics.size() > 1)
      metrics[1] = m.last.evaluated ? m.last.heldOutBits : std::numeric_limits<double>::quiet_NaN();
  } catch (...) {
    m.position = positionBefore;
    m.epoch = epochBefore;
    m.state = stateBefore;
    throw;
  }
  return outcome;
}

train::SnapshotPtr CharRnnTrainer::snapshot() const {
  Impl& m = *m_impl;
  m.applyThreads();
  m.streamSample();
  const auto now = Clock::now();
  if (m.visualsDirty || (m.steps != m.visualsStep && now >= m.nextVisuals)) {
    m.buildVisuals();
    const auto cost = Clock::now() - now;
    m.nextVisuals =
        Clock::now() + std::max<Clock::duration>(kVisualsPeriod, cost * kVisualsCostFactor);
    m.visualsDirty = false;
    m.visualsStep = m.steps;
  }
  auto out = std::make_shared<CharRnnSnapshot>(m.last);
  out->step = m.steps;
  out->config = m.config;
  out->glyphs = m.glyphs;
  out->epoch = m.epoch;
  out->trainChars = static_cast<std::int64_t>(m.corpus.train.size());
  out->heldOutChars = static_cast<std::int64_t>(m.evalText.size());
  out->sample = m.sampleText;
  out->generated = m.generated;
  out->states = m.stateMap;
  out->connectivity = m.connectivity;
  return out;
}

void CharRnnTrainer::setParam(const std::string& key, const nlohmann::json& value) {
  Impl& m = *m_impl;
  const CharRnnConfig updated = CharRnnConfig::fromJson(json{{key, value}}, "settings", m.config);
  const CharRnnConfig old = m.config;
  m.config = updated;
  try {
    if (CharRnnConfig::rebuildsNetwork(key)) {
      m.buildNetwork();
      m.messages.push_back("settings." + key + " changed: a new network starts at step " +
                           std::to_string(m.steps));
    } else if (CharRnnConfig::restartsStreams(key)) {
      m.restartStreams();
      m.messages.push_back("settings." + key + " changed: the streams restart at the text's start");
    }
  } catch (...) {
    m.config = old;
    throw;
  }
  if (key == "lr") m.setLearningRate(updated.lr);
}

nlohmann::json CharRnnTrainer::settings() const {
  return m_impl->config.toJson();
}

void CharRnnTrainer::saveCheckpoint(const std::filesystem::path& file) const {
  const Impl& m = *m_impl;
  try {
    genlab::nn::CheckpointWriter out(modelName());
    out.module("network", *m.net);
    out.optimizer("optimizer", *m.optimizer);
    out.json("settings", m.config.toJson());
    out.integer("step", m.steps);
    out.integer("seed", static_cast<std::int64_t>(m.seed));
    out.generator("generator", m.generator);
    out.integer("position", m.position);
    out.integer("epoch", m.epoch);
    for (std::size_t l = 0; l < m.state.h.size(); ++l) {
      out.tensor("state_h" + std::to_string(l), m.state.h[l]);
      if (l < m.state.c.size()) out.tensor("state_c" + std::to_string(l), m.state.c[l]);
    }
    std::vector<std::int64_t> alphabet(m.corpus.alphabet.begin(), m.corpus.alphabet.end());
    out.tensor("alphabet", torch::tensor(torch::ArrayRef<std::int64_t>(alphabet), torch::kInt64));
    out.integer("train_chars", static_cast<std::int64_t>(m.corpus.train.size()));
    out.integer("held_out_chars", static_cast<std::int64_t>(m.corpus.heldOut.size()));
    out.real("train_bits", m.last.trainBits);
    out.flag("evaluated", m.last.evaluated);
    out.integer("evaluated_at", m.last.evaluatedAt);
    out.real("held_out_bits", m.last.heldOutBits);
    out.save(file);
  } catch (const c10::Error& error) {
    throw DataError(file.string() + ": cannot write the checkpoint (" +
                    std::string(error.what_without_backtrace()) + ")");
  }
}

void CharRnnTrainer::loadCheckpoint(const std::filesystem::path& file) {
  Impl& m = *m_impl;
  genlab::nn::CheckpointReader in(file);
  in.requireModel(modelName());
  const torch::Tensor alphabet = in.tensor("alphabet", torch::kInt64);
  const bool sameAlphabet =
      alphabet.dim() == 1 && alphabet.numel() == m.vocab() &&
      std::equal(m.corpus.alphabet.begin(), m.corpus.alphabet.end(),
                 alphabet.data_ptr<std::int64_t>(),
                 [](char32_t a, std::int64_t b) { return static_cast<std::int64_t>(a) == b; });
  if (!sameAlphabet) {
    in.fail("written for a text of " + std::to_string(alphabet.numel()) +
            " distinct characters, not this one's " + std::to_string(m.vocab()) +
            " (another text?)");
  }
  if (in.integer("train_chars") != static_cast<std::int64_t>(m.corpus.train.size()) ||
      in.integer("held_out_chars") != static_cast<std::int64_t>(m.corpus.heldOut.size()))
    in.fail("written for a text of another length (another text or split?)");
  CharRnnConfig config;
  try {
    config = CharRnnConfig::fromJson(in.json("settings"), "settings");
  } catch (const ConfigError& error) {
    in.fail(std::string("its ") + error.what());
  }
  const std::int64_t streamLength = static_cast<std::int64_t>(m.corpus.train.size()) / config.batch;
  if (streamLength < 2) in.fail("its settings.batch does not fit this text");
  const std::int64_t steps = in.integer("step", 0, std::numeric_limits<std::int64_t>::max());
  const std::int64_t position = in.integer("position", 0, streamLength - 1);
  const std::int64_t epoch = in.integer("epoch", 0, std::numeric_limits<std::int64_t>::max());
  CharNet net(config.cell, config.layers, config.hidden, m.vocab());
  in.module("network", *net);
  auto optimizer = std::make_unique<genlab::nn::FusedAdam>(net->parameters(),
                                                           torch::optim::AdamOptions(config.lr));
  in.optimizer("optimizer", *optimizer);
  at::Generator generator = in.generator("generator");
  State state;
  for (int l = 0; l < config.layers; ++l) {
    const std::vector<std::int64_t> shape = {1, config.batch, config.hidden};
    state.h.push_back(in.tensor("state_h" + std::to_string(l), torch::kFloat32, shape));
    if (config.cell == Cell::kLstm)
      state.c.push_back(in.tensor("state_c" + std::to_string(l), torch::kFloat32, shape));
  }
  CharRnnSnapshot last = m.last;
  last.trainBits = in.real("train_bits");
  last.evaluated = in.flag("evaluated");
  last.evaluatedAt = in.integer("evaluated_at", 0, steps);
  last.heldOutBits = in.real("held_out_bits");
  const auto seed = static_cast<std::uint64_t>(in.integer("seed"));

  // All read: swap it in (nothing below throws).
  m.config = config;
  m.net = net;
  m.optimizer = std::move(optimizer);
  m.generator = generator;
  m.seed = seed;
  m.streamLength = streamLength;
  m.position = position;
  m.epoch = epoch;
  m.steps = steps;
  m.state = state;
  m.last = last;
  m.messages.clear();
  m.threadsSet = -1;
  m.resetSampler();
}

std::int64_t CharRnnTrainer::stepsDone() const {
  return m_impl->steps;
}

const CharCorpus& CharRnnTrainer::corpus() const {
  return m_impl->corpus;
}

std::string CharRnnTrainer::sample(const SampleRequest& request) {
  Impl& m = *m_impl;
  const std::u32string prime = decodeUtf8(request.prime, "--prime");
  std::vector<int> ids;
  for (std::size_t i = 0; i < prime.size(); ++i) {
    const int id = m.corpus.find(prime[i]);
    if (id < 0) {
      const std::string glyph = encodeUtf8(prime[i]);
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(prime[i]));
      throw ConfigError("--prime: character " + std::to_string(i + 1) + " (\"" + glyph + "\", " +
                        code + ") is not in the text's " + std::to_string(m.vocab()) +
                        " characters");
    }
    ids.push_back(id);
  }
  m.applyThreads();
  torch::NoGradGuard noGrad;
  m.net->eval();
  Rng rng(request.seed);
  State s = m.net->zeroState(1);
  std::string out = request.prime;
  auto logits = m.feed(s, ids.empty() ? std::vector<int>{m.startCharacter()} : ids);
  for (int i = 0; i < request.length; ++i) {
    const int next = choose(logits.data(), m.vocab(), request.temperature, rng);
    out += m.corpus.glyphs[static_cast<std::size_t>(next)];
    if (i + 1 < request.length) logits = m.feed(s, {next});
  }
  m.net->train();
  return out;
}

double CharRnnTrainer::evaluateHeldOut() {
  m_impl->applyThreads();
  torch::NoGradGuard noGrad;
  m_impl->net->eval();
  const double bits = m_impl->evaluate();
  m_impl->net->train();
  return bits;
}

std::vector<float> CharRnnTrainer::logitsOf(const std::string& text, ForwardPath path) {
  Impl& m = *m_impl;
  const auto ids = m.idsOf(text);
  torch::NoGradGuard noGrad;
  m.net->eval();
  State s = m.net->zeroState(1);
  std::vector<float> out;
  const auto t = static_cast<std::int64_t>(ids.size());
  if (path == ForwardPath::kOneAtATime) {
    for (const auto id : ids) {
      const auto logits = m.feed(s, {static_cast<int>(id)});
      out.insert(out.end(), logits.begin(), logits.end());
    }
  } else if (path == ForwardPath::kSequence) {
    out = toVector(m.net->forwardIds(idsTensor(ids, t, 1), s));
  } else {
    out = toVector(m.net->forward(oneHot(idsTensor(ids, t, 1), m.vocab()), s));
  }
  m.net->train();
  return out;
}

std::vector<std::pair<std::string, std::vector<float>>> CharRnnTrainer::gradientsOf(
    const std::string& text, ForwardPath path) {
  Impl& m = *m_impl;
  const auto ids = m.idsOf(text);
  const auto t = static_cast<std::int64_t>(ids.size()) - 1;
  if (t < 1) throw ConfigError("text: at least two characters");
  const std::vector<std::int64_t> inputs(ids.begin(), ids.end() - 1);
  const std::vector<std::int64_t> targets(ids.begin() + 1, ids.end());
  State s = m.net->zeroState(1);
  const auto x = idsTensor(inputs, t, 1);
  const auto logits = path == ForwardPath::kTorchModules ? m.net->forward(oneHot(x, m.vocab()), s)
                                                         : m.net->forwardIds(x, s);
  const auto loss = torch::nn::functional::cross_entropy(logits.view({t, m.vocab()}),
                                                         idsTensor(targets, t, 1).view({-1}));
  genlab::nn::clearGradients(*m.optimizer);
  loss.backward();
  m.net->finishBackward();
  std::vector<std::pair<std::string, std::vector<float>>> out;
  for (const auto& item : m.net->named_parameters())
    out.emplace_back(item.key(), toVector(item.value().grad()));
  genlab::nn::clearGradients(*m.optimizer);
  return out;
}

std::vector<std::pair<std::string, std::vector<float>>> CharRnnTrainer::parameters() const {
  std::vector<std::pair<std::string, std::vector<float>>> out;
  for (const auto& item : m_impl->net->named_parameters())
    out.emplace_back(item.key(), toVector(item.value()));
  return out;
}

}  // namespace genlab::charrnn
