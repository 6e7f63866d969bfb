"""Language resources: every data file under ``models/``, parsed and checked once.

:func:`load_lexicons` reads them all when the :class:`~.extractor.Extractor`
is loaded, so a malformed row stops start-up with a :class:`LexiconError` that
names the file and the line ("models/cues.tsv:42: class 'speach' is not one of
…") instead of failing a request later or being silently accepted. Each file
is plain UTF-8, tab-separated, with ``#`` comments naming its columns and its
provenance; ``FILES`` below says what each column may hold. The tables built
here are shared, read-only, by every document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .annotations import CHANNEL_TYPES, HEDGE_KINDS
from .rules import Rule

CUE_CLASSES = ("speech", "writing", "publication", "evidence", "belief", "naming", "commissive", "directive", "stance")
SOURCE_KINDS = ("person", "group", "organization", "media", "document")
CHANNEL_ROLES = ("pp", "addressee", "source", "verb", "modifier")
OUTLET_CONTEXTS = ("-", "on", "in")
# hedges.tsv conditions, each implemented by service/engine/hedges.py
HEDGE_CONDITIONS = (
    "-", "modal", "ability", "clause", "quantity", "after_quantity", "degree", "predicative", "hedge_use",
)  # fmt: skip
DEFAULT_RULE = "default"  # confidence.tsv: the pooled precision, for rules not measured


class LexiconError(ValueError):
    """A file under ``models/`` cannot be used; the message starts with ``path:line:``."""


@dataclass(frozen=True, slots=True)
class Column:
    """What one column of a data file may hold."""

    name: str
    kind: str = "text"  # text | word (lower case) | choice | choices (comma-separated) | share | count
    allowed: tuple[str, ...] = ()

    def problem(self, cell: str) -> str | None:
        if not cell:
            return f"{self.name} is empty"
        if self.kind == "word" and cell != cell.lower():
            return f"{self.name} {cell!r} is not lower case"
        if self.kind in ("choice", "choices"):
            values = cell.split(",") if self.kind == "choices" else [cell]
            if bad := [v for v in values if v not in self.allowed]:
                return f"{self.name} {bad[0]!r} is not one of: {', '.join(self.allowed)}"
        if self.kind == "share":
            try:
                value = float(cell)
            except ValueError:
                value = None
            if value is None or not 0.0 <= value <= 1.0:
                return f"{self.name} {cell!r} is not a number from 0 to 1"
        if self.kind == "count" and not (cell.isascii() and cell.isdigit()):
            return f"{self.name} {cell!r} is not a whole number"
        return None


FILES: dict[str, tuple[Column, ...]] = {
    "cues.tsv": (
        Column("lemma", "word"),
        Column("class", "choice", CUE_CLASSES),
        Column("hedge", "choice", ("0", "1")),
        Column("particle", "word"),
    ),
    "cue_nouns.tsv": (Column("lemma", "word"),),
    "documents.tsv": (Column("lemma", "word"),),
    "message_verbs.tsv": (Column("lemma", "word"),),
    "section_labels.tsv": (Column("label", "word"),),
    "source_nouns.tsv": (Column("lemma", "word"), Column("kind", "choice", SOURCE_KINDS)),
    "titles.tsv": (Column("word", "word"), Column("title", "word"), Column("gender", "choice", ("m", "f", "-"))),
    "first_names.tsv": (Column("name", "word"), Column("sex", "choice", ("m", "f")), Column("share", "share")),
    "channels.tsv": (
        Column("surface"),
        Column("canonical name"),
        Column("type", "choice", CHANNEL_TYPES),
        Column("context", "choice", OUTLET_CONTEXTS),
    ),
    "channels_lexicon.tsv": (
        Column("phrase", "word"),
        Column("type", "choice", CHANNEL_TYPES),
        Column("roles", "choices", CHANNEL_ROLES),
        Column("strength", "choice", ("strong", "weak")),
        Column("name"),
    ),
    "hedges.tsv": (
        Column("cue", "word"),
        Column("kind", "choice", HEDGE_KINDS),
        Column("condition", "choice", HEDGE_CONDITIONS),
    ),
    "confidence.tsv": (
        Column("pipeline"),
        Column("rule", "choice", (DEFAULT_RULE, *Rule)),
        Column("precision", "share"),
        Column("produced", "count"),
        Column("correct", "count"),
    ),
}

Row = tuple[int, tuple[str, ...]]  # (line number, cells)


def _invisible(line: str) -> str | None:
    for ch in line:
        if ch != "\t" and unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            return f"U+{ord(ch):04X} ({unicodedata.name(ch, 'control character')})"
    return None


def read_rows(path: Path, columns: tuple[Column, ...]) -> list[Row]:
    """The data rows of one file, every cell checked against its column."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot be read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LexiconError(f"{path}:{line}: not UTF-8 (byte {exc.start})") from None
    rows = []
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if (ch := _invisible(line)) is not None:
            raise LexiconError(f"{path}:{n}: control or invisible character {ch}")
        cells = tuple(cell.strip() for cell in line.split("\t"))
        if len(cells) != len(columns):
            names = " <TAB> ".join(c.name for c in columns)
            raise LexiconError(f"{path}:{n}: {len(cells)} columns, expected {len(columns)}: {names}")
        for column, cell in zip(columns, cells, strict=True):
            if (problem := column.problem(cell)) is not None:
                raise LexiconError(f"{path}:{n}: {problem}")
        rows.append((n, cells))
    return rows


def _unique(path: Path, rows: list[Row], key) -> None:
    """No row silently replaces an earlier one."""
    seen: dict[object, int] = {}
    for n, cells in rows:
        k = key(cells)
        if k in seen:
            raise LexiconError(f"{path}:{n}: {k!r} is already listed on line {seen[k]}")
        seen[k] = n


def outlet_key(text: str) -> str:
    """An outlet's name as matched: spaces folded, straight apostrophes, "the" lower case."""
    text = re.sub(r"\s+", " ", text.replace("’", "'"))
    return "the " + text[4:] if text[:4] in ("The ", "the ") else text


@dataclass(frozen=True, slots=True)
class CueVerb:
    """A reporting verb: its class, whether it hedges, and a required particle."""

    lemma: str
    cls: str
    hedge: bool
    particle: str | None


@dataclass(frozen=True, slots=True)
class Outlet:
    """A named platform or outlet (``channels.tsv``)."""

    name: str
    type: str
    context: str  # "-", "on" or "in"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A channel phrase (``channels_lexicon.tsv``)."""

    type: str
    strong: bool
    name: str | None


@dataclass(frozen=True, slots=True)
class HedgeCue:
    """One row of ``hedges.tsv``."""

    words: tuple[str, ...]
    kind: str
    condition: str


@dataclass(frozen=True, slots=True)
class Title:
    """A title or honorific (``titles.tsv``) and the gender it implies."""

    canonical: str
    gender: str | None


@dataclass(frozen=True, slots=True)
class Calibration:
    """Each rule's measured precision for one pipeline (``confidence.tsv``)."""

    pipeline: str  # "name/version", as in the X-Pipeline header
    precision: dict[str, float]

    def __call__(self, rule: str) -> float:
        """Precision of the rule; the pooled precision for a rule not measured."""
        return self.precision.get(rule, self.precision.get(DEFAULT_RULE, 0.5))


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Every language resource the engine reads, by what it is."""

    cue_verbs: dict[str, tuple[CueVerb, ...]]  # by lemma: a lemma may need one of several particles
    cue_nouns: frozenset[str]
    documents: frozenset[str]  # document nouns whose author speaks
    message_verbs: frozenset[str]  # cue verbs whose object noun phrase is what was said
    section_labels: frozenset[str]  # line labels that are not sources ("Update:")
    source_nouns: dict[str, str]  # noun -> kind of source
    titles: dict[str, Title]
    first_names: dict[str, str]  # given name -> m | f
    outlets: dict[str, Outlet]  # by outlet_key(surface)
    longest_outlet: int  # characters in the longest outlet key
    channel_phrases: dict[str, dict[str, Phrase]]  # role -> phrase -> entry
    hedges: dict[str, tuple[HedgeCue, ...]]  # by first word, longest first
    calibrations: dict[str, Calibration]  # by pipeline, the file's first pipeline first

    def calibration(self, pipeline: str) -> Calibration:
        """The calibration made on this pipeline, else the first one in the file."""
        return self.calibrations.get(pipeline) or next(iter(self.calibrations.values()))


def load_lexicons(models_dir: Path) -> Lexicons:
    """Read and check every file of ``FILES`` in ``models_dir``."""
    rows = {name: read_rows(models_dir / name, columns) for name, columns in FILES.items()}
    keys = {
        "cues.tsv": lambda c: (c[0], c[3]),
        "source_nouns.tsv": lambda c: c[0],
        "titles.tsv": lambda c: c[0],
        "first_names.tsv": lambda c: c[0],
        "channels.tsv": lambda c: outlet_key(c[0]),
        "hedges.tsv": lambda c: (c[0], c[1]),
        "confidence.tsv": lambda c: (c[0], c[1]),
    }
    for name, key in keys.items():
        _unique(models_dir / name, rows[name], key)
    verbs = {c[0] for _, c in rows["cues.tsv"]}
    for line, (lemma,) in rows["message_verbs.tsv"]:
        if lemma not in verbs:
            raise LexiconError(f"{models_dir / 'message_verbs.tsv'}:{line}: {lemma!r} is not a cue in cues.tsv")
    for role in CHANNEL_ROLES:
        having = [(n, c) for n, c in rows["channels_lexicon.tsv"] if role in c[2].split(",")]
        _unique(models_dir / "channels_lexicon.tsv", having, lambda c, role=role: (c[0], role))
    cells = {name: [c for _, c in file_rows] for name, file_rows in rows.items()}
    if not cells["confidence.tsv"]:
        raise LexiconError(f"{models_dir / 'confidence.tsv'}: no calibration")

    cue_verbs: dict[str, list[CueVerb]] = {}
    for lemma, cls, hedge, particle in cells["cues.tsv"]:
        cue_verbs.setdefault(lemma, []).append(CueVerb(lemma, cls, hedge == "1", None if particle == "-" else particle))
    outlets = {outlet_key(surface): Outlet(name, kind, ctx) for surface, name, kind, ctx in cells["channels.tsv"]}
    phrases: dict[str, dict[str, Phrase]] = {}
    for phrase, kind, roles, strength, name in cells["channels_lexicon.tsv"]:
        entry = Phrase(kind, strength == "strong", None if name == "-" else name)
        for role in roles.split(","):
            phrases.setdefault(role, {})[phrase] = entry
    hedges: dict[str, list[HedgeCue]] = {}
    for cue, kind, condition in cells["hedges.tsv"]:
        words = tuple(cue.split())
        hedges.setdefault(words[0], []).append(HedgeCue(words, kind, condition))
    precision: dict[str, dict[str, float]] = {}
    for pipeline, rule, value, _, _ in cells["confidence.tsv"]:
        precision.setdefault(pipeline, {})[rule] = float(value)
    return Lexicons(
        cue_verbs={k: tuple(v) for k, v in cue_verbs.items()},
        cue_nouns=frozenset(c[0] for c in cells["cue_nouns.tsv"]),
        documents=frozenset(c[0] for c in cells["documents.tsv"]),
        message_verbs=frozenset(c[0] for c in cells["message_verbs.tsv"]),
        section_labels=frozenset(c[0] for c in cells["section_labels.tsv"]),
        source_nouns={lemma: kind for lemma, kind in cells["source_nouns.tsv"]},
        titles={w: Title(title, None if g == "-" else g) for w, title, g in cells["titles.tsv"]},
        first_names={name: sex for name, sex, _ in cells["first_names.tsv"]},
        outlets=outlets,
        longest_outlet=max((len(k) for k in outlets), default=0),
        channel_phrases=phrases,
        hedges={k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in hedges.items()},
        calibrations={p: Calibration(p, by_rule) for p, by_rule in precision.items()},
    )
