// The hand-written lexers: one representative snippet per language, with the exact markup
// (Pygments' short classes, which tell more token kinds apart than the semantic ones), then
// the edge cases every lexer must survive.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "bengal/core/utf8.hpp"
#include "bengal/highlight/fast/lexers.hpp"
#include "bengal/highlight/highlight.hpp"
#include "bengal/highlight/languages.hpp"

namespace bengal::highlight {
namespace {

// The markup between <pre><code> and </code></pre>.
std::string code_html(std::string_view language, std::string_view code) {
  Highlighter h;
  std::string out;
  Options o;
  o.scheme = ClassScheme::kPygments;
  if (!h.highlight(language, code, o, out)) return "(not highlighted)";
  size_t begin = out.find("<pre><code>") + 11;
  return out.substr(begin, out.rfind("</code></pre>") - begin);
}

TEST(FastLexers, Bash) {
  EXPECT_EQ(
      code_html("bash", R"(NAME="${1:-site}"  # default
for f in docs/done/*.md; do echo "$f: $NAME\t" | grep -c done; done
if [ -d "$out" ]; then rm -rf '$x' 2>&1; fi
count=$(ls | wc -l) a#b
)"),
      "<span class=\"nv\">NAME</span><span class=\"o\">=</span><span "
      "class=\"s\">&quot;</span><span class=\"nv\">${1:-site}</span><span "
      "class=\"s\">&quot;</span>  <span class=\"c\"># default</span>\n"
      "<span class=\"k\">for</span> f <span class=\"k\">in</span> docs/done/*.md<span "
      "class=\"o\">;</span> <span class=\"k\">do</span> <span class=\"nb\">echo</span> <span "
      "class=\"s\">&quot;</span><span class=\"nv\">$f</span><span class=\"s\">: </span><span "
      "class=\"nv\">$NAME</span><span class=\"se\">\\t</span><span class=\"s\">&quot;</span> <span "
      "class=\"o\">|</span> grep -c <span class=\"k\">done</span><span class=\"o\">;</span> <span "
      "class=\"k\">done</span>\n"
      "<span class=\"k\">if</span> [ -d <span class=\"s\">&quot;</span><span "
      "class=\"nv\">$out</span><span class=\"s\">&quot;</span> ]<span class=\"o\">;</span> <span "
      "class=\"k\">then</span> <span class=\"nb\">rm</span> -rf <span class=\"s\">'$x'</span> "
      "<span class=\"mi\">2</span><span class=\"o\">&gt;&amp;</span><span "
      "class=\"mi\">1</span><span class=\"o\">;</span> <span class=\"k\">fi</span>\n"
      "<span class=\"nv\">count</span><span class=\"o\">=$(</span><span class=\"nb\">ls</span> "
      "<span class=\"o\">|</span> wc -l) a#b\n");
}

TEST(FastLexers, Python) {
  EXPECT_EQ(
      code_html("python", R"(@dataclass
class Page(Base):
    """Docs."""
    def title(self, n: int = 0x1F) -> str:
        return f"x{n}" + r'\d' + b"\x00\n"  # note
)"),
      "<span class=\"nd\">@dataclass</span>\n"
      "<span class=\"k\">class</span> <span class=\"kt\">Page</span>(Base):\n"
      "    <span class=\"sd\">&quot;&quot;&quot;Docs.&quot;&quot;&quot;</span>\n"
      "    <span class=\"k\">def</span> <span class=\"nf\">title</span>(<span "
      "class=\"nb\">self</span>, n: <span class=\"nb\">int</span> <span class=\"o\">=</span> <span "
      "class=\"mh\">0x1F</span>) <span class=\"o\">-&gt;</span> <span class=\"nb\">str</span>:\n"
      "        <span class=\"k\">return</span> <span class=\"s\">f&quot;x{n}&quot;</span> <span "
      "class=\"o\">+</span> <span class=\"s\">r'\\d'</span> <span class=\"o\">+</span> <span "
      "class=\"s\">b&quot;</span><span class=\"se\">\\x00\\n</span><span class=\"s\">&quot;</span> "
      " <span class=\"c\"># note</span>\n");
}

TEST(FastLexers, JavaScript) {
  EXPECT_EQ(code_html("js", R"(import { x } from "./x.js";
const re = /a[/]+/gi, half = total / 2;
function go(p) {
  return `n=${p.map((i) => `${i}`)}!` ?? null;
}
class Button extends Base {}
)"),
            "<span class=\"kn\">import</span> { x } <span class=\"kn\">from</span> <span "
            "class=\"s\">&quot;./x.js&quot;</span>;\n"
            "<span class=\"k\">const</span> re <span class=\"o\">=</span> <span "
            "class=\"sr\">/a[/]+/gi</span>, half <span class=\"o\">=</span> total <span "
            "class=\"o\">/</span> <span class=\"mi\">2</span>;\n"
            "<span class=\"k\">function</span> <span class=\"nf\">go</span>(p) {\n"
            "  <span class=\"k\">return</span> <span class=\"s\">`n=</span><span "
            "class=\"se\">${</span>p.<span class=\"nf\">map</span>((i) <span "
            "class=\"o\">=&gt;</span> <span class=\"s\">`</span><span class=\"se\">${</span>i<span "
            "class=\"se\">}</span><span class=\"s\">`</span>)<span class=\"se\">}</span><span "
            "class=\"s\">!`</span> <span class=\"o\">?\?</span> <span class=\"kc\">null</span>;\n"
            "}\n"
            "<span class=\"k\">class</span> <span class=\"kt\">Button</span> <span "
            "class=\"k\">extends</span> Base {}\n");
}

TEST(FastLexers, Jsx) {
  EXPECT_EQ(
      code_html("jsx", R"(const App = ({ items }) => (
  <ul className="list" data-n={items.length > 1}>
    {items.map((i) => <li key={i}>{i} &amp; more</li>)}
    <Foo.Bar disabled />
  </ul>
);
)"),
      "<span class=\"k\">const</span> App <span class=\"o\">=</span> ({ items }) <span "
      "class=\"o\">=&gt;</span> (\n"
      "  <span class=\"nt\">&lt;ul</span> <span class=\"na\">className</span>=<span "
      "class=\"s\">&quot;list&quot;</span> <span class=\"na\">data-n</span>={items.length <span "
      "class=\"o\">&gt;</span> <span class=\"mi\">1</span>}<span class=\"nt\">&gt;</span>\n"
      "    {items.<span class=\"nf\">map</span>((i) <span class=\"o\">=&gt;</span> <span "
      "class=\"nt\">&lt;li</span> <span class=\"na\">key</span>={i}<span "
      "class=\"nt\">&gt;</span>{i} &amp;amp; more<span class=\"nt\">&lt;/li&gt;</span>)}\n"
      "    <span class=\"nt\">&lt;Foo.Bar</span> <span class=\"na\">disabled</span> <span "
      "class=\"nt\">/&gt;</span>\n"
      "  <span class=\"nt\">&lt;/ul&gt;</span>\n"
      ");\n");
}

TEST(FastLexers, TypeScript) {
  EXPECT_EQ(code_html("ts", R"(interface Props { name: string; count?: number }
export type Id = string | number;
let m: Map<string, Props> = new Map();
)"),
            "<span class=\"k\">interface</span> <span class=\"kt\">Props</span> { name<span "
            "class=\"o\">:</span> <span class=\"kt\">string</span>; count<span "
            "class=\"o\">?:</span> <span class=\"kt\">number</span> }\n"
            "<span class=\"kn\">export</span> <span class=\"k\">type</span> <span "
            "class=\"kt\">Id</span> <span class=\"o\">=</span> <span class=\"kt\">string</span> "
            "<span class=\"o\">|</span> <span class=\"kt\">number</span>;\n"
            "<span class=\"k\">let</span> m<span class=\"o\">:</span> <span "
            "class=\"nb\">Map</span><span class=\"o\">&lt;</span><span class=\"kt\">string</span>, "
            "<span class=\"kt\">Props</span><span class=\"o\">&gt;</span> <span "
            "class=\"o\">=</span> <span class=\"k\">new</span> <span class=\"nb\">Map</span>();\n");
}

TEST(FastLexers, Tsx) {
  EXPECT_EQ(
      code_html("tsx", R"(const f = (p: Props): JSX.Element => <div title={p.name}>{p.count}</div>;
const n = a < b;
)"),
      "<span class=\"k\">const</span> f <span class=\"o\">=</span> (p<span class=\"o\">:</span> "
      "<span class=\"kt\">Props</span>)<span class=\"o\">:</span> JSX.<span "
      "class=\"kt\">Element</span> <span class=\"o\">=&gt;</span> <span "
      "class=\"nt\">&lt;div</span> <span class=\"na\">title</span>={p.name}<span "
      "class=\"nt\">&gt;</span>{p.count}<span class=\"nt\">&lt;/div&gt;</span>;\n"
      "<span class=\"k\">const</span> n <span class=\"o\">=</span> a <span class=\"o\">&lt;</span> "
      "b;\n");
}

TEST(FastLexers, Json) {
  EXPECT_EQ(code_html("json", R"({
  "name": "site",
  "version": 1.5,
  "tags": ["a", "b\n"],
  "nested": {"deep": null, "ok": true, "n": -2e3}
}
)"),
            "{\n"
            "  <span class=\"na\">&quot;name&quot;</span><span class=\"o\">:</span> <span "
            "class=\"s\">&quot;site&quot;</span>,\n"
            "  <span class=\"na\">&quot;version&quot;</span><span class=\"o\">:</span> <span "
            "class=\"mf\">1.5</span>,\n"
            "  <span class=\"na\">&quot;tags&quot;</span><span class=\"o\">:</span> [<span "
            "class=\"s\">&quot;a&quot;</span>, <span class=\"s\">&quot;b</span><span "
            "class=\"se\">\\n</span><span class=\"s\">&quot;</span>],\n"
            "  <span class=\"na\">&quot;nested&quot;</span><span class=\"o\">:</span> {<span "
            "class=\"na\">&quot;deep&quot;</span><span class=\"o\">:</span> <span "
            "class=\"kc\">null</span>, <span class=\"na\">&quot;ok&quot;</span><span "
            "class=\"o\">:</span> <span class=\"kc\">true</span>, <span "
            "class=\"na\">&quot;n&quot;</span><span class=\"o\">:</span> -<span "
            "class=\"mf\">2e3</span>}\n"
            "}\n");
}

TEST(FastLexers, Yaml) {
  EXPECT_EQ(
      code_html("yaml", R"(# config
title: My Site   # trailing
params:
  - name: "quoted"
    ratio: 0.5
  - &anchor plain text
tags: [a, b, 3]
script: |
  echo hi

  echo there
other: ~
"key": !!str 12
---
)"),
      "<span class=\"c\"># config</span>\n"
      "<span class=\"na\">title</span><span class=\"o\">:</span> My Site   <span class=\"c\"># "
      "trailing</span>\n"
      "<span class=\"na\">params</span><span class=\"o\">:</span>\n"
      "  <span class=\"o\">-</span> <span class=\"na\">name</span><span class=\"o\">:</span> <span "
      "class=\"s\">&quot;quoted&quot;</span>\n"
      "    <span class=\"na\">ratio</span><span class=\"o\">:</span> <span "
      "class=\"mf\">0.5</span>\n"
      "  <span class=\"o\">-</span> <span class=\"nv\">&amp;anchor</span> plain text\n"
      "<span class=\"na\">tags</span><span class=\"o\">:</span> [a, b, <span "
      "class=\"mi\">3</span>]\n"
      "<span class=\"na\">script</span><span class=\"o\">:</span> <span class=\"o\">|</span>\n"
      "  <span class=\"s\">echo hi</span>\n"
      "\n"
      "  <span class=\"s\">echo there</span>\n"
      "<span class=\"na\">other</span><span class=\"o\">:</span> <span class=\"kc\">~</span>\n"
      "<span class=\"na\">&quot;key&quot;</span><span class=\"o\">:</span> <span "
      "class=\"kt\">!!str</span> <span class=\"mi\">12</span>\n"
      "<span class=\"k\">---</span>\n");
}

TEST(FastLexers, Toml) {
  EXPECT_EQ(
      code_html("toml", R"(# site
title = "My Site"
[params]
ratio = 1.5e3
date = 1979-05-27T07:32:00Z
tags = [
  "a", # one
  true,
]
point = { x = 1, "y" = 'two' }
[[menu.main]]
name = """multi
line"""
)"),
      "<span class=\"c\"># site</span>\n"
      "<span class=\"na\">title</span> <span class=\"o\">=</span> <span class=\"s\">&quot;My "
      "Site&quot;</span>\n"
      "<span class=\"k\">[params]</span>\n"
      "<span class=\"na\">ratio</span> <span class=\"o\">=</span> <span class=\"mf\">1.5e3</span>\n"
      "<span class=\"na\">date</span> <span class=\"o\">=</span> <span "
      "class=\"mi\">1979-05-27T07:32:00Z</span>\n"
      "<span class=\"na\">tags</span> <span class=\"o\">=</span> [\n"
      "  <span class=\"s\">&quot;a&quot;</span>, <span class=\"c\"># one</span>\n"
      "  <span class=\"kc\">true</span>,\n"
      "]\n"
      "<span class=\"na\">point</span> <span class=\"o\">=</span> { <span class=\"na\">x</span> "
      "<span class=\"o\">=</span> <span class=\"mi\">1</span>, <span "
      "class=\"na\">&quot;y&quot;</span> <span class=\"o\">=</span> <span class=\"s\">'two'</span> "
      "}\n"
      "<span class=\"k\">[[menu.main]]</span>\n"
      "<span class=\"na\">name</span> <span class=\"o\">=</span> <span "
      "class=\"s\">&quot;&quot;&quot;multi</span>\n"
      "<span class=\"s\">line&quot;&quot;&quot;</span>\n");
}

TEST(FastLexers, Html) {
  EXPECT_EQ(code_html("html", R"(<!DOCTYPE html>
<!-- nav -->
<a href="/x" class=big>Home &amp; more</a>
<input type="text" disabled/>
<SCRIPT>if (a < 2) go();</SCRIPT>
<style>.x { color: red; }</style>
)"),
            "<span class=\"cp\">&lt;!DOCTYPE html&gt;</span>\n"
            "<span class=\"c\">&lt;!-- nav --&gt;</span>\n"
            "<span class=\"nt\">&lt;a</span> <span class=\"na\">href</span>=<span "
            "class=\"s\">&quot;/x&quot;</span> <span class=\"na\">class</span>=<span "
            "class=\"s\">big</span><span class=\"nt\">&gt;</span>Home <span "
            "class=\"se\">&amp;amp;</span> more<span class=\"nt\">&lt;/a&gt;</span>\n"
            "<span class=\"nt\">&lt;input</span> <span class=\"na\">type</span>=<span "
            "class=\"s\">&quot;text&quot;</span> <span class=\"na\">disabled</span><span "
            "class=\"nt\">/&gt;</span>\n"
            "<span class=\"nt\">&lt;SCRIPT&gt;</span><span class=\"k\">if</span> (a <span "
            "class=\"o\">&lt;</span> <span class=\"mi\">2</span>) <span "
            "class=\"nf\">go</span>();<span class=\"nt\">&lt;/SCRIPT&gt;</span>\n"
            "<span class=\"nt\">&lt;style&gt;</span><span class=\"na\">.x</span> { <span "
            "class=\"k\">color</span>: <span class=\"kc\">red</span>; }<span "
            "class=\"nt\">&lt;/style&gt;</span>\n");
}

TEST(FastLexers, Xml) {
  EXPECT_EQ(
      code_html("xml", R"(<?xml version="1.0"?>
<root xmlns:x="u"><x:item id='1'>text<![CDATA[<raw>]]></x:item></root>
)"),
      "<span class=\"cp\">&lt;?xml version=&quot;1.0&quot;?&gt;</span>\n"
      "<span class=\"nt\">&lt;root</span> <span class=\"na\">xmlns:x</span>=<span "
      "class=\"s\">&quot;u&quot;</span><span class=\"nt\">&gt;&lt;x:item</span> <span "
      "class=\"na\">id</span>=<span class=\"s\">'1'</span><span class=\"nt\">&gt;</span>text<span "
      "class=\"sh\">&lt;![CDATA[&lt;raw&gt;]]&gt;</span><span "
      "class=\"nt\">&lt;/x:item&gt;&lt;/root&gt;</span>\n");
}

TEST(FastLexers, Css) {
  EXPECT_EQ(code_html("css", R"(/* Code */
.name pre, #main > a:hover::after {
  margin: 0 0 1rem;
  color: #f6f8fa !important;
  --accent: var(--x, 10px);
}
@media (max-width: 600px) {
  a[href^="http"] { content: " ->"; }
}
)"),
            "<span class=\"c\">/* Code */</span>\n"
            "<span class=\"na\">.name</span> <span class=\"nt\">pre</span>, <span "
            "class=\"na\">#main</span> <span class=\"o\">&gt;</span> <span "
            "class=\"nt\">a</span><span class=\"nb\">:hover::after</span> {\n"
            "  <span class=\"k\">margin</span>: <span class=\"mi\">0</span> <span "
            "class=\"mi\">0</span> <span class=\"mi\">1rem</span>;\n"
            "  <span class=\"k\">color</span>: <span class=\"mh\">#f6f8fa</span> <span "
            "class=\"k\">!important</span>;\n"
            "  <span class=\"nv\">--accent</span>: <span class=\"nf\">var</span>(<span "
            "class=\"nv\">--x</span>, <span class=\"mi\">10px</span>);\n"
            "}\n"
            "<span class=\"k\">@media</span> (<span class=\"k\">max-width</span>: <span "
            "class=\"mi\">600px</span>) {\n"
            "  <span class=\"nt\">a</span>[<span class=\"na\">href</span><span "
            "class=\"o\">^=</span><span class=\"s\">&quot;http&quot;</span>] { <span "
            "class=\"k\">content</span>: <span class=\"s\">&quot; -&gt;&quot;</span>; }\n"
            "}\n");
}

TEST(FastLexers, C) {
  EXPECT_EQ(
      code_html("c", R"(#include <stdio.h>
/* Sum. */
static int sum(const int *xs, size_t n) {
  char c = '\n', d = 'a';
  return n ? xs[0] + 0x10 : NULL;  // done
}
)"),
      "<span class=\"cp\">#include</span> <span class=\"s\">&lt;stdio.h&gt;</span>\n"
      "<span class=\"c\">/* Sum. */</span>\n"
      "<span class=\"k\">static</span> <span class=\"kt\">int</span> <span "
      "class=\"nf\">sum</span>(<span class=\"k\">const</span> <span class=\"kt\">int</span> <span "
      "class=\"o\">*</span>xs, <span class=\"kt\">size_t</span> n) {\n"
      "  <span class=\"kt\">char</span> c <span class=\"o\">=</span> <span "
      "class=\"sc\">'</span><span class=\"se\">\\n</span><span class=\"sc\">'</span>, d <span "
      "class=\"o\">=</span> <span class=\"sc\">'a'</span>;\n"
      "  <span class=\"k\">return</span> n <span class=\"o\">?</span> xs[<span "
      "class=\"mi\">0</span>] <span class=\"o\">+</span> <span class=\"mh\">0x10</span> <span "
      "class=\"o\">:</span> <span class=\"kc\">NULL</span>;  <span class=\"c\">// done</span>\n"
      "}\n");
}

TEST(FastLexers, Cpp) {
  EXPECT_EQ(code_html("cpp", R"(#include "site.hpp"
/** Doc. */
template <typename T>
constexpr T twice(T x) { return x * 2 + 1'000 - 1.5e3f; }
std::string s = R"x(raw "str")x";
struct Page final {};
)"),
            "<span class=\"cp\">#include</span> <span class=\"s\">&quot;site.hpp&quot;</span>\n"
            "<span class=\"sd\">/** Doc. */</span>\n"
            "<span class=\"k\">template</span> <span class=\"o\">&lt;</span><span "
            "class=\"k\">typename</span> <span class=\"kt\">T</span><span class=\"o\">&gt;</span>\n"
            "<span class=\"k\">constexpr</span> T <span class=\"nf\">twice</span>(T x) { <span "
            "class=\"k\">return</span> x <span class=\"o\">*</span> <span class=\"mi\">2</span> "
            "<span class=\"o\">+</span> <span class=\"mi\">1'000</span> <span class=\"o\">-</span> "
            "<span class=\"mf\">1.5e3f</span>; }\n"
            "<span class=\"nb\">std</span><span class=\"o\">::</span>string s <span "
            "class=\"o\">=</span> <span class=\"s\">R&quot;x(raw &quot;str&quot;)x&quot;</span>;\n"
            "<span class=\"k\">struct</span> <span class=\"kt\">Page</span> <span "
            "class=\"k\">final</span> {};\n");
}

TEST(FastLexers, Go) {
  EXPECT_EQ(code_html("go", R"(package main

import "fmt"

func (b *Builder) Join(xs []string) string {
	s := `raw
string`
	return fmt.Sprintf("%d", len(xs)) + string('x') + nil
}
)"),
            "<span class=\"kn\">package</span> main\n"
            "\n"
            "<span class=\"kn\">import</span> <span class=\"s\">&quot;fmt&quot;</span>\n"
            "\n"
            "<span class=\"k\">func</span> (b <span class=\"o\">*</span>Builder) <span "
            "class=\"nf\">Join</span>(xs []<span class=\"kt\">string</span>) <span "
            "class=\"kt\">string</span> {\n"
            "	s <span class=\"o\">:=</span> <span class=\"s\">`raw</span>\n"
            "<span class=\"s\">string`</span>\n"
            "	<span class=\"k\">return</span> fmt.<span class=\"nf\">Sprintf</span>(<span "
            "class=\"s\">&quot;%d&quot;</span>, <span class=\"nb\">len</span>(xs)) <span "
            "class=\"o\">+</span> <span class=\"kt\">string</span>(<span class=\"sc\">'x'</span>) "
            "<span class=\"o\">+</span> <span class=\"kc\">nil</span>\n"
            "}\n");
}

TEST(FastLexers, Rust) {
  EXPECT_EQ(
      code_html("rust", R"(#[derive(Debug)]
pub struct Point<'a> { name: &'a str }
/// Docs
fn main() -> Option<usize> {
    let s = r#"raw "x""#;
    println!("{}", 'c', b'x', 1u32);
    /* outer /* inner */ still */ None
}
)"),
      "<span class=\"nd\">#[derive(Debug)]</span>\n"
      "<span class=\"k\">pub</span> <span class=\"k\">struct</span> <span "
      "class=\"kt\">Point</span><span class=\"o\">&lt;</span><span class=\"na\">'a</span><span "
      "class=\"o\">&gt;</span> { name<span class=\"o\">:</span> <span "
      "class=\"o\">&amp;</span><span class=\"na\">'a</span> <span class=\"kt\">str</span> }\n"
      "<span class=\"sd\">/// Docs</span>\n"
      "<span class=\"k\">fn</span> <span class=\"nf\">main</span>() <span class=\"o\">-&gt;</span> "
      "<span class=\"kt\">Option</span><span class=\"o\">&lt;</span><span "
      "class=\"kt\">usize</span><span class=\"o\">&gt;</span> {\n"
      "    <span class=\"k\">let</span> s <span class=\"o\">=</span> <span class=\"s\">r#&quot;raw "
      "&quot;x&quot;&quot;#</span>;\n"
      "    <span class=\"nf\">println!</span>(<span class=\"s\">&quot;{}&quot;</span>, <span "
      "class=\"sc\">'c'</span>, <span class=\"s\">b'x'</span>, <span class=\"mi\">1u32</span>);\n"
      "    <span class=\"c\">/* outer /* inner */ still */</span> <span class=\"kc\">None</span>\n"
      "}\n");
}

TEST(FastLexers, Java) {
  EXPECT_EQ(
      code_html("java", R"(import java.util.List;

@Override
public final class Name extends Base {
  private final List<String> xs = new ArrayList<>();
  public String show() { return "n" + 42 + 1.5f + 'c'; }
}
)"),
      "<span class=\"kn\">import</span> java.util.<span class=\"kt\">List</span>;\n"
      "\n"
      "<span class=\"nd\">@Override</span>\n"
      "<span class=\"k\">public</span> <span class=\"k\">final</span> <span "
      "class=\"k\">class</span> <span class=\"kt\">Name</span> <span class=\"k\">extends</span> "
      "<span class=\"kt\">Base</span> {\n"
      "  <span class=\"k\">private</span> <span class=\"k\">final</span> <span "
      "class=\"kt\">List</span><span class=\"o\">&lt;</span><span class=\"kt\">String</span><span "
      "class=\"o\">&gt;</span> xs <span class=\"o\">=</span> <span class=\"k\">new</span> <span "
      "class=\"kt\">ArrayList</span><span class=\"o\">&lt;&gt;</span>();\n"
      "  <span class=\"k\">public</span> <span class=\"kt\">String</span> <span "
      "class=\"nf\">show</span>() { <span class=\"k\">return</span> <span "
      "class=\"s\">&quot;n&quot;</span> <span class=\"o\">+</span> <span class=\"mi\">42</span> "
      "<span class=\"o\">+</span> <span class=\"mf\">1.5f</span> <span class=\"o\">+</span> <span "
      "class=\"sc\">'c'</span>; }\n"
      "}\n");
}

TEST(FastLexers, Sql) {
  EXPECT_EQ(
      code_html("sql", R"(-- pages
SELECT section, COUNT(*) AS n FROM pages
where title is not null and w > 0.5;
insert into t values ('it''s', 42); /* c */
)"),
      "<span class=\"c\">-- pages</span>\n"
      "<span class=\"k\">SELECT</span> section, <span class=\"nb\">COUNT</span>(<span "
      "class=\"o\">*</span>) <span class=\"k\">AS</span> n <span class=\"k\">FROM</span> pages\n"
      "<span class=\"k\">where</span> title <span class=\"k\">is</span> <span "
      "class=\"k\">not</span> <span class=\"kc\">null</span> <span class=\"k\">and</span> w <span "
      "class=\"o\">&gt;</span> <span class=\"mf\">0.5</span>;\n"
      "<span class=\"k\">insert</span> <span class=\"k\">into</span> t <span "
      "class=\"k\">values</span> (<span class=\"s\">'it''s'</span>, <span class=\"mi\">42</span>); "
      "<span class=\"c\">/* c */</span>\n");
}

TEST(FastLexers, Markdown) {
  EXPECT_EQ(
      code_html("md", R"(---
title: Hello
---
# Heading
Some `code` and [link](http://x) with \*escape.
- item {kbd}`Ctrl+C`
1. first
> quote
```python {2}
def f(): pass
```
:::{note} Title
:class: big
Body
:::
)"),
      "<span class=\"cp\">---</span>\n"
      "<span class=\"na\">title</span><span class=\"o\">:</span> Hello\n"
      "<span class=\"cp\">---</span>\n"
      "<span class=\"gh\"># Heading</span>\n"
      "Some <span class=\"sh\">`code`</span> and <span class=\"nt\">[link]</span><span "
      "class=\"na\">(http://x)</span> with <span class=\"se\">\\*</span>escape.\n"
      "<span class=\"k\">-</span> item <span class=\"nf\">{kbd}</span><span "
      "class=\"sh\">`Ctrl+C`</span>\n"
      "<span class=\"k\">1.</span> first\n"
      "<span class=\"k\">&gt;</span> quote\n"
      "<span class=\"cp\">```python {2}</span>\n"
      "<span class=\"k\">def</span> <span class=\"nf\">f</span>(): <span class=\"k\">pass</span>\n"
      "<span class=\"cp\">```</span>\n"
      "<span class=\"cp\">:::{note}</span> Title\n"
      "<span class=\"na\">:class:</span> big\n"
      "Body\n"
      "<span class=\"cp\">:::</span>\n");
}

TEST(FastLexers, Diff) {
  EXPECT_EQ(code_html("diff", R"(diff --git a/x b/x
--- a/x
+++ b/x
@@ -1,2 +1,2 @@
-old
+new
 ctx
\ No newline at end of file
)"),
            "<span class=\"gh\">diff --git a/x b/x</span>\n"
            "<span class=\"gh\">--- a/x</span>\n"
            "<span class=\"gh\">+++ b/x</span>\n"
            "<span class=\"gh\">@@ -1,2 +1,2 @@</span>\n"
            "<span class=\"gd\">-old</span>\n"
            "<span class=\"gi\">+new</span>\n"
            " ctx\n"
            "<span class=\"c\">\\ No newline at end of file</span>\n");
}

TEST(FastLexers, Dockerfile) {
  EXPECT_EQ(code_html("dockerfile", R"(# build
FROM python:3.12 AS base
RUN apt-get update && \
    apt-get install -y curl  # tools
ENV PATH="/app:$PATH"
CMD ["python", "app.py"]
)"),
            "<span class=\"c\"># build</span>\n"
            "<span class=\"k\">FROM</span> python:3.12 AS base\n"
            "<span class=\"k\">RUN</span> apt-get update <span class=\"o\">&amp;&amp;</span> \\\n"
            "    apt-get install -y curl  <span class=\"c\"># tools</span>\n"
            "<span class=\"k\">ENV</span> <span class=\"nv\">PATH</span><span "
            "class=\"o\">=</span><span class=\"s\">&quot;/app:</span><span "
            "class=\"nv\">$PATH</span><span class=\"s\">&quot;</span>\n"
            "<span class=\"k\">CMD</span> [<span class=\"s\">&quot;python&quot;</span>, <span "
            "class=\"s\">&quot;app.py&quot;</span>]\n");
}

TEST(FastLexers, Ini) {
  EXPECT_EQ(code_html("ini", R"(; comment
[section]
key = some value
n: 10
)"),
            "<span class=\"c\">; comment</span>\n"
            "<span class=\"k\">[section]</span>\n"
            "<span class=\"na\">key</span> <span class=\"o\">=</span> <span class=\"s\">some "
            "value</span>\n"
            "<span class=\"na\">n</span><span class=\"o\">:</span> <span class=\"mi\">10</span>\n");
}

TEST(FastLexers, Jinja) {
  EXPECT_EQ(
      code_html("kida", R"({% extends "base.html" %}
{# a comment #}
<h1 class="{{ page.kind }}">{{ page.title | upper }}</h1>
{%- for p in pages if p.draft == false %}
  <a href="{{ p.url }}">{{ p.title|default("x", 2) }}</a>
{% endfor -%}
)"),
      "<span class=\"cp\">{%</span> <span class=\"k\">extends</span> <span "
      "class=\"s\">&quot;base.html&quot;</span> <span class=\"cp\">%}</span>\n"
      "<span class=\"c\">{# a comment #}</span>\n"
      "<span class=\"nt\">&lt;h1</span> <span class=\"na\">class</span>=<span "
      "class=\"s\">&quot;</span><span class=\"cp\">{{</span> <span class=\"nv\">page</span>.<span "
      "class=\"nv\">kind</span> <span class=\"cp\">}}</span><span class=\"s\">&quot;</span><span "
      "class=\"nt\">&gt;</span><span class=\"cp\">{{</span> <span class=\"nv\">page</span>.<span "
      "class=\"nv\">title</span> <span class=\"o\">|</span> <span class=\"nf\">upper</span> <span "
      "class=\"cp\">}}</span><span class=\"nt\">&lt;/h1&gt;</span>\n"
      "<span class=\"cp\">{%-</span> <span class=\"k\">for</span> <span class=\"nv\">p</span> "
      "<span class=\"k\">in</span> <span class=\"nv\">pages</span> <span class=\"k\">if</span> "
      "<span class=\"nv\">p</span>.<span class=\"nv\">draft</span> <span class=\"o\">==</span> "
      "<span class=\"kc\">false</span> <span class=\"cp\">%}</span>\n"
      "  <span class=\"nt\">&lt;a</span> <span class=\"na\">href</span>=<span "
      "class=\"s\">&quot;</span><span class=\"cp\">{{</span> <span class=\"nv\">p</span>.<span "
      "class=\"nv\">url</span> <span class=\"cp\">}}</span><span class=\"s\">&quot;</span><span "
      "class=\"nt\">&gt;</span><span class=\"cp\">{{</span> <span class=\"nv\">p</span>.<span "
      "class=\"nv\">title</span><span class=\"o\">|</span><span class=\"nf\">default</span>(<span "
      "class=\"s\">&quot;x&quot;</span>, <span class=\"mi\">2</span>) <span "
      "class=\"cp\">}}</span><span class=\"nt\">&lt;/a&gt;</span>\n"
      "<span class=\"cp\">{%</span> <span class=\"k\">endfor</span> <span "
      "class=\"cp\">-%}</span>\n");
}

TEST(FastLexers, UnterminatedConstructsEndAtTheLineOrTheBlock) {
  // A one-line string ends with its line; a block comment or template string with the block.
  EXPECT_EQ(code_html("python", "x = \"abc\ny = 1\n"),
            "x <span class=\"o\">=</span> <span class=\"s\">&quot;abc</span>\n"
            "y <span class=\"o\">=</span> <span class=\"mi\">1</span>\n");
  EXPECT_EQ(code_html("c", "a /* open\nstill"),
            "a <span class=\"c\">/* open</span>\n<span class=\"c\">still</span>");
  EXPECT_EQ(code_html("js", "`a ${b"), "<span class=\"s\">`a </span><span class=\"se\">${</span>b");
  EXPECT_EQ(code_html("html", "<a href=\"x"),
            "<span class=\"nt\">&lt;a</span> <span class=\"na\">href</span>="
            "<span class=\"s\">&quot;x</span>");
  // An unclosed {{ runs to the end: what follows is read as an expression.
  EXPECT_EQ(code_html("kida", "{{ x\n<p>"),
            "<span class=\"cp\">{{</span> <span class=\"nv\">x</span>\n"
            "<span class=\"o\">&lt;</span><span class=\"nv\">p</span>"
            "<span class=\"o\">&gt;</span>");
  EXPECT_EQ(code_html("md", "```py\nx = 1\n"),
            "<span class=\"cp\">```py</span>\nx <span class=\"o\">=</span> "
            "<span class=\"mi\">1</span>\n");
}

TEST(FastLexers, WhichLanguagesAreHandWritten) {
  std::set<std::string> fast;
  for (const Language& l : languages())
    if (fast::has_lexer(l.canonical)) fast.insert(std::string(l.canonical));
  EXPECT_EQ(fast, (std::set<std::string>{"bash",       "c",     "cpp",  "css",  "diff",
                                         "dockerfile", "go",    "html", "ini",  "java",
                                         "javascript", "jinja", "json", "jsx",  "markdown",
                                         "python",     "rust",  "sql",  "toml", "tsx",
                                         "typescript", "xml",   "yaml"}));
}

// The TokenizedCode contract: valid UTF-8; tokens sorted, disjoint, styled, inside one line
// and on character boundaries.
void expect_contract(std::string_view language, std::string_view input) {
  TokenizedCode c;
  ASSERT_TRUE(fast::tokenize(language, input, c)) << language;
  ASSERT_FALSE(find_invalid_utf8(c.text).has_value()) << language;
  auto boundary = [&](uint32_t at) {
    return at >= c.text.size() || (static_cast<unsigned char>(c.text[at]) & 0xC0) != 0x80;
  };
  uint32_t previous_end = 0;
  for (const Token& t : c.tokens) {
    ASSERT_LT(t.begin, t.end) << language;
    ASSERT_LE(previous_end, t.begin) << language;
    ASSERT_LE(t.end, c.text.size()) << language;
    ASSERT_NE(t.style, TokenStyle::kNormal) << language;
    ASSERT_EQ(c.text.substr(t.begin, t.end - t.begin).find('\n'), std::string::npos) << language;
    ASSERT_TRUE(boundary(t.begin) && boundary(t.end)) << language << " at " << t.begin;
    previous_end = t.end;
  }
}

std::set<std::string_view> fast_languages() {
  std::set<std::string_view> names;
  for (const Language& l : languages())
    if (fast::has_lexer(l.canonical)) names.insert(l.canonical);
  return names;
}

// Every prefix of a block mixing every language's constructs: each construct is cut open at
// every byte.
TEST(FastLexers, EveryPrefixOfMixedSyntax) {
  const std::string mixed =
      "#include <a.h>\n/** d */ x = `t ${y} ` + /r[/]/g; 'c' \"s\\\"\" r#\"raw\"# R\"d(x)d\"\n"
      "<a b=\"{{ c|d }}\" {% if e %}f{% endif %}>{# g #}&amp;</a><script>h</script>\n"
      "<style>.i{j:k}</style><![CDATA[l]]><!-- m --><?n?>\nkey: |\n  v\n[t]\nk = \"\"\"u\n\"\"\"\n"
      "```py {1}\n'''p'''\n```\n:::{note} t\n:o: v\n:::\n---\n+a\n-b\n@@ c\nRUN x \\\n y\n"
      "$V ${W} $(z) \"$q\" # c\n@dec \"\"\"doc\"\"\" f'{x}' 0x1F 1.5e3 1'000 'a 'b' #[x] m! <T,>\n"
      "<J a={1}>t{`${2}`}<K/></J> <> </> -- sql /* c */ \xe2\x82\xac \xff\xfe [l](u) `c` \\*";
  for (std::string_view language : fast_languages())
    for (size_t n = 0; n <= mixed.size(); ++n) expect_contract(language, mixed.substr(0, n));
}

// Openers repeated and never closed, nesting that never ends, binary junk: the contract holds
// and the time stays linear (a quadratic lexer would make this test crawl).
TEST(FastLexers, HostileBlocks) {
  const std::string_view units[] = {
      "\"",       "'",        "`",     "${",     "${`",  "/*",    "<!--", "<a ",  "<a>",
      "<J>{",     "{{",       "{%",    "{#",     "[",    "{",     "(",    "\\",   "```",
      "`` ",      ":::",      "'''",   "\"\"\"", "r#\"", "R\"x(", "</",   "&",    "#[",
      "@",        "$",        "$(",    "${x",    "- ",   "|\n",   "# ",   "[a](", "\xff",
      "\xe2\x82", "\xc3\xa9", "a:\n ", "x = [",  "\n",   " \t"};
  for (std::string_view language : fast_languages()) {
    for (std::string_view unit : units) {
      std::string block;
      while (block.size() < (16u << 10)) block += unit;
      expect_contract(language, block);
    }
    std::string junk;
    uint32_t state = 12345;
    for (size_t i = 0; i < (16u << 10); ++i) {
      state = state * 1103515245u + 12345u;
      junk += static_cast<char>(state >> 24);
    }
    expect_contract(language, junk);
  }
}

// One line of the largest block tokenized, full of openers whose closer a naive lexer would
// search to the line's end again each time (a quadratic lexer does not finish this test).
TEST(FastLexers, LongLinesOfUnclosedOpeners) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"javascript", "/ "}, {"bash", "${"}, {"markdown", "`` "}, {"markdown", "[a]("},
      {"css", "'"},         {"yaml", "\""}, {"jinja", "{{ '"},   {"toml", "[ \"\"\""},
      {"c", "'\\"},         {"rust", "#["}, {"html", "<a b='"},  {"json", "\"a"}};
  for (const auto& [language, unit] : cases) {
    std::string block;
    while (block.size() < kMaxTokenizedBytes) block += unit;
    expect_contract(language, block);
  }
}

TEST(FastLexers, InvalidUtf8BecomesReplacementCharacters) {
  TokenizedCode c;
  ASSERT_TRUE(fast::tokenize("python", "a\xff\xc0\xafz \"\xed\xa0\x80\" \xf0\x9f\x98\x80", c));
  EXPECT_EQ(c.text,
            "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz \"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\" "
            "\xf0\x9f\x98\x80");
}

}  // namespace
}  // namespace bengal::highlight
