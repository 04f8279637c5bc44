// The template language, feature by feature, with the output Jinja2 gives.
#include <thread>

#include <gtest/gtest.h>

#include "bengal/templates/engine/environment.hpp"
#include "render_fixture.hpp"

namespace bengal::templates {
namespace {

using test::Fixture;
using test::render;

std::string render_with(Fixture& f, const std::string& name, const Vars& vars = {}) {
  return f.render(name, vars);
}

Value list_of(std::initializer_list<int> xs) {
  List l;
  for (int x : xs) l.push_back(Value::integer(x));
  return Value::list(std::move(l));
}

TEST(Syntax, OutputCommentsRawAndTrailingNewline) {
  EXPECT_EQ(render("a{{ 1 + 2 }}b{# gone #}c\n"), "a3bc");
  EXPECT_EQ(render("{% raw %}{{ x }}{% endraw %}"), "{{ x }}");
  EXPECT_EQ(render("{% raw %}{% if %}{% end %}!"), "{% if %}!");
  EXPECT_EQ(render("x\n\n"), "x\n");
}

TEST(Syntax, WhitespaceControl) {
  EXPECT_EQ(render("a  {%- if true -%}  b  {%- endif -%}  c"), "abc");
  EXPECT_EQ(render("a\n  {{- 1 -}}\n  b"), "a1b");
  EXPECT_EQ(render("a {#- c -#} b"), "ab");
}

TEST(Expressions, Literals) {
  EXPECT_EQ(render("{{ [1, 'a', none, true] }}"), "[1, 'a', None, True]");
  EXPECT_EQ(render("{{ {'a': 1, \"b\": [2]} }}"), "{'a': 1, 'b': [2]}");
  EXPECT_EQ(render("{{ 1.0 }} {{ 2.5 }} {{ 1e3 }} {{ (1, 2) }}"), "1.0 2.5 1000.0 (1, 2)");
  EXPECT_EQ(render("{{ \"it's\" }} {{ 'a\\nb' }}"), "it's a\nb");
  EXPECT_EQ(render("{{ none }}|{{ True }}|{{ false }}"), "None|True|False");
}

TEST(Expressions, Arithmetic) {
  EXPECT_EQ(render("{{ 7 / 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 2 ** 10 }}"),
            "3.5 3 -4 1 2 1024");
  EXPECT_EQ(render("{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ -2 + 5 }} {{ 'ab' * 2 }}"), "7 9 3 abab");
  EXPECT_EQ(render("{{ 'a' ~ 1 ~ none }} {{ 'x' + 'y' }} {{ [1] + [2] }}"), "a1None xy [1, 2]");
}

// Python's rules where C++ differs: floor division and modulo round toward negative infinity,
// booleans are integers, a string repeats.
TEST(Expressions, ArithmeticFollowsPython) {
  EXPECT_EQ(render("{{ 7 % -3 }} {{ 7.5 // 2 }} {{ -7.5 % 2 }} {{ true + 1 }} {{ 'ab' * 3 }}|"
                   "{{ 'a' * -1 }}|{{ 2 ** -1 }}"),
            "-2 3.0 0.5 2 ababab||0.5");
  // A zero remainder takes the divisor's sign; the one integer quotient past int64 is exact.
  EXPECT_EQ(render("{{ -5.0 % 5 }} {{ 5.0 % -5 }} {{ (-9223372036854775807 - 1) % -1 }} "
                   "{{ -0.0 % 3 }} {{ 0.0 % -3 }}"),
            "0.0 -0.0 0 0.0 -0.0");
  EXPECT_EQ(render("{{ 1 // 0 }}"),
            "ERROR: t.txt:1:6: error: division by zero\n    {{ 1 // 0 }}\n         ^");
  EXPECT_EQ(render("{{ [1] * 2 }}"),
            "ERROR: t.txt:1:8: error: unsupported operand types for *: list and integer\n"
            "    {{ [1] * 2 }}\n           ^");
}

TEST(Expressions, StringAndDictMethods) {
  EXPECT_EQ(
      render("{{ '  x  y '.split() }} {{ ' x '.strip() }} {{ 'Ab'.lower() }}{{ 'Ab'.upper() }} "
             "{{ 'ab'.endswith('b') }} {{ {'a': 1}.keys() }} {{ {'a': 1}.values() }} "
             "{{ {'a': 1}.get('a') }} {{ 1 in [1] }} {{ 'b' not in 'abc' }}"),
      "['x', 'y'] x abAB True ['a'] [1] 1 True False");
}

TEST(Expressions, LogicAndComparisons) {
  EXPECT_EQ(render("{{ 1 < 2 < 3 }} {{ 1 < 2 > 3 }} {{ 2 == 2.0 }} {{ 'a' != 'b' }}"),
            "True False True True");
  EXPECT_EQ(render("{{ 0 or 'x' }} {{ 1 and 'y' }} {{ not 0 }} {{ none or [] }}"), "x y True []");
  EXPECT_EQ(render("{{ 2 in [1, 2] }} {{ 'b' in 'abc' }} {{ 'k' in {'k': 1} }} {{ 3 not in [3] }}"),
            "True True True False");
  EXPECT_EQ(render("{{ 'yes' if 1 else 'no' }}{{ 'x' if 0 }}|"), "yes|");
}

TEST(Expressions, AttributesIndexesAndSlices) {
  Vars vars = {{"d", Value::dict({{"a", Value::dict({{"b", Value::integer(5)}})}})},
               {"l", list_of({1, 2, 3, 4, 5})}};
  EXPECT_EQ(render("{{ d.a.b }} {{ d['a']['b'] }} {{ l[0] }} {{ l[-1] }} {{ l.1 }}", vars),
            "5 5 1 5 2");
  EXPECT_EQ(render("{{ l[1:3] }} {{ l[::-1] }} {{ l[:2] }} {{ 'hello'[1:4] }} {{ l[::2] }}", vars),
            "[2, 3] [5, 4, 3, 2, 1] [1, 2] ell [1, 3, 5]");
  EXPECT_EQ(render("[{{ missing }}][{{ missing.x.y }}][{{ d.nope }}]", vars), "[][][]");
}

TEST(Tests, IsTests) {
  EXPECT_EQ(
      render("{{ x is defined }} {{ x is undefined }} {{ none is none }} {{ 'a' is string }}"),
      "False True True True");
  EXPECT_EQ(
      render("{{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(4) }}"),
      "True True True False");
  EXPECT_EQ(
      render("{{ 1.5 is number }} {{ [] is iterable }} {{ 1 is not string }} {{ {} is mapping }}"),
      "True True True True");
}

TEST(Statements, IfElifElse) {
  EXPECT_EQ(render("{% if x == 1 %}one{% elif x == 2 %}two{% else %}many{% endif %}",
                   {{"x", Value::integer(2)}}),
            "two");
  EXPECT_EQ(render("{% if false %}a{% else %}b{% end %}"), "b");
}

TEST(Statements, ForLoopVariables) {
  EXPECT_EQ(render("{% for x in [10, 20, 30] %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}"
                   "{{ loop.first }}{{ loop.last }}{{ loop.length }}|{% endfor %}"),
            "103TrueFalse3|212FalseFalse3|321FalseTrue3|");
  EXPECT_EQ(render("{% for x in [1, 2, 3] %}{{ loop.previtem }}-{{ loop.nextitem }} {% endfor %}"),
            "-2 1-3 2- ");
  EXPECT_EQ(render("{% for x in [1,2,3] %}{{ loop.cycle('a', 'b') }}{% endfor %}"), "aba");
}

TEST(Statements, ForFilterElseBreakContinue) {
  EXPECT_EQ(render("{% for x in [1,2,3,4] if x is even %}{{ x }}{{ loop.length }} {% endfor %}"),
            "22 42 ");
  EXPECT_EQ(render("{% for x in [] %}x{% else %}empty{% endfor %}"), "empty");
  EXPECT_EQ(render("{% for x in [1,2,3,4] %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 4 "
                   "%}{% break %}{% endif %}{{ x }}{% endfor %}"),
            "13");
  EXPECT_EQ(render("{% for k, v in {'a': 1, 'b': 2}.items() %}{{ k }}{{ v }}{% endfor %}"), "a1b2");
  EXPECT_EQ(
      render("{{ {'a': 1}.get('b', 'none') }} {{ 'a-b'.split('-') }} {{ 'Ab'.startswith('A') }}"),
      "none ['a', 'b'] True");
  EXPECT_EQ(render("{{ {'a': 1}.nope() }}"),
            "ERROR: t.txt:1:17: error: 'nope' is undefined and cannot be called\n    {{ {'a': "
            "1}.nope() }}\n                    ^");
  EXPECT_EQ(render("{% for k, v in d|items %}{{ k }}={{ v }};{% endfor %}{% for k in d %}{{ k }}{% "
                   "endfor %}",
                   {{"d", Value::dict({{"a", Value::integer(1)}, {"b", Value::integer(2)}})}}),
            "a=1;b=2;ab");
}

TEST(Statements, SetWithAndScopes) {
  EXPECT_EQ(render("{% set x = 1 %}{% set a, b = [2, 3] %}{{ x }}{{ a }}{{ b }}"), "123");
  EXPECT_EQ(render("{% set block %}<b>{{ 1 }}</b>{% endset %}{{ block }}", {}, "t.html"),
            "<b>1</b>");
  EXPECT_EQ(render("{% with y = 5 %}{{ y }}{% endwith %}[{{ y }}]"), "5[]");
  // Assignments inside a loop do not leak out of it, as in Jinja2.
  EXPECT_EQ(render("{% set n = 0 %}{% for i in [1,2] %}{% set n = i %}{% endfor %}{{ n }}"), "0");
}

TEST(Statements, Macros) {
  EXPECT_EQ(render("{% macro greet(name, greeting='Hi') %}{{ greeting }} {{ name }}{% endmacro %}"
                   "{{ greet('A') }}, {{ greet('B', greeting='Yo') }}, {{ greet(name='C') }}"),
            "Hi A, Yo B, Hi C");
  EXPECT_EQ(
      render("{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}inside{% endcall %}"),
      "[inside]");
}

TEST(Statements, FilterBlock) {
  EXPECT_EQ(render("{% filter upper %}abc{{ 'd' }}{% endfilter %}"), "ABCD");
}

TEST(Inheritance, ExtendsBlocksAndSuper) {
  Fixture f;
  f.loader->add("base.html",
                "<title>{% block title %}Base{% endblock %}</title>{% block body %}{% endblock %}");
  f.loader->add("mid.html",
                "{% extends 'base.html' %}{% block body %}[mid {% block inner %}{% endblock %}]{% "
                "endblock %}");
  f.loader->add(
      "page.html",
      "{% extends \"mid.html\" %}{% set x = 'set before' %}ignored text"
      "{% block title %}{{ super() }} + Page{% endblock %}{% block inner %}{{ x }}{% endblock %}");
  EXPECT_EQ(render_with(f, "page.html"), "<title>Base + Page</title>[mid set before]");
}

TEST(Inheritance, IncludeAndImport) {
  Fixture f;
  f.loader->add("nav.html", "<nav>{{ title }}</nav>");
  f.loader->add(
      "macros.html",
      "{% set version = 2 %}{% macro link(u, t) %}<a href=\"{{ u }}\">{{ t }}</a>{% endmacro %}");
  f.loader->add(
      "page.html",
      "{% set title = 'T' %}{% include 'nav.html' %}{% include 'missing.html' ignore missing %}"
      "{% import 'macros.html' as m %}{{ m.link('/x', 'X&Y') }}{{ m.version }}"
      "{% from 'macros.html' import link as l %}{{ l('/y', 'Y') }}");
  EXPECT_EQ(render_with(f, "page.html"),
            "<nav>T</nav><a href=\"/x\">X&amp;Y</a>2<a href=\"/y\">Y</a>");
}

TEST(Inheritance, MacrosRecurseInsideIncludesAndImports) {
  Fixture f;
  f.loader->add("tree.html",
                "{% macro count(n) %}{{ n }}{% if n > 0 %},{{ count(n - 1) }}{% endif %}{% "
                "endmacro %}{{ count(3) }}");
  f.loader->add("page.html",
                "[{% include 'tree.html' %}]{% import 'tree.html' as t %}[{{ t.count(2) }}]");
  EXPECT_EQ(render_with(f, "page.html"), "[3,2,1,0][2,1,0]");
}

TEST(Autoescape, HtmlAndXmlOnly) {
  Vars vars = {{"s", Value::string("<b>&</b>")}};
  EXPECT_EQ(render("{{ s }}", vars, "t.html"), "&lt;b&gt;&amp;&lt;/b&gt;");
  EXPECT_EQ(render("{{ s }}", vars, "t.xml"), "&lt;b&gt;&amp;&lt;/b&gt;");
  EXPECT_EQ(render("{{ s }}", vars, "t.txt"), "<b>&</b>");
  EXPECT_EQ(render("{{ s|safe }}|{{ s|e|e }}|{{ s|safe ~ s }}", vars, "t.html"),
            "<b>&</b>|&lt;b&gt;&amp;&lt;/b&gt;|<b>&</b>&lt;b&gt;&amp;&lt;/b&gt;");
  EXPECT_EQ(render("{{ c }}", {{"c", Value::view("<p>html</p>", true)}}, "t.html"), "<p>html</p>");
}

TEST(Errors, SyntaxErrorsNamePositionAndShowTheLine) {
  EXPECT_EQ(render("line one\n{% for x in xs %}\n{{ x }}"),
            "ERROR: t.txt:3:8: error: unexpected end of template; expected {% endfor %} to close "
            "{% for %} at line 2\n    {{ x }}\n           ^");
  EXPECT_EQ(render("{{ x|nosuch }}"),
            "ERROR: t.txt:1:6: error: unknown filter 'nosuch'\n    {{ x|nosuch }}\n         ^");
  EXPECT_EQ(render("{{ x is nosuch }}"),
            "ERROR: t.txt:1:9: error: unknown test 'nosuch'\n    {{ x is nosuch }}\n            ^");
  EXPECT_EQ(
      render("{% frobnicate %}"),
      "ERROR: t.txt:1:4: error: unknown statement 'frobnicate'\n    {% frobnicate %}\n       ^");
  EXPECT_EQ(
      render("{{ 1 + }}"),
      "ERROR: t.txt:1:8: error: expected an expression, found }}\n    {{ 1 + }}\n           ^");
  EXPECT_EQ(render("a {{ 'x }}"),
            "ERROR: t.txt:1:6: error: unclosed string literal\n    a {{ 'x }}\n         ^");
  EXPECT_EQ(
      render("{% if x %}"),
      "ERROR: t.txt:1:11: error: unexpected end of template; expected {% endif %} to close {% "
      "if %} at line 1\n    {% if x %}\n              ^");
}

TEST(Errors, RuntimeErrors) {
  EXPECT_EQ(render("{{ 1 / 0 }}"),
            "ERROR: t.txt:1:6: error: division by zero\n    {{ 1 / 0 }}\n         ^");
  EXPECT_EQ(render("{{ nothing() }}"),
            "ERROR: t.txt:1:11: error: 'nothing' is undefined and cannot be called\n    {{ "
            "nothing() }}\n              ^");
  EXPECT_EQ(render("{% include 'nope.html' %}"),
            "ERROR: t.txt:1:1: error: template 'nope.html' not found\n    {% include 'nope.html' "
            "%}\n    ^");
}

TEST(Errors, CyclesAndRecursionAreErrorsNotCrashes) {
  Fixture f;
  f.loader->add("a.html", "{% include 'b.html' %}");
  f.loader->add("b.html", "{% include 'a.html' %}");
  f.loader->add("x.html", "{% extends 'y.html' %}");
  f.loader->add("y.html", "{% extends 'x.html' %}");
  f.loader->add("m.html", "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}");
  EXPECT_TRUE(render_with(f, "a.html")
                  .starts_with("ERROR: a.html:1:1: error: includes nested deeper than 64 levels"))
      << render_with(f, "a.html");
  EXPECT_TRUE(render_with(f, "x.html").starts_with("ERROR: y.html:1:1: error: extends cycle"))
      << render_with(f, "x.html");
  EXPECT_TRUE(render_with(f, "m.html").find("macro calls nested deeper than 64 levels") !=
              std::string::npos)
      << render_with(f, "m.html");
}

TEST(Robustness, GarbageNeverCrashes) {
  const char* pieces[] = {"{{", "}}",  "{%",    "%}",  "{#", "#}",     "if",  "for", "x",
                          "in", "'",   "\"",    "(",   ")",  "[",      "]",   "|",   "end",
                          "-",  "+",   "block", "raw", " ",  "\n",     "1",   ".",   ",",
                          "~",  "and", "or",    "not", ".a", "|upper", "[0]", "*"};
  // Many seeds; one template in ten is long, so chains and nesting run past every limit.
  for (uint32_t seed = 1; seed <= 30; ++seed) {
    uint32_t state = seed * 2654435761u;
    for (int i = 0; i < 300; ++i) {
      std::string src;
      int count = i % 10 == 9 ? 20'000 : 12;
      for (int k = 0; k < count; ++k) {
        state = state * 1103515245 + 12345;
        src += pieces[(state >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
      }
      std::string out = render(src);  // must return, error or not
      (void)out;
    }
  }
}

TEST(Threads, OneCompiledTemplateRendersInParallel) {
  Fixture f;
  f.loader->add("p.html",
                "{% for i in items %}<li>{{ i }}{{ loop.index }}</li>{% endfor %}{{ name|upper }}");
  List items;
  for (int i = 0; i < 200; ++i) items.push_back(Value::integer(i));
  Vars vars = {{"items", Value::list(items)}, {"name", Value::string("x<y")}};
  std::string expected = render_with(f, "p.html", vars);
  std::vector<std::string> outs(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 50; ++k) outs[t] = render_with(f, "p.html", vars);
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& o : outs) EXPECT_EQ(o, expected);
  EXPECT_TRUE(expected.ends_with("X&lt;Y"));
}

}  // namespace
}  // namespace bengal::templates
