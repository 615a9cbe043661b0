from __future__ import annotations

import gzip
import json

import numpy as np
import pytest

from sitrep.errors import InputError
from sitrep.ingest import IngestOptions, read_one, read_path, sniff
from sitrep.ingest.text import article_from_text, segment
from sitrep.records import Article, Rejected

PAGE = """Rebels seize border town after heavy fighting

June 3, 2021

By Jane Roe

Rebels seized the border town of Kalo on Tuesday after two days of heavy fighting, residents said.

Photo: smoke over Kalo (file)

The army said it would send reinforcements.

Jane Roe is a reporter for the Example Times covering the region.

Tags: rebels, army

Share this

  \u2022 Sam says:

    The army will lose again, mark my words. They attacked our village last year.

  \u2022 Ann says:

    Reply


Home

About
"""


def test_segmenter_labels_every_part_of_a_flattened_page():
    labels = {ln.text: ln.label for ln in segment(PAGE) if ln.text}
    assert labels["Rebels seize border town after heavy fighting"] == "title"
    assert labels["By Jane Roe"] == "byline"
    assert labels["Photo: smoke over Kalo (file)"] == "caption"
    assert labels["Jane Roe is a reporter for the Example Times covering the region."] == "bio"
    assert labels["Tags: rebels, army"] == "tags"
    assert labels["Share this"] == "navigation"
    assert labels["\u2022 Sam says:"] == "comment_meta"
    assert labels["The army will lose again, mark my words. They attacked our village last year."] == "comment"
    assert labels["Home"] == "navigation" and labels["About"] == "navigation"


def test_article_keeps_body_and_sets_comments_apart():
    art = article_from_text(PAGE)
    assert art.title == "Rebels seize border town after heavy fighting"
    assert art.author == "Jane Roe"
    assert art.published == "2021-06-03"
    assert "Rebels seized the border town" in art.body and "reinforcements" in art.body
    assert "mark my words" not in art.body and "Tags" not in art.body and "Photo" not in art.body
    assert [c.author for c in art.comments] == ["Sam"]
    assert "mark my words" in art.comments[0].text
    assert any(b.startswith("Jane Roe is a reporter") for b in art.boilerplate)


def test_plain_note_without_title_is_all_body():
    text = "On 9 May 2020, medical interns protested in Haifa, demanding better working conditions."
    art = article_from_text(text)
    assert art.title is None and art.body == text


def write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\n  ", "empty"),
    ("bin.dat", bytes(range(256)) * 20, "binary"),
    ("latin1.txt", "Soldats tu\xe9s \xe0 Gao".encode("latin-1") + b" " * 50, "invalid-utf8"),
    ("trunc.txt.gz", gzip.compress(b"some text " * 100)[:30], "bad-gzip"),
])
def test_bad_documents_are_rejected_with_a_reason(tmp_path, name, data, reason):
    (item,) = list(read_path(str(write(tmp_path, name, data))))
    assert isinstance(item, Rejected)
    assert item.reason == reason
    with pytest.raises(InputError, match=reason.split("-")[0] if reason != "invalid-utf8" else "UTF-8"):
        read_one(str(tmp_path / name))


def test_encoding_option_decodes_legacy_text(tmp_path):
    p = write(tmp_path, "latin1.txt", "Soldats tu\xe9s \xe0 Gao pendant une attaque.".encode("latin-1"))
    art = read_one(str(p), IngestOptions(encoding="latin-1"))
    assert "tu\xe9s" in art.body


def test_missing_path_raises():
    with pytest.raises(InputError, match="no such file"):
        list(read_path("/nonexistent/file.txt"))


def test_directory_of_mixed_files_skips_bad_ones(tmp_path):
    write(tmp_path, "a.txt", b"Gunmen attacked a police post in Gao on Monday, killing two officers.")
    write(tmp_path, "b.bin", b"\x00\x01\x02" * 100)
    write(tmp_path, "c.txt", b"")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "d.html", b"<html><body><article><p>" + b"Protesters marched in Dakar on Friday. " * 5
          + b"</p></article></body></html>")
    write(tmp_path, ".hidden", b"ignored")
    items = list(read_path(str(tmp_path)))
    arts = [i for i in items if isinstance(i, Article)]
    rejected = {i.source.rsplit("/", 1)[-1]: i.reason for i in items if isinstance(i, Rejected)}
    assert len(arts) == 2
    assert rejected == {"b.bin": "binary", "c.txt": "empty"}
    assert {a.source_format for a in arts} == {"text", "html"}


def test_jsonl_records_with_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "Troops clashed with rebels in Goma.", "published": "2020-05-01"}),
        "not json",
        json.dumps({"id": "x2"}),
        json.dumps({"id": "x3", "html": "<p>" + "Police arrested ten protesters in Lagos. " * 4 + "</p>"}),
        json.dumps([1, 2]),
    ]
    p = write(tmp_path, "in.jsonl", "\n".join(lines).encode())
    items = list(read_path(str(p)))
    assert [i.id for i in items if isinstance(i, Article)] == ["x1", "x3"]
    assert [i.reason for i in items if isinstance(i, Rejected)] == ["bad-json", "empty", "bad-json"]
    assert items[0].published == "2020-05-01"


def test_html_keeps_metadata_and_comments_apart():
    html = b"""<html><head><title>Clashes in Kidal</title><meta name="author" content="Jane Roe">
    <meta property="article:published_time" content="2020-05-03"></head><body><article><h1>Clashes in Kidal</h1>
    <p>On 2 May 2020, fighters of the CMA clashed with JNIM militants near Kidal, killing four, local sources said.</p>
    <p>The army said it had reinforced positions around the town after the attack.</p></article>
    <div class="comments"><div class="comment"><p>This is terrible news, we will bomb them all.</p></div></div>
    </body></html>"""
    from sitrep.ingest import parse_bytes

    art = parse_bytes(html, "html", "page.html", IngestOptions())
    assert art.title == "Clashes in Kidal" and art.author == "Jane Roe" and art.published == "2020-05-03"
    assert art.body.startswith("On 2 May 2020")
    assert "bomb them all" not in art.body
    assert any("bomb them all" in c.text for c in art.comments)


def test_sniff_by_content_not_extension():
    assert sniff(b"<!DOCTYPE html><html>", "x.txt") == "html"
    assert sniff(b"WARC/1.0\r\n", "x") == "warc"
    assert sniff(b"Plain words here.", "x.html") == "text"


def test_multi_paragraph_body_without_furniture_comes_through_whole():
    text = ("Gunmen attacked a checkpoint near Kidal on Monday, killing three soldiers, the army said.\n\n"
            "Residents said the attackers fled on motorbikes towards the border.\n\n"
            "No group has claimed the attack.")
    art = article_from_text(text)
    assert art.body == text and art.title is None


def test_comment_section_link_in_page_header_is_not_a_wall():
    page = ("Home\n\nNews\n\n3 Comments\n\nRebels seize town\n\n"
            + "\n\n".join(f"Rebels seized the town of Kalo number {i} on Tuesday after two days of heavy fighting, "
                          "residents and officials said." for i in range(4))
            + "\n\nLeave a Reply\n\nSam says:\n\nThey will lose again.\n")
    art = article_from_text(page)
    assert "Kalo number 0" in art.body and "Kalo number 3" in art.body
    assert "lose again" not in art.body


_STORY = [f"Militia fighters attacked the market town of Boro number {i} on Sunday, burning shops and homes, "
          "local officials and residents told reporters." for i in range(5)]


def test_dated_comment_headers_after_the_article_wall_off_comments_without_a_section_cue():
    comments = [("Marta K\n\nMarch 4, 2021 at 9:12 pm\n\nThe militia has been attacking our district for years "
                 "and nobody in the capital cares about the people who live here.\n\nReply"),
                ("Jon Obi\n\nMarch 5, 2021 at 7:01 am\n\nI travelled through the town last month and the roads "
                 "were already closed by the army, so this attack does not surprise me.\n\nReply")]
    page = "Militia attack on Boro\n\nMarch 3, 2021\n\n" + "\n\n".join(_STORY) + "\n\nShare\n\n" + "\n\n".join(comments)
    art = article_from_text(page)
    assert all(f"Boro number {i}" in art.body for i in range(5))
    assert "nobody in the capital" not in art.body and "roads were already closed" not in art.body


def test_vote_counts_and_relative_times_mark_comments():
    comments = [("Rating: 12 Votes\n\nmike77\n\n2 days ago at 08:12 am\n\nThe government should have sent troops "
                 "to protect the market long before this, everyone knew it was coming."),
                ("Rating: 9 Votes\n\nanna_b\n\n2 days ago at 09:40 am\n\nMy cousin lives near the market and says "
                 "the fighters came from the north at night, on motorbikes.")]
    page = "Militia attack on Boro\n\n" + "\n\n".join(_STORY) + "\n\n" + "\n\n".join(comments) + "\n\nHome\n\nAbout"
    art = article_from_text(page)
    assert "Boro number 4" in art.body
    assert "long before this" not in art.body and "on motorbikes" not in art.body


def test_share_bar_comment_button_above_a_long_article_is_not_a_wall():
    page = ("Militia attack on Boro\n\nThe town was attacked at dawn.\n\nShare\n\nComment\n\n0 Comments\n\nPrint\n\n"
            + "\n\n".join(_STORY) + "\n\nHome\n\nAbout")
    art = article_from_text(page)
    assert all(f"Boro number {i}" in art.body for i in range(5))


def test_smoothing_along_the_page_lifts_a_weak_line_inside_an_article_run():
    from sitrep.ingest.text import _smooth

    probs = np.array([[0.9, 0.05, 0.05], [0.9, 0.05, 0.05], [0.4, 0.1, 0.5], [0.9, 0.05, 0.05], [0.9, 0.05, 0.05]])
    neutral = np.zeros(5, dtype=bool)
    assert np.allclose(_smooth(probs, 0.5, neutral), probs)
    smoothed = _smooth(probs, 0.8, neutral)
    assert smoothed[2, 0] > 0.5 and np.allclose(smoothed.sum(axis=1), 1.0)
    # a neutral line (a caption, a byline) takes its neighbours' state
    neutral[2] = True
    assert _smooth(probs, 0.6, neutral)[2, 0] > 0.6


def _site_page(title: str, body: str) -> str:
    return (f"Sahel Monitor\nHome\nNews\nPolitics\n{title}\nBy Staff Reporter\n{body}\n"
            "Sign up for the Sahel Monitor morning briefing and get the day's top stories in your inbox.\n"
            "Share this article\nRelated stories\nCopyright Sahel Monitor. All rights reserved.\n")


SITE_STORIES = [
    ("Gunmen attack market in Gao", "Gunmen on motorbikes attacked the central market in Gao on Tuesday, killing "
     "three traders, local officials said.\n\nWitnesses said the attackers fired into the crowd before fleeing north."),
    ("Protest over fuel prices in Niamey", "Several hundred people marched through Niamey on Monday to protest "
     "against a rise in fuel prices.\n\nPolice watched the march, which ended peacefully outside parliament."),
    ("Soldiers killed in ambush near Menaka", "Four soldiers were killed when their convoy was ambushed near Menaka "
     "on Saturday, the army said.\n\nThe army said its troops returned fire and an operation was under way."),
]


def test_lines_repeated_across_a_folder_of_pages_are_site_boilerplate(tmp_path):
    # fictional pages of one site: its sign-up line reads like a sentence, and alone the segmenter keeps it
    from sitrep.ingest import read_path
    from sitrep.ingest.text import article_from_text

    signup = "Sign up for the Sahel Monitor morning briefing"
    assert signup in article_from_text(_site_page(*SITE_STORIES[0])).body
    for i, story in enumerate(SITE_STORIES):
        (tmp_path / f"page{i}.txt").write_text(_site_page(*story), encoding="utf-8")
    arts = list(read_path(str(tmp_path)))
    assert len(arts) == 3
    for art, (_, body) in zip(arts, SITE_STORIES):
        assert signup not in art.body
        assert body.split("\n\n")[1] in art.body  # the article itself is kept whole


def test_two_pages_sharing_lines_are_not_enough_to_call_them_boilerplate(tmp_path):
    # a wire story copied by two sites in one folder: nothing they share is removed
    from sitrep.ingest import read_path

    for i in range(2):
        (tmp_path / f"page{i}.txt").write_text(_site_page(*SITE_STORIES[0]), encoding="utf-8")
    for art in read_path(str(tmp_path)):
        assert "Witnesses said the attackers fired" in art.body
