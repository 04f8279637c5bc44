// The full YAML reader's limits: aliases and nesting can describe documents far larger or deeper
// than their text, and each such document is an error with a position, never a crash.
#include <algorithm>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "bengal/config/yaml_reader.hpp"

namespace bengal::config {
namespace {

// Concatenation by appending: g++ 12 at -O3 warns falsely on "literal" + std::string.
template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::string out;
  (out += ... += parts);
  return out;
}

std::string error_of(const std::string& text) {
  Document d = parse_yaml(text, "f.yaml", 1, false);
  return d.error ? d.error->format() : "";
}

// Levels of nested arrays and tables in `v` (a scalar is 0).
size_t depth(const Value& v) {
  size_t deepest = 0;
  if (v.is_array())
    for (const Value& item : v.as_array()) deepest = std::max(deepest, depth(item));
  if (v.is_table())
    for (const auto& [k, item] : v.as_table()) deepest = std::max(deepest, depth(item));
  return v.is_array() || v.is_table() ? deepest + 1 : 0;
}

// `levels` flow lists nested in the value of k; the top-level table is one level more.
std::string nested_lists(size_t levels) {
  return cat("k: ", std::string(levels, '['), "1", std::string(levels, ']'), "\n");
}

// a0 is a list; each later key is a list holding the one before it, so the last key's value
// nests `keys` levels deep though no line does.
std::string alias_chain(int keys) {
  std::string text = "a0: &a0 [1]\n";
  for (int i = 1; i < keys; ++i)
    text += cat("a", std::to_string(i), ": &a", std::to_string(i), " [*a", std::to_string(i - 1),
                "]\n");
  return text;
}

std::string repeated(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(YamlLimits, AnAliasInsideItsOwnAnchorIsAnError) {
  EXPECT_EQ(error_of("title: x\ntags: &x [a, *x]\n"),
            "f.yaml:2:7: error: invalid YAML: 'tags' contains itself: an alias (*name) is used "
            "inside the value of its own anchor (&name); remove that alias");
  // Through a table, the path names the key that repeats.
  EXPECT_EQ(error_of("a:\n  b: &m {c: 1, d: *m}\n"),
            cat("f.yaml:2:6: error: invalid YAML: 'a.b", repeated(".d", 98),
                "' contains itself: an alias (*name) is used inside the value of its own anchor "
                "(&name); remove that alias"));
}

TEST(YamlLimits, NestingIsBoundedWithAliasesExpanded) {
  // The top-level table and 99 lists: exactly the limit.
  Document ok = parse_yaml(nested_lists(kMaxYamlDepth - 1), "f.yaml", 1, false);
  ASSERT_FALSE(ok.error) << ok.error->format();
  EXPECT_EQ(depth(ok.root), kMaxYamlDepth);
  EXPECT_EQ(error_of(nested_lists(kMaxYamlDepth)),
            "f.yaml:1:103: error: invalid YAML: 'k' nests more than 100 levels deep (aliases "
            "included); flatten the structure");
  // Aliases: shallow text, deep value.
  Document chain = parse_yaml(alias_chain(99), "f.yaml", 1, false);
  ASSERT_FALSE(chain.error) << chain.error->format();
  EXPECT_EQ(depth(chain.root), kMaxYamlDepth);
  EXPECT_EQ(error_of(alias_chain(5000)),
            "f.yaml:1:5: error: invalid YAML: 'a99' nests more than 100 levels deep (aliases "
            "included); flatten the structure");
}

TEST(YamlLimits, DeepTextIsAnErrorBeforeItReachesTheStack) {
  // yaml-cpp stops at its own bound, above ours, with the same message (at the token it was
  // reading then).
  const std::string deep =
      "the document nests more than 100 levels deep (aliases included); flatten the structure";
  EXPECT_EQ(error_of(nested_lists(100'000)), cat("f.yaml:1:200005: error: invalid YAML: ", deep));
  EXPECT_EQ(error_of(cat("k: ", repeated("{a: ", 100'000), "1", std::string(100'000, '}'))),
            cat("f.yaml:1:1995: error: invalid YAML: ", deep));
  std::string block;
  for (int i = 0; i < 3000; ++i) block += cat(std::string(i, ' '), "k:\n");
  EXPECT_EQ(error_of(block), cat("f.yaml:499:501: error: invalid YAML: ", deep));
  std::string dashes;
  for (int i = 0; i < 3000; ++i) dashes += cat(std::string(2 * i, ' '), "- \n");
  EXPECT_EQ(error_of(cat("k:\n", dashes)), cat("f.yaml:500:998: error: invalid YAML: ", deep));
}

TEST(YamlLimits, AliasBombsAreBoundedInValuesAndBytes) {
  // Ten aliases a level, eight levels: 10^8 values from 400 bytes.
  std::string values = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    values += cat(std::string(1, c), ": &", std::string(1, c), " [");
    for (int i = 0; i < 10; ++i)
      values += cat(std::string(i ? ", *" : "*"), std::string(1, char(c - 1)));
    values += "]\n";
  }
  EXPECT_EQ(error_of(values),
            "f.yaml:1:17: error: invalid YAML: more than 1000000 values once aliases are "
            "expanded; use fewer aliases or split the document");
  // Few values, long strings: 4^7 copies of 400 KB.
  std::string s(100'000, 'S');
  std::string bytes = cat("a: &a [", s, ", ", s, ", ", s, ", ", s, "]\n");
  for (char c = 'b'; c <= 'h'; ++c) {
    std::string p(1, char(c - 1));
    bytes += cat(std::string(1, c), ": &", std::string(1, c), " [*", p, ", *", p, ", *", p, ", *",
                 p, "]\n");
  }
  EXPECT_EQ(max_yaml_bytes(bytes.size()), (size_t{64} << 20) + 4 * bytes.size());
  EXPECT_EQ(error_of(bytes),
            "f.yaml:1:300014: error: invalid YAML: more than 65 MB of text once aliases are "
            "expanded; use fewer aliases or split the document");
  // Long keys make long key paths: those count too.
  std::string k(1000, 'K');  // yaml-cpp takes keys up to 1024 bytes
  std::string keys = "a: &a\n";
  for (int i = 0; i < 9; ++i) keys += cat("  ", k, std::to_string(i), ": x\n");
  for (char c = 'b'; c <= 'h'; ++c) {
    keys += cat(std::string(1, c), ": &", std::string(1, c), "\n");
    for (int i = 0; i < 9; ++i)
      keys += cat("  ", k, std::to_string(i), ": *", std::string(1, char(c - 1)), "\n");
  }
  EXPECT_EQ(error_of(keys),
            "f.yaml:6:3: error: invalid YAML: more than 64 MB of text once aliases are "
            "expanded; use fewer aliases or split the document");
}

TEST(YamlLimits, ManyKeysAndDuplicatesKeepTheirOrder) {
  // A later duplicate replaces the value in the first one's place, as before the index.
  std::string text = "{";
  for (int i = 0; i < 20'000; ++i)
    text += cat("k", std::to_string(i % 5000), ": ", std::to_string(i), ", ");
  text += "last: 1}\n";
  Document d = parse_yaml(text, "f.yaml", 1, false);
  ASSERT_FALSE(d.error) << d.error->format();
  const Value::Table& t = d.root.as_table();
  ASSERT_EQ(t.size(), 5001u);
  EXPECT_EQ(t[0].first, "k0");
  EXPECT_EQ(t[0].second, Value(int64_t{15000}));
  EXPECT_EQ(t[4999].first, "k4999");
  EXPECT_EQ(t[4999].second, Value(int64_t{19999}));
  EXPECT_EQ(t[5000].first, "last");
}

// Random documents of anchors, aliases (cycles included) and nesting: every one is either read,
// no deeper than the limit, or refused with a position inside the document. Each document is
// small, so thousands of seeds run in well under a second.
TEST(YamlLimits, RandomAliasesAndNestingNeverCrash) {
  const std::vector<std::string> scalars = {"1", "x", "'q'", "~", "true", "-2.5"};
  int refused = 0, read = 0;
  for (uint32_t seed = 0; seed < 3000; ++seed) {
    std::mt19937 rng(seed);
    std::vector<std::string> anchors;
    std::string text;
    // A value: a scalar, an alias to any anchor defined so far (or being defined: a cycle),
    // or a flow list or table of values, sometimes anchored.
    auto value = [&](auto& self, int level) -> std::string {
      uint32_t r = rng() % 10;
      if (r < 2 || level > 40) return scalars[rng() % scalars.size()];
      if (r < 5 && !anchors.empty()) return cat("*", anchors[rng() % anchors.size()]);
      std::string prefix;
      if (rng() % 2) {
        anchors.push_back(cat("n", std::to_string(anchors.size())));
        prefix = cat("&", anchors.back(), " ");
      }
      std::string out = prefix + (r < 8 ? "[" : "{");
      int items = static_cast<int>(rng() % 4);
      for (int i = 0; i < items; ++i) {
        if (i) out += ", ";
        if (r >= 8) out += cat("k", std::to_string(i), ": ");
        out += self(self, level + 1);
      }
      return out + (r < 8 ? "]" : "}");
    };
    int keys = 1 + static_cast<int>(rng() % 6);
    for (int i = 0; i < keys; ++i) text += cat("k", std::to_string(i), ": ", value(value, 0), "\n");
    // Sometimes a deep run of brackets, past yaml-cpp's bound or ours.
    if (rng() % 8 == 0) text += nested_lists(rng() % 700);
    Document d = parse_yaml(text, "f.yaml", 1, false);
    if (d.error) {
      ++refused;
      EXPECT_EQ(d.error->message.rfind("invalid YAML: ", 0), 0u) << text;
      EXPECT_GE(d.error->line, 1u) << text;
      EXPECT_LE(d.error->line, static_cast<uint32_t>(keys + 1)) << text;
      EXPECT_TRUE(d.root.is_table() && d.root.as_table().empty()) << text;
    } else {
      ++read;
      EXPECT_LE(depth(d.root), kMaxYamlDepth) << text;
    }
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "seed " << seed << ":\n" << text;
      break;
    }
  }
  // Both outcomes were covered.
  EXPECT_GT(refused, 300);
  EXPECT_GT(read, 300);
}

}  // namespace
}  // namespace bengal::config
