"""Turns the raw figures of bench.py into a section of docs/BENCHMARKS.md.

Each corpus size has its own section between markers, so a run at 100,000 pages does not erase
the 20,000-page figures; text outside the markers is kept as written.
"""
import os
import re
import statistics

TARGETS = {
    "hot_vs_nginx": 0.5, "random_vs_hot": 0.95, "search_p50": 5, "search_p99": 25, "history_p50": 20,
    "save_p50": 30, "cold_s": 60, "warm_s": 5, "rss_mb": 1024, "rebuild_s": 20,
}

HEADER = """# Benchmarks

Figures from the load benchmark in `bench/` (not part of `mvn verify`). Each section below is
written by one run of the harness for one corpus size; it replaces the previous section of the
same size and keeps everything else in this file.

Run it (builds the jar, generates the corpus with the peers' `gen-corpus.py`, starts the server,
measures, writes here):

```sh
bench/run.sh --pages 20000 --history 20000 --duration 10s
```

Needs `wrk` and `nginx` (`apt-get install wrk nginx`), `git`, Python 3 and a JDK 17.
`bench/run.sh --help` lists every option; the README in `bench/` says what each step does.
Micro-benchmarks (JMH) are described in `bench/README.md` as well.

"""


def _num(s):
    s = s.strip().replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def parse_gitit(text):
    """Figures from a gitit-bench.sh results table (plus the nginx table when present)."""
    figs = {}
    m = re.search(r"gitit RSS (\d+) MB", text)
    if m:
        figs["rss_mb"] = int(m.group(1))
    m = re.search(r"gitit ([0-9.]+) \|", text)
    if m:
        figs["version"] = m.group(1)
    for line in text.splitlines():
        if not line.startswith("| ") or line.startswith("| test") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 6:
            continue
        name, conn, conc = cells[0], cells[1], cells[2]
        rps, p50 = _num(cells[3]), _num(cells[4])
        if name == "view one page" and conn == "ka" and conc == "32":
            figs["hot_rps"], figs["hot_p50_ms"] = rps, p50
        elif name == "view random page" and conn == "ka" and conc == "32":
            figs["random_rps"] = rps
        elif name.startswith("view one page, use-cache") and conn == "ka" and conc == "32":
            figs["cached_hot_rps"] = rps
        elif name.startswith("search rare word") and conn == "ka" and conc == "1":
            figs["search_rare_p50_ms"] = p50
        elif name.startswith("search common word") and conn == "curl-seq":
            figs["search_common"] = "no answer" if "NO ANSWER" in name or (cells[8] not in ("0", "")) else p50
        elif name.startswith("page history") and conn == "ka" and conc == "1":
            figs["history_p50_ms"] = p50
            m = re.search(r"\((\d+) revs", name)
            figs["history_revs"] = int(m.group(1)) if m else None
        elif name.startswith("edit loop: GET form + POST"):
            figs["save_p50_ms"] = p50
        elif name.startswith("startup until first page"):
            parts = [x.strip() for x in cells[4].split("/")]
            figs["start_cold_ms"] = _num(parts[0]) if parts else None
            figs["start_warm_ms"] = _num(parts[1]) if len(parts) > 1 else None
        elif name.startswith("nginx static page") and conn == "ka" and conc == "32":
            figs["nginx_hot_rps"] = rps
    return figs


def median_round(rounds):
    """Per target, the round with the median requests/s."""
    out = {}
    for key in rounds[0]:
        runs = sorted((r[key] for r in rounds), key=lambda x: x.get("rps", 0))
        out[key] = runs[len(runs) // 2]
    return out


def f0(x):
    return "—" if x is None else "{:,.0f}".format(x)


def f1(x):
    return "—" if x is None else "{:,.1f}".format(x)


def f2(x):
    return "—" if x is None else "{:,.2f}".format(x)


def met(ok):
    if ok is None:
        return "—"
    return "yes" if ok else "**no**"


def ratio(a, b):
    if not a or not b:
        return None
    return a / b


def total_errors(res):
    n = 0
    v = res.get("views", {})
    for k in ("hot", "random", "hot_gzip"):
        n += max(0, v.get(k, {}).get("errors", 0))
    n += res.get("first_views", {}).get("errors", 0)
    n += res.get("search", {}).get("all", {}).get("errors", 0)
    n += max(0, res.get("search_wrk", {}).get("errors", 0))
    h = res.get("history", {})
    for k in ("hot_api", "random_api", "hot_html"):
        n += h.get(k, {}).get("errors", 0)
    s = res.get("saves", {})
    n += s.get("sequential", {}).get("errors", 0) + s.get("concurrent", {}).get("errors", 0)
    n += s.get("sequential", {}).get("not_searchable_on_return", 0)
    return n


def section(res):
    a = res["args"]
    m = res["machine"]
    c = res["corpus"]
    v = res["views"]
    g = res.get("gitit") or {}
    s = res["search"]["all"]
    h = res["history"]
    sv = res["saves"]
    hot, nginx, rnd = v["hot"], v["nginx_hot"], v["random"]
    cmd = "bench/run.sh " + " ".join(res["argv"])
    L = []
    L.append("### %s pages, %s history commits — %s" % (f0(a["pages"]), f0(a["history"]), res["started"].replace("T", " ")))
    L.append("")
    L.append("Command: `%s` (jar built from the %s; server JVM options: `%s`)." % (
        cmd.strip(), {"snapshot": "working tree", "tree": "working tree, in place", "head": "HEAD commit"}.get(
            a["source"], a["source"]) if not a.get("jar") else "given jar", a["java_opts"] or "none, JVM defaults"))
    L.append("")
    L.append("Machine: %s cores (%s), %s GiB RAM, %s; %s; %s; %s. Load average before / after: %s / %s "
             "(other developers were building on the same 2 cores, so every page-view figure is given as a "
             "ratio to nginx measured minutes apart in the same run; *foreign CPU* is the share of the "
             "machine used by processes other than the server, the load generator and nginx)." % (
                 m.get("nproc"), m.get("cpu", "?"), m.get("mem_gib"), m.get("os", ""),
                 m.get("java", ["?"])[0], m.get("wrk", ""), m.get("nginx", ""),
                 res["load_before"], res["load_after"]))
    L.append("")
    L.append("Corpus: `gen-corpus.py --pages %d --front-matter yaml --history-commits %d --seed %d`: %s pages, "
             "%s commits, %.1f MB of Markdown (median page %s B); repository %s MB, search index %s MB. "
             "Hot page `%s` (%s B of HTML, the one most linked to%s); most edited page `%s`." % (
                 a["pages"], a["history"], a["seed"], f0(c.get("pages")), f0(c.get("commits")),
                 (c.get("bytes_total") or 0) / 1e6, f0(c.get("size_median")), res.get("repo_mb"),
                 res.get("index_mb"), res["hot_page"]["path"], f0(res["hot_page"]["bytes"]),
                 "; shown with a render error, its front matter being unparsable" if res["hot_page"].get("render_error") else "",
                 (c.get("most_edited") or [["?"]])[0][0]))
    L.append("")
    gsrc = g.get("source", "not measured")
    L.append("Gitit: %s." % gsrc)
    L.append("")
    L.append("| measure | Clearinghouse | nginx (same run) | Gitit | ratio | target | met |")
    L.append("|---|---:|---:|---:|---|---|---|")
    r_ng = ratio(hot["rps"], nginx["rps"])
    r_g = ratio(hot["rps"], g.get("hot_rps"))
    L.append("| hot page views, `wrk -t2 -c32`, req/s | %s | %s | %s | %s × nginx%s | ≥ 0.5 × nginx | %s |" % (
        f0(hot["rps"]), f0(nginx["rps"]), f1(g.get("hot_rps")), f2(r_ng),
        ("; %s × Gitit" % f0(r_g)) if r_g else "", met(r_ng >= TARGETS["hot_vs_nginx"] if r_ng else None)))
    r_rh = ratio(rnd["rps"], hot["rps"])
    r_gr = ratio(rnd["rps"], g.get("random_rps"))
    L.append("| random page views (all %s pages), req/s | %s | — | %s | %s × hot page%s | within a few %% of hot (≥ 0.95) | %s |" % (
        f0(c.get("pages")), f0(rnd["rps"]), f1(g.get("random_rps")), f2(r_rh),
        ("; %s × Gitit" % f0(r_gr)) if r_gr else "", met(r_rh >= TARGETS["random_vs_hot"] if r_rh else None)))
    gs = g.get("search_rare_p50_ms")
    L.append("| search p50 / p99 over HTTP, ms (%d queries of 6 kinds) | %s / %s | — | rare word p50 %s; common word %s | %s | ≤ 5 / ≤ 25 | %s |" % (
        s["n"], f2(s["p50_ms"]), f2(s["p99_ms"]), f0(gs),
        (f0(g["search_common"]) + " ms") if isinstance(g.get("search_common"), float) else g.get("search_common", "—"),
        ("p50 %s × faster than Gitit's rare word" % f0(gs / s["p50_ms"])) if gs and s["p50_ms"] else "",
        met(s["p50_ms"] <= TARGETS["search_p50"] and s["p99_ms"] <= TARGETS["search_p99"])))
    if h.get("present"):
        ha, hr = h["hot_api"], h["random_api"]
        gh = g.get("history_p50_ms")
        L.append("| history p50, most edited page (API), ms | %s | — | %s%s | %s | ≤ 20 | %s |" % (
            f2(ha["p50_ms"]), f0(gh), (" (%s revs)" % g["history_revs"]) if g.get("history_revs") else "",
            ("%s × faster than Gitit" % f0(gh / ha["p50_ms"])) if gh and ha["p50_ms"] else "",
            met(ha["p50_ms"] <= TARGETS["history_p50"])))
        L.append("| history p50, random pages (API), ms | %s | — | — | | ≤ 20 | %s |" % (
            f2(hr["p50_ms"]), met(hr["p50_ms"] <= TARGETS["history_p50"])))
        L.append("| history page `/history/…` p50, most edited page, ms | %s | — | — | | ≤ 20 | %s |" % (
            f2(h["hot_html"]["p50_ms"]), met(h["hot_html"]["p50_ms"] <= TARGETS["history_p50"])))
    else:
        L.append("| history p50 (most edited / random pages) | pending (issue 4: no history route yet) | — | %s | | ≤ 20 | — |" % f0(g.get("history_p50_ms")))
    sq, cc = sv["sequential"], sv["concurrent"]
    gsave = g.get("save_p50_ms")
    L.append("| save p50 / p99, sequential with base revision, searchable on return, ms | %s / %s | — | %s | %s | ≤ 30 | %s |" % (
        f2(sq["p50_ms"]), f2(sq["p99_ms"]), f0(gsave),
        ("%s × faster than Gitit" % f0(gsave / sq["p50_ms"])) if gsave and sq["p50_ms"] else "",
        met(sq["p50_ms"] is not None and sq["p50_ms"] <= TARGETS["save_p50"]
            and sq.get("not_searchable_on_return", 0) == 0)))
    L.append("| saves/s with %d concurrent editors | %s | — | — | | (no target) | — |" % (
        cc["editors"], f1(cc["saves_per_s"])))
    cs, ws = res["cold_start"], res["warm_start"]
    L.append("| cold start (no index): until `/health` is 200 and search answers, s | %s | — | %s | | ≤ 60 | %s |" % (
        f1(cs["search_ready_s"]), ("%s (no index to build)" % f1(g["start_cold_ms"] / 1000)) if g.get("start_cold_ms") else "—",
        met(cs["search_ready_s"] <= TARGETS["cold_s"])))
    L.append("| warm start (index at head), s | %s | — | %s | | ≤ 5 | %s |" % (
        f1(ws["search_ready_s"]), f1(g["start_warm_ms"] / 1000) if g.get("start_warm_ms") else "—",
        met(ws["search_ready_s"] <= TARGETS["warm_s"])))
    rb = res.get("rebuild")
    if rb:
        L.append("| search index rebuilt from Git, server stopped (`reindex --only search`, a fresh JVM), s "
                 "| %s (%s s of CPU) | — | — | | ≤ 20 (issue 5) | %s |" % (
                     f1(rb["seconds"]), f1(rb["cpu_s"]), met(rb["seconds"] <= TARGETS["rebuild_s"])))
    L.append("| resident memory (VmRSS at the end / peak VmHWM), MB | %s / %s | — | %s | | ≤ 1,024 | %s |" % (
        f0(res.get("rss_mb")), f0(res.get("rss_peak_mb")), f0(g.get("rss_mb")),
        met(res.get("rss_peak_mb") is not None and res["rss_peak_mb"] <= TARGETS["rss_mb"])))
    errs = total_errors(res)
    L.append("| errors under all these loads | %d | | | | 0 | %s |" % (errs, met(errs == 0)))
    L.append("")

    L.append("Page views in detail (`wrk -t2 -c32 -d%s`, keep-alive; the median of %d round(s)):" % (
        a["duration"], a["rounds"]))
    L.append("")
    L.append("| what | req/s | p50 ms | p99 ms | max ms | errors | bytes/response | foreign CPU % | load |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    for key, label in (("nginx_hot", "nginx, hot page file (reference)"), ("hot", "Clearinghouse, hot page"),
                       ("random", "Clearinghouse, random pages"),
                       ("hot_gzip", "Clearinghouse, hot page, `Accept-Encoding: gzip`")):
        w = v.get(key)
        if w:
            L.append("| %s | %s | %s | %s | %s | %d | %s | %s | %s |" % (
                label, f0(w["rps"]), f2(w.get("p50_ms")), f2(w.get("p99_ms")), f2(w.get("max_ms")),
                w.get("errors", 0), f0(w.get("bytes_per_resp")), w.get("foreign_cpu_pct"), w.get("load", "")))
    sw = res.get("search_wrk")
    if sw:
        L.append("| Clearinghouse, search API, the probe queries at random | %s | %s | %s | %s | %d | %s | %s | %s |" % (
            f0(sw["rps"]), f2(sw.get("p50_ms")), f2(sw.get("p99_ms")), f2(sw.get("max_ms")), sw.get("errors", 0),
            f0(sw.get("bytes_per_resp")), sw.get("foreign_cpu_pct"), sw.get("load", "")))
    fv = res["first_views"]
    L.append("")
    L.append("First view of %s after the warm start (renders each once; 4 client threads): %s pages "
             "in %s s, %s pages/s, p50 %s ms, p99 %s ms, %d errors%s." % (
                 "every page" if fv["pages"] >= res["corpus"]["pages"] else "a spread sample of the pages",
                 f0(fv["pages"]), f1(fv["seconds"]), f0(fv["rate"]), f2(fv["p50_ms"]), f2(fv["p99_ms"]),
                 fv["errors"], ("; %d shown with a render error, e.g. %s" % (fv["render_errors"], ", ".join(
                     "`%s`" % p for p in fv.get("render_error_examples", [])[:3]))) if fv.get("render_errors") else ""))
    L.append("")
    L.append("Search by kind of query (sequential, one keep-alive connection, `GET /api/v1/search?q=`, "
             "after %s untimed warm-up searches on other queries of the same kinds; hits = `total` answered):"
             % res.get("args", {}).get("search_warmup", "no"))
    L.append("")
    L.append("| kind | requests | p50 ms | p90 ms | p99 ms | max ms | errors | queries (hits) |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for kind in ("common", "medium", "rare", "two", "phrase", "typo", "all"):
        k = res["search"].get(kind)
        if not k:
            continue
        qs = ", ".join("`%s` (%s)" % (q, n) for q, n in k.get("queries", [])[:8])
        L.append("| %s | %d | %s | %s | %s | %s | %d | %s |" % (
            kind, k["n"], f2(k["p50_ms"]), f2(k["p90_ms"]), f2(k["p99_ms"]), f2(k["max_ms"]), k["errors"], qs))
    L.append("")
    if h.get("present"):
        L.append("History (sequential, one keep-alive connection):")
        L.append("")
        L.append("| request | n | p50 ms | p90 ms | p99 ms | max ms | errors |")
        L.append("|---|---:|---:|---:|---:|---:|---:|")
        for key, label in (("hot_api", "`GET /api/v1/pages/{most edited}/history`"),
                           ("random_api", "`GET /api/v1/pages/{random}/history`"),
                           ("hot_html", "`GET /history/{most edited}` (HTML)")):
            k = h[key]
            L.append("| %s | %d | %s | %s | %s | %s | %d |" % (label, k["n"], f2(k["p50_ms"]), f2(k["p90_ms"]),
                                                         f2(k["p99_ms"]), f2(k["max_ms"]), k["errors"]))
        L.append("")
    L.append("Saves (`PUT /api/v1/pages/{path}` with `baseRevision`, HTTP Basic; each after a `GET` of the "
             "page, which is not timed; every 10th on the hot page): sequential %d saves, p50 %s ms, p90 %s ms, "
             "p99 %s ms, %d errors, %d not found by search right after the save returned, %d merged "
             "(%d pages skipped: the corpus generator's edits wrote into their YAML front matter, which no longer parses, "
             "and a save of such a page is refused with 422 until someone fixes it). "
             "%d concurrent editors on disjoint pages for %s s: %d saves, %s saves/s, p50 %s ms, p99 %s ms, "
             "%d conflicts, %d errors. The repository grew by %s KB a save (loose objects, until `git gc` "
             "packs them)." % (
                 sq["n"], f2(sq["p50_ms"]), f2(sq["p90_ms"]), f2(sq["p99_ms"]), sq["errors"],
                 sq.get("not_searchable_on_return", 0), sq.get("merged", 0), sq.get("skipped_invalid_pages", 0),
                 cc["editors"], f1(cc["seconds"]),
                 cc["saves"], f1(cc["saves_per_s"]), f2(cc["p50_ms"]), f2(cc["p99_ms"]), cc["conflicts"],
                 cc["errors"], f0(sv.get("repo_growth_kb_per_save"))))
    L.append("")
    L.append("Starts: cold /health after %s s (search ready %s s, RSS %s MB); warm /health after %s s "
             "(search ready %s s, RSS %s MB)." % (
                 f1(cs["health_s"]), f1(cs["search_ready_s"]), f0(cs.get("rss_mb")), f1(ws["health_s"]),
                 f1(ws["search_ready_s"]), f0(ws.get("rss_mb"))))
    L.append("")
    return "\n".join(L)


def marker(res, end=False):
    return "<!-- bench:n%d-k%d:%s -->" % (res["args"]["pages"], res["args"]["history"], "end" if end else "begin")


def update(path, res, text):
    begin, end = marker(res), marker(res, True)
    block = begin + "\n" + text + "\n" + end + "\n"
    old = open(path).read() if os.path.exists(path) else HEADER
    if begin in old and end in old:
        i, j = old.index(begin), old.index(end) + len(end)
        new = old[:i] + block.rstrip("\n") + old[j:]
    else:
        new = old.rstrip("\n") + "\n\n" + block
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(new)


def summary(res):
    v = res["views"]
    s = res["search"]["all"]
    h = res["history"]
    sq = res["saves"]["sequential"]
    lines = [
        "hot page %.0f req/s = %.2f x nginx (%.0f); random pages %.0f req/s = %.2f x hot" % (
            v["hot"]["rps"], v["hot"]["rps"] / max(1, v["nginx_hot"]["rps"]), v["nginx_hot"]["rps"],
            v["random"]["rps"], v["random"]["rps"] / max(1, v["hot"]["rps"])),
        "search p50 %s ms p99 %s ms" % (s["p50_ms"], s["p99_ms"]),
        "history " + ("p50 hot %s ms random %s ms" % (h["hot_api"]["p50_ms"], h["random_api"]["p50_ms"])
                      if h.get("present") else "pending"),
        "save p50 %s ms; %s saves/s with %d editors" % (sq["p50_ms"], res["saves"]["concurrent"]["saves_per_s"],
                                                        res["saves"]["concurrent"]["editors"]),
        "cold start %s s, warm start %s s, RSS %s MB (peak %s)" % (
            res["cold_start"]["search_ready_s"], res["warm_start"]["search_ready_s"], res["rss_mb"],
            res["rss_peak_mb"]),
        "search rebuild %s s" % (res["rebuild"]["seconds"] if res.get("rebuild") else "not measured"),
        "errors: %d" % total_errors(res),
    ]
    return "\n".join(lines)


def _selftest():
    here = os.path.dirname(os.path.abspath(__file__))
    p = os.path.join(here, "..", "..", "shared", "peers", "results", "gitit-n20000-k2000.md")
    if os.path.exists(p):
        print(parse_gitit(open(p).read()))
    print(statistics.median([1, 2, 3]))


if __name__ == "__main__":
    _selftest()
