#!/usr/bin/env python3
"""Load test of `plancheck serve`: REQUESTS uploads of a MB-sized notice from CLIENTS
concurrent clients over loopback; prints latency percentiles and the server's memory.

  bench/serve_load.py [--plancheck build/plancheck] [--requests 200] [--clients 8] [--mb 1]

The notice is made as bench/make-corpus makes its big documents (seed tasks run together,
about 700 bytes a task), in a temporary directory. The server listens on 127.0.0.1 on a free
port, stops by itself after --stop-after and when this script dies. Memory: the server's
resident set after a warm-up request, after each quarter of the run, and its peak (VmHWM).
"""
import argparse
import ctypes
import http.client
import importlib.machinery
import importlib.util
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_notice(mb):
    loader = importlib.machinery.SourceFileLoader("make_corpus", os.path.join(REPO, "bench", "make-corpus"))
    spec = importlib.util.spec_from_loader("make_corpus", loader)
    corpus = importlib.util.module_from_spec(spec)
    loader.exec_module(corpus)
    path = os.path.join(tempfile.mkdtemp(prefix="plancheck-serve-load-"), "notice.txt")
    corpus.make_big(path, corpus.task_blocks(corpus.load_seeds()), random.Random(1), mb * 1e6)
    with open(path, "rb") as f:
        return f.read()


def memory_kib(pid, field):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def percentile(sorted_values, fraction):
    index = min(len(sorted_values) - 1, max(0, int(round(fraction * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plancheck", default=os.path.join(REPO, "build", "plancheck"))
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--stop-after", type=int, default=600)
    args = ap.parse_args()

    body = make_notice(args.mb)

    def die_with_parent():
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    server = subprocess.Popen([args.plancheck, "serve", "--port", "0", "--stop-after", str(args.stop_after)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              preexec_fn=die_with_parent)
    try:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", server.stdout.readline())
        if not match:
            sys.exit("serve_load: the server did not print its address")
        port = int(match.group(1))
        path = "/api/lint?name=notice.txt"

        def post(connection):
            start = time.perf_counter()
            connection.request("POST", path, body=body, headers={"Content-Type": "text/plain"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError("status %d" % response.status)
            return time.perf_counter() - start

        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        post(warm)
        warm.close()
        rss = [("after warm-up", memory_kib(server.pid, "VmRSS"))]

        latencies = []
        lock = threading.Lock()
        next_request = [0]
        checkpoints = {args.requests * k // 4 for k in (1, 2, 3, 4)}
        errors = []

        def client():
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            while True:
                with lock:
                    if next_request[0] >= args.requests or errors:
                        break
                    next_request[0] += 1
                try:
                    seconds = post(connection)
                except Exception as error:  # noqa: BLE001 -- reported below
                    with lock:
                        errors.append(str(error))
                    break
                with lock:
                    latencies.append(seconds)
                    if len(latencies) in checkpoints:
                        rss.append(("after %d" % len(latencies), memory_kib(server.pid, "VmRSS")))
            connection.close()

        started = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        peak = memory_kib(server.pid, "VmHWM")
        if errors:
            sys.exit("serve_load: %d requests failed, first: %s" % (len(errors), errors[0]))

        latencies.sort()
        print("%d uploads of %.2f MB from %d clients in %.1f s (%.1f uploads/s)"
              % (len(latencies), len(body) / 1e6, args.clients, wall, len(latencies) / wall))
        print("latency: p50 %.0f ms, p95 %.0f ms, max %.0f ms"
              % (1000 * percentile(latencies, 0.50), 1000 * percentile(latencies, 0.95), 1000 * latencies[-1]))
        print("server RSS: " + ", ".join("%s %.0f MB" % (label, kib / 1024) for label, kib in rss)
              + "; peak %.0f MB" % (peak / 1024))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
