"""Appeals to research and statistics in the wording of health blogs, beyond a claim
rule's own triggers: estimates and surveys with no one behind them ("It's estimated
that", "One survey of 2,000 parents found", "A 2018 study found": a year alone names no
study), research in general as the speaker ("research tells us", "a decade of studies
backs that up", "researchers have long known") and comparisons told as facts ("twice as
likely", "have tripled", "the average American eats").

Only posts read as blogs use this (``detector: appeal``): a news story about a study
tells its own results in these words, with the study named in its lede.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from healthlint.core.pattern import Pattern

if TYPE_CHECKING:
    from healthlint.claims.products import Lexicon

# A number in words or figures; a figure starts where no other figure does, so that a run
# of "1,1,1,…" is not read from each of its digits.
_AMOUNT = (
    r"(?:(?<![\d,.])\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen"
    r"|twenty)"
)
# A share of a group, in words, up to its noun: "almost half of all", "a third of new"
# (not "half of the…", a share of those already told).
_SHARE_OF = (
    r"\b(?:(?:almost|nearly|over|more\s+than|about|around|roughly|just\s+under|just\s+over|up\s+to)\s+)?"
    r"(?:half|a\s+third|a\s+quarter|two[- ]thirds|three[- ]quarters|one[- ]third|one[- ]quarter)"
    r"\s+of\s+(?:all\s+)?(?!(?:all\s+)?(?:the|these|those|them|my|our|his|her)\b)(?:[\w-]+\s+){0,2}?"
)


def _word_first(words: str, not_after: str) -> str:
    """``words`` (an alternation) not right after any of ``not_after`` (words, "|"
    between), looked for first: a look-behind tried at every position of every sentence
    costs more than the rest of a pattern."""
    spaced = (word.replace(" ", r"\s") for word in not_after.split("|"))
    behind = "".join(rf"(?<!\b{word}\s)" for word in spaced)
    return rf"\b(?=(?:{words})\b){behind}(?:{words})"


_APPEALS = (
    Pattern.lazy(
        r"\bit(?:'s|’s|\s+is|\s+has\s+been)\s+(?:\w+\s+)?estimated\s+that\b"
        r"|\bit(?:'s|’s|\s+has)\s+been\s+(?:\w+ly\s+)?(?:proven|proved|shown|found|demonstrated"
        r"|established)\s+that\b"
        r"|\bby\s+(?:some|one|most|many|recent|conservative)\s+estimates?\b",
        re.IGNORECASE,
    ),
    Pattern.lazy(
        r"\b(?:a|an|one|another)\s+(?:(?:recent|new|large|small|major|\d{4})\s+)?"
        r"(?:study|trial|review|survey|poll|analysis|meta-analysis)\s+"
        # ...of whom, or of what: "of 2,000 parents", "of runners", "on teenage sleep" (not
        # "in Atherosclerosis", a journal named).
        r"(?:(?:of|on|in(?=\s+(?-i:[a-z\d]))|among|involving)\s+(?:more\s+than\s+|over\s+|nearly\s+"
        r"|almost\s+)?(?:[\d,]+\s+)?(?:[\w'’-]+\s+){1,3}?)?"
        r"(?:also\s+)?(?:found|finds|showed|shows|suggests|suggested|revealed|concluded|proved"
        r"|confirmed|discovered)\b",
        re.IGNORECASE,
    ),
    Pattern.lazy(
        r"\b(?:research|studies|evidence|science)\s+(?:also\s+|now\s+)?(?:tells\s+us|links|ties|connects"
        r"|reveals|uncovers|(?:has|have)\s+(?:now\s+)?(?:confirmed|revealed)"
        r"|backs\s+(?:that|this|it)\s+up|keeps\s+piling\s+up|(?:has|have)\s+(?:long\s+)?"
        r"(?:proven|shown))\b"
        r"|\b(?:researchers|scientists|experts|doctors)\s+have\s+(?:long\s+)?known\b"
        # Researchers' opinion, with none named: "Researchers believe that…" (not "the
        # researchers", those of a study already told).
        # Agreement is an appeal only to what they agree is so ("agree that", not "agree
        # to release the data"), and only from researchers at large ("few" or "not all"
        # researchers agree with no one).
        rf"|{_word_first('researchers', 'the|these|those|our|not all|few|some')}\s+"
        r"(?:now\s+|still\s+|all\s+|largely\s+|generally\s+)?(?:believe|think|suspect|theori[sz]e"
        r"|speculate|agree\s+that)\b"
        # "according to sleep researchers", not "the researchers I spoke with".
        r"|\baccording\s+to\s+(?!(?:the|our|my|these|those|his|her|their)\b)(?:some\s+|many\s+"
        r"|most\s+)?(?:[\w-]+\s+)?(?:researchers|scientists)\b"
        r"|\b(?:broad|general|scientific|growing)\s+consensus\s+among\b"
        # "Recent findings show", "in study after study", "according to recent surveys",
        # "In one trial, lifters…" (not "the findings", "their findings": a study already
        # told; nor "In one study, called X-227,").
        r"|\b(?=(?:recent|new|latest|findings)\b)(?<!\bthe\s)(?<!\bthese\s)(?<!\bthose\s)"
        r"(?<!\btheir\s)(?<!\bour\s)(?<!\bhis\s)(?<!\bher\s)"
        r"(?<!\bits\s)(?<!['’]s\s)\b(?:(?:recent|new|latest)\s+|(?<!\brecent\s)(?<!\bnew\s)"
        r"(?<!\blatest\s))findings\s+(?:now\s+)?(?:show|suggest|reveal|confirm)\b"
        r"|\bstudy\s+after\s+study\b"
        # "Modern research has finally backed it up" (not "No research has…").
        rf"|{_word_first('research|studies|science', 'no|little')}\s+(?:has|have)\s+(?:\w+ly\s+)?"
        r"backed\s+(?:that|this|it)\s+up\b"
        r"|\baccording\s+to\s+(?:recent\s+|new\s+|some\s+|many\s+|the\s+latest\s+)?(?:surveys|polls"
        r"|statistics)\b"
        # "According to a 2019 study, …": a year names no study, nor does "a recent one"
        # (not "a 2019 study in JAMA Dermatology", "a study published by…", "a Harvard
        # study").
        r"|\baccording\s+to\s+(?:a|an|one|another)\s+(?:(?:recent|new|large|small|major|big"
        r"|\d{4})\s+){0,2}(?:study|trial|review|survey|poll|analysis|meta-analysis|report|paper)\b"
        r"(?!,?\s+(?:in|published|by|from|at|led|of|on|among|conducted|carried|funded|run|involving"
        r"|out\s+of)\b|\s+\()"
        r"|^\W*in\s+(?:one|a|another)\s+(?:recent\s+|small\s+|large\s+|new\s+)?(?:trial|study)"
        r"(?=,\s+(?!(?:called|named|known|led|run|published)\b)(?-i:[a-z]))"
        # Research in the passive, naming none: "as confirmed by a large meta-analysis",
        # "backed by dozens of studies".
        # (Not denied: "claims that it removes toxins aren't backed by evidence".)
        r"|\b(?=(?:confirmed|supported|backed|proven|shown|demonstrated)\b)(?<!n['’]t\s)(?<!\bnot\s)"
        r"(?<!\bnever\s)(?:confirmed|supported|backed(?:\s+up)?|proven|shown|demonstrated)\s+by\s+"
        r"(?:an?\s+|several\s+|many\s+|multiple\s+|numerous\s+|some\s+|recent\s+|dozens\s+of\s+"
        r"|hundreds\s+of\s+)?(?:(?:large|recent|new|major|big|small|landmark)\s+)?"
        r"(?:stud(?:y|ies)|research|trials?|meta-analys[ei]s|reviews?|science|evidence)\b",
        re.IGNORECASE,
    ),
    Pattern.lazy(
        # Not a recipe's or a diary's: "half as much salt", "my distance has doubled".
        r"\b(?:twice|three\s+times|four\s+times|half)\s+as\s+likely\b"
        r"|\b(?:twice|three\s+times|half)\s+as\s+many\s+(?:people|adults|women|men|children|kids"
        r"|teens|americans|patients)\b"
        r"|\b(?:twice|three\s+times|half)\s+as\s+much\s+(?:weight|fat|belly\s+fat|muscle)\b"
        r"|\b(?:rates?|cases|numbers?|risk|incidence|prevalence|deaths|visits|diagnoses|admissions)"
        r"\s+(?:[\w-]+\s+){0,4}?(?:have|has)\s+(?:more\s+than\s+|nearly\s+|almost\s+)?"
        r"(?:doubled|tripled|quadrupled)\b"
        r"|\bthe\s+average\s+(?:american|adult|person|woman|man|child|kid|teen|toddler|briton)"
        r"\s+(?:\w+\s+)?(?:eats|drinks|spends|touches|sleeps|takes|gets|walks|consumes|sits"
        # ...or does anything a number of times: "checks their phone 96 times a day".
        r"|[a-z]+s\b(?=[^.;]{0,60}?\b\d[\d,.]*\s+(?:times|hours|minutes|grams|cups|teaspoons)\b))"
        r"|\b(?:half|a\s+third|a\s+quarter|two-thirds)\s+of\s+us\b|\ban\s+average\s+of\s+\d"
        # Years of life, as studies of a group count them: "Singers live up to seven
        # years longer" (not one person's: "She lived ten years longer").
        rf"|\b(?:live|lives|living)\s+(?:up\s+to\s+|about\s+|around\s+)?{_AMOUNT}\s+years?"
        r"\s+longer\b"
        # A share of a group, told as a survey tells it: "Almost half of teenagers say…".
        rf"|{_SHARE_OF}(?:people|adults|women|men|children|kids|teens|teenagers|parents"
        r"|mums|moms|mothers|dads|fathers|americans|britons|brits|seniors|students|workers"
        r"|employees|babies|toddlers|couples|runners|dieters|smokers|drinkers|users|customers"
        r"|clients|members)\s+(?:(?:still|now|regularly|never|rarely|often|also)\s+)?(?:say|said"
        r"|report|admit|feel|have|struggle|experience|suffer|don['’]t|do\s+not|will|skip|sleep"
        r"|eat|drink|wake|get|need|lose|gain)\b",
        re.IGNORECASE,
    ),
)
# A seller's count of those it helped, or who trust it: "Hundreds of women in our community
# have conceived…", "Over 50,000 families trust our nappy balm" (about health: "Hundreds of
# families trust the school" is none).
_DIGIT = Pattern.lazy(r"\d")
_CUSTOMERS = Pattern.lazy(
    r"\b(?:(?:over|more\s+than|nearly|almost)\s+[\d,]+|\d{1,3}(?:,\d{3})+\+?"
    # (A bare figure, but not a year: "In 2019 people…".)
    r"|(?!(?:19|20)\d\d\b)\d{4,}\+?|hundreds|thousands|tens\s+of\s+thousands)"
    r"\s+(?:of\s+)?(?:happy\s+|satisfied\s+)?(?:families|parents|mums|moms|mothers|customers"
    r"|clients|women|men|people|patients|users|couples|members)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:trust|swear\s+by|rely\s+on|(?:have|has)\s+(?:already\s+)?(?:conceived|healed"
    r"|recovered|reversed|cured|beaten|lost\s+(?:weight|\d)|cleared|transformed|fixed|ended))\b",
    re.IGNORECASE,
)
# Figures from a body nobody names: "industry figures show" (about health: "Official
# figures show Britain had its wettest February" is the weather; "our figures" are the
# writer's own).
_FIGURES = Pattern.lazy(
    _word_first("industry|official|government|national|recent|latest", "our")
    + r"\s+figures\s+(?:show|suggest|reveal)\b",
    re.IGNORECASE,
)
# A share of homes or illnesses: "Mould is found in almost half of British homes", "Half
# of all mental illness starts by 14" (cases are as often a study's own); a statistic
# only where health or a hazard is named ("Nearly half of households own an air fryer").
_SHARES = Pattern.lazy(
    rf"{_SHARE_OF}(?:homes|households|deaths|mental\s+illness|illnesses|infections|diagnoses"
    # ...and of harms counted as events: "a third of childhood asthma attacks", "three
    # quarters of type 2 diabetes cases", "half of emergency room visits" (not "half of all
    # cases", "a third of cases of…": a study's own, as often as not).
    r"|(?:[\w-]+\s+){0,2}?(?:attacks|falls|fractures|injuries"
    r"|(?<!\ball\s)(?<!\bof\s)(?:cases|visits|admissions)))\b",
    re.IGNORECASE,
)
# Shares of events that count as a statistic only where the sentence is about health.
_EVENTS = Pattern.lazy(r"\b(?:cases|visits|admissions)$", re.IGNORECASE)
_HOMES = Pattern.lazy(r"\b(?:homes|households)\b", re.IGNORECASE)
_HAZARD = Pattern.lazy(
    r"\b(?:mou?ld|damp|radon|asbestos|lead\s+paint|carbon\s+monoxide|allergens?|dust\s+mites?)\b",
    re.IGNORECASE,
)

# A count in words that names an order of magnitude: "hundreds of thousands of people" (a
# bare "millions of people" is a manner of speaking, which an editor leaves alone).
_MANY = r"(?:hundreds|tens)\s+of\s+(?:thousands|millions)"
# How many people, counted by nobody named: "affects around 30 million people in the
# U.S.", "Over 2,000,000 Americans live with…" (not "thousands of years", nor a count with
# no people in it).
_COUNTED = Pattern.lazy(
    r"(?<![\w,.])(?:(?:\d[\d,.]*|half\s+a|a|one|two|three|four|five|six|seven|eight|nine|ten)"
    rf"\s+(?:million|billion)|\d{{1,3}}(?:,\d{{3}}){{2,}}|(?P<words>{_MANY})\s+of)\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?=(?:people|adults|women|men|children|kids|teens|teenagers|americans|britons|brits"
    r"|canadians|australians|seniors|babies|patients|cases|deaths|workers|smokers)\b)",
    re.IGNORECASE,
)
# ...who have, live with or die of something: how common an illness is.
_HAS_ILLNESS = (
    r"affects?|affected|affecting|suffer\w*|diagnosed|(?:live|living)\s+with|die|died|deaths"
    r"|cases|at\s+risk|hospitali[sz]\w*"
    # ...or end up in hospital ("sends 500,000 people to hospital"; not "the hospital's
    # catchment area", "the hospital sector").
    r"|(?:to|in)\s+(?:the\s+)?hospital(?![\w'’-])(?!\s+(?:sector|system|staff|workers|area|car))"
)
_LIVES_WITH = rf"{_HAS_ILLNESS}|(?:deal|dealing|struggle|struggling)\s+with|battle|battling"
_PREVALENCE = Pattern.lazy(rf"\b(?:{_LIVES_WITH}|experience|have|has|had)\b", re.IGNORECASE)
# ...the same, without the verbs of having, which a manner of speaking uses as often ("A
# million people have asked me…").
_HOW_COMMON = Pattern.lazy(rf"\b(?:{_HAS_ILLNESS})\b", re.IGNORECASE)
# ...right after the people counted: "hundreds of thousands of children are diagnosed
# with", "hundreds of thousands of people to hospital".
_THEN_HOW_COMMON = Pattern.lazy(
    r"[\w-]+\s+(?:(?:who|are|were|been|now|still|each|every|year|worldwide|globally|secretly"
    rf"|quietly|silently|living|treated|admitted|rushed|taken)\s+){{0,3}}(?:{_LIVES_WITH})\b",
    re.IGNORECASE,
)
# Someone, and how often: "every 34 seconds".
_SOMEONE = r"(?:someone|somebody|one\s+person|a\s+(?:person|woman|man|child))"
_EVERY_WHILE = rf"every\s+(?:{_AMOUNT}\s+)?(?:seconds?|minutes?|hours?)"
# An effect measured without a percent sign: "doubles your chances of", "cuts your risk of
# injury in half", "adds three years to your life", "fell asleep nine minutes faster". A
# recipe or a timetable says the same of dough and trains, so the sentence must be about
# health.
_MEASURED = Pattern.lazy(
    r"\b(?:doubles?|doubling|triples?|tripling|halves|halve|halving)\s+(?:your\s+|the\s+)?"
    r"(?:chances?|risk|odds|likelihood)\b"
    r"|\bcuts?\s+(?:your\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:risk|chances?|odds)\s+(?:[\w-]+\s+){0,4}?"
    r"in\s+half\b"
    rf"|\badds?\s+(?:up\s+to\s+)?{_AMOUNT}\s+(?:years?|months?)\s+to\s+(?:your|a\s+person['’]s)"
    r"\s+life\b"
    rf"|\b{_AMOUNT}\s+(?:minutes?|years?)\s+(?:faster|quicker|sooner|off\s+(?:your|their)\s+life)\b"
    # How often it happens to someone: "Someone dies of heart disease every 34 seconds",
    # "Every 40 seconds, someone has a heart attack".
    rf"|\b{_SOMEONE}\s+(?:[\w'’-]+\s+){{1,6}}?{_EVERY_WHILE}\b|\b{_EVERY_WHILE},?\s+{_SOMEONE}\b",
    re.IGNORECASE,
)


# A forecast by someone unnamed, to a date: "Dementia cases are expected to triple by
# 2050" (about health only: "Mortgage rates are set to climb by 2030").
_FORECAST = Pattern.lazy(
    r"\b(?:rates?|cases|numbers?|incidence|prevalence|deaths|diagnoses|admissions|visits)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:(?:is|are)\s+(?:expected|projected|predicted|forecast|set)\s+to|will)"
    r"\s+(?:more\s+than\s+)?"
    r"(?:double|triple|quadruple|rise|climb|soar|increase|grow|jump|reach)\b"
    r"(?=[^.;]*?\b(?:by\s+(?:the\s+(?:year|end\s+of)\s+)?\d{4}|(?:in|over|within)\s+the\s+next)\b)",
    re.IGNORECASE,
)
# A rate told as an average, with no one behind it: "Young children catch six to eight
# colds a year on average" (about health only: "On average, the bus takes 20 minutes").
_RATE = (
    rf"\b{_AMOUNT}(?:\s+(?:to|and|or)\s+{_AMOUNT})?\s+(?:[\w-]+\s+){{0,2}}?(?:a|per|each)\s+"
    r"(?:year|month|week|day|night)\b"
)
_ON_AVERAGE = Pattern.lazy(
    rf"{_RATE}[^.;]{{0,60}}?\bon\s+average\b|\bon\s+average\b[^.;]{{0,60}}?{_RATE}",
    re.IGNORECASE,
)
# ...not the writer's own: "On average, I lose two pounds a week".
_MINE = Pattern.lazy(
    r"(?<![Tt]ype\s)(?<![Pp]hase\s)(?<![Ss]tage\s)(?<![Gg]rade\s)(?<![Cc]lass\s)\b(?:I|[Mm]y|[Mm]e)\b"
)


def blog_appeal(sentence: str, lexicon: Lexicon | None = None) -> tuple[int, int] | None:
    """The first words of the sentence that appeal to research or state a statistic as a
    blog words it, or None. A statistic is one about health: the body, health or one of
    the ``lexicon``'s diseases."""
    from healthlint.claims.blog import names_health

    spans = [m.span() for m in (p.search(sentence) for p in _APPEALS) if m]
    counted, shares, measured, figures, average, forecast = (
        p.search(sentence) for p in (_COUNTED, _SHARES, _MEASURED, _FIGURES, _ON_AVERAGE, _FORECAST)
    )
    # (A count needs a figure, or hundreds or thousands: most sentences have neither.)
    customers = (
        _CUSTOMERS.search(sentence)
        if _DIGIT.search(sentence) or "ousands" in sentence or "undreds" in sentence
        else None
    )
    if all(m is None for m in (counted, shares, measured, figures, average, forecast, customers)):
        return min(spans) if spans else None
    # The rest are statistics only about health: "2 million people visited the museum"
    # is not one.
    health = names_health(sentence, lexicon)
    if counted is not None and _count_counts(counted, sentence, health):
        spans.append(counted.span())
    if shares is not None and _share_counts(shares.group(), sentence, health):
        spans.append(shares.span())
    if average is not None and _MINE.search(sentence):
        average = None
    spans.extend(
        m.span() for m in (measured, figures, average, forecast) if m is not None and health
    )
    # A seller's count is about health when it names what is sold, too.
    if customers is not None and (
        health or (lexicon is not None and lexicon.products.search(sentence) is not None)
    ):
        spans.append(customers.span())
    return min(spans) if spans else None


def _count_counts(count: re.Match[str], sentence: str, health: bool) -> bool:
    """Whether a count of people (``count``) is a statistic: one about health or how
    common an illness is; "a million" or "hundreds of thousands of" only about how common
    an illness is ("affects a million people", "have Parkinson's disease", "sends hundreds
    of thousands of people to hospital"), as it is as often a manner of speaking ("A
    million people have asked me…")."""
    if count.group("words"):
        # ...and a count in words only right before the illness they have: "Hundreds of
        # thousands of children are diagnosed with ADHD" (not "the hairlines of hundreds
        # of thousands of men with…", "…live with a roommate").
        return health and _THEN_HOW_COMMON.match(sentence, count.end()) is not None
    if not count.group().lower().startswith("a "):
        return health or _PREVALENCE.search(sentence) is not None
    return _HOW_COMMON.search(sentence) is not None or (
        health and _PREVALENCE.search(sentence) is not None
    )


def _share_counts(share: str, sentence: str, health: bool) -> bool:
    """Whether a share of a group (``share``: "half of emergency room visits") is a
    statistic: of cases, visits and admissions only about health, of homes about health
    or a hazard in them, of anything else always."""
    if _EVENTS.search(share):
        return health
    if _HOMES.search(share):
        return health or _HAZARD.search(sentence) is not None
    return True
