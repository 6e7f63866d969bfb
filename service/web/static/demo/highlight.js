// The article with its quotes drawn in: spans from the API's utf16 offsets become
// properly nested elements. Quotes may overlap or nest (a quote inside another's
// content; a cue or speaker inside or outside a quote), so the text is cut at every
// span boundary and each piece is wrapped in the spans that cover it, outermost
// first. A span crossing another is drawn as several segments, each carrying the
// same data attributes. Article text is only ever inserted as text nodes.
//
// Offsets are UTF-16 code units (the API's `offsets: "utf16"`), which is what
// String.prototype.slice counts, so emoji and other astral characters line up.

/** Draw order when two spans start and end at the same place: outermost first. */
const KIND_ORDER = { quote: 0, mention: 1, cue: 2, hedge: 3 };

/**
 * The spans to draw for an API response: each quote's content, its cue, its speaker
 * mention and its hedges. A cue or mention shared by several quotes (a quote broken by
 * "she said") is drawn once and names all of them.
 */
export function collectSpans(response) {
  const byKey = new Map();
  const add = (kind, part, attrs, quoteId) => {
    if (!part || !(part.end > part.start)) return;
    const key = kind === "quote" ? `quote:${quoteId}` : `${kind}:${part.start}:${part.end}`;
    let span = byKey.get(key);
    if (!span) {
      span = { kind, start: part.start, end: part.end, quotes: [], ...attrs };
      byKey.set(key, span);
    }
    if (!span.quotes.includes(quoteId)) span.quotes.push(quoteId);
  };
  for (const quote of response.quotes) {
    add("quote", quote.content, { type: quote.type, speaker: quote.speaker_id }, quote.id);
    add("cue", quote.cue, {}, quote.id);
    add("mention", quote.speaker, { speaker: quote.speaker_id }, quote.id);
    for (const hedge of quote.hedges || []) add("hedge", hedge, { hedgeKind: hedge.kind }, quote.id);
  }
  return [...byKey.values()];
}

function compareSpans(a, b) {
  return a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || 0;
}

/**
 * Cut [0, length) at every span boundary. Each piece lists the spans covering it,
 * outermost first (earlier start, then longer, then by kind).
 */
export function segment(length, spans) {
  const clamp = (n) => Math.max(0, Math.min(length, n));
  const ordered = spans
    .map((span) => ({ ...span, start: clamp(span.start), end: clamp(span.end) }))
    .filter((span) => span.end > span.start)
    .sort(compareSpans);
  const cuts = new Set([0, length]);
  for (const span of ordered) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    pieces.push({ start, end, spans: ordered.filter((s) => s.start <= start && s.end >= end) });
  }
  return pieces;
}

function elementFor(span, first, decorate) {
  const el = document.createElement(span.kind === "quote" ? "mark" : "span");
  el.className = span.kind;
  if (span.kind === "quote") {
    el.dataset.quote = span.quotes[0];
    el.dataset.type = span.type;
    el.classList.add(`quote--${span.type}`);
  } else {
    el.dataset.quotes = span.quotes.join(" ");
  }
  if (span.speaker) el.dataset.speaker = span.speaker;
  if (span.hedgeKind) el.dataset.kind = span.hedgeKind;
  if (first) el.dataset.first = "true";
  if (decorate) decorate(el, span, first);
  return el;
}

/**
 * Replace the children of `container` with `text`, every span drawn as nested
 * elements: `<mark class="quote" data-quote="q1" data-speaker="s1" data-type="direct">`
 * for quote content, `<span class="cue|mention|hedge">` for the rest. `decorate(el,
 * span, first)` may add classes or attributes (never text).
 */
export function renderArticle(container, text, spans, decorate) {
  const root = document.createDocumentFragment();
  const open = [{ span: null, el: root }];
  const drawn = new Set();
  for (const piece of segment(text.length, spans)) {
    let keep = 0;
    while (keep < piece.spans.length && keep + 1 < open.length && open[keep + 1].span === piece.spans[keep]) keep++;
    open.length = keep + 1;
    for (const span of piece.spans.slice(keep)) {
      const el = elementFor(span, !drawn.has(span), decorate);
      drawn.add(span);
      open[open.length - 1].el.append(el);
      open.push({ span, el });
    }
    open[open.length - 1].el.append(document.createTextNode(text.slice(piece.start, piece.end)));
  }
  container.replaceChildren(root);
}
