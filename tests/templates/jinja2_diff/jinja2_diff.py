#!/usr/bin/python3
"""Differential test of bengal's template engine against real Jinja2.

Renders every case of the corpus (corpus/*.txt) with Jinja2 (autoescape on) and with bengal
(the driver binary), compares the outputs byte for byte, prints the agreement figure and
fails when a case disagrees that is not listed in the "Differences from Jinja2" section of
docs/content/reference/templates.md -- that list is the allow-list, so the docs and the test
cannot drift apart. A case where both engines report an error agrees: errors agree in kind.

Corpus format: a line `=== name` (optionally followed by a JSON object, the context) starts a
case; the template is every line up to the next `=== ` line, without the final newline.
"""
import argparse
import json
import os
import re
import subprocess
import sys

import jinja2


def read_corpus(folder):
    cases = []
    for file in sorted(os.listdir(folder)):
        if not file.endswith(".txt"):
            continue
        area = file[:-4]
        path = os.path.join(folder, file)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        current = None
        for number, line in enumerate(lines, 1):
            if line.startswith("=== "):
                header = line[4:].strip()
                name, _, context = header.partition(" ")
                try:
                    context = json.loads(context) if context.strip() else {}
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{number}: bad JSON context: {e}")
                current = {"name": f"{area}.{name}", "template": [], "context": context,
                           "where": f"{path}:{number}"}
                cases.append(current)
            elif current is not None:
                current["template"].append(line)
            elif line.strip() and not line.startswith("#"):
                sys.exit(f"{path}:{number}: text before the first '=== name' line")
    seen = {}
    for case in cases:
        text = "\n".join(case["template"])
        case["template"] = text[:-1] if text.endswith("\n") else text
        if case["name"] in seen:
            sys.exit(f"{case['where']}: case {case['name']} already at {seen[case['name']]}")
        seen[case["name"]] = case["where"]
    return cases


def render_jinja2(cases):
    # An empty loader: `include ... ignore missing` works and other includes fail, as in bengal.
    env = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.loopcontrols"],
                             loader=jinja2.DictLoader({}))
    results = {}
    for case in cases:
        try:
            out = env.from_string(case["template"]).render(**case["context"])
            results[case["name"]] = (True, out)
        except Exception as e:  # any error: the kind is what is compared
            results[case["name"]] = (False, f"{type(e).__name__}: {e}")
    return results


def render_bengal(driver, cases):
    payload = json.dumps({"cases": [{k: c[k] for k in ("name", "template", "context")}
                                    for c in cases]}, ensure_ascii=False)
    run = subprocess.run([driver], input=payload.encode("utf-8"), capture_output=True,
                         timeout=600)
    if run.returncode != 0:
        sys.exit(f"driver failed ({run.returncode}): {run.stderr.decode('utf-8', 'replace')}")
    results = {}
    for line in run.stdout.decode("utf-8").splitlines():
        r = json.loads(line)
        results[r["name"]] = (r["ok"], r["out"])
    return results


def documented_differences(docs):
    """Case names listed under '## Differences from Jinja2' as `jinja2-diff: name`."""
    with open(docs, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^## Differences from Jinja2\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    if not m:
        sys.exit(f"{docs}: no '## Differences from Jinja2' section")
    return set(re.findall(r"`jinja2-diff: ([\w.-]+)`", m.group(1)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--driver", required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--docs", required=True)
    p.add_argument("--verbose", action="store_true", help="print every disagreement")
    args = p.parse_args()

    cases = read_corpus(args.corpus)
    allowed = documented_differences(args.docs)
    expected = render_jinja2(cases)
    actual = render_bengal(args.driver, cases)

    agree, failures, allowed_hit = 0, [], set()
    for case in cases:
        name = case["name"]
        j_ok, j_out = expected[name]
        b_ok, b_out = actual.get(name, (False, "missing from the driver's output"))
        if (j_ok and b_ok and j_out == b_out) or (not j_ok and not b_ok):
            agree += 1
            continue
        if name in allowed:
            allowed_hit.add(name)
            if not args.verbose:
                continue
        else:
            failures.append(name)
        print(f"{'ALLOWED' if name in allowed else 'DIFFERS'} {name} ({case['where']})\n"
              f"  template: {case['template']!r}\n"
              f"  jinja2:   {'' if j_ok else 'error '}{j_out!r}\n"
              f"  bengal:   {'' if b_ok else 'error '}{b_out!r}")
    print(f"jinja2-diff: {agree}/{len(cases)} agree "
          f"({100.0 * agree / max(len(cases), 1):.1f}%), {len(allowed_hit)} documented differences")
    names = {c["name"] for c in cases}
    unknown = sorted(allowed - names)
    stale = sorted((allowed & names) - allowed_hit)
    for name in unknown:
        print(f"{args.docs}: documented difference '{name}' is not a case of the corpus")
    for name in stale:
        print(f"{args.docs}: documented difference '{name}' now agrees: remove it from the docs")
    if failures:
        print(f"{len(failures)} undocumented difference(s): fix them, or document each with its "
              f"reason under 'Differences from Jinja2' in {args.docs}")
    return 1 if failures or unknown or stale else 0


if __name__ == "__main__":
    sys.exit(main())
