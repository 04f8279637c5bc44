#!/usr/bin/env python3
"""Regenerates fuzz/corpus/<target>/ from the repository's test data and docs.

Run by hand when the test data changes (`python3 fuzz/make_seeds.py`); the seeds are committed
so a fuzz run needs nothing but the repository. Each seed is small: libFuzzer mutates faster
from many small inputs than from a few large ones, and the corpus stays well under 2 MB.
"""
import hashlib
import json
import pathlib
import re
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"
SOURCES = [ROOT / "tests" / "sites", ROOT / "examples" / "site", ROOT / "docs"]
MAX_SEED = 4096


def files(pattern):
    for base in SOURCES:
        for p in sorted(base.rglob(pattern)):
            if "expected" in p.parts or "public" in p.parts or not p.is_file():
                continue
            yield p


def write(target, data):
    if isinstance(data, str):
        data = data.encode()
    data = data[:MAX_SEED]
    if not data:
        return
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def front_matter_seeds():
    for p in files("*.md"):
        text = p.read_text(errors="replace")
        write("front_matter", text[:1024])
        m = re.match(r"(---|\+\+\+)\n(.*?)\n\1\n", text, re.S)
        if m:
            for line in m.group(2).splitlines():
                key, _, value = line.partition(":" if m.group(1) == "---" else "=")
                value = value.strip().strip('"')
                if key.strip() in ("date", "lastmod") and value:
                    write("date", value + "\n%Y-%m-%d %H:%M:%S %z %a %B %j")
                if key.strip() in ("url", "slug") and value:
                    write("url", value)
        if "content" in p.parts:  # the path discovery passes to default_page_url
            write("url", "/".join(p.parts[p.parts.index("content") + 1:]))
        write("markdown", text[m.end():] if m else text)


def markdown_seeds():
    for name in ("commonmark-spec.json", "gfm-spec.json", "footnotes.json"):
        for example in json.loads((ROOT / "tests/data/spec" / name).read_text()):
            write("markdown", example["markdown"])


def config_seeds():
    for pattern in ("bengal.toml", "bengal.yaml", "bengal.yml"):
        for p in files(pattern):
            write("config", p.read_text())


def template_seeds():
    dirs = [ROOT / "themes" / "default"] + SOURCES
    for base in dirs:
        for p in sorted(base.rglob("*.html")):
            if "expected" in p.parts or "public" in p.parts or "templates" not in p.parts:
                continue
            write("template_parse", p.read_text())
            write("template_render", p.read_text())


# Inputs the test data lacks: YAML configs, TOML front matter, the template features the theme
# does not use, date and URL forms from the docs.
EXTRA = {
    # The first byte picks the decoder (0 a render's record, 1 a body's reads, 2 entry spans);
    # the records are a list page's and a body's, from the cache of a small site.
    "cache_record": [
        b"\x00" + bytes.fromhex(
            "010F646F63732F696E6465782E68746D6CA811F6B1CF81CB9ADFED31E0C6F1050204010300040101040B"
            "09626173652E68746D6C096C6973742E68746D6C197061727469616C732F62726561646372756D62732E"
            "68746D6C147061727469616C732F666F6F7465722E68746D6C127061727469616C732F686561642E6874"
            "6D6C147061727469616C732F6865616465722E68746D6C127061727469616C732F6D6174682E68746D6C"
            "177061727469616C732F706167655F6C6973742E68746D6C187061727469616C732F706167696E617469"
            "6F6E2E68746D6C147061727469616C732F7365617263682E68746D6C157061727469616C732F73696465"
            "6261722E68746D6C0000000100"),
        b"\x01" + bytes.fromhex("01010000000000"),
        b"\x02\x03\x0d\x02\x00\x18\x02",
    ],
    # The first byte picks the decoder (0 a render's search parts, 1 a page's terms, 2 related
    # pages, after the site's page count in two bytes, 3 a shard's file of search parts).
    "kept_record": [
        b"\x00\x03\x05hello\x02\x01a\x03\x01b\x01",
        b"\x01\x02\x01a\x03\x01b\x01",
        b"\x02\x03\x00\x04\x01\x00\x01\x02\x00",
        b"\x03bengal shard 1\n\x050.1.0\x00\x02" + bytes(8) + b"\x00\x0aproduction\x00"
        b"\x01\x00\x02{}\x02\x00\x01a\x03\x03",
    ],
    "config": [
        "site:\n  title: Docs\n  baseurl: https://example.org/docs/\nbuild:\n  drafts: true\n"
        "  memory_limit: 256MB\nmarkdown:\n  unsafe: false\nparams:\n  author: Me\n"
        "  list: [1, 2.5, \"x\"]\n",
        "site: {title: 'Inline', language: de}\nmenu:\n  main:\n    - name: Home\n      url: /\n"
        "taxonomies:\n  tag: tags\nbuild:\n  memory_optimized: auto\n  batch_size: 10\n",
        "[site]\ntitle = \"T\"\n[build]\nthreads = 2\nhot_percent = 10\ncache_size_mb = 8\n"
        "memory_optimized = true\n[params]\nd = 2024-01-31T10:00:00Z\nt = [1, [2, 3], {a = 1}]\n",
        "64 MiB",
    ],
    "front_matter": [
        "+++\ntitle = \"TOML\"\ndate = 2024-01-31T10:00:00+02:00\ntags = [\"a\", \"b\"]\n"
        "draft = false\nweight = 3\n[params]\nx = 1\n+++\nBody\n",
        "---\ntitle: Anchors\nbase: &b {a: 1, b: [x, y]}\nother: *b\nmerged:\n  <<: *b\n  c: 2\n"
        "tags: go\naliases: [/old/, /older/]\n---\n",
        "---\ntitle: |\n  Multi\n  line\ndescription: >\n  folded\n  text\nweight: 0x1F\n"
        "date: 2024-02-29\nkeywords: [\"a\", 1, true, null]\n---\n",
        "\ufeff---\ntitle: \"BOM \\u00e9\"\r\ndraft: yes\r\n---\r\nBody\r\n",
        "{\n  \"title\": \"JSON {x}\",\n  \"date\": \"31 Jan 2024 10:00 GMT\",\n  \"tags\": [\"a\"],\n"
        "  \"params\": {\"q\": \"\\\"}\"}\n}\n<h2 id=\"x\">HTML</h2><!--more--><script>s</script>\n",
    ],
    "template_render": [
        "{% extends 'base.html' %}{% block title %}{{ super() }}!{% endblock %}"
        "{% block content %}{% for p in site.pages|sort(attribute='weight') %}"
        "{% include 'partial.html' %}{{ loop.index }}{% else %}none{% endfor %}{% endblock %}",
        "{% import 'macros.html' as m %}{% from 'macros.html' import link %}{{ m.link(page) }}"
        "{{ link(page, cls='y') }}{% set ns = namespace(n=0) %}{% for t in page.tags %}"
        "{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}",
        "{{ text|escape }}{{ text|truncate(5) }}{{ text|upper|replace('W', 'w') }}"
        "{{ items|sum }}{{ items|join(', ') }}{{ page|tojson }}{{ text|markdownify }}"
        "{{ '%s-%d'|format('a', 3) }}{{ range(3)|list }}{{ 7 // 2 }}{{ 2 ** 8 }}"
        "{{ page.title if page.draft else 'x' }}{{ 'a' ~ 1 ~ none }}{{ items[1:] }}"
        "{% filter upper %}up{% endfilter %}{% raw %}{{ raw }}{% endraw %}{# comment #}",
        "{% macro r(n) %}{% if n > 0 %}{{ n }}{{ r(n - 1) }}{% endif %}{% endmacro %}{{ r(3) }}"
        "{% call(x) m2() %}{{ x }}{% endcall %}{% with a = 1, b = 2 %}{{ a + b }}{% endwith %}"
        "{% for k, v in page.params|items %}{{ k }}={{ v }}{% endfor %}"
        "{%- if page is defined and page.weight is divisibleby(3) -%} yes {%- endif -%}",
    ],
    "date": [
        "2024-01-31\n%F",
        "2024-01-31T10:00:00Z\n%Y %m %d %H %M %S %b %B %a %A %e %j %y %z %Z %F %T %%",
        "2024-01-31T10:00:00.123456+02:00\n%c %x %Q %",
        "2024-01-31 10:00:00 +0200\n",
        "0001-01-01T00:00:00-23:59\n%A",
        "9999-12-31T23:59:59+14:00\n%s",
    ],
    "url": [
        "/docs/intro/",
        "feed.xml",
        "docs//a/./b",
        "/a/b.c/\nslug",
        "blog/My Post.md\nmy-post",
        "docs/_index.md\n",
        "C++ & Rust! Ünïcödé",
    ],
}


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    front_matter_seeds()
    markdown_seeds()
    config_seeds()
    template_seeds()
    for target, seeds in EXTRA.items():
        for seed in seeds:
            write(target, seed)
    for target in ("template_render",):
        for p in (OUT / target).iterdir():
            write("template_parse", p.read_bytes())
    # A page record holds a page's parse: the page seeds are its seeds.
    for p in (OUT / "front_matter").iterdir():
        write("page_record", p.read_bytes())
    total = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    for d in sorted(OUT.iterdir()):
        print(f"{d.name}: {len(list(d.iterdir()))} seeds")
    print(f"total {total} bytes")


if __name__ == "__main__":
    main()
