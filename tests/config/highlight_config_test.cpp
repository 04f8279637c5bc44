// [markdown] highlight and highlight_style, and the keys of Zola's and Hugo's Markdown options.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/diagnostics.hpp"
#include "bengal/config/config.hpp"

namespace bengal::config {
namespace {

TEST(HighlightConfig, IsOnByDefaultWithTheSemanticScheme) {
  auto r = parse_config("[site]\ntitle = \"T\"\nbaseurl = \"https://x.example\"\n", "bengal.toml");
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.config.markdown_highlight);
  EXPECT_EQ(r.config.markdown_highlight_style, "semantic");
}

TEST(HighlightConfig, ReadsBothKeys) {
  auto r = parse_config("[markdown]\nhighlight = false\nhighlight_style = \"pygments\"\n",
                        "bengal.toml");
  EXPECT_FALSE(r.config.markdown_highlight);
  EXPECT_EQ(r.config.markdown_highlight_style, "pygments");
}

TEST(HighlightConfig, ZolasHighlightCodeIsHighlight) {
  auto r = parse_config("[markdown]\nhighlight_code = false\n", "bengal.toml");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(test::formatted(r.diagnostics), std::vector<std::string>{});
  EXPECT_FALSE(r.config.markdown_highlight);
}

TEST(HighlightConfig, UnknownStyleIsAnErrorAtTheValue) {
  auto r = parse_config("[markdown]\nhighlight_style = \"monokai\"\n", "bengal.toml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(test::formatted(r.diagnostics),
            (std::vector<std::string>{"bengal.toml:2:19: error: [markdown] highlight_style must "
                                      "be \"semantic\" or \"pygments\", not \"monokai\""}));
  EXPECT_EQ(r.config.markdown_highlight_style, "semantic");
}

TEST(MarkdownConfig, ReadsZolasAndHugosOptions) {
  auto off = parse_config("[site]\ntitle = \"T\"\n", "bengal.toml");
  EXPECT_FALSE(off.config.markdown_smart_punctuation);
  EXPECT_FALSE(off.config.markdown_hard_wraps);
  EXPECT_FALSE(off.config.external_links_target_blank);
  auto r = parse_config(
      "[markdown]\nsmart_punctuation = true\nhard_wraps = true\n"
      "external_links_target_blank = true\nexternal_links_no_follow = true\n"
      "external_links_no_referrer = true\n",
      "bengal.toml");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(test::formatted(r.diagnostics), std::vector<std::string>{});
  EXPECT_TRUE(r.config.markdown_smart_punctuation);
  EXPECT_TRUE(r.config.markdown_hard_wraps);
  EXPECT_TRUE(r.config.external_links_target_blank);
  EXPECT_TRUE(r.config.external_links_no_follow);
  EXPECT_TRUE(r.config.external_links_no_referrer);
}

// GitHub's alerts are on unless [markdown] alerts, or Zola's github_alerts, says false.
TEST(MarkdownConfig, AlertsAreOnUnlessTheSiteSaysOff) {
  EXPECT_TRUE(parse_config("[site]\ntitle = \"T\"\n", "bengal.toml").config.markdown_alerts);
  for (std::string_view key : {"alerts", "github_alerts"}) {
    auto r = parse_config(fmt::format("[markdown]\n{} = false\n", key), "config.toml");
    EXPECT_EQ(test::formatted(r.diagnostics), std::vector<std::string>{}) << key;
    EXPECT_FALSE(r.config.markdown_alerts) << key;
  }
  auto bad = parse_config("[markdown]\ngithub_alerts = 1\n", "config.toml");
  EXPECT_EQ(test::formatted(bad.diagnostics),
            (std::vector<std::string>{"config.toml:2:17: error: [markdown] github_alerts must be "
                                      "true or false, not integer"}));
}

// Definition lists and attribute lines are on, as in Hugo and kramdown, unless [markdown]
// definition_lists or block_attributes says false.
TEST(MarkdownConfig, DefinitionListsAndAttributeLinesAreOnUnlessTheSiteSaysOff) {
  auto on = parse_config("[site]\ntitle = \"T\"\n", "bengal.toml");
  EXPECT_TRUE(on.config.markdown_definition_lists);
  EXPECT_TRUE(on.config.markdown_block_attributes);
  auto off = parse_config("[markdown]\ndefinition_lists = false\nblock_attributes = false\n",
                          "bengal.toml");
  EXPECT_EQ(test::formatted(off.diagnostics), std::vector<std::string>{});
  EXPECT_FALSE(off.config.markdown_definition_lists);
  EXPECT_FALSE(off.config.markdown_block_attributes);
}

// Zola's lazy_async_image is followed; bottom_footnotes = true is what bengal does, false is
// said not to be followed.
TEST(MarkdownConfig, ZolasImageAndFootnoteKeys) {
  auto r =
      parse_config("[markdown]\nlazy_async_image = true\nbottom_footnotes = true\n", "config.toml");
  EXPECT_EQ(test::formatted(r.diagnostics), std::vector<std::string>{});
  EXPECT_TRUE(r.config.markdown_lazy_images);
  auto off = parse_config("[markdown]\nbottom_footnotes = false\n", "config.toml");
  EXPECT_TRUE(off.ok);
  EXPECT_FALSE(off.config.markdown_lazy_images);
  EXPECT_EQ(test::formatted(off.diagnostics),
            (std::vector<std::string>{"config.toml:2:20: warning: [markdown] bottom_footnotes = "
                                      "false is not followed: bengal writes footnotes at the "
                                      "bottom of the page, as GitHub does; remove the key"}));
}

TEST(MarkdownConfig, AnOptionThatIsNoBooleanIsAnError) {
  auto r = parse_config("[markdown]\nsmart_punctuation = \"yes\"\n", "bengal.toml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(test::formatted(r.diagnostics),
            (std::vector<std::string>{"bengal.toml:2:21: error: [markdown] smart_punctuation "
                                      "must be true or false, not string"}));
  EXPECT_FALSE(r.config.markdown_smart_punctuation);
}

}  // namespace
}  // namespace bengal::config
