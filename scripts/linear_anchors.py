#!/usr/bin/env python3
"""Anchor figures for Sift's non-tree models (linear, ridge, lasso, logistic, Gaussian NB, MLP).

Usage: linear_anchors.py uci ESHOP_CSV            # UCI e-shop subset used by the unit tests
       linear_anchors.py session TRAIN_CSV TEST_CSV  # session split written by tree_anchors.py session

`uci` builds exactly the split of tree_anchors.py uci (every 10th row, position % 5 == 0 test),
standardises the features with a StandardScaler fitted on the train rows (as Sift's pipeline
does), and prints coefficients and test AUC / R2. The multi-class case predicts `location`
(photo location 1..6, as codes 0..5) from the other features.
`session` prints test AUC / R2 and fit seconds (median of 3) on the standardised session table.
Run with /tmp/sift-bench-venv/bin/python (scikit-learn 1.9.1).
"""
import json
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.naive_bayes import GaussianNB
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.preprocessing import StandardScaler

warnings.filterwarnings("ignore")


def emit(**kw):
    print(json.dumps(kw), flush=True)


def fmt(a):
    return [float(f"{v:.10g}") for v in np.ravel(a)]


def uci(path):
    rows = [l.rstrip("\r\n").split(";") for l in open(path)][1:]
    rows = rows[::10]
    header = ["month", "day", "order", "country", "page1", "page2", "colour", "location", "photo", "page"]
    models = sorted(set(r[7] for r in rows))
    code = {m: i for i, m in enumerate(models)}
    fields = [1, 2, 3, 4, 6, 7, 8, 9, 10, 13]
    X = np.array([[float(code[r[f]]) if f == 7 else float(r[f]) for f in fields] for r in rows])
    price = np.array([float(r[11]) for r in rows]); price2 = np.array([int(r[12]) == 1 for r in rows], dtype=int)
    test = np.arange(len(rows)) % 5 == 0
    sc = StandardScaler().fit(X[~test]); S = sc.transform(X)
    Str, Ste = S[~test], S[test]
    emit(split="uci", sklearn=sklearn.__version__, n_train=int((~test).sum()))
    for name, m in (("linear", LinearRegression()), ("ridge alpha=1", Ridge(alpha=1.0)),
                    ("ridge alpha=1000", Ridge(alpha=1000.0)),
                    ("lasso alpha=0.1 tol=1e-12", Lasso(alpha=0.1, tol=1e-12, max_iter=100000)),
                    ("lasso alpha=1", Lasso(alpha=1.0))):
        m.fit(Str, price[~test])
        emit(model=name, coef=fmt(m.coef_), intercept=float(m.intercept_), r2=round(r2_score(price[test], m.predict(Ste)), 6))
    for name, m in (("logistic C=1 tol=1e-10", LogisticRegression(C=1.0, tol=1e-10, max_iter=10000)),
                    ("logistic C=0.01 tol=1e-10", LogisticRegression(C=0.01, tol=1e-10, max_iter=10000)),
                    ("logistic default", LogisticRegression()),
                    ("gaussian nb", GaussianNB()),
                    ("mlp (32,) early_stopping", MLPClassifier(hidden_layer_sizes=(32,), early_stopping=True, random_state=0)),
                    ("mlp (8,) early_stopping", MLPClassifier(hidden_layer_sizes=(8,), early_stopping=True, random_state=0)),
                    ("mlp (100,) default", MLPClassifier(random_state=0))):
        t0 = time.perf_counter(); m.fit(Str, price2[~test]); secs = time.perf_counter() - t0
        extra = {"coef": fmt(m.coef_), "intercept": fmt(m.intercept_)} if hasattr(m, "coef_") else {}
        emit(model=name, auc=round(roc_auc_score(price2[test], m.predict_proba(Ste)[:, 1]), 6), secs=round(secs, 2), **extra)
    for name, m in (("mlp reg (32,) early_stopping", MLPRegressor(hidden_layer_sizes=(32,), early_stopping=True, random_state=0)),
                    ("mlp reg (8,) early_stopping", MLPRegressor(hidden_layer_sizes=(8,), early_stopping=True, random_state=0))):
        m.fit(Str, price[~test])
        emit(model=name, r2=round(r2_score(price[test], m.predict(Ste)), 6))
    # Multi-class: location (0..5) from the other features.
    loc = X[:, header.index("location")].astype(int) - 1
    keep = [j for j in range(len(header)) if header[j] != "location"]
    sc2 = StandardScaler().fit(X[~test][:, keep]); M = sc2.transform(X[:, keep])
    m = LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(M[~test], loc[~test])
    ic = m.intercept_ - m.intercept_.mean()
    emit(model="multinomial location C=1 tol=1e-10", coef=fmt(m.coef_), intercept=fmt(ic),
         accuracy=round(float((m.predict(M[test]) == loc[test]).mean()), 6))
    nb = GaussianNB().fit(M[~test], loc[~test])
    emit(model="gaussian nb location", accuracy=round(float((nb.predict(M[test]) == loc[test]).mean()), 6),
         proba0=fmt(nb.predict_proba(M[test][:1])))


def load(path):
    a = np.loadtxt(path, delimiter=",", skiprows=1)
    return a[:, :-2], a[:, -2].astype(int), a[:, -1]


def session(train, testp):
    Xtr, ytr, rtr = load(train); Xte, yte, rte = load(testp)
    sc = StandardScaler().fit(Xtr); Str, Ste = sc.transform(Xtr), sc.transform(Xte)
    emit(split="session", n_train=len(Xtr), n_test=len(Xte), sklearn=sklearn.__version__)

    def timed(make, X, y, reps=3):
        ts, m = [], None
        for _ in range(reps):
            t0 = time.perf_counter(); m = make().fit(X, y); ts.append(time.perf_counter() - t0)
        return m, sorted(ts)[len(ts) // 2]

    big = np.tile(Ste, (1_000_000 // len(Ste) + 1, 1))[:1_000_000]
    for name, make, reps in (("LogisticRegression(max_iter=1000)", lambda: LogisticRegression(max_iter=1000), 3),
                             ("LogisticRegression(newton-cholesky)", lambda: LogisticRegression(solver="newton-cholesky"), 3),
                             ("GaussianNB", GaussianNB, 3),
                             ("MLPClassifier(early_stopping=True)", lambda: MLPClassifier(early_stopping=True, random_state=0), 1)):
        m, s = timed(make, Str, ytr, reps)
        t0 = time.perf_counter(); m.predict_proba(big); ps = time.perf_counter() - t0
        emit(model=name, fit_secs=round(s, 4), predict_1m_secs=round(ps, 4), auc=round(roc_auc_score(yte, m.predict_proba(Ste)[:, 1]), 6))
    for name, make in (("LinearRegression", LinearRegression), ("Ridge", Ridge), ("Lasso(alpha=0.1)", lambda: Lasso(alpha=0.1))):
        m, s = timed(make, Str, rtr)
        t0 = time.perf_counter(); m.predict(big); ps = time.perf_counter() - t0
        emit(model=name, fit_secs=round(s, 4), predict_1m_secs=round(ps, 4), r2=round(r2_score(rte, m.predict(Ste)), 6))


if __name__ == "__main__":
    if sys.argv[1] == "session":
        session(sys.argv[2], sys.argv[3])
    else:
        uci(sys.argv[2])
