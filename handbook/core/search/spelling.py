"""«Mente du …?»: nearest known spellings of a word the index does not know."""

from __future__ import annotations

FUZZY_MIN = 4  # words shorter than this are never corrected
FUZZY_CANDIDATES = 3

def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count 1), or `limit + 1` when above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        best = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1] if previous[-1] <= limit else limit + 1


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class Speller:
    """Nearest known spellings of a word.

    Like SymSpell: every word is filed under its first `KEY` letters with one letter deleted; a query
    looks up its own key with up to two letters deleted, and the real edit distance decides.
    """

    KEY = 7

    def __init__(self, frequencies: dict[str, int]) -> None:
        self.frequencies = frequencies
        self._words = sorted(w for w in frequencies if len(w) >= FUZZY_MIN - 1 and not w.isdigit())
        self.keys: dict[str, list[int]] = {}
        for number, word in enumerate(self._words):
            key = word[: self.KEY]
            for variant in {key} | _deletes(key):
                self.keys.setdefault(variant, []).append(number)

    @staticmethod
    def max_distance(word: str) -> int:
        return 0 if len(word) < FUZZY_MIN else 1 if len(word) < 7 else 2

    def candidates(self, word: str, limit: int = FUZZY_CANDIDATES) -> list[str]:
        """Known words near `word`, nearest and most frequent first."""
        maxdist = self.max_distance(word)
        if not maxdist or word.isdigit():
            return []
        key = word[: self.KEY]
        variants = {key} | _deletes(key)
        if maxdist >= 2:
            variants |= {d for v in list(variants) for d in _deletes(v)}
        numbers: set[int] = set()
        for variant in variants:
            numbers.update(self.keys.get(variant, ()))
        scored = []
        for number in numbers:
            candidate = self._words[number]
            if candidate == word:
                continue
            distance = edit_distance(word, candidate, maxdist)
            if distance <= maxdist:
                scored.append((distance, -self.frequencies[candidate], candidate))
        return [c for _, _, c in sorted(scored)[:limit]]
