#!/usr/bin/env python3
"""scikit-learn's figures for Tests/Transcripts/modeling/clustering.sift and anomaly.sift.

Run: /tmp/sift-bench-venv/bin/python scripts/cluster_transcript_check.py
Features are standard-scaled (population sd, as StandardScaler) on all 300 rows, as `train` does.
"""
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans, DBSCAN, AgglomerativeClustering
from sklearn.ensemble import IsolationForest
from sklearn.metrics import silhouette_score, davies_bouldin_score

df = pd.read_csv("Tests/Transcripts/fixtures/shop.csv", sep=";")
raw = df[["price", "page"]].to_numpy(float)
mu, sd = raw.mean(0), raw.std(0)
x = (raw - mu) / sd


def report(name, x, labels, centres=None):
    keep = labels >= 0
    xs, ls = x[keep], labels[keep]
    ks = sorted(set(ls))
    means = np.array([xs[ls == k].mean(0) for k in ks])
    c = centres if centres is not None else means
    idx = {k: i for i, k in enumerate(ks)}
    inertia = sum(((xs[i] - (centres[ls[i]] if centres is not None else c[idx[ls[i]]])) ** 2).sum() for i in range(len(xs)))
    sizes = [int((labels == k).sum()) for k in ks]
    print(f"{name}: silhouette {silhouette_score(xs, ls):.6f} davies_bouldin {davies_bouldin_score(xs, ls):.6f} "
          f"inertia {inertia:.6g} sizes {sizes} noise {int((~keep).sum())}")
    return means


km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(x)
report("kmeans k3", x, km.labels_, km.cluster_centers_)
print("  inertia_", km.inertia_, "centres (original units)", (km.cluster_centers_ * sd + mu).round(4).tolist())
cheap = raw[:, 0] < 40
report("kmeans k3 on cheap", x[cheap], km.predict(x[cheap]), km.cluster_centers_)

db = DBSCAN(eps=0.3, min_samples=10).fit(x)
report("dbscan eps0.3 min10", x, db.labels_)
print("  clusters", db.labels_.max() + 1)

h = AgglomerativeClustering(n_clusters=3, linkage="average").fit(x)
m = report("hclust average k3", x, h.labels_)
print("  centroids (original units)", (m * sd + mu).round(4).tolist())
q = (np.array([80.0, 2.0]) - mu) / sd
print("  {price: 80, page: 2} nearest centroid of sorted labels", int(np.argmin(((m - q) ** 2).sum(1))))

onehot = pd.get_dummies(df["page 2 (clothing model)"]).to_numpy(float)
xs = np.column_stack([df["price"].to_numpy(float), onehot])
k2 = KMeans(n_clusters=2, n_init=10, random_state=0).fit(xs)
report("kmeans price + model one-hot unscaled k2", xs, k2.labels_, k2.cluster_centers_)

xi = df[["price", "page", "colour"]].to_numpy(float)
iso = IsolationForest(contamination=0.05, random_state=0).fit(xi)
s = -iso.score_samples(xi)
print("isolation contamination 0.05: flagged", int((iso.predict(xi) == -1).sum()), "threshold", -iso.offset_,
      "mean score", s.mean())
order = np.argsort(-s)[:5]
print("  top 5 rows (price, page, colour, score)", [(*xi[i].astype(int).tolist(), round(s[i], 4)) for i in order])
np.save("/tmp/sklearn_iso_scores.npy", s)
iso2 = IsolationForest(n_estimators=50, random_state=0).fit(raw)
print("isolation auto trees 50: flagged (score > 0.5)", int((-iso2.score_samples(raw) > 0.5).sum()))
