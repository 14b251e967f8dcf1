#!/usr/bin/python3
"""The scipy peer of the DEA benchmark (bench/dea_job.sh): the textbook way to compute DEA
scores in Python, one envelopment LP per unit with scipy.optimize.linprog (HiGHS), every
unit in every LP. Reads a CSV whose first column is the unit code and writes
code,efficiency (theta for the input orientation, 1/phi for the output orientation).

    dea_scipy.py FILE --inputs cost --outputs loans,visits --rts crs --orientation input
                 [--sample N] [-o OUT]

--sample N evaluates the first N units only (against all units) so that a run on 9,000
units can be timed on a part and extrapolated. Each variable is divided by its mean first;
radial scores do not depend on units of measurement, and HiGHS is more accurate on
numbers near 1. Uses Debian's python3-scipy (run with /usr/bin/python3).
"""

import argparse
import csv
import sys
import time

import numpy as np
from scipy.optimize import linprog


def read(path, inputs, outputs):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    idx = {name: k for k, name in enumerate(header)}
    for name in inputs + outputs:
        if name not in idx:
            sys.exit(f"dea_scipy: no column {name}")
    codes = [r[0] for r in rows[1:]]
    x = np.array([[float(r[idx[n]]) for n in inputs] for r in rows[1:]])
    y = np.array([[float(r[idx[n]]) for n in outputs] for r in rows[1:]])
    return codes, x, y


def scores(x, y, rts, orientation, evaluate):
    """Efficiency of units 0..evaluate-1 against all units: theta, or 1/phi."""
    n, m = x.shape
    s = y.shape[1]
    x = x / x.mean(axis=0)
    ymean = y.mean(axis=0)
    y = y / np.where(ymean > 0, ymean, 1.0)
    # Variables: [score, lambda_1..lambda_n]; rows: m inputs, s outputs (<= form).
    a_ub = np.zeros((m + s, n + 1))
    a_ub[:m, 1:] = x.T
    a_ub[m:, 1:] = -y.T
    a_eq = b_eq = None
    if rts == "vrs":
        a_eq = np.hstack([[0.0], np.ones(n)]).reshape(1, -1)
        b_eq = np.array([1.0])
    elif rts in ("drs", "irs"):
        sign = 1.0 if rts == "drs" else -1.0
        a_ub = np.vstack([a_ub, np.hstack([[0.0], sign * np.ones(n)])])
    b_ub = np.zeros(a_ub.shape[0])
    if rts in ("drs", "irs"):
        b_ub[-1] = 1.0 if rts == "drs" else -1.0
    c = np.zeros(n + 1)
    c[0] = 1.0 if orientation == "input" else -1.0
    out = []
    for o in range(evaluate):
        if orientation == "input":
            a_ub[:m, 0] = -x[o]
            a_ub[m:m + s, 0] = 0.0
            b_ub[:m] = 0.0
            b_ub[m:m + s] = -y[o]
        else:
            a_ub[:m, 0] = 0.0
            a_ub[m:m + s, 0] = y[o]
            b_ub[:m] = x[o]
            b_ub[m:m + s] = 0.0
        res = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        if res.status != 0:
            out.append(float("nan"))
        elif orientation == "input":
            out.append(res.x[0])
        else:
            out.append(1.0 / res.x[0])
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("file")
    p.add_argument("--inputs", required=True)
    p.add_argument("--outputs", required=True)
    p.add_argument("--rts", choices=["crs", "vrs", "drs", "irs"], default="crs")
    p.add_argument("--orientation", choices=["input", "output"], default="input")
    p.add_argument("--sample", type=int, default=0)
    p.add_argument("-o", dest="out")
    a = p.parse_args()
    codes, x, y = read(a.file, a.inputs.split(","), a.outputs.split(","))
    evaluate = min(a.sample, len(codes)) if a.sample > 0 else len(codes)
    start = time.perf_counter()
    eff = scores(x, y, a.rts, a.orientation, evaluate)
    seconds = time.perf_counter() - start
    per_lp = seconds / evaluate
    print(f"scipy dea: {len(codes)} units ({evaluate} evaluated), rts {a.rts}, {a.orientation}: "
          f"{seconds:.3f} s, {1e3 * per_lp:.1f} ms/LP, {per_lp * len(codes):.1f} s for all units",
          file=sys.stderr)
    f = open(a.out, "w") if a.out else sys.stdout
    f.write("code,efficiency\n")
    for code, e in zip(codes, eff):
        f.write(f"{code},{e:.12g}\n")


if __name__ == "__main__":
    main()
