"""Each noise-pattern family removes site furniture and leaves real sentences alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from heron.clean import NoisePatternError, load_noise_rules
from heron.clean.noise import apply_patterns

RULES = load_noise_rules()

NOISE = [
    ("comment_form", "Leave a Reply"),
    ("comment_form", "Leave a Comment"),
    ("comment_form_fields", "Your email address will not be published."),
    ("comment_form_fields", "Required fields are marked *"),
    ("captcha_arithmetic", "nine + ten ="),
    ("captcha_arithmetic", "3 + 4 ="),
    ("captcha_arithmetic", "twelve − 7 =".replace("−", "-")),
    ("subscribe_prompt", "Subscribe to Instagram RBC Get news faster than anyone"),
    ("subscribe_prompt", "Follow us on Telegram"),
    ("share_prompt", "If you found it interesting, share it with your friends!"),
    ("share_prompt", "Share on Facebook"),
    ("related_content", "You may also like"),
    ("related_content", "Read more:"),
    ("spelling_error_report", "If you have found a spelling error, please, notify us by selecting that text and pressing Ctrl+Enter."),
    ("spelling_error_report", "Spelling error report"),
    ("spelling_error_report", "The following text will be sent to our editors:"),
    ("tracking_junk", "fbpx"),
    ("tracking_junk", "Advertisement"),
    ("breadcrumb", "Home » The US State Department assessed Russia's proposals"),
    ("breadcrumb", "News › Europe › Ukraine"),
    ("byline", "by alex"),
    ("byline", "By Jane K. Doe"),
    ("photo_credit", "Ned Price. Photo: Kevin Lamarque / Reuters"),
    ("photo_credit", "Photo Reuters"),
    ("photo_credit", "© AFP"),
    ("section_label", "World News"),
    ("empty_date_label", "Published:"),
    ("cookie_notice", "We use cookies to improve your experience"),
]


@pytest.mark.parametrize(("expected_pattern", "line"), NOISE)
def test_noise_line_is_dropped_by_its_pattern(expected_pattern: str, line: str) -> None:
    kept, pattern_name = apply_patterns(line, RULES.patterns)
    assert kept is None
    assert pattern_name == expected_pattern


REAL = [
    "“We have not yet seen anything to allay our concerns,” he said during a briefing with reporters.",
    "The United States will not make any concessions to Russia and insists on reciprocal steps.",
    "Security guarantees",
    "NATO expansion",
    "By the end of the week, both delegations had left Geneva.",
    "He said the photo agency had been closed by the authorities last year.",
    "Subscribers to the newspaper were told the print edition would stop.",
    "The talks were described as businesslike and pragmatic.",
    "Russia presented its list of concerns about US and NATO actions.",
    "The price rose 3 + 4 percent, the ministry said.",
]


@pytest.mark.parametrize("line", REAL)
def test_real_sentences_survive(line: str) -> None:
    kept, _ = apply_patterns(line, RULES.patterns)
    assert kept == line


def test_html_attribute_fragment_is_cut_out_and_the_rest_kept() -> None:
    line = ("Price: steps must be mutual. The State Department expects steps from Russia as well"
            "” alt=”Washington ruled out any concessions to Russia” />")
    kept, pattern_name = apply_patterns(line, RULES.patterns)
    assert kept == "Price: steps must be mutual. The State Department expects steps from Russia as well"
    assert pattern_name == "html_attribute_fragment"
    kept, _ = apply_patterns('Talks resumed <img class="wp-image-12" src="/a.jpg"/> in Vienna.', RULES.patterns)
    assert kept == "Talks resumed in Vienna."


def test_a_line_that_is_only_a_fragment_is_dropped() -> None:
    kept, pattern_name = apply_patterns('class="aligncenter size-full"', RULES.patterns)
    assert kept is None and pattern_name == "html_attribute_fragment"


def test_long_paragraphs_are_never_dropped_whole() -> None:
    paragraph = ("The editor said a spelling error in the decree had delayed its publication, " * 5).strip()
    kept, _ = apply_patterns(paragraph, RULES.patterns, max_drop_chars=300)
    assert kept == paragraph


def test_every_packaged_pattern_has_name_action_and_comment() -> None:
    names = [pattern.name for pattern in RULES.patterns]
    assert len(names) == len(set(names))
    assert all(pattern.comment and pattern.action in ("drop_line", "strip") for pattern in RULES.patterns)
    assert "of" in RULES.dangling_words


def test_user_pattern_file_extends_the_rules(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "patterns:\n"
        "  - name: telegram_plug\n"
        "    action: drop_line\n"
        "    pattern: '^our telegram channel\\b'\n"
        "    comment: the outlet's own plug\n",
        encoding="utf-8",
    )
    rules = load_noise_rules((str(extra),))
    assert len(rules.patterns) == len(RULES.patterns) + 1
    assert apply_patterns("Our Telegram channel: t.me/example", rules.patterns) == (None, "telegram_plug")


def test_bad_pattern_file_names_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("patterns:\n  - name: broken\n    action: drop_line\n    pattern: '(unclosed'\n"
                   "    comment: oops\n", encoding="utf-8")
    with pytest.raises(NoisePatternError, match=r"bad\.yaml: pattern #1 \(broken\): bad regular expression"):
        load_noise_rules((str(bad),))
    missing_comment = tmp_path / "nocomment.yaml"
    missing_comment.write_text("patterns:\n  - {name: x, action: strip, pattern: 'x'}\n", encoding="utf-8")
    with pytest.raises(NoisePatternError, match="missing comment"):
        load_noise_rules((str(missing_comment),))
