#!/usr/bin/env python3
"""Anchor figures for Sift's tree models (CART, random forest, histogram gradient boosting).

Usage: tree_anchors.py session CLICKS_CSV OUT_DIR   # session table of shared/bench/bench_ml.py
       tree_anchors.py uci ESHOP_CSV                 # UCI e-shop subset used by the unit tests

`session` rebuilds bench_ml.py's session table with the same code and split (80/20 stratified on
purchased, random_state=0, NaN mean_price -> train median), writes OUT_DIR/session_train.csv and
session_test.csv (features, purchased, revenue), and prints test AUC / R2 per model.
`uci` prints the figures the unit tests hold as constants: rows with index % 10 == 0 of the file,
of which position % 5 == 0 is test; clothing model ("page 2") coded by sorted string order.
Run with /tmp/sift-bench-venv/bin/python (scikit-learn 1.9.1, XGBoost 3.2.0, LightGBM 4.7.0).
"""
import json
import sys
import time

import numpy as np
import sklearn
import xgboost as xgb
import lightgbm as lgb
from sklearn.ensemble import (GradientBoostingRegressor, HistGradientBoostingClassifier,
                              HistGradientBoostingRegressor, RandomForestClassifier,
                              RandomForestRegressor)
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor


def emit(**kw):
    print(json.dumps(kw), flush=True)


def run(models, Xtr, ytr, Xte, yte, classify):
    for name, make in models:
        t0 = time.perf_counter(); m = make().fit(Xtr, ytr); secs = time.perf_counter() - t0
        if classify:
            v = roc_auc_score(yte, m.predict_proba(Xte)[:, 1]); metric = "AUC"
        else:
            v = r2_score(yte, m.predict(Xte)); metric = "R2"
        extra = {}
        if hasattr(m, "tree_"):
            extra = {"nodes": int(m.tree_.node_count), "depth": int(m.tree_.max_depth)}
        if hasattr(m, "estimators_") and hasattr(m.estimators_[0], "tree_"):
            extra = {"mean_nodes": float(np.mean([e.tree_.node_count for e in m.estimators_])),
                     "mean_depth": float(np.mean([e.tree_.max_depth for e in m.estimators_]))}
        emit(model=name, metric=metric, value=round(float(v), 6), secs=round(secs, 3), **extra)


def session(path, out):
    import polars as pl
    from sklearn.model_selection import train_test_split
    FEATS = ["clicks", "distinct_products", "mean_price", "max_page", "duration_s", "country"]
    ev = pl.read_csv(path, try_parse_dates=True)
    sess = (ev.group_by("session_id")
              .agg(pl.len().alias("clicks"),
                   pl.col("product").n_unique().alias("distinct_products"),
                   pl.col("price").mean().alias("mean_price"),
                   pl.col("page").max().alias("max_page"),
                   (pl.col("ts").max() - pl.col("ts").min()).dt.total_seconds().alias("duration_s"),
                   pl.col("country").first().alias("country"),
                   (pl.col("event") == "purchase").any().cast(pl.Int8).alias("purchased"),
                   pl.col("price").filter(pl.col("event") == "purchase").sum().alias("revenue"))
              .sort("session_id"))
    X = sess.select(FEATS).to_numpy().astype(np.float64)
    y = sess["purchased"].to_numpy().astype(np.int64)
    r = sess["revenue"].to_numpy().astype(np.float64)
    Xtr, Xte, ytr, yte, rtr, rte = train_test_split(X, y, r, test_size=0.2, random_state=0, stratify=y)
    med = np.nanmedian(Xtr, axis=0)
    for A in (Xtr, Xte):
        idx = np.where(np.isnan(A)); A[idx] = med[idx[1]]
    for name, A, b, c in (("train", Xtr, ytr, rtr), ("test", Xte, yte, rte)):
        with open(f"{out}/session_{name}.csv", "w") as f:
            f.write(",".join(FEATS + ["purchased", "revenue"]) + "\n")
            for row, yy, rr in zip(A, b, c):
                f.write(",".join(repr(float(v)) for v in row) + f",{int(yy)},{float(rr)!r}\n")
    emit(split="session", n_train=len(Xtr), n_test=len(Xte), sklearn=sklearn.__version__,
         xgboost=xgb.__version__, lightgbm=lgb.__version__)
    clf = [
        ("tree depth10", lambda: DecisionTreeClassifier(max_depth=10, random_state=0)),
        ("forest 100", lambda: RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0)),
        ("histgb 100 noES", lambda: HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0)),
        ("xgb hist 100", lambda: xgb.XGBClassifier(n_estimators=100, tree_method="hist", n_jobs=2, random_state=0)),
        ("lgbm 100", lambda: lgb.LGBMClassifier(n_estimators=100, n_jobs=2, random_state=0, verbose=-1)),
    ]
    run(clf, Xtr, ytr, Xte, yte, True)
    reg = [
        ("gbr 100 depth3", lambda: GradientBoostingRegressor(random_state=0)),
        ("histgbr depth3 lr0.1 leaf1", lambda: HistGradientBoostingRegressor(max_iter=100, max_depth=3, max_leaf_nodes=None, min_samples_leaf=1, early_stopping=False)),
        ("xgbr hist 100", lambda: xgb.XGBRegressor(n_estimators=100, tree_method="hist", n_jobs=2, random_state=0)),
        ("tree reg depth10", lambda: DecisionTreeRegressor(max_depth=10, random_state=0)),
        ("forest reg 100", lambda: RandomForestRegressor(n_estimators=100, n_jobs=2, random_state=0)),
    ]
    run(reg, Xtr, rtr, Xte, rte, False)


def uci(path):
    rows = [l.rstrip("\r\n").split(";") for l in open(path)][1:]
    rows = rows[::10]
    header = ["month", "day", "order", "country", "page1", "page2", "colour", "location", "photo", "page"]
    cols = {h: [] for h in header}
    models = sorted(set(r[7] for r in rows))
    code = {m: i for i, m in enumerate(models)}
    for r in rows:
        cols["month"].append(float(r[1])); cols["day"].append(float(r[2])); cols["order"].append(float(r[3]))
        cols["country"].append(float(r[4])); cols["page1"].append(float(r[6])); cols["page2"].append(float(code[r[7]]))
        cols["colour"].append(float(r[8])); cols["location"].append(float(r[9])); cols["photo"].append(float(r[10]))
        cols["page"].append(float(r[13]))
    X = np.column_stack([cols[h] for h in header])
    price = np.array([float(r[11]) for r in rows]); price2 = np.array([int(r[12]) == 1 for r in rows], dtype=int)
    test = np.arange(len(rows)) % 5 == 0
    emit(split="uci", rows=len(rows), n_train=int((~test).sum()), n_test=int(test.sum()), levels=len(models),
         sklearn=sklearn.__version__, xgboost=xgb.__version__)
    clf = [
        ("tree depth6", lambda: DecisionTreeClassifier(max_depth=6, random_state=0)),
        ("tree depth4 leaf20", lambda: DecisionTreeClassifier(max_depth=4, min_samples_leaf=20, random_state=0)),
        ("forest 20 depth8", lambda: RandomForestClassifier(n_estimators=20, max_depth=8, random_state=0)),
        ("xgb hist 30 depth3", lambda: xgb.XGBClassifier(n_estimators=30, max_depth=3, tree_method="hist", random_state=0)),
        ("histgb 30 leaves15", lambda: HistGradientBoostingClassifier(max_iter=30, max_leaf_nodes=15, early_stopping=False)),
    ]
    run(clf, X[~test], price2[~test], X[test], price2[test], True)
    # Without the clothing model the task is harder, so the anchors discriminate.
    Xh = np.delete(X, header.index("page2"), axis=1)
    run([(n + " no-page2", m) for n, m in clf], Xh[~test], price2[~test], Xh[test], price2[test], True)
    reg = [
        ("tree reg depth6", lambda: DecisionTreeRegressor(max_depth=6, random_state=0)),
        ("forest reg 20 depth8", lambda: RandomForestRegressor(n_estimators=20, max_depth=8, random_state=0)),
        ("xgbr hist 30 depth3", lambda: xgb.XGBRegressor(n_estimators=30, max_depth=3, tree_method="hist", random_state=0)),
        ("gbr 30 depth3", lambda: GradientBoostingRegressor(n_estimators=30, random_state=0)),
    ]
    run(reg, X[~test], price[~test], X[test], price[test], False)
    run([(n + " no-page2", m) for n, m in reg], Xh[~test], price[~test], Xh[test], price[test], False)


if __name__ == "__main__":
    if sys.argv[1] == "session":
        session(sys.argv[2], sys.argv[3])
    else:
        uci(sys.argv[2])
