// The rest of the language: Jinja2 built-in globals, namespaces, recursive loops, self and
// super, host objects and custom filters, markup escaping, and exact error messages.
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "bengal/templates/engine/environment.hpp"
#include "render_fixture.hpp"

namespace bengal::templates {
namespace {

using test::Fixture;
using test::render;

// A host object as the site layer writes them: a page with a few attributes.
class FakePage : public Object {
 public:
  explicit FakePage(int n) : n_(n) {}
  Value attr(std::string_view name) const override {
    if (name == "title") return Value::string("Page " + std::to_string(n_));
    if (name == "n") return Value::integer(n_);
    if (name == "draft") return Value::boolean(n_ % 2 == 0);
    return {};
  }
  std::vector<std::string> keys() const override { return {"title", "n", "draft"}; }
  std::string str() const override { return "<page " + std::to_string(n_) + ">"; }

 private:
  int n_;
};

// A lazily materialized sequence of pages.
class FakePages : public Object {
 public:
  explicit FakePages(size_t n) : n_(n) {}
  bool is_sequence() const override { return true; }
  size_t length() const override { return n_; }
  Value at(size_t i) const override {
    return Value::object(std::make_shared<FakePage>(static_cast<int>(i) + 1));
  }

 private:
  size_t n_;
};

TEST(Globals, RangeDictNamespaceCyclerJoiner) {
  EXPECT_EQ(render("{{ range(3) }} {{ range(1, 7, 2)|list }} {{ range(5, 0, -2)|join(',') }}"),
            "range(0, 3) [1, 3, 5] 5,3,1");
  EXPECT_EQ(render("{{ dict(a=1, b='x') }}"), "{'a': 1, 'b': 'x'}");
  EXPECT_EQ(render("{% set ns = namespace(found=false, n=0) %}{% for x in [1, 2, 3] %}"
                   "{% if x == 2 %}{% set ns.found = true %}{% endif %}{% set ns.n = ns.n + x %}"
                   "{% endfor %}{{ ns.found }} {{ ns.n }}"),
            "True 6");
  EXPECT_EQ(render("{% set c = cycler('odd', 'even') %}{{ c.next() }} {{ c.next() }} "
                   "{{ c.next() }} {{ c.current }}"),
            "odd even odd even");
  EXPECT_EQ(render("{% set j = joiner('|') %}{% for x in [1, 2, 3] %}{{ j() }}{{ x }}{% endfor %}"),
            "1|2|3");
  EXPECT_EQ(render("{{ range(10000000) }}"),
            "ERROR: t.txt:1:9: error: range() of 10000000 items is too large\n    {{ "
            "range(10000000) }}\n            ^");
}

TEST(Statements, SetAttributeNeedsANamespace) {
  EXPECT_EQ(render("{% set d = {} %}{% set d.x = 1 %}"),
            "ERROR: t.txt:1:17: error: cannot assign to an attribute of 'd': only namespace() "
            "objects take attributes\n    {% set d = {} %}{% set d.x = 1 %}\n                    "
            "^");
}

TEST(Statements, LoopCounterNeedsANamespaceAsInJinja) {
  // A plain {% set %} in a loop body lasts one iteration.
  EXPECT_EQ(render("{% set n = 0 %}{% for i in [1, 2, 3] %}{% set n = n + 1 %}{{ n }}{% endfor %}"
                   "{{ n }}"),
            "1110");
}

TEST(Statements, LoopChangedDepthAndRecursion) {
  EXPECT_EQ(render("{% for x in [1, 1, 2, 2, 1] %}{% if loop.changed(x) %}{{ x }}{% endif %}"
                   "{% endfor %}"),
            "121");
  Value tree = Value::list(
      {Value::dict({{"name", Value::string("a")},
                    {"children", Value::list({Value::dict({{"name", Value::string("b")}}),
                                              Value::dict({{"name", Value::string("c")}})})}}),
       Value::dict({{"name", Value::string("d")}})});
  EXPECT_EQ(render("{% for n in tree recursive %}<{{ n.name }}{{ loop.depth }}"
                   "{% if n.children %}{{ loop(n.children) }}{% endif %}>{% endfor %}",
                   {{"tree", tree}}, "t.html"),
            "<a1<b2><c2>><d1>");
  EXPECT_EQ(render("{% for x in [1] %}{{ loop([2]) }}{% endfor %}"),
            "ERROR: t.txt:1:26: error: loop() can only be called in a `recursive` loop, with one "
            "argument\n    {% for x in [1] %}{{ loop([2]) }}{% endfor %}\n                        "
            "     ^");
}

TEST(Statements, ForOverAStringDictAndNone) {
  EXPECT_EQ(render("{% for c in 'ab' %}{{ c }}.{% endfor %}"), "a.b.");
  EXPECT_EQ(render("{% for k in {'x': 1, 'y': 2} %}{{ k }}{% endfor %}"), "xy");
  EXPECT_EQ(render("{% for x in none %}x{% else %}none{% endfor %}"), "none");
  EXPECT_EQ(render("{% for x in 3 %}{% endfor %}"),
            "ERROR: t.txt:1:13: error: cannot loop over a integer\n    {% for x in 3 %}{% endfor "
            "%}\n                ^");
}

TEST(Statements, MacroDefaultsSeeEarlierArgumentsAndCallerTakesArguments) {
  EXPECT_EQ(
      render("{% macro m(a, b=a * 2) %}{{ a }},{{ b }}{% endmacro %}{{ m(3) }} {{ m(1, 5) }}"),
      "3,6 1,5");
  EXPECT_EQ(render("{% macro list(items) %}{% for i in items %}[{{ caller(i) }}]{% endfor %}"
                   "{% endmacro %}{% call(x) list([1, 2]) %}<{{ x }}>{% endcall %}"),
            "[<1>][<2>]");
}

TEST(Inheritance, SelfNestedBlocksAndIncludedBlocks) {
  Fixture f;
  f.loader->add("base.html",
                "<title>{% block title %}B{% endblock %}</title><h1>{{ self.title() }}</h1>"
                "{% block outer %}[{% block inner %}base-inner{% endblock %}]{% endblock %}");
  f.loader->add("page.html",
                "{% extends 'base.html' %}{% block title %}P{% endblock %}"
                "{% block inner %}{{ super() }}+page{% endblock %}{% include 'part.html' %}");
  f.loader->add("part.html", "{% block title %}part's own{% endblock %}");
  f.loader->add("uses-part.html",
                "{% extends 'base.html' %}{% block outer %}"
                "{% include 'part.html' %}{% endblock %}");
  EXPECT_EQ(f.render("page.html"), "<title>P</title><h1>P</h1>[base-inner+page]");
  // An included template renders its own blocks, not the includer's overrides.
  EXPECT_EQ(f.render("uses-part.html"), "<title>B</title><h1>B</h1>part's own");
}

// Jinja2 gives a block the loop variables around it only when it is `scoped`; here always.
TEST(Inheritance, BlocksSeeTheVariablesAroundThem) {
  EXPECT_EQ(render("{% for x in [1, 2] %}{% block b scoped %}{{ x }}{% endblock %}{% endfor %}"
                   "{% for y in [3] %}{% block c %}{{ y }}{% endblock %}{% endfor %}"),
            "123");
}

TEST(Inheritance, IncludeListTakesTheFirstThatExistsAndWithoutContext) {
  Fixture f;
  f.loader->add("b.txt", "b:{{ x }}");
  f.loader->add("t.txt",
                "{% set x = 1 %}{% include ['a.txt', 'b.txt'] %} "
                "{% include 'b.txt' without context %}");
  EXPECT_EQ(f.render("t.txt"), "b:1 b:");
}

TEST(Expressions, PrecedenceAsJinja) {
  EXPECT_EQ(render("{{ -3|abs }} {{ -2 ** 2 }} {{ 2 ** 3 ** 2 }} {{ 1 ~ 2 * 3 }} {{ 2 * 3 ~ 4 }}"),
            "3 4 64 16 64");
  EXPECT_EQ(render("{{ not 1 == 2 }} {{ not x is defined }} {{ 1 if 0 else 2 if 0 else 3 }}"),
            "True True 3");
  EXPECT_EQ(render("{{ 'a' ~ 'b'|upper }} {{ ('a' ~ 'b')|upper }} {{ [1, 2][-1] }}"), "aB AB 2");
}

// Expected outputs are Jinja2 3.1's, which decodes a literal's escapes as Python does.
TEST(Expressions, StringLiteralsDecodePythonEscapes) {
  EXPECT_EQ(render(R"({{ 'a\x41\u00e9\U0001F600\101\7|\0|'|length }} {{ 'tab:\there' }})"),
            "9 tab:\there");
  EXPECT_EQ(render(R"({{ '\x3c\u2014\U0001f600' }} {{ "\x41\102\n" }} {{ '\'\"\\' }})"),
            "<—😀 AB\n '\"\\");
  // Other escapes keep their backslash: a regex stays as written.
  EXPECT_EQ(render(R"({{ '\d+\s\w' }} {{ 'a\\b' }} {{ '\N{BULLET}' }})"),
            R"(\d+\s\w a\b \N{BULLET})");
  EXPECT_EQ(render("{{ 'one\\\ntwo' }}"), "onetwo");  // a backslash joins the lines
  EXPECT_EQ(render(R"({{ 'x\x4' }})"),
            "ERROR: t.txt:1:6: error: truncated \\xXX escape\n    {{ 'x\\x4' }}\n         ^");
  EXPECT_EQ(render(R"({{ '\u12' }})"),
            "ERROR: t.txt:1:5: error: truncated \\uXXXX escape\n    {{ '\\u12' }}\n        ^");
  EXPECT_EQ(render(R"({{ '\ud800' }})"),
            "ERROR: t.txt:1:5: error: \\ud800 is not a character: it is a surrogate\n"
            "    {{ '\\ud800' }}\n        ^");
  EXPECT_EQ(render(R"({{ '\U00110000' }})"),
            "ERROR: t.txt:1:5: error: \\U00110000 is not a character: it is past U+10FFFF\n"
            "    {{ '\\U00110000' }}\n        ^");
}

TEST(Expressions, TestsWithArguments) {
  EXPECT_EQ(render("{{ 2 is eq 2 }} {{ 2 is sameas 2 }} {{ none is sameas none }} "
                   "{{ 3 is gt 2 }} {{ 'a' is in 'cat' }} {{ x is not defined }}"),
            "True True True True True True");
  EXPECT_EQ(render("{{ true is true }} {{ 1 is true }} {{ false is false }} {{ [] is sequence }} "
                   "{{ 'x' is iterable }} {{ 3 is iterable }} {{ f is callable }}",
                   {{"f", Value::function(
                              [](Renderer&, CallArgs&, Value&, std::string&) { return true; })}}),
            "True False True True True False True");
}

TEST(Undefined, IsLenientAsJinjaDefault) {
  EXPECT_EQ(render("[{{ u }}][{{ u.a.b }}][{{ u['k'] }}][{{ u|length }}]"
                   "[{% for x in u %}x{% endfor %}][{{ u is defined }}][{{ u|default('d') }}]"
                   "[{{ u.x|default('e') }}][{% if u %}t{% else %}f{% endif %}]"),
            "[][][][0][][False][d][e][f]");
}

TEST(HostObjects, AttributesSequencesAndFilters) {
  Vars vars = {{"page", Value::object(std::make_shared<FakePage>(7))},
               {"pages", Value::object(std::make_shared<FakePages>(5))}};
  EXPECT_EQ(render("{{ page.title }} {{ page['n'] }} {{ page.missing }}| {{ page }}", vars),
            "Page 7 7 | <page 7>");
  EXPECT_EQ(render("{{ pages|length }} {{ pages[0].title }} {{ pages[-1].n }} "
                   "{% for p in pages if not p.draft %}{{ p.n }}{% endfor %}",
                   vars),
            "5 Page 1 5 135");
  EXPECT_EQ(render("{{ pages|selectattr('draft')|map(attribute='n')|list }} "
                   "{{ pages|sort(attribute='n', reverse=true)|first }} {{ pages[1:3]|length }}",
                   vars),
            "[2, 4] <page 5> 2");
  EXPECT_EQ(render("{% for k, v in page|items %}{{ k }}={{ v }};{% endfor %}", vars),
            "title=Page 7;n=7;draft=False;");
}

TEST(HostObjects, ConvertedFromCoreValues) {
  bengal::Value params = bengal::Value::table();
  params.set("title", "T");
  params.set("tags", bengal::Value(bengal::Value::Array{"a", "b"}));
  params.set("n", 2.5);
  params.set("none", nullptr);
  Vars vars = {{"p", Value::from(params)}};
  EXPECT_EQ(render("{{ p.title }} {{ p.tags|join(',') }} {{ p.n }} {{ p.none }} {{ p }}", vars),
            "T a,b 2.5 None {'title': 'T', 'tags': ['a', 'b'], 'n': 2.5, 'none': None}");
}

TEST(Environment, CustomFiltersTestsAndGlobals) {
  Fixture f;
  f.env.add_filter("shout", [](Value& v, CallArgs& args, std::string&) {
    v = Value::string(
        v.str() +
        std::string(static_cast<size_t>(args.positional.empty() ? 1 : args.positional[0].as_int()),
                    '!'));
    return true;
  });
  f.env.add_filter("fail", [](Value&, CallArgs&, std::string& error) {
    error = "it failed";
    return false;
  });
  f.env.add_test("short", [](const Value& v, const CallArgs&) { return v.length() < 3; });
  f.env.set_global("url_for",
                   Value::function([](Renderer&, CallArgs& args, Value& result, std::string&) {
                     result = Value::string(fmt::format("/{}/", args.positional.at(0).str()));
                     return true;
                   }));
  f.loader->add("t.txt",
                "{{ 'hi'|shout(3) }} {{ ['a', 'bbbb']|map('shout')|join }} {{ 'ab' is short }} "
                "{{ ['a', 'bbbb']|select('short')|list }} {{ url_for('docs') }}");
  EXPECT_EQ(f.render("t.txt"), "hi!!! a!bbbb! True ['a'] /docs/");
  f.loader->add("e.txt", "\n  {{ 1|fail }}");
  EXPECT_EQ(f.render("e.txt"),
            "ERROR: e.txt:2:7: error: filter 'fail': it failed\n      {{ 1|fail }}\n          ^");
}

TEST(Environment, CompileAllReportsEverySyntaxErrorBeforeRendering) {
  Fixture f;
  f.loader->add("ok.html", "{{ x }}");
  f.loader->add("bad.html", "{% if %}");
  std::vector<Diagnostic> errors = f.env.compile_all({"ok.html", "bad.html", "gone.html"});
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].format(),
            "bad.html:1:7: error: expected an expression, found %}\n    {% if %}\n          ^");
  EXPECT_EQ(errors[1].format(), "error: template 'gone.html' not found");
}

TEST(Autoescape, MarkupsafeEscapingAndMarkupPropagation) {
  Vars vars = {{"s", Value::string("\"it's\" <b>")}, {"m", Value::string("<i>x</i>", true)}};
  EXPECT_EQ(render("{{ s }}", vars, "t.html"), "&#34;it&#39;s&#34; &lt;b&gt;");
  EXPECT_EQ(render("{{ s|e }}", vars), "&#34;it&#39;s&#34; &lt;b&gt;");
  // Markup stays markup through ~, upper, replace, join and macros; escape() of it is a no-op.
  EXPECT_EQ(render("{{ m ~ '<' }}|{{ m|upper }}|{{ m|e }}|{{ [m, '&']|join(' ') }}|"
                   "{{ m|replace('x', '<y>') }}",
                   vars, "t.html"),
            "<i>x</i>&lt;|<I>X</I>|<i>x</i>|<i>x</i> &amp;|<i>&lt;y&gt;</i>");
  EXPECT_EQ(render("{% macro b(t) %}<b>{{ t }}</b>{% endmacro %}{{ b('<') }}", {}, "t.html"),
            "<b>&lt;</b>");
  EXPECT_EQ(render("{{ '<x>' ~ 1 }} {{ [1, '<'] }} {{ none }} {{ true }}", {}, "t.html"),
            "&lt;x&gt;1 [1, &#39;&lt;&#39;] None True");
  EXPECT_EQ(render("{{ '<x>'|striptags }} {{ ('<a>' ~ m)|length }}", vars, "t.htm"), " 17");
}

TEST(Errors, ExactSyntaxErrorMessages) {
  EXPECT_EQ(render("{% for x in xs %}{% endif %}"),
            "ERROR: t.txt:1:21: error: unexpected {% endif %}; expected {% endfor %} to close {% "
            "for %} at line 1\n    {% for x in xs %}{% endif %}\n                        ^");
  EXPECT_EQ(render("x\n{% end %}"),
            "ERROR: t.txt:2:4: error: unexpected {% end %}: no block is open\n    {% end %}\n"
            "       ^");
  EXPECT_EQ(render("{% block a %}{% endblock %}{% block a %}{% endblock %}"),
            "ERROR: t.txt:1:28: error: block 'a' defined twice\n    {% block a %}{% endblock %}{% "
            "block a %}{% endblock %}\n                               ^");
  EXPECT_EQ(render("{{ x }"),
            "ERROR: t.txt:1:1: error: unclosed {{; expected }}\n    {{ x }\n    ^");
  EXPECT_EQ(render("a\n{# comment"),
            "ERROR: t.txt:2:1: error: unclosed comment; expected #}\n    {# comment\n    ^");
  EXPECT_EQ(render("{% raw %}x"),
            "ERROR: t.txt:1:1: error: unclosed {% raw %}; expected {% endraw %}\n    {% raw %}x\n"
            "    ^");
  EXPECT_EQ(render("{{ a b }}"),
            "ERROR: t.txt:1:6: error: expected }}, found 'b'\n    {{ a b }}\n"
            "         ^");
  EXPECT_EQ(render("{% endfor %}"),
            "ERROR: t.txt:1:4: error: unexpected {% endfor %}: no block is open\n    {% endfor "
            "%}\n       ^");
  EXPECT_EQ(render("{{ f(a=1, 2) }}"),
            "ERROR: t.txt:1:11: error: positional argument after keyword argument\n    {{ f(a=1, "
            "2) }}\n              ^");
  EXPECT_EQ(
      render("{{ 1 ? 2 }}"),
      "ERROR: t.txt:1:6: error: unexpected character '?' in tag\n    {{ 1 ? 2 }}\n         ^");
  EXPECT_EQ(render("{% macro m(x) %}{% for y in x %}{% endmacro %}"),
            "ERROR: t.txt:1:36: error: unexpected {% endmacro %}; expected {% endfor %} to close "
            "{% for %} at line 1\n    {% macro m(x) %}{% for y in x %}{% endmacro %}\n        "
            "                               ^");
}

TEST(Errors, RuntimeErrorsNameTheIncludedTemplate) {
  Fixture f;
  f.loader->add("page.html", "{% include 'part.html' %}");
  f.loader->add("part.html", "line 1\n{{ 'a' - 1 }}");
  EXPECT_EQ(f.render("page.html"),
            "ERROR: part.html:2:8: error: unsupported operand types for -: string and integer\n"
            "    {{ 'a' - 1 }}\n           ^");
  f.loader->add("call.html", "{{ page.title() }}");
  EXPECT_EQ(f.render("call.html", {{"page", Value::dict({{"title", Value::string("T")}})}}),
            "ERROR: call.html:1:14: error: cannot call a string\n    {{ page.title() }}\n"
            "                 ^");
  f.loader->add("cmp.html", "{{ 1 < 'a' }}");
  EXPECT_EQ(f.render("cmp.html"),
            "ERROR: cmp.html:1:6: error: cannot compare integer with string\n    {{ 1 < 'a' }}\n"
            "         ^");
  f.loader->add("bad-include.html", "{% include 'syntax.html' %}");
  f.loader->add("syntax.html", "{{ (1 }}");
  EXPECT_EQ(f.render("bad-include.html"),
            "ERROR: syntax.html:1:7: error: expected ')', found }}\n    {{ (1 }}\n          ^");
}

TEST(Errors, RecursionLimits) {
  Fixture f;
  f.loader->add("self.html", "{% include 'self.html' %}");
  f.loader->add("import.html", "{% import 'import.html' as m %}");
  f.loader->add("loop.html",
                "{% set t = [[]] %}{% for x in t recursive %}{{ loop(t) }}"
                "{% endfor %}");
  EXPECT_TRUE(
      f.render("self.html")
          .starts_with(
              "ERROR: self.html:1:1: error: includes nested deeper than 64 levels (does a template "
              "include itself?)"))
      << f.render("self.html");
  EXPECT_TRUE(f.render("import.html")
                  .starts_with("ERROR: import.html:1:1: error: imports nested deeper than 64"))
      << f.render("import.html");
  EXPECT_TRUE(
      f.render("loop.html")
          .starts_with("ERROR: loop.html:1:52: error: recursive loop nested deeper than 64 levels"))
      << f.render("loop.html");
}

TEST(Threads, InheritanceIncludesAndMacrosRenderInParallel) {
  Fixture f;
  f.loader->add("base.html",
                "<title>{% block title %}{% endblock %}</title>{% block body %}"
                "{% endblock %}{% include 'foot.html' %}");
  f.loader->add("foot.html", "<footer>{{ site }}</footer>");
  f.loader->add("macros.html", "{% macro li(p) %}<li>{{ p.title }}</li>{% endmacro %}");
  f.loader->add("page.html",
                "{% extends 'base.html' %}{% import 'macros.html' as m %}"
                "{% block title %}{{ title|upper }}{% endblock %}{% block body %}"
                "{% set ns = namespace(n=0) %}{% for p in pages %}{{ m.li(p) }}"
                "{% set ns.n = ns.n + p.n %}{% endfor %}{{ ns.n }}{% endblock %}");
  Vars vars = {{"pages", Value::object(std::make_shared<FakePages>(300))},
               {"title", Value::string("a<b")},
               {"site", Value::string("S")}};
  ASSERT_TRUE(f.env.compile_all({"page.html", "base.html", "foot.html", "macros.html"}).empty());
  std::string expected = f.render("page.html", vars);
  ASSERT_TRUE(expected.ends_with("45150<footer>S</footer>")) << expected.substr(0, 200);
  std::vector<std::string> outs(2);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < outs.size(); ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 40; ++k) {
        std::string out = f.render("page.html", vars);
        if (out != expected) outs[t] = out;  // keep the first difference
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& o : outs) EXPECT_EQ(o, "");
}

TEST(Robustness, DeepNestingIsAnErrorNotAStackOverflow) {
  std::string deep = "{{ " + std::string(100000, '(') + "1" + std::string(100000, ')') + " }}";
  EXPECT_TRUE(render(deep).starts_with(
      "ERROR: t.txt:1:104: error: expressions or blocks nested too deeply"))
      << render(deep).substr(0, 200);
  // 60 levels of brackets are fine.
  EXPECT_EQ(render("{{ " + std::string(60, '(') + "1" + std::string(60, ')') + " }}"), "1");
  std::string nots = "{{ " + std::string(50000, '-') + "1 }}";
  EXPECT_TRUE(render(nots).starts_with("ERROR:"));
  std::string ifs;
  for (int i = 0; i < 5000; ++i) ifs += "{% if 1 %}";
  EXPECT_TRUE(render(ifs).starts_with("ERROR:"));
  std::string lists = "{{ " + std::string(30000, '[') + " }}";
  EXPECT_TRUE(render(lists).starts_with("ERROR:"));
}

TEST(Robustness, ArithmeticAndSizeLimits) {
  // Integers are exact while they fit in 64 bits and become floats beyond, never overflow.
  EXPECT_EQ(render("{{ 2 ** 62 }} {{ 2 ** 64 > 0 }} {{ -9223372036854775807 - 1 }} "
                   "{{ 9223372036854775807 + 1 }} {{ 1e300 * 1e300 }}"),
            "4611686018427387904 True -9223372036854775808 9.223372036854776e+18 inf");
  EXPECT_EQ(render("{{ ('x' * 1000000) * 1000 }}"),
            "ERROR: t.txt:1:20: error: string repetition larger than 64 MB\n    {{ ('x' * 1000000) "
            "* 1000 }}\n                       ^");
  EXPECT_EQ(render("{{ [1]|slice(1000000000) }}"),
            "ERROR: t.txt:1:7: error: filter 'slice': needs a number of slices from 1 to 100000\n "
            "   {{ [1]|slice(1000000000) }}\n          ^");
}

TEST(Robustness, RandomBytesAndMutatedTemplatesNeverCrash) {
  const std::string seeds[] = {
      "{% extends 'b.html' %}{% block a %}{{ super() }}{{ x|default(1)|join(',') }}{% endblock %}",
      "{% for k, v in d|dictsort %}{{ loop.index }}{{ k ~ v }}{% else %}-{% endfor %}",
      "{% macro m(a, b=2) %}{{ caller() if caller }}{{ a[1:] }}{% endmacro %}{% call m('xy') "
      "%}c{% endcall %}",
      "{% set ns = namespace(x=1) %}{% set ns.x = ns.x ** 2 %}{{ '%s-%d'|format(ns.x, 3) }}",
      "{% raw %}{{ x }}{% endraw %}{# c #}{%- if a is divisibleby 3 -%}{{ a // 0 }}{%- endif %}",
      "{% include ['x.html', 'b.html'] ignore missing %}{% from 'b.html' import a as c %}{{ c() }}",
      "{{ (1 + 2 * 3) ~ x|first|string and d.k or [x][0][0] }}{% if a %}{% for i in x %}{{ -i "
      "}}{% endfor %}{% endif %}",
      "{% set ns = namespace(v=[1]) %}{% set ns.me = ns %}{% set ns.v = [ns.v, ns] %}{{ ns }}"
      "{{ ns.v|tojson }}{{ ns.v == ns.v }}",
  };
  auto loader = std::make_shared<MemoryLoader>();
  loader->add("b.html", "{% block a %}{% endblock %}{% macro a() %}A{% endmacro %}");
  Environment env(loader);
  Vars vars = {{"x", Value::list({Value::integer(1)})},
               {"d", Value::dict({{"k", Value::integer(1)}})},
               {"a", Value::integer(3)}};
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
  };
  const std::string alphabet = "{}%#-+()[]|.,:'\"=<>!~*/ \nabcdefinorstx0123456789_";
  int too_deep = 0;
  for (int i = 0; i < 4000; ++i) {
    if (i % 500 == 0) state = 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(i);  // a new seed
    std::string src = seeds[next() % std::size(seeds)];
    int edits = 1 + static_cast<int>(next() % 6);
    for (int k = 0; k < edits && !src.empty(); ++k) {
      size_t at = next() % src.size();
      switch (next() % 6) {
        case 0:
          src.erase(at, 1 + next() % 4);
          break;
        case 1:
          src.insert(at, 1, alphabet[next() % alphabet.size()]);
          break;
        case 2:
          src[at] = static_cast<char>(next() & 0xFF);  // arbitrary bytes, invalid UTF-8 too
          break;
        case 3:
          src.insert(at, src.substr(next() % src.size(), next() % 12));
          break;
        case 4: {  // a chain or an opener repeated, up to 20,000 times
          static const char* const kChains[] = {" + 1",   " ~ x",       " and a", " or 0",
                                                "|first", ".k",         "[0]",    "(",
                                                "[",      "{% if a %}", "not ",   "-"};
          std::string run;
          const char* piece = kChains[next() % std::size(kChains)];
          for (uint64_t n = next() % (next() % 4 ? 1000 : 20'000); n > 0; --n) run += piece;
          src.insert(at, run);
          break;
        }
        default: {  // a piece of the template repeated up to 1000 times
          std::string piece = src.substr(next() % src.size(), 1 + next() % 10), run;
          for (uint64_t n = next() % 1000; n > 0; --n) run += piece;
          src.insert(at, run);
        }
      }
    }
    std::string out;
    Diagnostic error;
    // Returns, always.
    if (!env.render_source(i % 2 ? "t.html" : "t.txt", src, vars, out, error) &&
        error.message.find("nested more than") != std::string::npos)
      ++too_deep;
  }
  // The repeated pieces reached the nesting limits, where a stack overflow would be.
  EXPECT_GT(too_deep, 50) << too_deep;
}

}  // namespace
}  // namespace bengal::templates
