#include "bengal/config/config.hpp"

#include <gtest/gtest.h>

#include "../support/diagnostics.hpp"

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
  EXPECT_EQ(r.config.title, "Docs");
  EXPECT_EQ(r.config.baseurl, "https://example.org/docs");
  EXPECT_EQ(r.config.base_path, "/docs");
  EXPECT_TRUE(r.config.drafts);
  EXPECT_EQ(r.config.content_dir, "content");
  EXPECT_EQ(r.config.output_dir, "public");
  EXPECT_EQ(r.config.params.find("author")->as_string(), "Me");
  EXPECT_EQ(r.config.raw.find("taxonomies")->find("tag")->as_string(), "tags");
}

TEST(Config, Yaml) {
  auto r =
      parse_config("site:\n  title: Y\n  baseurl: https://y.example\nmarkdown:\n  unsafe: false\n",
                   "bengal.yaml");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.config.title, "Y");
  EXPECT_EQ(r.config.base_path, "");
  EXPECT_FALSE(r.config.markdown_unsafe);
}

TEST(Config, WrongTypesAreErrorsUnknownNamesWarnings) {
  auto r = parse_config("[site]\ntitle = 3\ncolour = \"red\"\n[build]\ndrafts = \"yes\"\n[sitee]\n",
                        "bengal.toml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(
      messages(r),
      (std::vector<std::string>{
          "bengal.toml:2:1: error: [site] title must be a string, not integer",
          "bengal.toml:3:1: warning: unknown key 'colour' in [site] is ignored; known keys: "
          "title, baseurl, description, language",
          "bengal.toml:5:1: error: [build] drafts must be true or false, not string",
          "bengal.toml:6:2: warning: unknown section [sitee] is ignored; known sections: site, "
          "build, markdown, params, taxonomies, menu, pagination, features, search, related, "
          "outputs"}));
}

TEST(Config, SyntaxErrorsNamePosition) {
  auto t = parse_config("[site]\ntitle = \"x\n", "bengal.toml");
  EXPECT_FALSE(t.ok);
  ASSERT_EQ(t.diagnostics.size(), 1u);
  EXPECT_EQ(t.diagnostics[0].line, 2u);
  auto y = parse_config("site:\n  title: [x\n", "bengal.yaml");
  EXPECT_FALSE(y.ok);
  EXPECT_EQ(messages(y),
            std::vector<std::string>{
                "bengal.yaml:3:1: error: invalid YAML: end of sequence flow not found"});
}

TEST(Config, NoFileMeansDefaults) {
  auto r = load_config("/nonexistent-bengal-site");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.config.title, "My Site");
  EXPECT_EQ(r.config.config_file, "");
}

}  // namespace
}  // namespace bengal::config
