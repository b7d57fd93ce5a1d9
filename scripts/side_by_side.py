#!/usr/bin/env python3
"""`make bench-side`: policydex beside ripgrep and SQLite FTS5 trigram on the same generated corpus,
written to BENCHMARKS.md. A benchmark, not a test: it prints figures and asserts nothing.

For each N (default 1000): generate N notices (policydex-bench --corpus-only), then measure
  - policydex index: wall, CPU, peak RSS, index size;
  - search / who as whole processes (median, p95) over a fixed query list; dept (first 10 and all
    tasks) for the three largest units, depts, and every hit (up to 10,000) of two common words;
  - re-indexing with nothing changed and with one file changed;
  - rg -F -l over the files (wall, files found);
  - FTS5 trigram over the same task texts (build time, size, query time) — it cannot answer
    queries under 3 characters;
  - recall at the notice level: files `search --notices` finds vs files containing every term;
then, once, `policydex diff` of a generated pair of notices of 3,200 tasks each (wall, peak RSS).

usage: side_by_side.py BIN BENCH_BIN [N ...]
"""
import json, os, re, resource, shutil, sqlite3, statistics, subprocess, sys, tempfile, time, unicodedata

BIN, BENCH = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
SIZES = [int(x) for x in sys.argv[3:]] or [1000]
QUERIES = ["办", "信访", "反诈", "安稳办", "消防安全", "严重精神障碍患者", "医疗纠纷 调解", "谁牵头反恐防暴", "APP", "110"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# The peak RSS of each child on its own: getrusage(RUSAGE_CHILDREN) keeps the largest of all
# children so far (a 74,000-task JSON listing measured earlier showed up as the diff's peak).
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def timed(cmd, cwd):
    """Wall seconds, CPU seconds, peak RSS (MB) and stdout of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(([GNU_TIME, "-f", "%M"] if GNU_TIME else []) + cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss = int(p.stderr.strip().splitlines()[-1]) / 1024 if GNU_TIME else after.ru_maxrss / 1024
    return wall, cpu, rss, p.stdout


def percentile(xs, p):
    s = sorted(xs)
    return s[min(len(s) - 1, int(round((len(s) - 1) * p)))]


def fold(s):
    return unicodedata.normalize("NFKC", s).lower()


def run_size(n, out):
    work = tempfile.mkdtemp(prefix=f"policydex-side-{n}-")
    try:
        corpus = os.path.join(work, "corpus")
        subprocess.run([BENCH, str(n), BIN, "--corpus-only", corpus], check=True, capture_output=True, cwd=ROOT)
        files = sorted(os.listdir(corpus))
        corpus_bytes = sum(os.path.getsize(os.path.join(corpus, f)) for f in files)
        texts = {f: fold(open(os.path.join(corpus, f), encoding="utf-8", errors="replace").read()) for f in files}

        wall, cpu, rss, _ = timed([BIN, "index"], work)
        index_bytes = sum(os.path.getsize(os.path.join(work, "index", f)) for f in os.listdir(os.path.join(work, "index")))
        out.append(f"\n## {n:,} notices ({corpus_bytes / 1e6:.1f} MB)\n")
        out.append("| indexing | wall | CPU | peak RSS | index size | MB/s |\n|---|---:|---:|---:|---:|---:|")
        out.append(f"| policydex index | {wall:.1f} s | {cpu:.1f} s | {rss:.0f} MB | {index_bytes / 1e6:.1f} MB ({index_bytes / corpus_bytes:.1f}×) | {corpus_bytes / 1e6 / wall:.2f} |")

        # Trigram baseline over the same task texts (from the export).
        t = time.perf_counter()
        export = subprocess.run([BIN, "export", "--format", "jsonl"], cwd=work, capture_output=True, text=True).stdout
        db_path = os.path.join(work, "trigram.sqlite")
        db = sqlite3.connect(db_path)
        db.execute("CREATE VIRTUAL TABLE t USING fts5(text, file UNINDEXED, tokenize='trigram')")
        db.executemany("INSERT INTO t(text, file) VALUES (?, ?)", ((r["text"], r["file"]) for r in map(json.loads, export.splitlines())))
        db.commit()
        db.close()
        tri_build = time.perf_counter() - t
        tri_size = os.path.getsize(db_path)
        out.append(f"| FTS5 trigram (task texts, Python) | {tri_build:.1f} s | | | {tri_size / 1e6:.1f} MB ({tri_size / corpus_bytes:.1f}×) | |")

        out.append("\n| query | policydex search | who | rg -F -l (first word) | FTS5 trigram (sqlite3 CLI) | `search --notices`: notices found / containing every term |")
        out.append("|---|---:|---:|---:|---:|---:|")
        searches, whos, rgs, tris = [], [], [], []
        found_total = want_total = 0
        for q in QUERIES:
            w_search = min(timed([BIN, "search", q, "--json"], work)[0] for _ in range(3))
            w_who = min(timed([BIN, "who", q, "--json"], work)[0] for _ in range(3))
            terms = [fold(x) for x in q.split()]
            w_rg = min(timed(["rg", "-F", "-l", "-i", terms[0], corpus], work)[0] for _ in range(3))
            if all(len(x) >= 3 for x in terms):
                match = " AND ".join('"' + x.replace('"', '') + '"' for x in terms)
                w_tri = min(timed(["sqlite3", db_path, f"SELECT count(*) FROM t WHERE t MATCH '{match}'"], work)[0] for _ in range(3))
                tri = f"{w_tri * 1000:.0f} ms"
                tris.append(w_tri)
            else:
                tri = "cannot (< 3 chars)"
            notices = json.loads(subprocess.run([BIN, "search", "--notices", q, "--json", "--limit", "10000"], cwd=work,
                                                capture_output=True, text=True).stdout or '{"notices": []}')["notices"]
            found = {x["file"] for x in notices}
            want = {f for f, text in texts.items() if all(x in text for x in terms)}
            found_total += len(found & want)
            want_total += len(want)
            searches.append(w_search)
            whos.append(w_who)
            rgs.append(w_rg)
            out.append(f"| {q} | {w_search * 1000:.0f} ms | {w_who * 1000:.0f} ms | {w_rg * 1000:.0f} ms | {tri} | {len(found & want)} / {len(want)} |")
        out.append(f"| **median** | **{statistics.median(searches) * 1000:.0f} ms** | {statistics.median(whos) * 1000:.0f} ms | "
                   f"{statistics.median(rgs) * 1000:.0f} ms | {statistics.median(tris) * 1000:.0f} ms | "
                   f"**{found_total / max(1, want_total):.1%}** |")
        out.append(f"| p95 | {percentile(searches, 0.95) * 1000:.0f} ms | {percentile(whos, 0.95) * 1000:.0f} ms | "
                   f"{percentile(rgs, 0.95) * 1000:.0f} ms | | |")
        out.append(f"\nRatios (median, whole process): policydex search / rg = {statistics.median(searches) / statistics.median(rgs):.1f}×, "
                   f"/ trigram = {statistics.median(searches) / statistics.median(tris):.1f}×; index size / trigram size = {index_bytes / tri_size:.1f}×.")

        # Units: `dept` (first 10 and every task), `depts`; listing every hit of common words.
        all_units = [u["name"] for u in json.loads(subprocess.run([BIN, "depts", "--json"], cwd=work, capture_output=True,
                                                                   text=True).stdout or "[]")]
        units = all_units[:3]
        out.append("\n| unit or listing | first 10 | all | tasks |\n|---|---:|---:|---:|")
        for u in units:
            w10 = min(timed([BIN, "dept", u, "--limit", "10", "--json"], work)[0] for _ in range(3))
            wall_all, _, _, listing = timed([BIN, "dept", u, "--json"], work)
            out.append(f"| dept {u} | {w10 * 1000:.0f} ms | {wall_all * 1000:.0f} ms | {json.loads(listing)['total']:,} |")
        w_depts = min(timed([BIN, "depts", "--json"], work)[0] for _ in range(3))
        out.append(f"| depts | {w_depts * 1000:.0f} ms | | {len(all_units)} units |")
        for q in ["信访", "办"]:
            wall_all, _, _, listing = timed([BIN, "search", q, "--limit", "10000", "--json"], work)
            out.append(f"| search {q} --limit 10000 | | {wall_all * 1000:.0f} ms | {len(json.loads(listing)['hits']):,} of {json.loads(listing)['total']:,} |")

        # Re-indexing: nothing changed, then one file changed.
        w_same = timed([BIN, "index"], work)[0]
        with open(os.path.join(corpus, files[len(files) // 2]), "a", encoding="utf-8") as f:
            f.write("\n一、新增一项测试任务。（牵头单位：办公室）\n")
        w_one = timed([BIN, "index"], work)[0]
        out.append(f"\nRe-index, whole process: nothing changed {w_same * 1000:.0f} ms; one file changed {w_one * 1000:.0f} ms.")
    finally:
        shutil.rmtree(work, ignore_errors=True)


HISTORY = "## What each change bought"

PAIR_TASKS = 3200
UNITS = ["安稳办", "医政科", "办公室", "政策法规科", "公共卫生科", "信访效能办", "财务科", "人事科", "疾控中心", "卫生监督所"]


def write_pair(folder, tasks=PAIR_TASKS):
    """Two notices of `tasks` tasks each, in sections of 100, written from the samples' task
    texts: the later one keeps most tasks, rewords some, moves leads, drops and adds a few, and
    reorders a few sections (a year's edition as offices write it). Deterministic."""
    import random
    rng = random.Random(20261128)
    catalog = json.loads(subprocess.run([BIN, "export", "--format", "json", "--corpus", os.path.join(ROOT, "corpus")],
                                        capture_output=True, text=True, check=True).stdout)
    bodies = [re.sub(r"[（(][^（）()]*(?:牵头|责任|配合)[^（）()]*[）)]\s*$", "", t["text"]).rstrip("。；; ") for d in catalog["documents"]
              for t in d["tasks"] if len(t["text"]) >= 12]
    old = [(f"{bodies[i % len(bodies)]}（第{i // len(bodies) + 1}轮）", rng.choice(UNITS)) for i in range(tasks)]
    new = []
    for text, lead in old:
        r = rng.random()
        if r < 0.04:
            continue                                           # dropped
        if r < 0.12:
            lead = rng.choice(UNITS)                           # lead moved
        elif r < 0.17:
            text += "，并按季度报送工作进展"                        # reworded
        new.append((text, lead))
        if rng.random() < 0.04:
            new.append((f"新增{rng.choice(bodies)}（第{len(new)}项）", rng.choice(UNITS)))
    def notice(rows, year, shuffled):
        sections = [rows[i:i + 100] for i in range(0, len(rows), 100)]
        if shuffled:
            for a in range(0, len(sections) - 1, 7):
                sections[a], sections[a + 1] = sections[a + 1], sections[a]
        lines = [f"关于印发{year}年重点工作任务分工方案的通知", ""]
        for k, sec in enumerate(sections, 1):
            lines.append(f"{chinese_number(k)}、第{k}部分工作")
            lines += [f"{j}. {text}。（牵头单位：{lead}）" for j, (text, lead) in enumerate(sec, 1)]
        return "\n".join(lines) + "\n"
    paths = [os.path.join(folder, "old.txt"), os.path.join(folder, "new.txt")]
    open(paths[0], "w", encoding="utf-8").write(notice(old, 2025, False))
    open(paths[1], "w", encoding="utf-8").write(notice(new, 2026, True))
    return paths, len(old), len(new)


def chinese_number(k):
    """1–99 as a heading numeral (十一, 三十二), so a part is not read as a numbered task."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(k, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones else "")


def run_pair(out):
    work = tempfile.mkdtemp(prefix="policydex-side-pair-")
    try:
        (old, new), n_old, n_new = write_pair(work)
        wall, cpu, rss, report = timed([BIN, "diff", old, new, "--json"], work)
        summary = json.loads(report).get("summary", {}) if report.strip() else {}
        out.append(f"\n## A large pair\n\n`policydex diff old.txt new.txt` of two generated notices ({n_old:,} and {n_new:,} tasks; "
                   "most kept, some reworded, leads moved, a few dropped and added, sections reordered), from the files "
                   "(extraction included):\n")
        out.append("| diff | wall | CPU | peak RSS |\n|---|---:|---:|---:|")
        out.append(f"| {n_old:,} × {n_new:,} tasks | {wall:.1f} s | {cpu:.1f} s | {rss:.0f} MB |")
        if summary:
            out.append("\nSummary: " + ", ".join(f"{k} {v}" for k, v in summary.items() if isinstance(v, int)) + ".")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    cpu = subprocess.run(["bash", "-c", "nproc; grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.split("\n")
    out = ["# Benchmarks", "",
           f"Machine: {cpu[0].strip()} cores,{cpu[1]}. Generated by `make bench-side` (`scripts/side_by_side.py`), "
           "which generates the corpus with `policydex-bench --corpus-only` and runs each tool as a whole process "
           "(best of 3 per query). policydex's own in-process figures and re-indexing are in `make bench`."]
    for n in SIZES:
        run_size(n, out)
    run_pair(out)
    # The hand-written history below the tables is kept.
    path = os.path.join(ROOT, "BENCHMARKS.md")
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    history = old[old.index(HISTORY):] if HISTORY in old else ""
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n" + ("\n" + history if history else ""))
    print("\n".join(out))


if __name__ == "__main__":
    main()
