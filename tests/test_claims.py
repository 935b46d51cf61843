"""The claim-strength model, sentence by sentence."""

from __future__ import annotations

import pytest

from healthlint.claims.model import Strength, read

DIRECT, CONDITIONAL = Strength.DIRECT, Strength.CONDITIONAL
CORRELATIONAL, NONE = Strength.CORRELATIONAL, Strength.NONE


@pytest.mark.parametrize(
    ("sentence", "strength", "cue"),
    [
        ("Hiking prevents liver cancer.", DIRECT, "prevents"),
        ("Statins reduce mortality in older adults.", DIRECT, "reduce"),
        ("Relamorelin significantly reduced vomiting.", DIRECT, "reduced"),
        ("Vitamin B12 deficiency can lead to impaired myelin formation.", DIRECT, "can lead to"),
        ("Exercise was shown to improve sleep quality.", DIRECT, "improve"),
        ("Mortality was reduced by early treatment.", DIRECT, "reduced"),
        ("Drinking water protects against kidney stones.", DIRECT, "protects against"),
        ("Coffee may lower the risk of gout.", CONDITIONAL, "may lower"),
        ("Mg appears to inhibit vascular calcification.", CONDITIONAL, "inhibit"),
        ("Coffee intake is associated with lower risk of gout.", CORRELATIONAL, "associated"),
        ("Serum levels were lower in patients than in controls.", CORRELATIONAL, None),
        ("Patients with reduced kidney function were older.", NONE, None),
        # A determiner cannot follow an adjective: this "reduced" is a verb.
        ("Statins have reduced the risk of stroke.", DIRECT, "reduced"),
        ("The number of deaths averted was modest.", NONE, None),
        ("When results in mice were published, patients called.", NONE, None),
        ("Rates of obesity increased in 2019.", NONE, None),
        ("Further studies are needed to determine the benefits of fasting.", NONE, None),
        ("Reduce your salt intake.", NONE, None),
        ("The program aimed to reduce smoking.", NONE, None),
        ("Acupuncture is more effective than sham needling.", DIRECT, "is more effective"),
        ("Turmeric is an effective treatment for arthritis.", DIRECT, "is an effective treatment"),
        # An -s form right after a verb with an object is that object, a plural noun.
        ("Inflammation is the process that makes cuts red.", NONE, None),
        ("Exercise cuts the risk of stroke.", DIRECT, "cuts"),
        # A health blog's verbs.
        ("Green tea burns belly fat.", DIRECT, "burns"),
        ("Elderberry wards off the flu.", DIRECT, "wards off"),
        ("Yoga eases chronic low back pain.", DIRECT, "eases"),
        ("The drug slashed deaths by half.", DIRECT, "slashed"),
        ("Smoking triples the risk of stroke.", DIRECT, "triples"),
        ("The treatment shrank tumours in half the patients.", DIRECT, "shrank"),
        ("She learned the steps with ease.", NONE, None),
        ("Playing video games sharpens attention.", DIRECT, "sharpens"),
        ("Omega-3s are good for your heart.", DIRECT, "are good for your heart"),
        # The same words as nouns, adjectives and names.
        ("The dreaded colon cleanse is the worst part of the test.", NONE, None),
        ("Severely burned patients need more protein.", NONE, None),
        ("The film, made with Ken Burns Presents, airs in March.", NONE, None),
        (
            "Vitamin C has a protective effect against colds.",
            DIRECT,
            "has a protective effect against",
        ),
        ("The diet had a marked effect on blood pressure.", DIRECT, "had a marked effect on"),
        ("Improvements in weight mediated the decrease in HDL.", DIRECT, "mediated"),
        ("Atrial fibrillation affects 2.6 million Americans.", NONE, None),
        ("ALS affects men more often than women.", NONE, None),
        ("The benefits and harms are still unclear.", DIRECT, "benefits"),
        ("Both groups reported damaged and diseased tissue.", NONE, None),
        ("Symptoms improved by 16 percent.", NONE, None),
        ("The device tells them to call, restrict fluid intake or rest.", NONE, None),
        # A closing bracket ends an aside; it does not start a list of findings.
        ("Two doses (given a week apart) sharply reduced pain.", DIRECT, "reduced"),
        # An adverb of manner makes an ambiguous base form a verb...
        ("Yoga and cycling positively impact mood.", DIRECT, "impact"),
        # ...but not a comparative.
        ("Scores were markedly lower in the second group than in the first.", CORRELATIONAL, None),
        # A determiner cannot follow an adjective: an ambiguous base form before one is a verb.
        ("Statins lower the risk of stroke.", DIRECT, "lower"),
        ("They cut your risk of a fall.", DIRECT, "cut"),
        # A dash right after the word: no object follows, so it is a noun here.
        ("Unless made worse by physical causes — like apnea — insomnia lasts.", NONE, None),
        # "almost double the…" is an amount.
        ("Survival was 22 months, almost double the 12 months on chemotherapy.", NONE, None),
        ("The diet lowered sugar intake, resulting in weight loss.", DIRECT, "lowered"),
        ("Staff trained volunteers, resulting in weight loss.", DIRECT, "resulting in"),
        ("In the trial, doubling the dose halved the pain.", DIRECT, "halved"),
        # A noun or adjective of efficacy that names a topic claims nothing.
        ("The trial will evaluate the efficacy of zinc in colds.", NONE, None),
        ("The safety and efficacy of the vaccine were studied.", NONE, None),
        ("Nurses should offer effective support to new mothers.", NONE, None),
        ("Zinc lozenges are a cheap and effective remedy.", DIRECT, "are a cheap and effective"),
        ("The new vaccine is safe and effective.", DIRECT, "is safe and effective"),
        ("Cycling has the largest effect on knee pain.", DIRECT, "has the largest effect on"),
        ("The trial showed no effect of zinc on colds.", DIRECT, "showed no effect of zinc on"),
        (
            "We confirmed the effectiveness of flu vaccination in children.",
            DIRECT,
            "confirmed the effectiveness of flu vaccination in",
        ),
        # "have" as an auxiliary: the researchers studied the effect; no claim.
        ("Researchers have studied the effect of zinc on colds.", NONE, None),
        # After a past form or an "-ed" compound, a participle or noun follows.
        ("Surgeons removed affected lymph nodes.", NONE, None),
        ("She sought help for his autism-related delays.", NONE, None),
        # "to help" states a purpose; "shown to help" a claim.
        ("Women took estrogen to help alleviate hot flashes.", NONE, None),
        ("Estrogen was shown to help alleviate hot flashes.", DIRECT, "alleviate"),
        # Longer verbs do not double their last consonant.
        ("Years of smoking weakened her bones.", DIRECT, "weakened"),
        ("Screening increased for older women.", NONE, None),
        # "to" after a verb starts an infinitive or a figure, not an object.
        ("Many have resolved to exercise more this year.", NONE, None),
        ("Vaccination rates increased to 80 percent.", NONE, None),
        ("The gene prompts the body to produce increased levels of a protein.", NONE, None),
        # A participle after a verb that takes a noun phrase is an adjective...
        ("A low sperm count means decreased chances of pregnancy.", NONE, None),
        ("Enzymes repair damaged DNA.", NONE, None),
        # ...as it is at the end of a list of single words that lost a comma.
        ("They had nausea, rash, fatigue decreased appetite and headaches.", NONE, None),
        # A noun before a verb; a verb with no object; a test's turnaround time.
        ("The search for a hot flash cure remains a puzzle.", NONE, None),
        ("Her wounds healed enough to walk again.", NONE, None),
        ("The new test gives sensitive results in three hours.", NONE, None),
        ("Exercise results in 3 fewer falls a year.", DIRECT, "results in"),
        # Nouns before a modal or after "all", an adjective after "percent", and an
        # imperative after a dash.
        ("Day to day triggers can include stress and alcohol.", NONE, None),
        ("Deaths due to all causes declined by 7 percent.", NONE, None),
        ("Women had a 13 percent increased risk of stroke.", NONE, None),
        ("The message is simple — reduce the amount of fat you eat.", NONE, None),
        # A modal verb with no object claims no effect on anything.
        ("Even broken hearts can heal.", NONE, None),
        ("They had counselling to help them reduce their intake.", NONE, None),
        ("Counselling helps them reduce their intake.", DIRECT, "reduce"),
        # "by" names a cause, unless an amount follows it.
        ("Deaths were reduced by 10 percent.", NONE, None),
        ("Deaths were reduced by more than half.", NONE, None),
        ("Deaths were reduced by more aggressive feeding.", DIRECT, "reduced"),
        # A base form after "a(n) <noun>" is a noun, unless the noun is a period of time.
        ("Vitamin B3 gives skin cells an energy boost each morning.", NONE, None),
        ("Patients who took it twice a day cut their risk of skin cancer.", DIRECT, "cut"),
        # A participle after "such as" or a figure is an adjective.
        ("Side effects such as increased risk of stroke are rare.", NONE, None),
        ("Those taking the drug had a 63% reduced risk of death.", NONE, None),
        # A participle after a particle is an adjective.
        ("Fasting works by clearing out damaged cells.", NONE, None),
        # A hedge in a later clause is about something else.
        (
            "A diet with brown rice improved endothelial function, possibly through lower glucose.",
            DIRECT,
            "improved",
        ),
        ("A diet with brown rice possibly improved endothelial function.", CONDITIONAL, "improved"),
        # "extend" claims an effect on survival; as a participle before a noun it is an
        # adjective.
        ("The drug combination extended survival by six months.", DIRECT, "extended"),
        ("Shares rose in extended trading.", NONE, None),
        # After "then" that follows a comma, a base form is the next step of an instruction.
        ("Heat the oil, then lower the heat and add the garlic.", NONE, None),
        ("Statins then lower the risk of a second stroke.", DIRECT, "lower"),
        # "efficacy" and "effectiveness" name what was studied, not an effect found.
        ("The efficacy of the drug was evaluated in 200 patients.", NONE, None),
        ("Cost-effectiveness and effectiveness of CBT were assessed.", NONE, None),
        # A cause named with a noun: a claim, but not a verb's.
        ("Loud music is a major cause of hearing loss.", DIRECT, "is a major cause of"),
        # "appear" hedges a participle as "appear to" hedges an infinitive.
        ("Two patients appear cured of leukemia.", CONDITIONAL, "cured"),
    ],
)
def test_strength_and_cue(sentence: str, strength: Strength, cue: str | None) -> None:
    reading = read(sentence)
    assert reading.strength is strength
    if cue is not None:
        assert reading.cue is not None
        assert sentence[reading.cue[0] : reading.cue[1]] == cue


def test_negation_is_reported_but_keeps_the_class() -> None:
    reading = read("Vitamin C does not cure the common cold.")
    assert reading.strength is DIRECT
    assert reading.denied


def test_questions_and_embedded_questions() -> None:
    assert read("Does coffee prevent gout?").question
    assert read("It is unclear whether supplements prevent fractures.").question
    assert not read("Hiking prevents gout.").question
    assert not read("What's more, hiking prevents gout.").question
    assert read("The trial set out to see which drug reduced strokes.").question
    assert read("It is hard to know who will be able to improve reading skills.").question
    assert not read("Patients who exercised reduced their blood pressure.").question


def test_participle_clauses_are_marked() -> None:
    assert read("Sugar feeds the bacteria, causing tooth decay.").participle
    assert not read("Sugar feeds the bacteria and causes tooth decay.").participle
    # "thereby" says outright that the clause is a consequence.
    assert not read("Exercise burns fat, thereby reducing weight.").participle
    # The main clause's stated effect goes before a participle clause.
    reading = read("Light has an effect on hormones, affecting sleep.")
    assert not reading.participle
    assert reading.cue is not None
    assert "effect on" in "Light has an effect on hormones, affecting sleep."[slice(*reading.cue)]


def test_past_tense_results_are_marked_as_reported() -> None:
    assert read("The drug reduced deaths by a fifth.").reported
    assert not read("The drug reduces deaths.").reported


def test_nouns_and_attributive_adjectives_are_not_verbal() -> None:
    for sentence in (
        "Beta-blockers are effective treatments for heart failure.",
        "The heart health benefits were greater in men.",
        "Research is uncovering new impacts on health.",
    ):
        reading = read(sentence)
        assert reading.strength is DIRECT
        assert not reading.verbal, sentence
    assert read("Hiking prevents gout.").verbal
    assert read("The treatment was effective in older adults.").verbal
    assert read("Ginger is an effective remedy for nausea.").verbal
    # An effective treatment that exists, said of no subject, is background.
    assert not read("There is an effective treatment for gout.").verbal


@pytest.mark.parametrize(
    ("sentence", "verbal"),
    [
        ("Exercise benefits older adults.", True),
        # After a preposition an -s form is a plural noun.
        ("Plans must cover ten categories of benefits starting in 2014.", False),
        ("Patients with increases in weight were excluded.", False),
        # "if" opens a clause: no object follows, so no effect on something is claimed.
        ("Weekend walkers saw health benefits if they kept at it.", False),
        # A singular demonstrative takes no plural noun: "this leads to" is a verb...
        ("This leads to fewer biopsies.", True),
        # ...but "these increases" is a noun.
        ("These increases were small.", False),
        ("Loud music is a major cause of hearing loss.", False),
        # After a verb that takes an object, an -s form is a noun.
        ("Patients can obtain benefits information online.", False),
    ],
)
def test_an_s_form_is_a_verb_only_where_a_verb_can_stand(sentence: str, verbal: bool) -> None:
    assert read(sentence).verbal is verbal


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ("ZOL did not improve survival.", True),
        ("Coffee cannot prevent cancer.", True),
        ("Statins don't cause memory loss.", True),
        ("Vitamin C has never been shown to cure colds.", True),
        ("The drug reduced pain without side effects.", False),
        ("DBT improves staging of findings not seen on ultrasound.", False),
        ("Daily exercise not only reduces fat but also improves memory.", False),
        # A subject that says none does it, at the start of its clause.
        ("No supplement can cure diabetes.", True),
        ("Diet matters, but no single food reverses kidney disease.", True),
        ("A diet with no added sugar reduces acne.", False),
        ("No wonder walnuts reduce inflammation.", False),
    ],
)
def test_a_negated_verb_is_denied_but_a_negation_elsewhere_is_not(
    sentence: str, denied: bool
) -> None:
    reading = read(sentence)
    assert reading.strength is DIRECT
    assert reading.denied is denied


# Issue 27's causal wordings, which health blogs use and research prose rarely does.
BLOG_WORDINGS = [
    # A verb and its particle tell the effect together.
    ("Salty crisps drive up blood pressure.", DIRECT, "drive up"),
    ("A weekly sauna brings down resting blood pressure.", DIRECT, "brings down"),
    ("Long courses of antibiotics wiped out the gut's friendly bacteria.", DIRECT, "wiped out"),
    ("Gargling salt water fends off sore throats.", DIRECT, "fends off"),
    ("Migraines are brought on by skipped meals.", DIRECT, "brought on"),
    ("Insulin resistance is driven by visceral fat.", DIRECT, "driven"),
    ("Ginger may drive down nausea after surgery.", CONDITIONAL, "may drive down"),
    ("Nurses drove up to the clinic at dawn.", NONE, None),
    ("Drive up to the main entrance and park.", NONE, None),
    # A cause named with a noun.
    ("Loneliness is a driver of poor health in old age.", DIRECT, "is a driver of"),
    ("Obesity is a major contributor to knee arthritis.", DIRECT, "is a major contributor to"),
    ("Salt is the real culprit behind puffy eyes.", DIRECT, "is the real culprit behind"),
    ("Skipped meals are a common cause for migraines.", DIRECT, "are a common cause for"),
    ("Stress is one of the top triggers of acne.", DIRECT, "is one of the top triggers of"),
    ("Sleep loss may be a contributor to hair loss.", CONDITIONAL, "be a contributor to"),
    ("Dr. Okafor is a regular contributor to our health magazine.", NONE, None),
    ("Ana was the driver of the ambulance that night.", NONE, None),
    ("The rise in cases is a cause for concern.", NONE, None),
    ("A raised CRP is a marker of inflammation.", NONE, None),
    # Perfect tenses, against possession.
    ("The school meal scheme has reduced obesity in nine-year-olds.", DIRECT, "reduced"),
    ("Clean-air zones have lowered asthma admissions.", DIRECT, "lowered"),
    ("The policy appears to have reduced smoking.", CONDITIONAL, "reduced"),
    ("Young smokers have impaired lung function.", NONE, None),
    ("Teenagers who sleep less have increased risk of obesity.", NONE, None),
    ("Asthma rates have increased since 2010.", NONE, None),
    # A headline's plural subject, with no article before its object.
    ("Statins lower stroke risk in older women", DIRECT, "lower"),
    ("Energy drinks raise heart rate in teens", DIRECT, "raise"),
    ("Women had lower stroke risk than men.", NONE, None),
    ("The data shows lower infection rates in vaccinated children.", NONE, None),
    # Efficacy told whole, its object understood.
    ("The nasal spray did not have a measurable effect.", DIRECT, "have a measurable effect."),
    ("Walking has an efficacy similar to that of drugs.", DIRECT, "has an efficacy similar"),
    # An effect taken back by "this", "that", "such" or "the same" was told before.
    ("Decaf coffee doesn't have this effect.", NONE, None),
    ("A cold shower has the same effect.", NONE, None),
    ("Nothing else had such an effect.", NONE, None),
    ("Fasting has a similar effect.", NONE, None),
]


@pytest.mark.parametrize(("sentence", "strength", "cue"), BLOG_WORDINGS)
def test_blog_causal_wordings(sentence: str, strength: Strength, cue: str | None) -> None:
    reading = read(sentence, "blog")
    assert reading.strength is strength
    if cue is not None:
        assert reading.cue is not None
        assert sentence[reading.cue[0] : reading.cue[1]] == cue


@pytest.mark.parametrize("sentence", [s for s, strength, _ in BLOG_WORDINGS if strength])
def test_news_is_read_without_the_blog_wordings(sentence: str) -> None:
    """A news story is read as research prose: none of these wordings is a claim there."""
    assert read(sentence, "news").strength is NONE


def test_blog_is_the_default_reading() -> None:
    assert read("Salty crisps drive up blood pressure.").strength is DIRECT


def test_a_label_before_a_colon_asks_nothing_of_what_follows() -> None:
    assert not read("Why hydration matters: water flushes toxins from your kidneys.").question
    assert read("Researchers asked whether water flushes toxins from your kidneys.").question


def test_a_negation_before_a_stated_effect_denies_it_in_a_blog() -> None:
    assert read("The nasal spray did not have a measurable effect.", "blog").denied
    assert read("The diet did not have an effect on weight.", "blog").denied
    assert not read("The nasal spray had a measurable effect.", "blog").denied


def test_the_hand_made_verb_forms_agree_with_lemminflect() -> None:
    """The claim readings spell out their verbs' forms themselves (a library would cost
    every run its import): regular ones by ``inflect``, the rest in ``verbs.csv``;
    lemminflect checks them here."""
    lemminflect = pytest.importorskip("lemminflect")
    from healthlint.claims.curated import effect_verbs

    # "fought" is left out on purpose: in health writing it is a struggle ("a family fought
    # for access", "she fought cancer for years"), not a claim of an effect.
    present_only = {"fight"}
    wrong = []
    for reading in ("model", "model-blogs", "particle", "wording", "general"):
        # The blog wordings read the present forms only.
        tags = (("VBZ", 1), ("VBG", 3)) + (
            (("VBD", 2),) if reading not in ("wording", "general") else ()
        )
        for verb in effect_verbs(reading):
            spelled = verb.spelled()
            for tag, index in tags:
                if tag == "VBD" and verb.verb in present_only and not verb.particles:
                    continue
                expected = lemminflect.getInflection(verb.verb, tag)[0]
                if spelled[index] != expected:
                    wrong.append(f"{verb.verb} {tag}: {expected}, not {spelled[index]}")
    assert wrong == []
