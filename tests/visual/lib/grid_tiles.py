"""Reading an image grid back out of a lab screenshot, at the place --report-layout gives.

Shared by the visual tests of the Boltzmann machine lessons (rbm_lesson.sh, dbm_lesson.sh)."""
import math

import numpy as np


def tiles(shot, view):
    """The grid's tiles as tile-sized grey images sampled at their pixels' centres, the scale
    (screen pixels per image pixel) and the grid's layout record."""
    g = view["grid"]
    gx, gy, gw, gh = g["rect"]
    tw, th = g["tile"]
    cols = g["columns"]
    scale = gw / (cols * tw + cols - 1)
    out = []
    for k in range(g["count"]):
        r, c = divmod(k, cols)
        x0 = gx + c * (tw + 1) * scale
        y0 = gy + r * (th + 1) * scale
        img = np.zeros((th, tw))
        for i in range(th):
            for j in range(tw):
                img[i, j] = shot[int(y0 + (i + 0.5) * scale), int(x0 + (j + 0.5) * scale)]
        out.append(img)
    return out, scale, g


def check_fits(shot, name, view):
    """The grid lies inside its view with tiles at least 60% of the largest that fit."""
    x, y, w, h = view["rect"]
    _, scale, g = tiles(shot, view)
    gx, gy, gw, gh = g["rect"]
    assert gx >= x - 1 and gy >= y - 1 and gx + gw <= x + w + 1 and gy + gh <= y + h + 1, name
    rows = math.ceil(g["count"] / g["columns"])
    best = min(w / (g["columns"] * g["tile"][0] + g["columns"] - 1),
               h / (rows * g["tile"][1] + rows - 1))
    print(f"{name}: {g['count']} tiles of {scale * g['tile'][0]:.0f} px "
          f"(best {best * g['tile'][0]:.0f})")
    assert scale >= 0.6 * best, (name, scale, best)
