"""Flesch–Douma reading ease for Dutch (Douma 1960): 206.835 − 0.93 × words per sentence − 77 × syllables per
word. 60–70 is roughly plain language (B1), above 70 easy, below 50 hard. Syllables are counted as groups of
vowels (Dutch diphthongs and long vowels such as ij, ui, oe, ee count once), a standard approximation."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:[-'][A-Za-zÀ-ÿ]+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)|\n+")
_VOWEL_GROUP = re.compile(r"(?:aai|ooi|oei|eeuw|ieuw|ij|ui|oe|ou|au|ei|eu|ie|aa|ee|oo|uu|[aeiouyàáâäèéêëïíîóôöúûü])",
                          re.IGNORECASE)


def syllables(word: str) -> int:
    return max(1, len(_VOWEL_GROUP.findall(word)))


@dataclass
class Readability:
    sentences: int
    words: int
    syllables: int
    flesch_douma: float

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0


def flesch_douma(text: str) -> Readability:
    sentences = [s for s in _SENTENCE_END.split(text) if _WORD.search(s)]
    words = _WORD.findall(text)
    count = sum(syllables(w) for w in words)
    n_sent, n_words = max(1, len(sentences)), max(1, len(words))
    score = 206.835 - 0.93 * (n_words / n_sent) - 77 * (count / n_words)
    return Readability(len(sentences), len(words), count, round(score, 1))
