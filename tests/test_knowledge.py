"""What a health editor knows: debunked myths flagged however they are worded, textbook
facts left to pass (healthlint.claims.knowledge and the relation kind)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import Lint, where
from healthlint.cli import main
from healthlint.core.model import Finding
from healthlint.rules.knowledge import knowledge, packaged_relations
from healthlint.rules.loader import load_rules
from healthlint.rules.spec import RuleSpec


@pytest.fixture(scope="module")
def myths() -> object:
    return knowledge(("myths",))


@pytest.mark.parametrize(
    "sentence",
    [
        "Vaccines cause autism.",
        "Childhood vaccines are the reason so many kids now have autism.",
        "Autism caused by the MMR jab is on the rise.",
        "Vaccines may cause autism.",  # hedged, still the myth
        "A 1998 paper showed that the MMR vaccine causes autism.",  # sourced, still the myth
    ],
)
def test_a_myth_is_recognised_in_any_wording(sentence: str, myths: object) -> None:
    found = list(myths.statements(sentence))  # type: ignore[attr-defined]
    assert [(s.relation.id, s.denied) for s in found] == [("vaccines-autism", False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Vaccines do not cause autism.",
        "Not all vaccines cause autism.",
        "The myth that vaccines cause autism persists.",
        "There is no evidence that vaccines cause autism.",
        "Some people believe vaccines cause autism, but large studies found no link.",
        "Do vaccines cause autism?",
        "One of the biggest claims made by anti-vaxxers is that vaccines cause autism.",
    ],
)
def test_a_debunking_is_not_the_myth(sentence: str, myths: object) -> None:
    assert all(s.denied for s in myths.statements(sentence))  # type: ignore[attr-defined]


def test_every_packaged_entry_has_a_fact_and_a_public_source() -> None:
    entries = [*packaged_relations("myths"), *packaged_relations("facts")]
    assert len(packaged_relations("myths")) >= 60
    assert len(packaged_relations("facts")) >= 100
    for entry in entries:
        assert entry.fact.strip() and entry.source.strip()
        assert entry.url.startswith("https://")


def test_known_myth_gives_the_fact_and_its_source(lint: Lint) -> None:
    (finding,) = [f for f in lint("Sugar feeds cancer cells.\n") if f.rule == "known-myth"]
    assert (finding.line, finding.column) == (1, 1)
    assert finding.severity.label == "error"
    relation = next(r for r in packaged_relations("myths") if r.id == "sugar-feeds-cancer")
    assert finding.message == f"{relation.fact} ({relation.source})"


def test_a_textbook_fact_is_no_unsupported_claim_but_strict_suggests_a_link(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    from healthlint.config.ruleset import RuleSet
    from healthlint.config.settings import Config
    from healthlint.engine.lint import lint_document
    from healthlint.parse import parse_document

    text = "Excess alcohol consumption raises blood pressure.\n"

    def found(preset: str) -> list[Finding]:
        rules = RuleSet(builtin_rules, Config(), preset=preset).for_path("p.md")
        return [f for r in lint_document(parse_document("p.md", text), rules) for f in r.findings]

    assert [f.rule for f in found("recommended")] == []
    (fact,) = found("strict")
    assert fact.rule == "textbook-fact" and fact.severity.label == "info"
    assert fact.message.startswith(
        "'Excess alcohol consumption raises blood pressure' is a textbook"
    )


def test_a_team_adds_its_own_myths_as_a_rule(tmp_path: Path) -> None:
    (tmp_path / "house-myths.yaml").write_text(
        """\
name: house-myths
kind: relation
severity: warning
message: "{fact} ({source})"
description: Myths our readers keep sending in.
entries:
  - id: cold-showers-cure-colds
    subject: [cold shower, ice bath]
    relation: cures
    object: [cold, flu]
    fact: "Cold showers do not cure colds."
    source: 'NHS, "Common cold"'
    url: https://www.nhs.uk/conditions/common-cold/
examples:
  fail: ["A cold shower every morning cures a cold."]
  pass: ["A cold shower does not cure a cold."]
""",
        "utf-8",
    )
    rules = load_rules([tmp_path])
    assert "house-myths" in rules
    post = tmp_path / "post.md"
    post.write_text("# Winter\n\nIce baths cure the flu.\n", "utf-8")
    result = CliRunner().invoke(
        main, ["check", "--rules", str(tmp_path), "--select", "house-myths", str(post)]
    )
    assert "3:1: warning house-myths Cold showers do not cure colds. (NHS" in result.output


def test_myths_check_validates_a_list_with_one_clear_line(tmp_path: Path) -> None:
    good = tmp_path / "myths.yaml"
    good.write_text(
        "- id: x\n  subject: [ice bath]\n  relation: cures\n  object: [flu]\n"
        "  fact: No.\n  source: NHS\n  url: https://www.nhs.uk/\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["myths", "--check", str(good)])
    assert (result.exit_code, result.output) == (0, f"{good}: 1 entries, all valid.\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text("utf-8").replace("relation: cures", "relation: fixes"), "utf-8")
    result = CliRunner().invoke(main, ["myths", "--check", str(bad)])
    assert result.exit_code == 2
    assert result.output.startswith(f"healthlint: error: {bad}: entry 1: key 'relation'")
    assert result.output.count("\n") == 1


def test_explain_lists_the_entries_with_their_sources() -> None:
    result = CliRunner().invoke(main, ["explain", "known-myth"])
    assert result.exit_code == 0
    assert "Entries (" in result.output
    assert "vaccines-autism: Vaccines do not cause autism" in result.output


def test_myths_lists_the_packaged_entries() -> None:
    result = CliRunner().invoke(main, ["myths"])
    assert result.exit_code == 0
    assert result.output.startswith("vaccines-autism: ")


def test_the_seven_sentences(lint: Lint) -> None:
    for sentence in ("Vaccines cause autism.", "Cell phones cause brain cancer."):
        assert where(lint(sentence + "\n"), "known-myth") == [(1, 1)]


@pytest.mark.parametrize(
    ("sentence", "relation"),
    [
        ("Ginkgo prevents Alzheimer's disease.", "ginkgo-prevents-dementia"),
        ("İn short, vaccines cause autism.", "vaccines-autism"),  # a capital that lowers to two
    ],
)
def test_possessives_and_odd_capitals_are_matched(
    sentence: str, relation: str, myths: object
) -> None:
    found = [s.relation.id for s in myths.statements(sentence) if not s.denied]  # type: ignore[attr-defined]
    assert relation in found


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        ("subject: []", "entry 1: 'subject' needs at least one wording"),
        ("subject: ['!!!']", "entry 1: 'subject': '!!!' has no word to match"),
        ("fact: ' '", "entry 1: 'fact' is empty"),
    ],
)
def test_a_malformed_entry_is_one_clear_error(entry: str, error: str, tmp_path: Path) -> None:
    good = {
        "subject": "subject: [ice bath]",
        "fact": "fact: No.",
    }
    key = entry.split(":")[0]
    lines = [
        "- id: x",
        f"  {good['subject'] if key != 'subject' else entry}",
        "  relation: cures",
        "  object: [flu]",
        f"  {good['fact'] if key != 'fact' else entry}",
        "  source: NHS",
    ]
    bad = tmp_path / "bad.yaml"
    bad.write_text("\n".join(lines) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["myths", "--check", str(bad)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output == f"healthlint: error: {bad}: {error}\n"


def test_a_textbook_fact_told_with_it_is_still_textbook(lint: Lint) -> None:
    fact = "Vitamin D deficiency is common in the north. It causes rickets in children.\n"
    claim = "Vitamin D deficiency is common in the north. It cures colds in children.\n"
    assert where(lint(fact), "unsupported-causal-claim") == []
    assert where(lint(claim), "unsupported-causal-claim") == [(1, 49)]


def test_it_stands_for_the_subject_the_sentence_before_opens_with(lint: Lint) -> None:
    # "These" is not the blood clots the sentence before ends on (a disease, whose
    # effects would be textbook facts), but the juice: both sentences are its claims.
    text = (
        "Beet juice thins the blood and breaks up blood clots. These benefits lower the risk"
        " of stroke.\n"
    )
    assert where(lint(text), "unsupported-causal-claim") == [(1, 12), (1, 70)]


def test_a_negation_inside_a_wording_negates_nothing() -> None:
    from healthlint.rules.knowledge import knowledge

    myths = knowledge(["myths"])
    told = [s.denied for s in myths.statements("Going outside without a coat gives you a cold.")]
    denied = [
        s.denied for s in myths.statements("Going outside without a coat won't give you a cold.")
    ]
    assert told == [False]
    assert denied == [True]


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        # "sugar" inside "blood sugar" is the object, not a second subject.
        ("When you eat candy it causes a spike in your blood sugar.", "sugar-blood-sugar"),
        (
            "A lack of vitamin D can negatively impact your skeleton.",
            "vitamin-d-deficiency-weakens-bones",
        ),
        ("As we age, the skin makes less collagen.", "age-collagen"),
        ("Cutting carbs triggers ketosis.", "very-low-carb-ketosis"),
        (
            "A healthy cholesterol level can prevent heart attacks.",
            "lower-cholesterol-heart-disease",
        ),
    ],
)
def test_a_textbook_fact_in_the_words_of_a_blog(sentence: str, fact: str) -> None:
    facts = knowledge(("facts",))
    assert [s.relation.id for s in facts.statements(sentence) if not s.denied] == [fact]


def test_a_word_inside_another_relations_longer_wording_is_not_a_subject() -> None:
    # "blood sugar control" is one wording (of another fact): its "sugar" raises nothing.
    facts = knowledge(("facts",))
    sentence = "The device improved blood sugar control and cut the risk of low blood sugars."
    assert [s.relation.id for s in facts.statements(sentence)] == []


def test_a_subject_wording_that_tells_when_is_not_what_acts() -> None:
    facts = knowledge(("facts",))
    during = "Breathing through your nose during exercise boosts endurance."
    assert [s.relation.id for s in facts.statements(during)] == []
    assert [s.relation.id for s in facts.statements("Regular exercise boosts endurance.")] != []
    # A myth may be about what happens then.
    myths = knowledge(("myths",))
    surgery = "Air let in during surgery causes cancer to spread."
    assert [s.relation.id for s in myths.statements(surgery)] != []


def test_the_body_clearing_itself_is_a_fact_but_not_when_something_makes_it() -> None:
    facts = knowledge(("facts",))

    def ids(sentence: str) -> list[str]:
        return [s.relation.id for s in facts.statements(sentence)]

    assert ids("Your liver removes toxins from your blood.") == ["liver-removes-toxins"]
    assert ids("Your kidneys filter waste out of your blood.") == ["kidneys-remove-waste"]
    assert ids("The lungs remove carbon dioxide with every breath.") == [
        "lungs-remove-carbon-dioxide"
    ]
    # What helps or makes the organ do it is the actor: milk thistle's claim, no fact.
    assert ids("Milk thistle helps your liver flush out toxins.") == []
    assert ids("Lemon water makes your kidneys flush out toxins faster.") == []
    # "Getting" names the subject's own doing.
    assert ids("Getting too little sleep raises your risk of diabetes.") == [
        "sleep-loss-chronic-disease"
    ]


def test_a_fact_holds_of_what_its_words_name() -> None:
    facts = knowledge(("facts",))

    def ids(sentence: str) -> list[str]:
        return [s.relation.id for s in facts.statements(sentence)]

    # "Good cholesterol" names HDL, another fact's object: not the cholesterol saturated
    # fat raises. A word before that names the same thing leaves it as it is.
    assert ids("Coconut oil raises your good cholesterol.") == []
    assert ids("Coconut oil raises your cholesterol.") == ["saturated-fat-ldl"]
    assert ids("Butter raises blood cholesterol.") == ["saturated-fat-ldl"]
    # What the subject is likened to does not act; an example of the subject does.
    assert ids("Berberine works just like metformin to drop your blood sugar.") == []
    assert ids("Unlike metformin, berberine lowers blood sugar.") == []
    assert ids("Drugs like metformin lower blood sugar.") == ["metformin-blood-sugar"]


def test_what_vaccines_train_and_handwashing_removes_are_facts() -> None:
    facts = knowledge(("facts",))

    def ids(sentence: str) -> list[str]:
        return [s.relation.id for s in facts.statements(sentence)]

    assert ids("Vaccines train your immune system to recognise a germ.") == [
        "vaccines-immune-system"
    ]
    assert ids("Washing your hands with soap and water removes germs.") == ["handwashing-germs"]
    # "Strength-training" is no verb of training: no fact of muscles here.
    assert (
        ids(
            "Exercise, and in particular strength-training routines that develop muscles of "
            "the trunk and core, can help reduce pain."
        )
        == []
    )


@pytest.mark.parametrize(
    ("sentence", "myth"),
    [
        ("Kids who get all their shots end up on the autism spectrum.", "vaccines-autism"),
        ("Raw milk clears up allergies in toddlers.", "raw-milk-cures-allergies"),  # -ies
        ("5G masts are making people sick.", "5g-causes-illness"),
        ("Going out in the cold is how you catch a cold.", "cold-weather-causes-colds"),
        ("Cutting out sugar starves tumours.", "cutting-sugar-starves-cancer"),
        ("Carrots will give you night vision.", "carrots-improve-night-vision"),
        ("Herbal remedies are always safe.", "natural-means-safe"),
        ("Our balm is all natural, so it's safe for babies.", "natural-means-safe"),
        # The object first, in a clause whose subject acts on it.
        ("Look at all the wax that the ear candle pulled out!", "ear-candling-removes-wax"),
        ("His autism symptoms vanished after a month on MMS.", "mms-bleach-cures-autism"),
        ("Eat your carrots and you'll see in the dark like a cat.", "carrots-improve-night-vision"),
        # What became of the object, told right after it.
        (
            "Since I started colloidal silver, my infection cleared up.",
            "colloidal-silver-cures-infections",
        ),
        ("Rub garlic on your chest and your cold will be gone by morning.", "garlic-cures-colds"),
        ("Our headaches all started the week they put up the 5G mast.", "5g-causes-illness"),
        ("Sleeping with wet hair? That's exactly how you catch a cold.", "wet-hair-causes-colds"),
        ("My ulcer came from nothing but stress at work.", "stress-causes-ulcers"),
        ("Ivermectin every Sunday is how we stayed covid-free.", "ivermectin-prevents-covid"),
        ("Teenage girls are left infertile by the HPV jab.", "hpv-vaccine-infertility"),
        ("Never sleep with wet hair - that's how you catch a cold.", "wet-hair-causes-colds"),
        ("After a week of celery juice my liver felt cleansed.", "juice-cleanse-detoxes-liver"),
        ("I had the flu shot and I was in bed with the flu for days.", "flu-shot-gives-flu"),
        # A 'but' that does not reject it, and a list's last item.
        ("Vaccines cause autism, but parents vaccinate anyway.", "vaccines-autism"),
        (
            "This detox tea promises to flush toxins, and it actually works!",
            "detox-teas-remove-toxins",
        ),
        ("My naturopath warns that vaccines cause autism, and she is right.", "vaccines-autism"),
        ("Detox tea flushes out nothing but toxins.", "detox-teas-remove-toxins"),
        ("The MMR jab caused seizures, fevers, and autism in my son.", "vaccines-autism"),
        # What is taken, then what it is said to do.
        ("Drink detox tea and remove toxins from your body.", "detox-teas-remove-toxins"),
        ("She wears an amber necklace and eases teething pain.", "amber-necklaces-ease-teething"),
        ("Parents give their kids the MMR jab and cause autism.", "vaccines-autism"),
    ],
)
def test_more_wordings_of_a_myth(sentence: str, myth: str, myths: object) -> None:
    found = [s.relation.id for s in myths.statements(sentence) if not s.denied]  # type: ignore[attr-defined]
    assert found == [myth]


@pytest.mark.parametrize(
    "sentence",
    [
        "Natural doesn't mean safe.",
        "Herbal remedies are not always safe.",
        "Natural light is safe for your eyes.",
        "When you compare herbal remedies, it can be hard to tell what is safe.",
        "Cutting sugar will not starve a tumour.",
        # Reported in order to reject it, the belief after the subject's first mention.
        "Some people skip nicotine gum because they think nicotine causes cancer, but it"
        " is the tar in smoke that does.",
        "Some people's colds cleared up after vitamin C, but colds clear up on their own.",
        "Ivermectin kills parasites, and COVID is a virus.",
        "Detox teas promise to flush out toxins, yet your liver already does that.",
        "Don't use ear candles to remove wax.",  # advice against it, not the myth
        "Grandma warned that knuckle cracking leads to arthritis, but it doesn't.",
        "Wet hair gives you a cold? An old wives' tale.",
        "That wet hair gives you a cold is an old wives' tale.",
        "The story that carrots give you night vision was wartime propaganda.",
        # Advice for the subject, or advice that reports the myth to reject it.
        "Don't skip the flu shot or you could end up with the flu.",
        "Don't skip your flu shot because you think it gives you the flu.",
        "Get a flu shot and you'll be far less likely to catch the flu.",
        # A cause with the wrong thing after "from", and a coincidence in time.
        "Autism comes from genetics rather than vaccines.",
        "Autism signs usually start when children are about the age they get the MMR jab.",
        # Short verbs with no object of their own.
        "She got her flu shot before she left for her trip and still caught the flu.",
        "After my flu shot I was out with friends when the flu hit the office.",
        "The flu shot is how people get protected from the flu.",
        "Ear candles can get very hot and drip wax into the ear.",
        "Microwaving food kills germs while preserving nutrients better than boiling.",
        "Most colds go away in a week, so antibiotics are rarely needed.",
        # Safe for some, or asked about.
        "Only a few herbal supplements are safe in pregnancy.",
        "Ask your pharmacist if herbal remedies are safe to take with your medicines.",
        "Some herbal remedies are safe, others are not.",
        # What the sentence goes on to say of the object, and giving the subject up.
        "The toxins that detox teas supposedly flush out do not exist.",
        "The autism that the MMR vaccine was blamed for turned out to be genetic.",
        "I stopped the colloidal silver and my infection cleared up within days.",
        "I used colloidal silver for a week before my infection cleared up with antibiotics.",
        # A second verb of the clause's subject, after the first one's object.
        "Diabetes damages the nerves and causes foot ulcers.",
    ],
)
def test_what_only_looks_like_a_myth(sentence: str, myths: object) -> None:
    assert not any(not s.denied for s in myths.statements(sentence))  # type: ignore[attr-defined]


def test_a_long_run_on_sentence_stays_fast(myths: object) -> None:
    # One sentence with many contrasts and no full stop: each is scanned a bounded way.
    sentence = "Vitamin C cures colds, but " + "people take it anyway, yet " * 4000 + "fine."
    assert [s.relation.id for s in myths.statements(sentence)] != []  # type: ignore[attr-defined]


def test_a_verb_joined_after_the_object_is_the_clause_subjects(lint: Lint) -> None:
    # "menopause lowers oestrogen" is a textbook fact, but here "protects" is the cream's.
    text = "Wild yam cream raises progesterone and protects against bone loss after menopause.\n"
    (finding,) = [f for f in lint(text) if f.rule == "unsupported-causal-claim"]
    assert (finding.line, finding.column) == (1, 16)
