"""A blog post and a news story are read differently (``genre``): the same sentence can
be a claim in one and a study's reported result in the other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthlint.cli import main
from healthlint.config.ruleset import RuleSet
from healthlint.config.settings import Config
from healthlint.core.model import Finding
from healthlint.engine.lint import lint_document
from healthlint.parse import parse_document
from healthlint.rules.spec import RuleSpec

UCC = "unsupported-causal-claim"
SDC = "supplement-disease-claim"


def _lint(
    rules: dict[str, RuleSpec], text: str, genre: str, select: tuple[str, ...] = (UCC,)
) -> list[Finding]:
    ruleset = RuleSet(rules, Config(), select=list(select), genre=genre)
    document = parse_document("post.md", text)
    found = lint_document(document, ruleset.for_path("post.md"), genre=genre)
    return [f for result in found for f in result.findings]


# Research credited without a name, headlines and a study's own results: in a news story
# the story's study answers for them; a blog's are the writer's own claims.
NEWS_ONLY = [
    "Better surgery has lowered the risk, experts estimate, but some patients still suffer.",
    "New data from centers that treat mini-strokes quickly offer new evidence that quick "
    "action can cut the odds of a stroke in half.",
    "A previous, larger study found that the drug did reduce irritability.",
    "# Coffee prevents liver cancer\n\nWe looked at the evidence.",
    "Coffee Prevents Liver Cancer\n\nWe looked at the evidence.",
    "Previous studies have found that aspirin cuts the risk of colon cancer.",
    "The institute has found that yoga can be effective in reducing hot flashes.",
    "In his study, doubling the dose also doubled the risk of endometrial cancer.",
    "A British study offers compelling evidence that aspirin can prevent deaths from cancer.",
]


# A story that opens on a study reports that study's results and figures; in a blog an
# unnamed "new study" is no source.
MC = "missing-citation"
NEWS_LEDE = [
    (MC, "The 10% drop in deaths in the Norwegian study may be optimistic."),
    (
        MC,
        "A new study in Neurology is out.\n\n"
        "A daily walk may slow memory loss by 20%, preliminary research suggests.",
    ),
    (
        MC,
        "A new study tested a psoriasis cream.\n\n"
        "In the trial, 40% of patients on the cream improved, compared with 12% on placebo.",
    ),
    (
        MC,
        "A new study of 70,000 people compared diets.\n\n"
        "Vegetarians came in second, with an 18% lower risk of colon cancer.",
    ),
    (
        MC,
        "A new study of fish oil in 40 patients looked at muscle.\n\n"
        "Less than 30 percent in the non-supplement group kept their muscle mass.",
    ),
    (
        MC,
        "A new study followed 82 patients with gastric bands.\n\n"
        "One in six of the patients chose a bypass.",
    ),
    (
        MC,
        "A small new study tested the therapy.\n\n"
        "In the pivotal trial, 83 percent of patients went into remission.",
    ),
    (
        MC,
        "A new study of 264 runners looked at shoes.\n\n"
        "More than half, 56%, alternated four pairs of shoes.",
    ),
    (MC, "A new trial tested the vaccine.\n\nCancer disappeared in nine (24 percent)."),
    (
        UCC,
        "A new study tested water against bladder infections.\n\n"
        "The water group also reduced their use of antibiotics by half.",
    ),
    (
        UCC,
        "A new study compared two flu drugs.\n\n"
        "The results: Both drugs were effective at eliminating fever.",
    ),
]


@pytest.mark.parametrize(("rule", "text"), NEWS_LEDE)
def test_a_study_named_up_front_answers_for_its_results_only_in_news(
    rule: str, text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text, "news", (rule,)) == []
    assert [f.rule for f in _lint(builtin_rules, text, "blog", (rule,))] == [rule]


@pytest.mark.parametrize("text", NEWS_ONLY)
def test_a_news_story_credits_these_to_its_study(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text, "news") == []


@pytest.mark.parametrize("text", NEWS_ONLY)
def test_a_blog_makes_these_claims_itself(text: str, builtin_rules: dict[str, RuleSpec]) -> None:
    assert [f.rule for f in _lint(builtin_rules, text, "blog")] == [UCC]


def test_a_textbook_mechanism_passes_in_news(builtin_rules: dict[str, RuleSpec]) -> None:
    # A blog reading flags it: telling textbook facts from claims needs knowledge, not
    # wording.
    assert (
        _lint(builtin_rules, "Sugar feeds the bacteria in plaque, causing tooth decay.", "news")
        == []
    )


@pytest.mark.parametrize(
    ("text", "trigger", "column"),
    [
        ("Vaccines cause autism.", "cause", 10),
        ("Sugar feeds cancer cells.", "feeds", 7),
        ("Magnesium helps your blood vessels relax.", "helps your blood vessels relax", 11),
        ("Turmeric is great for treating arthritis.", "is great for treating", 10),
        (
            "Other benefits of cold showers include reducing muscle soreness.",
            "benefits of cold showers include",
            7,
        ),
        ("Oats offer many benefits, including improved digestion.", "benefits, including", 17),
        ("It helps to neutralize acids in the gut.", "helps to neutralize", 4),
        ("Ginger can help someone to lose weight.", "can help someone to lose", 8),
        ("These teas help in flushing toxins out.", "help in flushing", 12),
        ("A spoonful of raw honey a day rebuilds your gut lining.", "rebuilds", 31),
        ("Parents, listen up: ginger fires up a slow metabolism.", "fires up", 28),
        ("Skipping dinner is the key to a flat belly.", "is the key to", 17),
        ("Heavy lifting is what makes women look bulky.", "is what makes", 15),
        ("Crosswords keep the brain young.", "keep the brain young", 12),
        ("Benefits of cold showers: sharper focus and fewer colds.", "Benefits", 1),
        ("Its gelatin heals and seals your gut lining.", "heals", 13),
        ("Thanks to their fibre, prunes clear out your colon.", "clear", 31),
        ("Sugar makes children hyperactive.", "makes children hyperactive", 7),
        ("Dates send your blood sugar soaring.", "send your blood sugar soaring", 7),
        ("Screens before bedtime rewire your brain.", "rewire", 24),
        ("How a Daily Probiotic Lifts Your Mood", "Lifts", 23),
        ("Seed cycling regulates your oestrogen levels.", "regulates", 14),
        ("Going gluten-free gives everyone more energy.", "gives everyone more", 19),
        ("Lemon water is the natural way to melt away fat.", "the natural way to", 16),
        ("Wheatgrass oxygenates your blood.", "oxygenates", 12),
        ("Your morning coffee is draining your adrenals.", "is draining", 21),
        ("Sauerkraut will repopulate your gut flora.", "will repopulate", 12),
        ("Scented candles sabotage your sleep.", "sabotage", 17),
        ("Sugar is the #1 cause of breakouts.", "is the #1 cause of", 7),
        ("Seed oils are behind the rise in inflammation.", "are behind the", 11),
        ("Switch to barefoot shoes and you'll never have knee pain.", "and you'll never have", 26),
        ("Skipping breakfast lets your body burn more fat.", "lets your body burn", 20),
        ("Cold compresses bring instant relief for tension headaches.", "bring instant relief", 17),
        ("It's no secret that fried food wrecks your gut.", "wrecks", 32),
        ("Soda does nothing but harm your health.", "does nothing but harm", 6),
        ("Eat all the carbs you like and still shed weight.", "shed", 38),
        ("This tonic works by gently boosting your metabolism.", "works by gently boosting", 12),
        ("Kids who nap daily grow into calmer, less anxious teens.", "grow into", 20),
        (
            "Late-night snacking is quietly messing with your thyroid.",
            "is quietly messing with",
            21,
        ),
        ("Go dairy-free and the eczema clears up.", "the eczema clears up", 19),
        ("Nothing ages your skin faster than sugar.", "Nothing ages", 1),
        ("Collagen keeps your skin from sagging.", "keeps your skin from sagging", 10),
        ("Warm compresses comfort achy knees.", "comfort", 17),
        ("Skip breakfast and still lose 10 pounds.", "lose", 26),
        ("Ditch the phone at night — scrolling is draining your sperm count.", "is draining", 38),
        ("Most bloating comes down to one thing: a sluggish gut.", "comes down to", 15),
        ("Sugar is slowly ageing your skin faster than smoking could.", "is slowly ageing", 7),
        (
            "Late dinners turn your pasta straight into belly fat.",
            "turn your pasta straight into belly fat",
            14,
        ),
        ("White bread goes straight to your thighs.", "goes straight to your thighs", 13),
        ("Chamomile will knock you out in minutes.", "knock you out in minutes", 16),
        ("Fennel tea settles a fussy tummy.", "settles", 12),
        ("Most of its healing power is due to its antioxidants.", "is due to", 27),
        (
            "For kids with eczema, a gluten-free diet makes all the difference.",
            "makes all the difference",
            42,
        ),
    ],
)
def test_blog_wording_of_a_claim(
    text: str, trigger: str, column: int, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, column)
    assert finding.message.startswith(f"'{trigger}' states a cause and effect as fact")
    assert _lint(builtin_rules, text, "news") == []


@pytest.mark.parametrize(
    ("text", "trigger", "column"),
    [
        ("Salty snacks drive up your blood pressure.", "drive up", 14),
        ("The sugar tax has reduced tooth decay in children.", "reduced", 19),
        ("The nasal spray had a measurable effect.", "had a measurable effect.", 17),
        ("The new implant will jump-start healing in the spine.", "will jump-start", 17),
    ],
)
def test_the_causal_wordings_of_blogs_are_claims_in_blogs_only(
    text: str, trigger: str, column: int, builtin_rules: dict[str, RuleSpec]
) -> None:
    """A verb with its particle, a perfect tense, an effect told whole and "jump-start"
    are read in blogs; a news story is read as research prose is."""
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, column)
    assert finding.message.startswith(f"'{trigger}' states a cause and effect as fact")
    assert _lint(builtin_rules, text, "news") == []


@pytest.mark.parametrize(
    "text",
    [
        # An effect taken back by "this" or "the same" was told before.
        "Decaf coffee doesn't have this effect.",
        "A cold shower has the same effect.",
        "Nothing else had such an effect.",
        # Negated.
        "The nasal spray did not have a measurable effect.",
        # Hoped for.
        "The new implant will hopefully jump-start healing in the spine.",
    ],
)
def test_no_claim_in_a_blog(text: str, builtin_rules: dict[str, RuleSpec]) -> None:
    assert _lint(builtin_rules, text, "blog") == []


def test_a_link_answers_for_the_sentences_beside_it_not_the_paragraph(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = (
        "Ginger eases nausea in pregnancy ([review](https://example.org/r)). It is cheap. "
        "It is easy to find. Ginger also prevents migraines.\n"
    )
    blog = _lint(builtin_rules, text, "blog")
    assert [(f.rule, f.column) for f in blog] == [(UCC, 114)]
    assert _lint(builtin_rules, text, "news") == []


def test_an_unnamed_appeal_to_research_does_not_make_the_claim_someone_elses(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    unnamed = "Studies have shown that ginger relieves nausea."
    named = "Dr. Ana Ruiz has shown that ginger relieves nausea."
    assert [f.rule for f in _lint(builtin_rules, unnamed, "blog")] == [UCC]
    assert _lint(builtin_rules, named, "blog") == []
    assert _lint(builtin_rules, unnamed, "news") == []
    # A heading's capitals name nobody: the same words stand in lower case below it.
    text = (
        "Benefits of Black Seed Oil: black seed oil is pressed from seeds. Some studies have "
        "found that black seed oil can help ease joint stiffness.\n"
    )
    assert [f.rule for f in _lint(builtin_rules, text, "blog")] == [UCC]


def test_supplement_disease_claim_is_for_blogs(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "Elderberry syrup shortens colds in children."
    rules = ("supplement-disease-claim",)
    assert [f.rule for f in _lint(builtin_rules, text, "blog", rules)] == list(rules)
    assert _lint(builtin_rules, text, "news", rules) == []


def test_the_genre_on_the_command_line(tmp_path: Path) -> None:
    post = tmp_path / "post.md"
    post.write_text("# Ginger\n\nElderberry syrup shortens colds in children.\n", "utf-8")
    blog = CliRunner().invoke(main, ["check", "--format", "json", str(post)])
    news = CliRunner().invoke(main, ["check", "--format", "json", "--genre", "news", str(post)])

    def rules(output: str) -> set[str]:
        report = json.loads(output)
        return {f["rule"] for p in report["posts"] for f in p["findings"]}

    assert "supplement-disease-claim" in rules(blog.output)
    assert "supplement-disease-claim" not in rules(news.output)


def test_a_rule_for_blogs_is_left_out_by_the_engine_too(builtin_rules: dict[str, RuleSpec]) -> None:
    """Even handed a blog-only rule, a news reading does not run it."""
    rule = builtin_rules["supplement-disease-claim"]
    document = parse_document("post.md", "Elderberry syrup shortens colds in children.\n")
    assert lint_document(document, [rule], genre="news")[0].findings == ()
    assert lint_document(document, [rule], genre="blog")[0].findings != ()


def test_a_blog_claim_beside_background_still_counts(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "Curcumin has strong anti-inflammatory properties, which can help reduce swelling.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert finding.column == 10
    assert finding.message.startswith("'has strong anti-inflammatory properties' states")


def test_a_heading_that_names_a_section_is_no_claim(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "# Ginger\n\nGinger is a root.\n\n## Benefits of Ginger\n\n## Eases nausea\n"
    assert [(f.line, f.column) for f in _lint(builtin_rules, text, "blog")] == [(7, 4)]


def test_a_blog_claim_about_the_body_is_a_claim_when_a_practice_makes_it(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    # How the body works is background in a news story; on a blog, what cupping is said
    # to do to the blood is the post's claim.
    text = "Cupping increases blood flow to the sore muscle.\n"
    assert [(f.line, f.column) for f in _lint(builtin_rules, text, "blog")] == [(1, 9)]
    assert _lint(builtin_rules, text, "news") == []
    assert _lint(builtin_rules, "The heart pumps blood flow to the muscles.\n", "blog") == []


@pytest.mark.parametrize(
    "text",
    [
        "Many readers swear that ashwagandha calms their nerves.",  # the readers' claim
        "Don't put a toddler with burns into a cold shower.",  # "burns" is a noun
        "One of the best-known ginger benefits is its taste.",
        "This one-pan pasta is the cure for the midweek dinner slump.",
        "Here are five warning signs women of all ages should never ignore.",
        "Sugar doesn't actually make kids hyperactive.",
        "Eating sugar does not make cancer cells grow faster.",
        "The adverse effects on your body are mild.",
        "Fiber is the part of plant foods that your body can't fully digest.",
        "Your liver filters toxins out of your blood.",
        "Red blood cells carry oxygen from your lungs to your muscles.",
        # Ordinary sentences with the shape of a claim but no effect on health.
        "Our shop guarantees fast delivery.",
        "The lid seals the jar tightly.",
        "Subscribe to our newsletter and you'll get weekly recipes.",
        "The best way to store ginger is in the freezer.",
        "Water is the key to a good soup.",
        "The clinic is right behind the hospital.",
        "Benefits of membership include getting early access.",
        "This app tracks your sleep.",
        "Nurses check your blood pressure.",
        "Scented candles don't sabotage your sleep.",
        "Causes & Symptoms",
        "The first two weeks will be difficult for your body.",
        "The acupuncturist will assess your skin first.",
        "The nutritionist explains how the seasons change your skin.",
        # A verb that only looks at the body, or stays in it.
        "This chart shows your blood pressure.",
        "Sugar stays in your blood for hours.",
        # A disease acting is how it works; a word in "s" before a disease is no verb.
        "Shingles damages the nerves under your skin.",
        "Our guide discusses other ways to live with psoriasis.",
        "Antibiotics are useless against cold viruses.",
        "Our physio tracks your recovery.",
        "Rising rents are a major driver of the move to the suburbs.",
        "Our team is behind the new clinic.",
        "Some people dab tea tree oil on cuts to help them heal faster.",
        "Take small steps to improve your health.",
        "The park is great for a family picnic.",
        "Place your feet apart and lower your hips until your thighs are level.",
        "Cells that fight infection in your body are white.",
        "The word collagen comes from the Greek word for glue.",
        # Plural nouns a post names its subject with, read as verbs before a disease.
        "Those with digestion issues such as IBS know the discomfort well.",
        "Nurses and other health professionals in the clinic treat asthma every day.",
        "The recovery room is on the left.",
        "The new rent law provides relief to tenants.",
        "This app lets you track your steps.",
        "Our newsletter cares about your health.",
        "Walk the dog and lose track of time.",
        "The step counter works by tracking your movement.",
        "Stir the soup and the lumps disappear.",
        "Once you sign up, the newsletter arrives weekly.",
        "Sugar may age your skin faster than smoking.",
        "Turn the dough into a ball and let it rest.",
        "A good pair of boots makes all the difference on long hikes.",
        # Review: other senses of the newer wordings.
        "The bus goes straight to your hotel.",
        "That boxer knocks you out in the first round.",
        "Once you sand the door, the paint heals over the scratches.",
        "The hotel lets you sleep until noon.",
        "Most of the kids ended up taller than their parents.",
        "Green tea boosts your metabolism more than coffee, although the effect may be small.",
        "You may have heard of rooibos. This helps explain its popularity.",
        "This frame flatters your face.",
        "Bend your knees slightly and keep your back straight.",
        "The bakery sells tired bread at half price.",
        "This bra lifts your breasts and smooths your silhouette.",
        # A drug's class named as what a drug is; parts as a subject; a noun before "do".
        "Penicillin is an antibiotic.",
        "Bones need calcium to stay strong.",
        "It's unclear whether collagen supplements do much for joints.",
        # Textbook facts in the words of a blog.
        "Calcium builds strong bones.",
        "Sugar rots teeth.",
        "Staring at screens strains eyes.",
        # A passive whose agent is the body or an illness, or a person.
        "Eczema flares are often triggered by an overactive immune system.",
        "Acne is treated by a dermatologist.",
        "Your joints are cushioned by cartilage.",
        "People who follow plant-based diets tend to have better cholesterol.",
        "The more you practise, the better you play.",
        # An indirect question; a description; it, them or the thing made easier; a
        # finding and a denial; counts; a "why" answered with no health; no difference.
        "Learning what makes a healthy microbiome is a huge field.",
        "The fluid contains white blood cells, which fight infection.",
        "A shorter urethra makes it easier for bacteria to reach the bladder.",
        "Adding conditioner makes the hair easier to comb.",
        "People who eat more fibre do not have fewer colds.",
        "Studies found that runners have higher bone density.",
        "Eat beans three times a week to help your heart.",
        "Why would a flu shot protect against colds? Some biology helps here.",
        "Multivitamins made no difference in the risk of cancer.",
        "When we think of kefir, we usually think of glass bottles.",
        # Someone's data used, a list of side effects, what drugs carry.
        "The app uses a woman's body temperature to predict ovulation.",
        "Patients reported side effects including weight gain and high blood pressure.",
        "Those drugs carry a risk of weight gain.",
        # Another review's: the writer's own doing, a drug's own class, easier to do, a
        # hygienist's work, a hedge outside an aside, harms that are less of something.
        "I stopped my morning run when it got too cold.",
        "Penicillin is a powerful antibiotic used for many infections.",
        "The hygienist polishes teeth and checks gums at every visit.",
        "Kombucha, which may heal your gut lining, is sold everywhere.",
        "Chronic stress can lead to less sleep and more anxiety.",
        "Long-term steroid use can lead to lower bone density.",
        "Your joints will feel better after a warm bath, in my experience.",
        "This app makes your workouts easier to plan.",
        # A promised adjective with no part of the body after it.
        "Our shop sells healthy snacks for strong kids.",
    ],
)
def test_blog_wording_that_is_no_claim(text: str, builtin_rules: dict[str, RuleSpec]) -> None:
    assert _lint(builtin_rules, text, "blog") == []


def test_a_chain_of_this_and_it_goes_back_to_the_disease(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    # Each sentence points back to the one before, and the first is about how high
    # blood pressure works: the whole paragraph explains the disease.
    text = (
        "High blood pressure strains the walls of the arteries. This strain can cause small"
        " tears. Over time, this leads to a higher risk of clots.\n"
    )
    assert _lint(builtin_rules, text, "blog") == []
    assert _lint(builtin_rules, text, "news") == []


def test_this_with_a_remedy_names_the_remedy_not_the_sentence_before(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Arthritis makes the joints stiff. This remedy heals them in a week.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 47)
    assert finding.message.startswith("'heals' states a cause and effect as fact")
    # Without the remedy, "this" is the stiffness the disease causes.
    text = "Arthritis makes the joints stiff. This stiffness can cause poor sleep.\n"
    assert _lint(builtin_rules, text, "blog") == []


def test_a_flare_up_or_tissue_damage_as_subject_is_how_illness_works(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    assert (
        _lint(builtin_rules, "Psoriasis flare-ups can be triggered by a cold winter.\n", "blog")
        == []
    )
    assert _lint(builtin_rules, "Nerve damage leads to numbness in the feet.\n", "blog") == []


def test_a_link_that_describes_a_noun_after_the_claim_hedges_nothing(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Acupuncture helps people cope with the fatigue commonly associated with MS.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 13)
    assert finding.message.startswith("'helps people cope with' states")
    # Said of the claim itself, or of the claim's own word, it still hedges.
    assert _lint(builtin_rules, "Acupuncture is associated with less fatigue.\n", "blog") == []
    hedged = "Both drugs can work, with benefits associated with each one.\n"
    assert _lint(builtin_rules, hedged, "news") == []


def test_a_named_body_that_adds_or_notes_speaks_for_the_claim(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "The Mayo Clinic notes that massage can ease back pain.\n"
    assert _lint(builtin_rules, text, "blog") == []
    text = "Cleveland Clinic adds that chiropractic care can help treat whiplash.\n"
    assert _lint(builtin_rules, text, "blog") == []
    (finding,) = _lint(builtin_rules, "Chiropractic care can help treat whiplash.\n", "blog")
    assert (finding.line, finding.column) == (1, 19)


@pytest.mark.parametrize(
    "text",
    [
        "Roll your shoulders back and relax your neck.\n",
        "Put your fingers above your belly button and press down gently.\n",
        # What a recipe suits; a denial; a disease that names something else.
        "This recipe is great for people with diabetes.\n",
        "Yogurt is not good for arthritis.\n",
        "This guide is great for anxiety sufferers.\n",
        # The body's word before what is given; "they" and a verb not known as one of
        # health, after a sentence that names no product or remedy; carers at work.
        "This chart gives you daily blood sugar targets.\n",
        "You'll get your test results within two weeks.\n",
        "Good pillows matter. They cradle your neck while you sleep.\n",
        "Doctors are helpful. They lower your blood pressure with medicine.\n",
        # What keeps a thing from happening, not an outcome of health.
        "A shower cap keeps hair from getting wet.\n",
        "Quarantine keeps disease from spreading to other patients.\n",
        # A named speaker who adds or estimates.
        "Professor Ito estimates the program prevents 400 strokes a year.\n",
        "Sam estimates his calories with an app.\n",
        # What a clinician prescribes, and what for.
        "Take the tablets your midwife prescribes to prevent preeclampsia.\n",
        "Use the cream your dermatologist recommends to treat acne.\n",
        # A figure's adjective after people who did something; an age range; a reason that
        # is no health's.
        "Men who had surgery had 41 percent lower risk of their cancer spreading.\n",
        "In fact, 7.4 million women ages 15 to 44 have used fertility services.\n",
        "Cost is a major reason people skip their medicines.\n",
        # A claim the next sentence rejects as a whole.
        "Some people say ice baths cure arthritis. They don't.\n",
        "Sellers claim the insoles heal back pain. There is no good evidence that they work.\n",
        # Some of a group spared, a comparison, a reason for what people do, finding out,
        # how a visit or an illness's signs start, a warning idiom.
        "Some people who smoke never develop lung cancer.\n",
        "Men who exercised had a much lower risk of heart disease.\n",
        "Fear of needles is a major reason adults skip their flu jab.\n",
        "The single best way to know if a mole is cancer is to have it checked.\n",
        "This is how the appointment starts: the nurse takes your blood pressure.\n",
        "It's how a cold starts, with a scratchy throat.\n",
        "Skip flossing and you're asking for trouble with your teeth.\n",
        # A harm told as a warning.
        "Decongestants can push up your blood pressure.\n",
        # A textbook cause named as a driver.
        "Smoking is one of the biggest drivers of lung cancer.\n",
    ],
)
def test_instructions_suitability_and_denials_are_no_claims(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text, "blog") == []


def test_the_imperative_think_again_hedges_nothing(builtin_rules: dict[str, RuleSpec]) -> None:
    (finding,) = _lint(
        builtin_rules, "Think again: skipping lunch slows your metabolism.\n", "blog"
    )
    assert (finding.line, finding.column) == (1, 29)
    assert _lint(builtin_rules, "I think skipping lunch slows your metabolism.\n", "blog") == []


def test_they_after_carers_who_praise_a_product_is_the_product(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Nurses love our socks. They cure varicose veins.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 29)


def test_they_after_a_sentence_about_carers_is_the_carers_at_work(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Doctors are helpful. They lower your blood pressure with medicine.\n"
    assert _lint(builtin_rules, text, "blog") == []
    text = "Our nurses know diabetes. They keep your blood sugar steady.\n"
    assert _lint(builtin_rules, text, "blog") == []


def test_an_adjective_in_s_is_not_the_verb(builtin_rules: dict[str, RuleSpec]) -> None:
    # "dangerous" ends like a verb; "wreck" is the verb.
    (finding,) = _lint(builtin_rules, "Our dangerous habits wreck your liver.\n", "blog")
    assert (finding.column, finding.message.split("'")[1]) == (22, "wreck")


def test_a_news_story_credits_its_own_study_a_blog_appeals_to_research(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Phone support can ease postpartum depression, a small study suggests.\n"
    select = ("missing-citation",)
    assert _lint(builtin_rules, text, "news", select) == []
    (finding,) = _lint(builtin_rules, text, "blog", select)
    assert (finding.line, finding.column) == (1, 47)
    assert finding.message.startswith("'a small study suggests' needs a source")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # A remedy after "this", or a treatment after a passive's verb, is the claim.
        (
            "Psoriasis is an autoimmune disease. This salve heals the plaques within a week.",
            "heals",
        ),
        (
            "Type 2 diabetes affects millions of adults. It is reversed by a 30-day juice fast.",
            "reversed",
        ),
    ],
)
def test_this_or_it_with_a_treatment_is_a_claim(
    text: str, cue: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text + "\n", "blog")
    assert finding.message.startswith(f"'{cue}' states")


def test_a_hedge_after_or_still_hedges(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "Red meat causes bowel cancer, or is at least linked to it.\n"
    assert _lint(builtin_rules, text, "blog") == []
    assert _lint(builtin_rules, "As a nurse, I love helping people with anxiety.\n", "blog") == []


def test_a_paragraph_opening_on_it_goes_on_from_the_one_above(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = (
        "Arthritis is a disease of the joints that affects millions of adults.\n\n"
        "It typically causes stiff, swollen knees in the morning.\n"
    )
    assert _lint(builtin_rules, text, "blog") == []
    # A remedy above makes it a claim.
    text = "Our ginger balm is made in small batches.\n\nIt heals stiff, swollen knees.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.message.split("'")[1]) == (3, "heals")


def test_what_a_food_does_in_the_kitchen_is_no_claim(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "Gluten contributes to the elasticity and chewiness of bread.\n"
    assert _lint(builtin_rules, text, "blog") == []


STUDY_OF_SIGNS = (
    "# Heart attacks in women\n\n"
    "Heart disease kills more women than any cancer, yet women are less often sent for "
    "heart tests. Earlier studies have shown that heart attack symptoms are different in "
    "women: tiredness, nausea and pain in the jaw are common. The new report calls for "
    "better training for doctors.\n"
)


def test_a_study_of_emergency_signs_needs_no_911_in_news_but_does_in_a_blog(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    rule = ("emergency-guidance-missing",)
    assert _lint(builtin_rules, STUDY_OF_SIGNS, "news", rule) == []
    found = _lint(builtin_rules, STUDY_OF_SIGNS, "blog", rule)
    assert [(f.line, f.column, f.rule) for f in found] == [(1, 3, "emergency-guidance-missing")]


@pytest.mark.parametrize(
    ("text", "column", "trigger"),
    [
        # A disease of the lexicon is what the verb acts on.
        ("Taking zinc all winter shields you from colds.\n", 24, "shields"),
        ("A daily crossword stalls dementia.\n", 19, "stalls"),
        # Verbs that do something to what follows.
        (
            "A spoonful of cinnamon keeps your blood sugar steady.\n",
            24,
            "keeps your blood sugar steady",
        ),
        ("Laughing does more for your immunity than any pill.\n", 10, "does"),
        # Something the reader meets, acting on the reader's body.
        ("Scented candles disrupt your hormones.\n", 17, "disrupt"),
        # A health outcome of the curated list on its own; the verb after a plural noun.
        ("Ice baths supercharge recovery.\n", 11, "supercharge"),
        ("A standing desk fixes bad posture.\n", 17, "fixes"),
        # A word that only qualifies the subject is not a background subject.
        ("A protein-packed breakfast crushes cravings.\n", 28, "crushes"),
        # A heading's relative clause; a progressive with an adverb; a cause named as a
        # driver, or as what is behind a disease.
        ("7 Teas That Melt Belly Fat While You Sleep\n", 13, "Melt"),
        ("The blue light from your phone is quietly aging your skin.\n", 32, "is quietly aging"),
        ("Dairy is a major driver of sinus congestion.\n", 7, "is a major driver of"),
        ("Tight jeans are behind a lot of heartburn.\n", 13, "are behind a lot of"),
        # Things named by what they are for, in a heading.
        ("12 Essential Oils to Help You Sleep\n", 19, "to Help You Sleep"),
        ("Natural Relief for Anxiety\n", 1, "Natural Relief"),
        ("Immunity booster\n", 1, "Immunity booster"),
        ("Blueberries are good for gut health.\n", 13, "are good for"),
        # The effect first, its cause after.
        ("Those 3 p.m. crashes come from a sluggish liver.\n", 22, "come from"),
        ("Kids who skip sleep end up with more colds.\n", 21, "end up with"),
        ("Sprouted grains are easier on your gut.\n", 17, "are easier on your"),
        # A promise joined to an instruction.
        ("Swap soda for seltzer and watch your waistline shrink.\n", 27, "watch"),
        # More of the body; babies helped to sleep; a mood as the health a cause needs;
        # a number's noun is not the verb.
        ("Nettle tea tones your uterus.\n", 12, "tones"),
        ("Rocking chairs help babies sleep through the night.\n", 16, "help babies sleep"),
        ("Doomscrolling is the real reason you wake up anxious.\n", 15, "is the real reason you"),
        ("Walking 10,000 steps a day adds years to your life.\n", 28, "adds"),
        ("Yoga is loved for its ability to help ease back pain.\n", 19, "its ability to help ease"),
        # A part promised to become better, a part's cells, someone else's part; parts in
        # general right after the verb; more outcomes.
        ("Raw milk builds a stronger immune system.\n", 10, "builds"),
        ("Mushroom coffee regenerates brain cells.\n", 17, "regenerates"),
        ("Soy milk dulls children's IQ.\n", 10, "dulls"),
        ("Beetroot juice widens arteries.\n", 16, "widens"),
        ("Arnica gel lubricates joints.\n", 12, "lubricates"),
        ("Dandelion tea drains water weight.\n", 15, "drains"),
        # What it gives, puts you to, leaves you; what it is as toxic as; what builds.
        (
            "Celery juice gives you an instant energy boost.\n",
            14,
            "gives you an instant energy boost",
        ),
        ("Marine collagen gives you firmer skin.\n", 17, "gives you firmer skin"),
        # A verb's base form after "they"; "adds" before an object is no speaker's; what
        # shows on the body is an outcome.
        ("Biotin gummies are great. They thicken your hair.\n", 32, "thicken"),
        ("Volunteering adds years to your life.\n", 14, "adds"),
        ("Silk stops wrinkles from forming while you sleep.\n", 6, "stops"),
        ("A warm compress every evening fixes TMJ.\n", 31, "fixes"),
        ("Seed cycling regulates your period.\n", 14, "regulates"),
        ("Walking is great for anxiety.\n", 9, "is great for"),
        ("Caffeine is what leaves you jittery.\n", 10, "is what leaves"),
        ("A salt lamp keeps little lungs clear.\n", 13, "keeps little lungs clear"),
        (
            "Beef liver is the most testosterone-boosting food there is.\n",
            24,
            "testosterone-boosting",
        ),
        ("Tonic water keeps restless legs quiet at night.\n", 13, "keeps restless legs quiet"),
        (
            "You'll see firmer skin in as little as four weeks.\n",
            1,
            "You'll see firmer skin in as little as four weeks",
        ),
        ("Oats are a gift. They scrub cholesterol out of your arteries.\n", 23, "scrub"),
        ("Stress guts your immune system.\n", 8, "guts"),
        # "Be warned" says it to the reader; "right" before a particle; disease kept from
        # taking hold is an outcome, not a drug's mechanism.
        ("Creatine is popular. Be warned: it makes your hair fall out.\n", 36, "makes"),
        ("Breakouts? Two cups of spearmint tea a day clear them right up.\n", 44, "clear"),
        (
            "Lemon water is great. It alkalises you and keeps disease from taking hold.\n",
            26,
            "alkalises",
        ),
        ("Matcha gives you calm, focused energy.\n", 8, "gives you calm, focused energy"),
        ("A cup of chamomile puts you to sleep.\n", 20, "puts you to sleep"),
        ("Oat milk leaves your gut bloated.\n", 10, "leaves your gut bloated"),
        ("Fried food is as toxic to your liver as alcohol.\n", 12, "is as toxic to"),
        ("Creatine is what builds muscle.\n", 10, "is what builds"),
        ("A probiotic a day keeps your bowels regular.\n", 19, "keeps your bowels regular"),
        # A heading naming the cause first; the effect as what a habit means; what
        # people who do something have.
        ("Sugar: The #1 Cause of Bad Skin\n", 8, "The #1 Cause of"),
        ("Sleep on your back, which means fewer wrinkles.\n", 21, "which means fewer"),
        ("Cold showers mean better circulation.\n", 14, "mean"),
        (
            "Children who eat fish twice a week have fewer allergies.\n",
            1,
            "Children who eat fish twice a week have fewer",
        ),
        # The effect as a passive's subject, the cause as its agent; a cut that names
        # what it cuts.
        ("Joint pain is often made worse by nightshades.\n", 12, "is often made worse by"),
        ("Houseplants purify the air and cut down on headaches.\n", 13, "purify"),
        # Two things that rise together; kept from, an end put to, out of balance;
        # made easier; a second claim in a relative clause; setting up for.
        (
            "The less sugar you eat, the fewer breakouts you get.\n",
            1,
            "The less sugar you eat, the fewer",
        ),
        ("A night brace keeps your knees from aching.\n", 15, "keeps your knees from aching"),
        ("Oat baths put an end to itchy skin.\n", 11, "put an end to"),
        (
            "Tight jeans throw your gut bacteria out of balance.\n",
            13,
            "throw your gut bacteria out of balance",
        ),
        ("Raspberry leaf tea makes labour shorter.\n", 20, "makes labour shorter"),
        (
            "Parabens flood your body with chemicals that throw your hormones out of whack.\n",
            10,
            "flood",
        ),
        (
            "Lazy weekends are setting your kids up for weight gain.\n",
            19,
            "setting your kids up for",
        ),
        # More verbs on a disease after a plural subject; the risk of anything.
        ("Omega-3 capsules smooth out an irregular heartbeat.\n", 18, "smooth out"),
        ("Pickle juice unknots a leg cramp in seconds.\n", 14, "unknots"),
        ("Cold showers torpedo your risk of flu.\n", 14, "torpedo"),
        ("Acne is fueled by dairy.\n", 6, "is fueled by"),
        ("Two squares of dark chocolate a night calm your nerves.\n", 39, "calm"),
        (
            "The more greens you eat, the less bloated you feel.\n",
            1,
            "The more greens you eat, the less",
        ),
        ("Raspberry leaf tea made my labour shorter.\n", 20, "made my labour shorter"),
        # A hedge after an aside is the main clause's; a benefit is no harm; why so many
        # do well.
        (
            "Kefir, which restores your gut flora, is usually sold in glass bottles.\n",
            14,
            "restores",
        ),
        ("This diet can lead to weight loss and steadier blood sugar.\n", 11, "can lead to"),
        ("This is why women see such great results on my PCOS plan.\n", 6, "is why women"),
        # A heading asking why; a rate a plural subject is taken at; the reason for a
        # clause; thanks and feelings promised to the body; growing up; an effect after
        # an instruction; a busy part; a bug kept away; more parts and outcomes.
        ("Why Kombucha Is Wrecking Your Teeth\n", 14, "Is Wrecking"),
        ("Three prunes a day keep your bowels moving.\n", 20, "keep your bowels moving"),
        ("Late dinners are the reason so many kids sleep badly.\n", 14, "are the reason so many"),
        ("Do this every morning and your gut will thank you.\n", 23, "and your gut will"),
        ("Your knees will feel ten years younger\n", 12, "will feel ten years younger"),
        ("If you drink it warm, your liver will thank you.\n", 34, "will thank you"),
        ("Kids raised on farms grow up healthier.\n", 22, "grow up healthier"),
        ("Skip the dairy and your skin clears.\n", 20, "your skin clears"),
        ("This tea quiets a racing mind.\n", 10, "quiets"),
        (
            "Fresh air keeps your baby from catching every bug.\n",
            11,
            "keeps your baby from catching",
        ),
        ("Fennel seeds shield your neurons from stress.\n", 14, "shield"),
        ("Our program closes diastasis recti for good.\n", 13, "closes"),
        ("A glass of warm milk knocks you out cold.\n", 22, "knocks you out cold"),
        ("Box breathing switches off the stress response.\n", 15, "switches off"),
        # A drug's class claimed for a food.
        ("Oregano oil is a natural antibiotic.\n", 13, "is a natural antibiotic"),
        ("Turmeric is nature's ibuprofen.\n", 10, "is nature's ibuprofen"),
        # A cause named as a reason, a driver, a trigger, the way to an outcome; an
        # illness made a thing of the past, never had, beaten, fixed, started; what the
        # reader signs up for; the writer's "in reality"; a temperature in the subject.
        (
            "Underwire bras are a major reason breast cancer rates have climbed.\n",
            16,
            "are a major reason",
        ),
        (
            "Cooking with aluminium is one of the quiet drivers of memory loss.\n",
            24,
            "is one of the quiet drivers of",
        ),
        (
            "Heavy squats are the single fastest way to double your testosterone.\n",
            18,
            "the single fastest way to",
        ),
        (
            "Coffee is the number-one trigger for kidney stones.\n",
            8,
            "is the number-one trigger for",
        ),
        (
            "Kegels will make erectile problems a thing of the past.\n",
            13,
            "make erectile problems a thing of the past",
        ),
        ("Kids who grow up with a dog never develop hay fever.\n", 29, "never develop"),
        ("Patients who stay upbeat simply beat cancer.\n", 33, "beat"),
        ("Skip it and you're signing up for a torn hamstring.\n", 9, "and you're signing up for"),
        (
            "Stop cracking your knuckles. That's how arthritis starts.\n",
            30,
            "That's how arthritis starts",
        ),
        ("That's how cavities start.\n", 1, "That's how cavities start"),
        ("Those who meditate never get migraines.\n", 20, "never get"),
        (
            "A slipped disc can be fixed with chiropractic adjustments.\n",
            16,
            "can be fixed with",
        ),
        (
            "Skip stretching and you are signing up for a knee injury.\n",
            17,
            "and you are signing up for",
        ),
        ("In truth, cold showers supercharge your immune system.\n", 24, "supercharge"),
        ("In reality, sugar does your liver more damage than beer.\n", 19, "does"),
        ("Bad knees are fixed by running barefoot.\n", 11, "are fixed by"),
        ("Three minutes at 10°C resets your nervous system.\n", 23, "resets"),
        (
            "Air conditioning is the real reason so many people have sinus trouble.\n",
            18,
            "is the real reason so many",
        ),
    ],
)
def test_a_blog_claim_with_any_verb(
    text: str, column: int, trigger: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, column)
    assert finding.message.startswith(f"'{trigger}' states a cause and effect")
    assert _lint(builtin_rules, text, "news") == []


@pytest.mark.parametrize(
    ("text", "column", "trigger"),
    [
        ("It's estimated that 40 million adults snore.\n", 1, "It's estimated that"),
        (
            "One survey of 1,500 runners found that most stretch too little.\n",
            1,
            "One survey of 1,500 runners found",
        ),
        ("Night owls are twice as likely to skip breakfast.\n", 16, "twice as likely"),
        ("Research tells us that gratitude lowers stress.\n", 1, "Research tells us"),
        ("Dieters who weigh in daily lose twice as much weight.\n", 33, "twice as much weight"),
        ("It's been proven that naps boost memory.\n", 1, "It's been proven that"),
        ("Nearly half of new dads say they sleep badly.\n", 1, "Nearly half of new dads say"),
        ("Skipping sleep doubles your risk of a cold.\n", 16, "doubles your risk"),
        ("Singers live up to seven years longer.\n", 9, "live up to seven years longer"),
        ("About 30 million Americans have diabetes.\n", 7, "30 million"),
        ("Psoriasis affects around 8 million people in the U.S.\n", 26, "8 million"),
        ("Over 2,000,000 adults live with the condition.\n", 6, "2,000,000"),
        (
            "The link was confirmed by a large meta-analysis.\n",
            14,
            "confirmed by a large meta-analysis",
        ),
        ("Researchers believe that green tea protects the heart.\n", 1, "Researchers believe"),
        (
            "A large study of cyclists found that saddle height matters.\n",
            1,
            "A large study of cyclists found",
        ),
        ("New research reveals that toddlers nap less.\n", 5, "research reveals"),
        ("Science has confirmed what we suspected.\n", 1, "Science has confirmed"),
        (
            "Damp is found in nearly a third of rented homes.\n",
            18,
            "nearly a third of rented homes",
        ),
        ("Half of all mental illness starts before 25.\n", 1, "Half of all mental illness"),
        ("It's been shown in study after study that naps help.\n", 20, "study after study"),
        ("Recent findings show that naps help.\n", 1, "Recent findings show"),
        ("According to recent polls, most teens nap.\n", 1, "According to recent polls"),
        ("In one trial, nappers scored higher.\n", 1, "In one trial"),
        ("Half of all toddlers still wake at night.\n", 1, "Half of all toddlers still wake"),
        ("Most researchers agree that naps help.\n", 6, "researchers agree that"),
        ("Modern research has finally backed it up.\n", 8, "research has finally backed it up"),
        ("Sleep problems are rising, industry figures show.\n", 28, "industry figures show"),
        (
            "Almost a third of asthma attacks happen in September.\n",
            1,
            "Almost a third of asthma attacks",
        ),
    ],
)
def test_a_blog_appeal_to_research_or_statistic(
    text: str, column: int, trigger: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    select = ("missing-citation",)
    (finding,) = _lint(builtin_rules, text, "blog", select)
    assert (finding.line, finding.column) == (1, column)
    assert finding.message.startswith(f"'{trigger}' needs a source")
    # A news story tells its own study's results in these words.
    assert _lint(builtin_rules, text, "news", select) == []


@pytest.mark.parametrize(
    "text",
    [
        "The app has 2 million users.\n",  # no people counted
        "About 2 million people visited the museum last year.\n",  # no health
        "People have used ginger for thousands of years.\n",
        "Dr. Ana Ruiz ran the trial. The researchers think the fibre explains it.\n",
        "Cut half of the cases of peppers into strips.\n",
        # A study already told, or named.
        "The findings show that naps help.\n",
        "In one study, called NAP-2, researchers tested naps.\n",
        "A study in Pediatrics found that naps help.\n",
        "The new findings suggest that naps help.\n",
        "Dr Lee's findings suggest that naps help.\n",
        "The trial was small, but its findings suggest that naps help.\n",
        "Nearly half of households now own an air fryer.\n",
        "In one experiment, kids mix baking soda and vinegar.\n",
        "Our clinic was ranked number one by the Care Quality Commission.\n",
        # Cases are as often a study's own, and a ranking of causes of death is common
        # knowledge.
        "Half of all cases start before the age of 30.\n",
        "Drowning is the leading cause of accidental death in toddlers.\n",
        # Research denied, or disagreement, or consent; figures of no health, or the
        # writer's own; a share of one person's falls.
        "No supplement has been shown to cure long COVID, whatever sellers claim.\n",
        "That may be so, but not all researchers agree that melatonin helps.\n",
        "Few researchers agree on how to define burnout.\n",
        "Claims that dry brushing removes toxins aren't backed by evidence.\n",
        "Researchers agree to release the trial data by June.\n",
        "No research has backed it up.\n",
        "Official figures show Britain had its wettest February on record.\n",
        "Our latest figures show the clinic saw 2,000 patients with asthma.\n",
        "Nearly half of all my falls on the ice happened before breakfast.\n",
        "Nothing has been proven to shorten a cold.\n",
    ],
)
def test_what_is_no_blog_appeal(text: str, builtin_rules: dict[str, RuleSpec]) -> None:
    assert _lint(builtin_rules, text, "blog", ("missing-citation",)) == []


def test_some_estimates_name_no_speaker(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "Some estimates say up to 80% of adults lack magnesium.\n"
    (finding,) = _lint(builtin_rules, text, "blog", ("missing-citation",))
    assert (finding.line, finding.column) == (1, 26)


def test_a_determiner_is_no_speaker(builtin_rules: dict[str, RuleSpec]) -> None:
    # "An estimated" names nobody who answers for the figure.
    text = "An estimated 40% of adults snore.\n"
    (finding,) = _lint(builtin_rules, text, "news", ("missing-citation",))
    assert (finding.line, finding.column) == (1, 14)
    assert finding.message.startswith("'40%' needs a source")


def test_a_long_list_under_a_lead_in(builtin_rules: dict[str, RuleSpec]) -> None:
    # Its lead-in is found however far back it stands.
    text = "Magnesium can:\n\n" + "- x\n" * 41 + "- Calm your nerves\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (44, 3)


def test_a_list_under_a_lead_in_that_promises_what_each_item_does(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Magnesium helps:\n\n- Calm your nerves\n- Steady your heart rhythm\n"
    found = _lint(builtin_rules, text, "blog")
    assert [(f.line, f.column) for f in found] == [(3, 3), (4, 3)]
    assert found[0].message.startswith("'Calm' states a cause and effect")
    # A bullet a CMS left in the text makes an item too.
    text = "Ashwagandha can:\n\n  \u2022 Lower cortisol\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (3, 5)
    assert _lint(builtin_rules, text, "news") == []


@pytest.mark.parametrize(
    "text",
    [
        # A hedge, the reader's own steps, an illness that works so.
        "Magnesium may:\n\n- Calm your nerves\n",
        "You can:\n\n- Calm your nerves\n",
        "Chronic inflammation can:\n\n- Worsen insulin resistance\n",
        # A carer's or a page's work; looking at the body, ordering, including.
        "Your doctor can:\n\n- Check your blood pressure\n- Order blood tests for your thyroid\n",
        "Next week the blog will:\n\n- Explain how stress affects your gut\n",
        "Signs of dehydration can:\n\n- Include a dry mouth\n",
        # A lead-in that hedges, denies or tells what others claim.
        "Magnesium probably helps:\n\n- Calm your nerves\n",
        "Fans of celery juice claim it can:\n\n- Heal your gut\n",
        "There is no evidence that detox teas can:\n\n- Flush toxins from your liver\n",
    ],
)
def test_a_list_under_a_lead_in_that_promises_nothing(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text, "blog") == []


@pytest.mark.parametrize(
    ("text", "column", "trigger"),
    [
        ("What's really behind your bloating? Cheap olive oil.\n", 37, "Cheap olive oil"),
        ("The secret to a calm gut? Fennel tea, twice a day.\n", 27, "Fennel tea"),
        (
            "Always tired? It's because your adrenals are worn out.\n",
            15,
            "It's because your adrenals are worn out",
        ),
    ],
)
def test_the_answer_to_a_question_asking_for_a_cause_is_a_blog_claim(
    text: str, column: int, trigger: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, column)
    assert finding.message.startswith(f"'{trigger}' states a cause and effect")
    assert _lint(builtin_rules, text, "news") == []


@pytest.mark.parametrize(
    "text",
    [
        "Why do we catch colds? Viruses spread from person to person.\n",  # how illness works
        "What's behind your bloating? Nobody knows for sure.\n",
        "Does coffee cause cancer? No, the evidence says otherwise.\n",
        "What's behind the new menu? Our chef loves spring.\n",  # no health asked about
        # A question that asks for no cause; someone who answers.
        "Living with migraines? It's the little things that help, like a dark room.\n",
        "Got a question about back pain? Thank you for reading, and email us anytime.\n",
        "What causes hay fever? Pollen.\n",  # a textbook fact, asked and answered
        "## What causes heartburn?\n\nOur pharmacist answers readers' questions every Friday.\n",
    ],
)
def test_an_answer_that_names_no_cause_to_source(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text, "blog") == []


def test_a_testimonial_signed_in_its_attribution_is_the_sellers_claim(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = '"This tea cured my IBS," writes Sam, a Verified Buyer.\n'
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 11)
    # A named expert quoted is a speaker.
    text = '"Zinc clears up acne in most of my patients," says Dr. Ali, a dermatologist.\n'
    assert _lint(builtin_rules, text, "blog") == []


def test_a_signed_testimonial_is_the_sellers_claim(builtin_rules: dict[str, RuleSpec]) -> None:
    text = '"Honestly, this balm cleared up my eczema in a week." - Maya, verified buyer\n'
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 22)
    assert finding.message.startswith("'cleared up' states a cause and effect")
    # Someone quoted and named is a speaker, not a customer.
    text = '"This balm cleared up my eczema," my sister told me.\n'
    assert _lint(builtin_rules, text, "blog") == []


def test_a_harm_of_what_a_reader_does_is_a_blog_claim_not_a_warning(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Drinking five cans of soda a day can lead to kidney stones.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 34)
    assert finding.message.startswith("'can lead to' states a cause and effect")
    # A news story warning of a harm gives its readers what they need.
    assert _lint(builtin_rules, text, "news") == []


@pytest.mark.parametrize(
    "text",
    [
        "Untreated sleep apnea can lead to high blood pressure.\n",  # a disease's harm
        "Niacin can cause flushing and nausea.\n",  # a side effect
        "Too much caffeine can raise your heart rate.\n",  # too much of it
    ],
)
def test_a_harm_told_as_a_warning_in_a_blog(text: str, builtin_rules: dict[str, RuleSpec]) -> None:
    assert _lint(builtin_rules, text, "blog") == []


def test_a_hedge_in_a_relative_clause_after_the_claim_hedges_only_that_clause(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Cinnamon helps lower blood sugar, which may protect your kidneys.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 10)
    assert finding.message.startswith("'helps lower' states a cause and effect")
    # A hedge on the claim's own verb still hedges it.
    text = "Cinnamon may help lower blood sugar, which protects your kidneys.\n"
    assert _lint(builtin_rules, text, "blog") == []


def test_a_disease_named_above_is_what_it_points_back_to(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Rosacea is a skin condition of the face.\n\nIt often causes flushed cheeks.\n"
    assert _lint(builtin_rules, text, "blog") == []
    # A disease word that only qualifies a product names no disease at work.
    text = "Rosacea serums calm your skin overnight.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 16)
    assert finding.message.startswith("'calm' states a cause and effect")


def test_a_plural_noun_before_a_verb_is_no_verb(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "Most juice cleanses involve big changes to your diet.\n"
    assert _lint(builtin_rules, text, "blog") == []


def test_a_title_case_line_over_prose_is_no_part_of_its_sentence(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = (
        "A Beginner's Guide to Massage and Its Many Benefits\n"
        "Why Massage Therapy Matters\n"
        "Massage therapy is a hands-on practice.\n"
    )
    assert _lint(builtin_rules, text, "blog") == []


def test_this_goes_on_from_a_hedged_sentence_in_a_blog(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "Some think green tea speeds up fat burning. This helps you lose weight faster.\n"
    assert _lint(builtin_rules, text, "blog") == []
    # Said flatly, it is a claim; so is a new subject after a hedged sentence.
    text = "Green tea speeds up fat burning. This helps you lose weight faster.\n"
    assert [f.column for f in _lint(builtin_rules, text, "blog")] == [11, 39]
    text = "Green tea may speed up fat burning. It also melts belly fat.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert finding.message.startswith("'melts' states a cause and effect")


def test_a_reaction_is_a_side_effect_told_as_a_warning(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "Sesame can occasionally cause a reaction in people with a nut allergy.\n"
    assert _lint(builtin_rules, text, "blog") == []
    assert _lint(builtin_rules, text, "news") == []


@pytest.mark.parametrize(
    ("text", "cue", "column"),
    [
        ("Eczema flares are triggered by gluten.\n", "triggered", 19),
        ("Psoriasis is caused by eating nightshades.\n", "caused", 14),
    ],
)
def test_what_a_disease_is_caused_by_is_a_blog_claim(
    text: str, cue: str, column: int, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, column)
    assert finding.message.startswith(f"'{cue}' states a cause and effect")


@pytest.mark.parametrize(
    "text",
    [
        "Most stomach ulcers are caused by an infection.\n",
        "A cluster headache is caused by abnormal activity in the brain.\n",
        "Hives are a skin rash. They can be triggered by many things.\n",
    ],
)
def test_a_disease_caused_by_illness_is_how_illness_works(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text, "blog") == []


def test_what_one_learns_is_no_cause_of_health(builtin_rules: dict[str, RuleSpec]) -> None:
    text = "Most adults can benefit from reading about sleep hygiene.\n"
    assert _lint(builtin_rules, text, "blog") == []
    text = "Most adults can benefit from magnesium gummies.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 13)
    # A consensus fact needs no source: lifestyle changes lower cholesterol (NHLBI).
    text = "Heart-healthy lifestyle changes can lower your cholesterol.\n"
    assert _lint(builtin_rules, text, "blog") == []


def test_a_year_alone_names_no_study_in_a_blog(builtin_rules: dict[str, RuleSpec]) -> None:
    select = ("missing-citation",)
    text = "A 2021 study found that 40% of runners stretch too little.\n"
    (finding,) = _lint(builtin_rules, text, "blog", select)
    assert (finding.line, finding.column) == (1, 1)
    assert finding.message == (
        "'A 2021 study found' needs a source: link the study, add a footnote or say who "
        "published it and where."
    )
    # Who did it names it; a news story's year points to the study its lede names.
    text = "A 2021 study by the Royal College of Nursing found that 40% of nurses skip lunch.\n"
    assert _lint(builtin_rules, text, "blog", select) == []
    text = "A 2021 study found that 40% of runners stretch too little.\n"
    assert _lint(builtin_rules, text, "news", select) == []


def test_a_profession_that_agrees_names_nobody(builtin_rules: dict[str, RuleSpec]) -> None:
    select = ("weasel-attribution",)
    text = "Midwives swear by raspberry leaf tea in the last weeks.\n"
    (finding,) = _lint(builtin_rules, text, "blog", select)
    assert (finding.line, finding.column) == (1, 1)
    assert finding.message.startswith("'Midwives swear by' attributes the point to nobody")


def test_a_line_with_a_bullet_markdown_does_not_know_is_no_headline(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    select = ("missing-citation",)
    text = "✔ 87% of users saw calmer skin in two weeks\n"
    (finding,) = _lint(builtin_rules, text, "blog", select)
    assert (finding.line, finding.column) == (1, 3)
    assert finding.message.startswith("'87%' needs a source")


def test_an_instruction_in_other_words_of_a_claims_verb_leaves_the_claim_standing(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    # "cut out" is an instruction here, not the claim's own word in another sense.
    text = "Cutting out gluten will clear up your skin in a week.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 20)
    assert finding.message.startswith("'will clear up' states a cause and effect")
    # Where the other sense is the claim's own word, it still passes.
    assert _lint(builtin_rules, "The surgeon cut out the cyst.\n", "blog") == []
    # A noun, its adverb, then its verb: "cleanses often involve".
    text = "Cleanses often involve juice and little else.\n"
    assert _lint(builtin_rules, text, "blog") == []
    # Ice that melts under the tongue melts nothing in the body.
    text = "Let the ice chips melt under your tongue.\n"
    assert _lint(builtin_rules, text, "blog") == []


@pytest.mark.parametrize(
    "text",
    [
        "Fold the dough and you'll finish five minutes faster.\n",
        "Doubling the recipe doubles the risk of a soggy bottom.\n",
        "My grandmother lived ten years longer than her sister.\n",
    ],
)
def test_a_measured_effect_is_a_statistic_only_about_health(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text, "blog", ("missing-citation",)) == []


def test_a_source_is_who_did_the_study_not_who_sells_or_pays(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    select = ("missing-citation",)
    text = "A study from the University of Leeds found that 30% of adults snack at night.\n"
    assert _lint(builtin_rules, text, "blog", select) == []
    text = "A survey from Our Sleep Shop found that 30% of teens sleep badly.\n"
    (finding,) = _lint(builtin_rules, text, "blog", select)
    assert finding.message.startswith("'30%' needs a source")


def test_a_year_alone_is_no_source_for_a_blog_post_either(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    select = ("sources-missing",)
    text = (
        "# Sleep and snacks\n\n"
        + "A 2019 study found that people who sleep less snack more at night. " * 30
        + "\n"
    )
    blog = _lint(builtin_rules, text, "blog", select)
    assert [f.rule for f in blog] == ["sources-missing"]
    assert _lint(builtin_rules, text, "news", select) == []


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("A humidifier in the nursery is your best defence against croup.", 29),
        ("Damp weather is what sets off your migraines.", 22),
        ("Tight shoes are to blame for bunions.", 13),
        ("Seed oils are the hidden spark behind modern inflammation.", 11),
        ("Skipping breakfast sets you up for weight gain.", 20),
        ("Probiotics lift depression.", 12),
        ("Eating after 8 p.m. packs on belly fat.", 21),
        ("Mould is the root of chronic fatigue.", 7),
        ("Sparkling water is quietly eating away at your enamel.", 17),
        # A noun in "us" or "ss" is no plural subject: the verb is the next word but one.
        ("Eucalyptus steam loosens mucus in your chest.", 18),
        # Two claims joined: the first one's verb is the one reported.
        ("Breakfast smoothies spike your insulin and set you up for a day of hunger.", 21),
        # ...unless only the second one acts on health: then it is.
        ("Underwire bras block lymph flow and lead to breast cysts.", 37),
        ("Sulfate shampoos strip the scalp of its natural oils and weaken your hair.", 58),
        ("Phones are a hidden cause of male infertility.", 8),
        ("Napping after 3pm ruins your night's sleep.", 19),
        # A subject that lists things or says them again, between commas.
        ("Nightshades like tomatoes, peppers and aubergines inflame arthritic joints.", 51),
        ("Lemon balm tea, sipped slowly, calms a racing mind in minutes.", 32),
        # The effect told first, then the change that brings it.
        ("Menopause brain fog lifts once you cut out alcohol and gluten.", 21),
        ("Weighted blankets quieten racing thoughts, so you'll fall asleep faster.", 44),
        ("Box breathing switches off your fight-or-flight response.", 15),
        # "nerve pain" ails a reader; a nerve alone is how the body works.
        ("Relieves nerve pain at the source", 1),
        ("Cold showers stop night cramps.", 14),
        ("Cold showers keep your dopamine up for hours.", 14),
        # Taste buds are a part of the body, not the taste of food.
        ("Quitting sugar resets your taste buds.", 16),
        # Hormones by name, right after the verb.
        ("Scrolling in bed shuts down melatonin for hours.", 18),
        ("Switching to almond milk ends bloating.", 26),
        # The writer's own opening words come before the subject.
        ("Over time, sugar starves the good bacteria in your gut.", 18),
        ("Honestly, this tea fixes bloating.", 20),
        ("For most women, collagen plumps up your skin.", 26),
        # A drug it is said to beat.
        ("Magnesium works better than any sleeping pill.", 11),
        ("Lifting to failure is the only way to trigger muscle growth.", 20),
        ("Eating after 8 p.m. sends food straight into fat storage.", 21),
        ("Bone broth is the ultimate gut healer.", 28),
        ("B12 shots give seniors a burst of energy.", 11),
        # A result promised by a deadline, as a product line.
        ("Better sleep in a week", 1),
        ("Fewer breakouts in just two weeks!", 1),
        ("After 40, strength training rebuilds your bones.", 29),
        # Eating into fat stores moves nothing; a path with what happens there is a claim.
        ("Fasted cardio eats into your fat stores.", 15),
        ("Activated charcoal moves through your gut and absorbs toxins.", 20),
    ],
)
def test_a_cause_named_in_more_blog_words(
    text: str, column: int, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text + "\n", "blog")
    assert (finding.line, finding.column) == (1, column)
    assert _lint(builtin_rules, text + "\n", "news") == []


def test_a_part_of_the_body_must_be_the_one_that_helps(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    # "liver" opens the subject, but the tea is what helps.
    (finding,) = _lint(builtin_rules, "The liver detox tea helps your body burn fat.\n", "blog")
    assert (finding.line, finding.column) == (1, 21)


@pytest.mark.parametrize(
    "text",
    [
        "This course sets you up for success.",
        "A 7-day PCOS meal plan for weight loss",
        "Antibiotics are useless against cold viruses.",
        "What is the main thing that sets off a migraine?",
        # A comma that ends an opening phrase or a clause ends the subject too.
        "In plank, keep your wrists stacked under your shoulders and your hips level.",
        "For the study, researchers recruited 300 people who had vertigo.",
        "In Belgium, engineer and physicist Jan Peeters is pioneering a therapy that targets"
        " cancers.",
        "The main running injuries include shin splints, Achilles tendon injuries, and plantar"
        " fasciitis.",
        # People are no verb, nor is what they own.
        "Those parents get their own child's blood back.",
        "Many of these patients find themselves stuck with depression and fatigue.",
        "By exploring these topics, readers will gain a deeper understanding of sleep apnea.",
        # After "and" only a known verb of health is a second verb; the body or a disease
        # doing two things is still how it works.
        "Coffee contains antioxidants and polyphenols your body loves.",
        "Diabetes damages the nerves in your feet and leads to ulcers.",
        "Your liver filters your blood and removes toxins.",
        "The pancreas makes insulin.",
        # What a part of the body helps with is its work; going through it is no effect.
        "Your liver helps your body digest food.",
        "Your gut bacteria help your body absorb nutrients.",
        "Only nutrient-rich blood can pass through your liver, not the food.",
        "Oxygen travels through your blood to every cell.",
        # How common a cause is describes an illness.
        "Falls are a common cause of injury in older adults.",
        "Low sperm count is a main cause of male infertility.",
        "The illness often prevents them from dealing with the original trauma.",
        "This app works better than a paper planner.",
        "Better results in two weeks",
        "Currently, the only way to tell them apart is a scan.",
        "Clinical trials can better focus their efforts on early cases.",
        # From an independent review: the body as the subject of two verbs, things named
        # after a drug, planning, an instruction, hedging adverbs, a drug one injects.
        "Your lungs take in oxygen and remove carbon dioxide from your blood.",
        "Your ovaries make oestrogen.",
        "The new pill organiser works better than the old pill box.",
        "Our repeat prescription app works faster than calling the pharmacy.",
        "Set a reminder on your phone so you won't forget your blood pressure tablets.",
        "Keep your hips high and your core tight in plank.",
        "Usually, antibiotics clear the infection within a week.",
        "Brain fog often lifts once you start treatment for an underactive thyroid.",
        "My son injects insulin before every meal.",
        "A pinch of salt improves the taste of the sauce.",
    ],
)
def test_no_cause_in_these_blog_words(text: str, builtin_rules: dict[str, RuleSpec]) -> None:
    assert _lint(builtin_rules, text + "\n", "blog") == []


def test_keeping_people_from_harm_is_an_outcome(builtin_rules: dict[str, RuleSpec]) -> None:
    # Whoever "them" are, keeping them from falling is no mechanism in the body.
    text = "Chair yoga restores balance and keeps them from falling.\n"
    for genre in ("blog", "news"):
        (finding,) = _lint(builtin_rules, text, genre)
        assert (finding.rule, finding.line, finding.column) == (UCC, 1, 12)


@pytest.mark.parametrize(
    ("text", "column", "trigger"),
    [
        # What an ailment is said to do once gone, after an instruction or a condition.
        ("Cut out dairy and acne is gone in a week.", 19, "acne is gone"),
        (
            "If you foam roll every day, your shin splints will never come back.",
            29,
            "your shin splints will never come back",
        ),
        (
            "Chew each bite slowly and bloating becomes a thing of the past.",
            27,
            "bloating becomes a thing of the past",
        ),
        ("If you cut out gluten, your migraines will stop.", 24, "your migraines will stop"),
        # A cure told in the passive, by a deadline or with its agent.
        ("Type 2 diabetes can be reversed in 30 days.", 17, "can be reversed in 30 days"),
        (
            "Sugar cravings are crushed by a spoonful of vinegar.",
            16,
            "are crushed by",
        ),
        # What keeps the body as it should be, and what it is that does it.
        ("Moringa keeps blood sugar steady all afternoon.", 9, "keeps blood sugar steady"),
        ("Electrolyte tablets are what stop cramps.", 21, "are what stop"),
        (
            "Tracking your sleep keeps injuries from ever happening.",
            21,
            "keeps injuries from ever happening",
        ),
        # A subject said again between commas.
        (
            "Grounding, or walking barefoot on grass, drains inflammation.",
            42,
            "drains",
        ),
        # A hedge in a comparison or a result after the claim is that clause's own.
        (
            "Cold showers ward off colds better than any flu jab ever could.",
            14,
            "ward off",
        ),
        (
            "Cinnamon balances blood sugar so well that you may be able to stop your pills.",
            10,
            "balances",
        ),
        ("Coffee stunts your growth.", 8, "stunts"),
        ("Ginger aids digestion.", 8, "aids"),
        # A question that asks for a fix or an outcome, answered.
        ("Want glowing skin? Drink more water.", 20, "Drink more water"),
        ("What fixes a sluggish thyroid? Brazil nuts.", 32, "Brazil nuts"),
        # A drug named after "nature's" in a headline, or beaten.
        ("Turmeric: nature's ibuprofen.", 11, "nature's ibuprofen"),
        ("Fish oil beats antidepressants at lifting low mood.", 10, "beats antidepressants"),
        ("These gummies are the best fix for jet lag.", 15, "are the best fix for"),
        # The reason the writer gives, and a cure named as the one medicine.
        (
            "We use bone broth in this risotto because it rebuilds worn-down cartilage.",
            46,
            "rebuilds",
        ),
        ("Ballroom dancing is the best medicine for a failing memory.", 18, None),
        ("A bowl of kimchi is nature's cure for constipation.", 21, None),
        ("Skipping breakfast is what pushes your fasting glucose up.", 20, None),
        ("Red yeast rice works as well as a statin.", 16, None),
        # From the review: more ways to say an ailment is gone, and a cure in the past.
        ("Cut out dairy and your eczema is history.", 19, None),
        ("Drink this tea every morning and bloating is a thing of the past.", 34, None),
        ("Try our gut reset and your IBS won't ever come back.", 23, None),
        ("Type 2 diabetes was reversed in 30 days on our programme.", 17, None),
        ("Cinnamon keeps blood sugar levels stable all day.", 10, None),
        # A health word that only qualifies the subject makes no body of it.
        ("Resveratrol is the anti-ageing molecule that keeps your brain sharp.", 46, None),
        ("The women who drop caffeine get pregnant faster.", 5, None),
        # A label and what it does, as recipe notes write it.
        ("Ginger: soothes nausea and bloating.", 9, "soothes"),
        # What a food is rich in, and what that does; a drug a food works as.
        ("Spinach is rich in iron, which helps fight fatigue.", 32, None),
        ("Garlic works as a natural antibiotic.", 8, "works as a natural antibiotic"),
        ("Ketones fuel the brain, and that is why keto wipes out migraines.", 46, None),
        # Adjectives listed between commas, and a claim in a clause of its own after one
        # that states a fact.
        ("A low-carb, high-fat diet reverses type 2 diabetes.", 27, "reverses"),
        (
            "Ketones fuel the brain better than glucose, which is why keto wipes out migraines.",
            63,
            "wipes out",
        ),
    ],
)
def test_a_cause_in_the_shapes_of_a_fifth_round(
    text: str, column: int, trigger: str | None, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text + "\n", "blog")
    assert (finding.line, finding.column) == (1, column)
    if trigger is not None:
        assert finding.message.startswith(f"'{trigger}' states a cause and effect")


@pytest.mark.parametrize(
    "text",
    [
        "Stir the sauce and the lumps will be gone.",
        # Someone's own story, and a wound that heals in its own time.
        "She had knee surgery last year, and her pain is gone.",
        "The cut is healed within two weeks.",
        # Medicine doing its work.
        "Strep throat is cured with antibiotics.",
        # A purpose is no claim.
        "She had four cycles of chemotherapy to keep the leukemia at bay.",
        "It turns out that cholesterol is not the only thing to watch.",
        # A hedge before the comparison still hedges.
        "Cold showers may ward off colds better than any flu jab.",
        # Questions answered with no remedy, and fixes of no health.
        "Want to know more about sleep? Read our guide.",
        "Need help with your diabetes? Call our clinic.",
        "This gel is the best fix for a cracked phone screen.",
        # The reason a test is named, and the body at work told with "they".
        "The test is called a liquid biopsy because it analyzes blood.",
        "Your kidneys are amazing. They filter your blood.",
        "Laughter is the best medicine.",
        "This app works just as well as the old one does.",
        # From an independent review: verbs of the kitchen and the garden, the body
        # keeping itself steady, a room warmed and a bill paid, medicine's own cures,
        # a verb acting on something else than the pronoun, answers that deny a cure,
        # advice to try, a name, a fact stated across two clauses.
        "Vinegar dissolves limescale.",
        "Too little light stunts the growth of your seedlings.",
        "Your kidneys keep your blood pressure steady.",
        "The pancreas keeps blood sugar steady by releasing insulin.",
        "Turn on the heater and the cold is gone in minutes.",
        "Pay off the credit card and the stress is gone.",
        "Chicken breasts are tamed with a quick brine.",
        "Hepatitis C can be cured in 12 weeks.",
        "Hepatitis C is cured with a short course of tablets.",
        "Your lungs clean themselves. Smoking paralyses the tiny hairs that do it.",
        "What cures a hangover? Nothing but time, sadly.",
        "What eases period pain? For most people, ibuprofen.",
        "Want to stop snoring? Try sleeping on your side.",
        "Woodlice: nature's pill bugs.",
        "Smoking narrows your arteries, which is why it raises your risk of stroke.",
        # A fact restated after a dash is still the fact.
        "Avocados contain fibre and phytosterols – all of which can help lower cholesterol.",
    ],
)
def test_no_cause_in_these_fifth_round_look_alikes(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text + "\n", "blog") == []


def test_it_or_them_after_the_verb_stands_for_what_the_sentence_before_names(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Long COVID damages your mitochondria. Cold plunges reboot them.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 52)
    assert finding.message.startswith("'reboot' states a cause and effect")
    text = "Burnout is common in office teams. Ashwagandha ends it within a month.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 48)
    assert finding.message.startswith("'ends' states a cause and effect")
    # News keeps its reading: a pronoun is no part of the body there.
    assert _lint(builtin_rules, text, "news") == []


@pytest.mark.parametrize(
    "text",
    [
        "Your joints deserve this turmeric blend. It reverses arthritis for good.",
        "Your skin will love our collagen powder. It erases wrinkles in 14 days.",
    ],
)
def test_it_after_a_sentence_on_the_body_that_names_a_remedy_is_the_remedy(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding, *_) = _lint(builtin_rules, text + "\n", "blog")
    assert (finding.line, finding.column) == (1, 45)


@pytest.mark.parametrize(
    "text",
    [
        # "it" is the liver, and that alcohol damages the liver is a textbook fact.
        "Your liver filters toxins. Alcohol damages it.",
        # A dummy "it", a name given, a preposition's object: no part of the body.
        "Women get more bladder infections. A shorter urethra makes it easier for bacteria"
        " to travel.",
        "Surgeons widen the veins. Dr Zamboni calls it the liberation procedure.",
        "Aspirin relieves pain. The Egyptians used a form of it for fevers.",
    ],
)
def test_it_or_them_that_points_back_to_no_claim(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text + "\n", "blog") == []


def test_a_business_word_that_is_a_verb_is_no_market_news(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    text = "Studies show that people who share their meals eat more greens.\n"
    for genre in ("blog", "news"):
        (finding,) = _lint(builtin_rules, text, genre, ("missing-citation",))
        assert (finding.line, finding.column) == (1, 1)
    assert (
        _lint(
            builtin_rules, "Studies show the maker's shares rose.\n", "blog", ("missing-citation",)
        )
        == []
    )


def test_a_word_in_s_after_which_is_a_verb_not_a_listed_subject(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    # "leads" after "which" is no "lead" (the metal) harming the brain: the claim stands.
    text = "Sweeteners trick your brain into craving sugar, which leads to weight gain.\n"
    (finding,) = _lint(builtin_rules, text, "blog")
    assert (finding.line, finding.column) == (1, 12)


@pytest.mark.parametrize(
    ("text", "column", "trigger"),
    [
        # Toxins moved out of the body, whatever moves them, in any order or voice.
        ("Deep twists wring toxins out of your organs.", 13, "wring"),
        ("Hot yoga sweats the toxins right out of your body.", 10, "sweats"),
        (
            "Twists wring out your organs, squeezing out the toxins stored inside.",
            31,
            "squeezing out",
        ),
        ("Toxins trapped in the lymph are swept out with every sweep.", 29, "are swept out"),
        ("Chlorella binds mercury and escorts it out of the body.", 29, "escorts"),
        ("Miso soup draws radioactive particles out of the body.", 11, "draws"),
        # One habit said to cancel another's harm.
        ("A standing desk undoes the damage of a day spent sitting.", 17, None),
        ("Two long lie-ins undo a week of short nights.", 18, "undo a week of"),
        ("Sleeping in on Saturday makes up for a week of six-hour nights.", 25, None),
        ("A seed cycling plan brings your hormones back into balance.", 21, None),
    ],
)
def test_a_cause_in_the_words_of_detoxes_and_undoing(
    text: str, column: int, trigger: str | None, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text + "\n", "blog")
    assert (finding.rule, finding.line, finding.column) == ("unsupported-causal-claim", 1, column)
    if trigger is not None:
        assert finding.message.startswith(f"'{trigger}' states a cause and effect")


@pytest.mark.parametrize(
    "text",
    [
        # The body's own organs at work: textbook facts.
        "Your liver removes toxins from your blood.",
        "Your kidneys filter waste out of your blood.",
        "The body sweeps toxins out through the lymph.",
        "Toxins are filtered out by your kidneys.",
        "The lungs remove carbon dioxide from the blood with every breath out.",
        "Your body makes up for a lost night of sleep over the next few days.",
        # Denied, asked about, reported to be questioned, or a purpose.
        "Sweating does not flush toxins out of your body.",
        "Nothing undoes the damage of smoking.",
        "Here are five ways to undo the damage of a weekend of drinking.",
        "Drink plenty of water to flush toxins out.",
        'A reader asked me whether cupping really "pulls out toxins."',
        "Fans of oil pulling claim it pulls toxins from the body, but the evidence is thin.",
        "The packaging suggests a foot soak draws impurities out through the soles.",
        "No smoothie, supplement or after-sun lotion can reverse sunburn damage.",
        # Other senses.
        "A chemical developed to help separate heavy metals from soil is sold online.",
        "Our new scheduler brings the team back into sync.",
        "The new manager undid years of progress.",
    ],
)
def test_no_cause_in_these_detox_look_alikes(text: str, builtin_rules: dict[str, RuleSpec]) -> None:
    assert _lint(builtin_rules, text + "\n", "blog") == []


_HEART_AND_BLOOD_SUGAR_CLAIMS = [
    # A product acting on a part of the body named with "the".
    ("Evening primrose oil ripens the cervix.", 22, "ripens"),
    ("Slippery elm coats the gut.", 14, "coats"),
    # A cause named as the way to an illness, or as why it came.
    ("Fruit juice is a fast track to type 2 diabetes.", 13, "is a fast track to"),
    ("The low-fat craze is why so many people became obese.", 19, "is why so many"),
    ("Eating carbs after 6 p.m. is what's keeping you overweight.", 27, None),
    # What a habit or a product will have the body do, or keeps it doing.
    ("This chamomile tea will have you sleeping like a baby.", 20, None),
    ("HIIT keeps your body burning fat for hours.", 6, "keeps your body burning"),
    ("This breakfast keeps you burning fat until lunch.", 16, "keeps you burning"),
    ("Sitting all day undoes every workout you do.", 17, "undoes every workout"),
    # The writer's own body, told in the past tense.
    ("Dandelion tea shrank my ankles.", 15, "shrank"),
    ("That habit is what keeps my triglycerides down.", 12, None),
    # A name with a number in it is a subject.
    ("CoQ10 recharges a tired heart.", 7, "recharges"),
    # An adverb before the agent, or in a progressive.
    ("High blood pressure is reversed naturally by a daily cup of garlic broth.", 24, None),
    ("Sugar is single-handedly driving the obesity epidemic.", 7, None),
    # An outcome kept from happening is still one.
    ("Mushroom coffee lowers cortisol and stops weight from piling on.", 17, "lowers"),
    # What the subject is likened to is not what acts: no textbook fact of metformin.
    ("Berberine works just like metformin to drop your blood sugar.", 11, None),
    # "Good cholesterol" is not the cholesterol saturated fat raises.
    ("Coconut oil raises your good cholesterol.", 13, "raises"),
    # What is no denial: "There's no denying…", "Nobody will tell you this, but…".
    ("There's no denying that sugar causes diabetes.", 31, "causes"),
    ("Nobody will tell you this, but celery juice cures eczema.", 45, "cures"),
]
_IMMUNITY_GUT_AND_JOINT_CLAIMS = [
    # A plural subject with what it is of, like or in, before its verb.
    ("Fermented foods like kimchi and kefir repair a damaged gut lining.", 39, "repair"),
    ("Hours of sitting crush your spinal discs.", 18, "crush"),
    ("Frozen blueberries in your smoothie shield your brain from ageing.", 37, "shield"),
    ("Spices such as turmeric and ginger calm inflamed joints.", 36, "calm"),
    # "almost always" says how often; it hedges nothing.
    ("Joint pain is almost always caused by food sensitivities.", 29, "caused"),
    # A benefit line of more than a few words.
    ("✔ Rebuilds your gut flora after antibiotics in just 7 days", 3, "Rebuilds"),
    # A heading that opens on "How" presumes the effect it tells.
    ("How Going Dairy-Free Cured My Son's Ear Infections", 22, "Cured"),
    # A verb as common outside health, with health after it.
    ("A few drops of gripe water settle colic within minutes.", 28, "settle"),
    ("Late nights sabotage your sleep.", 13, "sabotage"),
    ("Rosemary oil regrows hair just as well as minoxidil.", 14, "regrows"),
    # The reason for a health word of pain, acne or wheezing.
    ("Vitamin D drops are the reason my twins haven't had a wheezy winter since.", 17, None),
    # People told apart by what they do, and what it does to their body.
    ("Kids who play in the dirt build tougher immune systems.", 27, "build"),
    ("Babies carried in a sling build stronger immune systems.", 27, "build"),
]
_FAMILY_AND_SKIN_CLAIMS = [
    # An instruction, and what it promises the reader's own (or a child's) body.
    (
        "Brush a little almond oil along your lashes every night, and your lashes will grow"
        " thicker.",
        58,
        None,
    ),
    ("Feed them carrots every day and your child's eyesight will get sharper.", 29, None),
    ("A cup of raspberry leaf tea a day helps your embryo implant.", 35, None),
    # A fact about what the words name, told after a dash, is not the claim's.
    (
        "Walking can boost endorphin and serotonin levels—chemicals that naturally elevate mood.",
        9,
        "can boost",
    ),
    # A baby cutting a tooth is no claim; what is said beside it may be.
    ("While he's cutting a tooth, raspberry tea boosts immunity.", 43, "boosts"),
]


@pytest.mark.parametrize(
    ("text", "column", "trigger"),
    _HEART_AND_BLOOD_SUGAR_CLAIMS + _IMMUNITY_GUT_AND_JOINT_CLAIMS + _FAMILY_AND_SKIN_CLAIMS,
)
def test_a_cause_in_the_words_of_blog_posts(
    text: str, column: int, trigger: str | None, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text + "\n", "blog")
    assert (finding.rule, finding.line, finding.column) == (UCC, 1, column)
    if trigger is not None:
        assert finding.message.startswith(f"'{trigger}' states a cause and effect")


_HEART_AND_BLOOD_SUGAR_LOOK_ALIKES = [
    # Told in the past tense of things that are not health.
    "The film's box office was boosted by strong word of mouth.",
    "The team's defence was boosted by the return of their captain.",
    "She healed the rift with her sister over a long weekend.",
    # "The" names the body as textbooks do, unless a product acts on it.
    "Vaccines train the immune system to recognise specific pathogens.",
    "Alcohol is a depressant that slows down the central nervous system.",
    "Coffee reaches the brain within minutes.",
    "Vitamin D receptors exist throughout many of the body's tissues.",
    # An illness at work, a word of its name, or a verb that acts on nothing.
    "The illness affects the way their legs, heart and lungs work.",
    "There are a couple of reasons for hot flashes after breast cancer.",
    "This condition often occurs after a stroke.",
    # Denied, or what nobody can promise.
    "There's no single food that will burn fat all on its own.",
    "Nobody can honestly promise that a supplement will lower your cholesterol.",
    # Telling, not acting; the reader's own keeping; a place, not a cause.
    "Your A1c reflects your average blood sugar over the past three months.",
    "So, it's important you keep that LDL under control.",
    "Cut cholesterol out of your diet by skipping fried food.",
    "This path is a shortcut to the car park.",
    "The dentist will have you rinsing with salt water.",
    "Your doctor will have you wearing a heart monitor for 24 hours.",
    "Try to keep your knees bending slightly during the squat.",
    "The coach keeps you running laps until you drop.",
    "Screening is your ticket to catching colon cancer early.",
    "The long drive is what gave me a stiff neck.",
    # Undoing and cancelling out in a garden or a kitchen.
    "A rainy week undid all the hard work I put into my garden.",
    "A squeeze of lemon cancels out the salt in this soup.",
    # A product's side effect, a clause that describes it, a recipe.
    "Green tea stains the teeth over time.",
    "A magnesium supplement that upsets the stomach should be taken with meals.",
    "Olive oil coats the leg of lamb before roasting.",
    "Lemon juice makes the milk clot into ricotta curds.",
    # Physiology and dentistry, and a drug's own fact in a clause of its own.
    "HDL carries cholesterol away from the arteries to the liver.",
    "Your hygienist scrapes the plaque away with a small hook.",
    "Unlike metformin, which lowers blood sugar, berberine is unregulated.",
]
_IMMUNITY_GUT_AND_JOINT_LOOK_ALIKES = [
    # No verb inside what follows a plural: a study's treatment, a place's name.
    "Her doctor wants two years of Forteo to stimulate bone growth.",
    "Eight months after Pamela received therapy at Clear Passage, she was pregnant.",
    "The device uses jolts of electricity to remove tumours.",
    # A part of the body is no plural subject's phrase, nor is "this one".
    "Layers of the skin shield the body from germs.",
    "Ribs of the chest shield the heart and lungs.",
    "Stretches like this one ease tight hamstrings.",
    # A heading that names a topic, or asks how to; a sentence that asks.
    "How coffee affects your liver",
    "How to Prevent Colds This Winter",
    "How we tested whether vitamin D prevents falls",
    "How exactly acupuncture relieves pain is still unclear.",
    # A longer line that opens on a verb, about a recipe; what gets better by itself.
    "Reduces to a thick glaze after ten minutes on the stove.",
    "Heals in about two weeks if you keep the wound clean.",
    # Denied by the subject.
    "No amount of exercise is going to undo a bad diet.",
    "No pill is able to melt fat.",
    "No pill you can buy will cure diabetes.",
    # Textbook facts: what vaccines, handwashing and antibiotics do.
    "Vaccines train your immune system to recognise a specific germ.",
    "Washing your hands with soap and water removes germs.",
    "Antibiotics such as penicillin kill bacteria.",
    # Verbs as common outside health, with no health after them.
    "Tariffs crush small businesses.",
    "Storms harm crops.",
    "Trees shield the house from wind.",
    "Kids settle down after a warm bath.",
    "Arbitrators settle disputes.",
    "Builders build houses.",
    # ...or health that is not what the verb acts on.
    "Tariffs harm the health of small businesses.",
    "Foil tents shield chicken breasts from the heat.",
    "Microbes in the soil build healthier plants.",
    "Patients wondered if people who fast repair their gut.",
    "People who smoke harm their lungs.",
    "This course builds confidence.",
    # What people want to do, or need to.
    "People who want to control their blood sugar can choose from many pills.",
    "Women who have diabetes need to check their feet daily.",
]
_FAMILY_AND_SKIN_LOOK_ALIKES = [
    # A baby's teeth coming through; an illness someone goes through.
    "Most babies cut their first tooth at around six months.",
    "Most women experience hot flashes during menopause.",
    "One in three adults will suffer a back injury at some point.",
    # Too little of a vitamin is no product; an authorised health claim is a fact.
    "Vitamin C deficiency causes scurvy, which leads to bleeding gums and slow wound healing.",
    "Folic acid taken before pregnancy lowers the risk of neural tube defects.",
    # Growing what is not the body; an illness's own course; people who go through one.
    "This app helps you grow your business.",
    "This guide helps you conceive of your budget differently.",
    "Keep breastfeeding and the mastitis will usually clear up.",
    "Many new mums develop mastitis in the first weeks.",
    # A fact about what comes before the dash.
    "Avocados contain fiber and polyphenols – all of which can help lower cholesterol.",
    # Doubted in the same sentence, by trials or as a tale.
    "Give gripe water to settle colic, the packet says, but trials have found no benefit.",
    "Rub olive oil on the scalp and the cradle cap will be gone, or so the old wives' tale goes.",
    # A person, not the product; someone's quoted words; a case told in the past.
    "Given the choice, they treat eczema with creams rather than tablets.",
    "'Rub olive oil on it and the cradle cap will be gone,' my grandmother used to say.",
    "After taking folic acid for three months, the anaemia improved.",
    # Named in order to doubt it.
    "Influencers often say spearmint tea wipes out acne overnight.",
]


@pytest.mark.parametrize(
    "text",
    _HEART_AND_BLOOD_SUGAR_LOOK_ALIKES
    + _IMMUNITY_GUT_AND_JOINT_LOOK_ALIKES
    + _FAMILY_AND_SKIN_LOOK_ALIKES,
)
def test_no_cause_in_these_blog_look_alikes(text: str, builtin_rules: dict[str, RuleSpec]) -> None:
    assert _lint(builtin_rules, text + "\n", "blog", (UCC, SDC)) == []


@pytest.mark.parametrize(
    ("text", "column", "trigger"),
    [
        (
            "Someone dies of heart disease every 34 seconds.",
            1,
            "Someone dies of heart disease every 34 seconds",
        ),
        ("Type 2 diabetes now affects more than half a billion people worldwide.", 39, None),
        ("Up to three quarters of type 2 diabetes cases could be prevented.", 1, None),
        ("Heart attack symptoms are missed in more than half of emergency room visits.", 37, None),
        ("A growing body of research ties sweeteners to weight gain.", 19, "research ties"),
        ("Every 40 seconds, someone in the US has a heart attack.", 1, None),
        # A forecast about health, counts of those with an illness, a rate on average.
        ("Dementia cases are expected to triple by 2050.", 10, None),
        ("Flu sends hundreds of thousands of people to hospital every winter.", 11, None),
        ("Hundreds of thousands of children are diagnosed with ADHD each year.", 1, None),
        ("Hundreds of thousands of people are treated in hospital for flu each winter.", 1, None),
        ("Cases of dementia will triple by 2050.", 1, None),
        ("Hospital admissions for asthma are projected to rise within the next decade.", 10, None),
        ("Young children catch between six and eight colds a year on average.", 30, None),
        # "type I" is no writer of their own.
        ("Adults with type I diabetes have two to three hypos a week on average.", 34, None),
        # A study named by its year, or as "recent", names none.
        (
            "According to a 2019 study, women who sleep less show more signs of skin ageing.",
            1,
            "According to a 2019 study",
        ),
        (
            "Children who read daily do better at school, according to a recent study.",
            46,
            "according to a recent study",
        ),
        # A figure beside what a thing is made of is still one.
        (
            "Our balm is made from 100% shea butter, and 87% of users saw their eczema improve.",
            23,
            None,
        ),
        # A seller's count of those it helped, or who trust what it sells.
        ("Hundreds of women in our community have conceived on our plan.", 1, None),
        ("Over 50,000 families trust our nappy balm.", 1, "Over 50,000 families trust"),
        ("9,000+ happy customers trust our nappy balm.", 1, None),
    ],
)
def test_statistics_and_research_told_as_blogs_tell_them(
    text: str, column: int, trigger: str | None, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text + "\n", "blog", (MC,))
    assert (finding.line, finding.column) == (1, column)
    if trigger is not None:
        assert finding.message.startswith(f"'{trigger}' needs a source")


@pytest.mark.parametrize(
    "text",
    [
        # A study's own count of its cases, and shares and counts of other things.
        "Prostate cancer accounted for half of all cases.",
        "For about a third of cases of lung cancer in these patients, there had been a delay.",
        "Half of all website visits come from phones.",
        "A million people visited the museum last year.",
        "Someone rings the doorbell every five minutes.",
        "Every five minutes, someone rings the doorbell.",
        "Our podcast reaches a million people who care about their health.",
        "A million people have asked me whether coffee counts as water.",
        # A manner of speaking, a study's own, the writer's own, a forecast about other things.
        "Millions of people love a morning run.",
        "The procedure could restore the hairlines of millions of men with thinning hair.",
        "Participants were 63 on average.",
        "On average, the bus takes 20 minutes.",
        "The risk of stroke rose four to six times on average.",
        "On average, I lose two pounds a week on this plan.",
        "Hundreds of thousands of people have downloaded our free sleep app.",
        "Millions of Americans live with a roommate.",
        "Millions of Americans suffer from migraine headaches.",
        "A million people live in the hospital's catchment area.",
        "Interest rates are expected to rise by 2030.",
        "Ticket numbers will double by 2030.",
        "Your heart rate is expected to rise during exercise.",
        # What a thing is made of; a study named by its journal or publisher.
        "Our pillowcase is made from 100% mulberry silk.",
        "According to a 2019 study in the journal Sleep, women who sleep less age faster.",
        "According to a study published by the NHS, most adults need seven hours of sleep.",
        "Hundreds of families trust the school.",
        "Thousands of mums have lost sleep over teething.",
        "In 2019 most families trusted our nappy balm.",
        "According to a 2019 study out of Stanford, women who sleep less age faster.",
    ],
)
def test_no_statistic_in_these_look_alikes(text: str, builtin_rules: dict[str, RuleSpec]) -> None:
    assert _lint(builtin_rules, text + "\n", "blog", (MC,)) == []


def test_a_study_named_by_its_researchers_in_the_next_paragraph(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    claim = "Music can ease pain in people with anxiety, according to a new study.\n\n"
    named = (
        claim + "Researchers from the University of Utah Pain Research Center studied 143 people.\n"
    )
    assert _lint(builtin_rules, named, "blog", (MC,)) == []
    unnamed = claim + "The research included 143 people.\n"
    (finding,) = _lint(builtin_rules, unnamed, "blog", (MC,))
    assert (finding.line, finding.column) == (1, 45)
    assert finding.message.startswith("'according to a new study' needs a source")


WEASEL = "weasel-attribution"


@pytest.mark.parametrize(
    ("text", "column", "trigger"),
    [
        # Doubt about something else does not take the appeal back.
        ("Experts say turmeric cures arthritis, but there is little data on dosing.", 1, None),
        (
            "Doctors are now warning that fruit juice is as bad for you as soda.",
            1,
            "Doctors are now warning",
        ),
        ("Neuroscientists say it takes 66 days to form a new habit.", 1, "Neuroscientists say"),
        # A share of unnamed experts is still unnamed.
        ("The majority of experts agree that seed oils are toxic.", 17, None),
        # A platform is no source.
        ("Experts say detox teas work, per Instagram.", 1, "Experts say"),
    ],
)
def test_unnamed_experts_and_specialists(
    text: str, column: int, trigger: str | None, builtin_rules: dict[str, RuleSpec]
) -> None:
    (finding,) = _lint(builtin_rules, text + "\n", "blog", (WEASEL,))
    assert (finding.line, finding.column) == (1, column)
    if trigger is not None:
        assert finding.message.startswith(f"'{trigger}' attributes the point")


@pytest.mark.parametrize(
    "text",
    [
        # A trend a study counts, or the writer's own doctors.
        "The studies suggest that fewer physicians are recommending annual scans.",
        "My doctors are recommending surgery, but I want a second opinion.",
        "Few doctors are recommending fasting for pregnant women.",
        "My son's neurologists said he would walk again.",
        "Her two neurologists said he would walk again.",
        # Specialists who are the place where others spoke, or named by a source after.
        "Researchers at a meeting of oncologists have said the test works.",
        "Most allergists now recommend early peanut exposure, per the AAP guidelines.",
        # A belief named in order to doubt it.
        "It's often said that chocolate causes acne, but there is little evidence for it.",
    ],
)
def test_no_appeal_to_unnamed_experts_in_these(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    assert _lint(builtin_rules, text + "\n", "blog", (WEASEL,)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Claims that alkaline water prevents cancer don't hold up.",
        "The idea that alkaline water prevents cancer has been debunked.",
    ],
)
def test_a_claim_named_as_an_idea_is_not_made(
    text: str, builtin_rules: dict[str, RuleSpec]
) -> None:
    rules = (UCC, SDC, "known-myth")
    assert _lint(builtin_rules, text + "\n", "blog", rules) == []


def test_a_claim_named_as_an_idea_and_called_true_is_made(
    builtin_rules: dict[str, RuleSpec],
) -> None:
    found = _lint(
        builtin_rules, "The idea that garlic prevents colds is true.\n", "blog", (SDC, "known-myth")
    )
    assert sorted((f.rule, f.column) for f in found) == [("known-myth", 15), (SDC, 22)]
    # ...but not when called untrue, or true only in part.
    for text in (
        "The idea that garlic prevents colds is not true.",
        "The notion that cold weather causes colds is true only in a narrow sense.",
    ):
        assert _lint(builtin_rules, text + "\n", "blog", (SDC, "known-myth")) == []
