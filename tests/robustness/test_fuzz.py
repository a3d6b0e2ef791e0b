"""Property-based fuzzing of the readers, the cleaner and the event coder (dates: see tests/dates).

Every property is "no exception, and the output is well formed". ``make test`` runs a small number of
examples per property; for a long manual run set HERON_FUZZ_EXAMPLES, e.g.

    HERON_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/robustness/test_fuzz.py -q
"""

from __future__ import annotations

import gzip
import os
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from heron.clean import prepare_article
from heron.events.coder import EventCoder
from heron.ingest import read_documents
from heron.ingest.decoding import NotTextError, decode_bytes
from heron.nlp import load_nlp
from heron.records import Article, IngestProblem, RawDocument, make_article_id

EXAMPLES = int(os.environ.get("HERON_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                derandomize="HERON_FUZZ_EXAMPLES" not in os.environ)  # fixed examples in CI, fresh ones by hand

# News vocabulary mixed into random text, so that the coder's interesting paths (actors, predicates,
# dates, quotes, paragraph breaks) are reached rather than only "no predicate found".
_FRAGMENTS = st.sampled_from([
    "Russia", "Ukraine", "the United States", "NATO", "President Joe Biden", "police", "rebels", "protesters",
    " said ", " met ", " attacked ", " signed an agreement with ", " accused ", " did not ", " will ",
    " on Monday", " last week", " on Dec. 20", " in 2021", " yesterday", "\n\n", ". ", ", ", '"', "\u201c",
    "\u201d", " ", "-", "(", ")", "\u00a0", "\u200b", "\t", "...", "?", "!", "12", "1999", "according to ",
])
_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_FRAGMENTS, st.text(max_size=4)), max_size=60).map("".join),
)
_PUBLISHED = st.one_of(st.none(), st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)))


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    load_nlp()
    return EventCoder()


# --- readers ------------------------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=2_000))
def test_decoding_arbitrary_bytes_gives_text_or_a_reason(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except NotTextError as error:
        assert str(error)
        return
    assert isinstance(text, str) and encoding


@FUZZ
@given(data=st.one_of(st.binary(max_size=2_000), _TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".txt", ".html", ".htm", ".jsonl", ".jsonl.gz"]),
       gzip_it=st.booleans())
def test_readers_never_raise_on_arbitrary_files(data: bytes, suffix: str, gzip_it: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        if suffix.endswith(".gz") and gzip_it:
            data = gzip.compress(data)
        path.write_bytes(data)
        items = list(read_documents([path]))
    assert items, "every input yields an article or a problem"
    for item in items:
        assert isinstance(item, RawDocument | IngestProblem)
        assert item.source_path == str(path)
        if isinstance(item, RawDocument):
            assert item.text.strip()
            assert item.source_id.startswith(str(path))
        else:
            assert item.reason


@FUZZ
@given(lines=st.lists(st.one_of(
    st.just('{"id": 1, "text": "Kenya and Tanzania held talks."}'), st.text(max_size=60),
    st.builds(lambda value: '{"text": ' + value + "}", st.text(max_size=20)),
), max_size=8))
def test_jsonl_reports_each_bad_line_with_its_position(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
        items = list(read_documents([path]))
    for item in items:
        if isinstance(item, IngestProblem) and item.reason != "empty file":
            assert item.position is not None and item.position.startswith("line ")
            assert 1 <= int(item.position.split()[1]) <= max(1, len("\n".join(lines).splitlines()))


# --- cleaner ------------------------------------------------------------------------------------


@FUZZ
@given(text=_TEXT, title=st.one_of(st.none(), st.text(max_size=40)), published=_PUBLISHED,
       language=st.one_of(st.none(), st.sampled_from(["en", "EN", "fr", "", "zz-ZZ"])))
def test_cleaner_never_raises_and_ids_are_stable(text: str, title: str | None, published: datetime | None,
                                                 language: str | None) -> None:
    raw = RawDocument(source_path="x.txt", source_id="x.txt", text=text, format="text", title=title,
                      published=published, language=language)
    article = prepare_article(raw)
    assert isinstance(article.text, str)
    assert article.article_id == make_article_id("x.txt", article.text)
    assert prepare_article(raw).article_id == article.article_id  # deterministic
    assert article.published is None or isinstance(article.published, datetime)


# --- event coder --------------------------------------------------------------------------------


@FUZZ
@given(text=_TEXT, published=_PUBLISHED)
def test_coder_offsets_lie_inside_the_text_and_dates_are_valid(coder: EventCoder, text: str,
                                                              published: datetime | None) -> None:
    article = Article(article_id="fuzz", text=text, source_path="x.txt", source_id="x.txt", published=published)
    doc = load_nlp()(text)
    events = coder.code_document(article, doc)
    assert len(events) <= coder.settings.max_events_per_article
    for event in events:
        assert 0 <= event.start < event.end <= len(text)
        assert 0 <= event.sentence_start <= len(text)
        assert text[event.sentence_start:event.sentence_start + len(event.sentence)] == event.sentence
        assert event.sentence_start <= event.start and event.end <= event.sentence_start + len(event.sentence)
        for actor in [*event.source, *event.target]:
            assert 0 <= actor.start < actor.end <= len(text)
            assert text[actor.start:actor.end] == actor.text
        if event.date_start is not None:
            assert event.date_end is not None and 0 <= event.date_start < event.date_end <= len(text)
            assert text[event.date_start:event.date_end] == event.date_text
        if event.event_date is not None:
            assert type(event.event_date) is date
            assert event.date_precision in {"day", "week", "month", "year"}
        assert 0.0 <= event.confidence <= 1.0
        assert -10.0 <= event.goldstein <= 10.0
