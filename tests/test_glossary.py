"""The one glossary: complete in both languages, in step with the model, plurals right."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dinnet import glossary
from dinnet.contract.model import GOAL_LEVELS
from dinnet.graph import EDGE_KINDS, NODE_KINDS

SRC = Path(__file__).parents[1] / "src" / "dinnet"


def test_every_term_and_phrase_has_dutch_and_english() -> None:
    for key, t in glossary.TERMS.items():
        assert t.nl.strip() and t.en.strip(), key
    for key, (nl, en) in glossary.PHRASES.items():
        assert nl.strip() and en.strip(), key
        assert "." in key, f"{key}: phrases are grouped as section.key"


def test_the_model_s_kinds_levels_and_edge_kinds_are_all_in_the_glossary() -> None:
    for key in (*NODE_KINDS, *GOAL_LEVELS, *EDGE_KINDS):
        assert key in glossary.TERMS, key


@pytest.mark.parametrize(("key", "lang", "n", "expected"), [
    ("goal", "nl", 1, "1 doel"), ("goal", "nl", 2, "2 doelen"), ("goal", "nl", 0, "0 doelen"),
    ("programme", "nl", 1, "1 programma"), ("programme", "nl", 2, "2 programma's"),
    ("goal", "en", 1, "1 goal"), ("goal", "en", 2, "2 goals"),
    ("effort", "nl", 3, "3 inspanningen"), ("strategic", "nl", 2, "2 strategische doelen"),
    ("strategic", "en", 1, "1 strategic goal"), ("warning", "nl", 1, "1 waarschuwing"),
    ("error", "en", 2, "2 errors"), ("info", "en", 2, "2 info"),
])
def test_counts_take_the_right_number(key: str, lang: str, n: int, expected: str) -> None:
    assert glossary.term(key, lang, n=n) == expected


def test_unknown_language_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="use one of: nl, en"):
        glossary.term("goal", "de")
    with pytest.raises(ValueError, match="use one of"):
        glossary.env_lang({"DINNET_LANG": "fr"})


def test_no_other_module_keeps_a_table_of_dutch_and_english_words() -> None:
    """A dict with keys "nl" and "en" outside the glossary is a word table that escaped it."""
    found = []
    for path in SRC.rglob("*.py"):
        if path.name == "glossary.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                if {"nl", "en"} <= keys:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert not found
    assert not (SRC / "report" / "words.py").exists()


def test_every_phrase_the_code_names_exists() -> None:
    """Every literal key given to message() or phrase() in the source stands in the glossary."""
    named = re.compile(r"""\b(?:message|phrase)\(\s*f?["']([a-z_]+\.[\w.{}\[\]'"-]+)["']""")
    missing = []
    for path in SRC.rglob("*.py"):
        for key in named.findall(path.read_text(encoding="utf-8")):
            if "{" in key:  # an f-string key: some phrase starts with its fixed part
                prefix = key.split("{")[0]
                ok = any(k.startswith(prefix) for k in glossary.PHRASES)
            else:
                ok = key in glossary.PHRASES
            if not ok:
                missing.append(f"{path.relative_to(SRC)}: {key}")
    assert not missing


def test_every_rule_is_explained_in_both_languages() -> None:
    from dinnet.audit import RULES

    for r in RULES.values():
        for part in ("title", "summary", "why", "fix"):
            assert r.text(part, "nl") and r.text(part, "en"), (r.code, part)
            assert r.text(part, "nl") != r.text(part, "en"), (r.code, part)


@pytest.mark.parametrize(("lang", "expected"), [
    ("nl", "strategisch doel 'zorg_term' is bewust opengelaten (lege kolom): nog geen inspanning"),
    ("en", "strategic goal 'zorg_term' is deliberately left open (lege kolom): no effort yet"),
])
def test_a_message_names_terms_and_phrases_and_shows_other_text_as_it_is(
        lang: str, expected: str) -> None:
    # Message.text shows a text field as it is only when its name ends in neither _term
    # nor _phrase (a fast path beside _field)
    said = glossary.message("audit.goal_open", level_term="strategic", label="zorg_term")
    assert said.text(lang) == expected
    against = glossary.message(
        "audit.against_direction", said_phrase="audit.said_wording",
        direction_phrase="audit.ask_decrease", year=2022, final_num=12.5, baseline_num=10,
        side_phrase="audit.above")
    assert against.text(lang) == {
        "nl": "de formulering van het doel vraagt om een daling, maar de streefwaarde voor "
              "2022 (12,5) ligt boven de peilwaarde 10",
        "en": "the goal's wording asks for a decrease, but the 2022 target 12.5 is above the "
              "baseline 10"}[lang]
