// The Jinja2 builtins whose behaviour bengal chooses where Jinja2's is random or raises:
// reproducible random and lipsum, groupby's error, and how tuples, ranges and groups print.
// Everything else is held to real Jinja2 by the differential test (jinja2_diff/).
#include <gtest/gtest.h>

#include <algorithm>

#include "render_fixture.hpp"

namespace bengal::templates {
namespace {

using test::render;

TEST(Jinja2Builtins, RandomIsReproducible) {
  std::string first = render("{{ range(100)|random }}");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(render("{{ range(100)|random }}"), first);
  EXPECT_EQ(render("[{{ []|random }}]"), "[]");
  EXPECT_EQ(render("{{ {'a': 1}|random }}"),
            "ERROR: t.txt:1:12: error: filter 'random': needs a sequence, not a mapping\n"
            "    {{ {'a': 1}|random }}\n"
            "               ^");
}

TEST(Jinja2Builtins, LipsumIsReproducible) {
  std::string text = render("{{ lipsum(2, min=5, max=8) }}");
  EXPECT_EQ(render("{{ lipsum(2, min=5, max=8) }}"), text);
  EXPECT_TRUE(text.starts_with("<p>")) << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
  EXPECT_FALSE(render("{{ lipsum(1, false) }}").starts_with("<p>"));
}

TEST(Jinja2Builtins, GroupbyNeedsDefaultForMissingAttribute) {
  EXPECT_EQ(render("{{ [{'a': 1}, {}]|groupby('a') }}"),
            "ERROR: t.txt:1:18: error: filter 'groupby': an item has no 'a': give default= for "
            "such items\n"
            "    {{ [{'a': 1}, {}]|groupby('a') }}\n"
            "                     ^");
  EXPECT_EQ(render("{{ [{'a': 1}, {}]|groupby('a', default=0) }}"), "[(0, [{}]), (1, [{'a': 1}])]");
}

TEST(Jinja2Builtins, TuplesRangesAndGroupsPrintAsPython) {
  EXPECT_EQ(render("{{ ('a', 1) }} {{ ('a',) }} {{ () }}"), "('a', 1) ('a',) ()");
  EXPECT_EQ(render("{{ {'k': 'v'}.items()|list }}"), "[('k', 'v')]");
  EXPECT_EQ(render("{{ range(3) }} {{ range(1, 9, 4) }} {{ range(3)|list }}"),
            "range(0, 3) range(1, 9, 4) [0, 1, 2]");
  EXPECT_EQ(render("{% for g in [{'y': 1}]|groupby('y') %}{{ g }}{% endfor %}"), "(1, [{'y': 1}])");
}

// Expected outputs are Jinja2 3.1's: Python's % on the numbers as given.
TEST(Jinja2Builtins, EvenOddAndDivisiblebyTakeFloatsAndTheEndsOfInt64) {
  EXPECT_EQ(render("{{ (-9223372036854775807 - 1) is divisibleby(-1) }} "
                   "{{ 9223372036854775807 is divisibleby(-1) }} "
                   "{{ (-9223372036854775807 - 1) is divisibleby(2) }} {{ -7 is divisibleby 7 }}"),
            "True True True True");
  EXPECT_EQ(
      render("{{ 3.5 is divisibleby 0.5 }} {{ 3.5 is divisibleby 2 }} {{ 3 is divisibleby 1.5 }}"),
      "True False True");
  EXPECT_EQ(render("{{ 2.5 is even }} {{ 2.5 is odd }} {{ 4.0 is even }} {{ -3.0 is odd }} "
                   "{{ -3 is odd }} {{ -4 is even }} {{ true is odd }}"),
            "False False True True True True True");
  EXPECT_EQ(render("{{ 4 is divisibleby 0.0 }}"),
            "ERROR: t.txt:1:6: error: test 'divisibleby': division by zero\n"
            "    {{ 4 is divisibleby 0.0 }}\n"
            "         ^");
}

TEST(Jinja2Builtins, TestsThatCannotApplyAreErrors) {
  EXPECT_EQ(render("{{ 4 is divisibleby 0 }}"),
            "ERROR: t.txt:1:6: error: test 'divisibleby': division by zero\n"
            "    {{ 4 is divisibleby 0 }}\n"
            "         ^");
  EXPECT_EQ(render("{{ [1, 'a']|select('odd')|list }}"),
            "ERROR: t.txt:1:12: error: filter 'select': needs a number, not string\n"
            "    {{ [1, 'a']|select('odd')|list }}\n"
            "               ^");
}

}  // namespace
}  // namespace bengal::templates
