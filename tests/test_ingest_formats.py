"""Ingestion of WARC, feeds, odd encodings and bad input; near-duplicates; the batch runner.

Every input is built here in tmp_path: nothing is read from ../shared.
"""

from __future__ import annotations

import gzip
import uuid
import zlib

import pytest

from sitrep.ingest import IngestOptions, read_path
from sitrep.records import Article, Rejected

STORY = ("Gunmen attacked a police post in Gao on Monday, killing two officers and wounding three others, "
         "local officials said. The army said it had sent reinforcements to the area and that the attackers "
         "fled towards the border on motorbikes. No group has claimed the attack so far, officials added.")


def page(body: str = STORY, title: str = "Attack on police post in Gao", charset: str = "utf-8") -> str:
    return (f'<html><head><meta charset="{charset}"><title>{title}</title></head><body><article><h1>{title}</h1>'
            f"<p>{body}</p><p>{body}</p></article></body></html>")


def http(body: bytes, headers: str = "Content-Type: text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    return f"HTTP/1.1 {status}\r\n{headers}\r\n\r\n".encode() + body


def warc_record(url: str, block: bytes, rtype: str = "response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2020-05-03T10:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\nContent-Type: application/http; msgtype={rtype}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def chunked(data: bytes, size: int = 100) -> bytes:
    parts = [f"{len(data[i:i + size]):x}\r\n".encode() + data[i:i + size] + b"\r\n" for i in range(0, len(data), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def items_of(path) -> tuple[list[Article], dict[str, str]]:
    items = list(read_path(str(path)))
    return [i for i in items if isinstance(i, Article)], {i.source: i.reason for i in items if isinstance(i, Rejected)}


def test_warc_decodes_chunked_and_gzip_bodies_and_skips_non_documents(tmp_path):
    html = page().encode()
    records = [
        warc_record("http://a.example/1", http(chunked(html), "Content-Type: text/html\r\nTransfer-Encoding: chunked")),
        warc_record("http://a.example/2", http(gzip.compress(html.replace(b"Gao", b"Kidal")),
                                               "Content-Type: text/html\r\nContent-Encoding: gzip")),
        warc_record("http://a.example/1", b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n", rtype="request"),
        warc_record("http://a.example/3", http(b"", "Location: /1", status="301 Moved")),
        warc_record("http://a.example/logo.png", http(b"\x89PNG\r\n\x1a\n" + bytes(200), "Content-Type: image/png")),
    ]
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(b"".join(gzip.compress(r) for r in records))
    arts, rejected = items_of(p)
    assert [a.url for a in arts] == ["http://a.example/1", "http://a.example/2"]
    assert "Gao" in arts[0].body and "Kidal" in arts[1].body
    assert arts[0].source_format == "warc/html" and arts[0].published == "2020-05-03"
    assert arts[0].title == "Attack on police post in Gao"
    assert sorted(rejected.values()) == ["http-301", "unsupported-content-type"]


def test_truncated_gzip_warc_keeps_what_came_before_and_says_so(tmp_path):
    members = [gzip.compress(warc_record(f"http://a.example/{i}", http(page(STORY.replace("Gao", f"Gao{i}")).encode())))
               for i in range(3)]
    data = b"".join(members)
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: len(data) - len(members[-1]) // 2])
    arts, rejected = items_of(p)
    assert [a.url for a in arts] == ["http://a.example/0", "http://a.example/1"]
    assert rejected and set(rejected.values()) == {"truncated"}


def test_html_with_a_wrong_declared_charset_is_decoded(tmp_path):
    arabic = "قتل ثلاثة جنود في هجوم على نقطة تفتيش في مدينة درنة شرق ليبيا يوم الجمعة، بحسب مصادر محلية. "
    (tmp_path / "ar.html").write_bytes(page(arabic * 4, title="هجوم في درنة", charset="iso-8859-1").encode("cp1256"))
    french = "Des soldats ont été tués à Gao lors d'une attaque contre un poste de contrôle, selon l'armée. "
    (tmp_path / "fr.html").write_bytes(page(french * 4, title="Attaque à Gao", charset="utf-8").encode("latin-1"))
    arts, rejected = items_of(tmp_path)
    by_lang = {a.language: a for a in arts}
    assert not rejected
    assert "درنة" in by_lang["ar"].body
    assert "tués" in by_lang["fr"].body


@pytest.mark.parametrize("name, data, reason", [
    ("zero.html", b"", "empty"),
    ("noise.bin", bytes(range(256)) * 40, "binary"),
    ("doc.pdf", b"%PDF-1.4\n" + bytes(500), "unsupported-format"),
])
def test_bad_files_are_rejected_with_a_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    arts, rejected = items_of(tmp_path / name)
    assert not arts and list(rejected.values()) == [reason]


def test_huge_html_page_is_rejected_not_parsed(tmp_path):
    p = tmp_path / "huge.html"
    with p.open("wb") as fh:
        fh.write(b"<html><body>")
        chunk = b"<div><p>" + b"filler words " * 80 + b"</p></div>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
        fh.write(b"</body></html>")
    assert p.stat().st_size > 50 * 1024 * 1024
    arts, rejected = items_of(p)
    assert not arts and list(rejected.values()) == ["html-too-large"]
    (item,) = read_path(str(p), IngestOptions(max_bytes=10 * 1024 * 1024))
    assert isinstance(item, Rejected) and item.reason == "too-large"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Sahel wire</title>
<item><title>Attack on police post in Gao</title><link>http://wire.example/gao</link>
<dc:creator>Jane Roe</dc:creator><pubDate>Mon, 04 May 2020 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{story}</p><p>By the wire desk.</p>]]></description></item>
<item><title>Second</title><link>http://wire.example/two</link><pubDate>Tue, 05 May 2020 08:00:00 GMT</pubDate>
<description><![CDATA[<p>{story2}</p>]]></description></item>
""".replace("{story}", STORY).replace("{story2}", STORY.replace("Gao", "Menaka").replace("two officers", "a soldier"))


def test_feed_entries_use_the_feeds_author_and_date(tmp_path):
    p = tmp_path / "wire.xml"
    p.write_text(RSS + "</channel></rss>", encoding="utf-8")
    arts, rejected = items_of(p)
    assert not rejected
    assert [a.url for a in arts] == ["http://wire.example/gao", "http://wire.example/two"]
    assert arts[0].author == "Jane Roe" and arts[0].published == "2020-05-04"
    assert arts[0].title == "Attack on police post in Gao" and arts[0].source_format == "feed/html"


def test_feed_with_broken_xml_keeps_the_entries_it_can_and_records_the_fault(tmp_path):
    p = tmp_path / "broken.rss"
    p.write_text(RSS + "<item><title>cut off <descr", encoding="utf-8")
    arts, rejected = items_of(p)
    assert len(arts) == 2
    assert "feed-partly-broken" in rejected.values()
    q = tmp_path / "hopeless.rss"
    q.write_text('<?xml version="1.0"?><rss><chan', encoding="utf-8")
    arts, rejected = items_of(q)
    assert not arts and list(rejected.values()) == ["bad-feed"]


def test_a_batch_of_bad_inputs_goes_on_to_the_good_ones(tmp_path):
    (tmp_path / "zero.txt").write_bytes(b"")
    (tmp_path / "cut.warc.gz").write_bytes(gzip.compress(warc_record("http://x.example/", http(page().encode())))[:200])
    (tmp_path / "broken.rss").write_text('<?xml version="1.0"?><rss><chan', encoding="utf-8")
    (tmp_path / "good.html").write_text(page(), encoding="utf-8")
    (tmp_path / "note").write_bytes(STORY.encode())  # no extension: read by content
    arts, rejected = items_of(tmp_path)
    assert sorted(a.source.rsplit("/", 1)[-1] for a in arts) == ["good.html", "note"]
    assert len(rejected) >= 3 and "empty" in rejected.values() and "bad-feed" in rejected.values()


def test_comment_widgets_do_not_leak_into_the_html_body():
    from sitrep.ingest.html import article_from_html

    comment = "Das ist doch alles gelogen, die Armee hat das Dorf selbst angegriffen und verbrannt."
    html = (f"<html><body><article><h1>Attack in Gao</h1><p>{STORY}</p><p>{STORY}</p></article>"
            f'<div class="kommentare"><div class="kommentar-item"><div class="kommentar-text">{comment}</div></div>'
            f"</div></body></html>")
    art = article_from_html(html)
    assert art is not None and "Gunmen attacked" in art.body
    assert "gelogen" not in art.body


# -- near-duplicates and the runner ------------------------------------------------------------
WIRE = ("Gunmen attacked a police post in the northern Malian town of Gao on Monday, killing two officers and "
        "wounding three others, local officials said. The attackers arrived on motorbikes shortly after dawn and "
        "opened fire on the post before setting a vehicle alight, a security source told reporters. The army said "
        "it had sent reinforcements to the area and that the attackers fled towards the border with Niger. No group "
        "has claimed the attack so far, but jihadist groups linked to al Qaeda and Islamic State are active in the "
        "region and have repeatedly targeted security forces there.")


def test_store_finds_wire_copies_as_near_duplicates(tmp_path):
    from sitrep.store import Store

    store = Store(str(tmp_path / "db.sqlite"))
    a = Article(body=WIRE, url="http://one.example/a")
    b = Article(body="GAO, Mali (Wire) - " + WIRE.replace("on Monday", "early on Monday") + " Reporting by J. Roe.",
                url="http://two.example/b")
    c = Article(body=WIRE.replace("Gao", "Kidal").replace("police post", "market").split(".")[0] * 1
                + ". Protesters marched in Bamako on Friday demanding better security, and police fired tear gas "
                  "at the crowd near the central market, witnesses said, while shops stayed closed all day.",
                url="http://three.example/c")
    assert store.find_duplicate(a) is None
    store.write(a, [])
    dup = store.find_duplicate(b)
    assert dup is not None and dup.kind == "near-duplicate" and dup.of == a.id
    assert store.find_duplicate(c) is None
    assert store.write(b, [], duplicate=dup).status == "near-duplicate"
    (row,) = store.not_coded()
    assert row.reason == "near-duplicate" and a.id in row.detail


def test_runner_records_every_document_and_codes_a_story_once(tmp_path):
    from sitrep.runner import ingest_documents
    from sitrep.store import Store

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("MALI - " + WIRE + " (Wire)", encoding="utf-8")
    (tmp_path / "in" / "c.txt").write_text("Des soldats ont été tués à Gao lors d'une attaque contre un poste de "
                                           "contrôle, selon l'armée malienne et des sources locales.", encoding="utf-8")
    (tmp_path / "in" / "d.bin").write_bytes(bytes(range(256)) * 10)
    store = Store(str(tmp_path / "db.sqlite"))
    outcomes = {o.source.rsplit("/", 1)[-1]: o for o in ingest_documents([str(tmp_path / "in")], store, IngestOptions())}
    assert outcomes["a.txt"].status == "ok" and outcomes["a.txt"].events >= 1
    assert (outcomes["b.txt"].status, outcomes["b.txt"].reason) == ("duplicate", "near-duplicate")
    assert (outcomes["c.txt"].status, outcomes["c.txt"].reason) == ("skipped", "language:fr")
    assert (outcomes["d.bin"].status, outcomes["d.bin"].reason) == ("failed", "binary")
    assert {r.reason for r in store.not_coded()} == {"near-duplicate", "skipped"}
    assert [r.reason for r in store.rejects()] == ["binary"]


def test_runner_with_a_process_pool_gives_the_same_outcomes(tmp_path):
    from sitrep.runner import ingest_documents
    from sitrep.store import Store

    (tmp_path / "in").mkdir()
    for i, town in enumerate(["Gao", "Kidal", "Menaka"]):
        (tmp_path / "in" / f"{i}.txt").write_text(f"Gunmen attacked a police post in {town} on Monday, killing {i + 2} "
                                           "officers, local officials said.", encoding="utf-8")
    (tmp_path / "in" / "z.txt").write_bytes(b"")

    def run(jobs: int, db: str) -> list[tuple[str, str, int]]:
        store = Store(str(tmp_path / db))
        return [(o.source.rsplit("/", 1)[-1], o.status, o.events)
                for o in ingest_documents([str(tmp_path / "in")], store, IngestOptions(), jobs=jobs)]

    serial = run(1, "one.sqlite")
    assert run(2, "two.sqlite") == serial
    # a file rejected while reading is reported at once, before the documents still being coded
    assert sorted(serial) == [("0.txt", "ok", 1), ("1.txt", "ok", 1), ("2.txt", "ok", 1), ("z.txt", "failed", 0)]


def test_deflate_and_identity_bodies_pass(tmp_path):
    from sitrep.ingest.warc import _split_http

    body = page().encode()
    status, headers, out = _split_http(http(zlib.compress(body), "Content-Encoding: deflate"), 1 << 20)
    assert status == 200 and out == body
    # archives often store the decoded body but keep the header: used as it is
    assert _split_http(http(body, "Content-Encoding: gzip"), 1 << 20)[2] == body
