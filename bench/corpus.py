"""The texts the benchmarks run on.

News articles from ``../shared/eval/polnear-dev.jsonl`` when it is present
(read in place, never copied), else articles generated here from a fixed seed:
paragraphs of reporting with direct, indirect and mixed quotes. A "word" is a
whitespace-separated token, counted the same way for every measurement.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .gold import POLNEAR_DEV, load


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def load_corpus(source: str = "auto", limit: int | None = None) -> tuple[str, list[Article]]:
    """(name, articles): ``source`` is ``auto``, ``polnear`` or ``generated``."""
    if source == "polnear" or (source == "auto" and POLNEAR_DEV.exists()):
        articles = [Article(g["id"], g["text"]) for g in load(POLNEAR_DEV)]
        name = "polnear-dev (../shared/eval)"
    else:
        articles = generate(84)
        name = "generated (bench/corpus.py, seed 5)"
    if limit is not None and limit < len(articles):
        # the shortest ones, and the one a latency run needs
        keep = sorted(articles, key=lambda a: a.words)[: limit - 1]
        articles = keep + [closest(articles, 1400)]
    return name, articles


def closest(articles: list[Article], words: int) -> Article:
    """The article whose length is nearest ``words``."""
    return min(articles, key=lambda a: abs(a.words - words))


def opening(text: str, words: int) -> str:
    """The first paragraphs of a text, up to ``words`` words (at least one paragraph)."""
    kept: list[str] = []
    for paragraph in text.split("\n\n"):
        if kept and sum(len(p.split()) for p in kept) + len(paragraph.split()) > words:
            break
        kept.append(paragraph)
    return "\n\n".join(kept)


def with_nonce(text: str, n: int) -> str:
    """The text with a closing sentence of words never seen before (new strings for the vocabulary)."""
    tag = f"{n:05x}"
    return f'{text}\n\n"We have nothing more to add," said Ilvan Quorth{tag} of the Zentrava{tag} Institute.'


# -- generated articles ----------------------------------------------------------------------

_PEOPLE = [
    ("Maria Delgado", "the mayor"),
    ("Tom Okafor", "a city council member"),
    ("Wendy Park", "the director of the housing agency"),
    ("James Whitfield", "a spokesman for the governor"),
    ("Priya Raman", "an economist at the state university"),
    ("Carl Jensen", "the union's president"),
]
_CUES = ["said", "told reporters", "said in a statement", "wrote in a post on X", "said on Tuesday"]
_TOPICS = ["the budget", "the new transit line", "rent increases", "the school board vote", "the flood barrier"]
_DIRECT = [
    "We are not going to balance {t} on the backs of working families",
    "Nobody in this building believes {t} will be finished on time",
    "I have asked the staff to bring me a plan for {t} by the end of the month",
    "This is the most important decision about {t} in a generation",
]
_INDIRECT = [
    "the city could not afford to delay {t} again",
    "residents had been promised a vote on {t}",
    "the numbers behind {t} did not add up",
    "talks about {t} would resume next week",
]
_FILLER = [
    "The council is expected to take up {t} at its next meeting, which is open to the public.",
    "Critics have questioned the cost of {t} for months, pointing to overruns elsewhere in the state.",
    "A report released last year estimated that {t} would affect about 40,000 households.",
    "Officials did not say when a final decision on {t} would be made.",
]


def _paragraph(rng: random.Random, topic: str) -> str:
    (name, role), cue = rng.choice(_PEOPLE), rng.choice(_CUES)
    surname = name.split()[-1]
    kind = rng.randrange(4)
    if kind == 0:
        quote = rng.choice(_DIRECT).format(t=topic)
        return f"“{quote},” {name}, {role}, {cue}."
    if kind == 1:
        return f"{name}, {role}, {cue} that {rng.choice(_INDIRECT).format(t=topic)}."
    if kind == 2:
        quote = rng.choice(_DIRECT).format(t=topic)
        return f"“{quote},” {surname} said. “{rng.choice(_DIRECT).format(t=rng.choice(_TOPICS))}.”"
    return " ".join(rng.choice(_FILLER).format(t=rng.choice(_TOPICS)) for _ in range(2))


def generate(n: int, seed: int = 5) -> list[Article]:
    """``n`` articles of 150 to 1,800 words, one of them about 1,400 words."""
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        target = 1400 if i == 0 else rng.randint(150, 1800)
        topic = rng.choice(_TOPICS)
        paragraphs = [f"City Weighs {topic.title().replace('The ', '')} as Deadline Nears"]
        while sum(len(p.split()) for p in paragraphs) < target:
            paragraphs.append(_paragraph(rng, topic))
        articles.append(Article(f"generated-{i:03d}", "\n\n".join(paragraphs)))
    return articles
