#!/usr/bin/python3
"""The VAE of genlab (core/models/vae) written in Python with Debian's python3-torch, for
bench/run_vae_compare.sh: seconds per epoch on Fashion-MNIST (60k images, batch 128, Adam 1e-3,
Bernoulli decoder) and the test ELBO after the epochs, printed as JSON.

Same networks as core/models/vae/vae_network.h:
  mlp:  784 -> hidden -> 2 x latent;  latent -> hidden -> 784        (ReLU)
  conv: 1 -> 32 -> 64 channels (4x4, stride 2, padding 1), dense -> 2 x latent;
        latent -> 64x7x7 -> 32 -> 1 (transposed 4x4, stride 2, padding 1)
Batches are drawn by indexing a tensor with a random permutation (no DataLoader), as the C++
trainer does; the last partial batch is kept.
"""
import argparse, gzip, json, math, struct, time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 0x803:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, rows * cols)
    return np.frombuffer(data, dtype=np.uint8, offset=8)


class Mlp(nn.Module):
    def __init__(self, latent, hidden):
        super().__init__()
        self.enc_hidden = nn.Linear(784, hidden)
        self.enc_out = nn.Linear(hidden, 2 * latent)
        self.dec_hidden = nn.Linear(latent, hidden)
        self.dec_out = nn.Linear(hidden, 784)

    def encode(self, x):
        return self.enc_out(F.relu(self.enc_hidden(x))).chunk(2, 1)

    def decode(self, z):
        return self.dec_out(F.relu(self.dec_hidden(z)))


class Conv(nn.Module):
    def __init__(self, latent):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 4, 2, 1)
        self.conv2 = nn.Conv2d(32, 64, 4, 2, 1)
        self.enc_out = nn.Linear(64 * 7 * 7, 2 * latent)
        self.dec_hidden = nn.Linear(latent, 64 * 7 * 7)
        self.deconv1 = nn.ConvTranspose2d(64, 32, 4, 2, 1)
        self.deconv2 = nn.ConvTranspose2d(32, 1, 4, 2, 1)

    def encode(self, x):
        h = F.relu(self.conv2(F.relu(self.conv1(x.view(-1, 1, 28, 28)))))
        return self.enc_out(h.flatten(1)).chunk(2, 1)

    def decode(self, z):
        h = F.relu(self.dec_hidden(z)).view(-1, 64, 7, 7)
        return self.deconv2(F.relu(self.deconv1(h))).flatten(1)


def terms(model, x):
    mean, log_var = model.encode(x)
    z = mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)
    nll = F.binary_cross_entropy_with_logits(model.decode(z), x, reduction="none").sum(1)
    kl = 0.5 * (mean.pow(2) + log_var.exp() - 1 - log_var).sum(1)
    return nll, kl


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--arch", default="mlp", choices=["mlp", "conv"])
    p.add_argument("--latent", type=int, default=20)
    p.add_argument("--hidden", type=int, default=400)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    train = torch.from_numpy(read_idx(f"{a.dir}/train-images-idx3-ubyte.gz").astype(np.float32) / 255)
    test = torch.from_numpy(read_idx(f"{a.dir}/t10k-images-idx3-ubyte.gz").astype(np.float32) / 255)
    model = Mlp(a.latent, a.hidden) if a.arch == "mlp" else Conv(a.latent)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    epochs = []
    for _ in range(a.epochs):
        start = time.perf_counter()
        order = torch.randperm(train.shape[0])
        for i in range(0, train.shape[0], a.batch):
            x = train[order[i:i + a.batch]]
            nll, kl = terms(model, x)
            loss = (nll + kl).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
        epochs.append(time.perf_counter() - start)
    with torch.no_grad():
        nll, kl = terms(model, test)
        test_elbo = -(nll + kl).mean().item()
    print(json.dumps({"side": "python", "arch": a.arch, "threads": a.threads, "epochs": epochs,
                      "test_elbo": test_elbo, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
