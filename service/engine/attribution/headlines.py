"""Pass 4: headline sources ("Sanders: Clinton needs to …")."""

from __future__ import annotations

from ..document import Document
from ..rules import Rule
from ..syntax import is_verb, mention
from .model import Attribution
from .spans import overlaps, span_of, trim


def headline_sources(d: Document, taken: list[Attribution]) -> list[Attribution]:
    """ "Sanders: Clinton needs to 'get away from all of this'": a line that
    opens with a source's name and a colon reports what the source said,
    unless an earlier pass has the words (``taken``)."""
    doc, text, lexicons = d.doc, d.work, d.lexicons
    covered = [a.content for a in taken]
    found = []
    for sent in doc.sents:
        first = sent[0]
        if first.i > 0 and "\n" not in doc[first.i - 1].text:
            continue
        colon = next((t for t in sent[:8] if t.text == ":"), None)
        if colon is None or colon.i == first.i:
            continue
        source = doc[first.i : colon.i]
        root = source.root
        if any(is_verb(t) and t.pos_ != "AUX" for t in source) or any(t.like_num for t in source):
            continue
        if any(t.lower_ in lexicons.section_labels for t in source):
            continue
        # a name, not a topic heading ("Emergency Abortions: …", "Trump and Xi: …")
        titled = all(t.is_title or t.is_punct or t.lower_ in lexicons.titles for t in source)
        named = root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or len(source) == 1
        if len(source) > 3 or not titled or not named:
            if lexicons.source_nouns.get(root.lemma_.lower()) not in ("media", "document") or len(source) > 2:
                continue
        line_end = sent.end - 1
        while line_end > colon.i and (doc[line_end].is_space or doc[line_end].is_punct):
            line_end -= 1
        if line_end - colon.i < 3:
            continue
        start, end = trim(text, colon.idx + 1, doc[line_end].idx + len(doc[line_end]))
        if any(overlaps(c, (start, end)) for c in covered):
            continue
        inner = tuple(q for q in d.quotes if start <= q.open_mark < end)
        kind = "mixed" if inner else "indirect"
        cue_span = (colon.idx, colon.idx + 1)
        found.append(
            Attribution(kind, (start, end), None, cue_span, root, span_of(mention(root)), Rule.HEADLINE_COLON, inner)
        )
    return found
