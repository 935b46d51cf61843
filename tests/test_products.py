"""supplement-disease-claim's reading of a sentence: which words make a disease claim."""

from __future__ import annotations

import csv

import pytest

from conftest import Lint
from healthlint.claims.products import disease_claim, load_lexicon
from healthlint.claims.vocabulary import rejects


def _claim(sentence: str, about_products: bool = False) -> str | None:
    claim = disease_claim(load_lexicon(), sentence, about_products)
    return None if claim is None else sentence[claim.start : claim.end]


@pytest.mark.parametrize(
    ("sentence", "about", "claim"),
    [
        # The disease first, the product after it.
        (
            "Migraines can be eased and treated with peppermint oil.",
            False,
            "Migraines can be eased and treated with peppermint oil",
        ),
        ("Psoriasis is not cured by peppermint oil.", False, None),
        (
            "Gout can be treated with this little berry.",
            True,
            "Gout can be treated with this little berry",
        ),
        ("Gout can be treated with medication and rest.", True, None),
        # The claim ends at the product's name, however the line is broken.
        (
            "Gout can be eased with\n    peppermint oil, which I buy online.",
            False,
            "Gout can be eased with\n    peppermint oil",
        ),
        # "Help" names a disease claim only with the disease right after it.
        ("It is said to help heartburn after meals.", True, "help heartburn"),
        ("It helps you relax when anxiety keeps you up.", True, None),
        # The post's product as a pronoun after "research shows that".
        (
            "Some research shows that it may be effective in easing gout.",
            True,
            "effective in easing gout",
        ),
        ("Some research shows that it may be effective in easing gout.", False, None),
        # Names as typeset, and plurals in "ies".
        ("St. John’s wort can ease mild depression.", False, "ease mild depression"),
        ("Home remedies can relieve eczema flares.", False, "relieve eczema"),
        # Verbs of relief in everyday words, and products and diseases of the curated lists.
        (
            "Cranberry juice keeps urinary tract infections at bay.",
            False,
            "keeps urinary tract infections",
        ),
        ("Rosemary oil can regrow hair lost to alopecia.", False, "regrow hair lost to alopecia"),
        ("A mug of ginger tea settles morning sickness.", False, "settles morning sickness"),
        (
            "Berberine is nature's metformin for women with PCOS.",
            False,
            "nature's metformin for women with PCOS",
        ),
        ("Our omega-3 gummies help kids with ADHD stay focused.", False, "help kids with ADHD"),
        (
            "Ginkgo biloba guards against Alzheimer's disease.",
            False,
            "guards against Alzheimer's disease",
        ),
        ("Curcumin supplements slow Alzheimer's disease.", False, "slow Alzheimer's disease"),
        ("Melatonin gummies fix insomnia in a week.", False, "fix insomnia"),
        ("Elderberry syrup can cut the risk of flu.", False, "cut the risk of flu"),
        # An instruction about the product, a compound, a "for" far from its disease.
        ("Halt creatine for a week if you notice nausea.", False, None),
        ("Slow-release niacin can cause nausea in some people.", False, None),
        # A cue opening the sentence with no word after it.
        ("Relieve: arthritis pain with turmeric.", False, None),
        # Exercise is not a product, even when called a remedy.
        ("Walking is one of the best natural remedies for anxiety.", False, None),
        # A blog's own verb for what a product does to a disease.
        ("Horse chestnut cream fades varicose veins.", False, "fades varicose veins"),
        ("Cranberry tablets flush out bladder infections.", False, "flush out bladder infections"),
        # ...but not a harm it brings on, nor a disease in a clause of its own.
        ("Too much zinc can trigger nausea.", False, None),
        ("Chamomile helps you unwind when insomnia strikes.", False, None),
        # Named by what it is for; not a doctor's treatment.
        (
            "Pumpkin seeds are a folk treatment for intestinal worms.",
            False,
            "folk treatment for intestinal worms",
        ),
        (
            "Tart cherry juice is a must-have for anyone with gout.",
            False,
            "must-have for anyone with gout",
        ),
        ("Ibuprofen is a common treatment for headaches.", False, None),
        ("Honey can quiet a nighttime cough.", False, "quiet a nighttime cough"),
        (
            "Thyme honey is a natural antibiotic for chest infections.",
            False,
            "natural antibiotic for chest infections",
        ),
        ("Warm castor oil packs dissolve ovarian cysts.", False, "dissolve ovarian cysts"),
        ("Dissolve the tablet in warm water.", False, None),
        ("St. John's wort lifts mild depression.", False, "lifts mild depression"),
        ("Lift the weights slowly to avoid back pain.", False, None),
        # A customer's story is the seller's claim (FTC).
        (
            "After a month on the nettle tincture, my hay fever finally cleared up.",
            False,
            "nettle tincture, my hay fever finally cleared up",
        ),
        ("I tried turmeric but my arthritis has not improved.", False, None),
        # Doubted, a study in animals, or someone else's words: no claim of the post's.
        ("Copper bracelets for arthritis work mostly as placebos.", False, None),
        ("Echinacea for colds has been controversial for years.", False, None),
        ("Green tea slowed tumour growth in animal studies.", False, None),
        (
            '"It eases heartburn," says Dr. Ana Ruiz, who treats reflux patients.',
            False,
            None,
        ),
        (
            "Our electrolyte mix stops dehydration headaches.",
            False,
            "stops dehydration",
        ),
        # Foods are products too, and so is the seller's own brand.
        ("Walnuts prevent heart disease.", False, "prevent heart disease"),
        ("Our Sinus Clear drops knock out sinus infections.", False, "knock out sinus infections"),
        ("Our clinic doctors treat eczema.", False, None),
        ("Our NHS physiotherapists treat back pain.", False, None),
        # A particle after what it acts on.
        (
            "Our beetroot powder brings high blood pressure down.",
            False,
            "brings high blood pressure",
        ),
        # A benefit line after a label of its own, in a post about a product.
        ("What it does: Calms the itching of psoriasis.", True, "Calms the itching of psoriasis"),
        # Doubted later in the sentence; said of a drug; a drug set beside the product.
        (
            "Some people swear copper bracelets ease arthritis, but there is no evidence.",
            False,
            None,
        ),
        ("Red wine mimics a drug used to prevent breast tumors.", False, None),
        # The drugs of drugs.csv are no products either.
        ("Red wine mimics a painkiller used to treat migraines.", False, None),
        ("Ginger tea after the surgery eases nausea.", False, "eases nausea"),
        ("It was approved by the FDA to treat asthma.", True, None),
        ("Apples have been cited as preventing cancer.", False, None),
        ("Tonic water has quinine, which was once used to treat malaria.", False, None),
        ("Our kale soup brings everyone down, even my son with ADHD.", False, None),
        (
            "Ginger, the herb that beat the drugs in trials, cures nausea.",
            False,
            "beat the drugs in trials, cures nausea",
        ),
        ("Walnuts suit anyone on a medication that treats high blood pressure.", False, None),
        # An instruction to use a product, and the disease it then ends.
        (
            "Rub a little castor oil on the scalp and the cradle cap will be gone in a week.",
            False,
            "castor oil on the scalp and the cradle cap will be gone",
        ),
        (
            "Warm a few drops and place them in the ear to clear up an ear infection.",
            True,
            "a few drops and place them in the ear to clear up an ear infection",
        ),
        ("Add honey to warm water and drink it when you have a cold.", True, None),
        ("Take it easy for a few days and the mastitis should settle.", True, None),
        ("Use coconut oil on the scalp, and see a doctor if cradle cap spreads.", False, None),
        # The product named by a pronoun after how it is used, in a post about it.
        ("Applied nightly, it clears up rosacea.", True, "clears up rosacea"),
        ("Given daily, they help prevent eczema.", True, "prevent eczema"),
        # A disease gone after a time on the product, told of anyone.
        (
            "Within two weeks of taking our zinc capsules, acne is gone for good.",
            False,
            "zinc capsules, acne is gone",
        ),
        # Too little of a product acts, not the product.
        ("Zinc deficiency slows wound healing and causes hair loss.", False, None),
        ("A lack of iron leaves you tired and brings on anaemia.", False, None),
        # Diseases of pregnancy and breastfeeding.
        ("Cabbage leaves clear up mastitis.", False, "clear up mastitis"),
        ("Magnesium helps prevent preeclampsia.", False, "prevent preeclampsia"),
        # A harm, not a treatment.
        ("Bath salts can irritate the skin of people with eczema.", False, None),
        # Promoters who say so question it.
        ("Influencers often say spearmint tea wipes out acne overnight.", False, None),
        # "It" after what the writer likens it to or adds, or taken.
        (
            "As a natural antihistamine, it may help reduce asthma attacks.",
            True,
            "reduce asthma",
        ),
        ("As an antihistamine, it may help reduce asthma attacks.", True, None),
        (
            "Drinking it every day may lower your risk of breast cancer.",
            True,
            "lower your risk of breast cancer",
        ),
        ("CBD oil is a natural answer to sciatica.", False, "is a natural answer to sciatica"),
        (
            "Coconut oil can halt mild cognitive impairment.",
            False,
            "halt mild cognitive impairment",
        ),
        # Apple cider vinegar as blogs and labels shorten it.
        ("A spoonful of ACV before meals stops heartburn.", False, "stops heartburn"),
    ],
)
def test_disease_claims(sentence: str, about: bool, claim: str | None) -> None:
    assert _claim(sentence, about) == claim


def test_a_textbook_fact_is_no_disease_claim_but_one_in_the_object_is(lint: Lint) -> None:
    fact = "Folic acid taken before pregnancy lowers the risk of neural tube defects.\n"
    assert lint(fact, select=["supplement-disease-claim"]) == []
    # A claim after the fact is still one.
    (after,) = lint(
        "Oats lower cholesterol and reverse type 2 diabetes.\n", select=["supplement-disease-claim"]
    )
    assert (after.line, after.column) == (1, 28)
    text = "Colloidal silver kills the viruses behind colds.\n"
    (finding,) = lint(text, select=["supplement-disease-claim"])
    assert (finding.line, finding.column) == (1, 18)
    assert finding.message.startswith("'kills the viruses' says a product treats")


def test_a_passive_claim_is_reported_from_the_disease(lint: Lint) -> None:
    text = "# Elderberry\n\nMost colds and flu can be eased with elderberry syrup.\n"
    (finding,) = lint(text, select=["supplement-disease-claim"])
    assert (finding.line, finding.column) == (3, 6)
    assert finding.message.startswith(
        "'colds and flu can be eased with elderberry syrup' says a product treats"
    )


@pytest.mark.parametrize(
    "name", ["products.csv", "diseases.csv", "body.csv", "drugs.csv", "medicine.csv", "health.csv"]
)
def test_every_curated_term_has_its_source(name: str) -> None:
    from importlib.resources import files

    text = files("healthlint.claims").joinpath("knowledge", name).read_text("utf-8")
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    terms = [row["term"] for row in rows]
    assert rows and all(row["term"].strip() and row["source"].strip() for row in rows)
    assert len(terms) == len(set(terms)), "a term is listed twice"
    if name == "body.csv":
        assert {row["group"] for row in rows} == {"part", "outcome"}
    if name == "health.csv":
        assert {row["group"] for row in rows} == {"outcome", "word"}


def test_every_curated_verb_has_a_reading_and_its_source() -> None:
    from healthlint.claims.curated import curated_rows

    rows = curated_rows("verbs.csv")
    assert rows and all(row["verb"] and row["source"] for row in rows)
    assert {row["reading"] for row in rows} == {
        "model",
        "model-blogs",
        "particle",
        "wording",
        "general",
    }
    keys = [(row["verb"], row["reading"], row["particles"]) for row in rows]
    assert len(keys) == len(set(keys)), "a verb is listed twice under one reading"
    # Spelled forms are base, third person, past, gerund and maybe another participle.
    assert all(len(row["forms"].split("|")) in (4, 5) for row in rows if row["forms"])
    assert all(row["particles"] for row in rows if row["reading"] == "particle")


def test_a_claim_the_next_sentence_rejects_is_not_made(lint: Lint) -> None:
    rules = ["supplement-disease-claim", "known-myth", "weasel-attribution"]
    for text in (
        "Some websites claim apricot kernels cure cancer. They don't.\n",
        "Some people swear that honey cures hay fever. There's no good evidence that it does.\n",
        "Some coaches say coffee burns out your adrenals. There's no evidence that this happens.\n",
    ):
        assert lint(text, select=rules) == [], text
    # What the next sentence says of something else leaves the claim standing.
    (finding,) = lint(
        "Turmeric cures arthritis. It doesn't taste great, though.\n",
        select=["supplement-disease-claim"],
    )
    assert (finding.line, finding.column) == (1, 10)
    # ...and so does a rejection in another paragraph.
    (finding,) = lint("Apricot kernels cure cancer.\n\nThey don't.\n", select=["known-myth"])
    assert (finding.line, finding.column) == (1, 1)


@pytest.mark.parametrize(
    ("sentence", "rejected"),
    [
        ("They don't.", True),
        ("They don't, and eating them can cause cyanide poisoning.", True),
        ("It can't.", True),
        ("That isn't true.", True),
        ("This simply isn't true.", True),
        ("That's a total myth.", True),
        ("There's no good evidence that it does.", True),
        ("There is no evidence for it.", True),
        ("None of this is true.", True),
        ("Nope.", True),
        # Something else said of it, or the evidence on something else.
        ("It doesn't taste great, though.", False),
        ("It does not, however, raise it for long.", False),
        ("That's not the case for rheumatoid arthritis.", False),
        ("There is no evidence that it is addictive.", False),
        ("None of these are expensive.", False),
        ("Not so long ago, athletes avoided them.", False),
        ("Nope, it's not a myth.", False),
        ("That is true.", False),
    ],
)
def test_what_rejects_the_sentence_before(sentence: str, rejected: bool) -> None:
    assert rejects(sentence) is rejected
