"""Speakers: one entity per person or organisation, across names, aliases and pronouns.

No coreference model is installed here, so resolution is rule-based, in the
spirit of the multi-pass sieve of Lee et al. (2013, "Deterministic coreference
resolution based on entity-centric, precision-ranked rules"):

1. Proper names (spaCy's PERSON/ORG/GPE entities) cluster when one name's
   words are contained in the other's ("Mr. Xi" / "Xi Jinping") and the
   honorifics agree in gender. The cluster keeps the titles written before the
   names ("President Trump") and the appositives after them ("Wendy Cutler,
   the vice president of …").
2. A speaker mention that is a pronoun takes the compatible entity (gender,
   number, person or organisation) ranked by recency, subject position and
   whether it spoke just before.
3. A definite nominal ("the president") takes the latest entity holding that
   title or description; other common-noun sources ("analysts", "Chinese state
   media") form entities of their own, merged when one contains the other.

Modules: ``entity`` (the record and how names are read), ``resolver`` (the
sieves); :func:`resolve` feeds them the document's names and speaker
mentions in text order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from ..attribution import Attribution
from ..document import Document
from ..lexicon import outlet_key
from .entity import NAME_LABELS, Entity
from .resolver import Resolver

__all__ = ["Entity", "Speakers", "resolve"]


@dataclass(frozen=True, slots=True)
class Speakers:
    """The entities that speak, and which one speaks each attribution."""

    entities: list[Entity]  # in order of first mention
    of: list[Entity | None]  # by attribution, in the order given to resolve()
    scenes: list[Entity | None] = ()  # by scene subject, in the order given to resolve()


def resolve(d: Document, attributions: list[Attribution], scenes: Sequence[Token] = ()) -> Speakers:
    """Link every attribution's speaker to an entity, and every subject of a
    scene (a sentence that sets a channel without a quote) to the entity it names."""
    resolver = Resolver(d)
    of: list[Entity | None] = [None] * len(attributions)
    events: list[tuple[int, int, object]] = []
    for ent in d.doc.ents:
        kind = NAME_LABELS.get(ent.label_)
        if kind and kind != "group":
            events.append((ent.start_char, 0, ent))
    for n, a in enumerate(attributions):
        if a.speaker is not None:
            # resolved where the attribution is read: at its cue, after its subject
            at = max(a.speaker.idx, a.cue_span[0]) if a.cue_span else a.speaker.idx
            events.append((at, 1, n))
    for n, token in enumerate(scenes):
        events.append((token.right_edge.idx, 2, n))  # read after its appositive ("The minister, Carla Voss, …")
    scene_of: list[Entity | None] = [None] * len(scenes)
    events.sort(key=lambda e: (e[0], e[1]))
    for _, order, item in events:
        if order == 0:
            resolver.add_name(item, NAME_LABELS[item.label_])
        elif order == 2:
            scene_of[item] = resolver.peek(scenes[item])
        else:
            a = attributions[item]
            of[item] = resolver.speaker(a.speaker, a.speaker_span)
    speaking = {id(e) for e in of if e is not None}
    out = [e for e in resolver.entities if id(e) in speaking]
    outlets = d.lexicons.outlets
    for e in out:
        if e.kind == "organization" and any(outlet_key(n) in outlets for n in e.names):
            e.kind = "media"  # "the Financial Times reported"
    out.sort(key=lambda e: min(m[0] for m in e.mentions))
    return Speakers(out, of, scene_of)
