#!/usr/bin/python3
"""genlab's PixelCNN (core/models/pixelcnn/pixelcnn_network.h) written in Python with Debian's
python3-torch, for bench/run_pixelcnn_compare.sh. Prints JSON: training steps per second
(batch 64 of random binary images, Adam 1e-3, exact Bernoulli NLL) and the seconds to sample a
grid of 16 images with the naive loop, one full forward pass of the canvas per pixel (on
28x28 images the first 3 rows are timed and scaled to 28: each pixel costs the same pass).

Same networks, layer for layer:
  plain: k x k mask-A conv 1 -> C, then (layers - 1) x [ReLU, 3x3 mask-B conv C -> C]
         (the mask multiplied into the weight in every forward pass, as in genlab);
  gated: van den Oord et al. 2016b's vertical and horizontal stacks (see the C++ header);
  head:  ReLU, 1x1 C -> C, ReLU, 1x1 C -> 1.
"""
import argparse, json, time

import torch
import torch.nn as nn
import torch.nn.functional as F


def mask(kernel, mask_a):
    c = kernel // 2
    m = torch.zeros(kernel, kernel)
    m[:c, :] = 1
    m[c, :c] = 1
    if not mask_a:
        m[c, c] = 1
    return m.view(1, 1, kernel, kernel)


class MaskedConv(nn.Module):
    def __init__(self, cin, cout, kernel, mask_a):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, kernel, padding=kernel // 2)
        self.register_buffer("mask", mask(kernel, mask_a))

    def forward(self, x):
        return F.conv2d(x, self.conv.weight * self.mask, self.conv.bias,
                        padding=self.conv.padding)


def gate(pre):
    a, b = pre.chunk(2, 1)
    return torch.tanh(a) * torch.sigmoid(b)


class GatedLayer(nn.Module):
    def __init__(self, cin, channels, kernel, first):
        super().__init__()
        self.pad, self.first = kernel // 2, first
        self.vconv = nn.Conv2d(cin, 2 * channels, (self.pad + 1, kernel))
        self.hconv = nn.Conv2d(cin, 2 * channels, (1, self.pad + 1))
        self.link = nn.Conv2d(2 * channels, 2 * channels, 1)
        self.hout = nn.Conv2d(channels, channels, 1)

    def forward(self, v, h):
        p = self.pad
        v_pre = self.vconv(F.pad(v, (p, p, p, 0)))
        down = F.pad(v_pre, (0, 0, 1, 0))[:, :, :-1, :]
        hin = F.pad(h, (1, 0, 0, 0))[:, :, :, :-1] if self.first else h
        h_pre = self.hconv(F.pad(hin, (p, 0, 0, 0))) + self.link(down)
        g = self.hout(gate(h_pre))
        return gate(v_pre), (g if self.first else h + g)


class PixelCnn(nn.Module):
    def __init__(self, architecture, layers, channels, kernel):
        super().__init__()
        self.architecture = architecture
        mods = []
        for l in range(layers):
            cin, k = (1, kernel) if l == 0 else (channels, 3)
            if architecture == "plain":
                mods.append(MaskedConv(cin, channels, k, l == 0))
            else:
                mods.append(GatedLayer(cin, channels, k, l == 0))
        self.layers = nn.ModuleList(mods)
        self.head1 = nn.Conv2d(channels, channels, 1)
        self.head2 = nn.Conv2d(channels, 1, 1)

    def forward(self, x):
        if self.architecture == "plain":
            h = self.layers[0](x)
            for layer in self.layers[1:]:
                h = layer(F.relu(h))
        else:
            v, h = x, x
            for layer in self.layers:
                v, h = layer(v, h)
        return self.head2(F.relu(self.head1(F.relu(h))))


def train_steps_per_s(net, side, steps):
    images = (torch.rand(1500, 1, side, side) < 0.3).float()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    def step():
        x = images[torch.randint(0, images.shape[0], (64,))]
        opt.zero_grad(set_to_none=True)
        loss = F.binary_cross_entropy_with_logits(net(x), x, reduction="none").flatten(1).sum(1).mean()
        loss.backward()
        opt.step()
    for _ in range(10):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    return steps / (time.perf_counter() - start)


@torch.no_grad()
def naive_grid_seconds(net, side, rows):
    """Seconds for the whole grid. Every pixel costs the naive loop the same full forward pass,
    so on large images only the first `rows` rows are timed and the time is scaled by
    side / rows (28x28 in full would take minutes)."""
    u = torch.rand(16, side, side)
    canvas = torch.zeros(16, 1, side, side)
    start = time.perf_counter()
    for i in range(rows):
        for j in range(side):
            p = torch.sigmoid(net(canvas)[:, 0, i, j])
            canvas[:, 0, i, j] = (u[:, i, j] < p).float()
    return (time.perf_counter() - start) * side / rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    result = {}
    for arch in ("gated", "plain"):
        for side, steps in ((8, 200), (28, 20)):
            net = PixelCnn(arch, 7, 32, 5)
            result[f"train_{arch}_{side}"] = train_steps_per_s(net, side, steps)
            rows = side if side == 8 else 3
            best = min(naive_grid_seconds(net, side, rows) for _ in range(2 if side == 8 else 1))
            result[f"sample_{arch}_{side}"] = best
    with open(args.out, "w") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
