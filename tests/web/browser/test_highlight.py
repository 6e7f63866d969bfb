"""The drawing of quotes into the article (``static/demo/highlight.js``) in Chromium, on
spans written by hand: nested, crossing, identical, adjacent, astral characters, CRLF,
and text that looks like HTML. The API's own answers are drawn in ``test_demo.py``."""

from __future__ import annotations

import pytest

# Render a response into a fresh element and read back what was drawn.
DRAW = """async ([text, response]) => {
  const {collectSpans, renderArticle} = await import('/static/demo/highlight.js');
  const box = document.createElement('div');
  document.body.append(box);
  renderArticle(box, text, collectSpans(response));
  const drawn = {};
  for (const node of box.querySelectorAll('mark.quote, .cue, .mention')) {
    const key = node.classList.contains('quote') ? 'quote:' + node.dataset.quote
                                                 : node.className + ':' + node.dataset.quotes;
    const d = drawn[key] ??= {text: '', segments: 0, inside: []};
    d.text += node.textContent;
    d.segments += 1;
    for (let up = node.parentElement.closest('mark.quote'); up; up = up.parentElement.closest('mark.quote'))
      d.inside.push(up.dataset.quote);
  }
  const html = box.querySelectorAll(':not(mark):not(span)').length;
  box.remove();
  return {text: box.textContent, drawn, html};
}"""


def u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def at(text: str, part: str, nth: int = 1) -> dict:
    """The span of the nth occurrence of ``part`` in UTF-16 units, as the API gives it."""
    start = -1
    for _ in range(nth):
        start = text.index(part, start + 1)
    return {"start": u16(text[:start]), "end": u16(text[: start + len(part)]), "text": part}


def quote(qid: str, text: str, content: str, cue=None, speaker=None, kind="direct", nth=1) -> dict:
    return {
        "id": qid,
        "type": kind,
        "content": at(text, content, nth),
        "cue": at(text, cue) if cue else None,
        "speaker": at(text, speaker) if speaker else None,
        "speaker_id": "s1" if speaker else None,
        "hedges": [],
    }


NESTED = "She said that Tom had called it “a plan to fail” in May."
CROSSING = "alpha beta gamma delta"
SAME = "“Same words,” they said."
ASTRAL = "🌀 “Go 🌊 now,” 😞 she said."
CRLF = "“First line\r\nsecond line,” he said."
ADJACENT = "one two"
HTML = '<img src=x onerror="window.__pwned = 1"> “<b>bold</b> & <i>true</i>,” she said.'

CASES = {
    # a direct quote inside an indirect one, its cue and speaker inside too
    "nested": (
        NESTED,
        [
            quote("q1", NESTED, "Tom had called it “a plan to fail” in May", "said", "She", "indirect"),
            quote("q2", NESTED, "a plan to fail", "called", "Tom"),
        ],
        {"quote:q2": ["q1"], "cue:q2": ["q1"], "mention:q2": ["q1"], "quote:q1": []},
        {"quote:q1": 1, "quote:q2": 1},
    ),
    # two quotes that cross: the later one is drawn in two segments
    "crossing": (
        CROSSING,
        [quote("q1", CROSSING, "alpha beta gamma"), quote("q2", CROSSING, "beta gamma delta")],
        {},
        {"quote:q1": 1, "quote:q2": 2},
    ),
    # two quotes over the same words, and one cue and speaker shared by both
    "identical": (
        SAME,
        [quote("q1", SAME, "Same words,", "said", "they"), quote("q2", SAME, "Same words,", "said", "they")],
        {"quote:q2": ["q1"]},
        {"quote:q1": 1, "quote:q2": 1, "cue:q1 q2": 1, "mention:q1 q2": 1},
    ),
    # astral characters before and inside: offsets are UTF-16 units
    "astral": (ASTRAL, [quote("q1", ASTRAL, "Go 🌊 now,", "said", "she")], {}, {"quote:q1": 1}),
    # CRLF inside a quote
    "crlf": (CRLF, [quote("q1", CRLF, "First line\r\nsecond line,", "said", "he")], {}, {"quote:q1": 1}),
    # quotes that touch without overlapping, one at each end of the text
    "adjacent": (
        ADJACENT,
        [quote("q1", ADJACENT, "one"), quote("q2", ADJACENT, " two")],
        {"quote:q1": [], "quote:q2": []},
        {"quote:q1": 1, "quote:q2": 1},
    ),
    # text that looks like markup stays text
    "markup": (HTML, [quote("q1", HTML, "<b>bold</b> & <i>true</i>,", "said", "she")], {}, {"quote:q1": 1}),
    # no quotes: the text alone
    "none": (NESTED, [], {}, {}),
}


@pytest.mark.parametrize("text, quotes, inside, segments", CASES.values(), ids=CASES.keys())
def test_every_span_is_drawn_over_exactly_its_text(open_server, visit, text, quotes, inside, segments):
    seen = visit(open_server, "/demo")
    result = seen.page.evaluate(DRAW, [text, {"quotes": quotes, "speakers": []}])
    assert result["text"] == text
    assert result["html"] == 0, "only mark and span elements are drawn"
    assert not seen.page.evaluate("window.__pwned")
    expected = {}
    for q in quotes:
        expected[f"quote:{q['id']}"] = q["content"]["text"]
        for kind, part in (("cue", q["cue"]), ("mention", q["speaker"])):
            if part:
                sharing = [o["id"] for o in quotes if o[kind if kind == "cue" else "speaker"] == part]
                expected[f"{kind}:{' '.join(sharing)}"] = part["text"]
    assert {key: d["text"] for key, d in result["drawn"].items()} == expected
    for key, outer in inside.items():
        assert result["drawn"][key]["inside"] == outer, key
    for key, count in segments.items():
        assert result["drawn"][key]["segments"] == count, key
