#!/usr/bin/python3
"""plancheck serve's page in a real browser (Debian's chromium, chromium-driver, python3-selenium).

Starts `plancheck serve` on a free 127.0.0.1 port (it stops by itself after --stop-after, and
when this script dies), uploads a seed .docx through the page and checks that every finding
is marked in the document, that clicking the third finding scrolls its mark into view, that
a notice quoting <script> and an onerror attribute shows them as text and runs nothing, and
that ?lang=en is English. Saves a screenshot of the result to --output.

Exit 0: passed; 1: failed; 77: chromium, chromium-driver or selenium missing (ctest: skipped).
"""
import argparse
import ctypes
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

SKIP = 77
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEED_DOCX = os.path.join(ROOT, "fixtures", "docx", "001_8ef760ff784be5ac.docx")
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
INJECTION = ('关于分解落实2024年政府工作报告目标任务的通知<script>window.pwned = 1</script>\n'
             '一、稳增长\n'
             '1.扩大有效投资"><img src=x onerror="window.pwned = 2">。\n'
             '责任单位：区发展改革委\n')


def start_server(plancheck):
    """Starts the server; returns (process, base URL)."""
    def die_with_parent():
        # PR_SET_PDEATHSIG: the server gets SIGTERM when this script dies.
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    server = subprocess.Popen([plancheck, "serve", "--port", "0", "--stop-after", "120"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT,
                              preexec_fn=die_with_parent, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        server.kill()
        sys.exit("plancheck serve did not print its address: %r" % line)
    return server, "http://127.0.0.1:%s/" % match.group(1)


def lint_json(base, path):
    with open(path, "rb") as f:
        body = f.read()
    request = urllib.request.Request(base + "api/lint?name=" + os.path.basename(path), data=body,
                                     method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plancheck", required=True)
    parser.add_argument("--output", required=True, help="directory for the screenshot")
    args = parser.parse_args()
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        print("SKIPPED: python3-selenium not installed")
        return SKIP
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        print("SKIPPED: chromium or chromium-driver not installed")
        return SKIP

    failures = []

    def check(condition, what):
        print(("ok: " if condition else "FAILED: ") + what)
        if not condition:
            failures.append(what)

    server, base = start_server(args.plancheck)
    profile = tempfile.mkdtemp(prefix="plancheck-chromium-")
    driver = None
    try:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1400,900",
                     "--user-data-dir=" + profile]:
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        wait = WebDriverWait(driver, 60)

        # A seed .docx: every finding marked at its span.
        expected = lint_json(base, SEED_DOCX)["files"][0]["diagnostics"]
        driver.get(base)
        driver.find_element(By.ID, "file").send_keys(SEED_DOCX)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "li.finding"))
        items = driver.find_elements(By.CSS_SELECTOR, "li.finding")
        anchors = driver.find_elements(By.CSS_SELECTOR, "#doc-body .anchor")
        check(len(expected) >= 3, "the seed has at least 3 findings (%d)" % len(expected))
        check(len(items) == len(expected), "%d findings listed, lint has %d" % (len(items), len(expected)))
        check(len(anchors) == len(expected), "%d findings marked, lint has %d" % (len(anchors), len(expected)))
        unmarked = driver.execute_script(
            "return [...Array(arguments[0]).keys()].filter("
            "  i => !document.querySelector('#doc-body mark[data-f~=\"' + i + '\"]'));", len(expected))
        check(unmarked == [], "every finding has a highlighted span (unmarked: %s)" % unmarked)
        marked_text = driver.execute_script(
            "return [...document.querySelectorAll('#doc-body mark[data-f]')]"
            ".filter(m => m.dataset.f.trim().split(' ').includes('0'))"
            ".map(m => m.textContent).join('');")
        first_place = expected[0].get("place", {}).get("text")
        check(first_place is None or marked_text == first_place,
              "the first finding marks %r, lint quotes %r" % (marked_text, first_place))

        # Clicking the third finding scrolls its mark into view.
        in_view = ("const a = document.querySelector('.anchor[data-finding=\"' + arguments[0] + '\"]');"
                   "const m = a.nextElementSibling || a.parentElement;"
                   "const r = m.getBoundingClientRect();"
                   "const v = document.getElementById('document').getBoundingClientRect();"
                   "return r.top >= v.top && r.bottom <= v.bottom;")
        third = int(items[2].get_attribute("data-finding"))
        check(not driver.execute_script(in_view, third), "the third finding starts out of view")
        items[2].click()
        time.sleep(0.3)
        check(driver.execute_script(in_view, third), "the third finding's mark is in view after the click")
        current = driver.find_elements(By.CSS_SELECTOR, "#doc-body mark.current")
        check(len(current) >= 1 and all(
            str(third) in m.get_attribute("data-f").split() for m in current),
            "the third finding's mark is highlighted")
        wait.until(lambda d: d.find_element(By.ID, "detail").text.strip() != "")
        check(expected[third]["message"] in driver.find_element(By.ID, "detail").text,
              "the detail shows the finding's message")
        os.makedirs(args.output, exist_ok=True)
        driver.save_screenshot(os.path.join(args.output, "serve.png"))

        # The severity filter hides the notes from the list and their marks from the text.
        driver.find_element(By.CSS_SELECTOR, '#filters input[data-severity="info"]').click()
        shown = [i for i in driver.find_elements(By.CSS_SELECTOR, "li.finding") if i.is_displayed()]
        not_info = [d for d in expected if d["severity"] != "info"]
        check(len(shown) == len(not_info), "%d findings shown without the notes, %d expected"
              % (len(shown), len(not_info)))
        lit = driver.execute_script(
            "return document.querySelectorAll('#doc-body mark[data-f]:not(.off)').length;")
        check(0 < lit < len(driver.find_elements(By.CSS_SELECTOR, "#doc-body mark[data-f]")),
              "the notes' marks are turned off, the others stay")

        # Markup in a notice is shown as text and never runs.
        driver.get(base)
        driver.find_element(By.ID, "paste-toggle").click()
        driver.find_element(By.ID, "paste-text").send_keys(INJECTION)
        driver.find_element(By.ID, "paste-check").click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#doc-body .line"))
        shown = driver.find_element(By.ID, "doc-body").get_attribute("textContent")
        check("<script>window.pwned = 1</script>" in shown, "<script> is shown as text")
        check('"><img src=x onerror="window.pwned = 2">' in shown, "an onerror attribute is shown as text")
        check(driver.find_elements(By.CSS_SELECTOR, "#doc-body script, #doc-body img") == [],
              "no script or img element comes from the document")
        check(driver.execute_script("return window.pwned === undefined;"), "nothing in the document ran")

        # English on request.
        driver.get(base + "?lang=en")
        wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "plancheck: notice checker")
        check(driver.find_element(By.ID, "paste-toggle").text == "Paste text", "?lang=en is English")
        severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        check(severe == [], "no errors in the browser console: %s" % severe)
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(profile, ignore_errors=True)
    if failures:
        print("%d checks failed" % len(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
