"""Linear time on crafted but plausible inputs: a page on one line, a CMS dump of many
posts, many headings, a long sentence with many matches, the language server's positions.

Wall time is not asserted here (``benchmarks/doubling.py`` measures it); these tests pin
the structure that keeps it linear (how often the costly step runs) and that findings
and positions are what the straightforward computation gives."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import random
import re
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.lines import LineIndex, split_lines
from healthlint.core.model import Directive, DirectiveKind, Finding, Hit, Severity, Span
from healthlint.engine import lint as engine_lint
from healthlint.engine.edits import edit_for
from healthlint.engine.lint import Fingerprints, lint_document
from healthlint.engine.suppress import Suppressions
from healthlint.language import prose as prose_module
from healthlint.language.prefilter import FastPattern, lower_text
from healthlint.language.prose import Prose
from healthlint.parse import parse_document
from healthlint.parse.text import parse_text
from healthlint.rules.kinds.pattern import UNLESS_BEFORE_REACH, PatternRule
from healthlint.rules.loader import parse_rule
from healthlint.rules.spec import RuleSpec

ROOT = Path(__file__).resolve().parents[1]


def _doubling() -> ModuleType:
    """The benchmark's input generators, so the tests read the inputs it times."""
    spec = importlib.util.spec_from_file_location("doubling", ROOT / "benchmarks" / "doubling.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


DOUBLING = _doubling()


def _lint_all(
    builtin_rules: dict[str, RuleSpec], name: str, text: str
) -> tuple[list[Finding], list[int]]:
    """Every finding of ``text`` with every built-in rule (``--preset strict``), and the
    number of posts."""
    rules = RuleSet(builtin_rules, Config(), preset="strict")
    results = lint_document(
        parse_document(name, text),
        rules.for_path(name),
        genre=rules.genre_for(name),
        known=rules.all_rules.keys(),
    )
    return [f for r in results for f in r.findings], [r.line for r in results]


def _digest(findings: list[Finding]) -> str:
    lines = (
        f"{f.rule}|{f.line}:{f.column}-{f.end_line}:{f.end_column}|{f.message}|"
        f"{f.fingerprint}|{f.fix}"
        for f in findings
    )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


# Every finding (position, message, fingerprint, fix) of the benchmark's inputs at a small
# size, as linting them the straightforward way gives: a speed change must leave them as
# they are, and only a change to a rule's findings may change them.
PINNED = {
    "one_line_page": ("page.html", 12, 22, "4c54c6a1e905a151"),
    "cms_dump": ("dump.txt", 12, 66, "ba9c2d6d202dd405"),
    "many_findings": ("post.md", 12, 86, "5cc855cefe5e2fb9"),
    "repeated_headings": ("post.md", 30, 30, "fc5dac01e488a73d"),
    "long_sentence": ("post.md", 30, 32, "2f03c15fd9fc037a"),
    "big_post": ("post.md", 6, 39, "4fb3319860dc7a5d"),
    "disabled_stretches": ("post.md", 12, 13, "148b65cc329c7e20"),
}


@pytest.mark.parametrize("case", sorted(PINNED))
def test_findings_on_the_benchmark_inputs_are_unchanged(
    case: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    name, size, count, digest = PINNED[case]
    findings, _ = _lint_all(builtin_rules, name, getattr(DOUBLING, case)(size))
    assert (len(findings), _digest(findings)) == (count, digest)


# --- fingerprints: a page on one line -------------------------------------------------


def _reference_fingerprint(rule: str, source: str, span: Span) -> str:
    """The fingerprint as documented: rule, the words of the hit's line, the words hit."""
    lines = LineIndex(source)
    line = lines.line_of(span.start)
    context = " ".join(source[lines.line_start(line) : lines.line_end(line)].split())
    covered = " ".join(source[span.start : span.end].split())
    return hashlib.sha256(f"{rule}\0{context}\0{covered}".encode()).hexdigest()[:20]


def test_fingerprints_on_a_one_line_page_are_the_documented_hash(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    page = DOUBLING.one_line_page(30)
    assert "\n" not in page
    findings, _ = _lint_all(builtin_rules, "page.html", page)
    located = [f for f in findings if not f.post_level]
    assert len(located) >= 30
    for finding in located:
        # One line: columns are offsets plus one.
        span = Span(finding.column - 1, finding.end_column - 1)
        assert finding.fingerprint == _reference_fingerprint(finding.rule, page, span)


def test_a_line_is_read_once_per_rule_for_the_fingerprints_on_it(
    builtin_rules: dict[str, RuleSpec], monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    real = Fingerprints._context

    def counted(self: Fingerprints, line: int) -> bytes:
        reads.append(line)
        return real(self, line)

    monkeypatch.setattr(Fingerprints, "_context", counted)
    findings, _ = _lint_all(builtin_rules, "page.html", DOUBLING.one_line_page(40))
    assert len(findings) >= 40
    # Once per rule with hits on the line (its hash is begun there), not once per hit.
    assert set(reads) == {1}
    assert len(reads) <= len({f.rule for f in findings})


def test_fingerprint_of_one_hit_is_the_same_as_in_a_run() -> None:
    source = "First line.\nA miracle cure, a miracle cure.\n"
    lines = LineIndex(source)
    hit = Hit(Span(14, 27), {})
    expected = _reference_fingerprint("hype", source, hit.span)
    assert engine_lint.fingerprint("hype", source, hit, lines) == expected
    shared = Fingerprints(source, lines)
    assert shared.of("hype", hit) == expected
    assert shared.of("hype", Hit(Span(29, 42), {})) == _reference_fingerprint(
        "hype", source, Span(29, 42)
    )


# --- a CMS dump of many posts ------------------------------------------------------------


def test_the_posts_of_a_dump_share_one_lower_cased_copy_of_the_text(
    builtin_rules: dict[str, RuleSpec], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def counted(text: str) -> str | None:
        calls.append(len(text))
        return lower_text(text)

    monkeypatch.setattr(prose_module, "lower_text", counted)
    dump = DOUBLING.cms_dump(40)
    _, posts = _lint_all(builtin_rules, "dump.txt", dump)
    assert len(posts) == 40
    assert calls == [len(dump)]


def test_a_pattern_looks_for_the_words_it_needs_only_where_it_searches() -> None:
    pattern = FastPattern.of(re.compile(r"\bmiracle cure\b", re.IGNORECASE))
    assert pattern.needs
    text = "A miracle cure. " + "Plain words here. " * 10
    lowered = lower_text(text)
    assert pattern.may_match(text, lowered)
    assert pattern.may_match(text, lowered, 0, 20)
    # The words are in the text, but not in the part searched (a later post of a dump).
    assert not pattern.may_match(text, lowered, 20, len(text))
    assert pattern.first(text, lowered, 20, len(text)) is None


def _dump(count: int) -> str:
    return "".join(
        f"Coffee Drinkers Report Better Sleep In Study Number {i}\n\n"
        f"Researchers asked many adults about their habits over several years\n"
        f"and found a link with sleep.\n\n"
        f"What they found:\n\n"
        f"The team said more work is needed before anyone changes their diet.\n\n"
        for i in range(count)
    )


def test_each_post_of_a_dump_has_its_own_paragraphs_and_headings() -> None:
    text = _dump(25)
    posts = parse_text("dump.txt", text)
    assert len(posts) == 25
    for number, post in enumerate(posts):
        title = f"Coffee Drinkers Report Better Sleep In Study Number {number}"
        start = text.index(title + "\n")
        assert post.title == title
        assert post.span.start == start
        found = text.index("What they found:", start)
        assert post.headings == (Span(start, start + len(title)), Span(found, found + 16))
        body = text.index("Researchers", start)
        team = text.index("The team", start)
        assert post.paragraphs == (
            Span(start, start + len(title)),
            Span(body, text.index("sleep.", body) + 6),
            Span(found, found + 16),
            Span(team, text.index("diet.", team) + 5),
        )


def test_an_appended_paragraph_goes_after_each_post_of_a_dump() -> None:
    rule = parse_rule(
        textwrap.dedent(
            """\
            name: team-note
            kind: required
            severity: info
            message: "Add the team's note."
            description: A note from the team.
            examples: {fail: ["x"], pass: ["Read by our editors."]}
            patterns: ['\\bour editors\\b']
            fix:
              append: "Checked by our editors."
            """
        ),
        "team-note.yaml",
    )
    assert rule.fix is not None
    text = _dump(5)
    for post in parse_text("dump.txt", text):
        edit = edit_for(rule.fix, Hit(post.span, {}), post, {})
        assert edit is not None
        end = len(text[: post.span.end].rstrip())
        assert edit.span == Span(end, end)


# --- many headings ----------------------------------------------------------------------


def test_sentences_of_a_post_with_many_headings_do_not_compare_every_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compared: list[int] = []
    real = Span.overlaps

    def counted(self: Span, other: Span) -> bool:
        compared.append(1)
        return real(self, other)

    monkeypatch.setattr(Span, "overlaps", counted)
    post = parse_document("post.md", DOUBLING.repeated_headings(300)).posts[0]
    prose = Prose(post)
    assert len(post.headings) == 301
    assert sum(s.in_heading for s in prose.sentences) == 301
    assert not any(prose.in_list_item(s.span) for s in prose.sentences)
    assert len(compared) < len(post.headings)


def test_overlap_index_answers_as_comparing_every_span() -> None:
    generator = random.Random(7)
    for _ in range(300):
        spans = []
        for _ in range(generator.randint(0, 12)):
            start = generator.randint(0, 60)
            spans.append(Span(start, start + generator.randint(0, 15)))
        index = prose_module._SpanIndex(spans)
        for start in range(0, 70, 3):
            for width in (0, 1, 4, 20):
                asked = Span(start, start + width)
                assert index.meets(asked) == any(s.overlaps(asked) for s in spans)


def test_duplicate_headings_are_each_reported(builtin_rules: dict[str, RuleSpec]) -> None:
    findings, _ = _lint_all(builtin_rules, "post.md", DOUBLING.repeated_headings(50))
    duplicates = [f for f in findings if f.rule == "duplicate-heading"]
    assert [f.line for f in duplicates] == [3 + 4 * i for i in range(50)]


# --- unless_before with many matches -----------------------------------------------------


class _SpySearch:
    """A pattern that records how much text each search reads."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.read: list[int] = []

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else endpos
        self.read.append(end - pos)
        return self.pattern.search(text, pos, end)


def _jargon(unless_before: str = r"(?:\(|\b(?:called|known as|termed|or))\s*$") -> RuleSpec:
    text = textwrap.dedent(
        """\
        name: jargon
        kind: pattern
        severity: info
        message: "{match}"
        description: A word a reader may not know.
        examples: {fail: ["x"], pass: ["y"]}
        swap: {hypertension: high blood pressure}
        """
    )
    return parse_rule(text + f"unless_before: '{unless_before}'\n", "jargon.yaml")


def _run_rule(rule: RuleSpec, text: str) -> list[Finding]:
    document = parse_document("post.md", text)
    return [f for r in lint_document(document, [rule]) for f in r.findings]


def test_unless_before_reads_a_bounded_stretch_before_each_match() -> None:
    rule = _jargon()
    assert isinstance(rule, PatternRule) and rule.unless_before is not None
    spy = _SpySearch(rule.unless_before)
    rule = dataclasses.replace(rule, unless_before=spy)  # type: ignore[arg-type]
    text = DOUBLING.long_sentence(400)
    assert len(_run_rule(rule, text)) == 401
    assert len(spy.read) == 401
    assert max(spy.read) <= UNLESS_BEFORE_REACH


def test_unless_before_still_sees_what_is_just_before_a_match() -> None:
    rule = _jargon()
    text = (
        "# Words\n\nHigh blood pressure (hypertension) is common, "
        + "and so is hypertension, " * 60
        + "also called hypertension.\n"
    )
    found = _run_rule(rule, text)
    # "Hypertension" right after "(", and after "called" far along the sentence, is
    # explained: only the 60 in between are reported.
    sentence = text.split("\n")[2]
    assert len(found) == 60
    assert {sentence[: f.column - 1][-6:] for f in found} == {"so is "}


def test_unless_before_reads_up_to_its_reach_and_no_further() -> None:
    rule = _jargon(r"\bexplained\b")
    near = "# Words\n\nExplained " + "x" * (UNLESS_BEFORE_REACH - 20) + " hypertension.\n"
    far = "# Words\n\nExplained " + "x" * (UNLESS_BEFORE_REACH + 20) + " hypertension.\n"
    assert _run_rule(rule, near) == []
    assert len(_run_rule(rule, far)) == 1


# --- the language server's positions -------------------------------------------------------


def _reference_position(text: str, line: int, column: int) -> tuple[int, int]:
    lines = split_lines(text)
    before = lines[line - 1][: column - 1] if line <= len(lines) else ""
    return line - 1, len(before.encode("utf-16-le")) // 2


def test_lsp_positions_are_utf16_columns_on_any_line_endings() -> None:
    pytest.importorskip("lsprotocol")
    from healthlint.lsp import Positions, to_position

    generator = random.Random(3)
    alphabet = ["a", "é", "😀", "\n", "\r", "\r\n", " ", "𝔸"]
    for _ in range(400):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 25)))
        positions = Positions(text)
        for line in range(1, len(split_lines(text)) + 3):
            for column in range(1, 30, 2):
                expected = _reference_position(text, line, column)
                got = positions.at(line, column)
                assert (got.line, got.character) == expected, (text, line, column)
        if text:
            got = to_position(text, 1, 3)
            assert (got.line, got.character) == _reference_position(text, 1, 3)


def test_lsp_reads_a_document_once_for_all_its_findings(
    builtin_rules: dict[str, RuleSpec], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("lsprotocol")
    from lsprotocol import types

    from healthlint.core import lines as lines_module
    from healthlint.lsp import code_actions, diagnostics

    text = "# Ça va\n\n" + "".join(
        f"Café 😀 n°{i}: hypertension is proven to work, a miracle cure.\n\n" for i in range(30)
    )
    findings, _ = _lint_all(builtin_rules, "doc.md", text)
    assert len(findings) >= 60
    scans: list[int] = []
    real = lines_module._NEWLINE

    class Counted:
        def finditer(self, source: str) -> Any:
            scans.append(len(source))
            return real.finditer(source)

        def split(self, source: str) -> list[str]:
            scans.append(len(source))
            return real.split(source)

    monkeypatch.setattr(lines_module, "_NEWLINE", Counted())
    found = diagnostics(text, findings)
    assert scans == [len(text)]
    first = next(f for f in findings if f.rule == "medical-jargon")
    where = found[findings.index(first)].range.start
    # "Café 😀 n°0: " is 12 characters, and the emoji counts twice in UTF-16.
    assert (where.line, where.character) == (first.line - 1, 13)
    scans.clear()
    everything = types.Range(types.Position(0, 0), types.Position(1000, 0))
    actions = code_actions("file:///doc.md", text, findings, everything)
    assert actions and scans == [len(text)]


# --- suppression comments ----------------------------------------------------------------


def test_disabled_stretches_silence_the_lines_they_cover() -> None:
    generator = random.Random(11)
    source = "\n".join(f"line {n}" for n in range(200)) + "\n"
    lines = LineIndex(source)
    directives = []
    for _ in range(40):
        kind = generator.choice([DirectiveKind.DISABLE, DirectiveKind.ENABLE])
        rules = generator.choice([frozenset(), frozenset({"a"}), frozenset({"a", "b"})])
        start = lines.line_start(generator.randint(1, 200))
        directives.append(Directive(kind, rules, Span(start, start + 4)))
    directives.sort(key=lambda d: d.span.start)
    suppressions = Suppressions(directives, source, lines)

    def brute(rule: str, line: int) -> bool:
        ranges = [r for key in (rule, "*") for r in suppressions._ranges.get(key, [])]
        return any(first <= line <= last for first, last in ranges)

    for rule in ("a", "b", "c"):
        for line in range(1, 202):
            finding = Finding(
                path="p.md",
                rule=rule,
                severity=Severity.INFO,
                message="m",
                line=line,
                column=1,
                end_line=line,
                end_column=2,
                fingerprint="f",
            )
            assert suppressions.silences(finding) == brute(rule, line), (rule, line)
