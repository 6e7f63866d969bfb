// /demo: send the article to this service's /v1/quotes (utf16 offsets), draw the
// quotes into the text, list speakers and quotes. Everything stays on this origin;
// the API key lives in its input only. Article text is set with textContent only.

import { collectSpans, renderArticle } from "./highlight.js";

const PALETTE_SIZE = 8; // speaker colours spk-0 … spk-7 in demo.css
const CONTENT_PREVIEW = 240; // characters of a quote shown in the side panel
const CHANNEL_NAMES = { social_media: "social media", news_media: "news media", state_media: "state media",
  press_conference: "press conference", phone_call: "phone call", court_filing: "court filing" };

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "class") node.className = value;
    else if (name === "data") Object.assign(node.dataset, value);
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

const state = {
  exactText: null, // the text of a #text= link, CRs and all (a textarea's value turns CRLF into LF)
  response: null,
  activeSpeaker: null,
};

function setStatus(message) {
  $("status").textContent = message;
}

function showProblem(title, detail, requestId) {
  const box = $("problem");
  box.replaceChildren(
    el("strong", { text: title }),
    detail ? el("p", { text: detail }) : null,
    requestId ? el("p", { class: "help", text: `Request id: ${requestId}` }) : null,
  );
  box.hidden = false;
}

function clearProblem() {
  $("problem").hidden = true;
  $("problem").replaceChildren();
}

/** The text to send: the shared link's exact text while the box still shows it, else the box. */
function articleText() {
  const typed = $("article-input").value;
  if (state.exactText !== null && state.exactText.replace(/\r\n?/g, "\n") === typed) return state.exactText;
  return typed;
}

async function analyse() {
  const text = articleText();
  clearProblem();
  if (!text.trim()) {
    showProblem("Nothing to analyse", "Paste the text of an article first.");
    $("article-input").focus();
    return;
  }
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const key = $("api-key").value.trim();
  if (key) headers.Authorization = `Bearer ${key}`;
  setStatus("Finding quotes…");
  $("find").disabled = true;
  let response;
  try {
    response = await fetch(document.body.dataset.api, {
      method: "POST",
      headers,
      body: JSON.stringify({ text, options: { offsets: "utf16" } }),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch (error) {
    setStatus("");
    showProblem("The service could not be reached", String(error));
    return;
  } finally {
    $("find").disabled = false;
  }
  const requestId = response.headers.get("X-Request-ID");
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok || !body) {
    setStatus("");
    const title = body?.title || `The service answered ${response.status}`;
    const details = [body?.detail, ...(body?.errors || []).map((e) => e.detail)].filter(Boolean);
    if (response.status === 401) details.unshift("This service needs an API key: type it in the API key field and find the quotes again.");
    showProblem(title, [...new Set(details)].join(" "), body?.request_id || requestId);
    if (response.status === 401) $("api-key").focus();
    return;
  }
  show(text, body);
}

function speakerClass(index) {
  return index === undefined ? "spk-none" : `spk-${index % PALETTE_SIZE}`;
}

function show(text, body) {
  state.response = body;
  state.text = text;
  state.activeSpeaker = null;
  const speakerIndex = new Map(body.speakers.map((s, i) => [s.id, i]));
  const speakerName = new Map(body.speakers.map((s) => [s.id, s.name]));
  const quoteById = new Map(body.quotes.map((q) => [q.id, q]));

  renderArticle($("article"), text, collectSpans(body), (node, span, first) => {
    if (span.kind === "quote") {
      node.classList.add(speakerClass(speakerIndex.get(span.speaker)));
      node.tabIndex = -1; // a jump target from the side panel, not a tab stop
      if (first) {
        const quote = quoteById.get(span.quotes[0]);
        node.dataset.label = `${quote.id} ${quote.type}`;
        node.title = `${quote.id}, ${quote.type} quote by ${speakerName.get(quote.speaker_id) || "an unknown speaker"}`;
      }
    }
  });
  renderSpeakers(body, speakerIndex);
  renderQuotes(body, speakerIndex, speakerName);
  renderWarnings(body.warnings || []);
  $("json").textContent = JSON.stringify(body, null, 2);
  $("share-link").hidden = true;
  $("results").hidden = false;
  const n = body.quotes.length;
  const s = body.speakers.length;
  setStatus(`Found ${n} quote${n === 1 ? "" : "s"} by ${s} speaker${s === 1 ? "" : "s"}.`);
}

function renderSpeakers(body, speakerIndex) {
  const items = body.speakers.map((speaker) => {
    const count = speaker.quote_ids.length;
    const button = el(
      "button",
      { type: "button", class: "speaker", "aria-pressed": "false", data: { speaker: speaker.id } },
      el("span", { class: `swatch ${speakerClass(speakerIndex.get(speaker.id))}`, "aria-hidden": "true" }),
      el("span", { class: "speaker-name", text: speaker.name }),
    );
    button.addEventListener("click", () => toggleSpeaker(speaker.id));
    return el(
      "li",
      { data: { speaker: speaker.id } },
      button,
      el("span", { class: "speaker-meta", text: ` ${speaker.kind} · ${count} quote${count === 1 ? "" : "s"}` }),
      speaker.descriptions.length
        ? el("ul", { class: "descriptions" }, ...speaker.descriptions.map((d) => el("li", { text: d })))
        : null,
    );
  });
  $("speakers").replaceChildren(...items);
  if (!items.length) $("speakers").append(el("li", { class: "help", text: "No speakers found." }));
}

function channelText(channel) {
  if (!channel) return null;
  const type = CHANNEL_NAMES[channel.type] || channel.type;
  const name = channel.name ? ` — ${channel.name}` : "";
  return `${type}${name} (${channel.inferred ? "inferred from earlier" : "stated"})`;
}

function row(term, value) {
  return value ? [el("dt", { text: term }), el("dd", { text: value })] : [];
}

function renderQuotes(body, speakerIndex, speakerName) {
  const items = body.quotes.map((quote) => {
    const content = quote.content.text;
    const preview = content.length > CONTENT_PREVIEW ? `${content.slice(0, CONTENT_PREVIEW)}…` : content;
    const jump = el(
      "button",
      { type: "button", class: "jump", data: { quote: quote.id } },
      el("span", { class: `badge badge--${quote.type}`, text: `${quote.id} ${quote.type}` }),
      el("span", { class: "visually-hidden", text: " — show in the article" }),
    );
    jump.addEventListener("click", () => focusQuote(quote.id));
    const hedges = quote.hedges.map((h) => `${h.text} (${h.kind}, ${h.scope})`).join("; ");
    const cue = quote.cue ? `${quote.cue.text}${quote.cue.lemma && quote.cue.lemma !== quote.cue.text ? ` (${quote.cue.lemma})` : ""}` : null;
    const who = quote.speaker_id ? speakerName.get(quote.speaker_id) : null;
    const said = quote.speaker && who && quote.speaker.text !== who ? `${who} (“${quote.speaker.text}”)` : who;
    return el(
      "li",
      { id: `card-${quote.id}`, class: `quote-card ${speakerClass(speakerIndex.get(quote.speaker_id))}`, data: { quote: quote.id, speaker: quote.speaker_id || "" } },
      jump,
      el("blockquote", { text: preview }),
      el(
        "dl",
        {},
        ...row("Speaker", said || "unknown"),
        ...row("Cue", cue),
        ...row("Channel", channelText(quote.channel) || "none stated"),
        ...row("Hedges", hedges || "none"),
        ...row("Confidence", quote.confidence.toFixed(2)),
      ),
    );
  });
  $("quotes").replaceChildren(...items);
  if (!items.length) $("quotes").append(el("li", { class: "help", text: "No quotes found in this text." }));
}

function renderWarnings(warnings) {
  $("warnings").hidden = !warnings.length;
  $("warning-list").replaceChildren(
    ...warnings.map((w) => el("li", { text: typeof w === "string" ? w : w.detail || w.message || JSON.stringify(w) })),
  );
}

function toggleSpeaker(id) {
  state.activeSpeaker = state.activeSpeaker === id ? null : id;
  const active = state.activeSpeaker;
  for (const button of document.querySelectorAll("#speakers button.speaker")) {
    button.setAttribute("aria-pressed", String(button.dataset.speaker === active));
  }
  const article = $("article");
  article.classList.toggle("has-active", active !== null);
  for (const mark of article.querySelectorAll("mark.quote")) {
    mark.classList.toggle("is-active", active !== null && mark.dataset.speaker === active);
  }
  for (const mention of article.querySelectorAll(".mention")) {
    mention.classList.toggle("is-active", active !== null && mention.dataset.speaker === active);
  }
  for (const card of document.querySelectorAll("#quotes .quote-card")) {
    card.hidden = active !== null && card.dataset.speaker !== active;
  }
  if (active === null) {
    setStatus(`Showing all ${state.response.quotes.length} quotes.`);
  } else {
    const speaker = state.response.speakers.find((s) => s.id === active);
    const n = speaker.quote_ids.length;
    setStatus(`Highlighting ${n} quote${n === 1 ? "" : "s"} by ${speaker.name}.`);
  }
}

function focusQuote(id) {
  const article = $("article");
  for (const mark of article.querySelectorAll("mark.is-current")) mark.classList.remove("is-current");
  const marks = article.querySelectorAll(`mark.quote[data-quote="${CSS.escape(id)}"]`);
  for (const mark of marks) mark.classList.add("is-current");
  if (marks.length) {
    marks[0].focus({ preventScroll: true });
    marks[0].scrollIntoView({ block: "center", behavior: "instant" });
  }
}

async function copyText(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (a plain-http origin) or no permission: select the text instead.
    input.value = text;
    input.hidden = false;
    input.select();
    return document.execCommand && document.execCommand("copy");
  }
}

async function copyJson() {
  if (!state.response) return;
  const copied = await copyText(JSON.stringify(state.response, null, 2), $("share-link"));
  setStatus(copied ? "The response JSON is on the clipboard." : "Could not copy: select the JSON below and copy it.");
  if (!copied) $("results").querySelector("details.json").open = true;
}

function shareLink(text) {
  return `${location.origin}${location.pathname}#text=${encodeURIComponent(text)}`;
}

async function copyLink() {
  const link = shareLink(state.text ?? articleText());
  history.replaceState(null, "", link);
  const input = $("share-link");
  input.value = link;
  input.hidden = false;
  const copied = await copyText(link, input);
  input.select();
  setStatus(copied ? "A link to this article is on the clipboard (the article is in the link, after #)." : "Copy the link from the box.");
}

/** `#text=<url-encoded article>`: fill the box and analyse. The fragment never reaches a server. */
function loadFromFragment() {
  const hash = location.hash;
  if (!hash.startsWith("#text=")) return false;
  let text;
  try {
    text = decodeURIComponent(hash.slice("#text=".length));
  } catch {
    showProblem("This link's article cannot be read", "The text after #text= is not valid percent-encoding.");
    return false;
  }
  state.exactText = text;
  $("article-input").value = text;
  analyse();
  return true;
}

async function loadSample() {
  const response = await fetch(document.body.dataset.sample, { cache: "no-store" });
  state.exactText = null;
  $("article-input").value = await response.text();
  $("article-input").focus();
  setStatus("Sample article loaded; choose Find quotes.");
}

function start() {
  $("analyse").addEventListener("submit", (event) => {
    event.preventDefault();
    analyse();
  });
  $("article-input").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      analyse();
    }
  });
  $("sample").addEventListener("click", loadSample);
  $("clear").addEventListener("click", () => {
    state.exactText = null;
    $("article-input").value = "";
    $("results").hidden = true;
    clearProblem();
    setStatus("");
    history.replaceState(null, "", location.pathname);
    $("article-input").focus();
  });
  $("copy-json").addEventListener("click", copyJson);
  $("copy-link").addEventListener("click", copyLink);
  // Clicking a quote in the article shows its card in the panel.
  $("article").addEventListener("click", (event) => {
    const mark = event.target.closest("mark.quote");
    if (!mark) return;
    const card = $(`card-${mark.dataset.quote}`);
    if (card && !card.hidden) {
      card.scrollIntoView({ block: "nearest" });
      card.querySelector("button.jump").focus({ preventScroll: true });
    }
  });
  window.addEventListener("hashchange", loadFromFragment);
  loadFromFragment();
}

start();
