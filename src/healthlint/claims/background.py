"""What a causal sentence tells in passing: background to its point, not a claim a
writer must source.

A health article explains how a disease or the body works ("cystic fibrosis causes thick
mucus", "the airways, which swell during an attack"), tells one person's story ("improved
her score") and describes a mechanism ("stimulates the vagus nerve"). An editor does not
ask for a source for these; the claim rules read them here. A sentence that names
something a reader could take or do (a drug, a supplement, a diet, exercise; on a blog
also any product of the curated list) is a claim after all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from healthlint.core.pattern import Pattern

# How far before a relative clause a treatment still makes the clause a claim about it.
_NEAR = 40
# The words right before a relative clause: the noun it describes.
_HEAD = 20
_RELATIVE = Pattern.lazy(r"[\s,]*(?:which|that)\b", re.IGNORECASE)


# What a blog's reader does for their health on their own.
_PRACTICES = Pattern.lazy(
    r"\b(?:walk(?:ing|s)?|running|cupping|chiropractic|massage|stretching|fasting|meditation"
    r"|breathing|sauna|cold (?:showers?|plunges?)|sleep(?:ing)?|homeopath\w*|reflexology"
    r"|aromatherapy|detox\w*|cleanses?|keto|acupressure|tai chi|pilates|swimming"
    r"|adjustments?|grounding|dry brushing)\b",
    re.IGNORECASE,
)


# A subject that is something done: "Seed cycling regulates…", "Cutting out gluten…".
_DOING = Pattern.lazy(
    r"(?:[^:;\n]*[:;])?\s*[^\w\s]*(?!(?:during|including|according|being|having|nothing|something"
    r"|everything|morning|evening|spring)\b)[A-Za-z]+ing\b",
    re.IGNORECASE,
)


def _compiled(*patterns: str) -> tuple[Pattern, ...]:
    # Prose is matched without regard to case, as rule files' patterns are.
    return tuple(Pattern.lazy(p, re.IGNORECASE) for p in patterns)


# Matched right after the claim's words: what the claim is about when that makes it no
# claim a writer must source (``SKIP_OBJECTS`` is all three groups).
_STORIES = _compiled(
    # One person's story: "improved her bone-density score", "saved him from surgery",
    # "resulted in complete remission of his melanoma". An anecdote, not advice.
    (
        r"\s+(?:[\w'’-]+\s+){0,4}?(?:his|her|him)\b|\s+the\s+(?:life|lives)\s+of\s+(?:a|"
        r"an|this|that)\s+(?!(?:\w+\s+)?(?:in|for|out of)\b)"
    ),
    # Convenience, not health: "eliminates the need for daily doses". Reducing the need
    # for a drug or an operation is a health claim.
    (
        r"(?:(?<=eliminate)|(?<=eliminates)|(?<=eliminated)|(?<=eliminating))\s+(?:the\s+)"
        r"?need\s+(?:for|to)\b"
    ),
)
MECHANISMS = _compiled(
    # How the body works: "causes blood vessels to widen", "triggers the release of a
    # hormone", "stimulates the vagus nerve", "reduces the amount of calcium reaching
    # brain cells".
    (
        r"\s+(?:the\s+)?(?:body|blood|heart|brain|liver|kidneys?|lungs?|airways|"
        r"skin|bones?|joints?|nails|blood vessels|arteries|muscles?|cells|immune system)"
        r"(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?to\s+\w+"
    ),
    (
        r"\s+(?:the\s+)?(?:[\w-]+\s+)?(?:release|production|secretion|synthesis|"
        r"breakdown|resorption|uptake|flow|activity|expression|contractions?|dilation|"
        r"constriction)(?:\s+and\s+[\w-]+)?(?:\s+of\b|\s*[.,;])|\s+the\s+amount\s+of\s+\w+\s+(?:reaching|"
        r"entering|getting)\b|\s+(?:[\w-]+\s+){0,2}?(?:blood flow|brain activity|"
        # ("nerve pain" is what ails a reader).
        r"signals?|signaling|nerves?(?!\s+(?:pain|damage))|receptors?|enzymes?|an enzyme|"
        r"proteins?|a protein|"
        r"pathways?|thrombin|the retina|cells on|hormones|(?:genetic\s+)?mutations?|"
        r"DNA|RNA|(?:natural\s+)?(?:healing\s+)?process(?:es)?)\b"
    ),
)
_ELSEWHERE = _compiled(
    # What a food is like in the kitchen, not what it does in the body: "contributes to the
    # elasticity and chewiness in breads", "improves the texture".
    (
        r"\s+(?:to\s+)?(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:texture|elasticity|chewiness"
        r"|flavou?rs?|taste(?!\s+buds)|aroma|crunch|crispiness|shelf\s+life|fluffiness|consistency)\b"
    ),
    # What happened in a newsroom, a market or a clinic's paperwork, not in a body: "led to
    # fears", "caused a stir", "resulted in savings", "led to the approval of the drug".
    (
        r"\s+(?:(?:a|an|the|its|their|our|more|new|some|widespread|growing|great|"
        r"much|complicated|social|substantial)\s+){0,2}(?:fears|concerns?|controversy|"
        r"rumou?rs|speculation|hype|stir|questions?|debate|criticism|outcry|lawsuits?|"
        r"tug of war|savings|paperwork|budgets?|earnings|revenues?|sales|profits?|"
        r"(?:share|stock) prices?|delays?|wait(?:ing)? times?|approval|endorsement|"
        r"recommendations?|issues?|decisions?|prices?|costs?|fees?|bills?|jobs|development of|"
        r"discovery of|creation of|invention of|(?:a\s+|different\s+){0,2}problems?)"
        r"\b"
    ),
    # The work itself: "extended the trial by a year", "improved the study's design" (not
    # "had a benefit in the trial").
    (
        r"(?<!\bin)(?<!\bon)(?<!\bof)(?<!\bfor)\s+(?:the|its|our|their|this|that)"
        r"\s+(?:[\w-]+\s+)?(?:trial|study|analysis|deadline|contract|coverage|patent|"
        r"agreement|partnership|investigation)(?:'s|’s)?\b"
    ),
    # What people at work were made to do: "caused researchers to stop the trial early".
    (
        r"\s+(?:the\s+|many\s+|some\s+)?(?:researchers|investigators|scientists|"
        r"doctors|physicians|officials|regulators|compan(?:y|ies)|FDA|insurers)\s+to\b"
    ),
    # A decision by someone ("led to the task force's endorsement") or a count of who
    # qualifies ("increased the number of people who are eligible").
    (
        r"\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+(?:'s|’s)\s+(?:approval|endorsement|"
        r"decision|recommendation|ruling)s?\b|\s+the\s+number\s+of\s+(?:[\w-]+\s+)"
        r"{1,2}?(?:(?:who\s+(?:are|were)\s+)?(?:eligible|diagnosed)|with\s+(?:a\s+)"
        r"?diagnos[ie]s)\b"
    ),
)
SKIP_OBJECTS = (*_STORIES, *MECHANISMS, *_ELSEWHERE)
_NOT_MECHANISMS = (*_STORIES, *_ELSEWHERE)
# A subject that is one person's: "his sperm", "her headaches".
_ONE_PERSONS = r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}?"
# The words before the claim's verb, when they make the sentence say how a disease or
# the body works ("cystic fibrosis causes thick mucus").
BACKGROUND_SUBJECTS = _compiled(
    # One person's story told from the subject's side: "his sperm was weakened by earlier
    # cancer treatment", "her headaches improved".
    rf"{_ONE_PERSONS}(?:(?:was|were|had been|has been|got)\s+)?$",
    # A clause that describes the noun before it ("overdiagnosis, which can lead to…",
    # "multiple system atrophy, which impairs…"): background to the sentence's point.
    r",\s*which\s+(?:\w+\s+){0,2}$",
    # ...and its second verb: "the airways, which swell during an attack and restrict
    # breathing".
    r",\s*which\s+(?:[\w-]+\s+){1,8}?(?:and|or)\s+(?:\w+ly\s+)?$",
    # "a genetic defect that often leads to blindness", "strokes, most of which are caused
    # by clots": a relative clause says what the noun is.
    (
        r"\b(?:that|which)\s+(?:(?:can|often|also|usually|commonly|frequently|sometimes|"
        r"eventually|typically|ultimately|is|are)\s+){0,2}$"
    ),
    # What happens to the body in a condition's definition: "pain that occurs when nerve
    # fibers are damaged by injury".
    (
        r"\b(?:when|whenever|once)\s+(?:[\w-]+\s+){1,4}?(?:is|are|get|gets|become|"
        r"becomes)\s+$"
    ),
    # A disease, a body part or process as the subject: how illness works, not a claim
    # about what to eat, take or do.
    (
        r"\b(?:diseases?|syndromes?|disorders?|infections?|virus(?:es)?|bacteri\w*|"
        r"cancers?|tumou?rs?|diabetes|asthma|arthritis|dementia|alzheimer\W?s|depression|"
        r"illness(?:es)?|fibrosis|degeneration|mutations?|genes?|hormones?|insulin|"
        r"enzymes?|proteins?|cells?(?!\s+phones?)|immune system|the body|the brain|"
        r"plaques?|blood vessels?|arter(?:y|ies)|sclerosis|epilepsy|migraines?|stroke|"
        r"heart attack|heart failure|high blood pressure|hypertension|obesity|symptoms?|"
        r"condition|cases|trauma|injur(?:y|ies)|pain|seizures?|fibrillation|autism|"
        r"ASDs?|osteoporosis|dryness|scarring|(?:autoimmune|immune) attack|cartilage|"
        r"(?:risk\s+)?factors|flare-?ups?|(?:tissue|nerve|cell|organ|liver|kidney|brain|heart|"
        r"skin|sun|joint|bone|muscle|vascular|arterial)\s+damage|(?:chronic\s+)?inflammation"
        r"|(?:hormonal|hormone)\s+imbalances?)\b"
        # A word that only qualifies another is not the subject: "A protein-packed
        # breakfast", "cancer-fighting broccoli".
        r"(?!-)"
    ),
)
# Words before the claim that only point back to what the sentence before it was about
# ("It also…", "This often…"): that sentence names the subject.
_OPENER = (
    # What may open the sentence before its subject: "But", "Over time,", "Building off
    # of the latter,".
    r"\W*(?:[A-Za-z]+ing\b[^,.;:]{0,40},\s*)?"
    r"(?:(?:but|and|so|yet|often|also|still|however|in turn|over time),?\s+){0,3}"
)
# A noun after "this" that names something the body or an illness does: "This
# overstretching can lead to tiny tears", "This activity can be triggered by…". Any other
# ("This salve heals the plaques") names what the sentence is about.
_BACKGROUND_NOUN = (
    r"[\w-]*(?:damage|stretching|swelling|narrowing|thickening|hardening|scarring|buildup"
    r"|build-up|inflammation|imbalance|deficiency|resistance|reaction|response|process"
    r"|condition|disease|disorder|activity|attack|changes?|strain|pressure|stiffness|itch"
    r"|itching|pain|symptoms?|problems?|infection|injury|tears?|blockage|clots?|plaque|rise"
    r"|drop|spike|surge|loss|cycle|overgrowth|syndrome|illness|virus|bacteria|hormones?)"
)
REFERRING_SUBJECTS = _compiled(
    (
        _OPENER
        + r"(?:(?:it|this|they|these|that)\s+|(?:this|these|that|those|such)\s+(?:[\w-]+\s+)?"
        + _BACKGROUND_NOUN
        + r"\s+)(?:\w+ly\s+|also\s+|often\s+|can\s+|may\s+|will\s+|"
        r"only\s+|mainly\s+|mostly\s+|then\s+|further\s+|in turn\s+|be\s+|been\s+|is\s+"
        r"|are\s+|was\s+|were\s+|has\s+|have\s+|had\s+){0,4}$"
    ),
)
# A sentence whose subject only points back: what it says is about the one before.
POINTS_BACK = Pattern.lazy(_OPENER + r"(?:it|this|they|these|that|those|such)\b", re.IGNORECASE)
# How many sentences back a chain of "it", "this" and "this overstretching" is followed.
CHAIN = 3
# Something a reader could take or do: named with a background subject, it makes the
# sentence a claim after all.
INTERVENTIONS = _compiled(
    (
        r"\b(?:treatments?|therap(?:y|ies)|drugs?|medications?|medicines?|supplement\w*|"
        r"vitamins?|diets?|dietary|exercise|training|surgery|surgical|vaccines?|"
        r"vaccination|intervention|programm?e|screening|dose|pills?|tablets?|injections?|"
        r"coffee|tea|alcohol|smoking|food|foods|eating|drinking|acupuncture|yoga|"
        r"\w+(?:mab|statin|pril|sartan|formin|olol|prazole))\b"
    ),
)


def antecedent(before: Sequence[str]) -> str | None:
    """What a sentence that opens on "it", "this" or "this overstretching" is about: the
    sentence before it (``before`` ends with it) and, while each of them only points back
    too, the ones before that."""
    chain: list[str] = []
    for text in reversed(before[-CHAIN:]):
        chain.append(text)
        if not POINTS_BACK.match(text):
            break
    return " ".join(reversed(chain)) if chain else None


def background(
    text: str,
    cue_start: int,
    previous: str | None,
    products: re.Pattern[str] | None = None,
    diseases: re.Pattern[str] | None = None,
) -> bool:
    """Whether the words before the claim's verb (at ``cue_start``) make the sentence tell
    how a disease or the body works. ``previous`` is what the sentence before in its
    paragraph is about (see ``antecedent``), read when this one only points back to it
    ("It also…", "This overstretching…"); ``products`` are words of things a reader
    takes, which make it a claim after all (a blog's supplements); ``diseases`` names
    more diseases as subjects ("Eczema is a skin inflammation. It causes itchy skin")."""
    # On a blog, a disease that something is done to is no actor: "Acne is caused by
    # dairy" names a cause; "…is caused by kidney disease" tells how illness works.
    # One person's story stays one ("his sperm was weakened by cancer treatment").
    if diseases is not None and _CURED_BY_A_DEADLINE.match(text, cue_start):
        return False
    if (
        diseases is not None
        and (passive := _PASSIVE.match(text, cue_start)) is not None
        and not _ONE_PERSON.search(text, 0, cue_start)
    ):
        return by_illness(text, passive.end(), diseases, products)
    # The claim's subject is in its own clause: after a semicolon or a colon, what came
    # before ("not everyone will get surgery; thousands with the condition can
    # benefit") says nothing about it.
    head = text[:cue_start]
    subject = head[max(head.rfind(";"), head.rfind(":")) + 1 :]
    if previous is not None and any(p.match(subject) for p in REFERRING_SUBJECTS):
        # What the sentence names after its verb still counts: "It is reversed by a
        # 30-day juice fast".
        rest = text[cue_start:]
        if names_any(rest, INTERVENTIONS) or (products and acts(rest, products)):
            return False
        subject = f"{previous} {subject}"
    subjects: tuple[Pattern | re.Pattern[str], ...] = BACKGROUND_SUBJECTS
    if diseases is not None:
        subjects = (*subjects, diseases)
    for pattern in subjects:
        match = pattern.search(subject)
        if match is None:
            continue
        # A disease that only qualifies a noun is not the subject: "Acne patches clear…",
        # "eczema-friendly creams".
        if pattern is diseases and not _DISEASE_HEAD.match(subject, match.end()):
            continue
        # Something a reader could take or do makes it a claim after all. A clause right
        # before the verb ("…a defect that often leads to blindness") is about the noun
        # just before it: only a treatment near that noun counts.
        clause = match.end() >= len(subject.rstrip()) and _RELATIVE.match(match.group())
        if clause and _background_noun(subject[max(0, match.start() - _HEAD) : match.start()]):
            return True
        scope = subject[max(0, match.start() - _NEAR) :] if clause else subject
        # On a blog (products given) a product or a practice is something a reader does.
        # So is what a food gives the reader, on a blog: "Spinach is rich in iron, which
        # helps fight fatigue".
        if (
            not names_any(scope, INTERVENTIONS)
            and not (products and acts(scope, products))
            and not (products is not None and clause and _NUTRIENT_OF.search(scope))
        ):
            return True
    return False


# What a food is said to hold.
_NUTRIENT_OF = Pattern.lazy(
    r"\b(?:(?:rich|high)\s+in|full\s+of|packed\s+with|loaded\s+with|(?:a\s+)?(?:good|great"
    r"|excellent|rich)\s+source\s+of)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*,\s*(?:which|that)\b",
    re.IGNORECASE,
)
# What may follow a disease that heads its noun phrase: its verb, or the phrase's end.
_DISEASE_HEAD = Pattern.lazy(
    r"\s*(?:$|[,.;:!?)—–]|(?:is|are|was|were|can|could|may|might|will|would|often|also"
    r"|usually|typically|and|or|that|which|who)\b)",
    re.IGNORECASE,
)
_BY_AGENT = Pattern.lazy(
    r"\s+(?:[\w-]+ly\s+)?(?:by|with)\s+(?P<agent>(?:[\w'’-]+,?\s+){0,5}[\w'’-]+)", re.IGNORECASE
)
# What goes wrong in the body: "abnormal brain activity", "a hormonal imbalance".
_ILLNESS = Pattern.lazy(
    r"\b(?:abnormal|faulty|overactive|underactive|damaged|inflamed|hormonal|genetic"
    r"|imbalances?|deficienc(?:y|ies)|hormones?|estrogen|oestrogen|testosterone|cortisol|insulin"
    r"|adrenaline|clots?)\b"
    # The body as what does it, not as what a product is named for ("brain-boosting
    # smoothies", "nerve tonics"): its word ends the agent's first phrase.
    r"|\b(?:brain|nerves?|nervous\s+system)(?:\s+(?:activity|signals?|cells?|chemistry))?"
    r"(?=\s*(?:$|[,;.]|\s(?:and|or|in|that|which|when|such)\b))",
    re.IGNORECASE,
)
# Causes named only as many: "can be triggered by many things".
_VAGUE = Pattern.lazy(
    r"(?:many|several|various|numerous|multiple|different|certain|a\s+(?:number|variety|range|mix"
    r"|combination)\s+of|a\s+few|lots\s+of|a\s+lot\s+of)\b",
    re.IGNORECASE,
)
# ...which a passive tells too: "his sperm was weakened by cancer treatment".
_ONE_PERSON = Pattern.lazy(
    rf"{_ONE_PERSONS}(?:was|were|had\s+been|has\s+been|got)\s+$", re.IGNORECASE
)
# Passive verbs of a cause that do not end in "ed" or "en", or take a word after them:
# "is fed by", "is made worse by", "are brought on by".
IRREGULAR_PASSIVES = r"fed|made\s+worse|brought\s+(?:on|about)|set\s+off|kicked\s+off"
# A passive's verb before its agent: "is caused by", "are often triggered by", "can be
# reversed with".
_PASSIVE = Pattern.lazy(
    r"(?:(?:is|are|was|were|be|been|being|can\s+be|may\s+be|often|usually|mostly|also|mainly"
    rf"|largely|typically|commonly|sometimes)\s+)*(?:[a-z]+(?:ed|en)|{IRREGULAR_PASSIVES})"
    # (An adverb may come before the agent: "is reversed naturally by a cup of broth".)
    r"(?=\s+(?:[\w-]+ly\s+)?(?:by|with)\b)",
    re.IGNORECASE,
)
# Verbs of a cure a blog promises, in the passive ("can be reversed", "are crushed"),
# after what makes them passive, and the deadline a blog promises them by ("in 30 days").
CURE_PASSIVES = (
    r"reversed|cured|fixed|crushed|banished|beaten|wiped\s+out|erased|zapped|melted\s+away"
    r"|flushed\s+out"
)
CURED = r"(?:is|are|was|were|can\s+be|will\s+be|gets?|got)\s+(?:\w+ly\s+)?"
BY_A_DEADLINE = (
    r"in\s+(?:just\s+|only\s+|as\s+little\s+as\s+)?(?:\d+|a|one|two|three|four|five|six|seven"
    r"|ten)\s+(?:days?|weeks?|months?)|within"
)
# A cure by a deadline tells no course of an illness: "Type 2 diabetes can be reversed in
# 30 days" (a wound "is healed within two weeks" by itself). A cure that medicine gives in
# weeks is no blog's promise: "Hepatitis C can be cured in 12 weeks".
_CURED_BY_A_DEADLINE = Pattern.lazy(
    rf"{CURED}(?!cured\b)(?:{CURE_PASSIVES})\s+(?:\w+\s+)?(?:{BY_A_DEADLINE})", re.IGNORECASE
)


def by_illness(
    text: str,
    cue_end: int,
    diseases: re.Pattern[str],
    products: re.Pattern[str] | None = None,
) -> bool:
    """Whether a passive's agent after the claim's words (from ``cue_end``) is a disease
    or the body: "is caused by conditions such as kidney disease" tells how illness
    works, as a disease for its subject does. Something a reader eats, takes or does
    makes it a claim however it is named ("by certain foods", "by nerve tonics")."""
    agent = _BY_AGENT.match(text, cue_end)
    if agent is None:
        return False
    words = agent.group("agent")
    if names_any(words, INTERVENTIONS) or (products is not None and acts(words, products)):
        return False
    return (
        _VAGUE.match(words) is not None
        or diseases.search(words) is not None
        or _ILLNESS.search(words) is not None
        or any(p.search(words) for p in BACKGROUND_SUBJECTS)
    )


_TO_YOU = Pattern.lazy(r"\s+(?:[\w-]+\s+){0,2}?your\b", re.IGNORECASE)


def passing_object(
    text: str, cue_start: int, cue_end: int, products: re.Pattern[str] | None = None
) -> bool:
    """Whether what follows the claim's words (from ``cue_end``) makes it no claim to
    source: one person's story, convenience, how the body works, newsroom business. On a
    blog (``products`` given) what something a reader takes, does or meets is said to do
    in the body is its claim: "Cupping increases blood circulation"."""
    patterns = SKIP_OBJECTS
    subject = text[:cue_start]
    # On a blog what anything but the body or a disease is said to do to the reader's
    # body is a claim too: "Scented candles disrupt your hormones".
    if products is not None and (
        acts(subject, products)
        or (_TO_YOU.match(text, cue_end) and not names_any(subject, BACKGROUND_SUBJECTS))
    ):
        patterns = _NOT_MECHANISMS
    return any(p.match(text, cue_end) for p in patterns)


def acts(subject: str, products: re.Pattern[str]) -> bool:
    """Whether the subject names something a reader takes or does on their own (a drug's
    mechanism is pharmacology: "The drug triggers the release of serotonin")."""
    return (
        products.search(subject) is not None
        or _PRACTICES.search(subject) is not None
        or _DOING.match(subject) is not None
    )


def _background_noun(head: str) -> bool:
    """Whether the noun a relative clause describes is background itself ("a few
    medications for the condition, which causes aches"): the clause tells what the
    condition does, whatever treatment is named before it. Only the noun right before
    the clause counts: in "a migraine drug that can halve attacks" it is the drug."""
    noun = head.rstrip(" ,")
    for pattern in BACKGROUND_SUBJECTS:
        match = pattern.search(noun)
        if match is not None and match.end() == len(noun) and not _RELATIVE.match(match.group()):
            return True
    return False


def names_any(text: str, patterns: Iterable[Pattern]) -> bool:
    return any(p.search(text) for p in patterns)
