# Shared by the kill-and-resume tests: train a lesson straight through, and again killed with
# SIGKILL at random moments and resumed with `train --resume`; the resumed metrics must equal
# the uninterrupted run's bit for bit. Needs: genlab, lessons, work, fail, py set by the caller.

# Metric columns without wall_time (column 2), the part that must match bit for bit.
metrics_without_time() { cut -d, -f1,3- "$1/metrics.csv"; }

kill_and_resume() {  # lesson steps name [--set ...]
  local lesson="$1" steps="$2" name="$3"; shift 3
  [[ "$lesson" == /* ]] || lesson="$lessons/$lesson"
  "$genlab" train "$lesson" --steps "$steps" "$@" --out "$work/$name-straight" --quiet
  local resumed=0 attempts=0
  # Under a sanitizer every process runs several times slower: one round keeps CI's time.
  local rounds=2
  [[ -z "${GENLAB_SANITIZE:-}" ]] || rounds=1
  # A round whose run finished before the kill tests nothing: try again, a few times at most.
  while ((resumed < rounds && attempts < rounds + 4)); do
    attempts=$((attempts + 1))
    local round=$attempts
    local run="$work/$name-killed-$round"
    "$genlab" train "$lesson" --steps "$steps" "$@" --out "$run" --quiet &
    local pid=$!
    # Kill at a random point of the run: once metrics.csv has a random number of rows (or the
    # run has ended by itself).
    local target=$((3 + RANDOM % (steps / 2)))
    while kill -0 "$pid" 2>/dev/null; do
      [[ -f "$run/metrics.csv" && $(wc -l < "$run/metrics.csv") -gt $target ]] && break
      sleep 0.01
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local status
    status=$("$genlab" runs show "$run" --json | $py -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    if [[ "$status" == "finished" ]]; then
      continue  # it finished before the kill; nothing to resume
    fi
    [[ "$status" == "interrupted" ]] || fail "$name: killed run reads as '$status'"
    resumed=$((resumed + 1))
    "$genlab" train --resume "$run" --quiet 2>/dev/null
    diff <(metrics_without_time "$work/$name-straight") <(metrics_without_time "$run") >/dev/null ||
      fail "$name round $round: resumed metrics differ from the uninterrupted run's"
    "$genlab" runs show "$run" --json | $py -c '
import json, sys
s = json.load(sys.stdin)
assert s["status"] == "finished", s["status"]
assert s["skipped_rows"] == 0, s["problems"]
assert any(e["kind"] == "resumed" for e in s["events"]), s["events"]
'
  done
  [[ $resumed -ge 1 ]] || fail "$name: no run was killed before it finished ($attempts tries)"
}

