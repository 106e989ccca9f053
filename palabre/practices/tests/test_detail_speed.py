"""The practice page stays fast as the library grows: views counted without a database
write, few queries (none while rendering), "304 Not Modified" for repeat visits, the
anonymous page kept between visitors but never once it changed, and indexes that stay
usable after ANALYZE."""

import multiprocessing
import os
import re
import time
from datetime import date, timedelta

import fakeredis
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from palabre.practices import readership
from palabre.practices.models import DailyCount, Practice, SavedPractice

LATER = timedelta(minutes=2)  # a flush then takes the files of this minute too


@pytest.fixture
def spool(settings, tmp_path):
    """Views noted in a folder of this test's own."""
    settings.READERSHIP_DIR = tmp_path / "readership"
    return settings.READERSHIP_DIR


@pytest.fixture
def public(make_practice, author):
    return make_practice(author, visibility="public", title="Les greniers communautaires")


def views_of(practice) -> int:
    return sum(
        DailyCount.objects.filter(practice=practice, event="view").values_list("count", flat=True)
    )


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]


def flush() -> int:
    return readership.readership_flush(now=timezone.now() + LATER)


# Readership ------------------------------------------------------------------------------


def test_a_view_writes_nothing_to_the_database_and_is_counted_by_the_flush(client, public, spool):
    for _ in range(3):
        with CaptureQueriesContext(connection) as view:
            assert client.get(public.get_absolute_url()).status_code == 200
        # (read now: the next request empties the log)
        assert view.captured_queries and writes(view.captured_queries) == []
    assert views_of(public) == 0  # noted, not yet counted
    assert flush() == 3
    assert views_of(public) == 3
    assert flush() == 0 and views_of(public) == 3  # counted once


def test_the_authors_own_visits_and_unpublished_practices_are_not_counted(
    client_for, make_practice, author, facilitator, public, spool
):
    draft = make_practice(author, status="draft")
    client_for(author).get(public.get_absolute_url())
    client_for(facilitator).get(draft.get_absolute_url())
    assert flush() == 0


def _record_views(practice_id: int, n: int) -> None:
    for _ in range(n):
        readership.readership_record(practice_id=practice_id, event="view")
    os._exit(0)  # a web process noting views, not a test process: nothing to tidy


def test_views_noted_by_several_web_processes_are_all_counted(public, spool):
    """Each gunicorn worker writes its own file; the flush adds them all."""
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_record_views, args=(public.pk, 40)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    readership.readership_record(practice_id=public.pk, event="pdf")
    assert len(list(spool.iterdir())) == 4  # one file per process
    assert flush() == 121
    assert views_of(public) == 120
    assert DailyCount.objects.get(practice=public, event="pdf").count == 1


def test_the_flush_leaves_the_current_minute_to_the_next_one(public, spool):
    readership.readership_record(practice_id=public.pk, event="view")
    assert readership.readership_flush() == 0  # its file may still be written to
    assert flush() == 1


def test_a_flush_adds_to_the_day_each_view_was_made(public, spool):
    today = timezone.localdate()
    DailyCount.objects.create(practice=public, day=today, event="view", count=5)
    (spool).mkdir()
    yesterday = today - timedelta(days=1)
    (spool / "202001010000-1.counts").write_text(
        f"{yesterday} view {public.pk}\n{today} view {public.pk}\nnot a line\n"
    )
    assert flush() == 2
    assert DailyCount.objects.get(practice=public, day=yesterday).count == 1
    assert DailyCount.objects.get(practice=public, day=today).count == 6


def test_a_claim_left_by_a_stopped_worker_is_counted_later_once(public, spool):
    spool.mkdir()
    left = spool / "202001010000-7.counts.deadbeef.claimed"
    left.write_text(f"{date.today()} view {public.pk}\n")
    assert flush() == 0  # it may still be counting them
    old = time.time() - readership.STALE_CLAIM.total_seconds() - 60
    os.utime(left, (old, old))
    assert flush() == 1
    assert flush() == 0 and views_of(public) == 1


def test_a_claim_taken_by_another_flush_meanwhile_is_not_counted_twice(public, spool, monkeypatch):
    readership.readership_record(practice_id=public.pk, event="view")
    add = readership._add

    def taken_meanwhile(counts):
        added = add(counts)
        for path in spool.iterdir():  # another worker took the claim back
            path.rename(path.with_name(path.name + ".other.claimed"))
        return added

    monkeypatch.setattr(readership, "_add", taken_meanwhile)
    with pytest.raises(readership.ClaimLost):
        flush()
    assert views_of(public) == 0  # rolled back: the other flush counts them


def test_views_of_a_practice_deleted_since_are_dropped(make_practice, author, public, spool):
    gone = make_practice(author, visibility="public")
    readership.readership_record(practice_id=gone.pk, event="view")
    readership.readership_record(practice_id=public.pk, event="view")
    Practice.objects.filter(pk=gone.pk).delete()
    assert flush() == 1 and views_of(public) == 1


def test_a_buffer_that_cannot_be_written_does_not_break_the_page(client, public, settings):
    settings.READERSHIP_DIR = "/proc/palabre-cannot-write-here"
    assert client.get(public.get_absolute_url()).status_code == 200


@pytest.fixture
def redis(settings, monkeypatch):
    """Several machines: the views are noted in Redis (an in-memory stand-in here)."""
    settings.REDIS_URL = "redis://palabre-test:6379/0"
    server = fakeredis.FakeRedis()
    monkeypatch.setattr(readership, "_redis", lambda: server)
    return server


def test_with_redis_views_are_noted_there_and_counted_once(client, public, redis, spool):
    client.get(public.get_absolute_url())
    client.get(public.get_absolute_url())
    assert not spool.exists()
    assert sum(int(n) for n in redis.hgetall(readership.PENDING_KEY).values()) == 2
    assert flush() == 2
    readership.readership_record(practice_id=public.pk, event="view")  # after the claim
    assert flush() == 1
    assert flush() == 0 and views_of(public) == 3
    assert list(redis.scan_iter("palabre:readership:*")) == []


def test_with_redis_a_claim_left_by_a_stopped_worker_is_counted_later(public, redis):
    now = timezone.now()
    fresh = f"{readership.CLAIM_PREFIX}{int(now.timestamp())}:a"
    old = f"{readership.CLAIM_PREFIX}{int((now - timedelta(hours=1)).timestamp())}:b"
    for key in (fresh, old):
        redis.hset(key, f"{timezone.localdate()} view {public.pk}", 2)
    assert readership.readership_flush(now=now) == 2  # the old one only
    assert views_of(public) == 2 and redis.exists(fresh)


def test_the_worker_adds_the_views_every_minute(public, spool, monkeypatch):
    from palabre.core import schedule
    from palabre.core.management.commands import worker

    assert schedule.minute_jobs()["practices.readership"] is readership.readership_flush
    (spool).mkdir()
    (spool / "202001010000-1.counts").write_text(f"{timezone.localdate()} view {public.pk}\n")
    monkeypatch.setattr(worker, "close_old_connections", lambda: None)  # the test's transaction
    worker.housekeeping(worker_id="test", started_at=timezone.now())
    assert views_of(public) == 1


# Queries -----------------------------------------------------------------------------------


def test_the_practice_page_takes_few_queries(
    client_for, public, author, colleague, org_b, django_assert_num_queries
):
    from palabre.practices.models import Step

    Step.objects.bulk_create(
        Step(practice=public, position=i, title=f"Étape {i}") for i in range(8)
    )
    public.partners.add(org_b)
    anonymous, member = client_for(), client_for(colleague)
    # Rendered: the practice, its partners, authors, themes, tags, steps and files, and
    # one query for each other app's panel (thanks, questions, adoptions, workshops,
    # trainings, resources, projects).
    with django_assert_num_queries(14):
        assert anonymous.get(public.get_absolute_url()).status_code == 200
    # The next anonymous visitor: the practice only (who may see it, is the page kept
    # still the page?).
    with django_assert_num_queries(1):
        assert Client().get(public.get_absolute_url()).status_code == 200
    # A member: their session and account, their organisations (2), their unread
    # notifications and whether they wish to learn it, and the page's queries.
    with django_assert_num_queries(21):
        assert member.get(public.get_absolute_url()).status_code == 200


def test_rendering_the_page_asks_the_database_nothing(client_for, public, colleague, monkeypatch):
    from palabre.practices import views

    during = {}

    def render(request, template, context):
        with CaptureQueriesContext(connection) as queries:
            response = views_render(request, template, context)
        during[template] = [q["sql"] for q in queries.captured_queries]
        return response

    views_render = views.render
    monkeypatch.setattr(views, "render", render)
    assert client_for().get(public.get_absolute_url()).status_code == 200
    assert during["practices/detail.html"] == []
    assert client_for(colleague).get(public.get_absolute_url()).status_code == 200
    # The page's header counts the member's unread notifications, on every page.
    assert [sql for sql in during["practices/detail.html"] if "notification" not in sql] == []


def test_each_version_links_to_the_others(client, make_practice, author):
    original = make_practice(author, visibility="public", title="Le warrantage")
    english = make_practice(author, visibility="public", title="Warehouse receipts")
    english.language, english.translation_of = "en", original
    english.save()
    page = client.get(original.get_absolute_url()).content.decode()
    assert f'href="/practices/{english.pk}/" hreflang="en"' in page
    page = client.get(english.get_absolute_url()).content.decode()
    assert f'href="/practices/{original.pk}/" hreflang="fr"' in page


# The index of translations after ANALYZE ------------------------------------------------------


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            return " ".join(str(row[-1]) for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_seqscan = off")  # tiny tables: ask for the index
        cursor.execute(f"EXPLAIN {sql}", params)
        return " ".join(row[0] for row in cursor.fetchall())


def test_a_practices_translations_are_found_through_an_index_after_analyze(make_practice, author):
    """No practice is a translation: ANALYZE once judged an index of the column (all NULL)
    useless, and SQLite then read the whole table to find a practice's translations."""
    practices = [make_practice(author, title=f"Pratique {i}") for i in range(40)]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    practice = practices[7]
    translations = Practice.objects.filter(translation_of=practice).exclude(pk=practice.pk)
    plan = _plan(translations)
    assert "practice_translations" in plan, plan
    assert "SCAN practices_practice" not in plan and "Seq Scan" not in plan, plan


# Conditional GET and the page kept for anonymous visitors ---------------------------------------


def test_a_repeat_visit_gets_304_without_rendering(client, public, django_assert_num_queries):
    first = client.get(public.get_absolute_url())
    assert first["ETag"] and "no-cache" in first["Cache-Control"]
    assert "private" in first["Cache-Control"]
    with django_assert_num_queries(1):
        again = client.get(public.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    gzip_etag = "W/" + first["ETag"]  # what a browser sends back after a gzipped page
    assert client.get(public.get_absolute_url(), HTTP_IF_NONE_MATCH=gzip_etag).status_code == 304


def test_a_member_gets_304_for_the_same_page_and_200_once_it_changed(client_for, public, colleague):
    client = client_for(colleague)
    first = client.get(public.get_absolute_url())
    again = client.get(public.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    SavedPractice.objects.create(user=colleague, practice=public)
    changed = client.get(public.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_another_browser_does_not_get_304_for_a_page_with_another_csrf_token(client, public):
    first = client.get(public.get_absolute_url())
    other = Client().get(public.get_absolute_url(), HTTP_IF_NONE_MATCH=first["ETag"])
    assert other.status_code == 200  # its forms must carry its own token


def test_the_kept_page_carries_each_visitors_own_csrf_token(client, public):
    client.get(public.get_absolute_url())  # renders and keeps it
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(public.get_absolute_url()).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = visitor.post(
        reverse("accounts:set_language"),
        {"csrfmiddlewaretoken": token, "language": "en", "next": public.get_absolute_url()},
    )
    assert response.status_code == 302


def text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.index("<main") :]))


def test_the_anonymous_page_follows_any_change_of_the_practice_row(client, public):
    client.get(public.get_absolute_url())
    Practice.objects.filter(pk=public.pk).update(title="Les greniers de village")  # no signal
    assert "Les greniers de village" in text(client.get(public.get_absolute_url()))


def test_a_kept_page_is_never_served_once_the_practice_is_no_longer_public(client, public):
    client.get(public.get_absolute_url())
    Practice.objects.filter(pk=public.pk).update(visibility="network")
    assert client.get(public.get_absolute_url()).status_code == 404


def test_a_members_page_is_never_the_anonymous_one(client, client_for, public, colleague):
    client.get(public.get_absolute_url())
    page = client_for(colleague).get(public.get_absolute_url()).content.decode()
    assert "Colin Colleague" in page and "Garder pour plus tard" in page
