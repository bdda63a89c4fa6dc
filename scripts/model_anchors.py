#!/usr/bin/env python3
"""Anchor figures for Sift's model pipeline (`train` + `evaluate on:`) on the UCI e-shop subset.

Usage: /tmp/sift-bench-venv/bin/python scripts/model_anchors.py notebooks/data/eshop-clothing-2008.csv

The subset and split are those of scripts/tree_anchors.py uci (every 10th click; position % 5 == 0
is test). Features: month, day, order, country, page 1, page 2 (clothing model, a string), colour,
location, model photography, page. Targets: price_2 == 1 (AUC) and price (R2). Each model is the
scikit-learn Pipeline Sift builds for it: linear models get median imputation + StandardScaler on
numbers and OneHotEncoder(handle_unknown="ignore") on the clothing model; trees get the clothing
model as ordinal codes in sorted order. Prints one JSON line per model.
"""
import json
import sys

import numpy as np
import xgboost as xgb
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.impute import SimpleImputer
from sklearn.linear_model import Lasso, LinearRegression, LogisticRegression, Ridge
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.naive_bayes import GaussianNB
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

rows = [l.rstrip("\r\n").split(";") for l in open(sys.argv[1])][1:][::10]
num_fields = [1, 2, 3, 4, 6, 8, 9, 10, 13]
Xnum = np.array([[float(r[f]) for f in num_fields] for r in rows])
page2 = np.array([[r[7]] for r in rows])
levels = sorted(set(page2[:, 0]))
codes = np.array([[float(levels.index(v))] for v in page2[:, 0]])
price = np.array([float(r[11]) for r in rows])
y = np.array([int(r[12]) == 1 for r in rows], dtype=int)
test = np.arange(len(rows)) % 5 == 0

def linear_pipeline(est):
    pre = ColumnTransformer([("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), list(range(9))),
                             ("cat", OneHotEncoder(handle_unknown="ignore"), [9])])
    return make_pipeline(pre, est)

Xmixed = np.concatenate([Xnum.astype(object), page2], axis=1)
Xtree = np.concatenate([Xnum, codes], axis=1)

def emit(name, value):
    print(json.dumps({"model": name, "value": round(float(value), 6)}), flush=True)

def numeric_pipeline(est):
    return make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), est)

for suffix, lin, Xl, Xt in [("", linear_pipeline, Xmixed, Xtree), (" no-page2", numeric_pipeline, Xnum, Xnum)]:
    for name, make, X in [
        ("logistic", lambda: lin(LogisticRegression(C=1.0, max_iter=1000)), Xl),
        ("tree depth6", lambda: DecisionTreeClassifier(max_depth=6, random_state=0), Xt),
        ("forest 20 depth8", lambda: RandomForestClassifier(n_estimators=20, max_depth=8, random_state=0), Xt),
        ("xgb hist 30 depth3", lambda: xgb.XGBClassifier(n_estimators=30, max_depth=3, tree_method="hist", random_state=0), Xt),
        # Naive Bayes sees the pipeline's one-hot columns unscaled; the MLP its standardised ones.
        ("bayes", lambda: (make_pipeline(ColumnTransformer([("num", SimpleImputer(strategy="median"), list(range(9))),
                                                           ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), [9])]),
                                         GaussianNB()) if suffix == "" else make_pipeline(SimpleImputer(strategy="median"), GaussianNB())), Xl),
        ("mlp 100 early-stopping", lambda: lin(MLPClassifier(hidden_layer_sizes=(100,), early_stopping=True, random_state=0)), Xl),
    ]:
        m = make().fit(X[~test], y[~test])
        emit("AUC " + name + suffix, roc_auc_score(y[test], m.predict_proba(X[test])[:, 1]))
    for name, make, X in [
        ("linear", lambda: lin(LinearRegression()), Xl),
        ("ridge alpha1", lambda: lin(Ridge(alpha=1.0)), Xl),
        ("lasso alpha0.1", lambda: lin(Lasso(alpha=0.1)), Xl),
        ("tree depth6", lambda: DecisionTreeRegressor(max_depth=6, random_state=0), Xt),
        ("forest 20 depth8", lambda: RandomForestRegressor(n_estimators=20, max_depth=8, random_state=0), Xt),
        ("xgbr hist 30 depth3", lambda: xgb.XGBRegressor(n_estimators=30, max_depth=3, tree_method="hist", random_state=0), Xt),
    ]:
        m = make().fit(X[~test], price[~test])
        emit("R2 " + name + suffix, r2_score(price[test], m.predict(X[test])))
