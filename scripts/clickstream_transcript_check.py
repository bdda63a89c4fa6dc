# Recomputes with pandas the figures of Tests/Transcripts/clickstream/*.out (funnel, rfm, cooccur, cohort, sessionize).
# Usage: sift gen clickstream --rows 5000 --seed 3 -o /tmp/c5k.csv
#        /tmp/sift-bench-venv/bin/python scripts/clickstream_transcript_check.py Tests/Transcripts/fixtures/shop.csv /tmp/c5k.csv
import sys
import pandas as pd

shop = pd.read_csv(sys.argv[1], sep=";")
gen = pd.read_csv(sys.argv[2], parse_dates=["ts"])

def funnel(df, key, col, steps):
    def reached(events):
        k = 0
        for e in events:
            if k < len(steps) and e == steps[k]:
                k += 1
        return k
    r = df.groupby(key, sort=False)[col].apply(lambda x: reached(list(x)))
    counts = [int((r >= k).sum()) for k in range(1, len(steps) + 1)]
    return counts, [round(c / p, 6) if p else None for c, p in zip(counts, [counts[0]] + counts[:-1])]

print("shop pages 1-5", funnel(shop, "session ID", "page", [1, 2, 3, 4, 5]))
print("shop pages 2,1", funnel(shop, "session ID", "page", [2, 1]))
print("gen by time", funnel(gen.sort_values("ts", kind="mergesort"), "session_id", "event", ["login", "view", "cart", "purchase"]))

p = gen[gen.event == "purchase"]
g = p.groupby("user_id", sort=False).agg(last=("ts", "max"), frequency=("ts", "size"), monetary=("price", "sum"))
g["recency_days"] = (g["last"].max() - g["last"]).dt.total_seconds() / 86400
q = lambda x: 1 + sum((x > x.quantile(v)).astype(int) for v in (0.2, 0.4, 0.6, 0.8))
g["r"], g["f"], g["m"] = 6 - q(g.recency_days), q(g.frequency.astype(float)), q(g.monetary.astype(float))
print(g.head(8).round(5).to_string())
print("last purchase", p.ts.max(), "shift to 2024-09-03:", (pd.Timestamp("2024-09-03") - p.ts.max()).total_seconds() / 86400)

b = shop[["session ID", "page 2 (clothing model)"]].drop_duplicates()
b.columns = ["s", "i"]
n = shop["session ID"].nunique()
h = b.groupby("i").s.nunique()
pr = b.merge(b, on="s")
pr = pr[pr.i_x != pr.i_y].groupby(["i_x", "i_y"]).size().rename("count").reset_index()
pr["support"] = pr["count"] / n
pr["confidence"] = pr["count"] / pr.i_x.map(h)
pr["lift"] = pr["count"] * n / (pr.i_x.map(h) * pr.i_y.map(h))
pr = pr.sort_values(["count", "i_x", "i_y"], ascending=[False, True, True], kind="mergesort")
print("pairs", len(pr), "baskets", n, "count >= 3:", int((pr["count"] >= 3).sum()))
print(pr.head(6).round(6).to_string(index=False))
for item, top in (("A2", 10), ("B4", 2)):
    r = pr[pr.i_x == item].sort_values(["confidence", "lift", "i_y"], ascending=[False, False, True], kind="mergesort").head(top)
    print(r.round(6).to_string(index=False))

c = gen[["user_id", "ts"]].copy()
c["p"] = c.ts.dt.year * 12 + c.ts.dt.month - 1
c["cohort"] = c.groupby("user_id").p.transform("min")
m = c.assign(o=c.p - c.cohort).groupby(["cohort", "o"]).user_id.nunique().unstack()
print(m.div(c.groupby("cohort").user_id.nunique(), axis=0).round(6).to_string())

s = gen.sort_values(["user_id", "ts"], kind="mergesort")
new = (s.user_id != s.user_id.shift()) | (s.ts.diff() > pd.Timedelta(minutes=30))
print("sessions", int(new.sum()), "session_ids", gen.session_id.nunique())
