"""Load test: 50 simulated people for 5 minutes against gunicorn on PostgreSQL (issue 14).

One run (re)creates the database `lerendnetwerk_load`, loads the Utrecht demo data, gives every
account one password (`prepare.py`), starts gunicorn (3 sync workers, persistent connections,
Redis as the shared cache) and the task worker that sends the mails the writes cause, then runs
the Locust scenario in `locustfile.py` headless and prints, per page, requests, errors, p50 and
p95 in milliseconds.

    uv run --group bench python bench/load/run.py                  # 50 people, 5 minutes
    uv run --group bench python bench/load/run.py --users 10 --minutes 1

Needs PostgreSQL on 127.0.0.1:5432 (trust auth) and Redis on 127.0.0.1:6379. Locust, gunicorn,
the worker and PostgreSQL share the machine's cores: compare figures only within one machine.
"""

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PORT = 8112


def sh(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


def environment(database: str, people: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "CONN_MAX_AGE": "600",
        "DEBUG": "0",
        "PLAIN_STATIC": "1",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECRET_KEY": "load-" + "x" * 50,
        "CACHE_URL": "redis://127.0.0.1:6379/2",
        "LOAD_PEOPLE": str(people),
    }


def load(env: dict[str, str], database: str, people: Path) -> None:
    psql = ("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c")
    sh(*psql, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)", env=env)
    sh(*psql, f"CREATE DATABASE {database}", env=env)
    sh(sys.executable, "manage.py", "migrate", "--noinput", "-v0", env=env)
    sh(sys.executable, "manage.py", "seed_demo", "--password", "unused-here", env=env)
    sh(sys.executable, "bench/load/prepare.py", str(people), env=env)


def wait_until_up() -> None:
    for _ in range(60):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/status/")
            return
        except OSError:
            time.sleep(0.5)
    sys.exit("gunicorn did not start")


def report(stats: Path) -> None:
    print("| page | requests | errors | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    with stats.open() as rows:
        for row in csv.DictReader(rows):
            print(
                f"| {row['Name']} ({row['Type']}) | {row['Request Count']} | "
                f"{row['Failure Count']} | {row['50%']} | {row['95%']} | {row['99%']} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--database", default="lerendnetwerk_load")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="load-"))
    people = work / "people.json"
    env = environment(options.database, people)
    load(env, options.database, people)
    python = sys.executable
    server = subprocess.Popen(  # noqa: S603
        [python, "-m", "gunicorn", "config.wsgi", "-w", "3", "-b", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(work / "gunicorn.log").open("w"),
    )
    worker = subprocess.Popen(  # noqa: S603
        [python, "manage.py", "db_worker", "--interval", "1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up()
        seconds = int(options.minutes * 60)
        subprocess.run(  # noqa: S603
            [
                python,
                "-m",
                "locust",
                "-f",
                "bench/load/locustfile.py",
                "--headless",
                "-u",
                str(options.users),
                "-r",
                "5",
                "-t",
                f"{seconds}s",
                "--host",
                f"http://127.0.0.1:{PORT}",
                "--csv",
                str(work / "load"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=env,
            check=False,
        )
        report(work / "load_stats.csv")
        print(f"\nLocust's CSV files and gunicorn's log: {work}")
    finally:
        worker.terminate()
        server.terminate()
        server.wait()
        worker.wait()


if __name__ == "__main__":
    main()
