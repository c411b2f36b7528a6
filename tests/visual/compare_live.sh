#!/usr/bin/env bash
# Two live sessions: --compare-with trains the lesson and a copy with one setting changed side
# by side, records both as run folders in --runs, and shows them at the same step. Then the
# recorded runs reopen in the lab, and a recorded run resumes from the command line.
set -euo pipefail
genlab="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
here="$(cd "$(dirname "$0")" && pwd)"
lesson="$here/../../assets/lessons/gmm_three_blobs.json"
py=/usr/bin/python3

"$genlab" --lesson "$lesson" --set tol=0 --compare-with k=5 --steps 30 --frames 3 \
  --width 1280 --height 800 --runs "$work/runs" --screenshot "$work/live.png" \
  --report-layout "$work/live.json"
$py - "$work/live.json" "$work/runs" "$genlab" <<'PY'
import json, subprocess, sys
layout, runs, genlab = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
views = [v for v in layout["views"] if v.get("view") != "curves"]
curves = [v for v in layout["views"] if v.get("view") == "curves"]
assert len(views) == 2 and views[0]["view"] == views[1]["view"], views
assert views[0]["step"] == views[1]["step"] == 30, [v["step"] for v in views]
assert curves and curves[0]["curves"] == 2, curves
# Both sessions were recorded, each with its own settings, whole.
listing = json.loads(subprocess.check_output([genlab, "runs", "list", runs, "--json"]))
assert len(listing) == 2, [r["folder"] for r in listing]
ks = sorted(r["settings"]["k"] for r in listing)
assert ks == [3, 5], ks
for r in listing:
    assert r["status"] == "finished", r["status"]
    assert r["steps"] == 30, r["steps"]
    assert r["checkpoints"][0]["step"] == 0 and r["checkpoints"][-1]["step"] == 30, r["checkpoints"]
changed = [r["changed_settings"] for r in listing if r["settings"]["k"] == 5][0]
assert changed.get("k") == 5, changed
print("live compare: ok")
PY

# The recorded runs reopen side by side at their last step.
mapfile -t folders < <(find "$work/runs" -name run.json -printf '%h\n' | sort)
"$genlab" --open "${folders[0]}" --open "${folders[1]}" --frames 3 --width 1280 --height 800 \
  --screenshot "$work/reopened.png" --report-layout "$work/reopened.json"
$py -c '
import json, sys
views = [v for v in json.load(open(sys.argv[1]))["views"] if v.get("view") != "curves"]
assert [v["step"] for v in views] == [30, 30], views
' "$work/reopened.json"

# The lab's Resume (--resume): a run trained 20 steps from the shell continues live in the lab
# for 25 more, recorded into the same folder, equal bit for bit to 45 uninterrupted steps.
"$genlab" train "$lesson" --steps 20 --set tol=0 --out "$work/resumed" --quiet 2>/dev/null
"$genlab" train "$lesson" --steps 45 --set tol=0 --out "$work/straight" --quiet 2>/dev/null
"$genlab" --resume "$work/resumed" --steps 25 --frames 2 --width 1280 --height 800 \
  --screenshot "$work/resume.png" --report-layout "$work/resume.json"
diff <(cut -d, -f1,3- "$work/straight/metrics.csv") <(cut -d, -f1,3- "$work/resumed/metrics.csv") \
  >/dev/null || { echo "FAIL: the lab's resume differs from the uninterrupted run" >&2; exit 1; }
$py -c '
import json, sys
layout = json.load(open(sys.argv[1]))
assert "step 45" in layout["window"], layout["window"]
info = json.load(open(sys.argv[2]))
assert info["status"] == "finished" and info["steps_done"] == 45, (info["status"], info["steps_done"])
assert [e["kind"] for e in info["events"]] == ["resumed"], info["events"]
' "$work/resume.json" "$work/resumed/run.json"

# A scripted run without --runs records nothing (tests and figures leave no folders behind).
HOME="$work/home" "$genlab" --lesson "$lesson" --steps 3 --frames 2 --screenshot "$work/x.png"
[[ ! -e "$work/home/.local/share/genlab/runs" ]] || { echo "FAIL: a scripted run recorded" >&2; exit 1; }
echo "compare_live: all checks passed"
