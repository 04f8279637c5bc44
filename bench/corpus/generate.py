#!/usr/bin/env python3
"""Deterministic corpus generator for benchmarks and large-site tests.

Writes a bengal site with N pages spread over sections and subsections, Zipf-distributed
tags, internal links between pages, code blocks and tables; each page is about 4-7 KB. The
same arguments always give the same bytes (a fixed-seed PRNG, no clock), so benchmark runs
and the streaming-vs-full comparisons build identical input.

    generate.py OUT_DIR --pages N [--sections S] [--subsections K] [--seed 1]
                [--front-matter-only] [--code-blocks K]

--subsections K splits every section into K subsections (default 3); with 0 the pages sit
directly in their section, so `--sections 1 --subsections 0` makes one section holding every
page (the theme benchmark's 5,000-page section).

--code-blocks K appends K fenced blocks of 20 lines to every page, in languages that cycle
through the ones documentation uses most (for the syntax-highlighting benchmark). They come from
their own PRNG, so the rest of the page is the same bytes with or without them.
"""
import argparse
import itertools
import os
import random

WORDS = (
    "site page build render stream memory batch index graph link section tag feed search "
    "template theme content markdown table code cache store phase plan write release hub "
    "rank related menu sitemap output input parse scan body meta data file folder path url "
    "slug title date weight draft summary word count hash order sort merge split token node "
    "edge tree list queue stack heap pool arena buffer thread core disk network server client"
).split()


_zipf_cum_weights = {}


def zipf_tags(rng, count, vocabulary):
    """Picks `count` distinct tags with Zipf-like frequencies (tag k has weight 1/k)."""
    # The cumulative weights are what choices() computes from `weights` on every call (the
    # same floats, so the same picks); computed once per vocabulary, they save ~15 s at 50K
    # pages (2,500 tags), about half of what the generator took there.
    cum = _zipf_cum_weights.get(vocabulary)
    if cum is None:
        cum = list(itertools.accumulate(1.0 / (k + 1) for k in range(vocabulary)))
        _zipf_cum_weights[vocabulary] = cum
    tags = set()
    while len(tags) < count:
        tags.add(rng.choices(range(vocabulary), cum_weights=cum)[0])
    return sorted(f"tag-{t:04d}" for t in tags)


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng):
    return " ".join(sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(3, 6)))


def page_body(rng, pages, index):
    parts = []
    # Five to seven headed parts make a page about 4-7 KB of Markdown (mean ~5 KB, p10 ~4 KB,
    # p90 ~6 KB), the size of a typical documentation page; three to five made ~3.4 KB.
    for h in range(rng.randint(5, 7)):
        parts.append(f"## {sentence(rng, 3)[:-1]} {h}\n")
        parts.append(paragraph(rng) + "\n")
        if rng.random() < 0.6:
            target = pages[rng.randrange(len(pages))]
            parts.append(f"See [{target[1]}](/{target[0]}) for more, and *{rng.choice(WORDS)}*.\n")
        if rng.random() < 0.4:
            parts.append("```cpp\n" + "\n".join(
                f"int {rng.choice(WORDS)}_{i} = {rng.randint(0, 999)};" for i in range(6)) + "\n```\n")
        if rng.random() < 0.3:
            rows = "\n".join(f"| {rng.choice(WORDS)} | {rng.randint(0, 99)} | {rng.choice(WORDS)} |"
                             for _ in range(5))
            parts.append("| name | value | note |\n|------|------:|------|\n" + rows + "\n")
        parts.append(paragraph(rng) + "\n")
    return "\n".join(parts)


# One line of code per language, from words and numbers; {w} a word, {n} a number.
CODE_LINES = {
    "python": ['def {w}_{n}(self, {w2}: int = {n}) -> str:', '    {w} = self.{w2}.get("{w3}", {n})  # {w4}',
               '    for {w} in range({n}):', '        yield f"{{{w}}}-{w2}"', 'import {w}.{w2} as {w3}'],
    "bash": ['{w}="${{{w2}:-{n}}}"', 'for f in {w}/*.md; do echo "$f" | grep -c {w2}; done',
             'if [ -d "{w}" ]; then rm -rf "{w}_{n}"; fi  # {w3}', 'export {W}={n}', './bin/{w} --{w2}={n} > /dev/null'],
    "yaml": ['{w}: {n}', '{w}_{w2}: "{w3} {w4}"', '  - {w}: true', '  {w}: [{w2}, {w3}, {n}]', '# {w} {w2}'],
    "javascript": ['const {w} = document.querySelector(".{w2}");', 'function {w}_{n}({w2}) {{ return {w2} * {n}; }}',
                   '{w}.addEventListener("{w2}", () => console.log("{w3}", {n}));', '// {w} {w2} {w3}',
                   'let {w} = [{n}, "{w2}", null, true];'],
    "toml": ['[{w}]', '{w} = "{w2}"', '{w}_{w2} = {n}', '{w} = [{n}, {n2}]  # {w3}', '{w}.{w2} = true'],
    "json": ['  "{w}": {n},', '  "{w}_{w2}": "{w3}",', '  "{w}": [{n}, {n2}, null],', '  "{w}": {{"{w2}": true}},', '  "{w}": false,'],
    "go": ['func {w}{n}({w2} string) error {{ return nil }}', '\t{w} := {w2}.{W3}({n})', '\tif err != nil {{ return fmt.Errorf("{w}: %w", err) }}',
           '// {W} {w2} {w3}', '\tfor i := 0; i < {n}; i++ {{ {w}++ }}'],
    "rust": ['fn {w}_{n}({w2}: &str) -> Option<usize> {{ None }}', '    let {w} = {w2}.iter().map(|x| x * {n}).sum::<u64>();',
             '    // {w} {w2}', '    if {w} > {n} {{ return Some({n}); }}', 'use std::{w}::{W2};'],
    "html": ['<div class="{w}" id="{w2}-{n}">{w3}</div>', '<a href="/{w}/{w2}/">{W3}</a>', '<!-- {w} {w2} -->',
             '<input type="text" name="{w}" value="{n}">', '<p>{W} &amp; {w2}</p>'],
    "css": ['.{w} {{ margin: {n}px; color: #{n:03d}; }}', '#{w}-{w2} > .{w3}:hover {{ opacity: 0.{n}; }}', '/* {w} {w2} */',
            '@media (max-width: {n}px) {{ .{w} {{ display: none; }} }}', '.{w}::before {{ content: "{w2}"; }}'],
}
CODE_LANGUAGES = list(CODE_LINES)


def code_block(rng, language):
    lines = []
    for _ in range(20):
        w, w2, w3, w4 = (rng.choice(WORDS) for _ in range(4))
        lines.append(rng.choice(CODE_LINES[language]).format(
            w=w, w2=w2, w3=w3, w4=w4, W=w.upper(), W2=w2.capitalize(), W3=w3.capitalize(),
            n=rng.randint(0, 999), n2=rng.randint(0, 999)))
    return f"```{language}\n" + "\n".join(lines) + "\n```\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--sections", type=int, default=0, help="default: about sqrt(pages)/2")
    ap.add_argument("--subsections", type=int, default=3,
                    help="subsections of each section; 0 puts the pages in the section itself")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tags", type=int, default=0, help="tag vocabulary; default pages/20")
    ap.add_argument("--front-matter-only", action="store_true")
    ap.add_argument("--code-blocks", type=int, default=0,
                    help="fenced 20-line code blocks appended to every page")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    n = args.pages
    sections = args.sections or max(1, int(n ** 0.5) // 2)
    vocabulary = args.tags or max(10, n // 20)
    content = os.path.join(args.out, "content")
    os.makedirs(content, exist_ok=True)
    with open(os.path.join(args.out, "bengal.toml"), "w") as f:
        f.write('[site]\ntitle = "Generated corpus"\nbaseurl = "https://corpus.example"\n'
                'description = "A generated benchmark site"\nlanguage = "en"\n')

    if args.subsections < 0:
        ap.error("--subsections must be 0 or more")
    subsections = args.subsections

    # Page paths first, so links can point at any page.
    pages = []
    for i in range(n):
        s = i % sections
        if subsections:
            sub = (i // sections) % subsections
            path = f"section-{s:03d}/sub-{sub}/page-{i:06d}"
        else:
            path = f"section-{s:03d}/page-{i:06d}"
        pages.append((path, f"Page {i}"))

    for s in range(sections):
        os.makedirs(os.path.join(content, f"section-{s:03d}"), exist_ok=True)
        for sub in range(subsections):
            d = os.path.join(content, f"section-{s:03d}", f"sub-{sub}")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "_index.md"), "w") as f:
                f.write(f"---\ntitle: Section {s} part {sub}\nweight: {sub + 1}\n---\n\n{paragraph(rng)}\n")
        with open(os.path.join(content, f"section-{s:03d}", "_index.md"), "w") as f:
            f.write(f"---\ntitle: Section {s}\nweight: {s + 1}\n---\n\n{paragraph(rng)}\n")
    with open(os.path.join(content, "_index.md"), "w") as f:
        f.write("---\ntitle: Generated corpus\n---\n\nA generated site for benchmarks.\n")

    for i, (path, title) in enumerate(pages):
        tags = zipf_tags(rng, rng.randint(1, 4), vocabulary)
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2015 + (i // 336) % 10
        fm = (f"---\ntitle: \"{title}\"\ndate: {year:04d}-{month:02d}-{day:02d}\n"
              f"tags: [{', '.join(tags)}]\ncategories: [cat-{i % 7}]\n"
              f"description: \"{sentence(rng, 10)}\"\n---\n\n")
        body = "" if args.front_matter_only else page_body(rng, pages, i)
        if args.code_blocks:
            code_rng = random.Random(f"{args.seed}-code-{i}")
            for k in range(args.code_blocks):
                language = CODE_LANGUAGES[(i * args.code_blocks + k) % len(CODE_LANGUAGES)]
                body += "\n" + code_block(code_rng, language)
        with open(os.path.join(content, path + ".md"), "w") as f:
            f.write(fm + body)


if __name__ == "__main__":
    main()
