#!/usr/bin/env python3
"""Fit timings of the tree anchors on the session split written by tree_anchors.py (3 fits, wall and process CPU).

Usage: tree_anchor_timings.py MODEL...   (tree tree_reg forest boost histgb boost_reg); run right after
`swift run -c release sift-trees-bench` so both see the same machine load."""
import sys, time, numpy as np, json
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from sklearn.ensemble import RandomForestClassifier, GradientBoostingRegressor, HistGradientBoostingClassifier
import xgboost as xgb
tr = np.loadtxt("/tmp/sift-trees/session_train.csv", delimiter=",", skiprows=1)
X, y, r = tr[:, :6], tr[:, 6].astype(int), tr[:, 7]
which = sys.argv[1:]
models = {
 "tree": lambda: (DecisionTreeClassifier(max_depth=10, random_state=0), y),
 "tree_reg": lambda: (DecisionTreeRegressor(max_depth=10, random_state=0), r),
 "forest": lambda: (RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0), y),
 "boost": lambda: (xgb.XGBClassifier(n_estimators=100, tree_method="hist", n_jobs=2, random_state=0), y),
 "histgb": lambda: (HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0), y),
 "boost_reg": lambda: (GradientBoostingRegressor(random_state=0), r),
}
for w in which:
    ts = []
    for _ in range(3):
        m, t = models[w](); t0 = time.perf_counter(); c0 = time.process_time(); m.fit(X, t); ts.append((time.perf_counter() - t0, time.process_time() - c0))
    print(w, "wall", [round(a, 3) for a, b in ts], "cpu", [round(b, 3) for a, b in ts])
