"""The temporal rules' scans and the money regex on the benchmark corpus: CPU time, same matches.

Times, on the distinct corpus of ``speed_corpus`` (no spaCy: the taggers are pure functions of
the text), each rule's own ``finditer`` against the word-start index that tries a rule only where
a word that may begin it starts (``chronique.extract.timex.word_starts``), checks that both give
the same matches, span and groups, and times ``find_money`` over the same texts.

    python bench/rule_scan.py --words 150000 [--lang fr] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from typing import Any

from speed_corpus import build_corpus


def cpu_seconds(work: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """The fastest of ``repeats`` runs (CPU time of this process) and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        started = time.process_time()
        result = work()
        best = min(best, time.process_time() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=150_000)
    parser.add_argument("--lang", default="fr")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    from chronique.extract.money.component import find_money
    from chronique.extract.timex.lexicon import load_timex_lexicon
    from chronique.extract.timex.word_starts import RuleStarts

    texts = [record.text for record in build_corpus(args.words)]
    rules = load_timex_lexicon(args.lang).rules
    starts = RuleStarts([rule.regex for rule in rules])

    def per_rule() -> list[list[tuple[Any, ...]]]:
        return [[(m.span(), m.groupdict()) for rule in rules for m in rule.regex.finditer(text)] for text in texts]

    def by_word_starts() -> list[list[tuple[Any, ...]]]:
        found = []
        for text in texts:
            candidates = starts.starts(text)
            found.append([(m.span(), m.groupdict()) for index in range(len(rules))
                          for m in starts.finditer(index, text, candidates[index])])
        return found

    plain_seconds, plain = cpu_seconds(per_rule, args.repeats)
    indexed_seconds, indexed = cpu_seconds(by_word_starts, args.repeats)
    money_seconds, amounts = cpu_seconds(lambda: [find_money(text, args.lang) for text in texts], args.repeats)
    print(f"{len(texts)} documents, {sum(len(t.split()) for t in texts):,} words, {len(rules)} rules "
          f"(load average {os.getloadavg()[0]:.1f})")
    print(f"each rule's finditer      {plain_seconds:6.3f} CPU s  {sum(map(len, plain)):,} matches")
    print(f"rules by word starts      {indexed_seconds:6.3f} CPU s  same matches: {plain == indexed}")
    print(f"find_money                {money_seconds:6.3f} CPU s  {sum(map(len, amounts)):,} amounts")


if __name__ == "__main__":
    main()
