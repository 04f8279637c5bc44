#include "samples.hpp"

#include <algorithm>
#include <chrono>

namespace bengal::bench {

const std::vector<Sample>& samples() {
  static const std::vector<Sample> kSamples = {
      {"python", "python.lang", R"(import os
from pathlib import Path

class NAME:
    """Collects pages under a folder."""

    def __init__(self, root: Path, limit: int = 10) -> None:
        self.root = root
        self.limit = limit  # at most this many

    def pages(self):
        found = []
        for p in sorted(self.root.rglob("*.md")):
            if len(found) >= self.limit:
                break
            found.append(p.read_text(encoding="utf-8"))
        return found


print(NAME(Path(os.getcwd()), 3).pages()[0x1F:2.5])
)"},
      {"bash", "sh.lang", R"(#!/usr/bin/env bash
set -euo pipefail
NAME="${1:-site}"
out=/dev/shm/$NAME
for i in 1 2; do
  rm -rf "$out-$i"
  ./build/bengal build "$NAME" -o "$out-$i" --threads "$i" > /dev/null
done
if diff -r "$out-1" "$out-2" > /dev/null; then
  echo "identical"
else
  echo "different" >&2
  exit 1
fi
count=$(find "$out-1" -name '*.html' | wc -l)
echo "pages: $count"
case "$count" in
  0) echo "empty" ;;
  *) echo "ok" ;;
esac
)"},
      {"javascript", "javascript.lang", R"(// Copy buttons for code blocks.
const NAME = document.querySelectorAll("div.highlight pre");
for (const pre of NAME) {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Copy";
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(pre.innerText);
      button.textContent = "Copied";
    } catch (err) {
      console.error(err);
    }
    setTimeout(() => {
      button.textContent = "Copy";
    }, 2000);
  });
  pre.parentNode.insertBefore(button, pre);
}
export default { count: NAME.length, ratio: 0.5 };
)"},
      {"cpp", "cpp.lang", R"(#include <string>
#include <vector>

namespace site {

// Joins page titles with a separator.
std::string NAME(const std::vector<std::string>& titles, char sep = ',') {
  std::string out;
  out.reserve(titles.size() * 16);
  for (size_t i = 0; i < titles.size(); ++i) {
    if (i > 0) out += sep;
    out += titles[i];
  }
  return out;
}

template <typename T>
constexpr T twice(T x) { return x * 2 + 0x10 - 1.5e3; }

}  // namespace site
)"},
      {"json", "json.lang", R"({
  "name": "NAME",
  "version": "1.2.3",
  "private": true,
  "pages": [
    {"url": "/docs/", "title": "Docs", "weight": 10},
    {"url": "/blog/", "title": "Blog", "weight": 20},
    {"url": "/about/", "title": "About", "weight": 30.5}
  ],
  "params": {
    "author": "Me",
    "tags": ["a", "b", "c"],
    "nested": {"deep": {"deeper": null}}
  },
  "build": {
    "threads": 4,
    "drafts": false,
    "output": "public"
  }
}
)"},
      {"css", "css.lang", R"(/* Code blocks */
.NAME pre {
  margin: 0 0 1rem;
  padding: 0.75rem 1rem;
  overflow-x: auto;
  border-radius: 6px;
  background: #f6f8fa;
}
.NAME .k { color: #cf222e; font-weight: bold; }
.NAME .s { color: #0a3069; }
.NAME .c { color: #6e7781; font-style: italic; }
@media (prefers-color-scheme: dark) {
  .NAME pre { background: #161b22; }
  .NAME .k { color: #ff7b72; }
}
.NAME button:focus-visible {
  outline: 2px solid var(--accent, #0969da);
}
#main > .NAME:hover { opacity: 0.9; }
a[href^="http"]::after { content: " ->"; }
)"},
      {"html", "html.lang", R"(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>NAME</title>
  <link rel="stylesheet" href="/assets/style.css">
</head>
<body>
  <!-- navigation -->
  <nav class="menu">
    <a href="/">Home</a>
    <a href="/docs/" aria-current="page">Docs</a>
  </nav>
  <main id="NAME">
    <h1>Hello &amp; welcome</h1>
    <p>Some <em>text</em> and <code>code</code>.</p>
  </main>
  <script src="/assets/main.js" defer></script>
</body>
</html>
)"},
      {"sql", "sql.lang", R"(-- pages per section
CREATE TABLE NAME (
  id INTEGER PRIMARY KEY,
  section VARCHAR(64) NOT NULL,
  title TEXT,
  weight INT DEFAULT 0
);
INSERT INTO NAME (section, title, weight) VALUES ('docs', 'Intro', 1);
INSERT INTO NAME (section, title, weight) VALUES ('blog', 'Hello', 2);
SELECT section, COUNT(*) AS pages, AVG(weight)
FROM NAME
WHERE title IS NOT NULL
  AND weight > 0
GROUP BY section
HAVING COUNT(*) > 1
ORDER BY pages DESC;
UPDATE NAME SET weight = weight + 1 WHERE id = 42;
DELETE FROM NAME WHERE section = 'tmp';
DROP TABLE IF EXISTS old_pages;
VACUUM;
)"},
      {"go", "go.lang", R"(package main

import (
	"fmt"
	"strings"
)

// NAME joins titles.
func NAME(titles []string, sep string) string {
	var b strings.Builder
	for i, t := range titles {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(t)
	}
	return b.String()
}

func main() { fmt.Println(NAME([]string{"a", "b"}, ", "), 0x1f, 2.5) }
)"},
      {"java", "java.lang", R"(package site;

import java.util.ArrayList;
import java.util.List;

/** Collects titles. */
public final class NAME {
  private final List<String> titles = new ArrayList<>();

  public NAME add(String title) {
    if (title == null) {
      throw new IllegalArgumentException("title");
    }
    titles.add(title);
    return this;
  }

  @Override
  public String toString() { return String.join(", ", titles) + 42 + 1.5f; }
}
)"},
  };
  return kSamples;
}

std::string sample_block(size_t i) {
  const Sample& s = samples()[i % samples().size()];
  std::string code(s.code);
  std::string name = "name" + std::to_string(i);
  for (size_t at = code.find("NAME"); at != std::string::npos; at = code.find("NAME", at))
    code.replace(at, 4, name);
  return code;
}

double median_ms(const std::function<void()>& run) {
  run();
  std::vector<double> ms;
  for (int i = 0; i < 3; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    run();
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[1];
}

}  // namespace bengal::bench
