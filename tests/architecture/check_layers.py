#!/usr/bin/env python3
"""The layer rules of docs/ARCHITECTURE.md, checked on every #include of src/ and include/.

A file of layer L may include the public headers (include/nytta/<M>/) of the layers M that L
may use, and the private headers (src/L/) of its own layer only. Public headers never include
private ones. Exits 1 and lists every include that breaks a rule.
usage: check_layers.py SOURCE_DIR"""
import os
import re
import sys

MAY_USE = {
    "util": {"util"},
    "formula": {"util", "formula"},
    "model": {"util", "formula", "model"},
    "load": {"util", "formula", "model", "load"},
    "metrics": {"util", "formula", "model", "metrics"},
    "report": {"util", "formula", "model", "metrics", "report"},
    "cmd": {"util", "formula", "model", "load", "metrics", "report", "cmd"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layer_of(rel):
    """The layer of a file (path relative to the source dir), and whether it is public."""
    parts = rel.split(os.sep)
    if parts[0] == "include" and len(parts) >= 4 and parts[1] == "nytta":
        return parts[2], True
    if parts[0] == "src":
        if len(parts) == 2:  # src/main.cpp: the program, on top of cmd
            return "cmd", False
        return parts[1], False
    return None, False


def check(root):
    problems = []
    files = 0
    for top in ("src", "include"):
        for d, _, names in os.walk(os.path.join(root, top)):
            for n in sorted(names):
                if not n.endswith((".cpp", ".hpp")):
                    continue
                path = os.path.join(d, n)
                rel = os.path.relpath(path, root)
                layer, public = layer_of(rel)
                if layer not in MAY_USE:
                    problems.append(f"{rel}: not in a layer folder ({', '.join(MAY_USE)})")
                    continue
                files += 1
                text = open(path, encoding="utf-8").read()
                for m in INCLUDE.finditer(text):
                    inc = m.group(1)
                    line = text.count("\n", 0, m.start()) + 1
                    parts = inc.split("/")
                    if parts[0] == "nytta" and len(parts) >= 3:
                        target = parts[1]
                        if target not in MAY_USE:
                            problems.append(f"{rel}:{line}: {inc} is in no layer")
                        elif target not in MAY_USE[layer]:
                            problems.append(f"{rel}:{line}: {layer} may not use {target} ({inc})")
                    elif len(parts) >= 2 and parts[0] in MAY_USE:
                        if public:
                            problems.append(f"{rel}:{line}: a public header includes the private {inc}")
                        elif parts[0] != layer:
                            problems.append(f"{rel}:{line}: {inc} is private to {parts[0]}; {layer} may use only "
                                            f"the public headers under include/nytta/{parts[0]}/")
                    else:
                        problems.append(f"{rel}:{line}: {inc} is neither a public header (nytta/LAYER/…) "
                                        f"nor a private one (LAYER/…)")
    return files, problems


def self_test():
    """The check must find each kind of wrong include in a small tree made for it."""
    import tempfile
    cases = {
        "src/load/a.cpp": '#include "nytta/metrics/evaluator.hpp"\n',     # load may not use metrics
        "src/metrics/b.cpp": '#include "load/csv_reader.hpp"\n',          # another layer's private header
        "include/nytta/model/c.hpp": '#include "model/d.hpp"\n',          # public includes private
        "src/report/e.cpp": '#include "nytta/model/kpi.hpp"\n#include "report/writers.hpp"\n',  # fine
    }
    with tempfile.TemporaryDirectory() as root:
        for rel, text in cases.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            open(os.path.join(root, rel), "w").write(text)
        _, problems = check(root)
    expected = ["src/load/a.cpp:1: load may not use metrics", "src/metrics/b.cpp:1: load/csv_reader.hpp is private",
                "include/nytta/model/c.hpp:1: a public header includes the private"]
    missing = [e for e in expected if not any(p.startswith(e) for p in problems)]
    if missing or len(problems) != len(expected):
        print("self-test failed:", problems)
        return 1
    print("self-test: the check finds each wrong include")
    return 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    files, problems = check(root)
    for p in problems:
        print(p)
    if files == 0:
        print("no source files found")
        return 1
    print(f"{files} files, {len(problems)} includes against the layer rules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
