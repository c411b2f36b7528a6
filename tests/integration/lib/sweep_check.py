"""Checks a finished sweep folder against its own runs, recomputing what genlab reported.

usage: sweep_check.py SWEEP_FOLDER SUMMARY_JSON RUNS_EXPECTED
Every point of sweep.json must be a finished run folder made by `genlab train` whose run.json
has the point's settings and seed; the summary's mean, sd and n per grid point and metric must
equal those recomputed here from each run's metrics.csv last row; summary.csv must say the same.
"""
import csv
import json
import math
import os
import statistics
import sys

folder, summary_file, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
sweep = json.load(open(os.path.join(folder, "sweep.json")))
summary = json.load(open(summary_file))
points = sweep["points"]
assert len(points) == expected, f"{len(points)} points, expected {expected}"
run_folders = sorted(d for d in os.listdir(folder) if os.path.isfile(os.path.join(folder, d, "run.json")))
assert run_folders == sorted(p["run"] for p in points), (run_folders, [p["run"] for p in points])

finals = {}  # grid point -> metric -> [values]
for point in points:
    run = json.load(open(os.path.join(folder, point["run"], "run.json")))
    assert run["status"] == "finished", (point["run"], run["status"])
    assert run["origin"] == "sweep", run["origin"]
    assert run["seed"] == point["seed"] == sweep["base_seed"] + point["seed_index"], point
    for key, value in point["settings"].items():
        assert run["settings"][key] == value, (point["run"], key, run["settings"][key], value)
    assert run["steps_requested"] == sweep["steps"]
    with open(os.path.join(folder, point["run"], "metrics.csv")) as f:
        rows = list(csv.reader(f))
    header, last = rows[0], rows[-1]
    for name, cell in zip(header[2:], last[2:]):
        finals.setdefault(point["grid_point"], {}).setdefault(name, []).append(float(cell))

def close(a, b):
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)

with open(os.path.join(folder, "summary.csv")) as f:
    table = list(csv.DictReader(f))
grid_points = len(points) // sweep["seeds"]
assert len(summary["points"]) == grid_points == len(table), (len(summary["points"]), len(table))
for reported, row in zip(summary["points"], table):
    mine = finals[reported["grid_point"]]
    assert reported["finished"] == sweep["seeds"], reported
    assert set(mine) == set(summary["metrics"]), (set(mine), summary["metrics"])
    for name, values in mine.items():
        got = reported["metrics"][name]
        assert got["n"] == len(values) == int(row[name + "_n"]), (name, got, row)
        assert close(got["mean"], statistics.fmean(values)), (name, got, values)
        assert close(float(row[name + "_mean"]), statistics.fmean(values)), (name, row, values)
        if len(values) > 1:
            assert close(got["sd"], statistics.stdev(values)), (name, got, values)
            assert close(float(row[name + "_sd"]), statistics.stdev(values)), (name, row, values)
print(f"sweep_check: {len(points)} runs and {grid_points} grid points agree with the summary")
