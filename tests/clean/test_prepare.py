"""prepare_article on small hand-written articles."""

from __future__ import annotations

from datetime import datetime

from heron.clean import CleaningSettings, explain_removed_lines, prepare_article
from heron.records import RawDocument, make_article_id

HEADLINE = "Ministers agree to resume border talks"

NOISY = f"""Home » World » {HEADLINE}

{HEADLINE}

by sam

13:29 02 Feb 2022

The foreign ministers of the two countries agreed on Wednesday to resume talks on the disputed border.

{HEADLINE}

Jane Roe Foreign Minister

“We will not give up a metre of our land,” the minister said.

Talks resumed

Both delegations will meet in Geneva next week, officials said.

Министры договорились возобновить переговоры о границе

Ministers discuss a new round of talks on the fate of the

You may also like

Leave a Reply

Your email address will not be published.

three + 4 =
"""


def _raw(text: str, **metadata: object) -> RawDocument:
    return RawDocument(source_path="fixture.txt", source_id="fixture.txt", text=text, format="text", **metadata)  # type: ignore[arg-type]


def test_noisy_article_is_cleaned() -> None:
    article = prepare_article(_raw(NOISY))
    assert article.text.split("\n\n") == [
        HEADLINE,
        "The foreign ministers of the two countries agreed on Wednesday to resume talks on the disputed border.",
        "“We will not give up a metre of our land,” the minister said.",
        "Talks resumed",
        "Both delegations will meet in Geneva next week, officials said.",
    ]
    assert article.title == HEADLINE
    assert article.published == datetime(2022, 2, 2, 13, 29)
    assert article.published_from == "text"
    assert article.language == "en"
    assert article.outlet is None
    assert article.removed_noise_lines == 11
    assert article.article_id == make_article_id("fixture.txt", article.text)


def test_explain_removed_lines_names_the_rule() -> None:
    reasons = dict(explain_removed_lines(_raw(NOISY)))
    assert reasons["by sam"] == "pattern:byline"
    assert reasons["Jane Roe Foreign Minister"] == "caption_fragment"
    assert reasons["Министры договорились возобновить переговоры о границе"] == "other_script"
    assert reasons["Ministers discuss a new round of talks on the fate of the"] == "dangling_teaser"
    assert reasons["13:29 02 Feb 2022"] == "timestamp"


def test_metadata_wins_and_a_line_equal_to_the_metadata_title_is_a_caption() -> None:
    text = ("The ministers met in Geneva on Wednesday and agreed to meet again.\n\n"
            f"{HEADLINE}\n\nPhotographer Name\n\nThe next round is due in March.")
    article = prepare_article(_raw(text, title=HEADLINE, outlet="The Ledger", language="en-GB",
                                   published=datetime(2022, 3, 1, 8, 0)))
    assert article.text == ("The ministers met in Geneva on Wednesday and agreed to meet again.\n\n"
                            "The next round is due in March.")
    assert (article.title, article.outlet, article.language) == (HEADLINE, "The Ledger", "en")
    assert (article.published, article.published_from) == (datetime(2022, 3, 1, 8, 0), "metadata")


def test_metadata_date_wins_but_timestamp_line_is_still_removed() -> None:
    article = prepare_article(_raw("Headline of the day\n\nJan. 5, 2022\n\nThe talks went on.",
                                   published=datetime(2022, 1, 6)))
    assert article.text == "Headline of the day\n\nThe talks went on."
    assert (article.published, article.published_from) == (datetime(2022, 1, 6), "metadata")


def test_no_date_is_unknown_and_later_dates_are_not_publication_dates() -> None:
    text = "Talks continue\n\n" + "\n\n".join(f"Paragraph {n} of the story." for n in range(12)) + "\n\nJan. 5, 2022"
    article = prepare_article(_raw(text))
    assert (article.published, article.published_from) == (None, "unknown")
    assert article.text.endswith("Jan. 5, 2022")


def test_title_is_none_when_the_first_line_is_a_sentence() -> None:
    article = prepare_article(_raw("The talks resumed on Monday in Vienna.\n\nMore text followed here."))
    assert article.title is None


def test_characters_are_kept_and_whitespace_collapsed() -> None:
    article = prepare_article(_raw("A  “quoted”\u00a0phrase — with ‘marks’.   \n\n\n  Second\tline here.  "))
    assert article.text == "A “quoted” phrase — with ‘marks’.\n\nSecond line here."


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    text = ("Border talks\n\nThe ministers of the two countries\nagreed on Wednesday to resume\n"
            "talks on the border.\nA second sentence starts here.")
    article = prepare_article(_raw(text))
    assert article.text == ("Border talks\n\nThe ministers of the two countries agreed on Wednesday to resume "
                            "talks on the border.\n\nA second sentence starts here.")


def test_language_is_detected_when_metadata_has_none() -> None:
    article = prepare_article(_raw("El ministro de Exteriores dijo que las conversaciones continuarán la "
                                   "próxima semana en Ginebra."))
    assert article.language == "es"


def test_settings_switch_structural_rules_off() -> None:
    settings = CleaningSettings(drop_repeated_lines=False, drop_other_script_lines=False,
                                drop_dangling_teasers=False)
    article = prepare_article(_raw(NOISY), settings)
    assert article.text.count(HEADLINE) == 2
    assert "Министры" in article.text
    assert "on the fate of the" in article.text


def test_article_of_pure_noise_gives_empty_text() -> None:
    article = prepare_article(_raw("Leave a Reply\n\nnine + ten =\n\nfbpx"))
    assert article.text == ""
    assert article.removed_noise_lines == 3
    assert article.title is None and article.language is None
