"""Database side of `bench/peers.py`, run in the bench database's environment.

    python bench/peers_network.py network NETWORK.json   # create the organisations and people
    python bench/peers_network.py pages CORPUS.jsonl OUT.tsv   # record id <TAB> practice page

`network` creates the organisations and people that the converted peers corpus names
(import-practices only links to existing ones); `pages` writes, in the corpus's order, the
page of each imported practice, found by its `external_id` (the corpus record's id), for
the peers' `measure.py`.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palabre.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import transaction  # noqa: E402

from palabre.organisations.models import Organisation  # noqa: E402
from palabre.practices.models import Practice  # noqa: E402


def network(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    user = get_user_model()
    unusable = make_password(None)
    with transaction.atomic():
        Organisation.objects.bulk_create(
            [Organisation(**fields) for fields in data["organisations"]],
            batch_size=500,
            ignore_conflicts=True,
        )
        user.objects.bulk_create(
            [user(password=unusable, **fields) for fields in data["people"]],
            batch_size=500,
            ignore_conflicts=True,
        )
    print(f"{len(data['organisations'])} organisations, {len(data['people'])} people", flush=True)


def pages(corpus: Path, out: Path) -> None:
    ids = dict(Practice.objects.exclude(external_id="").values_list("external_id", "pk"))
    missing = 0
    with corpus.open(encoding="utf-8") as records, out.open("w", encoding="utf-8") as tsv:
        for line in records:
            record_id = json.loads(line)["id"]
            if record_id not in ids:
                missing += 1
                continue
            tsv.write(f"{record_id}\t/practices/{ids[record_id]}/\n")
    if missing:
        raise SystemExit(f"{missing} records of {corpus} were not imported")


if __name__ == "__main__":
    command, *paths = sys.argv[1:]
    if command == "network":
        network(Path(paths[0]))
    elif command == "pages":
        pages(Path(paths[0]), Path(paths[1]))
    else:
        raise SystemExit(__doc__)
