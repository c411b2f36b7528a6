"""Writes a dishonest-casino roll sequence (Durbin et al. 1998: fair die, loaded die with
P(6) = 1/2; fair->loaded 0.05, loaded->fair 0.1), faces 1..6 one per line, to argv[1].
Standard library only, seeded, so the test data is the same on every run."""
import random
import sys

rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1998)
length = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
state = 0
with open(sys.argv[1], "w") as out:
    for _ in range(length):
        weights = [1] * 6 if state == 0 else [1, 1, 1, 1, 1, 5]
        out.write(f"{rng.choices(range(1, 7), weights)[0]}\n")
        stay = 0.95 if state == 0 else 0.90
        if rng.random() >= stay:
            state = 1 - state
