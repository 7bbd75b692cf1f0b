# SPDX-License-Identifier: GPL-3.0-or-later
"""scikit-learn on the very feature vectors and folds of GenreScope's classifier test.

usage: classify_reference.py X.npy FOLDS.csv PLATT_SEEDS
X.npy is the (n x d) float32 feature table; FOLDS.csv has the header label,fold0,fold1,...
(class index, then the fold of each row in each fold assignment GenreScope made). For every
assignment and fold, it standardises on the training rows (StandardScaler) and fits
SVC(kernel='rbf', C=1, gamma='scale', probability=True, random_state=s) for s in
0..PLATT_SEEDS-1 (the seed of libsvm's internal Platt folds) and
LogisticRegression(solver='liblinear', C=1), then prints one JSON object on stdout: the version
and per classifier, assignment and seed the out-of-fold accuracy of predict() and of the argmax
of predict_proba() (the rule GenreScope reports).
"""
import csv
import json
import sys
import warnings

import numpy as np


def main():
    warnings.filterwarnings("ignore")
    import sklearn
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC

    x = np.load(sys.argv[1]).astype(np.float64)
    with open(sys.argv[2], newline="") as f:
        rows = list(csv.reader(f))
    y = np.array([int(r[0]) for r in rows[1:]])
    assignments = [np.array([int(r[k]) for r in rows[1:]]) for k in range(1, len(rows[0]))]
    platt_seeds = int(sys.argv[3])
    makers = {
        "svm": lambda seed: SVC(kernel="rbf", C=1.0, gamma="scale", probability=True, random_state=seed),
        "logreg": lambda seed: LogisticRegression(solver="liblinear", C=1.0),
    }
    out = {"sklearn": sklearn.__version__}
    for name, make in makers.items():
        out[name] = {"predict": [], "argmax_proba": []}
        for folds, seed in [(f, s) for f in assignments for s in range(platt_seeds if name == "svm" else 1)]:
            vote = np.empty_like(y)
            best = np.empty_like(y)
            for k in np.unique(folds):
                test = folds == k
                scaler = StandardScaler().fit(x[~test])
                model = make(seed).fit(scaler.transform(x[~test]), y[~test])
                xt = scaler.transform(x[test])
                vote[test] = model.predict(xt)
                best[test] = model.classes_[np.argmax(model.predict_proba(xt), axis=1)]
            out[name]["predict"].append(float(np.mean(vote == y)))
            out[name]["argmax_proba"].append(float(np.mean(best == y)))
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
