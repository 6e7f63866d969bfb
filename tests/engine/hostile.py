"""Hostile texts and a news-like baseline of the same length, for the cost tests
(tests/engine/test_hostile.py) and the adversarial bench (bench/adversarial.py)."""

from __future__ import annotations

from collections.abc import Callable

# An article written for these tests: quotes, reported speech, names, titles, a channel.
ARTICLE = """\
WASHINGTON — Trade talks between the two countries will resume next week, officials said on Monday, after a pause \
that unsettled markets and left farmers waiting for clarity.

“We are not there yet,” said Wendy Cutler, a former trade negotiator who now advises companies on tariffs. \
“But both sides have reasons to keep talking.”

Treasury Secretary Janet Morales told reporters that the administration expected “a serious conversation” and \
said the president had not ruled out lowering some duties. She declined to say which ones.

In a post on Truth Social, the president wrote that the other side “wants a deal badly.” He said on Sunday that \
he would meet the country's leader in the spring, according to two people familiar with the plans.

Analysts said that tariffs could probably rise again before any agreement. “Markets have priced in a lot of \
optimism,” said Yun Sun, a director at a research institute. “If the talks stall, that unwinds quickly.”

The ministry of commerce said in a statement that it would “take all necessary measures” to protect its \
companies, and state media reported that the vice premier had called for calm.
"""


def news(n: int) -> str:
    """A news-like text of exactly n characters (the article, repeated)."""
    return (ARTICLE * (n // len(ARTICLE) + 1))[:n]


def _fill(unit: Callable[[int], str], n: int) -> str:
    out, size, i = [], 0, 0
    while size < n:
        piece = unit(i)
        out.append(piece)
        size += len(piece)
        i += 1
    return "".join(out)[:n]


_FIRST = "James Mary Robert Linda David Susan Joseph Karen Thomas Sarah".split()
_LAST = "Smith Garcia Miller Davis Lopez Wilson Taylor Moore Jackson Martin".split()
_WORDS = "the minister said officials would consider new rules for trade and tariffs in the coming months".split()

# name -> text of n characters. Each was quadratic in some part of the engine, or is as
# dense in tokens as text gets.
HOSTILE: dict[str, Callable[[int], str]] = {
    "straight quotes": lambda n: '"' * n,
    "parentheses": lambda n: "(" * n,
    "curly quotes": lambda n: "“" * n,
    "dollar signs": lambda n: "$" * n,
    "colon chain a:a:a": lambda n: _fill(lambda i: "a:", n),
    "symbols between letters": lambda n: _fill(lambda i: "A$=]", n),
    "one sentence, no punctuation": lambda n: _fill(lambda i: _WORDS[i % len(_WORDS)] + " ", n),
    "stray single quotes": lambda n: _fill(lambda i: f"'a{i} ", n),
    "nested quotations": lambda n: _fill(lambda i: "“He said ‘she said “they said ‘", n),
    "short quotes": lambda n: _fill(lambda i: '"Yes," she said. ', n),
    "distinct speakers": lambda n: _fill(
        lambda i: f'"We will see," said {_FIRST[i % 10]} {_LAST[i // 10 % 10]}{chr(97 + i // 100 % 26)}. ', n
    ),
    "one-letter words": lambda n: _fill(lambda i: "a ", n),
    "frames ending in colons": lambda n: _fill(lambda i: "Lee wrote: ", n),
    "quotations after reports": lambda n: _fill(lambda i: 'Lee said costs would fall. "We are sure." ', n),
    "emoji": lambda n: _fill(lambda i: "😀👍🏽👨‍👩‍👧 ", n),
    "line breaks": lambda n: "\n" * n,
}
