#!/usr/bin/env python3
"""The Python peer of bench/gan_bench.cpp: the same GANs in PyTorch, timed the same way.

  toy 2-D GAN  ring of 8 Gaussians (radius 2, std 0.1, 2000 points); G: 2 -> 128 -> 128 -> 2
               (ReLU), D: 2 -> 128 -> 128 -> 1 (LeakyReLU 0.2); batch 256; non-saturating loss
               on logits (softplus); Adam lr 1e-3 betas (0.5, 0.999); k = 1. D sees real and
               generated points in one forward pass; D's parameters are frozen during G's update.
  DCGAN        pytorch/examples' cpp/dcgan for 28x28 (kNoiseSize 100, 256-128-64 channels, batch
               norm, bias-free convolutions), batch 64, BCE on logits, Adam 2e-4 (0.5, 0.999),
               random images in [-1, 1].

Run with the same BLAS and threads as genlab, e.g.
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp OMP_WAIT_POLICY=PASSIVE \\
    GOMP_SPINCOUNT=20000 /usr/bin/python3 gan_torch.py --threads 1
"""
import argparse
import json
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def toy_models():
    g = nn.Sequential(nn.Linear(2, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(),
                      nn.Linear(128, 2))
    d = nn.Sequential(nn.Linear(2, 128), nn.LeakyReLU(0.2), nn.Linear(128, 128),
                      nn.LeakyReLU(0.2), nn.Linear(128, 1))
    return g, d


def dcgan_models(nz=100):
    g = nn.Sequential(
        nn.Unflatten(1, (nz, 1, 1)),
        nn.ConvTranspose2d(nz, 256, 4, 1, 0, bias=False), nn.BatchNorm2d(256), nn.ReLU(),
        nn.ConvTranspose2d(256, 128, 3, 2, 1, bias=False), nn.BatchNorm2d(128), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1, bias=False), nn.Tanh())
    d = nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1, bias=False), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
        nn.Conv2d(128, 256, 4, 2, 1, bias=False), nn.BatchNorm2d(256), nn.LeakyReLU(0.2),
        nn.Conv2d(256, 1, 3, 1, 0, bias=False), nn.Flatten())
    return g, d


def set_requires_grad(module, on):
    for p in module.parameters():
        p.requires_grad_(on)


def make_step(g, d, real_data, batch, nz, lr, together):
    opt_g = torch.optim.Adam(g.parameters(), lr=lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=lr, betas=(0.5, 0.999))
    n = real_data.shape[0]

    def step():
        index = torch.randint(n, (batch,))
        real = real_data.index_select(0, index)
        z = torch.randn(batch, nz)
        with torch.no_grad():
            fake = g(z)
        opt_d.zero_grad()
        if together:
            out = d(torch.cat([real, fake]))
            real_out, fake_out = out[:batch], out[batch:]
        else:
            real_out, fake_out = d(real), d(fake)
        loss_d = F.softplus(-real_out).mean() + F.softplus(fake_out).mean()
        loss_d.item()
        loss_d.backward()
        opt_d.step()
        z = torch.randn(batch, nz)
        set_requires_grad(d, False)
        opt_g.zero_grad()
        loss_g = F.softplus(-d(g(z))).mean()
        loss_g.item()
        loss_g.backward()
        opt_g.step()
        set_requires_grad(d, True)

    return step


def time_steps(step, seconds):
    for _ in range(20):
        step()
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
        count += 1
    return count / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--out", help="write the rates as JSON here")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)

    angles = torch.arange(2000) % 8 * (2 * math.pi / 8)
    ring = torch.stack([2 * torch.cos(angles), 2 * torch.sin(angles)], 1) + 0.1 * torch.randn(2000, 2)
    g, d = toy_models()
    toy = time_steps(make_step(g, d, ring, 256, 2, 1e-3, together=True), args.seconds)

    images = torch.rand(2000, 1, 28, 28) * 2 - 1
    g, d = dcgan_models()
    dcgan = time_steps(make_step(g, d, images, 64, 100, 2e-4, together=False), args.seconds)

    result = {"torch": torch.__version__, "threads": args.threads,
              "gan2d_steps_per_s": toy, "dcgan_ms_per_step": 1000.0 / dcgan}
    print(json.dumps(result))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f)


if __name__ == "__main__":
    main()
