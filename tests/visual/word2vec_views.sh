#!/usr/bin/env bash
# The word2vec views in the real lab window at 1920x1080, normal and presentation mode, each view
# in turn as the large one (--every-view): the tiny lesson after 15,000 updates, and the fortunes
# lesson after one step. Checks the --report-layout with check_layout.py (readable views, no
# label over another or cut), and that the pictures drew what they are for: the one-update view
# names the true word and the context vector h and shows sigma values, the embedding labels most
# of the 31 words with the chosen word "apple" among them, the heat maps label their rows, and
# the neighbours view names a bar per neighbour. Screenshots stay in word2vec_screenshots/.
set -euo pipefail
genlab="$1"
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
here="$(cd "$(dirname "$0")" && pwd)"
lessons="$here/../../assets/lessons"
out="$PWD/word2vec_screenshots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

run() {  # name lesson steps extra...
  local name=$1 lesson=$2 steps=$3
  shift 3
  for mode in normal present; do
    local flags=()
    [[ $mode == present ]] && flags=(--present)
    HOME="$work" "$genlab" --lesson "$lessons/$lesson.json" --no-record --steps "$steps" \
      --frames 4 --every-view --width 1920 --height 1080 "${flags[@]}" "$@" \
      --screenshot "$out/$name-$mode.png" --report-layout "$out/$name-$mode.json" \
      >"$work/$name-$mode.log" 2>&1 || { cat "$work/$name-$mode.log"; exit 1; }
    /usr/bin/python3 "$here/check_layout.py" "$out/$name-$mode.json"
  done
}

run tiny word2vec_one_update 1500
if [[ -d /usr/share/games/fortunes || -d /usr/share/common-licenses ]]; then
  run fortunes word2vec_fortunes 1
fi

/usr/bin/python3 - "$out" "$here/../../assets/corpora/fruit_and_juice.txt" <<'PY'
import json, sys
out, corpus = sys.argv[1], sys.argv[2]
vocabulary = {w for line in open(corpus) for w in line.split()}

def rounds(report):
    """The report's frame and each --every-view round: lists of view entries."""
    yield report["views"]
    for earlier in report.get("earlier_rounds", []):
        yield earlier["views"]

def texts(view):
    return [t["text"] for t in view.get("labels", [])]

for mode in ("normal", "present"):
    report = json.load(open(f"{out}/tiny-{mode}.json"))
    seen = {}
    for views in rounds(report):
        for v in views:
            # The largest drawing of each view (the round where it is the main one).
            area = v["rect"][2] * v["rect"][3]
            if v["view"] not in seen or area > seen[v["view"]][0]:
                seen[v["view"]] = (area, v)
    assert {"One update", "Embedding (2-D)", "Input and output vectors", "Nearest neighbours",
            "Loss"} <= set(seen), (mode, sorted(seen))
    one = texts(seen["One update"][1])
    assert any(t.endswith("(h)") for t in one), (mode, one)
    assert any(t.endswith("(u)") and t[:-4] in vocabulary for t in one), (mode, one)
    assert sum(1 for t in one if t.replace(".", "").isdigit()) >= 4, (mode, "sigma values", one)
    embedding = [t for t in texts(seen["Embedding (2-D)"][1]) if t in vocabulary]
    assert "apple" in embedding, (mode, embedding)
    assert len(set(embedding)) >= (20 if mode == "normal" else 12), (mode, len(set(embedding)))
    matrices = [t for t in texts(seen["Input and output vectors"][1]) if t in vocabulary]
    assert len(set(matrices)) >= (20 if mode == "normal" else 12), (mode, len(set(matrices)))
    neighbours = [t for t in texts(seen["Nearest neighbours"][1]) if t in vocabulary]
    # Eight bars where names fit under them (normal type); fewer, each still named, in
    # presentation type.
    assert len(set(neighbours)) >= (8 if mode == "normal" else 4), (mode, neighbours)
    assert "apple" not in neighbours, (mode, neighbours)
    print(f"tiny {mode}: one update {len(one)} labels, embedding {len(set(embedding))} words, "
          f"heat maps {len(set(matrices))} rows labelled, neighbours {neighbours}")
PY
echo "screenshots: $out"
