#!/usr/bin/env bash
# serial: measures frame times and memory, which other tests on the same cores would disturb
# The short soak (docs/SOAK.md has the 20-minute one): the lab tours every lesson twice, each
# with a live twin opened and closed and the window exported, resident memory sampled each
# second. Passes when memory at the end of the second pass is within 5% of the end of the first
# (what a leak per lesson switch, per twin or per export breaks), every lesson opened, every
# twin and export happened, and the frame-time p95 stays under 40 ms.
set -euo pipefail
genlab="$1"
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
# Memory and time figures mean nothing under a sanitizer (its shadow memory and slowdown).
[[ -z "${GENLAB_SANITIZE:-}" ]] || { echo "sanitized build ($GENLAB_SANITIZE): skipped"; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
HOME="$work" "$genlab" --no-record --width 1280 --height 800 --soak "$work/soak.json" \
  --soak-cycles 2 --soak-dwell "${GENLAB_SOAK_DWELL:-2.5}" --soak-sample 1 2>"$work/log" || {
  cat "$work/log"
  exit 1
}
/usr/bin/python3 - "$work/soak.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
lessons = len(r["lessons"])
ends = [round(c["resident_mb"]) for c in r["cycle_ends"]]
print(f"{lessons} lessons x {r['cycles']} cycles; resident MB at cycle ends {ends}; "
      f"growth {r['growth_after_first_cycle']:+.3f}, peak growth "
      f"{r['peak_growth_after_first_cycle']:+.3f}; frame p95 {r['frames']['p95']:.1f} ms "
      f"over {r['frames']['count']} frames (lesson and twin switches: "
      f"{r['switch_frames']['count']} frames, max {r['switch_frames']['max']:.0f} ms); "
      f"{r['comparisons']} twins, {r['exports']} exports")
assert not r["failures"], r["failures"]
assert lessons >= 12 and r["cycles"] == 2, r
assert r["comparisons"] == 2 * lessons and r["exports"] == 2 * lessons, r
assert len(r["samples"]) >= 0.9 * r["total_seconds"] - 1, len(r["samples"])
assert all(s["resident_mb"] > 50 for s in r["samples"]), "resident memory was not read"
# A settled figure before the first lesson and after each lesson closes, heap beside resident.
assert len(r["settled"]) == 2 * lessons + 1, len(r["settled"])
assert all(s["heap_mb"] > 0 for s in r["settled"]), r["settled"][:3]
assert sorted(r["kept_by_lesson"]) == sorted(r["lessons"]), r["kept_by_lesson"].keys()
assert all(len(k["resident_mb"]) == 2 for k in r["kept_by_lesson"].values())
assert r["growth_after_first_cycle"] < 0.05, f"memory grew {r['growth_after_first_cycle']:.1%}"
assert r["frames"]["p95"] < 40.0, f"frame p95 {r['frames']['p95']:.1f} ms"
PY
