"""Words that take a claim back, shared by the readings that need them: negations ("does
not cure"), debunkings ("the myth that…") and the marketing words a writer uses to report
a claim without making it ("is marketed as"), each a regex alternation to be put inside
``\\b(?:…)\\b``; and the sentence after a claim that rejects it as a whole ("They
don't."), with the tests that read it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from healthlint.core.pattern import Pattern

if TYPE_CHECKING:
    from healthlint.language.prose import Sentence

NEGATIONS = (
    r"not|never|no|nor|neither|cannot|can['’]t|don['’]t|doesn['’]t|didn['’]t|isn['’]t"
    r"|aren['’]t|won['’]t|wasn['’]t|weren['’]t|hasn['’]t|haven['’]t"
)
DEBUNKINGS = (
    r"myths?|misconceptions?|misinformation|disinformation|hoax(?:es)?|false(?:ly)?"
    r"|untrue|not\s+true|debunk\w*|discredited|disproven|unproven|unfounded|baseless"
    r"|fail(?:s|ed)?\s+to\s+(?:show|prove|find|demonstrate|support|confirm)"
    r"|(?:no|little|lack\s+of|without)\s+(?:\w+\s+){0,2}?(?:evidence|proof)"
    r"|old\s+wives['’]?\s+tales?|urban\s+legends?|folk\s+(?:wisdom|tales?)|propaganda"
)
# A subject that says none does it, at the start of its clause, right before the verb: "No
# supplement can cure diabetes", "…, but no smoothie, pill or lotion can reverse it",
# "There's no single food that will burn fat" (not "a diet with no sugar cures…", where
# "no" is inside the subject; "No wonder walnuts prevent…" and "No other supplement
# reverses…" deny nothing). A whole pattern, to be searched in what stands before the
# verb.
NO_SUBJECT = (
    r"(?:^|[,;:(]|\b(?:and|but|so|because|since|as|that|yet|there['’]s|there\s+(?:is|are))\b)\s*no\s+"
    r"(?!(?:wonder|other|doubt|matter|surprise|question|denying|need|reason|point|mystery|secret"
    r"|getting|excuse|shortage)\b)(?:[\w'’-]+,?\s+){1,6}?"
    r"(?:(?:can|could|will|would|does|do|did|has|have|is|are|may|might|ever|really|actually"
    r"|truly|alone|reliably)\s+){0,3}$"
    # ...or none can promise it: "Nobody can honestly promise that a supplement will lower…".
    r"|\b(?:nobody|no\s+one)\s+(?:[\w'’-]+\s+){0,2}?(?:can|could|will)\s+(?:[\w'’-]+\s+)?"
    r"(?:promise|guarantee|claim|say|tell\s+you)\s+(?:that\s+)?(?:[\w'’-]+\s+){1,6}?"
    r"(?:(?:can|could|will|would|does|do|really|actually)\s+){0,2}$"
)
# A claim named as an idea, told in order to weigh it rather than make it: "the idea that…",
# "Claims that alkaline water prevents cancer don't hold up" (not one the sentence goes on
# to call true: "The idea that garlic prevents colds is true").
REPORTED_AS = (
    r"(?:(?:the|these|those|such)\s+|^\W*|\bone\s+of\s+the\s+(?:[\w-]+\s+){0,2}?)(?:idea|belief|claim"
    r"|notion|theory|worry|fear|story|stories|saying|legend|tale|assumption|rumou?r)s?\s+"
    # ...or whose it is, named: "One of the biggest claims made by colloidal silver advocates
    # is that…".
    r"(?:(?:made|pushed|spread|put\s+forward)\s+by\s+(?:[\w'’-]+\s+){1,4}?(?:is|are|was|were)\s+)?that"
    r"(?![^.;]*\b(?:is|are)\s+(?:(?!(?:not|never|hardly|rarely|only|partly|partially|half)\b)\w+\s+)?"
    r"(?:true|right|correct|accurate|spot\s+on)\b(?!\s+only\b))"
)
MARKETED = r"(?:promoted|marketed|advertised|touted|sold|billed)"
# Research as the subject of a sentence: what a news story reports, not its own advice.
RESEARCH = r"study|studies|trials?|researchers"


def ends_with(sentence: str, mark: str) -> bool:
    """Whether the sentence ends on ``mark`` ("?", "."), past any closing quote or bracket:
    'Does it work?"' asks."""
    return sentence.rstrip("\"'”’) ").endswith(mark)


def ies_plural(word: str) -> tuple[str, ...]:
    """The plural in "ies" of a word in consonant + "y" ("allergy", "remedy"): the one
    plural a trailing "s" or "es" does not spell."""
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return (word[:-1] + "ies",)
    return ()


# The writer's own conclusion, which opens a clause of its own: "…, which is why keto works".
CONCLUSION = r"(?:(?:which|this|that)\s+is|that['’]s|and\s+that\s+is)\s+why"
# What a clause after a claim compares it with or says follows from it ("…than any flu jab
# could", "…so well that you may…"): a hedge there is that clause's own.
COMPARED = r"than|so\s+(?:much|well|fast|quickly|effectively|strongly)\s+that"


# A sentence that is nothing but a rejection of the one before it: "They don't.", "It
# can't.", "That isn't true.", "That's a myth.", "There's no good evidence that it does.",
# "Nope." (not "It doesn't, sadly, come cheap", "That's not true of black pepper", "There's
# no evidence that it is addictive", "Not so long ago…", which say something else of it).
_NEGATED_AUXILIARY = (
    r"(?:(?:do|does|did|is|are|was|were|can|will|would|could|has|have)\s+not|cannot|can['’]t"
    r"|won['’]t|(?:do|does|did|is|are|was|were|would|could|has|have)n['’]t)"
)
_REJECTS = Pattern.lazy(
    r"^\W*(?:(?:but|sadly|unfortunately|actually|in\s+fact|in\s+reality|the\s+truth\s+is"
    r"|spoiler(?:\s+alert)?)\s*[,:]?\s+)?"
    r"(?:(?:it|they|this|that|these|those)\s+" + _NEGATED_AUXILIARY + r"(?:\s+(?:work|help|really"
    r"|actually))?(?:\s*[.!]+|\s*;|,\s+and\b|\s*[—–])"
    r"|(?:that|this|it)\s+(?:simply\s+|just\s+)?(?:is\s+not|isn['’]t)\s+(?:true|the\s+case)\W*$"
    r"|(?:(?:that|this|it)(?:['’]s|\s+is)|they['’]re|they\s+are)\s+(?:simply\s+|just\s+"
    r"|completely\s+|totally\s+)?(?:a\s+(?:total|complete)\s+)?(?:not\s+true|untrue|false"
    r"|a\s+myth|myth|nonsense|wrong|not\s+the\s+case|a\s+misconception)\W*$"
    r"|there(?:['’]s|\s+is)\s+no\s+(?:[\w-]+\s+){0,2}?(?:evidence|proof)\s+(?:(?:that|for|to\s+support"
    r"|behind)\s+(?:it|this|that|any\s+of\s+(?:it|this|that))|that\s+(?:it|this|they|these)\s+"
    r"(?:does|do|works?|helps?|happens|is\s+true|are\s+true))\W*$"
    r"|(?:none|neither)\s+of\s+(?:this|that|these|it|them)\s+(?:is|are)\s+true\W*$"
    r"|(?:not\s+(?:true|so|really|quite)|nope|wrong|false|myth(?:\s+busted)?)\W*$)",
    re.IGNORECASE,
)


def rejects(sentence: str) -> bool:
    """Whether the sentence rejects the one before it as a whole ("Some websites claim
    apricot kernels cure cancer. They don't."): what that one says is not the writer's
    claim."""
    return _REJECTS.match(sentence) is not None


def rejected_by_next(sentences: Sequence[Sentence], index: int) -> bool:
    """Whether the next sentence of the same paragraph rejects sentence ``index`` (see
    ``rejects``)."""
    following = sentences[index + 1] if index + 1 < len(sentences) else None
    return (
        following is not None
        and following.paragraph == sentences[index].paragraph
        and rejects(following.text)
    )
