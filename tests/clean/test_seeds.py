"""Expected cleaning results on the five real scraped seed articles (needs ../shared)."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from heron.clean import prepare_article
from heron.ingest import read_documents
from heron.records import Article, RawDocument

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "seeds"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="shared corpora not available"),
]

FORBIDDEN = ["Leave a", "email address", "Subscribe", "+ ten =", "fbpx", "alt=", "Photo", "spelling error",
             "You may also like", "share it with your friends"]


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    cleaned: dict[str, Article] = {}
    for document in read_documents([SEEDS]):
        assert isinstance(document, RawDocument), document
        cleaned[Path(document.source_path).name[:3]] = prepare_article(document)
    return cleaned


def test_all_five_seeds_are_read(articles: dict[str, Article]) -> None:
    assert sorted(articles) == ["000", "001", "002", "003", "004"]


def test_publication_dates(articles: dict[str, Article]) -> None:
    assert (articles["003"].published, articles["003"].published_from) == (datetime(2022, 2, 2, 13, 29), "text")
    assert (articles["004"].published, articles["004"].published_from) == (datetime(2022, 1, 26, 17, 47), "text")
    for key in ("000", "001", "002"):
        assert (articles[key].published, articles[key].published_from) == (None, "unknown")
    assert "13:29 02 Feb 2022" not in articles["003"].text
    assert "26 ene 2022" not in articles["004"].text and "Published" not in articles["004"].text


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_no_site_noise_survives(articles: dict[str, Article], key: str) -> None:
    text = articles[key].text
    for noise in FORBIDDEN:
        assert noise not in text, noise
    assert not re.search("[\u0400-\u04ff]", text)
    assert articles[key].language == "en"
    assert articles[key].outlet is None


def test_repeated_caption_appears_once_as_headline(articles: dict[str, Article]) -> None:
    headline = "The US State Department assessed Russia's proposals on security guarantees"
    article = articles["000"]
    assert article.text.count(headline) == 1
    assert article.text.startswith(headline + "\n\n")
    assert article.title == headline
    for caption_credit in ("Ned US State Department Representative", "White House Press Service", "by alex"):
        assert caption_credit not in article.text


def test_real_sentences_survive(articles: dict[str, Article]) -> None:
    assert ("On December 20, aides to the presidents of Russia and the United States, Yuri Ushakov and "
            "Jake Sullivan, held a telephone conversation") in articles["000"].text
    assert "“We have not yet seen anything to allay our concerns,” he said" in articles["000"].text
    assert "Security guarantees\n\n" in articles["000"].text
    assert "The United States will not make any concessions to Russia" in articles["001"].text
    assert articles["001"].text.count("expect some steps from Russia as well") == 1
    assert "NATO expansion" in articles["004"].text


def test_titles(articles: dict[str, Article]) -> None:
    assert articles["001"].title == "Washington ruled out any concessions to Russia"
    assert articles["002"].title == "The dialogue will continue: US to respond to Russian security proposals"
    assert articles["003"].title == 'Media revealed US and NATO responses to Russia\'s so-called "security guarantees"'
    assert articles["004"].title.startswith("Blinken comments on the responses")
