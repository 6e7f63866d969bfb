"""Scene-set channels: a sentence or clause without a quotation that names the
occasion of someone's words ("In an interview with the Gazette on Tuesday, she
softened her tone.", "The minister took questions at a news conference on
Monday.") sets the channel of that person's following quotes, which inherit it
(``inferred``) under the stopping rules of :mod:`.inheritance`."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..annotations import Channel
from ..attribution import Attribution
from ..cues import Cue
from ..document import Document
from ..syntax import is_verb, subject
from .explicit import ExplicitChannels

_PERSONAL = {"i", "we", "you", "he", "she", "they"}


@dataclass(frozen=True, slots=True)
class Scene:
    subject: Token  # who the scene is about
    channel: Channel
    frame: Attribution  # the scene's verb as a frame without content, for the stopping rules


def _agent(d: Document, token: Token | None) -> bool:
    if token is None:
        return False
    if token.pos_ == "PRON":
        return token.lower_ in _PERSONAL
    return token.pos_ == "PROPN" or token.lemma_.lower() in d.lexicons.source_nouns


def find_scenes(d: Document, attributions: list[Attribution]) -> list[Scene]:
    """Channel phrases on a verb that frames no attribution, outside every
    attribution's words, whose subject is a person or organisation."""
    explicit = ExplicitChannels(d)
    taken = [a.content for a in attributions]
    cues = {a.cue.token.i for a in attributions if a.cue is not None}
    scenes = []
    for prep in d.doc:
        if prep.dep_ != "prep" or not is_verb(prep.head) or prep.head.i in cues:
            continue
        if d.in_quotation(prep) or any(start <= prep.idx < end for start, end in taken):
            continue
        channel = explicit.scene(prep)
        if channel is None:
            continue
        verb = prep.head
        source = subject(verb)
        if not _agent(d, source):
            continue
        cue = Cue(verb, verb.idx, verb.idx + len(verb), verb.lemma_.lower(), None)
        span = (verb.idx, verb.idx + len(verb))
        frame = Attribution("indirect", (verb.idx, verb.idx), cue, span, source, None, None)  # type: ignore[arg-type]
        scenes.append(Scene(source, channel, frame))
    return scenes
