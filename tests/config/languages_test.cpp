#include "bengal/config/languages.hpp"

#include <gtest/gtest.h>

#include "../support/diagnostics.hpp"

namespace bengal::config {
namespace {

std::vector<std::string> reported(const ConfigResult& r) {
  return test::formatted(r.diagnostics);
}

std::vector<std::string> codes(const SiteConfig& c) {
  std::vector<std::string> out;
  for (const Language& l : c.languages)
    out.push_back(l.code + (l.is_default ? "*" : "") + (l.in_subdir ? "/" : ""));
  return out;
}

// Hugo writes every language with its weight; the site's language picks the default.
TEST(Languages, HugosTablesWithWeights) {
  auto r = parse_config(
      "[site]\ntitle = \"Site\"\nbaseurl = \"https://example.org/docs/\"\nlanguage = \"en-us\"\n"
      "[params]\ncolor = \"blue\"\nsize = 1\n"
      "[languages.fr]\nlanguageName = \"Français\"\nweight = 2\ntitle = \"Site FR\"\n"
      "contentDir = \"content/fr\"\n[languages.fr.params]\ncolor = \"bleu\"\n"
      "[languages.en]\nlanguageName = \"English\"\nweight = 1\ncontentDir = \"content/en\"\n",
      "bengal.toml");
  ASSERT_TRUE(r.ok) << testing::PrintToString(reported(r));
  EXPECT_TRUE(reported(r).empty());
  EXPECT_EQ(codes(r.config), (std::vector<std::string>{"en*", "fr/"}));
  EXPECT_EQ(r.config.languages[0].locale, "en-us");  // the site's language describes it
  EXPECT_EQ(r.config.languages[1].name, "Français");
  EXPECT_EQ(r.config.languages[1].content_dir, "content/fr");

  SiteConfig fr = r.config;
  ASSERT_TRUE(apply_language(fr, "fr"));
  EXPECT_EQ(fr.content_language, "fr");
  EXPECT_EQ(fr.language, "fr");
  EXPECT_EQ(fr.title, "Site FR");
  EXPECT_EQ(fr.baseurl, "https://example.org/docs/fr");
  EXPECT_EQ(fr.base_path, "/docs/fr");
  EXPECT_EQ(fr.output_dir, "public/fr");
  EXPECT_EQ(fr.content_dir, "content/fr");
  EXPECT_EQ(fr.params.find("color")->as_string(), "bleu");
  EXPECT_EQ(fr.params.find("size")->as_int(), 1);  // the site's, where fr sets none
  EXPECT_FALSE(fr.raw.find("features")->find("robots")->as_bool());  // read at the root only
  EXPECT_EQ(fr.languages[0].href, "/docs/");
  EXPECT_EQ(fr.languages[1].href, "/docs/fr/");
  EXPECT_EQ(fr.languages[1].permalink, "https://example.org/docs/fr/");

  SiteConfig en = r.config;
  ASSERT_TRUE(apply_language(en, ""));  // the default
  EXPECT_EQ(en.content_language, "en");
  EXPECT_EQ(en.language, "en-us");
  EXPECT_EQ(en.title, "Site");
  EXPECT_EQ(en.baseurl, "https://example.org/docs");
  EXPECT_EQ(en.output_dir, "public");
  EXPECT_EQ(en.content_dir, "content/en");
  EXPECT_EQ(en.raw.find("features")->find("robots"), nullptr);

  SiteConfig none = r.config;
  EXPECT_FALSE(apply_language(none, "de"));
  EXPECT_EQ(none.content_language, "");
}

// Zola lists only the other languages and names the default one at the top.
TEST(Languages, ZolasDefaultLanguageIsAdded) {
  auto r = parse_config(
      "[site]\ntitle = \"T\"\ndefault_language = \"en\"\ndefault_language_in_subdir = true\n"
      "[languages.fr]\ntitle = \"T fr\"\ngenerate_feeds = false\nbuild_search_index = false\n"
      "[languages.fr.menu]\nmain = [{name = \"Accueil\", url = \"/fr/\"}]\n",
      "bengal.toml");
  ASSERT_TRUE(r.ok) << testing::PrintToString(reported(r));
  EXPECT_EQ(codes(r.config), (std::vector<std::string>{"en*/", "fr/"}));
  SiteConfig fr = r.config;
  ASSERT_TRUE(apply_language(fr, "fr"));
  EXPECT_EQ(fr.baseurl, "/fr");  // a site without a baseurl keeps site-relative links
  EXPECT_FALSE(fr.raw.find("features")->find("rss")->as_bool());
  EXPECT_FALSE(fr.raw.find("features")->find("search")->as_bool());
  EXPECT_EQ(fr.raw.find("menu")->find("main")->as_array().size(), 1u);
  SiteConfig en = r.config;
  ASSERT_TRUE(apply_language(en, "en"));
  EXPECT_EQ(en.output_dir, "public/en");  // default_language_in_subdir
  EXPECT_EQ(en.base_path, "/en");
}

// Bengal's [i18n], with a content folder per language.
TEST(Languages, BengalsI18nSection) {
  auto r = parse_config(
      "[i18n]\nstrategy = \"prefix\"\ndefault_language = \"de\"\ncontent_structure = \"dir\"\n"
      "languages = [\"de\", {code = \"en\", name = \"English\", weight = 2}]\n",
      "bengal.toml");
  ASSERT_TRUE(r.ok) << testing::PrintToString(reported(r));
  EXPECT_EQ(codes(r.config), (std::vector<std::string>{"de*", "en/"}));
  EXPECT_EQ(r.config.languages[0].content_dir, "content/de");
  EXPECT_EQ(r.config.languages[1].name, "English");
  // Bengal's default strategy, "none", is a site in one language.
  auto none = parse_config("[i18n]\nlanguages = [\"de\", \"en\"]\n", "bengal.toml");
  EXPECT_TRUE(none.config.languages.empty());
}

// A code names a folder of the output: one that could leave it is an error at its key.
TEST(Languages, MistakesAreReportedAtTheirKeys) {
  auto r = parse_config(
      "[languages.\"../x\"]\nname = \"X\"\n[languages.fr]\nweight = \"two\"\ncolour = 1\n"
      "content_dir = \"/etc\"\ndirection = \"up\"\n",
      "bengal.toml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(reported(r),
            (std::vector<std::string>{
                "bengal.toml:1:1: error: language code \"../x\" cannot name a folder of the "
                "site; write a code such as \"fr\", \"pt-br\" or \"zh-Hant\"",
                "bengal.toml:4:10: error: weight must be an integer, not string",
                "bengal.toml:5:1: warning: unknown key 'colour' of a language is ignored; known "
                "keys: name, locale, direction, weight, title, description, content_dir, params, "
                "menu, translations, generate_feeds, build_search_index, disabled",
                "bengal.toml:6:15: error: content_dir \"/etc\" is an absolute path; write a "
                "folder inside the site",
                "bengal.toml:7:13: error: direction must be \"ltr\" or \"rtl\", not \"up\""}));
}

TEST(Languages, AContentFolderInsideAnothersIsAnError) {
  auto r = parse_config(
      "[languages.en]\nweight = 1\n[languages.fr]\ncontent_dir = \"content/fr\"\n", "bengal.toml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(reported(r),
            (std::vector<std::string>{
                "bengal.toml:1:1: error: the content folder of language \"fr\" (content/fr) is "
                "inside that of \"en\" (content), which would take its pages too; give each "
                "language a folder of its own, such as content/en and content/fr"}));
}

TEST(Languages, ASiteInOneLanguageIsUnchanged) {
  auto r = parse_config("[site]\ntitle = \"T\"\n", "bengal.toml");
  SiteConfig c = r.config;
  EXPECT_TRUE(apply_language(c, ""));
  EXPECT_EQ(c.content_language, "");
  EXPECT_EQ(c.output_dir, "public");
  EXPECT_FALSE(apply_language(c, "fr"));
}

}  // namespace
}  // namespace bengal::config
