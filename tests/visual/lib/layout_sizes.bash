# Opens lessons in the real lab at one window size, in normal and presentation mode, with each
# of the lesson's views in turn as the large one (--every-view), and checks the --report-layout
# of each with check_layout.py: every view at least 300x200, no label of a
# picture over another or out of its rect, no panel's content cut off. The screenshots stay in
# layout_screenshots/ under the test's working directory, for a person to look at.
# Usage (from a test script): check_layout_at WIDTH HEIGHT GENLAB
# Under sanitizers it opens one lesson of each family instead of all of them.
check_layout_at() {
  local width="$1" height="$2" genlab="$3"
  [[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
  local here lessons=() out work
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  out="$PWD/layout_screenshots"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  mkdir -p "$out"
  if [[ -n "${GENLAB_SANITIZE:-}" ]]; then
    lessons=(gmm_three_blobs hmm_casino)
  else
    for file in "$here"/../../assets/lessons/*.json; do lessons+=("$(basename "$file" .json)"); done
  fi
  local failed=0 lesson mode name
  for lesson in "${lessons[@]}"; do
    for mode in normal present; do
      name="${lesson}_${width}x${height}_${mode}"
      local flags=()
      [[ "$mode" == present ]] && flags=(--present)
      if ! HOME="$work" "$genlab" --lesson "$here/../../assets/lessons/$lesson.json" --no-record \
        --steps 3 --frames 3 --every-view --width "$width" --height "$height" "${flags[@]}" \
        --screenshot "$out/$name.png" --report-layout "$out/$name.json" >"$work/$name.log" 2>&1; then
        echo "$name: the lab failed:"
        cat "$work/$name.log"
        failed=1
        continue
      fi
      /usr/bin/python3 "$here/check_layout.py" "$out/$name.json" || failed=1
    done
  done
  echo "screenshots: $out"
  return "$failed"
}
