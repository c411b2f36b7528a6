"""Checks a lab screenshot by properties a broken lab would get wrong: the size, not blank,
the three panels where the layout puts them, and the GMM components' colours (Okabe-Ito
blue, orange, bluish green) in the data panel, where the ellipses and points are."""
import sys
from PIL import Image

OKABE_ITO = {"blue": (0, 114, 178), "orange": (230, 159, 0), "green": (0, 158, 115),
             "vermillion": (213, 94, 0), "sky": (86, 180, 233)}


def near(pixel, colour, tolerance=40):
    return all(abs(int(p) - c) <= tolerance for p, c in zip(pixel[:3], colour))


def count_colour(image, box, colour):
    region = image.crop(box)
    return sum(1 for p in region.getdata() if near(p, colour))


def check(path, normal):
    image = Image.open(path).convert("RGB")
    assert image.size == (1280, 800), f"{path}: size {image.size}, expected 1280x800"
    colours = len(set(image.getdata()))
    assert colours > 200, f"{path}: only {colours} distinct colours: blank or nearly"
    width, height = image.size
    # Data panel: from the side panel (24% of the width, at least 260 px) to 60% of the rest.
    side = max(260, int(width * 0.24))
    data_box = (side + 20, 80, side + int((width - side) * 0.6) - 20, height - 120)
    found = {name: count_colour(image, data_box, rgb) for name, rgb in OKABE_ITO.items()}
    component_colours = sorted(found.values(), reverse=True)[:3]
    assert min(component_colours) > 150, f"{path}: component colours missing in data panel: {found}"
    # The side panel is text on a light background: mostly light, some dark pixels.
    panel = image.crop((0, 60, side - 5, height // 2))
    dark = sum(1 for p in panel.getdata() if sum(p) < 200)
    assert dark > 500, f"{path}: side panel has no text ({dark} dark pixels)"
    # The right column holds the curve panels: not one flat colour.
    right = image.crop((side + int((width - side) * 0.6) + 10, 80, width - 10, height - 120))
    assert len(set(right.getdata())) > 20, f"{path}: curve panels are empty"
    print(f"{path}: ok ({colours} colours, component pixels {component_colours})")


for index, path in enumerate(sys.argv[1:]):
    check(path, normal=index == 0)
