"""The attribution rules by name.

Every quote records the rule that found it (``explain=True`` shows it), and
``models/confidence.tsv`` holds each rule's precision, measured on its own by
``python -m bench.calibrate``. The order of the constructions of pass 2 — which
one wins when several could read a cue — is the table in
:mod:`.attribution.constructions`.
"""

from __future__ import annotations

from enum import StrEnum


class Rule(StrEnum):
    # pass 1: a quotation that stands on its own, and the frame that attributes it
    QUOTE_CUE_AFTER = "quote-cue-after"  # "“…,” she said"
    QUOTE_CUE_BEFORE = "quote-cue-before"  # "Mr. Trump said: “…”"
    QUOTE_COLON = "quote-colon"  # "The senator had a message for voters: “…”"
    QUOTE_DASH = "quote-dash"  # "“…” ― Jane Doe"
    QUOTE_CONTINUATION = "quote-continuation"  # a paragraph continuing the quotation before it
    # pass 2: a cue and the clause it reports
    ACCORDING_TO = "according-to"  # "…, according to officials"
    NOUN_CLAUSE = "noun-clause"  # "Trump's claim that …"
    NAMING = "naming"  # "called the charges unsubstantiated"
    CALL_FOR = "call-for"  # "called for an inquiry"
    PARENTHETICAL = "parenthetical"  # "…, analysts said": the clause before the cue
    CLAUSE = "clause"  # "said that …": the clause after the cue
    AS_REPORTED = "as-reported"  # "As the mayor explained, two projects were cut"
    COMMISSIVE = "commissive"  # "pledged to suspend …"
    DIRECTIVE = "directive"  # "urged Americans to vote …"
    STANCE = "stance"  # "criticized the plan for …"
    REQUEST = "request"  # "asked the court to intervene", "told aides to …"
    FINDING = "finding"  # "a poll shows Clinton ahead by three points"
    CLAUSE_ON_CHANNEL = "clause-on-channel"  # "said in a letter that …"
    MISPARSED_CLAUSE = "misparsed-clause"  # "said the disputes since the meeting underscored …"
    MESSAGE_OBJECT = "message-object"  # "announced a hiring freeze", "stressed the need for calm"
    AFTER_COLON = "after-colon"  # "Lee wrote: the council has failed."
    COORDINATED = "coordinated"  # "…, he added, and “resulted in …”"
    QUOTE_FOLLOW_ON = "quote-follow-on"  # "Costs “will fall,” Lee said. “We are sure.”"
    # pass 3: a quoted fragment under a naming cue
    QUOTE_FRAGMENT = "quote-fragment"  # "described as “very positive”"
    # pass 4: a headline source
    HEADLINE_COLON = "headline-colon"  # "Sanders: Clinton needs to …"
