#!/usr/bin/python3
"""nytta's pages and charts in a real browser (CTest label `browser`).

Runs the real nytta binary on the bundled data and on tests/fixtures/hostile_names.csv,
loads every page and SVG in headless Chromium (one session, driven by Selenium through
chromedriver) and fails on:
  - a console error or a failed request, or any request but the page itself (a page must
    work from a mail attachment with no network);
  - a DOM that lacks what the command computed: the ranking's rows, the number of bars,
    points and lines, the highlighted unit, the notes, the language's number format;
  - a hostile name that runs (an alert, an <img>, an onerror attribute, a script that is not
    the page's own) instead of showing as text in the table, the SVG labels and the <title>
    tooltips.
Screenshots (whole pages, the charts alone, a phone-sized view) and A4 PDFs go to
OUT/screenshots for a person to look at.

When chromium, chromedriver or selenium are missing the test fails and says how to install
them; it never passes silently.

Usage: run_browser_tests.py --nytta BUILD/nytta --out BUILD/tests/browser   (from the source tree)
"""

import argparse
import base64
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

INSTALL = "sudo apt-get install chromium chromium-driver python3-selenium (make deps installs them)"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
HOSTILE = "tests/fixtures/hostile_names.csv"

failures = []


def fail(page, message):
    failures.append(f"{page}: {message}")


def check(page, condition, message):
    if not condition:
        fail(page, message)
    return condition


def run_nytta(nytta, args, env):
    proc = subprocess.run([nytta] + args, env=env, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise SystemExit(f"nytta {' '.join(args)} failed with exit {proc.returncode}:\n{proc.stderr}")
    return proc.stdout


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def start_browser(profile_dir):
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    try:
        from selenium import webdriver  # noqa: F401
    except ImportError:
        missing.append(f"python module selenium (for {sys.executable})")
    if missing:
        print(f"browser tests cannot run: missing {', '.join(missing)}; install with: {INSTALL}", file=sys.stderr)
        sys.exit(1)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # Without the background-networking flags Chromium phones home and, on a closed
    # network, logs failed requests that are not the page's.
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--hide-scrollbars", "--force-device-scale-factor=1",
                 f"--user-data-dir={profile_dir}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    # A hostile name that ran would call alert(): record it instead of blocking the session.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
        "source": "window.__alerts=[];window.alert=function(m){window.__alerts.push(String(m));};"})
    return driver


def load(driver, path, width=1200):
    """Loads a file, returns (console errors, failed or foreign requests)."""
    driver.get_log("browser")  # drop what came before
    driver.get_log("performance")
    driver.set_window_size(width, 900)
    url = "file://" + os.path.abspath(path)
    driver.get(url)
    driver.execute_script("return document.readyState")
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    requests = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.loadingFailed":
            requests.append(f"failed request: {msg['params'].get('errorText')}")
        elif msg["method"] == "Network.requestWillBeSent":
            u = msg["params"]["request"]["url"]
            if u != url:
                requests.append(f"request for {u}")
    return errors, requests


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def screenshot(driver, shots, name, width=1100, max_height=5000):
    driver.set_window_size(width, 900)
    height = js(driver, "return Math.ceil(document.documentElement.getBoundingClientRect().height)") or 900
    driver.set_window_size(width, max(400, min(int(height) + 40, max_height)))
    driver.save_screenshot(os.path.join(shots, name + ".png"))


def top_screenshot(driver, shots, name, width, height):
    """What a reader sees first: the header and the chart (the README's pictures)."""
    driver.set_window_size(width, height)
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(os.path.join(shots, name + ".png"))


def chart_screenshot(driver, shots, name, index=0):
    from selenium.webdriver.common.by import By
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.nytta-chart")
    if len(charts) > index:
        driver.set_window_size(1100, 2600)
        charts[index].screenshot(os.path.join(shots, name + ".png"))


def print_pdf(driver, shots, name):
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True,
                                                      "preferCSSPageSize": True})
    data = base64.b64decode(pdf["data"])
    with open(os.path.join(shots, name + ".pdf"), "wb") as f:
        f.write(data)
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def common_checks(driver, page, errors, requests, own_scripts):
    check(page, not errors, f"console errors: {errors}")
    check(page, not requests, f"requests other than the page: {requests}")
    alerts = js(driver, "return window.__alerts || []")
    check(page, alerts == [], f"a hostile name ran: alert({alerts})")
    check(page, js(driver, "return document.querySelectorAll('img,iframe,object,embed,foreignObject').length") == 0,
          "an element from the data (img, iframe, …) is in the DOM")
    bad_attrs = js(driver, """return Array.from(document.querySelectorAll('*')).filter(e =>
        Array.from(e.attributes).some(a => a.name.startsWith('on'))).length""")
    check(page, bad_attrs == 0, f"{bad_attrs} elements have on… event attributes")
    scripts = js(driver, "return Array.from(document.querySelectorAll('script')).map(s => s.textContent.slice(0, 30))")
    check(page, len(scripts) <= own_scripts and all(s.startswith("(function(){var nordic") for s in scripts),
          f"unexpected scripts: {scripts}")


def texts(driver, selector):
    return js(driver, "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent)", selector)


def count(driver, selector):
    return js(driver, "return document.querySelectorAll(arguments[0]).length", selector)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nytta", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    started = time.monotonic()

    out = os.path.abspath(args.out)
    pages = os.path.join(out, "pages")
    shots = os.path.join(out, "screenshots")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(pages)
    os.makedirs(shots)
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_MESSAGES", "LANGUAGE")}
    env.update({"LC_ALL": "C", "NO_COLOR": "1"})
    nytta = os.path.abspath(args.nytta)

    def page(name):
        return os.path.join(pages, name)

    # The pages of the issue's "done when", and more.
    run = lambda *a: run_nytta(nytta, list(a), env)  # noqa: E731
    run("report", "--unit", "Helsinki", "-o", page("report.html"))
    run("compare", "--unit", "Helsinki", "-o", page("helsinki.html"))
    run("trend", "--kpi", "cost_per_loan", "--unit", "Helsinki", "-f", "svg", "-o", page("trend.svg"))
    run("trend", "--kpi", "cost_per_loan", "--unit", "Helsinki", "--unit", "Espoo", "--cpi", "data/se_cpi_1980_2025.csv",
        "--lang", "sv", "-o", page("trend_sv.html"))
    run("quadrant", "--result", "visits_per_inhabitant", "--input", "cost_per_inhabitant", "--unit", "Helsinki",
        "-o", page("quadrant.html"))
    run("report", "--lang", "sv", "-f", "svg", "-o", page("report_sv.svg"))
    run("report", HOSTILE, "--unit", "9", "--unit", "12", "-o", page("hostile_report.html"))
    run("compare", "--unit", "9", HOSTILE, "-o", page("hostile_compare.html"))
    run("quadrant", "--result", "visits_per_inhabitant", "--input", "cost_per_inhabitant", "--unit", "7", "--unit", "12",
        HOSTILE, "-o", page("hostile_quadrant.html"))
    run("trend", "--kpi", "cost_per_loan", "--unit", "7", "--unit", "9", "--unit", "10", "--unit", "11", "--unit", "12",
        HOSTILE, "-f", "svg", "-o", page("hostile_trend.svg"))
    run("frontier", "--unit", "Helsinki", "-o", page("frontier.html"))
    run("frontier", HOSTILE, "--unit", "9", "-o", page("hostile_frontier.html"))
    # What the pages must show, from the machine-readable output of the same commands.
    ranking = csv_rows(run("report", "-f", "csv"))
    profile = csv_rows(run("compare", "--unit", "Helsinki", "-f", "csv"))
    quadrant = csv_rows(run("quadrant", "--result", "visits_per_inhabitant", "--input", "cost_per_inhabitant", "-f", "csv"))
    frontier = csv_rows(run("frontier", "--unit", "Helsinki", "-f", "csv"))
    with open(HOSTILE, encoding="utf-8") as f:
        hostile = sorted({r["name"] for r in csv.DictReader(f)})

    profile_dir = tempfile.mkdtemp(prefix="chromium-", dir=out)
    driver = start_browser(profile_dir)
    try:
        # --- report.html ---------------------------------------------------------------
        p = "report.html"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 1)
        units = [r for r in ranking if r["kind"] == "unit"]
        check(p, count(driver, "main table")
              and js(driver, "return document.querySelector('main table').tBodies[0].rows.length") == len(ranking),
              f"the ranking table should have {len(ranking)} rows")
        check(p, count(driver, "svg.nytta-chart") == 1, "one chart")
        check(p, count(driver, "svg rect.bar") == 41, f"41 bars (top 20, bottom 20, Helsinki), found {count(driver, 'svg rect.bar')}")
        high = texts(driver, "svg rect.bar.highlight title")
        check(p, len(high) == 1 and high[0].startswith("Helsinki: "), f"Helsinki highlighted, found {high}")
        notes = texts(driver, "svg text.note")
        check(p, f"the top 20 and the bottom 20 of {len(units)} units are shown" in notes, f"the chart's note, found {notes}")
        check(p, any(t.startswith("Koko maa 100") for t in texts(driver, "svg text.reference-label")), "the national line at 100")
        facts = " ".join(texts(driver, "header .facts span"))
        check(p, "fi_libraries_1999_2013.csv" in facts and "Year: 2013" in facts and "catalogue library" in facts,
              f"the header says data, year and catalogue: {facts}")
        # The sorting script: Name ascending keeps the nation first.
        js(driver, """const th = Array.from(document.querySelectorAll('main table th')).find(h => h.textContent === 'Name');
                      th.click();""")
        order = js(driver, """const rows = Array.from(document.querySelector('main table').tBodies[0].rows);
            const names = rows.slice(1).map(r => r.cells[1].textContent);
            const sorted = names.every((n, i) => i === 0 || names[i - 1].localeCompare(n, 'en') <= 0);
            return [rows[0].cells[1].textContent, sorted, names.length];""")
        check(p, order == ["Koko maa", True, len(units)], f"sorted by name with the nation on top: {order}")
        after = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        check(p, not after, f"errors after sorting: {after}")
        screenshot(driver, shots, "report")
        top_screenshot(driver, shots, "report_top", 1000, 1470)
        chart_screenshot(driver, shots, "report_chart")
        pages_printed = print_pdf(driver, shots, "report_a4")
        check(p, pages_printed >= 2, f"the A4 print has {pages_printed} pages")
        # A phone: the page must not scroll sideways (wide tables and charts scroll inside
        # their box), and the chart's 12 px text must not shrink below 9 px.
        driver.set_window_size(390, 844)
        size = js(driver, """const svg = document.querySelector('svg.nytta-chart');
            return [document.documentElement.scrollWidth, window.innerWidth,
                    svg.getBoundingClientRect().width / svg.viewBox.baseVal.width * 12]""")
        check(p, size[0] <= size[1] + 1, f"the page scrolls sideways on a phone: {size}")
        check(p, size[2] >= 9, f"chart text of {size[2]:.1f} px on a phone")
        driver.save_screenshot(os.path.join(shots, "report_phone.png"))

        # --- helsinki.html ---------------------------------------------------------------
        p = "helsinki.html"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 1)
        with_dev = [r for r in profile if r["deviation_pct"]]
        worse = [r for r in with_dev if r["verdict"] == "worse"]
        check(p, count(driver, "svg rect.bar") == len(with_dev), f"{len(with_dev)} bars, found {count(driver, 'svg rect.bar')}")
        check(p, count(driver, "svg rect.bar[fill^='url(#nytta-c0-worse)']") == len(worse), f"{len(worse)} hatched bars for worse")
        legend = texts(driver, "svg g.legend text")
        check(p, legend == ["better", "worse"], f"legend better/worse, found {legend}")
        check(p, texts(driver, "h1") == ["Helsinki 2013: service analysis against national"], f"title {texts(driver, 'h1')}")
        screenshot(driver, shots, "helsinki")
        top_screenshot(driver, shots, "helsinki_top", 1000, 760)
        chart_screenshot(driver, shots, "helsinki_chart")
        print_pdf(driver, shots, "helsinki_a4")

        # --- trend.svg -------------------------------------------------------------------
        p = "trend.svg"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 0)
        check(p, js(driver, "return document.documentElement.localName") == "svg", "a standalone SVG document")
        check(p, count(driver, "svg.nytta-chart") == 2, "two charts: values and index")
        check(p, count(driver, "g.series.reference") == 2 and count(driver, "g.series.unit") == 2, "the nation and Helsinki in each")
        check(p, count(driver, ".point") == 4 * 15, f"15 years × 2 lines × 2 charts of markers, found {count(driver, '.point')}")
        check(p, "Data: fi_libraries_1999_2013.csv" in texts(driver, "text.note"), "the source under the chart")
        screenshot(driver, shots, "trend_svg", 800)

        # --- trend_sv.html: real terms, Swedish numbers ----------------------------------
        p = "trend_sv.html"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 1)
        check(p, count(driver, "svg.nytta-chart:first-of-type path[stroke-dasharray='6 4']") >= 3, "dashed real lines")
        tips = texts(driver, "svg.nytta-chart .point title")
        check(p, any(re.search(r"^Helsinki 2013: \d,\d\d EUR$", t) for t in tips), f"decimal comma in the tooltips: {tips[:3]}")
        ticks = texts(driver, "svg.nytta-chart g.axis text")
        check(p, not any("." in t for t in ticks), f"no decimal point in the ticks: {ticks}")
        check(p, any(t.startswith("Helsinki, realt") for t in texts(driver, "svg g.legend text")), "the real line in the legend")
        screenshot(driver, shots, "trend_sv")

        # --- quadrant.html ----------------------------------------------------------------
        p = "quadrant.html"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 1)
        placed = [r for r in quadrant if r["kind"] == "unit" and r["result"] and r["input"]]
        check(p, count(driver, "svg circle.point") == len(placed), f"{len(placed)} points, found {count(driver, 'svg circle.point')}")
        check(p, texts(driver, "svg text.point-label") == ["Helsinki"], "Helsinki labelled")
        check(p, count(driver, "svg text.corner") == 4 and count(driver, "svg rect.shade") == 1, "four named corners, one shaded")
        screenshot(driver, shots, "quadrant")
        chart_screenshot(driver, shots, "quadrant_chart")

        # --- report_sv.svg ----------------------------------------------------------------
        p = "report_sv.svg"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 0)
        check(p, any(t.startswith("de 20 högsta och de 20 lägsta") for t in texts(driver, "text.note")), "the note in Swedish")
        check(p, any(t.endswith(",0") for t in texts(driver, "text.value")), "values with a decimal comma")
        screenshot(driver, shots, "report_sv_svg", 800)

        # --- hostile names --------------------------------------------------------------
        p = "hostile_report.html"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 1)
        cells = set(texts(driver, "main table td"))
        tips = texts(driver, "svg rect.bar title")
        labels = texts(driver, "svg text.label")
        for n in hostile:
            check(p, n in cells, f"{n!r} is not a table cell's text")
            check(p, any(t.startswith(n + ": ") for t in tips), f"{n!r} is not in a bar's tooltip")
            check(p, any(n.startswith(l.rstrip("…")) for l in labels), f"{n!r} is not a bar's label")
        check(p, count(driver, "svg rect.bar.highlight") == 2, "units 9 and 12 highlighted")
        screenshot(driver, shots, "hostile_report")

        p = "hostile_compare.html"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 1)
        name9 = '"><img src=x onerror=alert(1)>'
        check(p, texts(driver, "h1")[0].startswith(name9 + " 2012"), f"the name in the title: {texts(driver, 'h1')}")
        check(p, js(driver, "return document.querySelector('svg.nytta-chart').getAttribute('aria-label')").startswith(name9),
              "the name in the chart's aria-label")
        check(p, any(t.startswith(name9) for t in texts(driver, "svg text.title")), "the name in the chart's title")
        screenshot(driver, shots, "hostile_compare")

        p = "hostile_quadrant.html"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 1)
        got = sorted(texts(driver, "svg text.point-label"))
        check(p, got == sorted(["a|b<script>alert(1)</script>", "</title><svg onload=alert(1)>"]), f"labels {got}")
        tips = texts(driver, "svg circle.point title")
        for n in hostile:
            check(p, any(t.startswith(n + "\n") for t in tips), f"{n!r} is not in a point's tooltip")
        screenshot(driver, shots, "hostile_quadrant")

        # --- frontier.html: the scores as bars and Helsinki against its peers ---------------
        p = "frontier.html"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 1)
        scored = [r for r in frontier if r["kind"] == "unit" and r["efficiency"]]
        check(p, count(driver, "svg.nytta-chart") == 2, "two charts: the scores and the peers")
        # Each chart is the first svg of its own figure: pick them by what they draw.
        scores, peers = "svg.nytta-chart[data-chart='frontier']", "svg.nytta-chart[data-chart='peers_peers']"
        check(p, count(driver, scores + " rect.bar") == 41,
              f"41 bars of {len(scored)} units, found {count(driver, scores + ' rect.bar')}")
        high = texts(driver, "svg rect.bar.highlight title")
        check(p, any(t.startswith("Helsinki: ") for t in high), f"Helsinki highlighted, found {high[:3]}")
        check(p, any(t.startswith("Frontier") for t in texts(driver, "svg text.reference-label")), "the frontier line at 1")
        legend = texts(driver, peers + " g.legend text")
        check(p, legend[:1] == ["Helsinki"], f"Helsinki first among its peers: {legend}")
        screenshot(driver, shots, "frontier")

        p = "hostile_frontier.html"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 1)
        cells = set(texts(driver, "main table td"))
        for n in hostile:
            check(p, n in cells, f"{n!r} is not a table cell's text")
        check(p, name9 in texts(driver, "svg.nytta-chart[data-chart='peers_peers'] g.legend text"), "unit 9 among the peers' legend")
        screenshot(driver, shots, "hostile_frontier")

        p = "hostile_trend.svg"
        errors, requests = load(driver, page(p))
        common_checks(driver, p, errors, requests, 0)
        legend = set(texts(driver, "svg.nytta-chart:first-of-type g.legend text"))
        paths = set(texts(driver, "g.series path title"))
        for n in ["a|b<script>alert(1)</script>", name9, "Tom & Jerry &amp; 'Co' \"Ltd\"", "</title><svg onload=alert(1)>"]:
            check(p, n in legend, f"{n!r} is not in the legend")
            check(p, n in paths, f"{n!r} is not a line's tooltip")
        screenshot(driver, shots, "hostile_trend_svg", 800)
    finally:
        driver.quit()
        shutil.rmtree(profile_dir, ignore_errors=True)

    elapsed = time.monotonic() - started
    if failures:
        print(f"{len(failures)} browser checks failed ({elapsed:.1f} s):", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        return 1
    print(f"browser tests passed in {elapsed:.1f} s; screenshots and A4 PDFs in {shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
