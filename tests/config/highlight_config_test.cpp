// [markdown] highlight and highlight_style.
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

TEST(HighlightConfig, UnknownStyleIsAnErrorAtTheValue) {
  auto r = parse_config("[markdown]\nhighlight_style = \"monokai\"\n", "bengal.toml");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(test::formatted(r.diagnostics),
            (std::vector<std::string>{"bengal.toml:2:19: error: [markdown] highlight_style must "
                                      "be \"semantic\" or \"pygments\", not \"monokai\""}));
  EXPECT_EQ(r.config.markdown_highlight_style, "semantic");
}

}  // namespace
}  // namespace bengal::config
