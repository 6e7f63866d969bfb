"""Real gunicorn on loopback ports and Debian's headless Chromium driven by Playwright.

Every page a test opens records each request it makes, its console errors and any
Content-Security-Policy violation; at the end of the test none may have gone to
another origin or failed. Screenshots go to ``out/screens/`` (git-ignored).

Without a Chromium binary (``apt-get install chromium``; ``QUOTES_TEST_CHROMIUM``
names another) these tests skip, saying so. Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

ROOT = Path(__file__).resolve().parents[3]
SCREENS = ROOT / "out" / "screens"
API_KEY = "demo-key-3f9a"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Collects CSP violations in every page, before any of the page's own scripts run.
RECORD_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push({directive: e.effectiveDirective, blocked: e.blockedURI}));
"""

# Every visible text on the page (and ::before labels) as [element, contrast ratio with
# its background], backgrounds composited up the ancestors (WCAG 2 relative luminance).
CONTRAST = """() => {
  const parse = (c) => { const p = c.match(/[\\d.]+/g).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                       return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = (el) => {
    const layers = [];
    for (let n = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((bg, c) => over(c, bg), [255, 255, 255, 1]);
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ').join('.') : '');
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!el.checkVisibility()) continue;
    const bg = background(el);
    if ([...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
      out.push([name(el), ratio(over(parse(getComputedStyle(el).color), bg), bg)]);
    const before = getComputedStyle(el, '::before');
    if (before.content && !['none', 'normal'].includes(before.content)) {
      const own = parse(before.backgroundColor);
      const under = own[3] > 0 ? over(own, bg) : bg;
      out.push([name(el) + '::before', ratio(over(parse(before.color), under), under)]);
    }
  }
  return out;
}"""


def _chromium() -> str | None:
    given = os.environ.get("QUOTES_TEST_CHROMIUM")
    if given:
        return given
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    base: str
    log: Path
    api_keys: tuple[str, ...] = ()


@contextmanager
def _gunicorn(log_dir: Path, api_keys: tuple[str, ...] = ()) -> Iterator[Server]:
    """One sync worker on a free loopback port, stopped (the whole process group) at exit."""
    port = _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PROMETHEUS_MULTIPROC_DIR", "QUOTES_API_KEYS") and not k.startswith("QUOTES_CORS")
    }
    env.update(QUOTES_BIND=f"127.0.0.1:{port}", QUOTES_WORKERS="1")
    if api_keys:
        env["QUOTES_API_KEYS"] = ",".join(api_keys)
    log_path = log_dir / "gunicorn.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, log_path.read_text()
            try:
                if requests.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not get ready in 90 s"
            time.sleep(0.25)
        yield Server(base, log_path, api_keys)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> str:
    path = _chromium()
    if not path or not Path(path).exists():
        pytest.skip("no Chromium to drive: `apt-get install chromium` (.ci/run does) or set QUOTES_TEST_CHROMIUM")
    return path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def open_server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The default deployment: no API keys, no CORS (the pages are same-origin)."""
    with _gunicorn(tmp_path_factory.mktemp("open")) as server:
        yield server


@pytest.fixture(scope="session")
def keyed_server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A deployment that requires an API key on /v1."""
    with _gunicorn(tmp_path_factory.mktemp("keyed"), api_keys=(API_KEY,)) as server:
        yield server


@dataclass
class Visit:
    """A page and everything it did: requests, console errors, page errors."""

    page: Page
    server: Server
    requests: list[Request] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)

    def expect_error(self, fragment: str) -> None:
        """A console error containing ``fragment`` is part of the test (Chromium logs every 401)."""
        self.expected.append(fragment)

    def unexpected_errors(self) -> list[str]:
        return [e for e in self.errors if not any(f in e for f in self.expected)]

    def csp_violations(self) -> list[dict]:
        return self.page.evaluate("window.__cspViolations")

    def api_response(self, text: str) -> dict:
        """What the page should show: the API's answer for ``text`` in utf16 offsets."""
        headers = {"Authorization": f"Bearer {self.server.api_keys[0]}"} if self.server.api_keys else {}
        body = {"text": text, "options": {"offsets": "utf16"}}
        response = requests.post(f"{self.server.base}/v1/quotes", json=body, headers=headers, timeout=60)
        assert response.status_code == 200, response.text
        return response.json()

    def screenshot(self, name: str, **options) -> Path:
        SCREENS.mkdir(parents=True, exist_ok=True)
        path = SCREENS / name
        self.page.screenshot(path=str(path), **options)
        return path


@pytest.fixture
def visit(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """``visit(server, "/demo#text=…")`` opens a fresh context; at teardown every request
    stayed on the server's origin and the page logged no error and broke no CSP rule."""
    visits: list[Visit] = []
    contexts = []

    def open_page(server: Server, path: str, width: int = 1280, height: int = 900) -> Visit:
        context = browser.new_context(
            viewport={"width": width, "height": height},
            permissions=["clipboard-read", "clipboard-write"],
        )
        contexts.append(context)
        context.add_init_script(RECORD_CSP)
        page = context.new_page()
        page.set_default_timeout(30_000)
        seen = Visit(page, server)
        page.on("request", lambda request: seen.requests.append(request))
        page.on("pageerror", lambda exc: seen.errors.append(f"page error: {exc}"))

        def console(message: ConsoleMessage) -> None:
            if message.type == "error":
                seen.errors.append(f"console: {message.text}")

        page.on("console", console)
        page.goto(server.base + path)
        visits.append(seen)
        return seen

    yield open_page
    try:
        for seen in visits:
            urls = [r.url for r in seen.requests]
            assert urls, "the page made no request at all"
            foreign = [u for u in urls if not u.startswith(seen.server.base + "/")]
            assert not foreign, f"requests left the service's origin: {foreign}"
            assert not seen.unexpected_errors(), seen.unexpected_errors()
            assert not seen.csp_violations(), seen.csp_violations()
    finally:
        for context in contexts:
            context.close()
