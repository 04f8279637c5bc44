// Kida, the Jinja2 dialect of Python Bengal's themes: let/export, ??, ?., |>, def, match, cache,
// spaceless, and --strict-templates, with their exact output and error messages.
#include <thread>

#include <gtest/gtest.h>

#include "bengal/templates/engine/environment.hpp"
#include "render_fixture.hpp"

namespace bengal::templates {
namespace {

using test::Fixture;
using test::render;

Vars page_vars() {
  return {{"page", Value::dict({{"title", Value::string("T")},
                                {"params", Value::dict({{"k", Value::integer(1)}})}})}};
}

TEST(Kida, LetIsTemplateScopedWhereSetIsNot) {
  EXPECT_EQ(render("{% let x = 1 %}{% if true %}{% let y = 2 %}{% end %}{{ x }}{{ y }}"), "12");
  EXPECT_EQ(render("{% for i in [1, 2, 3] %}{% let last = i %}{% end %}{{ last }}"), "3");
  EXPECT_EQ(render("{% for i in [1, 2] %}{% set s = i %}{% end %}[{{ s }}]"), "[]");
  EXPECT_EQ(render("{% let a = 1, b = a + 1 %}{{ a }}{{ b }}"), "12");
  EXPECT_EQ(render("{% let p, q = [3, 4] %}{{ p }}{{ q }}"), "34");
  EXPECT_EQ(render("{% let t ?\?= 'x' %}{% let t ?\?= 'y' %}{{ t }}"), "x");
  EXPECT_EQ(render("{% let n ?\?= 'set' %}{{ n }}", {{"n", Value::none()}}), "set");
  EXPECT_EQ(render("{% set u ?\?= 1 %}{% set u ?\?= 2 %}{{ u }}"), "1");
}

TEST(Kida, ExportLeavesLoops) {
  EXPECT_EQ(render("{% let total = 0 %}{% for i in [1, 2, 3] %}{% export total = total + i %}"
                   "{% end %}{{ total }}"),
            "6");
  EXPECT_EQ(render("{% for i in [5, 6] %}{% if i > 5 %}{% promote found = i %}{% end %}{% end %}"
                   "{{ found }}"),
            "6");
}

TEST(Kida, LetInsideMacroStaysInTheMacro) {
  EXPECT_EQ(render("{% def f() %}{% let inner = 1 %}{{ inner }}{% end %}{{ f() }}[{{ inner }}]"),
            "1[]");
}

TEST(Kida, LetScopeOfIncludesChildTemplatesAndBlocks) {
  Fixture f;
  f.loader->add("inc.txt", "{% let z = 1 %}[{{ z }}]");
  f.loader->add("main.txt", "{% include 'inc.txt' %}({{ z }})");
  EXPECT_EQ(f.render("main.txt"), "[1]()");
  f.loader->add("base.txt", "{% block a %}{% endblock %}|{% block b %}{% endblock %}");
  f.loader->add("child.txt",
                "{% extends 'base.txt' %}{% let who = 'kid' %}"
                "{% block a %}{{ who }}{% let from_a = 'A' %}{% endblock %}"
                "{% block b %}{{ from_a }}{% endblock %}");
  EXPECT_EQ(f.render("child.txt"), "kid|A");
  f.loader->add("mod.txt", "{% let answer = 42 %}");
  f.loader->add("imp.txt", "{% import 'mod.txt' as m %}{{ m.answer }}");
  EXPECT_EQ(f.render("imp.txt"), "42");
}

TEST(Kida, NullCoalescing) {
  EXPECT_EQ(render("{{ missing ?? 'd' }}|{{ none ?? 'n' }}|{{ 0 ?? 5 }}|{{ '' ?? 'e' }}|"
                   "{{ a ?? b ?? 'c' }}|{{ x or y ?? 'z' }}"),
            "d|n|0||c|z");
  EXPECT_EQ(render("{{ page.missing ?? page.title }}", page_vars()), "T");
  EXPECT_EQ(render("{% for i in nothing ?? [1, 2] %}{{ i }}{% end %}"), "12");
}

TEST(Kida, OptionalChaining) {
  EXPECT_EQ(render("[{{ user?.name }}][{{ page?.title }}][{{ page?.params?.k }}]", page_vars()),
            "[][T][1]");
  EXPECT_EQ(render("[{{ d?['k'] }}][{{ d?.['k'] }}][{{ nothing?['k'] }}]",
                   {{"d", Value::dict({{"k", Value::string("v")}})}}),
            "[v][v][]");
  EXPECT_EQ(render("[{{ nothing?.upper() }}][{{ s?.upper() }}][{{ user?.name ?? 'anon' }}]",
                   {{"s", Value::string("ab")}}),
            "[][AB][anon]");
}

TEST(Kida, Pipeline) {
  EXPECT_EQ(render("{{ 'abc' |> upper }} {{ [3, 1, 2] |> sort |> join(',') }}"), "ABC 1,2,3");
  EXPECT_EQ(render("{{ 'x' |> upper | lower }}"),
            "ERROR: t.txt:1:17: error: cannot mix '|' and '|>' in one filter chain; use one of "
            "them\n    {{ 'x' |> upper | lower }}\n                    ^");
}

TEST(Kida, DefIsAMacroWithAnnotations) {
  EXPECT_EQ(render("{% def greet(name: str, punct: str | None = '!') %}Hi {{ name }}{{ punct }}"
                   "{% end %}{{ greet('Ann') }} {{ greet('Bo', punct='?') }}"),
            "Hi Ann! Hi Bo?");
  EXPECT_EQ(render("{% def f(items: dict[str, int]) %}{{ items | length }}{% enddef %}{{ f({}) }}"),
            "0");
  EXPECT_EQ(render("{% def f(x:) %}{% end %}"),
            "ERROR: t.txt:1:12: error: expected a type after ':', found ')'\n"
            "    {% def f(x:) %}{% end %}\n               ^");
}

TEST(Kida, Match) {
  EXPECT_EQ(render("{% for s in ['a', 'b', 3, 'z', [1, 2], 'q'] %}{% match s %}\n"
                   "  {% case 'a' | 'b' %}AB{% case 3 %}three{% case [x, y] %}pair {{ x }}{{ y }}"
                   "{% case other if other == 'z' %}zed{% case _ %}?{% end %};{% end %}"),
            "AB;AB;three;zed;pair 12;?;");
  EXPECT_EQ(render("{% match 1, 2 %}{% case 1, b %}b={{ b }}{% endmatch %}"), "b=2");
  EXPECT_EQ(render("{% match 9 %}{% case 1 %}one{% end %}."), ".");
  EXPECT_EQ(render("{% match x %}{% end %}"),
            "ERROR: t.txt:1:1: error: {% match %} needs at least one {% case pattern %}\n"
            "    {% match x %}{% end %}\n    ^");
  EXPECT_EQ(render("{% match x %}{% if y %}{% end %}"),
            "ERROR: t.txt:1:17: error: expected {% case pattern %} after {% match %}, found "
            "'if'\n    {% match x %}{% if y %}{% end %}\n                    ^");
}

TEST(Kida, Spaceless) {
  EXPECT_EQ(render("{% spaceless %}\n<ul>\n  <li> a </li>\n  <li>b</li>\n</ul>\n{% end %}|"
                   "{% spaceless %} <p>x  y</p> {% endspaceless %}"),
            "<ul><li> a </li><li>b</li></ul>|<p>x  y</p>");
}

TEST(Kida, CacheRendersOncePerKeyPerEnvironment) {
  Fixture f;
  f.loader->add("c.txt", "{% cache 'nav-' ~ section %}{{ n }}{% end %}");
  EXPECT_EQ(f.render("c.txt", {{"section", Value::string("a")}, {"n", Value::integer(1)}}), "1");
  EXPECT_EQ(f.render("c.txt", {{"section", Value::string("a")}, {"n", Value::integer(2)}}), "1");
  EXPECT_EQ(f.render("c.txt", {{"section", Value::string("b")}, {"n", Value::integer(3)}}), "3");
  Fixture fresh;  // another build: another cache
  fresh.loader->add("c.txt", "{% cache 'nav-' ~ section %}{{ n }}{% end %}");
  EXPECT_EQ(fresh.render("c.txt", {{"section", Value::string("a")}, {"n", Value::integer(2)}}),
            "2");
  EXPECT_GT(f.env.fragments().bytes(), 0u);
}

TEST(Kida, CacheIsSharedSafelyBetweenThreads) {
  Fixture f;
  f.loader->add("c.txt", "{% cache 'k' %}{% for i in range(100) %}{{ i }}{% end %}{% end %}");
  std::string expected;
  for (int i = 0; i < 100; ++i) expected += std::to_string(i);
  std::vector<std::string> outs(8);
  std::vector<std::thread> threads;
  for (auto& out : outs) threads.emplace_back([&f, &out] { out = f.render("c.txt"); });
  for (auto& t : threads) t.join();
  for (const auto& out : outs) EXPECT_EQ(out, expected);
}

TEST(Kida, CacheDoesNotKeepErrors) {
  Fixture f;
  f.loader->add("c.txt", "{% cache 'k' %}{{ 1 / n }}{% end %}");
  EXPECT_EQ(f.render("c.txt", {{"n", Value::integer(0)}}),
            "ERROR: c.txt:1:21: error: division by zero\n"
            "    {% cache 'k' %}{{ 1 / n }}{% end %}\n                        ^");
  EXPECT_EQ(f.render("c.txt", {{"n", Value::integer(2)}}), "0.5");
}

TEST(Kida, EndTagsOfEachBlock) {
  EXPECT_EQ(render("{% cache 1 %}a{% endcache %}{% def f() %}b{% enddef %}{{ f() }}"), "ab");
}

std::string strict(const std::string& source, const Vars& vars = page_vars()) {
  Fixture f;
  f.env.set_strict_undefined(true);
  f.loader->add("t.txt", source);
  return f.render("t.txt", vars);
}

TEST(StrictTemplates, MissingAttributeIsAnErrorWithASuggestion) {
  EXPECT_EQ(render("[{{ page.titel }}]", page_vars()), "[]");
  EXPECT_EQ(strict("[{{ page.titel }}]"),
            "ERROR: t.txt:1:9: error: page has no attribute 'titel'; did you mean 'title'? "
            "(--strict-templates: where a value may be missing, write `x ?? fallback`, `x?.y` "
            "or `x is defined`)\n    [{{ page.titel }}]\n            ^");
  EXPECT_EQ(strict("{{ page.params.zzz }}"),
            "ERROR: t.txt:1:15: error: page.params has no attribute 'zzz'; it has: k "
            "(--strict-templates: where a value may be missing, write `x ?? fallback`, `x?.y` "
            "or `x is defined`)\n    {{ page.params.zzz }}\n                  ^");
}

TEST(StrictTemplates, UndefinedVariableAndKey) {
  EXPECT_EQ(strict("{{ pgae.title }}"),
            "ERROR: t.txt:1:4: error: 'pgae' is undefined; did you mean 'page'? "
            "(--strict-templates: where a value may be missing, write `x ?? fallback`, `x?.y` "
            "or `x is defined`)\n    {{ pgae.title }}\n       ^");
  EXPECT_EQ(strict("{{ page['nope'] }}"),
            "ERROR: t.txt:1:8: error: page has no key 'nope'; it has: title, params "
            "(--strict-templates: where a value may be missing, write `x ?? fallback`, `x?.y` "
            "or `x is defined`)\n    {{ page['nope'] }}\n           ^");
}

TEST(StrictTemplates, WaysToAskAreNotErrors) {
  EXPECT_EQ(strict("{{ page.titel ?? 'a' }}{{ page?.titel }}{{ nothing?.x }}"
                   "{{ missing is defined }}{{ page.titel is undefined }}"
                   "{{ missing | default('d') }}{{ page.x | d('e') }}{{ missing is none }}"
                   "{% let v ?\?= 1 %}{{ v }}{{ page.title.upper() }}{{ page.items() | length }}"),
            "aFalseTruedeFalse1T2");
}

}  // namespace
}  // namespace bengal::templates
