#!/usr/bin/env python3
"""Times GET /api/kb/search of a running rag-app over HTTP, per retrieval mode, as an operator's client sees it.

Usage: search_latency.py BASE_URL ADMIN_PASSWORD QUESTIONS.jsonl [QUESTIONS.jsonl ...]

Signs in once through the login form and searches with the session cookie (what the admin pages do), then repeats
with HTTP Basic on every request, which pays a bcrypt check per request. Each question is searched in every mode in
turn (hybrid, bm25, vector), so the modes share the machine's load; bm25 through the same path is the baseline.
Standard library only, so it runs wherever Python 3 does.
"""
import base64
import http.client
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request

MODES = ("hybrid", "bm25", "vector")
ROUNDS = 2
WARM_UP = 40


def questions(paths):
    found = []
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            found += [json.loads(line)["query"] for line in lines if line.strip()]
    return found


def session_cookie(base, password):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/login").read().decode("utf-8")
    token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": "admin", "password": password, "_csrf": token}).encode()
    opener.open(base + "/login", data=form)
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def timed(connection, headers, question, mode):
    start = time.perf_counter()
    connection.request("GET", "/api/kb/search?k=5&mode=" + mode + "&q=" + urllib.parse.quote(question),
                       headers=headers)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{response.status} for {mode} '{question}': {body[:200]!r}")
    return (time.perf_counter() - start) * 1000


def run(base, headers, asked, label):
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port or 80)
    for question in asked[:WARM_UP]:
        for mode in MODES:
            timed(connection, headers, question, mode)
    times = {mode: [] for mode in MODES}
    for _ in range(ROUNDS):
        for question in asked:
            for mode in MODES:
                times[mode].append(timed(connection, headers, question, mode))
    for mode, values in times.items():
        values.sort()
        n = len(values)
        print(f"{label:8} {mode:7} n={n} p50={values[n // 2]:.1f} ms p95={values[int(n * 0.95)]:.1f} ms "
              f"p99={values[int(n * 0.99)]:.1f} ms")
    with open("/proc/loadavg") as load:
        print(f"{label:8} load average {load.read().split()[:3]}")


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    base, password, files = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3:]
    asked = questions(files)
    run(base, {"Cookie": session_cookie(base, password)}, asked, "session")
    basic = base64.b64encode(f"admin:{password}".encode()).decode()
    run(base, {"Authorization": "Basic " + basic}, asked, "basic")


if __name__ == "__main__":
    main()
