"""The pages the benchmark drives (`lerendnetwerk.demo.scale.main_pages`), with their query counts.

Run by run.py against the loaded database; prints one tab-separated line per page:
name, login e-mail ('' for the public), path, number of SQL queries.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from lerendnetwerk.accounts.models import User  # noqa: E402
from lerendnetwerk.demo.scale import main_pages  # noqa: E402


def count_queries(email: str, path: str) -> int:
    client = Client()
    if email:
        client.force_login(User.objects.get(email=email))
    client.get(path)  # warm up: the per-process caches are not what is measured
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


if __name__ == "__main__":
    for page in main_pages():
        print(f"{page.name}\t{page.login}\t{page.path}\t{count_queries(page.login, page.path)}")
