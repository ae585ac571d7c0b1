#!/usr/bin/env python3
"""Clearinghouse load benchmark: one command from source to docs/BENCHMARKS.md.

    bench/run.sh [--pages 20000] [--history 20000] [--duration 10s] [--gitit recorded|run|skip] ...

Steps: build the jar; generate (or reuse) a corpus with the peers' gen-corpus.py (YAML front
matter, K history commits); clone it bare into DATA/content.git on branch main; start the server
with no index (cold start) and again with its index (warm start); view every page once; then
measure page views with wrk (one hot page, random pages) against nginx serving the hot page's
very bytes from a file in the same run; search, history and save latencies with a keep-alive
client; saves/s with concurrent editors; resident memory. Writes a section of
docs/BENCHMARKS.md (one per corpus size, replaced on the next run of that size) and the raw
figures as JSON in the work folder.

Everything listens on and loads only 127.0.0.1; every load is bounded in time or count; only
processes this script started are stopped, by their PIDs. Standard library only.
`--help` lists the options.
"""
import argparse
import datetime
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import client as httpc  # noqa: E402
import queries  # noqa: E402
import report  # noqa: E402

REPO = os.path.dirname(HERE)
USER, PASSWORD = "bench", "bench-password-1"


def log(msg):
    print("[%s] %s" % (time.strftime("%H:%M:%S"), msg), file=sys.stderr, flush=True)


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout


def first_existing(*paths):
    for p in paths:
        if p and os.path.exists(p):
            return os.path.abspath(p)
    return None


# ---------------------------------------------------------------- processes and CPU

def proc_ticks(pid):
    """utime+stime of pid and its live children (one level), in clock ticks."""
    total = 0
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    except OSError:
        return 0
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                if int(fields[1]) == pid:
                    total += int(fields[11]) + int(fields[12])
            except (OSError, IndexError, ValueError):
                pass
    return total


class CpuMeter:
    """How much of the machine's CPU went to processes other than ours during a measurement."""

    def __init__(self, pids):
        self.pids = [p for p in pids if p]

    @staticmethod
    def _machine():
        with open("/proc/stat") as f:
            v = list(map(int, f.readline().split()[1:]))
        return sum(v), v[0] + v[1] + v[2]

    def __enter__(self):
        self.m0 = self._machine()
        self.p0 = sum(proc_ticks(p) for p in self.pids)
        self.self0 = os.times()
        return self

    def __exit__(self, *exc):
        m1 = self._machine()
        p1 = sum(proc_ticks(p) for p in self.pids)
        s1 = os.times()
        hz = os.sysconf("SC_CLK_TCK")
        ours = (p1 - self.p0) + hz * ((s1.user - self.self0.user) + (s1.system - self.self0.system)
                                      + (s1.children_user - self.self0.children_user)
                                      + (s1.children_system - self.self0.children_system))
        total = max(1, m1[0] - self.m0[0])
        busy = m1[1] - self.m0[1]
        self.foreign_pct = max(0, round(100.0 * (busy - ours) / total))
        return False


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def rss_mb(pid):
    out = {}
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out[line.split(":")[0]] = int(line.split()[1]) // 1024
    except OSError:
        pass
    return out.get("VmRSS"), out.get("VmHWM")


def port_free(port):
    import socket
    s = socket.socket()
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))
        return True
    except OSError:
        return False
    finally:
        s.close()


def wait_port_free(port, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if port_free(port):
            return
        time.sleep(0.2)
    raise SystemExit("port %d is busy; pick another with --port/--nginx-port" % port)


def stop(proc, sig=signal.SIGTERM, grace=30):
    """Stops a process this script started, by its PID."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


# ---------------------------------------------------------------- the server

class Server:
    def __init__(self, a, jar, data, label, extra_opts=()):
        self.a, self.jar, self.data, self.label = a, jar, data, label
        self.extra_opts = list(extra_opts)
        self.proc = None

    def start(self, probe_query):
        """Starts the server; answers seconds until /health is 200 and a search finds the probe."""
        wait_port_free(self.a.port)
        logf = open(os.path.join(self.a.work, "server-%s.log" % self.label), "w")
        cmd = ["java"] + self.a.java_opts.split() + self.extra_opts + ["-jar", self.jar, "serve", "--port", str(self.a.port),
                                                    "--data", self.data, "--seed", self.a.empty_seed]
        log("starting: " + " ".join(cmd))
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(cmd, cwd=self.a.work, stdout=logf, stderr=subprocess.STDOUT,
                                     env=dict(os.environ, CLEARINGHOUSE_BCRYPT_COST="4"))
        c = httpc.Client(self.a.port, timeout=10)
        health_s = None
        deadline = t0 + self.a.start_timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("the server exited with %s; see %s" % (self.proc.returncode, logf.name))
            try:
                if health_s is None:
                    if c.get("/health")[0] == 200:
                        health_s = time.perf_counter() - t0
                if health_s is not None:
                    st, js, _ = c.get_json("/api/v1/search?q=" + urllib.parse.quote(probe_query))
                    if st == 200 and js and js.get("total", 0) > 0:
                        return health_s, time.perf_counter() - t0
            except OSError:
                c.close()
            time.sleep(0.05)
        raise SystemExit("the server did not answer within %d s; see %s" % (self.a.start_timeout, logf.name))

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def stop(self):
        stop(self.proc)
        self.proc = None


# ---------------------------------------------------------------- nginx

class Nginx:
    def __init__(self, a, url_path, body):
        self.a = a
        self.dir = os.path.join(a.work, "nginx")
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(os.path.join(self.dir, "tmp"))
        os.makedirs(os.path.join(self.dir, "logs"))
        target = os.path.join(self.dir, "html") + url_path
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(body)
        d = self.dir
        conf = """worker_processes auto;
pid %(d)s/nginx.pid;
error_log %(d)s/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  default_type text/html;
  client_body_temp_path %(d)s/tmp/body;
  proxy_temp_path %(d)s/tmp/proxy;
  fastcgi_temp_path %(d)s/tmp/fastcgi;
  uwsgi_temp_path %(d)s/tmp/uwsgi;
  scgi_temp_path %(d)s/tmp/scgi;
  server {
    listen 127.0.0.1:%(port)d;
    root %(d)s/html;
    location / { try_files $uri =404; }
  }
}
""" % {"d": d, "port": a.nginx_port}
        self.conf = os.path.join(d, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(conf)
        self.proc = None

    def start(self):
        wait_port_free(self.a.nginx_port)
        self.proc = subprocess.Popen(["nginx", "-c", self.conf, "-p", self.dir, "-g", "daemon off;"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                if httpc.Client(self.a.nginx_port, timeout=2).get("/")[0] in (200, 404, 403):
                    return
            except OSError:
                time.sleep(0.05)
        raise SystemExit("nginx did not start; see %s/logs/error.log" % self.dir)

    @property
    def pid(self):
        return self.proc.pid if self.proc else None

    def stop(self):
        stop(self.proc, signal.SIGQUIT, 10)
        self.proc = None


# ---------------------------------------------------------------- wrk

def wrk(a, url, paths_file=None, threads=2, conns=32, duration=None, pids=(), headers=()):
    cmd = ["wrk", "-t%d" % threads, "-c%d" % conns, "-d%s" % (duration or a.duration), "--timeout", "10s",
           "-s", a.wrk_lua]
    for h in headers:
        cmd += ["-H", h]
    cmd.append(url)
    env = dict(os.environ, WRK_PATHS=paths_file or "")
    with CpuMeter(pids) as cpu:
        out = subprocess.run(cmd, env=env, text=True, capture_output=True).stdout
    line = next((l for l in out.splitlines() if l.startswith("WRKRESULT")), None)
    if line is None:
        log("wrk gave no result:\n" + out)
        return {"rps": 0.0, "requests": 0, "errors": -1, "foreign_cpu_pct": cpu.foreign_pct}
    d = dict(kv.split("=") for kv in line.split()[1:])
    r = {k: float(v) for k, v in d.items()}
    res = {"rps": r["rps"], "requests": int(r["requests"]), "p50_ms": r["p50_ms"], "p99_ms": r["p99_ms"],
           "max_ms": r["max_ms"], "errors": int(sum(v for k, v in r.items() if k.startswith("err_"))),
           "bytes_per_resp": int(r["bytes"] / r["requests"]) if r["requests"] else 0,
           "foreign_cpu_pct": cpu.foreign_pct, "load": loadavg()}
    log("  wrk %s%s: %.0f req/s p50 %.2f ms p99 %.2f ms, %d errors, %d B/resp, foreign CPU %d%%" % (
        url, " (random paths)" if paths_file else "", res["rps"], res["p50_ms"], res["p99_ms"],
        res["errors"], res["bytes_per_resp"], cpu.foreign_pct))
    return res


# ---------------------------------------------------------------- measurements

def visit_all(a, pages, threads=4):
    """Views every page once (fills the render cache); answers rate, errors and time."""
    errors, render_errors = [], []
    lock = threading.Lock()
    chunks = [pages[i::threads] for i in range(threads)]
    lat = []

    def run(chunk):
        c = httpc.Client(a.port)
        mine = []
        for p in chunk:
            st, body, dt, _ = c.get("/wiki/" + httpc.quote_path(p))
            mine.append(dt)
            if st != 200:
                with lock:
                    errors.append((p, st))
            elif b'banner--error' in body:
                with lock:
                    render_errors.append(p)
        with lock:
            lat.extend(mine)
        c.close()

    t0 = time.perf_counter()
    ts = [threading.Thread(target=run, args=(ch,)) for ch in chunks]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    secs = time.perf_counter() - t0
    return {"pages": len(pages), "seconds": round(secs, 1), "rate": round(len(pages) / secs, 1),
            "p50_ms": ms(httpc.pct(lat, 50)), "p99_ms": ms(httpc.pct(lat, 99)), "errors": len(errors),
            "error_examples": errors[:5], "render_errors": len(render_errors),
            "render_error_examples": sorted(render_errors)[:5]}


def ms(seconds):
    return None if seconds is None else round(seconds * 1000, 2)


def latency_stats(values, errors=0, extra=None):
    d = {"n": len(values), "p50_ms": ms(httpc.pct(values, 50)), "p90_ms": ms(httpc.pct(values, 90)),
         "p99_ms": ms(httpc.pct(values, 99)), "max_ms": ms(max(values)) if values else None, "errors": errors}
    if extra:
        d.update(extra)
    return d


def measure_search(a, probes, warmups, server_pid):
    c = httpc.Client(a.port)
    urls = [(kind, q, "/api/v1/search?q=" + urllib.parse.quote(q)) for kind, q, _ in probes]
    # Warm-up, as wrk's warm-up runs before the page views: the server's JIT compiles the search
    # path on queries of the same kinds that are not the probes, then each probe runs once.
    for i in range(a.search_warmup if warmups else 0):
        c.get("/api/v1/search?q=" + urllib.parse.quote(warmups[i % len(warmups)][1]))
    hits = {}
    for kind, q, u in urls:
        st, js, _ = c.get_json(u)
        hits[q] = js.get("total") if js else None
    rng = random.Random(11)
    plan = [urls[i % len(urls)] for i in range(max(a.searches, len(urls)))]
    rng.shuffle(plan)
    by_kind, errors = {}, {}
    with CpuMeter([server_pid]) as cpu:
        for kind, q, u in plan:
            st, _, dt, _ = c.get(u)
            by_kind.setdefault(kind, []).append(dt)
            if st != 200:
                errors[kind] = errors.get(kind, 0) + 1
    c.close()
    allv = [v for vs in by_kind.values() for v in vs]
    out = {"all": latency_stats(allv, sum(errors.values()), {"foreign_cpu_pct": cpu.foreign_pct})}
    for kind, vs in by_kind.items():
        qs = [(q, hits.get(q)) for k, q, _ in probes if k == kind]
        out[kind] = latency_stats(vs, errors.get(kind, 0), {"queries": qs})
    return out


def measure_history(a, hot, pages, server_pid):
    c = httpc.Client(a.port)
    api = lambda p: "/api/v1/pages/%s/history" % httpc.quote_path(p)  # noqa: E731
    st, body, _, _ = c.get(api(hot))
    st_html, _, _, _ = c.get("/history/" + httpc.quote_path(hot))
    if st != 200 and st_html != 200:
        log("  history: GET %s answered %d and /history/%s %d: not built yet (pending)" % (
            api(hot), st, hot, st_html))
        return {"present": False, "status": st}
    out = {"present": True}
    try:
        js = json.loads(body)
        entries = js.get("revisions") or js.get("history") or js.get("entries") or js.get("changes")
        if isinstance(entries, list):
            out["hot_entries_shown"] = len(entries)
        for key in ("total", "count"):
            if isinstance(js.get(key), int):
                out["hot_total"] = js[key]
    except (ValueError, AttributeError):
        pass
    rng = random.Random(5)
    with CpuMeter([server_pid]) as cpu:
        for label, path_fn, sample in (
                ("hot_api", api, [hot] * a.history_requests),
                ("random_api", api, [rng.choice(pages) for _ in range(a.history_requests)]),
                ("hot_html", lambda p: "/history/" + httpc.quote_path(p), [hot] * max(20, a.history_requests // 4))):
            for p in sample[:5]:
                c.get(path_fn(p))  # warm-up
            vals, errs = [], 0
            for p in sample:
                st, _, dt, _ = c.get(path_fn(p))
                vals.append(dt)
                errs += st != 200
            out[label] = latency_stats(vals, errs)
    out["foreign_cpu_pct"] = cpu.foreign_pct
    c.close()
    return out


def edit_text(markdown, token, i):
    return markdown.rstrip("\n") + "\n\nBenchmark edit %d adds the word %s.\n" % (i, token)


SKIP = "skip"


def one_save(c, page, token, i):
    """GET the page, PUT it back with one more line and its base revision. Answers (status, seconds).

    Pages whose YAML front matter does not parse (the corpus generator's edits can write into
    it) are shown, but a save of them is refused with 422: those answer SKIP."""
    p = "/api/v1/pages/" + httpc.quote_path(page)
    st, js, _ = c.get_json(p)
    if st != 200:
        return st, 0.0, None
    if js.get("renderError"):
        return SKIP, 0.0, None
    body = {"markdown": edit_text(js["markdown"], token, i), "message": "Benchmark edit %d" % i,
            "baseRevision": js["revision"]}
    st, payload, dt, _ = c.request("PUT", p, body=body)
    if st == 422 and b"invalid_front_matter" in payload:
        return SKIP, 0.0, None
    return st, dt, payload


def measure_saves(a, hot, pages, server_pid):
    rng = random.Random(3)
    run_id = "%x" % (int(time.time()) % 0xFFFFFF)
    c = httpc.Client(a.port, user=USER, password=PASSWORD)
    s = httpc.Client(a.port)
    lat, errors, not_found, merged, skipped = [], [], 0, 0, set()
    t_end = time.time() + a.save_seconds
    with CpuMeter([server_pid]) as cpu:
        for i in range(a.saves):
            if time.time() > t_end:
                break
            token = "zqbench%sx%d" % (run_id, i)
            for attempt in range(50):
                page = hot if i % 10 == 0 and attempt == 0 else rng.choice(pages)
                st, dt, payload = one_save(c, page, token, i)
                if st != SKIP:
                    break
                skipped.add(page)
            if st not in (200, 201):
                errors.append((page, st, (payload or b"")[:200].decode("utf-8", "replace")))
                continue
            lat.append(dt)
            if json.loads(payload).get("merged"):
                merged += 1
            sst, js, _ = s.get_json("/api/v1/search?q=" + token)
            if sst != 200 or not js or js.get("total", 0) < 1:
                not_found += 1
    seq = latency_stats(lat, len(errors), {"not_searchable_on_return": not_found, "merged": merged,
                                           "skipped_invalid_pages": len(skipped),
                                           "foreign_cpu_pct": cpu.foreign_pct, "error_examples": errors[:3]})
    c.close()
    s.close()

    # Concurrent editors, each on its own pages (so every save is expected to succeed).
    editors = a.editors
    results = [{"ok": 0, "conflicts": 0, "errors": 0, "lat": []} for _ in range(editors)]
    shuffled = list(pages)
    rng.shuffle(shuffled)
    deadline = time.time() + a.concurrent_seconds

    def editor(k):
        cc = httpc.Client(a.port, user=USER, password=PASSWORD)
        mine = shuffled[k::editors]
        i = 0
        while time.time() < deadline:
            page = mine[i % len(mine)]
            st, dt, _ = one_save(cc, page, "zqconc%sx%dx%d" % (run_id, k, i), i)
            i += 1
            r = results[k]
            if st == SKIP:
                continue
            if st in (200, 201):
                r["ok"] += 1
                r["lat"].append(dt)
            elif st == 409:
                r["conflicts"] += 1
            else:
                r["errors"] += 1
        cc.close()

    with CpuMeter([server_pid]) as cpu2:
        t0 = time.perf_counter()
        ts = [threading.Thread(target=editor, args=(k,)) for k in range(editors)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        secs = time.perf_counter() - t0
    ok = sum(r["ok"] for r in results)
    conc = latency_stats([v for r in results for v in r["lat"]], sum(r["errors"] for r in results), {
        "editors": editors, "seconds": round(secs, 1), "saves": ok, "saves_per_s": round(ok / secs, 1),
        "conflicts": sum(r["conflicts"] for r in results), "foreign_cpu_pct": cpu2.foreign_pct})
    log("  saves: sequential p50 %s ms p99 %s ms (%d ok, %d errors, %d not searchable); %d editors: %.1f saves/s"
        % (seq["p50_ms"], seq["p99_ms"], seq["n"], seq["errors"], not_found, editors, conc["saves_per_s"]))
    return {"sequential": seq, "concurrent": conc}


# ---------------------------------------------------------------- setup

def measure_rebuild(a, jar, data):
    """`reindex --only search` with the server stopped: a cold rebuild of the search index from Git
    (a fresh JVM, with the server's JVM options), timed from the command's start to its exit."""
    cmd = ["java"] + a.java_opts.split() + ["-jar", jar, "reindex", "--only", "search", "--data", data]
    log("search rebuild: " + " ".join(cmd))
    with open(os.path.join(a.work, "reindex.log"), "w") as logf:
        started = time.time()
        before = os.times()
        rc = subprocess.call(cmd, cwd=a.work, stdout=logf, stderr=subprocess.STDOUT)
        wall = time.time() - started
        after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if rc != 0:
        raise SystemExit("reindex failed (exit %d): see %s/reindex.log" % (rc, a.work))
    return {"seconds": round(wall, 2), "cpu_s": round(cpu, 1), "load": loadavg()}


def machine_info():
    info = {"nproc": os.cpu_count()}
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                info["mem_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    info["java"] = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.strip().splitlines()
    info["wrk"] = (subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines() or [""])[0]
    info["nginx"] = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
    try:
        with open("/etc/os-release") as f:
            info["os"] = next((l.split("=", 1)[1].strip().strip('"') for l in f if l.startswith("PRETTY_NAME")), "")
    except OSError:
        pass
    return info


def check_tools():
    missing = [t for t in ("wrk", "nginx", "git", "java", "python3") if shutil.which(t) is None]
    if missing:
        pk = {"wrk": "wrk", "nginx": "nginx", "git": "git", "java": "openjdk-17-jdk-headless", "python3": "python3"}
        raise SystemExit("missing: %s. Install with: apt-get install %s" % (
            ", ".join(missing), " ".join(pk[m] for m in missing)))


def build_jar(a):
    if a.jar:
        return os.path.abspath(a.jar)
    dst = os.path.join(a.work, "clearinghouse.jar")
    if a.source == "tree":
        src = REPO
    else:
        src = os.path.join(a.work, "build")
        shutil.rmtree(src, ignore_errors=True)
        os.makedirs(src)
        if a.source == "head":
            sh("git -C %s archive HEAD | tar -x -C %s" % (REPO, src), shell=True)
        else:  # snapshot: the working tree as it is, uncommitted changes included
            sh("tar -C %s -c --exclude=./target --exclude=./.git --exclude=./data --exclude=./bench/work . "
               "| tar -x -C %s" % (REPO, src), shell=True)
    log("building the jar in %s (%s)" % (src, a.source))
    t0 = time.time()
    r = subprocess.run(["./mvnw", "-q", "-B", "-DskipTests"] + (["-o"] if a.offline else []) + ["package"],
                       cwd=src, text=True, capture_output=True)
    if r.returncode != 0:
        raise SystemExit("build failed:\n" + r.stdout[-3000:] + r.stderr[-3000:])
    shutil.copy(os.path.join(src, "target", "clearinghouse.jar"), dst)
    log("built in %.0f s -> %s" % (time.time() - t0, dst))
    return dst


def corpus(a):
    name = "n%d-k%d-s%d-yaml" % (a.pages, a.history, a.seed)
    d = os.path.join(a.corpus_dir, name)
    stats = d + ".stats.json"
    if not (os.path.exists(stats) and os.path.isdir(os.path.join(d, ".git"))):
        log("generating the corpus: %d pages, %d history commits -> %s (slow for large K)" % (
            a.pages, a.history, d))
        os.makedirs(a.corpus_dir, exist_ok=True)
        t0 = time.time()
        sh(["python3", a.gen, "--out", d, "--pages", str(a.pages), "--seed", str(a.seed), "--front-matter",
            "yaml", "--history-commits", str(a.history), "--stats", stats, "--force"])
        log("corpus generated in %.0f s" % (time.time() - t0))
    with open(stats) as f:
        st = json.load(f)
    return d, st


def fresh_data(a, corpus_dir, jar):
    data = os.path.join(a.work, "data-n%d-k%d" % (a.pages, a.history))
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(data)
    git_dir = os.path.join(data, "content.git")
    sh(["git", "clone", "-q", "--bare", corpus_dir, git_dir])
    branch = sh(["git", "-C", git_dir, "symbolic-ref", "--short", "HEAD"]).strip()
    if branch != "main":
        sh(["git", "-C", git_dir, "branch", "-m", branch, "main"])
    sh(["git", "-C", git_dir, "symbolic-ref", "HEAD", "refs/heads/main"])
    subprocess.run(["java", "-jar", jar, "user", "add", USER, "--role", "editor", "--password-stdin",
                    "--data", data], input=PASSWORD + "\n", text=True, check=True, capture_output=True,
                   env=dict(os.environ, CLEARINGHOUSE_BCRYPT_COST="4"))
    return data


def du_mb(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return round(total / 1e6, 1)


# ---------------------------------------------------------------- gitit

def gitit_figures(a):
    if a.gitit == "skip":
        return None
    if a.gitit == "run":
        script = os.path.join(a.peers, "gitit-bench.sh")
        log("running Gitit on the same corpus size: %s -n %d -k %d -d %s (takes 10-30 min)" % (
            script, a.pages, a.history, a.duration))
        r = subprocess.run([script, "-n", str(a.pages), "-k", str(a.history), "-d", a.duration],
                           text=True, capture_output=True)
        path = "/tmp/peer/gitit-n%d-k%d/results.md" % (a.pages, a.history)
        if r.returncode != 0 or not os.path.exists(path):
            log("gitit-bench.sh failed (%d); falling back to the recorded figures:\n%s" % (
                r.returncode, r.stderr[-2000:]))
        else:
            figs = report.parse_gitit(open(path).read())
            figs["source"] = "measured now with gitit-bench.sh -n %d -k %d -d %s" % (a.pages, a.history, a.duration)
            figs["pages"], figs["history"] = a.pages, a.history
            return figs
    results = os.path.join(a.peers, "results")
    best = None
    for f in sorted(os.listdir(results)) if os.path.isdir(results) else []:
        m = re.match(r"gitit-n(\d+)-k(\d+)\.md$", f)
        if m:
            n, k = int(m.group(1)), int(m.group(2))
            score = (abs(n - a.pages), abs(k - a.history))
            if best is None or score < best[0]:
                best = (score, f, n, k)
    if best is None:
        return None
    figs = report.parse_gitit(open(os.path.join(results, best[1])).read())
    figs["source"] = "recorded earlier on this machine (%s: %d pages, %d history commits)" % (
        os.path.relpath(os.path.join(results, best[1]), REPO), best[2], best[3])
    figs["pages"], figs["history"] = best[2], best[3]
    return figs


# ---------------------------------------------------------------- main

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000, help="pages in the generated wiki")
    ap.add_argument("--history", type=int, default=None, help="history commits (None: as many as --pages)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed")
    ap.add_argument("--duration", default="10s", help="each wrk run")
    ap.add_argument("--peers", default=os.environ.get("CLEARINGHOUSE_PEERS"),
                    help="folder of gen-corpus.py, wrk-report.lua, gitit-bench.sh, results/ "
                         "(None: ../shared/peers beside the repository, or $CLEARINGHOUSE_PEERS)")
    ap.add_argument("--gen", default=None, help="gen-corpus.py (None: PEERS/gen-corpus.py)")
    ap.add_argument("--work", default=os.path.join(HERE, "work"), help="work folder (corpora, data, logs)")
    ap.add_argument("--corpus-dir", default=None, help="where generated corpora are kept (None: WORK/corpus)")
    ap.add_argument("--port", type=int, default=5201)
    ap.add_argument("--nginx-port", type=int, default=5281)
    ap.add_argument("--source", choices=["snapshot", "tree", "head"], default="snapshot",
                    help="build from a copy of the working tree (snapshot), in place (tree), or from HEAD")
    ap.add_argument("--jar", help="use this jar instead of building one")
    ap.add_argument("--offline", action="store_true", help="build with mvn -o")
    ap.add_argument("--java-opts", default=os.environ.get("JAVA_OPTS", "-Xms256m -Xmx640m"),
                    help="JVM options for the server (default: $JAVA_OPTS, else the heap of docs/DEPLOYMENT.md)")
    ap.add_argument("--cds", action="store_true",
                    help="AppCDS: the cold start writes a class-data archive, later starts map it")
    ap.add_argument("--first-views", type=int, default=0,
                    help="pages viewed once before the page-view runs (0: every page; a spread sample otherwise)")
    ap.add_argument("--searches", type=int, default=600, help="timed search requests")
    # 1,000: the server's JIT compiler reaches its steady state on the search path after about as
    # many searches (p50 over successive batches on 20,000 pages: 6.7, then 4.4, then 4.2 ms).
    ap.add_argument("--search-warmup", type=int, default=1000,
                    help="untimed search requests before them, on other queries of the same kinds")
    ap.add_argument("--history-requests", type=int, default=100, help="timed history requests per kind")
    ap.add_argument("--saves", type=int, default=200, help="sequential saves (at most --save-seconds)")
    ap.add_argument("--save-seconds", type=int, default=120)
    ap.add_argument("--editors", type=int, default=8, help="concurrent editors")
    ap.add_argument("--concurrent-seconds", type=int, default=15)
    ap.add_argument("--start-timeout", type=int, default=1800, help="seconds to wait for a start")
    ap.add_argument("--rounds", type=int, default=1, help="repeat the wrk comparisons (median kept)")
    ap.add_argument("--gitit", choices=["recorded", "run", "skip"], default="recorded",
                    help="Gitit figures: from PEERS/results (recorded), by running gitit-bench.sh now, or none")
    ap.add_argument("--out", default=os.path.join(REPO, "docs", "BENCHMARKS.md"), help="report to update")
    ap.add_argument("--no-report", action="store_true", help="print the section instead of writing --out")
    a = ap.parse_args(argv)
    if a.history is None:
        a.history = a.pages
    a.peers = first_existing(a.peers, os.path.join(REPO, "..", "shared", "peers"), "/work/shared/peers")
    if a.peers is None:
        raise SystemExit("cannot find the peers folder (gen-corpus.py...): pass --peers DIR")
    a.gen = first_existing(a.gen, os.path.join(a.peers, "gen-corpus.py"))
    a.wrk_lua = first_existing(os.path.join(a.peers, "wrk-report.lua"))
    if not a.gen or not a.wrk_lua:
        raise SystemExit("gen-corpus.py or wrk-report.lua missing in %s" % a.peers)
    a.work = os.path.abspath(a.work)
    a.corpus_dir = os.path.abspath(a.corpus_dir or os.path.join(a.work, "corpus"))
    a.argv = argv
    return a


def main(argv):
    a = parse_args(argv)
    check_tools()
    os.makedirs(a.work, exist_ok=True)
    a.empty_seed = os.path.join(a.work, "empty-seed")
    os.makedirs(a.empty_seed, exist_ok=True)
    started = datetime.datetime.now()
    res = {"args": {k: v for k, v in vars(a).items() if k != "argv"}, "argv": a.argv,
           "started": started.isoformat(timespec="seconds"), "machine": machine_info(),
           "load_before": loadavg()}
    log("load average %s; machine %s" % (res["load_before"], res["machine"].get("cpu")))

    jar = build_jar(a)
    cdir, stats = corpus(a)
    res["corpus"] = {k: stats.get(k) for k in ("pages", "history_commits", "bytes_total", "size_median",
                                                "hot_page", "most_edited")}
    res["corpus"]["commits"] = int(sh(["git", "-C", cdir, "rev-list", "--count", "HEAD"]).strip())
    pages_text = queries.read_pages(cdir)
    pages = sorted(pages_text)
    probes, rare = queries.probe_queries(pages_text)
    probe_set = {q for _, q, _ in probes}
    warmups = [p for p in queries.probe_queries(pages_text, seed=8)[0] if p[1] not in probe_set]
    probe = next(q for k, q, _ in probes if k == "rare")
    hot = stats["hot_page"]
    most_edited = (stats.get("most_edited") or [[hot, 0]])[0][0]
    res["probes"] = probes
    del pages_text

    data = fresh_data(a, cdir, jar)
    res["repo_mb"] = du_mb(os.path.join(data, "content.git"))

    # Cold start: no index. Then warm start: index at head.
    # With --cds the cold start's JVM writes a class-data archive on exit (AppCDS, JDK 17) and
    # every later start maps it: docs/DEPLOYMENT.md shows the same two steps.
    archive = os.path.join(a.work, "clearinghouse.jsa")
    if a.cds and os.path.exists(archive):
        os.remove(archive)
    srv = Server(a, jar, data, "cold", ["-XX:ArchiveClassesAtExit=" + archive] if a.cds else [])
    health, ready = srv.start(probe)
    res["cold_start"] = {"health_s": round(health, 2), "search_ready_s": round(ready, 2),
                         "rss_mb": rss_mb(srv.pid)[0]}
    log("cold start: /health after %.1f s, search ready after %.1f s" % (health, ready))
    srv.stop()
    res["index_mb"] = du_mb(os.path.join(data, "index"))
    a.cds_opts = ["-XX:SharedArchiveFile=" + archive] if a.cds else []
    srv = Server(a, jar, data, "warm", a.cds_opts)
    health, ready = srv.start(probe)
    res["warm_start"] = {"health_s": round(health, 2), "search_ready_s": round(ready, 2),
                         "rss_mb": rss_mb(srv.pid)[0]}
    log("warm start: /health after %.1f s, search ready after %.1f s" % (health, ready))

    nginx = None
    try:
        viewed = pages
        if 0 < a.first_views < len(pages):
            step = len(pages) / a.first_views
            viewed = [pages[int(i * step)] for i in range(a.first_views)]
        log("first view of %d of the %d pages" % (len(viewed), len(pages)))
        res["first_views"] = visit_all(a, viewed)
        log("  %s" % res["first_views"])
        c = httpc.Client(a.port)
        hot_url = "/wiki/" + httpc.quote_path(hot)
        st, body, _, h1 = c.get(hot_url)
        st2, body2, _, h2 = c.get(hot_url)
        res["hot_page"] = {"path": hot_url, "bytes": len(body), "status": st, "stable": body == body2,
                           "etag": h1.get("ETag"), "render_error": b"banner--error" in body}
        c.close()
        paths_file = os.path.join(a.work, "paths-n%d.txt" % a.pages)
        with open(paths_file, "w") as f:
            f.write("\n".join("/wiki/" + httpc.quote_path(p) for p in pages) + "\n")
        nginx = Nginx(a, hot_url, body)
        nginx.start()
        n_st, n_body, _, _ = httpc.Client(a.nginx_port).get(hot_url)
        if n_body != body:
            raise SystemExit("nginx does not serve the hot page's bytes")
        base = "http://127.0.0.1:%d" % a.port
        nbase = "http://127.0.0.1:%d" % a.nginx_port
        log("wrk warm-up")
        wrk(a, base + hot_url, duration="3s")
        wrk(a, base + "/", paths_file, duration="3s")
        wrk(a, nbase + hot_url, duration="2s")
        rounds = []
        for r in range(a.rounds):
            log("page views, round %d/%d (load %s)" % (r + 1, a.rounds, loadavg()))
            rounds.append({
                "nginx_hot": wrk(a, nbase + hot_url, pids=[nginx.pid]),
                "hot": wrk(a, base + hot_url, pids=[srv.pid]),
                "random": wrk(a, base + "/", paths_file, pids=[srv.pid]),
                "hot_gzip": wrk(a, base + hot_url, pids=[srv.pid], headers=["Accept-Encoding: gzip"]),
            })
        res["views_rounds"] = rounds
        res["views"] = report.median_round(rounds)
        nginx.stop()
        nginx = None

        log("search: %d probe queries, %d timed requests" % (len(probes), a.searches))
        res["search"] = measure_search(a, probes, warmups, srv.pid)
        log("  search p50 %s ms p99 %s ms" % (res["search"]["all"]["p50_ms"], res["search"]["all"]["p99_ms"]))
        spaths = os.path.join(a.work, "search-paths.txt")
        with open(spaths, "w") as f:
            f.write("\n".join("/api/v1/search?q=" + urllib.parse.quote(q) for _, q, _ in probes) + "\n")
        res["search_wrk"] = wrk(a, base + "/", spaths, pids=[srv.pid])

        log("history (most edited page %s)" % most_edited)
        res["history"] = measure_history(a, most_edited, pages, srv.pid)
        if res["history"].get("present"):
            log("  history: %s" % {k: v.get("p50_ms") for k, v in res["history"].items() if isinstance(v, dict)})

        log("saves")
        repo = os.path.join(data, "content.git")
        repo_before = du_mb(repo)
        res["saves"] = measure_saves(a, hot, pages, srv.pid)
        saved = res["saves"]["sequential"]["n"] + res["saves"]["concurrent"]["saves"]
        # Loose objects are stored uncompressed; what a save costs on disk until `git gc` packs it.
        res["saves"]["repo_growth_kb_per_save"] = round((du_mb(repo) - repo_before) * 1000 / max(1, saved), 1)
        res["rss_mb"], res["rss_peak_mb"] = rss_mb(srv.pid)
        log("resident memory now %s MB, peak %s MB" % (res["rss_mb"], res["rss_peak_mb"]))
    finally:
        if nginx:
            nginx.stop()
        srv.stop()

    res["rebuild"] = measure_rebuild(a, jar, data)
    log("search rebuild: %s s (%s s of CPU)" % (res["rebuild"]["seconds"], res["rebuild"]["cpu_s"]))

    res["gitit"] = gitit_figures(a)
    res["load_after"] = loadavg()
    res["finished"] = datetime.datetime.now().isoformat(timespec="seconds")
    raw = os.path.join(a.work, "results-n%d-k%d.json" % (a.pages, a.history))
    with open(raw, "w") as f:
        json.dump(res, f, indent=1, default=str)
    section = report.section(res)
    if a.no_report:
        print(section)
    else:
        report.update(a.out, res, section)
        log("wrote %s (raw figures: %s)" % (a.out, raw))
    print(report.summary(res))


if __name__ == "__main__":
    main(sys.argv[1:])
