"""Disease claims for products: a supplement, herb, food or drink said to treat, cure,
prevent or mitigate a disease (FDA 21 CFR 101.93(g)), hedged or not.

Under US law a supplement or a food may say how it supports the body ("supports joint
health"), not that it treats a disease ("relieves arthritis"); the FTC reads "can help"
with a disease the same way, and so does a careful health editor. A claim is a sentence
with a product (or, in a post about one, "it", "this" or a benefit list's verb-first
line), a verb of treating or preventing, and a disease after it. Which words are products
and which are diseases is curated data (``knowledge/products.csv``, ``diseases.csv``),
each entry with its source. Exercise, diets and therapies are not products: their claims
are unsupported-causal-claim's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from healthlint.claims.curated import curated_alternation, curated_terms
from healthlint.claims.vocabulary import (
    DEBUNKINGS,
    MARKETED,
    NEGATIONS,
    NO_SUBJECT,
    REPORTED_AS,
    ends_with,
    ies_plural,
)
from healthlint.core.pattern import Pattern
from healthlint.core.regex import phrase_trie

# How a product is said to act on a disease. Hedges ("may help prevent") do not matter:
# a hedged disease claim is still a disease claim.
_CUE = Pattern.lazy(
    r"\b(?:cur(?:e|es|ed|ing)|treat(?:s|ed|ing)?|(?:in|for) (?:the )?treat(?:ment|ing) of"
    r"|prevent(?:s|ed|ing)?|preventive effect (?:against|on)|heal(?:s|ed|ing)?"
    r"|reliev(?:e|es|ed|ing)|relief (?:from|of|for)|alleviat(?:e|es|ed|ing)"
    r"|eas(?:e|es|ed|ing)|sooth(?:e|es|ed|ing)|fight(?:s|ing)?(?: off)?|combat(?:s|ed|ing)?"
    r"|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|control(?:s|led|ling)?|manag(?:e|es|ed|ing)"
    r"|moderat(?:e|es|ed|ing)|regulat(?:e|es|ed|ing)|revers(?:e|es|ed|ing)|shorten(?:s|ed|ing)?|kill(?:s|ed|ing)?"
    r"|destroy(?:s|ed|ing)?|stop(?:s|ped|ping)?|beat(?:s|ing)?|mitigat(?:e|es|ed|ing)"
    r"|protect(?:s|ed|ing)?(?: \w+){0,2} against|protectors? against|ward(?:s|ed|ing)? off"
    r"|help(?:s|ed|ing)? (?:with|against|for)|remed(?:y|ies) (?:for|to)"
    r"|(?:good|great|useful|beneficial) for|effective(?:ly)?(?: (?:in|for|against|at|on))?"
    r"|effectiveness (?:in|for|against)|positive (?:effects?|impacts?) on"
    r"|(?:is|are|was|were|be) used (?:to treat|for)|improv(?:e|es|ed|ing) symptoms of"
    r"|clear(?:s|ed|ing)?(?: up)?|calm(?:s|ed|ing)?|settl(?:e|es|ed|ing)|shrink(?:s|ing)?|shrank"
    r"|lift(?:s|ed|ing)?"
    r"|regrow(?:s|ing)?|rebuild(?:s|ing)?|repair(?:s|ed|ing)?|tam(?:e|es|ed|ing)"
    r"|take(?:s)? the edge off|keep(?:s|ing)? (?:[\w'’-]+ ){0,3}?at bay|knock(?:s|ed|ing)? out"
    # "may cut your cold short", "quiets a nighttime cough"; a product named by what it
    # is for: "a traditional treatment for worms" (not "a treatment for", which a doctor
    # gives), "a must-have for anyone with gout", "my lifesaver for morning sickness".
    r"|cut(?:s|ting)? (?:[\w'’-]+ ){0,3}?short|quiet(?:s|ed|ing)?"
    r"|(?:(?:traditional|natural|folk|home) treatment|lifesaver|life-saver|must-have|saviou?r"
    r"|secret weapon) for(?: (?:anyone|people|those|kids|adults) with)?"
    # A drug's class claimed for a food: "a natural antibiotic for sinus infections".
    r"|(?:natural|nature['’]s|herbal|plant-based) (?:antibiotic|antiviral|antidepressant"
    r"|antihistamine|painkiller|pain reliever|anti-inflammatory|decongestant|sedative"
    r"|laxative|diuretic|antiseptic|antifungal)s? for|dissolv(?:e|es|ed|ing)"
    r"|protect(?:s|ed|ing)? (?:\w+ ){0,2}?from(?: developing| getting)?"
    r"|nip(?:s|ped)? (?:\w+ ){0,2}in the bud"
    r"|slow(?:s|ed|ing)?(?: down)?(?!-)|fix(?:es|ed|ing)?|halt(?:s|ed|ing)?|banish(?:es|ed|ing)?"
    r"|get(?:s|ting)? rid of|got rid of|eliminat(?:e|es|ed|ing)|wipe(?:s|d)? out"
    r"|lessen(?:s|ed|ing)?|decreas(?:e|es|ed|ing)|counteract(?:s|ed|ing)?"
    r"|(?:fend|stave)(?:s|d|ed|ing)? off|cut(?:s|ting)? (?:the |your )?(?:risk|odds|chances?) of"
    r"|stop(?:s|ped)? (?:\w+ ){0,3}?in (?:its|their) tracks|guard(?:s|ed|ing)? against"
    # "nature's metformin for PCOS", "works as well as antidepressants for depression",
    # "my go-to recommendation for clients with migraines", "helps kids with ADHD".
    r"|nature['’]s (?:own )?\w+(?: (?:for|to|against))?|works? (?:just )?as well as"
    r"|(?:go-to|recommendation|choice|pick|favou?rite) (?:\w+ )?for (?:\w+ ){0,2}?with"
    r"|help(?:s|ed)? (?:kids|people|children|adults|women|men|those|anyone|clients|patients)"
    r" with)\b",
    re.IGNORECASE,
)
_BRINGS_DOWN = Pattern.lazy(
    r"\bbr(?:ing|ings|inging|ought)\s+(?:[\w'’-]+\s+){1,4}?down\b", re.IGNORECASE
)
# "a 21% lower risk of", "had reduced rates of": a comparison between groups, not a verb.
_COMPARISON = Pattern.lazy(
    r"(?:\d\s?%|\bpercent|\b(?:a|an|had|have|has|with|significantly|much|slightly))\s+$",
    re.IGNORECASE,
)
_COMPARATIVES = frozenset(("lower", "reduced", "lowered"))
# "anti-cancer properties", "antiviral": the disease inside the adjective.
_ANTI = Pattern.lazy(
    r"\banti-?(?:cancer|tumou?r|diabetic|viral|depressant|anxiety|anxiolytic)\b",
    re.IGNORECASE,
)
# A disease after one of these words is in a clause of its own, not what the verb acts
# on: "It helps you relax when anxiety keeps you up".
_CLAUSE_BREAK = Pattern.lazy(
    r"\b(?:when|whenever|if|because|while|since|unless|until|but|says|said)\b|[\"”]",
    re.IGNORECASE,
)
# What the sentence goes on to say of the claim: it is doubted ("…function primarily as
# placebos", "…has been controversial for decades", "…, but there is little evidence"),
# or the claim is a study's result in animals or cells, which animal-or-lab-extrapolation
# reads ("…in laboratory and animal studies").
_DOUBTED = Pattern.lazy(
    rf"\b(?:{REPORTED_AS}|placebos?|controversial|(?:is|are|remains?)\s+(?:still\s+)?(?:debated|disputed|unproven)"
    r"|(?:do|does)\s*n[o']?t\s+(?:really\s+)?work|in\s+(?:\w+\s+){0,2}?(?:laboratory|lab|animal"
    r"|test-tube|cell)\s+(?:studies|experiments|tests)|in\s+(?:mice|rats|rodents)\b"
    # ...or that trials found it does nothing, or that it is a tale or a label's word: "…,
    # the packet says, but trials have found no benefit", "…, or so the old wives' tale goes".
    r"|\b(?:trials|studies|research|reviews?)\s+(?:have\s+|has\s+)?(?:found|shown|showed)\s+no"
    r"\s+(?:\w+\s+)?(?:benefit|effect|difference)|\bold\s+wives['’]?\s+tales?"
    r"|,\s+the\s+(?:packet|pack|label|box|bottle|jar)\s+says\b"
    # "…, but there is no reliable evidence that they do" (not evidence about something
    # else: "…, but there is little evidence that sleeping pills work").
    r"|\bbut\s+(?:there\s+is\s+|there['’]s\s+)?(?:no|little|scant|thin|weak)\s+(?:\w+\s+){0,2}?"
    r"(?:evidence|proof)(?:\s+(?:for|of)\s+(?:it|this|that|them)|\s+(?:that\s+)?(?:it|they|this|these)"
    r"\s+(?:do|does|work|works|help|helps)\b)?\s*[.!]?\s*$)",
    re.IGNORECASE,
)
# A blog wording that says a product brings on or worsens a disease is a warning, not a
# claim that it treats one: "Niacin can cause nausea", "Sugar feeds cancer cells".
_HARM = Pattern.lazy(
    r"(?:(?:can|may|will|could|might|does|do)\s+)?(?:also\s+)?(?:caus|trigger|lead|led\b|worsen"
    r"|aggravat|damag|rais|increas|spik|inflam|clog|disrupt|sabotag|feed|fuel|driv|contribut"
    r"|provok|induc|exacerbat|irritat)",
    re.IGNORECASE,
)
# A product named with "for" and a disease: "Best CBD Oil for Anxiety", "Home Remedies
# for Eczema" (headings and list items say it this way).
_FOR = Pattern.lazy(r"\s+(?:for|against)\b", re.IGNORECASE)
_FOR_WORDS = 2
# The claim is denied, debunked or questioned before its verb, in its clause.
_DENIED = Pattern.lazy(
    rf"\b(?:{NEGATIONS}|nothing|{DEBUNKINGS}|whether|if|how well)\b[^,;:]*$",
    re.IGNORECASE,
)
# ...or by a subject that says none does it: "No smoothie, pill or lotion can reverse…".
_NO_SUBJECT = Pattern.lazy(NO_SUBJECT, re.IGNORECASE)
# Said by someone in order to question it: "is marketed as", "devotees claim", "touted".
_QUESTIONED = Pattern.lazy(
    rf"\b(?:claim(?:s|ed)?|{MARKETED}|touts?|purported(?:ly)?"
    r"|supposed(?:ly)?|alleged(?:ly)?|so-called|controversial|belief|(?:cited|hailed)\s+as"
    # History: "was once used to treat malaria", "were once thought to cure headaches".
    r"|once\s+(?:\w+\s+)?(?:used|thought|believed|prescribed|considered|promised)"
    # What people do or say they do, told as a practice: "Some people use it to treat…",
    # "users say they take it for…".
    # Those who promote it say so: "Influencers often say spearmint tea wipes out acne".
    r"|(?:people|users|patients|customers|many|some|others|americans|influencers|fans"
    r"|proponents|advocates|devotees|believers)\s+(?:\w+\s+)?"
    r"(?:use|take|turn to|turning to|using|taking|say|report|swear by)s?)\b",
    re.IGNORECASE,
)
# Not products: what a person does or a doctor gives (and the drugs of
# ``knowledge/drugs.csv``). Their claims are the claim rules'.
_NOT_PRODUCTS = Pattern.lazy(
    r"\b(?:exercis\w*|physical activity|walk(?:s|ing)?|yoga|tai chi|acupuncture|chiropractic"
    r"|massage|therapy|therapies|psychotherapy|meditation|breathing|sleep|diet(?:s|ing)?|fasting|surgery"
    r"|drugs?|medications?|medicines?|vaccines?|vaccination|metformin"
    rf"|(?:{curated_alternation('drugs.csv')})s?"
    # A drug: "It was approved by the FDA to treat…".
    r"|approved)\b",
    re.IGNORECASE,
)
# A sentence that goes on about the post's product: "It also…", "This can help…".
# A list's own numbering before a line: "1.", "a)", "•".
_ENUMERATOR = r"\W*(?:[a-z0-9]{1,2}[.)]\s+)?\W*"
_ANAPHOR = Pattern.lazy(
    _ENUMERATOR + r"(?:(?:and|but|so|also|plus|in fact|moreover|additionally|however),?\s+)?"
    # ...after what the writer calls it or adds: "As a natural antihistamine, it…", "As a
    # bonus, they…"; or taken: "Drinking it every day…".
    r"(?:(?:(?P<called>as\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?[\w-]+)|best\s+of\s+all|even\s+better"
    r"|on\s+top\s+of\s+that|what['’]s\s+more),\s+"
    r"|(?:drinking|taking|eating|using|adding|sipping|applying)\s+(?=it\b|them\b))?"
    r"(?:it|its|this|these|they|them|their|the (?:spice|herb|oil|berry|berries|root|plant"
    r"|supplement|remedy|tea|drink|extract|powder|product|vinegar|seeds?)"
    r"|(?:high|large|daily|regular|small) doses?)\b",
    re.IGNORECASE,
)
_NATURAL = Pattern.lazy(r"\bnatural\b", re.IGNORECASE)
# What may come before the verb of a benefit list's line ("Prevents cancer", "Can help
# prevent diabetes").
_LINE_START = Pattern.lazy(
    _ENUMERATOR
    # ...after a label that names what it does: "What it does: Calms the itching of
    # psoriasis" (not advice: "Doctor's advice: Treat high blood pressure with…").
    + r"(?:(?:what\s+it\s+does|how\s+it\s+(?:works|helps)|why\s+it\s+works"
    + r"|(?:key\s+|main\s+|top\s+)?benefits?|uses|good\s+for|helps?\s+with|best\s+for)\s*:\s+)?"
    + r"(?:(?:can|may|also|will|it|be|is|are|used|helps?(?: to)?)\s+)*",
    re.IGNORECASE,
)
# The seller's own product, named by its brand and its form: "Our Sinus Clear drops",
# "our Golden Joint blend" (not "Our NHS physiotherapists", who treat).
_OWN_BRAND = Pattern.lazy(
    r"\b[Oo]ur\s+(?:(?-i:[A-Z])[\w'’-]*\s+){1,4}"
    r"(?:drops|formula|blend|powder|tonic|elixir|mix|shots?|sprays?|drink|tablets|pills|capsules"
    r"|gummies|chews|lozenges|syrup|oil|cream|balm|serum|tincture|tea|supplement)\s+$"
)
# "It may be effective in…" after "research shows that": the post's product, named by a
# pronoun in a clause of its own.
_PRONOUN_SUBJECT = Pattern.lazy(
    r"\b(?:that|which|and|but|so|because|since)\s+(?:it|they|this)\s+"
    r"(?:(?:can|may|might|could|also|will|would|is|are|be|has|have|been|to|helps?)\s+)*$",
    re.IGNORECASE,
)
# How a product is used: the verb of an instruction ("Rub a little…") and its participle
# ("Rubbed into the scalp nightly, it…").
_USES = (
    ("rub", "rubbed"),
    ("dab", "dabbed"),
    ("apply", "applied"),
    ("massage", "massaged"),
    ("take", "taken"),
    ("give", "given"),
    ("use", "used"),
    ("drink", "drunk"),
    ("sip", "sipped"),
    ("add", "added"),
    ("mix", "mixed"),
    ("stir", "stirred"),
    ("place", "placed"),
    ("put", "put"),
    ("warm", "warmed"),
    ("spray", "sprayed"),
    ("diffuse", "diffused"),
    ("inhale", "inhaled"),
    ("gargle", "gargled"),
    ("swallow", "swallowed"),
    ("chew", "chewed"),
    ("eat", "eaten"),
    ("soak", "soaked"),
    ("steep", "steeped"),
    ("brew", "brewed"),
    ("dilute", "diluted"),
    ("smear", "smeared"),
    ("spread", "spread"),
    ("tuck", "tucked"),
    ("wrap", "wrapped"),
    ("wear", "worn"),
    ("sprinkle", "sprinkled"),
    ("spritz", "spritzed"),
    ("paint", "painted"),
    ("pat", "patted"),
    ("slather", "slathered"),
    ("drop", "dropped"),
    ("swish", "swished"),
)
# How the product is used, when and where, then a pronoun for it: "Taken daily in the week
# before your period, it prevents…", "Given daily, they help prevent…" (not "Given the
# choice, they treat eczema with creams": a person's choice, no dose).
_USED_SO = Pattern.lazy(
    rf"\W*(?:{'|'.join(used for _, used in _USES)})\b(?=[^,;:.]{{0,80}}\b(?:daily|nightly|weekly"
    r"|twice|once|every|each|regularly|morning|evening|night|bed|bedtime|meals?|food|water|a\s+day"
    r"|over|onto|into|inside|around|along|as\s+directed)\b)(?:[^,;:.]{0,80},){1,2}"
    r"\s+(?:it|they|this)\s+(?:(?:can|may|might|could|also|will|helps?|actually|really)\s+)*$",
    re.IGNORECASE,
)
# "Helps acid reflux", "may help your arthritis": "help" names a disease claim only when
# the disease follows at once ("helps you sleep" is not one).
_HELP = Pattern.lazy(
    r"\bhelp(?:s|ed|ing)?(?:\s+(?:your|the|with|against|to\s+ease))?\s+", re.IGNORECASE
)
# The disease first, the product after: "Cold symptoms can be eased with this berry".
_TREATED = (
    r"(?:eased|treated|cured|prevented|relieved|healed|managed|controlled|soothed|alleviated"
    r"|reversed|fought)"
)
_PASSIVE = Pattern.lazy(
    rf"\b(?:can|may|might|could|will|is|are)\s+(?:also\s+)?(?:be\s+)?(?:\w+ly\s+)?{_TREATED}"
    rf"(?:\s+(?:and|or)\s+{_TREATED})?\s+(?:with|by|using|through)\s+",
    re.IGNORECASE,
)
_PASSIVE_AGENT_WORDS = 5
_AGENT_WORD = Pattern.lazy(r"\S+")
_NAMING_WORDS = Pattern.lazy(r"(?:\s+[A-Za-z'’-]+){0,3}")
_MAX_WORDS_TO_DISEASE = 14
_MAX_CHARS_TO_DISEASE = 140
# How far back a denial or a reported claim is looked for before the verb: its clause.
_CLAUSE_CHARS = 160


@dataclass(frozen=True)
class Lexicon:
    products: Pattern
    diseases: Pattern


# Read once a process: every claim rule and supplement-disease-claim share it (and so
# does a stored rule set, which then holds one copy).
@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The curated product and disease words, as patterns."""
    return Lexicon(_pattern(curated_terms("products.csv")), _pattern(curated_terms("diseases.csv")))


def _pattern(terms: Iterable[str]) -> Pattern:
    # The longer term first at each place ("fish oil" over "oil"); a plural may follow,
    # spelt out where "y" becomes "ies" ("remedies", "allergies").
    forms = [form for term in terms for form in (term, *ies_plural(term))]
    source = rf"(?<![\w-])(?:{phrase_trie(forms)})(?:e?s)?(?![\w-])"
    return Pattern.compile(source, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DiseaseClaim:
    start: int
    end: int
    """The claim's words in the sentence, from its verb (or product) to the disease."""


def is_about_products(lexicon: Lexicon, opening: str, text: str) -> bool:
    """Whether a post is about a product: one is named in its opening (title and first
    paragraphs) or at least three times in all."""
    if lexicon.products.search(opening):
        return True
    return len(lexicon.products.compiled.findall(text)) >= 3


def disease_claim(
    lexicon: Lexicon,
    sentence: str,
    about_products: bool,
    blog_cue: Callable[[], tuple[int, int] | None] | None = None,
    known: Callable[[int, int], bool] | None = None,
) -> DiseaseClaim | None:
    """The disease claim a sentence makes for a product, or None. ``blog_cue`` gives the
    sentence's blog claim reading where a post has it already (else it is read here);
    ``known`` tells whether the words from one offset to another state a textbook fact,
    which is no claim: the next one in the sentence is then looked for ("Oats lower
    cholesterol and reverse type 2 diabetes")."""
    diseases = list(lexicon.diseases.finditer(sentence)) + list(_ANTI.finditer(sentence))
    if not diseases or ends_with(sentence, "?"):
        return None  # a question asks whether; it claims nothing
    diseases.sort(key=lambda m: m.start())
    if _DOUBTED.search(sentence):
        return None

    def unless_known(claim: DiseaseClaim | None) -> DiseaseClaim | None:
        return None if claim is None or (known and known(claim.start, claim.end)) else claim

    told = (
        unless_known(_passive_claim(lexicon, sentence, diseases, about_products))
        or unless_known(_testimony(lexicon, sentence, diseases))
        or unless_known(_instructed(lexicon, sentence, diseases, about_products))
    )
    if told is not None:
        return told
    for start, end, names_product, adjacent in _cues(lexicon, sentence, blog_cue):
        # The disease after the cue's words; one inside them only when none follows ("keeps
        # colds at bay"): "protect their hives from infection" is about the infection.
        disease = next((d for d in diseases if d.start() >= end), None) or next(
            (d for d in diseases if d.start() >= start), None
        )
        if disease is None:
            continue
        gap = sentence[end : disease.start()]
        if adjacent and gap:
            continue
        # "Best CBD oil for anxiety", "for your arthritis": the disease right after "for",
        # not "creatine for a week if you notice nausea".
        if names_product and len(gap.split()) > _FOR_WORDS:
            continue
        # A bounded look: a long line must not cost a word count per pair.
        if len(gap) > _MAX_CHARS_TO_DISEASE or len(gap.split()) > _MAX_WORDS_TO_DISEASE:
            continue
        if any(c in gap for c in ":;") or _CLAUSE_BREAK.search(gap):
            continue
        before = sentence[max(0, start - _CLAUSE_CHARS) : start]
        if _DENIED.search(before) or _NO_SUBJECT.search(before) or _QUESTIONED.search(before):
            continue
        if names_product and _NOT_PRODUCTS.search(before):
            continue  # "Exercise is one of the best natural remedies for anxiety"
        if not names_product and not _has_product_subject(
            lexicon, before, sentence, max(0, start - _CLAUSE_CHARS), about_products
        ):
            continue
        if known is not None and known(start, disease.end()):
            continue
        return DiseaseClaim(start, disease.end())
    return None


def _passive_claim(
    lexicon: Lexicon, sentence: str, diseases: list[re.Match[str]], about_products: bool
) -> DiseaseClaim | None:
    """A disease said to be treated with a product: "Symptoms of the flu can be eased with
    elderberry", "… with this little berry" in a post about one."""
    for verb in _PASSIVE.finditer(sentence):
        # The first disease of the clause before the verb: "colds and flu can be eased".
        disease = next(
            (
                d
                for d in diseases
                if d.end() <= verb.start()
                and len(sentence[d.end() : verb.start()].split()) <= _MAX_WORDS_TO_DISEASE
                and not any(c in sentence[d.end() : verb.start()] for c in ":;")
            ),
            None,
        )
        if disease is None:
            continue
        gap = sentence[disease.end() : verb.start()]
        before = sentence[max(0, disease.start() - _CLAUSE_CHARS) : disease.start()]
        if _DENIED.search(before + gap) or _QUESTIONED.search(before):
            continue
        # The agent: the next few words, read in place so that the claim ends where the
        # product's name does.
        words = list(_AGENT_WORD.finditer(sentence, verb.end()))[:_PASSIVE_AGENT_WORDS]
        end = words[-1].end() if words else verb.end()
        product = lexicon.products.search(sentence, verb.end(), end)
        if product is not None and not _NOT_PRODUCTS.search(sentence, verb.end(), product.start()):
            return DiseaseClaim(disease.start(), product.end())
        anaphor = _ANAPHOR.match(sentence, verb.end(), end) if about_products else None
        if anaphor is not None:
            # "… with this powerful little berry": the words that go on naming it.
            rest = _NAMING_WORDS.match(sentence, anaphor.end(), end)
            return DiseaseClaim(disease.start(), rest.end() if rest else anaphor.end())
    return None


def _testimony(
    lexicon: Lexicon, sentence: str, diseases: list[re.Match[str]]
) -> DiseaseClaim | None:
    """A customer's story of a disease gone after a product, which the FTC reads as the
    seller's claim: "After two weeks on the calendula tincture, my eczema finally cleared
    up", or told of anyone, as it is now: "Within three weeks of taking our zinc
    supplement, cystic acne is gone for good" (not a case told in the past: "After taking
    folic acid for three months, the anaemia improved")."""
    for disease in diseases:
        gone = _GONE.match(sentence, disease.end())
        if gone is None:
            continue
        if not _MY.search(sentence, 0, disease.start()) and not (
            _AFTER_USING.match(sentence, 0, disease.start()) and not _TOLD_PAST.search(gone.group())
        ):
            continue
        product = lexicon.products.search(sentence, 0, disease.start())
        if product is None or _DENIED.search(sentence, 0, disease.start()):
            continue
        return DiseaseClaim(product.start(), gone.end())
    return None


def _instructed(
    lexicon: Lexicon, sentence: str, diseases: list[re.Match[str]], about_products: bool
) -> DiseaseClaim | None:
    """An instruction to use a product, and the disease it is then said to end: "Rub a
    little coconut oil into the scalp and the cradle cap will be gone in two days", "Warm
    a few drops and place them in the ear to clear up an ear infection" in a post about
    the oil (not someone's quoted words: "'Rub olive oil on it and the cradle cap will be
    gone,' my grandmother used to say")."""
    if not _INSTRUCTION.match(sentence):
        return None
    named = lexicon.products.search(sentence)
    if named is None and about_products:
        named = _SOME_OF_IT.search(sentence)
    if named is None or _DENIED.search(sentence, 0, named.start()):
        return None
    for disease in diseases:
        if disease.start() < named.end():
            continue
        between = sentence[named.end() : disease.start()]
        if any(c in between for c in '.;:?!"“”'):
            return None
        gone = _GONE.match(sentence, disease.end())
        if gone is not None and _AND_THEN.search(between):
            return DiseaseClaim(named.start(), gone.end())
        if _TO_END.search(between):
            return DiseaseClaim(named.start(), disease.end())
    return None


# The opening verb of an instruction to use something (a quote mark before it is someone's
# words).
_INSTRUCTION = Pattern.lazy(
    rf"[^\w\"'“‘]*(?:(?:just|simply|then|now|next|first)\s+)?(?:{'|'.join(use for use, _ in _USES)}"
    r"|try|pop)\b",
    re.IGNORECASE,
)
# The product named by an amount of it, in a post about it: "a few drops", "a little" (not
# "it" or "them": "Take it easy and the mastitis should settle").
_SOME_OF_IT = Pattern.lazy(
    r"\ba\s+(?:few\s+)?(?:drops?|dabs?|little|spoonful|teaspoon(?:ful)?|tablespoon(?:ful)?|capful"
    r"|splash)\b",
    re.IGNORECASE,
)
_AND_THEN = Pattern.lazy(
    r"(?:,\s*|\s)and\s+(?:(?:the|your|their|his|her|any|that)\s+)?", re.IGNORECASE
)
# What the instruction is for: "…to clear up an ear infection", "…to help ease colic" (a
# cue of a disease claim, up to the disease's name).
_TO_END = Pattern.lazy(
    rf"\bto\s+(?:help\s+)?(?:{_CUE.pattern})\s+(?:(?:an?|the|your|their|his|her|any|that)\s+)?"
    r"(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)
# What became of a disease: in a testimonial, "…my eczema finally cleared up", "my PCOS
# symptoms are practically gone"; after an instruction, "…and nappy rash clears up
# overnight", "…and the cradle cap will be gone".
_GONE = Pattern.lazy(
    r"(?:\s+(?:symptoms|patches|flare-ups?))?\s+(?:(?:has|have|had|is|are|was|were|will|should"
    r"|be|finally|completely|practically|totally|basically|all\s+but|just)\s+){0,3}"
    r"(?:clear(?:s|ed)?\s+up|cleared|clears|gone|go(?:es)?\s+away|went\s+away|disappear(?:s|ed)?"
    r"|vanish(?:es|ed)?|heal(?:s|ed)?|stop(?:s|ped)?|improv(?:es|ed)|eas(?:es|ed)|lifted|fad(?:es|ed)"
    r"|settles?|calms?\s+down)\b",
    re.IGNORECASE,
)
_TOLD_PAST = Pattern.lazy(r"\b(?:had|was|were|went|[a-z]+ed)\b", re.IGNORECASE)
_MY = Pattern.lazy(r"\bmy\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
# ...after a time on the product: "Within three weeks of taking our zinc supplement, …".
_AFTER_USING = Pattern.lazy(
    r"\W*(?:after|within|in)\s+[^,;:.]{0,40}?\b(?:taking|using|drinking|on)\s+[^,;:.]{1,60},\s+"
    r"(?:(?:the|your|their|any|that|his|her)\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)


# What may stand before a sentence's first word: a bullet, a number, a quote mark.
_OPENS = Pattern.lazy(r"[\s\"'“‘*•\-–—\d.)(]*")
_TAKING = Pattern.lazy(r"\s*(?:(?:taking|using|giving|the|your|all)\s+)*")


def _product_after(sentence: str, position: int) -> int:
    """Where the word after ``position`` starts, past "taking", "the" and the like."""
    found = _TAKING.match(sentence, position)
    return found.end() if found else position


def _cues(
    lexicon: Lexicon, sentence: str, blog_cue: Callable[[], tuple[int, int] | None] | None
) -> Iterable[tuple[int, int, bool, bool]]:
    """Where the claim's verb is, whether the cue names the product itself, and whether
    the disease must follow at once ("helps acid reflux")."""
    for match in _HELP.finditer(sentence):
        yield match.start(), match.end(), False, True
    for match in _CUE.finditer(sentence):
        if match.group().lower() in _COMPARATIVES and _COMPARISON.search(
            sentence, 0, match.start()
        ):
            continue
        # An instruction about the product, not a claim for it: "Halt creatine for a week
        # if you notice nausea", "Stop taking turmeric before surgery".
        if _OPENS.fullmatch(sentence, 0, match.start()) and lexicon.products.match(
            sentence, _product_after(sentence, match.end())
        ):
            continue
        yield match.start(), match.end(), False, False
    for match in _ANTI.finditer(sentence):
        yield match.start(), match.start(), False, False
    # A particle after what it acts on, the disease between: "brings high blood pressure
    # down" (not "brings everyone down to the kitchen, even my son with ADHD").
    for match in _BRINGS_DOWN.finditer(sentence):
        if lexicon.diseases.search(sentence, match.start(), match.end()):
            yield match.start(), match.start(), False, False
    for product in lexicon.products.finditer(sentence):
        found = _FOR.match(sentence, product.end())
        if found:
            yield product.start(), found.end(), True, False
    # A blog's own wording of an effect, any verb ("flushes out bladder infections",
    # "fades varicose veins"): the claim reading of healthlint.claims.blog.
    if blog_cue is None:
        from healthlint.claims.blog import blog_claim

        cue = blog_claim(sentence, lexicon)
    else:
        cue = blog_cue()
    if cue is not None and not _HARM.match(sentence, cue[0]):
        yield cue[0], cue[1], False, False


# A drug or a practice named, with "a", "the" or the like, as a thing of its own after the
# product: "red wine mimics a drug used to prevent…", "…anyone on a medication that
# treats…" (not one set beside it, "as well as the drugs", "in their diets", "after the
# surgery", nor the product's own label, "the natural antibiotic that clears…").
_ANOTHER_ACTOR = Pattern.lazy(
    r"(?<!\bthan\s)(?<!\blike\s)(?<!\bas\s)(?<!\bor\s)(?<!\band\s)(?<!\bwith\s)(?<!\bin\s)"
    r"(?<!\bfrom\s)(?<!\bafter\s)(?<!\bbefore\s)(?<!\bduring\s)(?<!\bfor\s)"
    r"\b(?:a|an|the|this|that|these|those|its|their)\s+"
    r"(?!(?:natural|nature['’]s|herbal|plant-based|homemade|own)\b)(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def _another_actor(after: str) -> bool:
    """Whether a drug or a practice named between the product and the verb is what acts
    (not one in an aside: "Ginger, the herb that outperformed the drugs in trials, cures…")."""
    if "," in after:
        return False
    other = _NOT_PRODUCTS.search(after)
    return other is not None and _ANOTHER_ACTOR.search(after, 0, other.start()) is not None


_LACKED = Pattern.lazy(
    r"\s+(?:deficienc(?:y|ies)|insufficienc(?:y|ies)|shortages?|depletion|levels\s+(?:are|were)"
    r"\s+(?:too\s+)?low)\b",
    re.IGNORECASE,
)
_LACK_OF = Pattern.lazy(
    r"\b(?:(?:lack|shortage|deficiency|depletion|absence)\s+of|(?:too\s+little|not\s+enough"
    r"|deficient\s+in|low\s+in|short\s+on|low)(?:\s+(?:dietary|blood|serum))?)\s+$",
    re.IGNORECASE,
)


def _has_product_subject(
    lexicon: Lexicon, before: str, sentence: str, offset: int, about_products: bool
) -> bool:
    """Whether what acts is a product: one named before the verb (``before``, the words
    from ``offset`` in the sentence up to it), or, in a post about products, "it"/"this"
    or a verb-first benefit line."""
    named = list(lexicon.products.finditer(before))
    if named:
        # What acts is named last: "red wine mimics a drug used to prevent…" is the drug.
        if _another_actor(before[named[-1].end() :]):
            return False
        # Too little of it acts, not the product: "Vitamin C deficiency causes scurvy,
        # which leads to bleeding gums and slow wound healing", "a lack of iron".
        if _LACKED.match(before, named[-1].end()) or _LACK_OF.search(before, 0, named[-1].start()):
            return False
        # "Exercise and turmeric…" is still a product claim; "Yoga helps arthritis" is not.
        subject = before[: named[-1].end()]
        return not _NOT_PRODUCTS.search(subject) or bool(lexicon.products.search(subject))
    # A drug the writer likens it to is no drug: "As a natural antihistamine, it…".
    anaphor = _ANAPHOR.match(sentence) if about_products else None
    called = anaphor.group("called") if anaphor else None
    likened = (
        anaphor.end("called") - offset if anaphor and called and _NATURAL.search(called) else 0
    )
    if _NOT_PRODUCTS.search(before, max(0, likened)):
        return False
    if _OWN_BRAND.search(before):
        return True
    if not about_products:
        return False
    if anaphor or _PRONOUN_SUBJECT.search(before) or _USED_SO.match(before):
        return True
    # A benefit list's line starts with its verb: nothing but a modal comes before it.
    return _LINE_START.fullmatch(before) is not None
