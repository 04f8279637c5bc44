// Hostile templates: every limit of the parser and the renderer is an error with a position,
// never a stack overflow, an endless print or an out-of-memory; and the string filters work
// on the bytes, without a value per character.
#include <gtest/gtest.h>

#include "bengal/templates/engine/environment.hpp"
#include "render_fixture.hpp"

namespace bengal::templates {
namespace {

using test::Fixture;
using test::render;

// The first line of a render's error (the rest shows the source line).
std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

// "{{ " + `operands` copies of `operand` joined by `op` + " }}".
std::string chain(const std::string& operand, const std::string& op, int operands) {
  std::string s = "{{ ";
  s += operand;
  for (int i = 1; i < operands; ++i) {
    s += op;
    s += operand;
  }
  s += " }}";
  return s;
}

// "{{ " + operand + `count` - 1 copies of suffix + " }}".
std::string postfix(const std::string& operand, const std::string& suffix, int count) {
  std::string s = "{{ ";
  s += operand;
  for (int i = 1; i < count; ++i) s += suffix;
  s += " }}";
  return s;
}

const char kTooDeep[] =
    "expression nested more than 200 levels deep (a long chain of operators, filters or "
    "attributes, or brackets inside brackets); split it with {% set %}";

std::string too_deep_at(int column) {
  std::string s = "ERROR: t.txt:1:";
  s += std::to_string(column);
  s += ": error: ";
  s += kTooDeep;
  return s;
}

TEST(Limits, LongChainsAreErrorsAtTheOperatorThatCrossesTheLimit) {
  // 200 operands nest 200 levels: the limit exactly.
  EXPECT_EQ(render(chain("1", " + ", 200)), "200");
  EXPECT_EQ(render(chain("'a'", " ~ ", 200)), std::string(200, 'a'));
  // The 200th operator makes the 201st level: "{{ 1 + 1 + ...": the first + is at column 6,
  // the 200th 199 strides of 4 further.
  EXPECT_EQ(first_line(render(chain("1", " + ", 16'000))), too_deep_at(6 + 199 * 4));
  EXPECT_EQ(first_line(render(chain("1", " * ", 16'000))), too_deep_at(6 + 199 * 4));
  EXPECT_EQ(first_line(render(chain("'a'", " ~ ", 16'000))), too_deep_at(8 + 199 * 6));
  EXPECT_EQ(first_line(render(chain("1", " and ", 16'000))), too_deep_at(6 + 199 * 6));
  EXPECT_EQ(first_line(render(chain("0", " or ", 16'000))), too_deep_at(6 + 199 * 5));
  // Postfix chains: the 200th filter, attribute, index or call.
  EXPECT_EQ(first_line(render(postfix("x", "|upper", 16'000))), too_deep_at(5 + 199 * 6));
  EXPECT_EQ(first_line(render(postfix("x", ".a", 16'000))), too_deep_at(5 + 199 * 2));
  EXPECT_EQ(first_line(render(postfix("x", "[0]", 16'000))), too_deep_at(5 + 199 * 3));
  EXPECT_EQ(first_line(render(postfix("x", "()", 16'000))), too_deep_at(5 + 199 * 2));
  EXPECT_EQ(render(postfix("'x'", "|upper", 199)), "X");
  // Brackets and chains add up: "((1 + 1 + 1 + 1) + 1 + 1 + 1)..." grows 3 levels a bracket;
  // the second + of the 67th bracket (from inside) makes level 201.
  std::string mixed = "{{ ";
  mixed += std::string(95, '(');
  mixed += "1";
  for (int i = 0; i < 95; ++i) mixed += " + 1 + 1 + 1)";
  mixed += " }}";
  EXPECT_EQ(first_line(render(mixed)), too_deep_at(100 + 66 * 13 + 5));
}

TEST(Limits, RenderDepthIsBoundedAcrossIncludesMacrosAndStatements) {
  // 64 includes deep, each inside 20 ifs: more frames than any template needs.
  Fixture f;
  std::string ifs, endifs;
  for (int i = 0; i < 20; ++i) ifs += "{% if true %}", endifs += "{% endif %}";
  f.loader->add("d.html", ifs + "{% include 'd.html' %}" + endifs);
  EXPECT_EQ(first_line(f.render("d.html")),
            "ERROR: d.html:1:163: error: template nested more than 1000 statements and "
            "expressions deep while rendering (macros, includes or recursive loops inside each "
            "other); make the recursion shallower");
  // A macro recursing 60 levels through a few statements each is fine.
  f.loader->add("m.html",
                "{% macro r(n) %}{% if n > 0 %}{% for i in [1] %}{{ r(n - 1) }}{% endfor %}"
                "{% else %}done{% endif %}{% endmacro %}{{ r(60) }}");
  EXPECT_EQ(f.render("m.html"), "done");
}

TEST(Limits, ANamespaceHoldingItselfPrintsAsPythonDoes) {
  EXPECT_EQ(render("{% set ns = namespace(a=1) %}{% set ns.me = ns %}{{ ns }}"),
            "<Namespace {'a': 1, 'me': <Namespace {...}>}>");
  EXPECT_EQ(render("{% set ns = namespace() %}{% set ns.l = [ns, 2] %}{{ ns.l }}"),
            "[<Namespace {'l': [...]}>, 2]");
  EXPECT_EQ(render("{% set a = namespace() %}{% set b = namespace(a=a) %}{% set a.b = b %}"
                   "{{ a }} {{ b }}"),
            "<Namespace {'b': <Namespace {'a': <Namespace {...}>}>}> "
            "<Namespace {'a': <Namespace {'b': <Namespace {...}>}>}>");
  // Doubling through itself: linear, not 2^n.
  EXPECT_EQ(render("{% set ns = namespace() %}{% set ns.x = ns %}{% set ns.y = ns %}{{ ns }}"),
            "<Namespace {'x': <Namespace {...}>, 'y': <Namespace {...}>}>");
  EXPECT_EQ(first_line(render("{% set ns = namespace() %}{% set ns.me = ns %}{{ ns|tojson }}")),
            "ERROR: t.txt:1:52: error: filter 'tojson': the value contains itself (a namespace "
            "holding itself)");
  EXPECT_EQ(render("{% set ns = namespace(a=[1, 'x']) %}{{ ns|tojson }}"), "{\"a\": [1, \"x\"]}");
  // Cycles through a loop object and a caller: the render frees them when it ends (the
  // sanitizer build checks that nothing leaks).
  EXPECT_EQ(render("{% set ns = namespace() %}{% for i in [1] %}{% set ns.l = loop %}"
                   "{{ loop.changed(ns) }}{% endfor %}"),
            "True");
  EXPECT_EQ(render("{% set ns = namespace() %}{% macro m() %}{% set ns.c = caller %}{{ caller() }}"
                   "{% endmacro %}{% call m() %}c{% endcall %}"),
            "c");
}

TEST(Limits, DeepValuesPrintAndSerializeWithinBounds) {
  // A list nested 150 deep through a namespace: printing stops at 100 levels with "...".
  std::string deep = render(
      "{% set ns = namespace(v=1) %}{% for i in range(150) %}{% set ns.v = [ns.v] %}{% endfor %}"
      "{{ ns.v }}");
  EXPECT_EQ(deep, std::string(100, '[') + "..." + std::string(100, ']'));
  EXPECT_EQ(first_line(render("{% set ns = namespace(v=1) %}{% for i in range(150) %}"
                              "{% set ns.v = [ns.v] %}{% endfor %}{{ ns.v|tojson }}")),
            "ERROR: t.txt:1:97: error: filter 'tojson': value nested more than 64 levels deep");
  // Shared lists doubling 40 times: 2^40 items in JSON would never end.
  EXPECT_EQ(first_line(render("{% set ns = namespace(v=[1]) %}{% for i in range(40) %}"
                              "{% set ns.v = [ns.v, ns.v] %}{% endfor %}{{ ns.v|tojson }}")),
            "ERROR: t.txt:1:104: error: filter 'tojson': JSON text larger than 64 MB");
}

// Values nested 200,000 deep, built in a loop: freeing, comparing, sorting and printing them
// must not recurse once per level.
TEST(Limits, ValuesNestedInALoopFreeCompareAndPrintWithinBounds) {
  EXPECT_EQ(render("{% set ns = namespace(v=1) %}{% for i in range(200000) %}"
                   "{% set ns.v = [ns.v] %}{% endfor %}{{ ns.v == ns.v }} "
                   "{{ [ns.v, ns.v]|sort|length }} {{ ns.v|string|length }} "
                   "{{ [ns.v] in [[ns.v]] }}"),
            "True 2 203 True");
  EXPECT_EQ(render("{% set ns = namespace(v={}) %}{% for i in range(200000) %}"
                   "{% set ns.v = {'a': ns.v} %}{% endfor %}{{ ns.v == ns.v }}"),
            "True");
  // A chain of 200,000 namespaces, each holding the next.
  EXPECT_EQ(render("{% set root = namespace() %}{% set cur = namespace(p=root) %}"
                   "{% for i in range(200000) %}{% set n = namespace() %}{% set last = cur.p %}"
                   "{% set last.child = n %}{% set cur.p = n %}{% endfor %}"
                   "{{ (root|string)[:40] }}"),
            "<Namespace {'child': <Namespace {'child'");
}

// Expected outputs are Jinja2 3.1's.
TEST(Limits, TruncateFollowsJinja2) {
  const std::string s = "foo bar baz qux";
  Vars vars = {{"s", Value::string(s)}};
  EXPECT_EQ(render("{{ s|truncate(9) }}", vars), "foo...");
  EXPECT_EQ(render("{{ s|truncate(9, true) }}", vars), "foo ba...");
  EXPECT_EQ(render("{{ s|truncate(11) }}", vars), "foo bar baz qux");  // within the leeway
  EXPECT_EQ(render("{{ s|truncate(11, false, '...', 0) }}", vars), "foo bar...");
  EXPECT_EQ(render("{{ s|truncate(10, leeway=5) }}", vars), "foo bar baz qux");
  EXPECT_EQ(render("{{ s|truncate(10, leeway=4) }}", vars), "foo...");
  EXPECT_EQ(render("{{ s|truncate(10, true, '>>', 0) }}", vars), "foo bar >>");
  EXPECT_EQ(render("{{ s|truncate(14, leeway=0) }}", vars), "foo bar...");
  EXPECT_EQ(render("{{ s|truncate(15, leeway=0) }}", vars), "foo bar baz qux");
  EXPECT_EQ(render("{{ 'nospaceshere'|truncate(6, leeway=0) }}"), "nos...");
  // Characters, not bytes, for the text and for `end`.
  EXPECT_EQ(render("{{ 'αβγδεζηθ'|truncate(5, true, '…', 0) }}"), "αβγδ…");
  EXPECT_EQ(render("{{ 'αβ γδεζηθ'|truncate(6, false, '…', 0) }}"), "αβ…");
  // Jinja2 refuses a number; bengal truncates its text.
  EXPECT_EQ(render("{{ 12345678|truncate(4, true, '', 0) }}"), "1234");
  EXPECT_EQ(render("{{ 12|truncate(4) }}"), "12");
  // One 10 MB word.
  Vars big = {{"w", Value::string(std::string(10'000'000, 'w'))}};
  EXPECT_EQ(render("{{ w|truncate(20) }}", big), std::string(17, 'w') + "...");
  EXPECT_EQ(render("{{ w|truncate(20, leeway=10000000) }}", big).size(), 10'000'000u);
}

TEST(Limits, StringFiltersKeepCharactersWhole) {
  Vars vars = {{"s", Value::string("aé😀b")}};
  EXPECT_EQ(render("{{ s|reverse }}", vars), "b😀éa");
  EXPECT_EQ(render("{{ s|join('-') }}", vars), "a-é-😀-b");
  EXPECT_EQ(render("{{ s|first }}{{ s|last }}", vars), "ab");
  EXPECT_EQ(render("{{ '😀x'|first }}{{ 'x😀'|last }}{{ ''|first }}{{ ''|last }}"), "😀😀");
  EXPECT_EQ(render("{{ s|list }}", vars), "['a', 'é', '😀', 'b']");
  EXPECT_EQ(render("{{ s|length }} {{ s|wordcount }}", vars), "4 1");
  EXPECT_EQ(render("{{ s|batch(3)|list }}", vars), "[['a', 'é', '😀'], ['b']]");
  EXPECT_EQ(render("{{ s|slice(2)|list }}", vars), "[['a', 'é'], ['😀', 'b']]");
  EXPECT_EQ(render("{% for c in s %}{{ c }}.{% endfor %}", vars), "a.é.😀.b.");
  EXPECT_EQ(render("{{ s[1:3] }}|{{ s[::-1] }}|{{ s[::2] }}|{{ s[-1] }}|{{ s[10] }}|"
                   "{{ s[1:-1] }}|{{ s[-2] }}|{{ s[3:1:-1] }}|{{ s[:] }}",
                   vars),
            "é😀|b😀éa|a😀|b||é😀|😀|b😀|aé😀b");  // Jinja2's output
  Vars big = {{"w", Value::string(std::string(10'000'000, 'w') + "z")}};
  EXPECT_EQ(render("{{ (w|reverse)[:2] }} {{ w|last }} {{ (w|join(','))|length }} "
                   "{{ w[-1] }} {{ w[9999998:] }} {{ w[::5000000] }}",
                   big),
            "zw z 20000001 z wwz wwz");
}

TEST(Limits, SizesFromArgumentsAreBounded) {
  EXPECT_EQ(first_line(render("{{ range(-9223372036854775807 - 1, 9223372036854775807) }}")),
            "ERROR: t.txt:1:9: error: range() of 18446744073709551615 items is too large");
  EXPECT_EQ(first_line(render("{{ range(0, 9223372036854775807, 2)|length }}")),
            "ERROR: t.txt:1:9: error: range() of 4611686018427387904 items is too large");
  EXPECT_EQ(render("{{ range(5, 0, -2)|list }} {{ range(1000000)|length }}"), "[5, 3, 1] 1000000");
  EXPECT_EQ(render("{{ '' * 1000000000000 }}|{{ 'ab' * 3 }}"), "|ababab");
  EXPECT_EQ(first_line(render("{{ 'x' * 1000000000000 }}")),
            "ERROR: t.txt:1:8: error: string repetition larger than 64 MB");
  EXPECT_EQ(first_line(render("{{ '%999999999d'|format(1) }}")),
            "ERROR: t.txt:1:17: error: filter 'format': format width or precision larger than "
            "1000");
  EXPECT_EQ(first_line(render("{{ '%.1001f'|format(1) }}")),
            "ERROR: t.txt:1:13: error: filter 'format': format width or precision larger than "
            "1000");
  EXPECT_EQ(render("{{ '%5d|%-4s|%.2f|%1000d'|format(42, 'ab', 3.14159, 7)|length }}"), "1016");
  // %s keeps long text whole.
  EXPECT_EQ(render("{{ '<%s>'|format('x' * 5000)|length }}"), "5002");
  EXPECT_EQ(render("{{ 'a\nb'|indent(100000) }}"), "a\n" + std::string(256, ' ') + "b");
  // Results built from a small text and a large repeat count: bounded at 64 MB.
  const std::string big = "{% set m = 'x' * 60000000 %}";
  EXPECT_EQ(first_line(render(big + "{{ 'aa'|replace('a', m) }}")),
            "ERROR: t.txt:1:36: error: filter 'replace': result larger than 64 MB");
  EXPECT_EQ(first_line(render(big + "{{ 'abc'|join(m) }}")),
            "ERROR: t.txt:1:37: error: filter 'join': result larger than 64 MB");
  EXPECT_EQ(first_line(render(big + "{{ [1, 2, 3]|join(m) }}")),
            "ERROR: t.txt:1:41: error: filter 'join': result larger than 64 MB");
  EXPECT_EQ(first_line(render(big + "{{ 'a\nb\nc'|indent(m) }}")),
            "ERROR: t.txt:3:3: error: filter 'indent': result larger than 64 MB");
  EXPECT_EQ(render("{{ 'aa'|replace('a', 'bc') }} {{ 'ab'|join('-') }}"), "bcbc a-b");
  EXPECT_EQ(
      first_line(render("{{ [1]|batch(1000000000000, 0) }}")),
      "ERROR: t.txt:1:7: error: filter 'batch': with fill_with, the size must be a number up to "
      "1000000");
  EXPECT_EQ(render("{{ [1, 2, 3]|batch(2, 0)|list }}"), "[[1, 2], [3, 0]]");
  // unique hashes its keys: a million stay linear; 1, 1.0 and True are one key, as in Jinja2.
  EXPECT_EQ(render("{{ range(1000000)|unique|list|length }}"), "1000000");
  EXPECT_EQ(render("{{ [1, 1.0, true, 'a', 'A', none, 2]|unique|list }}"), "[1, 'a', None, 2]");
  EXPECT_EQ(render("{{ [[1], [1], {'a': 1}, {'a': 1}]|unique|list }}"), "[[1], {'a': 1}]");
  // A dict literal with a repeated key keeps the first place and the last value.
  EXPECT_EQ(render("{{ {'a': 1, 'b': 2, 'a': 3} }}"), "{'a': 3, 'b': 2}");
}

// Loops inside loops and macros calling themselves twice multiply: a render stops at its step
// and output budgets with an error where it stopped, whatever the template is doing.
TEST(Limits, ARenderStopsAtItsStepAndOutputBudgets) {
  Fixture f;
  f.env.set_render_limits({.steps = 100'000, .output_bytes = 1 << 20});
  f.loader->add("loops.txt",
                "{% for a in range(100) %}{% for b in range(100) %}\n"
                "{% for c in range(100) %}{% endfor %}{% endfor %}{% endfor %}");
  EXPECT_EQ(first_line(f.render("loops.txt")),
            "ERROR: loops.txt:2:1: error: rendering took more than 100000 steps (statements and "
            "expressions): loops nested in loops, or a macro calling itself more than once, "
            "multiply; make the template do less for one page");
  // Each call makes two more, 40 levels down: 2**40 calls without the budget.
  f.loader->add("macro.txt",
                "{% macro m(n) %}{% if n < 40 %}{{ m(n + 1) }}{{ m(n + 1) }}{% endif %}"
                "{% endmacro %}{{ m(0) }}");
  EXPECT_EQ(first_line(f.render("macro.txt")),
            "ERROR: macro.txt:1:53: error: rendering took more than 100000 steps (statements and "
            "expressions): loops nested in loops, or a macro calling itself more than once, "
            "multiply; make the template do less for one page");
  f.loader->add("write.txt", "{% for a in range(100000) %}{{ 'x' * 100 }}{% endfor %}");
  EXPECT_EQ(first_line(f.render("write.txt")),
            "ERROR: write.txt:1:29: error: rendering wrote more than 1 MB of text; make the "
            "template write less for one page");
  // Under the budgets the same render is whole, and each render has budgets of its own.
  f.loader->add("fits.txt", "{% for a in range(1000) %}{{ 'x' * 100 }}{% endfor %}");
  EXPECT_EQ(f.render("fits.txt").size(), 100'000u);
  EXPECT_EQ(f.render("fits.txt").size(), 100'000u);
}

// Bounds at the ends of int64 give what Python gives, with no sum overflowing on the way.
TEST(Limits, ArgumentsAtTheEndsOfInt64DoNotOverflow) {
  EXPECT_EQ(render("{{ 'foo bar'|truncate(9223372036854775807) }}"), "foo bar");
  EXPECT_EQ(render("{{ 'foo bar'|truncate(9223372036854775807, leeway=9223372036854775807) }}"),
            "foo bar");
  EXPECT_EQ(render("{{ 'abc'[1::9223372036854775807] }} {{ [1, 2, 3][1::9223372036854775807] }}"),
            "b [2]");
  EXPECT_EQ(render("{{ 'abc'[::-9223372036854775807 - 1] }} "
                   "{{ [1, 2, 3][-1::-9223372036854775807 - 1] }} {{ 'abc'[::2] }}"),
            "c [3] ac");
  EXPECT_EQ(render("{{ range(-9223372036854775807 - 1, 9223372036854775807, "
                   "4611686018427387904)|list }}"),
            "[-9223372036854775808, -4611686018427387904, 0, 4611686018427387904]");
  EXPECT_EQ(render("{{ range(9223372036854775807, -9223372036854775807 - 1, "
                   "-4611686018427387904)|list }}"),
            "[9223372036854775807, 4611686018427387903, -1, -4611686018427387905]");
}

// Random templates built from long chains, deep brackets and nested statements, around the
// limits: each renders or fails with a positioned error, never crashes. Many seeds, small
// templates: the whole run takes well under a second.
TEST(Limits, RandomChainsAndNestingNeverCrash) {
  const char* operators[] = {" + ", " ~ ", " and ", " or ", "|string", ".a", "[0]", " * ", " - "};
  const char* operands[] = {"1", "'s'", "x", "ns", "(1)", "[1]", "none", "ns.me"};
  int errors = 0, rendered = 0;
  for (uint32_t seed = 0; seed < 400; ++seed) {
    uint64_t state = 0x9E3779B97F4A7C15ull ^ (uint64_t{seed} * 0x100000001B3ull);
    auto next = [&] {
      state ^= state << 13, state ^= state >> 7, state ^= state << 17;
      return state;
    };
    std::string src = "{% set ns = namespace() %}{% set ns.me = ns %}";
    int blocks = static_cast<int>(next() % 120);
    for (int i = 0; i < blocks; ++i) src += next() % 2 ? "{% if 1 %}" : "{% for i in [1] %}";
    std::string expr;
    int parens = static_cast<int>(next() % 110);
    expr += std::string(static_cast<size_t>(parens), '(');
    expr += operands[next() % std::size(operands)];
    int length = static_cast<int>(next() % 3 == 0 ? next() % 5000 : next() % 250);
    const char* op = operators[next() % std::size(operators)];
    for (int i = 0; i < length; ++i) {
      expr += op;
      if (op[0] == ' ') expr += operands[next() % std::size(operands)];
      if (next() % 16 == 0) op = operators[next() % std::size(operators)];
    }
    expr += std::string(static_cast<size_t>(parens), ')');
    src += "{{ ";
    src += expr;
    src += " }}{{ ns }}";
    for (int i = blocks; i-- > 0;) src += "{% end %}";
    Fixture f;
    f.loader->add("t.txt", src);
    std::string out = f.render("t.txt", {{"x", Value::string("x")}});
    if (out.starts_with("ERROR: t.txt:1:")) {
      ++errors;
    } else {
      EXPECT_FALSE(out.starts_with("ERROR")) << "seed " << seed << ": " << out.substr(0, 300);
      ++rendered;
    }
  }
  EXPECT_GT(errors, 50);
  EXPECT_GT(rendered, 50);
}

}  // namespace
}  // namespace bengal::templates
