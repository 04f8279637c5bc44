// A site in several languages (config/languages.hpp, pipeline/languages.hpp): each language
// built into its folder, pages paired with their translations, warm builds equal to cold.
#include "bengal/pipeline/languages.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "../support/build_into.hpp"
#include "../support/site_fixture.hpp"
#include "bengal/content/markdown_files.hpp"

namespace bengal::pipeline {
namespace {

using test::TestSite;

constexpr const char* kBilingualConfig =
    "[site]\ntitle = \"Site\"\nbaseurl = \"https://example.org\"\nlanguage = \"en-us\"\n"
    "[languages.en]\nname = \"English\"\nweight = 1\n"
    "[languages.fr]\nname = \"Français\"\ntitle = \"Site FR\"\nweight = 2\n";

// The same languages, the default one in a folder of its own too.
constexpr const char* kSubdirConfig =
    "[site]\ntitle = \"Site\"\nbaseurl = \"https://example.org\"\n"
    "default_language_in_subdir = true\n[languages.en]\nweight = 1\n[languages.fr]\n"
    "weight = 2\n";

test::Files bilingual_site() {
  return {{"bengal.toml", kBilingualConfig},
          {"content/_index.md", "---\ntitle: Home\n---\nWelcome.\n"},
          {"content/_index.fr.md", "---\ntitle: Accueil\n---\nBienvenue.\n"},
          {"content/about.md", "---\ntitle: About\n---\nAbout us.\n"},
          {"content/about.fr.md", "---\ntitle: À propos\nslug: a-propos\n---\nNous.\n"},
          {"content/docs/intro.md", "---\ntitle: Intro\n---\nIntro.\n"},
          {"content/docs/guide.md", "---\ntitle: Guide\ntranslationKey: guide\n---\nGuide.\n"},
          {"content/docs/guide-fr.fr.md",
           "---\ntitle: Le guide\ntranslationKey: guide\n---\nLe guide.\n"},
          {"content/photo.png", "PNG"}};
}

// The lines of `text` that hold `needle`.
std::vector<std::string> lines_holding(const std::string& text, std::string_view needle) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.find(needle) != std::string::npos) out.push_back(line);
    start = end + 1;
  }
  return out;
}

TEST(MarkdownFiles, ALanguageCodeIsLeftOutOfThePagesName) {
  content::set_page_languages({"en", "fr", "pt-br"});
  EXPECT_EQ(content::page_stem("docs/about.fr.md"), "docs/about");
  EXPECT_EQ(content::page_stem("docs/about.PT-BR.md"), "docs/about");
  EXPECT_EQ(content::page_stem("docs/about.de.md"), "docs/about.de");  // not a site language
  EXPECT_EQ(content::page_stem("docs/.fr.md"), "docs/.fr");            // no name before it
  EXPECT_EQ(content::page_stem("v1.fr/a.md"), "v1.fr/a");              // a folder's name
  EXPECT_EQ(content::page_language("docs/about.PT-BR.md"), "pt-br");
  EXPECT_EQ(content::page_language("docs/about.md"), "");
  EXPECT_TRUE(content::is_section_index("_index.fr.md"));
  EXPECT_TRUE(content::is_index_file("index.fr.md"));
  EXPECT_EQ(content::page_name("blog/trip/index.fr.md"), "trip");
  content::set_page_languages({});
  EXPECT_EQ(content::page_stem("docs/about.fr.md"), "docs/about.fr");
  EXPECT_EQ(content::page_language("docs/about.fr.md"), "");
}

TEST(Languages, EachLanguageIsASiteInItsFolder) {
  TestSite s(bilingual_site());
  report::BuildStats stats = s.build();
  EXPECT_EQ(s.messages(), std::vector<std::string>{});
  EXPECT_EQ(stats.outcome, report::BuildOutcome::kBuilt);
  std::vector<std::string> pages;
  for (const std::string& f : s.outputs())
    if (f.ends_with("index.html") || f.ends_with(".png") || f.ends_with("robots.txt"))
      pages.push_back(f);
  EXPECT_EQ(pages, (std::vector<std::string>{
                       "about/index.html", "docs/guide/index.html", "docs/index.html",
                       "docs/intro/index.html", "fr/a-propos/index.html",
                       "fr/docs/guide-fr/index.html", "fr/docs/index.html", "fr/index.html",
                       "fr/photo.png", "index.html", "photo.png", "robots.txt"}));
  EXPECT_EQ(s.output("robots.txt"),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\n"
            "Sitemap: https://example.org/fr/sitemap.xml\n");
  std::string fr = s.output("fr/a-propos/index.html");
  EXPECT_EQ(lines_holding(fr, "<html"), std::vector<std::string>{"<html lang=\"fr\">"});
  EXPECT_EQ(lines_holding(fr, "<title>"),
            std::vector<std::string>{"<title>À propos | Site FR</title>"});
  EXPECT_EQ(
      lines_holding(fr, "hreflang"),
      (std::vector<std::string>{
          "<link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/fr/a-propos/\">",
          "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/about/\">",
          "<li><a href=\"/about/\" hreflang=\"en\" lang=\"en-us\">English</a></li>",
          "<li><a href=\"/fr/a-propos/\" hreflang=\"fr\" lang=\"fr\" "
          "aria-current=\"true\">Français</a></li>"}));
  // Paired by translationKey, and a page with no translation links to the other home page.
  EXPECT_EQ(lines_holding(s.output("docs/guide/index.html"), "rel=\"alternate\" hreflang=\"fr"),
            std::vector<std::string>{"<link rel=\"alternate\" hreflang=\"fr\" "
                                     "href=\"https://example.org/fr/docs/guide-fr/\">"});
  EXPECT_EQ(lines_holding(s.output("docs/intro/index.html"), "hreflang"),
            (std::vector<std::string>{
                "<li><a href=\"/docs/intro/\" hreflang=\"en\" lang=\"en-us\" "
                "aria-current=\"true\">English</a></li>",
                "<li><a href=\"/fr/\" hreflang=\"fr\" lang=\"fr\">Français</a></li>"}));
  // Each language's sitemap holds its own pages, each with every version of it.
  EXPECT_EQ(
      s.output("fr/sitemap.xml"),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
      "  <url>\n    <loc>https://example.org/fr/</loc>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/fr/\"/>\n  "
      "</url>\n"
      "  <url>\n    <loc>https://example.org/fr/a-propos/</loc>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/about/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" "
      "href=\"https://example.org/fr/a-propos/\"/>\n  </url>\n"
      "  <url>\n    <loc>https://example.org/fr/docs/</loc>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/docs/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/fr/docs/\"/>\n "
      " </url>\n"
      "  <url>\n    <loc>https://example.org/fr/docs/guide-fr/</loc>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"en\" "
      "href=\"https://example.org/docs/guide/\"/>\n"
      "    <xhtml:link rel=\"alternate\" hreflang=\"fr\" "
      "href=\"https://example.org/fr/docs/guide-fr/\"/>\n  </url>\n"
      "</urlset>\n");
}

TEST(Languages, TheDefaultLanguageInAFolderLeavesARedirectAtTheRoot) {
  test::Files files = bilingual_site();
  files["bengal.toml"] = kSubdirConfig;
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(), std::vector<std::string>{});
  EXPECT_NE(s.output("index.html").find("<meta http-equiv=\"refresh\" content=\"0; url=/en/\">"),
            std::string::npos);
  EXPECT_NE(s.output("en/about/index.html"), "");
  EXPECT_EQ(s.output("about/index.html"), "");
  EXPECT_EQ(s.output("robots.txt"),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/en/sitemap.xml\n"
            "Sitemap: https://example.org/fr/sitemap.xml\n");
}

// A translation's new address renders the pages that link to it again; --clean in the root
// language's build leaves the other languages' folders alone.
TEST(Languages, AWarmBuildAfterATranslationMovedEqualsACold) {
  TestSite s(bilingual_site());
  s.build();
  ASSERT_EQ(s.messages(), std::vector<std::string>{});
  std::ofstream(s.dir() / "content/about.fr.md")
      << "---\ntitle: À propos\nslug: qui-sommes-nous\n---\nNous.\n";
  BuildOptions options;
  options.clean = true;
  report::BuildStats stats = s.build(options);
  EXPECT_EQ(s.differences_from_cold(), std::vector<std::string>{});
  EXPECT_NE(s.output("about/index.html").find("https://example.org/fr/qui-sommes-nous/"),
            std::string::npos);
  EXPECT_EQ(s.output("fr/a-propos/index.html"), "");
  EXPECT_NE(s.output("fr/index.html"), "");
  // Both pages of the pair and the lists that show the moved one; the rest kept.
  EXPECT_GT(stats.renders_reused, 0u);
}

// Templates see each page's language and translations; t() reads the language's strings, from
// the file of its locale ("en-us") or, as Hugo and Bengal name them, of its code ("en"); a key
// the language lacks is the default language's, nested ones too.
TEST(Languages, TemplatesSeeTheLanguageAndItsStrings) {
  test::Files files = bilingual_site();
  files["templates/page.html"] =
      "{{ t(\"greeting\") }} {{ t(\"nav.back\") }} {{ t(\"nav.up\") }} {{ t(\"none\") }} "
      "{{ page.lang }}/{{ site.lang }}/{{ site.language }}:"
      "{% for x in page.translations %} {{ x.lang }}={{ x.title }}@{{ x.url }}{% endfor %}"
      " [{% for l in site.languages %}{{ l.code }}{{ '*' if l.is_current }} {% endfor %}]";
  files["i18n/en.yaml"] = "greeting: Hello\nnav:\n  back: Back\n  up: Up\n";
  files["i18n/fr.toml"] = "greeting = \"Bonjour\"\n[nav]\nback = \"Retour\"\n";
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(), std::vector<std::string>{});
  EXPECT_EQ(s.output("about/index.html"),
            "Hello Back Up none en/en/en-us: fr=À propos@/fr/a-propos/ [en* fr ]");
  EXPECT_EQ(s.output("fr/a-propos/index.html"),
            "Bonjour Retour Up none fr/fr/fr: en=About@/about/ [en fr* ]");
  EXPECT_EQ(s.output("docs/intro/index.html"), "Hello Back Up none en/en/en-us: [en* fr ]");
}

// Zola keeps t()'s strings in its config: [translations] for the default language,
// [languages.<code>.translations] for another; an i18n/ file's strings come first, and a key a
// language lacks is the default language's.
TEST(Languages, ZolasTranslationsInTheConfig) {
  test::Files files = bilingual_site();
  files["bengal.toml"] = std::string(kBilingualConfig) +
                         "[languages.fr.translations]\nmore = \"Lire la suite\"\n"
                         "[translations]\nmore = \"Read more\"\nhome = \"Home\"\n"
                         "menu = \"Menu\"\n";
  files["i18n/en.yaml"] = "menu: Navigation\n";
  files["templates/page.html"] =
      "{{ t(\"more\") }}|{{ t(\"home\") }}|{{ t(\"menu\") }}|{{ t(\"none\") }}";
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(), std::vector<std::string>{});
  EXPECT_EQ(s.output("about/index.html"), "Read more|Home|Navigation|none");
  EXPECT_EQ(s.output("fr/a-propos/index.html"), "Lire la suite|Home|Navigation|none");

  // A site in one language: [translations] is its.
  TestSite one({{"bengal.toml",
                 "[site]\ntitle = \"S\"\nbaseurl = \"https://example.org\"\n"
                 "[translations]\nmore = \"Read more\"\n"},
                {"templates/page.html", "{{ t(\"more\") }}"},
                {"content/a.md", "---\ntitle: A\n---\n"}});
  one.build();
  EXPECT_EQ(one.messages(), std::vector<std::string>{});
  EXPECT_EQ(one.output("a/index.html"), "Read more");
}

// A language's folder goes with it: the default language moved into a folder of its own, then
// the site back in one language. Each warm build equals a cold one.
TEST(Languages, AFolderOfALanguageThatIsNoMoreIsRemoved) {
  TestSite s(bilingual_site());
  s.build();
  ASSERT_EQ(s.messages(), std::vector<std::string>{});
  std::ofstream(s.dir() / "bengal.toml") << kSubdirConfig;
  report::BuildStats stats = s.build();
  EXPECT_EQ(s.differences_from_cold(), std::vector<std::string>{});
  EXPECT_EQ(s.output("about/index.html"), "");
  EXPECT_NE(s.output("en/about/index.html"), "");
  EXPECT_GT(stats.stale_files_removed, 0u);
  std::ofstream(s.dir() / "bengal.toml")
      << "[site]\ntitle = \"Site\"\nbaseurl = \"https://example.org\"\n";
  s.build();
  EXPECT_EQ(s.differences_from_cold(), std::vector<std::string>{});
  EXPECT_EQ(s.output("en/about/index.html"), "");
  EXPECT_EQ(s.output("fr/index.html"), "");
  EXPECT_NE(s.output("a-propos/index.html"), "");  // about.fr.md is a page of its own again
  EXPECT_FALSE(std::filesystem::exists(s.dir() / ".bengal/cache-fr.db"));
}

// Only the folders a multilingual build made are a language's: another build of the site into
// a folder of this output named like a code ("api") is left alone.
TEST(Languages, AnotherBuildsFolderInsideTheOutputIsNoLanguage) {
  TestSite s({{"content/_index.md", "---\ntitle: Home\n---\nHome.\n"}});
  s.build();
  test::BuildRun inner = test::build_into(s.dir(), s.out() / "api");
  ASSERT_EQ(inner.messages, std::vector<std::string>{});
  s.build();
  EXPECT_NE(s.output("api/index.html"), "");
  EXPECT_EQ(s.messages(), std::vector<std::string>{});
}

TEST(Languages, ADefaultLanguagePageInALanguagesFolderIsAnError) {
  test::Files files = bilingual_site();
  files["content/fr/notes.md"] = "---\ntitle: Notes\n---\nIn English.\n";
  TestSite s(files);
  s.build();
  EXPECT_EQ(s.messages(),
            std::vector<std::string>{
                "content/fr/notes.md: error: this page of the default language would be written "
                "at /fr/notes/, inside the folder of language \"fr\", where that language's "
                "pages go; move it, or give it another slug or url"});
}

TEST(Languages, AShardedBuildIsRefused) {
  TestSite s(bilingual_site());
  BuildOptions options;
  options.shard = {1, 2};
  report::BuildStats stats = s.build(options);
  EXPECT_EQ(stats.outcome, report::BuildOutcome::kConfigError);
  EXPECT_EQ(s.messages(),
            std::vector<std::string>{
                "error: --shard does not build a site in several languages yet; build it whole, "
                "or build each language as a site of its own"});
}

}  // namespace
}  // namespace bengal::pipeline
