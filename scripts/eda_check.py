# Checks the figures notebooks/01-eda.sift prints against pandas: run from the package root with
# /tmp/sift-bench-venv/bin/python scripts/eda_check.py and compare with notebooks/01-eda.out.
import pandas as pd
df = pd.read_csv("notebooks/data/eshop-clothing-2008.csv", sep=";")
df.columns = ["year","month","day","order","country","session","cat","model","colour",
              "location","photo","price","price_2","page"]
df["date"] = pd.to_datetime(df[["year", "month", "day"]])
g = df.groupby("session")
s = pd.DataFrame({"clicks": g.size(), "depth": g.page.max(), "models": g.model.nunique(),
                  "country": g.country.first(), "start": g.date.first(), "mean_price": g.price.mean()})
s["revisits"] = s.clicks - s.models
print("rows", len(df), "sessions", len(s), "models", df.model.nunique(), "days", df.date.nunique())
d = df.groupby("date").size()
print("busiest days", d.nlargest(2).to_dict(), "quietest", d.nsmallest(1).to_dict())
print("mean clicks/day by month", d.groupby(d.index.month).mean().round(2).to_dict())
c = df.country.value_counts()
print("top 3 countries (code: clicks)", c.head(3).to_dict(), "largest share %.4f" % (c.iloc[0] / len(df)))
print("category shares", df.cat.value_counts(normalize=True).round(4).sort_index().to_dict())
print("bounce rate %.6f (%d sessions)" % ((s.clicks == 1).mean(), (s.clicks == 1).sum()))
print("clicks/session mean %.5f median %g p90 %g max %d" % (s.clicks.mean(), s.clicks.median(), s.clicks.quantile(0.9), s.clicks.max()))
b = s.groupby("country").clicks.agg(sessions="size", bounce=lambda x: (x == 1).mean())
print("bounce by country (29 Poland, 9 Czech, 46 .net)", b.loc[[29, 9, 46]].round(4).to_dict("index"))
print("depth share", s.depth.value_counts(normalize=True).sort_index().round(4).to_dict())
print("distinct models mean %.5f; revisit sessions %d (%.4f); repeat clicks %d (%.4f)" % (
    s.models.mean(), (s.revisits > 0).sum(), (s.revisits > 0).mean(), s.revisits.sum(), s.revisits.sum() / len(df)))
w = s.groupby(s.start.dt.day_of_week).agg(sessions=("clicks", "size"), days=("start", "nunique"))
print("sessions per weekday (0=Mon)", (w.sessions / w.days).round(2).to_dict())
print("price mean %.4f median %g q25 %g q75 %g" % (df.price.mean(), df.price.median(), df.price.quantile(.25), df.price.quantile(.75)))
print("mean/median price by category (1 trousers, 2 skirts, 3 blouses, 4 sale)",
      df.groupby("cat").price.agg(["mean", "median"]).round(4).to_dict("index"))
print("price_2 == 1 share %.4f" % (df.price_2 == 1).mean())
print("mean price by session depth", s.groupby("depth").mean_price.mean().round(4).to_dict())
print("corr price~price_2 %.4f page~photo %.4f order~page %.4f" % (
    df.price.corr(df.price_2), df.page.corr(df.photo), df.order.corr(df.page)))
print("crosstab category x price_2\n", pd.crosstab(df.cat, df.price_2))
