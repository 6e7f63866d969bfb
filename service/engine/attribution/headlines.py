"""Pass 3: headline sources ("Sanders: Clinton needs to …")."""

from __future__ import annotations

from ..lexicon import source_nouns, word_set
from ..syntax import is_verb, mention
from .context import Context, _overlaps, _span_of, _trim
from .model import Attribution


class HeadlinePass(Context):
    @property
    def _titles(self) -> frozenset[str]:
        return word_set("titles.tsv")

    def headlines(self) -> None:
        """ "Sanders: Clinton needs to 'get away from all of this'": a line that
        opens with a source's name and a colon reports what the source said."""
        doc = self.doc
        taken = [a.content for a in self.found]
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
            if any(t.lower_ in word_set("section_labels.tsv") for t in source):
                continue
            # a name, not a topic heading ("Emergency Abortions: …", "Trump and Xi: …")
            titled = all(t.is_title or t.is_punct or t.lower_ in self._titles for t in source)
            named = root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or len(source) == 1
            if len(source) > 3 or not titled or not named:
                if source_nouns().get(root.lemma_.lower()) != "media" or len(source) > 2:
                    continue
            line_end = sent.end - 1
            while line_end > colon.i and (doc[line_end].is_space or doc[line_end].is_punct):
                line_end -= 1
            if line_end - colon.i < 3:
                continue
            start, end = _trim(self.text, colon.idx + 1, doc[line_end].idx + len(doc[line_end]))
            if any(_overlaps(c, (start, end)) for c in taken):
                continue
            inner = [q for q in self.quotes if start <= q.open_mark < end]
            kind = "mixed" if inner else "indirect"
            self.found.append(
                Attribution(
                    kind,
                    (start, end),
                    None,
                    (colon.idx, colon.idx + 1),
                    root,
                    _span_of(mention(root)),
                    "headline-colon",
                    inner,
                )
            )
