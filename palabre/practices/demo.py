"""Demo practices: fiches at every status and visibility, some with files and several versions.

The fiches are in demo_data/, one Markdown file each (see its README); this module loads them.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from palabre.lib.demo_data import read_demo_file, split_list
from palabre.practices.models import (
    Attachment,
    DailyCount,
    Practice,
    ReviewComment,
    Revision,
    Step,
)
from palabre.practices.search import index_practices
from palabre.practices.services import practice_snapshot
from palabre.practices.uploads import make_preview
from palabre.search.services import vocabulary_rebuild
from palabre.themes.models import Tag, Theme

TEXT_FIELDS = (
    "title", "kind", "language", "summary", "context", "objectives", "beneficiaries",
    "stakeholders", "approach", "resources", "results", "success_factors", "difficulties",
    "lessons", "sustainability", "replication", "country", "region", "status", "visibility",
    "project_name",
)  # fmt: skip
DATA = Path(__file__).parent / "demo_data"


def demo_practices() -> list[dict]:
    """The demo fiches, in the order of their file names (`NN-key.md`)."""
    return [_read_practice(path) for path in sorted(DATA.glob("[0-9]*.md"))]


def _read_practice(path: Path) -> dict:
    header, _text, sections = read_demo_file(path)
    item = {"key": path.stem.split("-", 1)[1], **header, "steps": [], "attachments": []}
    for name in ("partners", "authors", "themes", "tags"):
        item[name] = split_list(header.get(name, ""))
    for name in ("women", "men", "cost_amount"):
        item[name] = int(header[name]) if header.get(name) else None
    for heading, fields, text in sections:
        kind, _, title = heading.partition(": ")
        if kind == "step":
            description, _, worked = text.partition("## what made it work")
            step = {"title": title, "description": description.strip()}
            item["steps"].append({**step, "what_made_it_work": worked.strip()})
        elif kind == "attachment":
            item["attachments"].append({"name": title, **fields})
        else:
            item[heading] = text
    return item


def _month(value: str | None) -> date | None:
    if not value:
        return None
    year, month = value.split("-")
    return date(int(year), int(month), 1)


def _published_at(item: dict, rng) -> datetime:
    end = _month(item.get("period_end")) or _month(item["period_start"]) + timedelta(days=200)
    day = min(end + timedelta(days=rng.randint(20, 120)), date(2026, 11, 1))
    return timezone.make_aware(datetime(day.year, day.month, day.day, 10, 0))


def demo_pdf(title: str) -> bytes:
    """A tiny valid PDF with one line of text."""
    text = title.encode("latin-1", "replace")[:80].replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 60 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def demo_photo(seed: int) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 640), (30 + seed * 17 % 80, 91, 60))
    draw = ImageDraw.Draw(image)
    for i in range(12):
        x = (seed * 37 + i * 83) % 900
        draw.ellipse((x, 300 + (i * 29) % 200, x + 90, 390 + (i * 29) % 200), fill=(217, 180, 138))
    draw.rectangle((0, 560, 960, 640), fill=(154, 77, 15))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def demo_wav(seconds: float = 1.5) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        frames = b"".join(
            struct.pack("<h", int(3000 * math.sin(2 * math.pi * 220 * i / 8000)))
            for i in range(int(8000 * seconds))
        )
        sound.writeframes(frames)
    return buffer.getvalue()


def _attach(practice: Practice, items: list[dict], uploader, seed: int) -> None:
    if practice.attachments.exists():
        return
    for n, item in enumerate(items):
        name = item["name"]
        if item["kind"] == "photo":
            content, mime = demo_photo(seed + n), "image/jpeg"
        elif item["kind"] == "audio":
            content, mime = demo_wav(), "audio/x-wav"
        else:
            content, mime = demo_pdf(practice.title), "application/pdf"
        attachment = Attachment(
            practice=practice,
            original_name=name,
            content_type=mime,
            size=len(content),
            kind=item["kind"],
            caption=item.get("caption", ""),
            uploaded_by=uploader,
        )
        attachment.file.save(name, ContentFile(content), save=False)
        if item["kind"] == "photo":
            preview = make_preview(ContentFile(content))
            attachment.preview.save("preview.jpg", preview, save=False)
        attachment.save()


def load(context) -> None:
    rng = context.random
    people, organisations = context["people"], context["organisations"]
    facilitator = people["animatrice@palabre.example"]
    themes = {t.slug: t for t in Theme.objects.all()}
    created: dict[str, Practice] = {}
    practices = demo_practices()
    for index, item in enumerate(practices):
        fields = {name: item[name] for name in TEXT_FIELDS}
        fields.update(
            beneficiaries_women=item.get("women"),
            beneficiaries_men=item.get("men"),
            cost_amount=item.get("cost_amount"),
            cost_currency=item.get("cost_currency") or "XAF",
            period_start=_month(item.get("period_start")),
            period_end=_month(item.get("period_end")),
            lead_organisation=organisations[item["lead_organisation"]],
            contact=people.get(item.get("contact")),
            created_by=people.get(item["authors"][0]),
            translation_of=created.get(item.get("translation_of")),
        )
        if item["status"] in ("published", "archived"):
            published = _published_at(item, rng)
            fields.update(
                published_at=published,
                last_published_at=published,
                review_by=(
                    published + timedelta(days=settings.PRACTICES_REVIEW_PERIOD_DAYS)
                ).date(),
            )
        if item["status"] in ("submitted", "changes_requested"):
            fields["submitted_at"] = timezone.now() - timedelta(days=rng.randint(2, 20))
        practice, _new = Practice.objects.update_or_create(
            external_id=f"demo:{item['key']}", defaults=fields
        )
        created[item["key"]] = practice
        practice.authors.set([people[e] for e in item["authors"]])
        practice.partners.set([organisations[s] for s in item.get("partners", [])])
        practice.themes.set([themes[s] for s in item.get("themes", []) if s in themes])
        practice.tags.set(Tag.for_names(item.get("tags", [])))
        practice.steps.all().delete()
        Step.objects.bulk_create(
            Step(practice=practice, position=i, **step) for i, step in enumerate(item["steps"])
        )
        _attach(practice, item.get("attachments", []), practice.created_by, index)

        if item["status"] == "changes_requested" and not practice.review_comments.exists():
            ReviewComment.objects.create(
                practice=practice,
                section="results",
                author=facilitator,
                body="Pouvez-vous donner des chiffres précis sur les résultats (combien de "
                "personnes, combien de FCFA) et un témoignage d'un bénéficiaire ?",
            )
            ReviewComment.objects.create(
                practice=practice,
                section="difficulties",
                author=facilitator,
                body="Les difficultés sont à peine évoquées : qu'est-ce qui n'a pas marché ?",
            )
        if practice.status in ("published", "archived"):
            _revisions(practice, facilitator, index)
            _counts(practice, rng)

    index_practices([p.pk for p in created.values()])
    vocabulary_rebuild()
    # Some practices came due for review: their authors are asked to re-validate them.
    for key in [p["key"] for p in practices if p["status"] == "published"][:2]:
        Practice.objects.filter(pk=created[key].pk).update(review_by=date(2026, 10, 1))
    context["practices"] = created


def _revisions(practice: Practice, publisher, index: int) -> None:
    if practice.revisions.exists():
        return
    snapshot = practice_snapshot(practice)
    if index % 4 == 0:
        # An earlier, shorter version: the history and its differences have something to show.
        first = dict(snapshot)
        first["summary"] = snapshot["summary"].split(". ")[0].rstrip(".") + "."
        first["lessons"] = snapshot["lessons"].split("\n")[0]
        Revision.objects.create(
            practice=practice,
            number=1,
            data=first,
            published_by=publisher,
            published_at=practice.published_at - timedelta(days=180),
            note="Première publication",
        )
        Revision.objects.create(
            practice=practice,
            number=2,
            data=snapshot,
            published_by=publisher,
            published_at=practice.published_at,
            note="Ajout des leçons tirées de la deuxième année",
        )
    else:
        Revision.objects.create(
            practice=practice,
            number=1,
            data=snapshot,
            published_by=publisher,
            published_at=practice.published_at,
            note="Première publication",
        )


def _counts(practice: Practice, rng) -> None:
    if practice.daily_counts.exists():
        return
    today = timezone.localdate()
    rows = []
    for day in range(0, 90, 3):
        rows.append(
            DailyCount(
                practice=practice,
                day=today - timedelta(days=day),
                event=DailyCount.Event.VIEW,
                count=rng.randint(0, 9),
            )
        )
        if day % 9 == 0:
            rows.append(
                DailyCount(
                    practice=practice,
                    day=today - timedelta(days=day),
                    event=DailyCount.Event.PDF,
                    count=rng.randint(0, 3),
                )
            )
    DailyCount.objects.bulk_create(rows)
