# SPDX-License-Identifier: GPL-3.0-or-later
"""The references users know, on the matrices GenreScope's map test wrote.

usage: map_reference.py SEED PERPLEXITY X0.npy UMAP0.npy TSNE0.npy [X1.npy UMAP1.npy TSNE1.npy ...]
For run i (seed SEED + i) it fits umap-learn (UMAP(random_state=seed), otherwise defaults) and
scikit-learn's TSNE (barnes_hut, init='pca', learning_rate='auto', perplexity=PERPLEXITY,
random_state=seed) on Xi, and prints one JSON object on stdout: the versions, per run the
trustworthiness@10 of both of their maps, and scikit-learn's trustworthiness@10 of OUR maps
UMAPi and TSNEi (to cross-check our measure).
"""
import json
import sys
import warnings

import numpy as np


def main():
    seed, perplexity = int(sys.argv[1]), float(sys.argv[2])
    runs = [sys.argv[i:i + 3] for i in range(3, len(sys.argv), 3)]
    warnings.filterwarnings("ignore")
    import sklearn
    import umap
    from sklearn.manifold import TSNE, trustworthiness

    out = {"sklearn": sklearn.__version__, "umap": getattr(umap, "__version__", "unknown"),
           "umap_trustworthiness": [], "tsne_trustworthiness": [],
           "ours_umap_by_sklearn": [], "ours_tsne_by_sklearn": []}
    for i, (features, ours_umap, ours_tsne) in enumerate(runs):
        x = np.load(features)
        their_umap = umap.UMAP(random_state=seed + i).fit_transform(x)
        their_tsne = TSNE(perplexity=perplexity, init="pca", learning_rate="auto",
                          random_state=seed + i).fit_transform(x)
        out["umap_trustworthiness"].append(float(trustworthiness(x, their_umap, n_neighbors=10)))
        out["tsne_trustworthiness"].append(float(trustworthiness(x, their_tsne, n_neighbors=10)))
        out["ours_umap_by_sklearn"].append(float(trustworthiness(x, np.load(ours_umap), n_neighbors=10)))
        out["ours_tsne_by_sklearn"].append(float(trustworthiness(x, np.load(ours_tsne), n_neighbors=10)))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
