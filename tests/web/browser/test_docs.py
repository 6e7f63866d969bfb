"""``/docs`` in headless Chromium against real gunicorn: Swagger UI renders every operation
of ``openapi.yaml`` and "try it" gets real answers from this service (with a key when
the deployment requires one). The ``visit`` fixture checks no request left the origin."""

from __future__ import annotations

from .conftest import API_KEY, CONTRAST

OPERATIONS = """() => [...document.querySelectorAll('.opblock')].map((op) => [
  op.querySelector('.opblock-summary-method').textContent.toLowerCase(),
  op.querySelector('.opblock-summary-path').dataset.path])"""


def _try_extract_quotes(page) -> tuple[str, str]:
    """Open POST /v1/quotes, execute its example, return (status, body) as shown."""
    operation = page.locator("#operations-quotes-extractQuotes")
    operation.locator(".opblock-summary").click()
    operation.locator("button.execute").click()
    row = operation.locator(".live-responses-table .response")
    row.wait_for()
    return row.locator(".response-col_status").inner_text().strip(), row.locator(".microlight").first.inner_text()


def test_docs_render_every_operation_and_try_one(open_server, visit, spec):
    seen = visit(open_server, "/docs", height=1100)
    page = seen.page
    page.wait_for_selector(".opblock")
    documented = sorted((method, path) for path, item in spec["paths"].items() for method in item)
    assert sorted(map(tuple, page.evaluate(OPERATIONS))) == documented
    assert spec["info"]["title"] in page.locator(".info .title").inner_text()
    seen.screenshot("docs.png")

    status, body = _try_extract_quotes(page)
    assert status == "200"
    assert '"quotes"' in body and '"We will win,"' in body
    requests_made = [r for r in seen.requests if r.url.split("?")[0] == f"{open_server.base}/v1/quotes"]
    assert [r.method for r in requests_made] == ["POST"]
    page.locator("#operations-quotes-extractQuotes .live-responses-table").scroll_into_view_if_needed()
    seen.screenshot("docs-try-it.png")
    # Swagger UI's colours, as docs.css corrects them, meet WCAG AA with the answer shown.
    low = [(where, round(ratio, 2)) for where, ratio in page.evaluate(CONTRAST) if ratio < 4.5]
    assert not low, low


def test_docs_try_it_with_an_api_key(keyed_server, visit):
    seen = visit(keyed_server, "/docs")
    page = seen.page
    page.wait_for_selector(".opblock")
    seen.expect_error("401")
    status, _ = _try_extract_quotes(page)
    assert status == "401"

    page.locator(".auth-wrapper .authorize").click()
    dialog = page.locator(".modal-ux")
    dialog.locator("input").fill(API_KEY)
    dialog.locator("button.authorize").click()
    dialog.locator("button.btn-done").click()
    page.locator("#operations-quotes-extractQuotes button.execute").click()
    page.wait_for_function(
        "() => document.querySelector('#operations-quotes-extractQuotes .live-responses-table "
        ".response .response-col_status')?.textContent.trim() === '200'"
    )
    sent = [r for r in seen.requests if r.url.split("?")[0] == f"{keyed_server.base}/v1/quotes"]
    assert sent[-1].headers["authorization"] == f"Bearer {API_KEY}"
    assert page.evaluate("() => [localStorage.length, document.cookie]") == [0, ""]


def test_docs_by_keyboard(open_server, visit):
    """Tab reaches our links, Authorize and an operation, each with a visible focus ring;
    Enter opens the operation."""
    seen = visit(open_server, "/docs")
    page = seen.page
    page.wait_for_selector(".opblock")
    focus = """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {cls: String(e.className), text: e.textContent.trim(),
                ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2}; }"""
    seen_texts = []
    for _ in range(30):
        page.keyboard.press("Tab")
        now = page.evaluate(focus)
        assert now["ring"], f"no visible focus on {now}"
        seen_texts.append(now["text"])
        if "opblock-summary-control" in now["cls"] and "/v1/quotes" in now["text"]:
            break
    assert seen_texts[:3] == ["Home", "Demo", "API reference"]
    assert "Authorize" in seen_texts
    page.keyboard.press("Enter")
    page.locator("#operations-quotes-extractQuotes.is-open").wait_for()
    seen.screenshot("docs-keyboard.png")
