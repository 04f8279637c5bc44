#include "bengal/config/config.hpp"

#include <gtest/gtest.h>

#include "../support/diagnostics.hpp"
#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::config {
namespace {

std::vector<std::string> messages(const ConfigResult& r) {
  return test::formatted(r.diagnostics);
}

TEST(Config, TomlSectionsAndDefaults) {
  auto r = parse_config(
      "[site]\ntitle = \"Docs\"\nbaseurl = \"https://example.org/docs/\"\n[build]\ndrafts = "
      "true\n[params]\nauthor = \"Me\"\n[taxonomies]\ntag = \"tags\"\n",
      "bengal.toml");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(messages(r).empty());
  EXPECT_EQ(r.config.config_file, "bengal.toml");
  EXPECT_EQ(r.config.title, "Docs");
  EXPECT_EQ(r.config.baseurl, "https://example.org/docs");
  EXPECT_EQ(r.config.base_path, "/docs");
  EXPECT_EQ(r.config.language, "en");
  EXPECT_TRUE(r.config.drafts);
  EXPECT_EQ(r.config.content_dir, "content");
  EXPECT_EQ(r.config.output_dir, "public");
  EXPECT_EQ(r.config.theme, "default");
  EXPECT_EQ(r.config.memory_policy, MemoryPolicy::kAuto);
  EXPECT_EQ(r.config.streaming_threshold, 5000);
  EXPECT_EQ(r.config.batch_size, 1000);
  EXPECT_EQ(r.config.memory_limit_bytes, 0u);
  EXPECT_EQ(r.config.threads, 0);
  EXPECT_TRUE(r.config.markdown_unsafe);
  EXPECT_EQ(r.config.params.find("author")->as_string(), "Me");
  EXPECT_EQ(r.config.raw.find("taxonomies")->find("tag")->as_string(), "tags");
  EXPECT_EQ(r.config.document.position_of("site.baseurl"), std::make_pair(3u, 1u));
  EXPECT_EQ(r.config.document.value_position_of("site.baseurl"), std::make_pair(3u, 11u));
}

TEST(Config, BuildKeys) {
  auto r = parse_config(
      "[build]\ncontent_dir = \"pages\"\noutput_dir = \"out\"\ntheme = \"t\"\nmemory_optimized "
      "= true\nstreaming_threshold = 10\nbatch_size = 50\nmemory_limit = \"256MB\"\nthreads = "
      "4\n",
      "bengal.toml");
  ASSERT_TRUE(r.ok) << messages(r)[0];
  EXPECT_EQ(r.config.content_dir, "pages");
  EXPECT_EQ(r.config.output_dir, "out");
  EXPECT_EQ(r.config.theme, "t");
  EXPECT_EQ(r.config.memory_policy, MemoryPolicy::kStreaming);
  EXPECT_EQ(r.config.streaming_threshold, 10);
  EXPECT_EQ(r.config.batch_size, 50);
  EXPECT_EQ(r.config.memory_limit, "256MB");
  EXPECT_EQ(r.config.memory_limit_bytes, 256u << 20);
  EXPECT_EQ(r.config.threads, 4);
  EXPECT_EQ(parse_config("[build]\nmemory_optimized = false\n", "bengal.toml").config.memory_policy,
            MemoryPolicy::kFull);
  EXPECT_EQ(parse_config("build:\n  memory_optimized: auto\n", "bengal.yaml").config.memory_policy,
            MemoryPolicy::kAuto);
}

TEST(Config, Yaml) {
  auto r = parse_config(
      "site:\n  title: Y\n  baseurl: https://y.example\nmarkdown:\n  unsafe: false\nparams:\n  "
      "b: 1\n  a: [x, y]\n",
      "bengal.yaml");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(messages(r).empty());
  EXPECT_EQ(r.config.title, "Y");
  EXPECT_EQ(r.config.baseurl, "https://y.example");
  EXPECT_EQ(r.config.base_path, "");
  EXPECT_FALSE(r.config.markdown_unsafe);
  ASSERT_EQ(r.config.params.size(), 2u);
  EXPECT_EQ(r.config.params.as_table()[0].first, "b");
  EXPECT_EQ(r.config.params.as_table()[1].second.as_array()[1].as_string(), "y");
  // An empty YAML section is null, not an error.
  EXPECT_TRUE(parse_config("site:\nbuild:\n  drafts: true\n", "bengal.yml").ok);
}

TEST(Config, ExplicitFormat) {
  auto r = parse_config("site:\n  title: F\n", "config-from-stdin", Format::kYaml);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.config.title, "F");
}

TEST(Config, BaseurlIsNormalized) {
  auto base = [](std::string_view url) {
    auto r = parse_config("[site]\nbaseurl = \"" + std::string(url) + "\"\n", "bengal.toml");
    return std::make_pair(r.config.baseurl, r.config.base_path);
  };
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(base("https://example.org/"), (P{"https://example.org", ""}));
  EXPECT_EQ(base("https://example.org"), (P{"https://example.org", ""}));
  EXPECT_EQ(base("https://example.org/a/b//"), (P{"https://example.org/a/b", "/a/b"}));
  EXPECT_EQ(base("http://localhost:1313/docs"), (P{"http://localhost:1313/docs", "/docs"}));
  EXPECT_EQ(base("//cdn.example/x/"), (P{"//cdn.example/x", "/x"}));
  EXPECT_EQ(base("/docs/"), (P{"/docs", "/docs"}));
  EXPECT_EQ(base("/"), (P{"", ""}));
  EXPECT_EQ(base(""), (P{"", ""}));
  auto r = parse_config("[site]\nbaseurl = \"example.org\"\n", "bengal.toml");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "bengal.toml:2:11: warning: [site] baseurl \"example.org\" is neither "
                             "an absolute URL nor a path; write it as https://example.org"});
}

TEST(Config, WrongTypesAreErrorsUnknownNamesWarnings) {
  auto r = parse_config(
      "[site]\ntitle = 3\ncolour = \"red\"\ntitel = \"x\"\n[build]\ndrafts = \"yes\"\n[sitee]\n",
      "bengal.toml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(
      messages(r),
      (std::vector<std::string>{
          "bengal.toml:2:9: error: [site] title must be a string, not integer",
          "bengal.toml:3:1: warning: unknown key 'colour' in [site] is ignored; known keys: "
          "title, baseurl, description, language, default_language, default_language_in_subdir, "
          "logo_text, favicon, og_image, github_edit_base",
          "bengal.toml:4:1: warning: unknown key 'titel' in [site] is ignored; did you mean "
          "'title'? known keys: title, baseurl, description, language, default_language, "
          "default_language_in_subdir, logo_text, favicon, og_image, github_edit_base",
          "bengal.toml:6:10: error: [build] drafts must be true or false, not string",
          "bengal.toml:7:1: warning: unknown section [sitee] is ignored; did you mean [site]? "
          "known sections: site, build, markdown, params, languages, taxonomies, menu, "
          "translations, pagination, permalinks, "
          "features, search, feeds, related, outputs, external_refs"}));
  EXPECT_EQ(r.config.title, "My Site");  // the wrong value is not applied
}

TEST(Config, YamlErrorsPointAtTheValue) {
  auto r = parse_config(
      "site:\n  title: [a, b]\n  language:\n    x: 1\nbuild:\n  threads: many\nparams: 3\n",
      "bengal.yaml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "bengal.yaml:2:10: error: [site] title must be a string, not array",
                "bengal.yaml:3:3: error: [site] language must be a string, not table",
                "bengal.yaml:6:12: error: [build] threads must be an integer, not string",
                "bengal.yaml:7:9: error: [params] must be a table, not integer"}));
}

TEST(Config, RangesAndSizes) {
  auto r = parse_config(
      "[build]\nbatch_size = 0\nthreads = -1\nstreaming_threshold = -5\nmemory_limit = \"lots\"\n"
      "memory_optimized = \"yes\"\n",
      "bengal.toml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "bengal.toml:2:14: error: [build] batch_size must be 1 or more, not 0",
                "bengal.toml:3:11: error: [build] threads must be 0 or more, not -1",
                "bengal.toml:4:23: error: [build] streaming_threshold must be 0 or more, not -5",
                "bengal.toml:5:16: error: [build] memory_limit must be a size such as \"512MB\" "
                "or \"2GB\", not \"lots\"",
                "bengal.toml:6:20: error: [build] memory_optimized must be true, false or "
                "\"auto\", not string"}));
  EXPECT_EQ(parse_byte_size("256MB"), 256ull << 20);
  EXPECT_EQ(parse_byte_size("1 gb"), 1ull << 30);
  EXPECT_EQ(parse_byte_size("2GiB"), 2ull << 30);
  EXPECT_EQ(parse_byte_size("512k"), 512ull << 10);
  EXPECT_EQ(parse_byte_size("1000"), 1000u);
  EXPECT_EQ(parse_byte_size("1000B"), 1000u);
  EXPECT_EQ(parse_byte_size("1T"), 1ull << 40);
  EXPECT_EQ(parse_byte_size(""), std::nullopt);
  EXPECT_EQ(parse_byte_size("MB"), std::nullopt);
  EXPECT_EQ(parse_byte_size("1.5GB"), std::nullopt);
  EXPECT_EQ(parse_byte_size("-1MB"), std::nullopt);
  EXPECT_EQ(parse_byte_size("99999999999999999999"), std::nullopt);
  EXPECT_EQ(parse_byte_size("99999999999TB"), std::nullopt);
}

TEST(Config, HugoStyleTopLevelKeys) {
  auto r = parse_config("title = \"T\"\nfoo = 1\n[site]\n", "bengal.toml");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.config.title, "My Site");
  EXPECT_EQ(messages(r),
            (std::vector<std::string>{
                "bengal.toml:1:1: warning: unknown top-level key 'title' is ignored; move it "
                "into the [site] section",
                "bengal.toml:2:1: warning: unknown top-level key 'foo' is ignored; keys belong in "
                "a section: site, build, markdown, params, languages, taxonomies, menu, "
                "translations, pagination, permalinks, "
                "features, search, feeds, related, outputs, external_refs"}));
}

TEST(Config, LaterSectionsAreKeptUnchecked) {
  auto r = parse_config(
      "[menu]\n[[menu.main]]\nname = \"Home\"\nurl = \"/\"\n[pagination]\nper_page = 5\n"
      "[features]\nrss = true\n[search]\n[related]\n[outputs]\nhome = [\"html\", \"rss\"]\n",
      "bengal.toml");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(messages(r).empty());
  EXPECT_EQ(r.config.raw.find("menu")->find("main")->as_array()[0].find("name")->as_string(),
            "Home");
  EXPECT_EQ(r.config.raw.find("pagination")->find("per_page")->as_int(), 5);
  EXPECT_EQ(r.config.raw.find("outputs")->find("home")->size(), 2u);
  // Source order, not toml++'s sorted order.
  std::vector<std::string> order;
  for (const auto& [k, v] : r.config.raw.as_table()) order.push_back(k);
  EXPECT_EQ(order, (std::vector<std::string>{"menu", "pagination", "features", "search", "related",
                                             "outputs"}));
}

TEST(Config, SyntaxErrorsNamePosition) {
  auto t = parse_config("[site]\ntitle = \"x\n", "bengal.toml");
  EXPECT_FALSE(t.ok);
  EXPECT_EQ(messages(t),
            std::vector<std::string>{
                "bengal.toml:2:11: error: invalid TOML: Error while parsing string: unescaped "
                "control characters other than TAB (U+0009) are explicitly prohibited"});
  auto y = parse_config("site:\n  title: [x\n", "bengal.yaml");
  EXPECT_FALSE(y.ok);
  EXPECT_EQ(messages(y),
            std::vector<std::string>{
                "bengal.yaml:3:1: error: invalid YAML: end of sequence flow not found"});
  auto top = parse_config("- a\n- b\n", "bengal.yaml");
  EXPECT_FALSE(top.ok);
  EXPECT_EQ(
      messages(top),
      std::vector<std::string>{
          "bengal.yaml:1:1: error: invalid YAML: expected key: value pairs at the top level"});
  auto utf8 = parse_config("[site]\ntitle = \"a\xc3\"\n", "bengal.toml");
  EXPECT_FALSE(utf8.ok);
  EXPECT_EQ(messages(utf8),
            std::vector<std::string>{
                "bengal.toml:2:11: error: invalid UTF-8 byte 0xc3; save the file as UTF-8"});
}

TEST(Config, ByteOrderMarkAndEmptyFile) {
  auto r = parse_config("\xEF\xBB\xBF[site]\ntitle = \"B\"\n", "bengal.toml");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.config.title, "B");
  auto empty = parse_config("", "bengal.toml");
  EXPECT_TRUE(empty.ok);
  EXPECT_TRUE(empty.diagnostics.empty());
  EXPECT_TRUE(parse_config("", "bengal.yaml").ok);
}

TEST(Config, YamlAliasBombIsRefused) {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'h'; ++c) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) text += std::string(i ? ", *" : "*") + char(c - 1);
    text += "]\n";
  }
  auto r = parse_config(text, "bengal.yaml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(messages(r), std::vector<std::string>{
                             "bengal.yaml:1:17: error: invalid YAML: more than 1000000 values once "
                             "aliases are expanded; use fewer aliases or split the document"});
}

TEST(LoadConfig, NoFileMeansDefaults) {
  auto r = load_config(test::write_files({}));
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.config.title, "My Site");
  EXPECT_EQ(r.config.config_file, "");
  EXPECT_TRUE(load_config("/nonexistent-bengal-site").ok);
}

TEST(LoadConfig, ReadsYml) {
  auto r = load_config(test::write_files({{"bengal.yml", "site:\n  title: From yml\n"}}));
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.config.title, "From yml");
  EXPECT_EQ(r.config.config_file, "bengal.yml");
}

TEST(LoadConfig, TomlWinsOverYamlWithAWarning) {
  auto r = load_config(test::write_files({{"bengal.toml", "[site]\ntitle = \"From toml\"\n"},
                                          {"bengal.yaml", "site:\n  title: From yaml\n"},
                                          {"config.toml", "title = \"Hugo's\"\n"}}));  // never read
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.config.title, "From toml");
  EXPECT_EQ(r.config.config_file, "bengal.toml");
  EXPECT_EQ(messages(r), std::vector<std::string>{"bengal.yaml: warning: ignored: bengal.toml is "
                                                  "used; keep only one config file"});
}

}  // namespace
}  // namespace bengal::config
