# Independent pandas figures for the clickstream verbs, written into Tests/SiftFrameTests/ClickstreamPandasCrossCheckTests.swift.
# Usage: sift gen clickstream --rows 20000 --seed 42 -o /tmp/c20k.csv
#        /tmp/sift-bench-venv/bin/python scripts/clickstream_anchors.py /tmp/c20k.csv
import sys
import pandas as pd

df = pd.read_csv(sys.argv[1], parse_dates=["ts"])
print("pandas", pd.__version__, "rows", len(df))

# sessionize: sort by (user, ts) stably, new session on a user change or a pause > 30 min.
s = df.sort_values(["user_id", "ts"], kind="mergesort")
new = (s.user_id != s.user_id.shift()) | (s.ts.diff() > pd.Timedelta(minutes=30))
s = s.assign(session=new.cumsum())
s = s.assign(step=s.groupby("session").cumcount() + 1).sort_index()
print("sessionize: sessions", s.session.nunique(), "sum step", int(s.step.sum()),
      "sum session*step", int((s.session * s.step).sum()),
      "same as session_id:", s.groupby("session").session_id.nunique().max() == 1 and s.groupby("session_id").session.nunique().max() == 1)

# funnel view -> cart -> purchase by session_id, events in row order, greedy in-order matching.
steps = ["view", "cart", "purchase"]
def reached(events):
    k = 0
    for e in events:
        if k < len(steps) and e == steps[k]:
            k += 1
    return k
r = df.groupby("session_id", sort=False).event.apply(lambda x: reached(list(x)))
print("funnel counts", [int((r >= k).sum()) for k in range(1, 4)])

# rfm on purchases: customer user_id, time ts, amount price.
p = df[df.event == "purchase"]
g = p.groupby("user_id", sort=False).agg(last=("ts", "max"), frequency=("ts", "size"), monetary=("price", lambda x: x.sum(min_count=1)))
g["recency_days"] = (g["last"].max() - g["last"]).dt.total_seconds() / 86400
def quintile(x):
    q = [x.quantile(v) for v in (0.2, 0.4, 0.6, 0.8)]
    return (1 + sum((x > c).astype(int) for c in q)).where(x.notna())
g["r"] = 6 - quintile(g.recency_days)
g["f"] = quintile(g.frequency.astype(float))
g["m"] = quintile(g.monetary)
def segment(r, f):
    if r >= 4 and f >= 4: return "Champions"
    if r >= 3 and f >= 3: return "Loyal"
    if r >= 4: return "Potential"
    if f >= 3: return "At-Risk"
    if r >= 2: return "Win-Back"
    return "Lost"
g["segment"] = [segment(a, b) for a, b in zip(g.r, g.f)]
print("rfm customers", len(g), "sum r", int(g.r.sum()), "sum f", int(g.f.sum()), "sum m", int(g.m.sum()),
      "sum monetary", int(g.monetary.sum()), "sum recency", repr(float(g.recency_days.sum())))
print("rfm segments", g.segment.value_counts().sort_index().to_dict())

# cohort by month of first event; share of the cohort active at each offset.
c = df[["user_id", "ts"]].copy()
c["p"] = c.ts.dt.year * 12 + c.ts.dt.month - 1
c["cohort"] = c.groupby("user_id").p.transform("min")
c["offset"] = c.p - c.cohort
m = c.groupby(["cohort", "offset"]).user_id.nunique().unstack()
size = c.groupby("cohort").user_id.nunique()
ret = m.div(size, axis=0)
print("cohort sizes", size.tolist())
print("cohort first row", [repr(float(v)) for v in ret.iloc[0].tolist()])

# cooccur product by session_id: distinct products per session, pairs both ways.
b = df[["session_id", "product"]].drop_duplicates()
baskets = df.session_id.nunique()
holding = b.groupby("product").session_id.nunique()
pairs = b.merge(b, on="session_id")
pairs = pairs[pairs.product_x != pairs.product_y]
pc = pairs.groupby(["product_x", "product_y"]).size().rename("count").reset_index()
pc["confidence"] = pc["count"] / pc.product_x.map(holding)
pc["lift"] = pc["count"] * baskets / (pc.product_x.map(holding) * pc.product_y.map(holding))
pc = pc.sort_values(["count", "product_x", "product_y"], ascending=[False, True, True], kind="mergesort")
print("cooccur pairs", len(pc), "sum count", int(pc["count"].sum()), "pairs with count >= 3", int((pc["count"] >= 3).sum()))
print("cooccur top 3", [(a, b, int(n), repr(float(cf)), repr(float(l))) for a, b, n, cf, l in pc.head(3)[["product_x", "product_y", "count", "confidence", "lift"]].itertuples(index=False)])
