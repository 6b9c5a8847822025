"""Each main page's time in one process, without a server: where a page's own time goes.

    uv run python bench/scale/inprocess.py [--runs 200] [--profile "meeting page"]

Run after run.py has loaded its database (the same environment: bench database, Redis as the
cache in database 2, so a running benchmark's cache is not touched). Prints per page the mean
milliseconds of a warm visit (the page kept, as most visits find it), or with --cold of a visit
with an empty cache (the page made anew, as after a change to what it shows), and its queries;
with --profile, the cProfile of that page's visits sorted by own time.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lerendnetwerk_bench")
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/2")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("PLAIN_STATIC", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECRET_KEY", "benchmark-" + "x" * 50)

import django

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402

from bench.scale.pages import client_for  # noqa: E402
from lerendnetwerk.demo.main_pages import main_pages  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--profile", default="")
    parser.add_argument("--only", default="")
    parser.add_argument("--sql", action="store_true", help="print a warm visit's queries")
    parser.add_argument(
        "--cold", action="store_true", help="empty the cache before each visit: a first visit"
    )
    options = parser.parse_args()
    cache.clear()
    for page in main_pages():
        if options.only and options.only not in page.name:
            continue
        if options.profile and page.name != options.profile:
            continue
        client = client_for(page.login)
        for _ in range(3):
            assert client.get(page.path).status_code == 200, page.path
        queries: list[str] = []

        def count(run, sql, *args, queries=queries):  # type: ignore[no-untyped-def]
            queries.append(sql)
            return run(sql, *args)

        with connection.execute_wrapper(count):
            client.get(page.path)
        profiler = cProfile.Profile() if options.profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        for _ in range(options.runs):
            if options.cold:
                cache.clear()
            client.get(page.path)
        if profiler:
            profiler.disable()
        ms = (time.perf_counter() - started) * 1000 / options.runs
        print(f"{page.name:32} {ms:6.2f} ms  {len(queries):2d} queries", flush=True)
        if options.sql:
            for sql in queries:
                print("    ", sql[:300])
        if profiler:
            pstats.Stats(profiler).sort_stats("tottime").print_stats(45)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(70)


if __name__ == "__main__":
    main()
