"""Channel: how a statement reached the reporter.

Rules, in the order of the design's channel list (design.md, "channel.type"):

1. Explicit, from the attribution's own syntax (the "source/cue/content" frame of
   Pareti 2015, whose frame adjuncts name the medium):
   - a prepositional phrase on the reporting verb ("said in a post on Truth
     Social", "at a news conference", "in an interview with CNBC", "in the
     Oval Office"); the phrase's noun is looked up in ``models/channels_lexicon.tsv``
     and named outlets in ``models/channels.tsv``;
   - the addressee of a speech verb ("told reporters", "told the BBC",
     "testified before Congress");
   - the verb itself ("tweeted", "testified");
   - the source is a medium ("Bloomberg reported", "state media said",
     "according to state media"), or relays the speaker ("Mr. Xi …, state media
     reported, and said …"; "He warned …, according to state media"; a cue
     inside what a medium reported).
2. Set by the scene: a sentence or clause without a quotation that names the
   occasion ("In an interview with the Gazette, she softened her tone.", "The
   minister took questions at a news conference.") gives its subject's following
   quotes that channel, inherited as in rule 3 (:mod:`.scenes`).
3. Inherited: a quote with no channel of its own takes the channel of its
   speaker's previous attribution, marked ``inferred``, unless the scene has
   changed in between: another channel was stated, the quote has a time or place
   of its own, a sentence opens with a new time, the reporting verb changes
   tense, or more than ``MAX_PARAGRAPH_BREAKS`` paragraph breaks separate them.

A channel mentioned inside the reported content is never the quote's channel
("Truth Social's shares fell, he said"): only the frame around the content is read.

Modules: ``explicit`` (rule 1), ``scenes`` (rule 2), ``inheritance`` (rule 3),
``lookup`` (the lexicon lookups they share).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..annotations import Channel
from ..attribution import Attribution
from ..document import Document
from ..speakers import Speakers
from .explicit import OUTLET_TYPES, ExplicitChannels
from .inheritance import MAX_PARAGRAPH_BREAKS, SceneBreaks, anchor
from .scenes import Scene, find_scenes

__all__ = ["MAX_PARAGRAPH_BREAKS", "Scene", "find_channels", "find_scenes"]


def find_channels(
    d: Document, attributions: list[Attribution], speakers: Speakers, scenes: Sequence[Scene] = ()
) -> list[Channel | None]:
    """The channel of every attribution, stated, set by the scene or inherited, or None."""
    explicit = ExplicitChannels(d)
    channels: list[Channel | None] = [None] * len(attributions)
    relayed: list[int] = []
    stated: list[tuple[int, Channel]] = []
    for n, a in enumerate(attributions):
        found = explicit.of(a)
        if found is None:
            continue
        channels[n], from_source = found
        stated.append((anchor(a), found[0]))
        if from_source and found[0].type in OUTLET_TYPES:
            relayed.append(n)
    # A speech act inside what a medium reported came through that medium.
    entity = speakers.of
    for s in relayed:
        source = attributions[s]
        for n, a in enumerate(attributions):
            if channels[n] is None and a.cue_span and source.content[0] <= a.cue_span[0] < source.content[1]:
                if entity[n] is None or entity[n] is not entity[s]:
                    channels[n] = channels[s]
                    stated.append((anchor(a), channels[s]))
    stated += [(anchor(s.frame), s.channel) for s in scenes]
    breaks = SceneBreaks(d, stated)
    # the speaker's latest frame and its channel: an attribution or a scene
    last: dict[int, tuple[Attribution, Channel | None]] = {}
    timeline = [(anchor(a), 1, n) for n, a in enumerate(attributions)]
    timeline += [(anchor(s.frame), 0, k) for k, s in enumerate(scenes)]
    for _, is_attribution, n in sorted(timeline):
        if not is_attribution:
            if (ent := speakers.scenes[n]) is not None:
                last[id(ent)] = (scenes[n].frame, scenes[n].channel)
            continue
        if entity[n] is None:
            continue
        prev = last.get(id(entity[n]))
        if channels[n] is None and prev is not None and (channel := prev[1]) is not None:
            if not breaks.between(prev[0], channel, attributions[n]):
                channels[n] = replace(channel, inferred=True)
        last[id(entity[n])] = (attributions[n], channels[n])
    return channels
