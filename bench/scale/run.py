"""Floor-versus-page benchmark at national scale (issue 7).

One run: (re)creates a PostgreSQL database, loads `seed_scale --factor F`, starts gunicorn with
two sync workers and persistent connections, logs in as the right role for each page, drives
each page with wrk at concurrency 8, counts each page's SQL queries, and prints a table with
requests per second, p50, p99, the page's throughput as a fraction of the floor's, and queries.

    uv run python bench/scale/run.py --factor 0.1 --seconds 10
    uv run python bench/scale/run.py --factor 1 --reuse        # skip loading when already there

Needs: PostgreSQL on 127.0.0.1:5432 (trust auth, as on these machines) and Debian's `wrk`.
The two workers share Redis on 127.0.0.1:6379 as their cache (database 1, emptied first), as a
deployment with more than one process must (see CACHE_URL in config/settings.py).
"""

import argparse
import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import redis
from django_otp.oath import totp

ROOT = Path(__file__).resolve().parents[2]
PORT = 8111
CACHE_URL = "redis://127.0.0.1:6379/1"
# lerendnetwerk/demo/second_factor.py (importing it would need Django's settings)
DEMO_TOTP_KEY = "48656c6c6f21deadbeef48656c6c6f21deadbeef"
PASSWORD = "bench-wachtwoord"  # noqa: S105 - the generated benchmark logins' password


def sh(*args: str, env: dict[str, str] | None = None, check: bool = True) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def environment(database: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "CONN_MAX_AGE": "600",
        "DEBUG": "0",
        "PLAIN_STATIC": "1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECRET_KEY": "benchmark-" + "x" * 50,
        "AXES_FAILURE_LIMIT": "1000",
        "CACHE_URL": CACHE_URL,
    }


def load(env: dict[str, str], database: str, factor: float) -> None:
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"DROP DATABASE IF EXISTS {database}")
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {database}")
    manage = [sys.executable, "manage.py"]
    sh(*manage, "migrate", "--noinput", "-v0", env=env)
    started = time.monotonic()
    print(sh(*manage, "seed_scale", "--factor", str(factor), "--password", PASSWORD, env=env))
    print(f"loaded factor {factor} in {time.monotonic() - started:.0f} s")
    sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-c", "VACUUM ANALYZE")


def session_cookie(email: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{PORT}"
    opener.open(f"{base}/account/inloggen/")
    token = next(c.value for c in jar if c.name == "csrftoken")
    data = urllib.parse.urlencode(
        {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(f"{base}/account/inloggen/", data=data)  # noqa: S310
    request.add_header("Referer", f"{base}/account/inloggen/")
    answer = opener.open(request)
    if "/account/tweede-stap/" in answer.geturl():
        # The coordinator's second step, with the benchmark data's known TOTP key (the next
        # step's code: one step either side is accepted, and each code only once).
        token = next(c.value for c in jar if c.name == "csrftoken")
        code = urllib.parse.urlencode(
            {
                "code": f"{totp(bytes.fromhex(DEMO_TOTP_KEY), drift=1):06d}",
                "csrfmiddlewaretoken": token,
            }
        ).encode()
        step = urllib.request.Request(f"{base}/account/tweede-stap/", data=code)  # noqa: S310
        step.add_header("Referer", f"{base}/account/tweede-stap/")
        opener.open(step)
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        sys.exit(f"could not log in as {email}")
    return f"sessionid={cookies['sessionid']}; csrftoken={cookies['csrftoken']}"


def wrk(url: str, cookie: str, seconds: int) -> tuple[float, float, float]:
    args = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", url]
    if cookie:
        args[1:1] = ["-H", f"Cookie: {cookie}"]
    out = sh(*args)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    failures = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*", out)
    if failures or rps == 0:
        sys.exit(f"{url}: errors\n{out}")

    def percentile(p: str) -> float:
        value, unit = re.search(rf"{p}%\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    return rps, percentile("50"), percentile("99")


def wait_until_up() -> None:
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/status/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    sys.exit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factor", type=float, default=0.1)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--database", default="lerendnetwerk_bench")
    parser.add_argument("--reuse", action="store_true", help="keep the loaded database")
    options = parser.parse_args()
    env = environment(options.database)
    if not options.reuse:
        load(env, options.database, options.factor)
    # Fragments cached for another data set must not be served for this one.
    redis.Redis.from_url(CACHE_URL).flushdb()
    pages = sh(sys.executable, "bench/scale/pages.py", env=env).split("\n")
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-w", "2", "-b", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up()
        report(pages, options.seconds)
    finally:
        server.terminate()
        server.wait()


def report(pages: list[str], seconds: int) -> None:
    cookies: dict[str, str] = {"": ""}
    rows = []
    floor = 0.0
    for line in filter(None, pages):
        name, role, path, queries = line.split("\t")
        if role not in cookies:
            cookies[role] = session_cookie(role)
        url = f"http://127.0.0.1:{PORT}{path}"
        # A second of load first, discarded: each worker's first visits fill its caches and
        # the shared one, as any page that is visited at all finds them.
        wrk(url, cookies[role], 1)
        rps, p50, p99 = wrk(url, cookies[role], seconds)
        floor = floor or rps
        rows.append((name, rps, p50, p99, rps / floor, queries))
    print(
        "\n| page | req/s | p50 ms | p99 ms | of floor | queries (empty cache) |"
        "\n|---|---|---|---|---|---|"
    )
    for name, rps, p50, p99, fraction, queries in rows:
        print(f"| {name} | {rps:.0f} | {p50:.1f} | {p99:.1f} | {fraction:.0%} | {queries} |")


if __name__ == "__main__":
    main()
