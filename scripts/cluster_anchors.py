#!/usr/bin/env python3
"""scikit-learn anchors for Tests/SiftLearnTests/{KMeans,DBSCAN,AgglomerativeClustering,IsolationForest,ClusteringMetrics}Tests.

Run: /tmp/sift-bench-venv/bin/python scripts/cluster_anchors.py
The data come from the same 64-bit LCG and Irwin-Hall normals as ClusterTestData.swift, so both
sides see bit-identical inputs.
"""
import numpy as np
from sklearn.cluster import KMeans, DBSCAN, AgglomerativeClustering
from sklearn.ensemble import IsolationForest
from sklearn.metrics import silhouette_score, davies_bouldin_score, adjusted_rand_score

MASK = (1 << 64) - 1


class LCG:
    def __init__(self, seed):
        self.s = seed & MASK

    def uniform(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & MASK
        return (self.s >> 11) * 2.0 ** -53

    def normal(self):
        t = 0.0
        for _ in range(12):
            t += self.uniform()
        return t - 6.0


def blobs(dims=2):
    """300 rows, cluster i % 3 around (0,0), (5,5), (0,8) (third coordinate 0, 3, 6), sd 0.6."""
    g = LCG(42)
    centres = [(0.0, 0.0, 0.0), (5.0, 5.0, 3.0), (0.0, 8.0, 6.0)]
    rows = []
    for i in range(300):
        c = centres[i % 3]
        rows.append([c[d] + g.normal() * 0.6 for d in range(dims)])
    return np.array(rows)


OUTLIERS = [(10.0, -3.0), (-6.0, 12.0), (12.0, 12.0), (-5.0, -5.0), (8.0, -6.0), (2.0, 15.0)]


def with_outliers():
    return np.vstack([blobs(), np.array(OUTLIERS)])


def show(name, values, fmt="{!r}"):
    print(f"{name} = [" + ", ".join(fmt.format(v) for v in values) + "]")


x = blobs()
truth = np.arange(300) % 3
km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(x)
print("kmeans ARI vs truth", adjusted_rand_score(truth, km.labels_))
print("kmeans inertia", repr(km.inertia_))
show("kmeans centres", km.cluster_centers_.ravel())

xo = with_outliers()
db = DBSCAN(eps=0.5, min_samples=5).fit(xo)
show("dbscan labels", db.labels_, "{}")
x3 = blobs(3)
db3 = DBSCAN(eps=0.7, min_samples=4).fit(x3)
show("dbscan3 labels", db3.labels_, "{}")

for linkage in ["ward", "average", "complete"]:
    h = AgglomerativeClustering(n_clusters=3, linkage=linkage).fit(x)
    print(linkage, "ARI vs truth", adjusted_rand_score(truth, h.labels_))
    h4 = AgglomerativeClustering(n_clusters=4, linkage=linkage).fit(xo)
    show(linkage + " k4 outliers labels", h4.labels_, "{}")

iso = IsolationForest(random_state=0).fit(xo)
show("isolation scores", -iso.score_samples(xo), "{:.6f}")

bad = np.arange(300) % 4
print("silhouette truth", repr(silhouette_score(x, truth)))
print("silhouette mod4", repr(silhouette_score(x, bad)))
print("davies_bouldin truth", repr(davies_bouldin_score(x, truth)))
print("davies_bouldin mod4", repr(davies_bouldin_score(x, bad)))
keep = db.labels_ >= 0
print("silhouette dbscan non-noise", repr(silhouette_score(xo[keep], db.labels_[keep])))
print("davies_bouldin dbscan non-noise", repr(davies_bouldin_score(xo[keep], db.labels_[keep])))
print("ARI mod3 vs mod4", repr(adjusted_rand_score(truth, bad)))
