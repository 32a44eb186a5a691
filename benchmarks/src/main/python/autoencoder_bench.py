#!/usr/bin/env python3
"""PyTorch peer of the Nightjar cutout autoencoder, for throughput comparison only.

Builds the same layers as org.nightjar.models.autoencoder.AutoencoderGraphFactory (random
weights) and measures inference throughput - embedding and reconstruction from one forward pass,
under torch.no_grad() - in both memory layouts PyTorch offers on CPU. AutoencoderBenchmark starts
this script and parses the lines that begin with "torch ". Run alone:

    /usr/bin/python3 autoencoder_bench.py --size 32 --channels 3 --patch 4 --width 32 --latent 64
"""
import argparse
import time

import torch
from torch import nn


class CutoutAutoencoder(nn.Module):
    """Patch stem, one strided 3x3 convolution, linear bottleneck, mirrored transposed convs."""

    def __init__(self, size, channels, patch, width, latent):
        super().__init__()
        self.side = size // (2 * patch)
        self.width = width
        flat = width * self.side * self.side
        self.encoder = nn.Sequential(
            nn.Conv2d(channels, width, patch, stride=patch), nn.ReLU(),
            nn.Conv2d(width, width, 3, stride=2, padding=1), nn.ReLU())
        self.to_latent = nn.Linear(flat, latent)
        self.from_latent = nn.Sequential(nn.Linear(latent, flat), nn.ReLU())
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(width, width, 2, stride=2), nn.ReLU(),
            nn.ConvTranspose2d(width, channels, patch, stride=patch))

    def forward(self, x):
        z = self.to_latent(self.encoder(x).flatten(1))
        d = self.from_latent(z).view(-1, self.width, self.side, self.side)
        return z, self.decoder(d)


class StridedStackAutoencoder(nn.Module):
    """The first design measured: three 3x3 stride-2 convolutions (16/32/32), a linear
    bottleneck, three 4x4 stride-2 transposed convolutions. Only for the variants benchmark."""

    def __init__(self, size, channels, latent):
        super().__init__()
        self.side = size // 8
        flat = 32 * self.side * self.side
        self.encoder = nn.Sequential(
            nn.Conv2d(channels, 16, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.ReLU(),
            nn.Conv2d(32, 32, 3, stride=2, padding=1), nn.ReLU())
        self.to_latent = nn.Linear(flat, latent)
        self.from_latent = nn.Sequential(nn.Linear(latent, flat), nn.ReLU())
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(32, 32, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(32, 16, 4, stride=2, padding=1), nn.ReLU(),
            nn.ConvTranspose2d(16, channels, 4, stride=2, padding=1))

    def forward(self, x):
        z = self.to_latent(self.encoder(x).flatten(1))
        d = self.from_latent(z).view(-1, 32, self.side, self.side)
        return z, self.decoder(d)


def measure(model, x, seconds):
    with torch.no_grad():
        for _ in range(3):
            model(x)
        count = 0
        start = time.perf_counter()
        while True:
            model(x)
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds and count >= 3:
                return count * x.shape[0] / elapsed


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--channels", type=int, default=3)
    p.add_argument("--patch", type=int, default=4)
    p.add_argument("--width", type=int, default=32)
    p.add_argument("--latent", type=int, default=64)
    p.add_argument("--batches", default="1,32,256")
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--arch", choices=("patch", "stack"), default="patch")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    if a.arch == "patch":
        model = CutoutAutoencoder(a.size, a.channels, a.patch, a.width, a.latent).eval()
    else:
        model = StridedStackAutoencoder(a.size, a.channels, a.latent).eval()
    params = sum(t.numel() for t in model.parameters())
    print(f"torch version={torch.__version__} threads={torch.get_num_threads()} params={params}",
          flush=True)
    for layout in ("nchw", "nhwc"):
        fmt = torch.channels_last if layout == "nhwc" else torch.contiguous_format
        net = model.to(memory_format=fmt)
        for batch in (int(b) for b in a.batches.split(",")):
            x = torch.randn(batch, a.channels, a.size, a.size).contiguous(memory_format=fmt)
            rate = measure(net, x, a.seconds)
            print(f"torch layout={layout} batch={batch} images_per_s={rate:.1f}", flush=True)


if __name__ == "__main__":
    main()
