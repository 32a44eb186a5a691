#!/usr/bin/env python3
"""Times Bovy's extreme-deconvolution C library on XD reference data set B, for `nightjar bench xd --bovy DIR`.

DIR is a built checkout of github.com/jobovy/extreme-deconvolution: its py/ folder holds the
library's own Python wrapper and the compiled _extreme_deconvolution library (`make` at the top).
The library runs OMP_NUM_THREADS threads. Prints `xd_peer s_per_update=S L=V`: the wall time of
UPDATES EM updates from the data set's initialisation (w = 0, no split and merge, never stopping
early) divided by UPDATES, and the mean log-likelihood the library returns.
"""
import argparse
import gzip
import json
import os
import sys
import time

import numpy as np


def read_f64(path, count):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        values = np.frombuffer(f.read(), dtype="<f8")
    if values.size != count:
        sys.exit(f"{path}: {values.size} values, expected {count}")
    return values.astype(np.float64)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bovy", required=True, help="built checkout of extreme-deconvolution")
    parser.add_argument("--data", required=True, help="folder with xdB_x.f64.gz, xdB_S.f64.gz, xdB_init.json")
    parser.add_argument("--updates", type=int, default=20)
    parser.add_argument("--threads", type=int, default=1, help="informational; the library follows OMP_NUM_THREADS")
    args = parser.parse_args()

    sys.path.insert(0, os.path.join(args.bovy, "py"))
    from extreme_deconvolution import extreme_deconvolution

    with open(os.path.join(args.data, "xdB_init.json")) as f:
        init = json.load(f)
    amp = np.ascontiguousarray(init["alpha"], dtype=np.float64)
    mean = np.ascontiguousarray(init["mean"], dtype=np.float64)
    cov = np.ascontiguousarray(init["V"], dtype=np.float64)
    d = mean.shape[1]
    n = 100_000
    x = read_f64(os.path.join(args.data, "xdB_x.f64.gz"), n * d).reshape(n, d)
    s = read_f64(os.path.join(args.data, "xdB_S.f64.gz"), n * d * d).reshape(n, d, d)
    print(f"peer data: N={n} D={d} K={amp.size}; OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}", flush=True)

    start = time.perf_counter()
    # The library iterates while the last gain in mean log-likelihood exceeds tol, starting from a
    # gain of 2 tol: a tiny positive tol never stops EM early, whereas -inf (or 0) stops it before
    # its first update.
    loglike = extreme_deconvolution(x, s, amp, mean, cov, tol=1e-300, maxiter=args.updates, w=0.0)
    seconds = time.perf_counter() - start
    print(f"xd_peer s_per_update={seconds / args.updates:.6f} L={loglike:.13f}", flush=True)


if __name__ == "__main__":
    main()
