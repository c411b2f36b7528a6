#!/usr/bin/env python3
"""Checks a lab --report-layout file: every view is large enough to read, no string a picture
drew overlaps another or leaves the rect it must stay in, and no panel's content is cut off.

Usage: check_layout.py REPORT.json [REPORT.json ...]   prints every problem, exits 1 if any.
"""
import json
import sys

MIN_VIEW = (300, 200)  # the smallest view a class can read (logical pixels)
SLACK = 1.5  # pixels: rounding of text boxes and window borders


def overlap(a, b):
    """Area shared by two [x0, y0, x1, y1] boxes, beyond SLACK on each side."""
    w = min(a[2], b[2]) - max(a[0], b[0]) - SLACK
    h = min(a[3], b[3]) - max(a[1], b[1]) - SLACK
    return w > 0 and h > 0


def outside(box, clip):
    return (box[0] < clip[0] - SLACK or box[1] < clip[1] - SLACK or box[2] > clip[2] + SLACK
            or box[3] > clip[3] + SLACK)


def problems_in(report):
    """Problems in the report's frame and in every earlier round (--every-view)."""
    found = []
    for earlier in report.get("earlier_rounds", []):
        found += [f"with tab {earlier['tab'] + 1} large: {p}" for p in problems_in(earlier)]
    for view in report.get("views", []):
        name = view.get("view", "?")
        x, y, w, h = view["rect"]
        if w < MIN_VIEW[0] or h < MIN_VIEW[1]:
            found.append(f"view '{name}' is {w:.0f}x{h:.0f}, smaller than "
                         f"{MIN_VIEW[0]}x{MIN_VIEW[1]}")
        if "content" in view:
            c, inner = view["content"], view["inner"]
            if c[2] > inner[2] + SLACK or c[3] > inner[3] + SLACK:
                found.append(f"view '{name}': content reaches {c[2]:.0f},{c[3]:.0f} past its "
                             f"window's inside {inner[2]:.0f},{inner[3]:.0f} (cut off)")
        labels = [t for t in view.get("labels", []) if t["text"].strip()]
        for t in labels:
            if outside(t["rect"], t["clip"]):
                found.append(f"view '{name}': label '{t['text']}' at {fmt(t['rect'])} leaves "
                             f"its rect {fmt(t['clip'])}")
        for i, a in enumerate(labels):
            for b in labels[i + 1:]:
                if overlap(a["rect"], b["rect"]):
                    found.append(f"view '{name}': labels '{a['text']}' {fmt(a['rect'])} and "
                                 f"'{b['text']}' {fmt(b['rect'])} overlap")
    for panel in report.get("panels", []):
        c, inner = panel["content"], panel["inner"]
        cut_y = not panel.get("scrolls") and c[3] > inner[3] + SLACK
        if c[2] > inner[2] + SLACK or cut_y:
            found.append(f"{panel['panel']}: content reaches {c[2]:.0f},{c[3]:.0f} past its "
                         f"inside {inner[2]:.0f},{inner[3]:.0f} (cut off)")
    return found


def fmt(box):
    return "[" + ", ".join(f"{v:.0f}" for v in box) + "]"


def main(paths):
    failed = False
    for path in paths:
        with open(path) as f:
            report = json.load(f)
        found = problems_in(report)
        views = report.get("views", [])
        if not views:
            found.append("no views were drawn")
        for problem in found:
            print(f"{path}: {problem}")
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
