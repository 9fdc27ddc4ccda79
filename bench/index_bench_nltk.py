"""NLTK's ConcordanceIndex as a peer of the textx index benchmark (bench/run_index_bench.mjs runs it).

Tokenizes the .txt files of FOLDER (and COPIES copies of them, the benchmark's large corpus) with
nltk.tokenize.WordPunctTokenizer (the regular expression \\w+|[^\\w\\s]+; NLTK's word_tokenize needs the
punkt models, which are not installed offline), builds one nltk.text.ConcordanceIndex over all the tokens,
lower-cased as keys (as nltk.Text.concordance does), and times find_concordance (every KWIC line, which
print_concordance computes before printing its first 25) for each query word or phrase.

    /usr/bin/python3 bench/index_bench_nltk.py FOLDER COPIES REPEATS QUERY...

Prints one JSON object: per corpus, seconds to tokenize, seconds to index, and per query the number of
lines and the median seconds of REPEATS runs (fewer
for a query slower than 2 s). Figures only.
"""
import json
import os
import statistics
import sys
import time

import nltk
from nltk.text import ConcordanceIndex
from nltk.tokenize import WordPunctTokenizer


def measure(texts, queries, repeats):
    byte_count = sum(len(text.encode("utf-8")) for text in texts)
    tokenizer = WordPunctTokenizer()
    start = time.perf_counter()
    tokens = []
    for text in texts:
        tokens.extend(tokenizer.tokenize(text))
    tokenize_seconds = time.perf_counter() - start

    start = time.perf_counter()
    index = ConcordanceIndex(tokens, key=lambda s: s.lower())
    index_seconds = time.perf_counter() - start

    results = []
    for query in queries:
        words = query.split()
        phrase = words if len(words) > 1 else words[0]
        times = []
        lines = 0
        # REPEATS runs, or fewer when they take over 2 s together (`the` on the large corpus takes 30 s).
        while len(times) < repeats and sum(times) < 2:
            start = time.perf_counter()
            lines = len(index.find_concordance(phrase, width=80))
            times.append(time.perf_counter() - start)
        results.append(
            {"query": query, "lines": lines, "runs": len(times), "median_seconds": statistics.median(times)})
    return {
        "documents": len(texts),
        "bytes": byte_count,
        "tokens": len(tokens),
        "tokenize_seconds": tokenize_seconds,
        "index_seconds": index_seconds,
        "mb_per_s": byte_count / (tokenize_seconds + index_seconds) / 1e6,
        "queries": results,
    }


def main():
    folder, copies, repeats, queries = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    names = sorted(name for name in os.listdir(folder) if name.endswith(".txt"))
    texts = []
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            texts.append(f.read())
    report = {
        "nltk": nltk.__version__,
        "python": sys.version.split()[0],
        "tokenizer": "nltk.tokenize.WordPunctTokenizer",
        "corpora": [],
    }
    report["corpora"].append(dict(label="sotu", **measure(texts, queries, repeats)))
    report["corpora"].append(dict(label="large", **measure(texts * copies, queries, repeats)))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
