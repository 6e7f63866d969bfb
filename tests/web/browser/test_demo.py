"""``/demo`` in headless Chromium against real gunicorn: what an editor sees and can do.

Each page's requests are recorded and checked by the ``visit`` fixture: none leaves the
service's origin, no console error, no CSP violation.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
import requests

from .conftest import API_KEY, CONTRAST

# Emoji before and inside quotes (two UTF-16 units each), curly quotes, CRLF paragraphs:
# code-point offsets would land one or two characters off in the browser.
ARTICLE = (
    "Storm season 🌀 starts early\r\n\r\n"
    "“We are ready for the worst,” said Dana Whitfield, the harbour master. “The boats are tied down.”\r\n\r\n"
    "The mayor, Luis Ortega, said in a radio interview that the city would probably reopen the schools on Monday. "
    "He called the forecast “worrying but manageable.”\r\n\r\n"
    "Fishermen said the warnings came too late 😞."
)
SHORT = '"The bridge is safe," said Ana Ruiz, the city engineer. She said that repairs would end in May.'


def demo_link(text: str) -> str:
    return "/demo#text=" + quote(text, safe="")


def wait_for_results(page) -> None:
    page.wait_for_selector("#results:not([hidden])")


# The marks of each quote as the page drew them: joined text of its segments, and the
# data attributes they carry; plus every cue and speaker mention.
READ_MARKS = """() => {
  const quotes = {};
  for (const m of document.querySelectorAll('#article mark.quote')) {
    const q = quotes[m.dataset.quote] ??= {text: '', speakers: [], types: [], segments: 0, label: null, border: []};
    q.text += m.textContent;
    q.segments += 1;
    q.speakers.push(m.dataset.speaker ?? null);
    q.types.push(m.dataset.type);
    q.border.push(getComputedStyle(m).borderBottomStyle);
    if (m.dataset.first) q.label = getComputedStyle(m, '::before').content;
  }
  const spans = (sel) => [...document.querySelectorAll(sel)].map(
    (s) => ({text: s.textContent, quotes: s.dataset.quotes.split(' '), speaker: s.dataset.speaker ?? null}));
  return {article: document.querySelector('#article').textContent, quotes,
          cues: spans('#article .cue'), mentions: spans('#article .mention')};
}"""


def test_every_quote_is_a_mark_whose_text_is_its_content(open_server, visit):
    expected = visit(open_server, "/demo").api_response(ARTICLE)
    assert len(expected["quotes"]) >= 4 and {q["type"] for q in expected["quotes"]} >= {"direct", "indirect", "mixed"}
    seen = visit(open_server, demo_link(ARTICLE))
    wait_for_results(seen.page)
    drawn = seen.page.evaluate(READ_MARKS)

    assert drawn["article"] == ARTICLE  # every character, CRs and emoji included, in order
    assert sorted(drawn["quotes"]) == sorted(q["id"] for q in expected["quotes"])
    border = {"direct": "solid", "indirect": "dashed", "mixed": "double"}
    for q in expected["quotes"]:
        mark = drawn["quotes"][q["id"]]
        assert mark["text"] == q["content"]["text"], q["id"]
        assert set(mark["speakers"]) == {q["speaker_id"]}
        assert set(mark["types"]) == {q["type"]}
        # Type shows without colour: a border style and a label naming it.
        assert set(mark["border"]) == {border[q["type"]]}
        assert mark["label"] == f'"{q["id"]} {q["type"]}"'
        if q["cue"]:
            assert {"text": q["cue"]["text"], "quote": True} in [
                {"text": c["text"], "quote": q["id"] in c["quotes"]} for c in drawn["cues"]
            ]
        if q["speaker"]:
            assert any(m["text"] == q["speaker"]["text"] and q["id"] in m["quotes"] for m in drawn["mentions"])
    seen.screenshot("demo-article.png", full_page=True)


def test_utf16_offsets_are_what_the_page_needs(open_server, visit):
    """Guard for the test above: on this article a JavaScript string sliced at code-point
    offsets misses the quotes, so drawing them right proves the page uses utf16."""
    seen = visit(open_server, "/demo")
    codepoint = requests.post(f"{open_server.base}/v1/quotes", json={"text": ARTICLE}, timeout=60).json()
    utf16 = seen.api_response(ARTICLE)
    slice_all = "([text, quotes]) => quotes.map((q) => text.slice(q.content.start, q.content.end))"
    contents = [q["content"]["text"] for q in utf16["quotes"]]
    assert seen.page.evaluate(slice_all, [ARTICLE, utf16["quotes"]]) == contents
    assert seen.page.evaluate(slice_all, [ARTICLE, codepoint["quotes"]]) != contents


def test_speaker_panel_lists_speakers_and_highlights_their_quotes(open_server, visit):
    seen = visit(open_server, demo_link(ARTICLE))
    expected = seen.api_response(ARTICLE)
    page = seen.page
    wait_for_results(page)
    panel = page.evaluate("""() => [...document.querySelectorAll('#speakers > li')].map((li) => ({
        id: li.dataset.speaker, name: li.querySelector('.speaker-name').textContent,
        meta: li.querySelector('.speaker-meta').textContent.trim(),
        descriptions: [...li.querySelectorAll('.descriptions li')].map((d) => d.textContent)}))""")
    assert panel == [
        {
            "id": s["id"],
            "name": s["name"],
            "meta": f"{s['kind']} · {len(s['quote_ids'])} quote{'' if len(s['quote_ids']) == 1 else 's'}",
            "descriptions": s["descriptions"],
        }
        for s in expected["speakers"]
    ]
    # Each quote's card shows its channel and hedges as the API gave them.
    for q in expected["quotes"]:
        card = page.locator(f"#card-{q['id']}").inner_text()
        if q["channel"]:
            assert ("inferred" if q["channel"]["inferred"] else "stated") in card
        for hedge in q["hedges"]:
            assert hedge["text"] in card and hedge["kind"] in card

    speaker = max(expected["speakers"], key=lambda s: len(s["quote_ids"]))
    button = page.locator(f"#speakers button[data-speaker='{speaker['id']}']")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    active = page.evaluate(
        "() => [...document.querySelectorAll('#article mark.is-active')].map((m) => m.dataset.quote)"
    )
    assert sorted(set(active)) == sorted(speaker["quote_ids"])
    visible = page.evaluate(
        "() => [...document.querySelectorAll('#quotes .quote-card')].filter((c) => !c.hidden).map((c) => c.dataset.quote)"
    )
    assert sorted(visible) == sorted(speaker["quote_ids"])
    assert speaker["name"] in page.locator("#status").inner_text()
    seen.screenshot("demo-speaker-highlighted.png", full_page=True)

    button.click()  # again: everything shown
    assert button.get_attribute("aria-pressed") == "false"
    assert page.locator("#article mark.is-active").count() == 0
    assert page.locator("#quotes .quote-card:not([hidden])").count() == len(expected["quotes"])


def test_share_link_renders_the_same_article_on_load(open_server, visit):
    first = visit(open_server, "/demo")
    page = first.page
    page.locator("#article-input").fill(SHORT)
    page.locator("#find").click()
    wait_for_results(page)
    page.locator("#copy-link").click()
    link = page.locator("#share-link").input_value()
    assert link == open_server.base + demo_link(SHORT)
    assert page.evaluate("navigator.clipboard.readText()") == link
    drawn = page.locator("#article").inner_html()

    second = visit(open_server, link.removeprefix(open_server.base))
    wait_for_results(second.page)
    assert second.page.locator("#article-input").input_value() == SHORT
    assert second.page.locator("#article").inner_html() == drawn
    # The article travels in the fragment, which the browser never sends.
    for request in first.requests + second.requests:
        assert "bridge" not in request.url


def test_copy_json_copies_the_api_response(open_server, visit):
    seen = visit(open_server, demo_link(SHORT))
    wait_for_results(seen.page)
    seen.page.locator("#copy-json").click()
    assert json.loads(seen.page.evaluate("navigator.clipboard.readText()")) == seen.api_response(SHORT)


def test_keyboard_only(open_server, visit):
    """Skip link, type an article, Ctrl+Enter, tab to a speaker and a quote: all by keys,
    and every focused control shows a focus ring."""
    seen = visit(open_server, "/demo")
    page = seen.page
    expected = seen.api_response(SHORT)
    focus = """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {id: e.id, tag: e.tagName, cls: e.className, text: e.textContent.trim().slice(0, 40),
                speaker: e.dataset.speaker ?? null, quote: e.dataset.quote ?? null,
                ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; }"""

    page.keyboard.press("Tab")
    assert page.evaluate(focus)["text"] == "Skip to the article box"
    assert page.evaluate(focus)["ring"]
    page.keyboard.press("Enter")
    assert page.evaluate(focus)["id"] == "article-input"
    page.keyboard.type(SHORT)
    page.keyboard.press("Control+Enter")
    wait_for_results(page)

    order = []
    for _ in range(40):
        page.keyboard.press("Tab")
        now = page.evaluate(focus)
        assert now["ring"], f"no visible focus on {now}"
        order.append(now)
        if now["quote"] == expected["quotes"][-1]["id"]:
            break
    ids = [f["id"] for f in order]
    assert ids[:6] == ["api-key", "find", "sample", "clear", "copy-json", "copy-link"]
    speakers = [f["speaker"] for f in order if "speaker" in f["cls"]]
    assert speakers == [s["id"] for s in expected["speakers"]]
    jumps = [f["quote"] for f in order if "jump" in f["cls"]]
    assert jumps == [q["id"] for q in expected["quotes"]]

    # Back to the first speaker, choose it with the space bar.
    speaker = expected["speakers"][0]
    for _ in range(len(order)):
        if page.evaluate(focus)["speaker"] == speaker["id"]:
            break
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert page.locator(f"#speakers button[data-speaker='{speaker['id']}']").get_attribute("aria-pressed") == "true"
    assert page.locator("#article mark.is-active").count() >= len(speaker["quote_ids"])
    seen.screenshot("demo-keyboard-speaker.png")

    # A quote's button takes focus to the quote in the article.
    target = expected["quotes"][0]["id"]
    for _ in range(len(order)):
        if page.evaluate(focus)["quote"] == target and "jump" in page.evaluate(focus)["cls"]:
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    now = page.evaluate(focus)
    assert (now["tag"], now["quote"]) == ("MARK", target)
    assert now["ring"]
    seen.screenshot("demo-keyboard-quote.png")

    # Copy JSON from the keyboard.
    page.locator("#copy-json").focus()
    page.keyboard.press("Enter")
    assert json.loads(page.evaluate("navigator.clipboard.readText()")) == expected


def test_text_contrast_meets_wcag_aa(open_server, visit):
    seen = visit(open_server, demo_link(ARTICLE))
    page = seen.page
    wait_for_results(page)
    page.locator("#speakers button.speaker").first.click()  # the pressed style too
    ratios = page.evaluate(CONTRAST)
    assert len(ratios) > 50
    low = [(where, round(ratio, 2)) for where, ratio in ratios if ratio < 4.5]
    assert not low, low


def test_csp_blocks_anything_sent_to_another_origin(open_server, visit):
    """The policy is enforced, not just sent: a script on the page cannot reach another origin."""
    seen = visit(open_server, "/demo")
    other = open_server.base.replace("127.0.0.1", "localhost")  # same server, another origin
    outcome = seen.page.evaluate(
        "(url) => fetch(url + '/livez').then(() => 'sent', (e) => 'blocked')",
        other,
    )
    assert outcome == "blocked"
    violations = seen.csp_violations()
    assert [v["directive"] for v in violations] == ["connect-src"]
    assert violations[0]["blocked"].startswith(other)
    seen.expect_error("Content Security Policy")
    seen.page.evaluate("window.__cspViolations.length = 0")
    assert not [r for r in seen.requests if r.url.startswith(other)]


@pytest.mark.parametrize("with_key", [False, True])
def test_with_api_keys_on(keyed_server, visit, with_key):
    seen = visit(keyed_server, demo_link(SHORT))
    page = seen.page
    assert page.locator("#api-key").get_attribute("required") is not None
    if not with_key:
        seen.expect_error("401")
        page.wait_for_selector("#problem:not([hidden])")
        assert "Authentication required" in page.locator("#problem").inner_text()
        assert page.evaluate("document.activeElement.id") == "api-key"
        assert page.locator("#results").is_hidden()
        seen.screenshot("demo-key-required.png")
        return
    seen.expect_error("401")  # the link loads before the key is typed
    page.wait_for_selector("#problem:not([hidden])")
    page.keyboard.type(API_KEY)  # focus is already in the key field
    page.keyboard.press("Enter")
    wait_for_results(page)
    assert page.locator("#problem").is_hidden()
    assert page.locator("#article mark.quote").count() >= len(seen.api_response(SHORT)["quotes"])
    sent = [r for r in seen.requests if r.url.endswith("/v1/quotes")]
    assert sent[-1].headers["authorization"] == f"Bearer {API_KEY}"
    # The key stays in the page: never in a URL, storage or a cookie.
    assert not [r.url for r in seen.requests if API_KEY in r.url]
    kept = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie, location.href]")
    assert kept[:3] == [0, 0, ""] and API_KEY not in kept[3]
    seen.screenshot("demo-with-key.png")
