"""Runs the benchmark job with nytta and its peers, checks that they agree, and reports.

usage: bench.py --nytta BIN --generate BIN --work DIR --results DIR [--sizes S,M,L] [--runs N]
                [--jobs report,batch,dea] [--dea-models crs-input,crs-output,vrs-input,vrs-output] [--dea-sample N]

Three jobs. report: the report job on generated data against DuckDB, Polars and pandas.
batch: `nytta batch` over the bundled US data (9,295 library systems, one analysis each) in
csv and html, after checking that sampled reports are byte for byte what `nytta compare`
writes for each unit alone (no peer does this job).
dea: `nytta frontier` on the bundled US public libraries, FY2014 (input cost; outputs loans,
visits, opening hours, active borrowers) against the scipy peer (bench/peers/dea_scipy.py,
one HiGHS LP per unit), CRS and VRS in both orientations. The peer gets the units nytta put
on the frontier (their values read from the data file itself) and is timed once per model,
as it takes minutes (or, with --dea-sample N, on the first N units against all, its time
extrapolated to every unit); nytta is timed N times; the scores must agree within 1e-6.

Wall time is measured around fork/exec/wait of each run. Peak RSS is measured once per tool
and size, on the untimed first run, by /usr/bin/time -f %M (which starts the command from a
small process: a child forked from this Python process would count its RSS too). Each tool
runs once untimed first (to warm the page cache, to measure its memory and to produce the
output that is checked), then N timed runs; the median is reported.
"""
import argparse
import csv
import itertools
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = {"S": (290, 30), "M": (50_000, 20), "L": (500_000, 20)}
TOLERANCE = 1e-9
DEA_TOLERANCE = 1e-6
US_DATA = os.path.join(HERE, "..", "data", "us_public_libraries_2009_2014.csv")
DEA_INPUTS = ["cost"]
DEA_OUTPUTS = ["loans", "visits", "opening_hours", "active_borrowers"]


def tools(nytta):
    node = os.path.join(HERE, "peers")
    return {
        "nytta": lambda i, o: [nytta, "report", "-f", "csv", "-o", o, i],
        "duckdb": lambda i, o: ["node", os.path.join(node, "duckdb_job.mjs"), i, o],
        "polars": lambda i, o: ["node", os.path.join(node, "polars_job.mjs"), i, o],
        "pandas": lambda i, o: ["/usr/bin/python3", os.path.join(node, "pandas_job.py"), i, o],
    }


def run(cmd, stderr=None, rss=False):
    """One run: (wall seconds, peak RSS in KiB or None); its stderr into the list stderr if
    given. The peak RSS (rss=True) comes from /usr/bin/time, which starts the command from a
    small process: on Linux a child's ru_maxrss starts at its parent's RSS when forked, and
    this Python process holds megabytes the tools never used."""
    with tempfile.NamedTemporaryFile(prefix="bench_rss_") as rss_file:
        full = ["/usr/bin/time", "-f", "%M", "-o", rss_file.name] + cmd if rss else cmd
        start = time.perf_counter()
        with open(os.devnull, "wb") as null:
            proc = subprocess.Popen(full, stdout=null, stderr=subprocess.PIPE)
            _, status, _ = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - start
            err = proc.stderr.read().decode(errors="replace")
            proc.stderr.close()
            if stderr is not None:
                stderr.append(err)
            proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            sys.exit(f"bench: {' '.join(cmd)} failed with {proc.returncode}:\n{err}")
        peak = int(open(rss_file.name).read().split()[-1]) if rss else None
    return wall, peak


def number(text):
    return None if text == "" else float(text)


def agree(reference, other):
    """Empty when both CSV tables have the same ranking and values; else what differs.
    Names are not compared: the Swedish variant spells them with ';'."""
    # Row by row, never whole tables in memory: on Linux a child's peak RSS (ru_maxrss)
    # starts at its parent's RSS when forked, so a bench process holding the L tables made
    # every later run look 1.5 GiB large.
    with open(reference, newline="", encoding="utf-8") as a, open(other, newline="", encoding="utf-8") as b:
        return agree_rows(csv.DictReader(a), csv.DictReader(b))


def agree_rows(ra, rb):
    for line, pair in enumerate(itertools.zip_longest(ra, rb), start=2):
        x, y = pair
        if x is None or y is None:
            return f"line {line}: one table ends before the other"
        for key in ("rank", "code", "year", "kind"):
            if x[key] != y[key]:
                return f"line {line}: {key} '{x[key]}' against '{y[key]}'"
        for key in x:
            if key in ("rank", "code", "year", "kind", "name"):
                continue
            u, v = number(x[key]), number(y.get(key, ""))
            if (u is None) != (v is None):
                return f"line {line}: {key} '{x[key]}' against '{y.get(key)}'"
            if u is not None and not math.isclose(u, v, rel_tol=TOLERANCE, abs_tol=TOLERANCE):
                return f"line {line}: {key} {u!r} against {v!r}"
    return ""


def dea_peer_input(nytta_csv, path):
    """The units nytta's frontier used (kind unit), with their values from the data file."""
    with open(nytta_csv, newline="", encoding="utf-8") as f:
        codes = {r["code"] for r in csv.DictReader(f) if r["kind"] == "unit"}
    with open(US_DATA, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        kept = [r for r in rows if r["year"] == "2014" and r["code"] in codes]
    if len(kept) != len(codes):
        sys.exit(f"bench: dea: {len(codes)} units in nytta's frontier, {len(kept)} found in {US_DATA}")
    with open(path, "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["code"] + DEA_INPUTS + DEA_OUTPUTS)
        for r in kept:
            w.writerow([r["code"]] + [r[c] for c in DEA_INPUTS + DEA_OUTPUTS])
    return len(kept)


def dea_disagreement(nytta_csv, peer_csv, sampled):
    """The largest score difference, or an error text when a unit is missing or not solved."""
    with open(nytta_csv, newline="", encoding="utf-8") as f:
        ours = {r["code"]: r["efficiency"] for r in csv.DictReader(f) if r["kind"] == "unit"}
    with open(peer_csv, newline="", encoding="utf-8") as f:
        theirs = {r["code"]: r["efficiency"] for r in csv.DictReader(f)}
    if not set(theirs) <= set(ours) or (not sampled and set(ours) != set(theirs)):
        return None, f"{len(set(ours) ^ set(theirs))} units in one output only"
    worst = 0.0
    for code, t in theirs.items():
        e = ours[code]
        a, b = number(e), number(t)
        if a is None or b is None or math.isnan(b):
            return None, f"{code}: nytta '{e}', scipy '{t}'"
        worst = max(worst, abs(a - b))
    return worst, ""


def dea_jobs(args, nytta):
    rows = []
    peer = os.path.join(HERE, "peers", "dea_scipy.py")
    for model in args.dea_models.split(","):
        rts, orientation = model.split("-")
        name = f"dea_{rts}_{orientation}"
        out = os.path.join(args.work, f"{name}.nytta.csv")
        cmd = [nytta, "frontier", US_DATA, "--year", "2014", "--inputs", ",".join(DEA_INPUTS),
               "--outputs", ",".join(DEA_OUTPUTS), "--rts", rts, "--orientation", orientation, "-f", "csv", "-o", out]
        _, peak = run(cmd, rss=True)
        peer_in = os.path.join(args.work, "dea_us_fy2014.csv")
        units = dea_peer_input(out, peer_in)
        walls = [run(cmd)[0] for _ in range(args.runs)]
        rows.append({"size": f"DEA {rts} {orientation}", "rows": units, "tool": "nytta",
                     "median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
                     "peak_rss_kib": peak, "runs": args.runs})
        print(f"bench: DEA {rts} {orientation}: nytta {statistics.median(walls):.3f} s; scipy, once (minutes)…",
              file=sys.stderr)
        peer_out = os.path.join(args.work, f"{name}.scipy.csv")
        log = []
        w, m = run(["/usr/bin/python3", peer, peer_in, "--inputs", ",".join(DEA_INPUTS), "--outputs",
                    ",".join(DEA_OUTPUTS), "--rts", rts, "--orientation", orientation, "--sample", str(args.dea_sample),
                    "-o", peer_out], log, rss=True)
        if args.dea_sample:
            # The peer solved the first N units against all of them; its LP time for all units
            # is extrapolated (the peer prints it), and the start-up and reading are added.
            lp = float(re.search(r": ([0-9.]+) s, ", log[0]).group(1))
            every = float(re.search(r"([0-9.]+) s for all units", log[0]).group(1))
            w = w - lp + every
        worst, why = dea_disagreement(out, peer_out, args.dea_sample > 0)
        if worst is None or worst > DEA_TOLERANCE:
            sys.exit(f"bench: scipy disagrees with nytta on DEA {rts} {orientation}: "
                     f"{why or f'scores differ by up to {worst:.2e}'}")
        rows.append({"size": f"DEA {rts} {orientation}", "rows": units, "tool": "scipy", "median_s": w, "min_s": w,
                     "max_s": w, "peak_rss_kib": m, "runs": 1, "sample": args.dea_sample})
        print(f"bench: DEA {rts} {orientation}: scipy {w:.1f} s, {w / statistics.median(walls):.0f}x; "
              f"scores agree within {worst:.1e}", file=sys.stderr)
    return rows


def batch_jobs(args, nytta):
    rows = []
    for fmt in ("csv", "html"):
        out = os.path.join(args.work, f"batch_{fmt}")
        cmd = [nytta, "batch", US_DATA, "--out", out, "-f", fmt, "-q"]
        _, peak = run(cmd, rss=True)
        reports = sorted(f for f in os.listdir(out) if not f.startswith(("index.", ".")))
        for name in reports[:: max(1, len(reports) // 20)]:
            code = name.split("_")[0]
            alone = subprocess.run([nytta, "compare", "--unit", code, US_DATA, "-f", fmt], capture_output=True, check=True)
            with open(os.path.join(out, name), "rb") as f:
                if f.read() != alone.stdout:
                    sys.exit(f"bench: batch's {name} differs from `nytta compare --unit {code} -f {fmt}`")
        walls = [run(cmd)[0] for _ in range(args.runs)]
        rows.append({"size": f"batch US {fmt}", "rows": len(reports), "tool": "nytta",
                     "median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
                     "peak_rss_kib": peak, "runs": args.runs})
        print(f"bench: batch US {fmt}: {len(reports)} reports in {statistics.median(walls):.3f} s", file=sys.stderr)
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--nytta", required=True)
    p.add_argument("--generate", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--results", required=True)
    p.add_argument("--sizes", default="S,M,L")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--tools", default="nytta,duckdb,polars,pandas")
    p.add_argument("--jobs", default="report,batch,dea")
    p.add_argument("--dea-models", default="crs-input,crs-output,vrs-input,vrs-output")
    p.add_argument("--dea-sample", type=int, default=0,
                   help="the scipy peer solves the first N units only (against all) and its time is extrapolated")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.results, exist_ok=True)
    jobs = tools(os.path.abspath(args.nytta))
    chosen = args.tools.split(",")
    rows = []
    for size in (args.sizes.split(",") if "report" in args.jobs.split(",") else []):
        units, years = SIZES[size]
        for variant, flag in (("", []), ("_sv", ["--swedish"])):
            data = os.path.join(args.work, f"{size}{variant}.csv")
            if not os.path.exists(data):
                print(f"bench: generating {data}", file=sys.stderr)
                with open(data + ".tmp", "wb") as out:
                    subprocess.run([args.generate, str(units), str(years), *flag], stdout=out, check=True)
                os.replace(data + ".tmp", data)
            reference = os.path.join(args.work, f"{size}.nytta.out.csv")
            # Peers read the English variant only: the Swedish one checks nytta's dialect path.
            for tool in (["nytta"] if variant else chosen):
                out = os.path.join(args.work, f"{size}{variant}.{tool}.out.csv")
                cmd = jobs[tool](data, out)
                _, peak = run(cmd, rss=True)
                if out != reference:
                    diff = agree(reference, out)
                    if diff:
                        sys.exit(f"bench: {tool} disagrees with nytta on {size}{variant}: {diff}")
                walls = [run(cmd)[0] for _ in range(args.runs)]
                row = {"size": size + variant, "rows": units * years, "tool": tool,
                       "median_s": statistics.median(walls), "min_s": min(walls), "max_s": max(walls),
                       "peak_rss_kib": peak, "runs": args.runs}
                rows.append(row)
                print(f"bench: {row['size']:5} {tool:7} {row['median_s']:9.4f} s {row['peak_rss_kib']:>9} KiB",
                      file=sys.stderr)

    if "batch" in args.jobs.split(","):
        rows += batch_jobs(args, os.path.abspath(args.nytta))
    if "dea" in args.jobs.split(","):
        rows += dea_jobs(args, os.path.abspath(args.nytta))

    stamp = time.strftime("%Y-%m-%d")
    path = os.path.join(args.results, f"{stamp}.csv")
    # A second run on the same day (another job, another size) adds to the day's file;
    # the rows it measured again replace the earlier ones.
    if os.path.exists(path):
        with open(path, newline="") as f:
            fresh = {(r["size"], r["tool"]) for r in rows}
            rows = [r for r in csv.DictReader(f) if (r["size"], r["tool"]) not in fresh] + rows
        for r in rows:
            for key in ("median_s", "min_s", "max_s"):
                r[key] = float(r[key])
            for key in ("rows", "peak_rss_kib", "runs"):
                r[key] = int(r[key])
    with open(path + ".tmp", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]) + (["sample"] if "sample" not in rows[0] else []), restval="")
        w.writeheader()
        w.writerows(rows)
    os.replace(path + ".tmp", path)

    by = {(r["size"], r["tool"]): r for r in rows}
    print(f"{'size':6} {'rows':>10} {'tool':8} {'median':>10} {'peak RSS':>11} {'nytta faster':>13} {'nytta RSS':>10}")
    for r in rows:
        me = by.get((r["size"], "nytta"), r)
        speed = f"{r['median_s'] / me['median_s']:.2f}x" if r["tool"] != "nytta" else ""
        if r["size"].startswith("DEA") and r["tool"] != "nytta":
            speed = f"{r['median_s'] / me['median_s']:.0f}x"
        mem = f"{me['peak_rss_kib'] / r['peak_rss_kib']:.2f}" if r["tool"] != "nytta" else ""
        print(f"{r['size']:6} {r['rows']:>10,} {r['tool']:8} {r['median_s'] * 1000:>8.1f} ms "
              f"{r['peak_rss_kib'] / 1024:>8.1f} MiB {speed:>13} {mem:>10}")
    print(f"(median of {args.runs} runs, the DEA peer once; results in {path}; all outputs agree within "
          f"{TOLERANCE:g}, DEA scores within {DEA_TOLERANCE:g})")


if __name__ == "__main__":
    main()
