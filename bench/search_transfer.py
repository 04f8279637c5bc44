#!/usr/bin/env python3
"""Bytes the first search of a query transfers with the default theme's search box.

Simulates themes/default/static/assets/search.js over a built site's search/ folder: the
script itself, the manifest, the term shard of each query word (the longest listed prefix) and
the page fragments of the best results; prints each file and the total.

  bench/search_transfer.py public/ "some query" ["another query" ...]
"""
import json
import math
import os
import sys

MAX_RESULTS = 8
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "../themes/default/static/assets/search.js")


def is_word_char(cp):
    if cp < 0x80:
        return chr(cp).isascii() and chr(cp).isalnum()
    if cp <= 0xBF or cp in (0xD7, 0xF7, 0xFEFF):
        return False
    if 0x2000 <= cp <= 0x2BFF or 0x3000 <= cp <= 0x303F or 0xFE00 <= cp <= 0xFE0F:
        return False
    return True


def split(text):
    words, word = [], ""
    for ch in text:
        if is_word_char(ord(ch)):
            word += ch
        elif word:
            words.append(word)
            word = ""
    if word:
        words.append(word)
    return words


def parse(query, stop):
    words = split(query.lower())
    open_ = bool(query) and is_word_char(ord(query[-1]))
    terms = []
    for i, w in enumerate(words):
        prefix = open_ and i == len(words) - 1
        if len(w) < 2 or len(w.encode()) > 40 or (not prefix and w in stop):
            continue
        if all(t[0] != w for t in terms):
            terms.append((w, prefix))
    return terms


def shard_of(term, shards):
    for k in range(len(term), 0, -1):
        name = term[:k].encode().hex()
        if name in shards:
            return name
    return None


def transfer(site, query):
    files = [("search.js", os.path.getsize(SCRIPT))]
    root = os.path.join(site, "search")
    path = os.path.join(root, "manifest.json")
    files.append(("search/manifest.json", os.path.getsize(path)))
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    shards, stop = set(manifest["shards"]), set(manifest["stop"])
    scores = {}
    for term, prefix in parse(query, stop):
        name = shard_of(term, shards)
        if name is None:
            continue
        path = os.path.join(root, "t", name + ".json")
        files.append((f"search/t/{name}.json", os.path.getsize(path)))
        with open(path, encoding="utf-8") as f:
            shard = json.load(f)
        weights = {}
        for key, postings in shard.items():
            if key == term:
                factor = 1
            elif prefix and key.startswith(term):
                factor = 0.8
            else:
                continue
            page = 0
            for i in range(0, len(postings) - 1, 2):
                page += postings[i]
                weights[page] = max(weights.get(page, 0), postings[i + 1] * factor)
        rarity = math.log(1 + manifest["pages"] / max(1, len(weights)))
        for page, w in weights.items():
            hits, weight = scores.get(page, (0, 0))
            scores[page] = (hits + 1, weight + w * rarity)
    best = sorted(scores.items(), key=lambda s: (-s[1][0], -s[1][1], s[0]))[:MAX_RESULTS]
    titles = []
    for k in sorted({page // manifest["fragment_pages"] for page, _ in best}):
        path = os.path.join(root, "p", f"{k}.json")
        files.append((f"search/p/{k}.json", os.path.getsize(path)))
    for page, _ in best:
        k = page // manifest["fragment_pages"]
        with open(os.path.join(root, "p", f"{k}.json"), encoding="utf-8") as f:
            titles.append(json.load(f)[page - k * manifest["fragment_pages"]][1])
    return files, titles, len(scores)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for query in sys.argv[2:]:
        files, titles, matches = transfer(sys.argv[1], query)
        total = sum(size for _, size in files)
        print(f"query {query!r}: {len(files)} files, {total} bytes ({math.ceil(total / 1024)} KiB), "
              f"{matches} pages matched; top: {titles[:3]}")
        for name, size in files:
            print(f"  {size:8d}  {name}")


if __name__ == "__main__":
    main()
