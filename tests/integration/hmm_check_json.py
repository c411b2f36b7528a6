"""Checks the JSON printed by `genlab fit hmm --json` and `genlab decode hmm --json`.

  hmm_check_json.py FIT.json DECODE.json T K M
Exits non-zero with a message on the first mismatch."""
import json
import math
import sys

fit = json.load(open(sys.argv[1]))
dec = json.load(open(sys.argv[2]))
T, K, M = (int(a) for a in sys.argv[3:6])


def check(cond, what):
    if not cond:
        sys.exit(f"hmm_check_json: {what}")


def stochastic(rows, n_rows, n_cols, name):
    check(len(rows) == n_rows, f"{name} has {len(rows)} rows, expected {n_rows}")
    for i, row in enumerate(rows):
        check(len(row) == n_cols, f"{name}[{i}] has {len(row)} entries, expected {n_cols}")
        check(all(p >= 0 for p in row), f"{name}[{i}] has a negative entry")
        check(abs(sum(row) - 1) < 1e-9, f"{name}[{i}] sums to {sum(row)}")


check(set(fit) == {"emission", "start", "transition", "emission_probs", "log_likelihood",
                   "n_iter", "converged"}, f"fit keys {sorted(fit)}")
check(fit["emission"] == "discrete", "fit emission")
stochastic([fit["start"]], 1, K, "start")
stochastic(fit["transition"], K, K, "transition")
stochastic(fit["emission_probs"], K, M, "emission_probs")
check(isinstance(fit["n_iter"], int) and fit["n_iter"] >= 1, "n_iter")
check(isinstance(fit["converged"], bool), "converged")
# The casino data: one state should put clearly more mass on a six (symbol 6) than the other.
sixes = sorted(row[6] for row in fit["emission_probs"])
check(sixes[-1] > sixes[0] + 0.15, f"no loaded state found: P(6) per state {sixes}")

check(set(dec) == {"log_likelihood", "viterbi_path", "viterbi_log_prob", "posteriors"},
      f"decode keys {sorted(dec)}")
check(len(dec["viterbi_path"]) == T, "viterbi_path length")
check(all(isinstance(z, int) and 0 <= z < K for z in dec["viterbi_path"]), "viterbi_path ids")
stochastic(dec["posteriors"], T, K, "posteriors")
check(dec["viterbi_log_prob"] <= dec["log_likelihood"], "viterbi log-prob above log-likelihood")
ll_fit, ll_dec = fit["log_likelihood"], dec["log_likelihood"]
check(math.isfinite(ll_fit) and abs(ll_fit - ll_dec) <= 1e-9 * abs(ll_fit),
      f"decode log-likelihood {ll_dec!r} differs from fit's {ll_fit!r}")
print(f"ok: log-likelihood {ll_fit:.6f}, {fit['n_iter']} iterations")
