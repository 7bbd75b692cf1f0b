# SPDX-License-Identifier: GPL-3.0-or-later
"""Times umap-learn and scikit-learn's TSNE on the matrix bench_maps wrote.

usage: map_bench.py X.npy METHODS SEED PERPLEXITY
METHODS is a comma list of umap, tsne. umap-learn is warmed up first (numba compiles on the
first fit), then runs with its defaults (random_state=None: numba's parallel mode, umap-learn's
fastest); TSNE runs with scikit-learn 1.2's defaults (barnes_hut, init='pca',
learning_rate='auto'). Prints one JSON object: seconds and trustworthiness@10 of a fixed
sample is left to the caller.
"""
import json
import sys
import time
import warnings

import numpy as np


def main():
    path, methods, seed, perplexity = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3]), float(sys.argv[4])
    warnings.filterwarnings("ignore")
    x = np.load(path)
    out = {"n": int(x.shape[0]), "d": int(x.shape[1])}
    if "umap" in methods:
        import umap

        rng = np.random.default_rng(seed)
        umap.UMAP(n_epochs=20).fit_transform(rng.normal(size=(300, x.shape[1])).astype(np.float32))
        start = time.perf_counter()
        y = umap.UMAP().fit_transform(x)
        out["umap_s"] = time.perf_counter() - start
        np.save(path + ".umap.npy", y.astype(np.float32))
    if "tsne" in methods:
        from sklearn.manifold import TSNE

        start = time.perf_counter()
        y = TSNE(perplexity=perplexity, init="pca", learning_rate="auto", random_state=seed).fit_transform(x)
        out["tsne_s"] = time.perf_counter() - start
        np.save(path + ".tsne.npy", y.astype(np.float32))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
