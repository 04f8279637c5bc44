// The default theme's colours (static/assets/bengal.css): the dark scheme is written twice (for
// the system preference and for the reader's choice) and both copies must agree, and every
// pair of colours the stylesheet draws one on the other keeps WCAG contrast in both schemes:
// 4.5:1 for text, 3:1 for control borders.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "bengal/templates/builtin_theme.hpp"

namespace bengal::templates {
namespace {

using Colours = std::map<std::string, std::string>;  // "fg" -> "#1f2328"

std::string theme_css() {
  for (size_t i = 0; i < kBuiltinThemeFiles; ++i)
    if (std::string_view(kBuiltinTheme[i].path) == "static/assets/bengal.css")
      return std::string(kBuiltinTheme[i].bytes);
  return "";
}

// The "--name: #rrggbb" declarations of the first rule whose selector starts with `selector`.
Colours colours_of(const std::string& css, const std::string& selector) {
  Colours out;
  size_t at = css.find(selector + " {");
  if (at == std::string::npos) return out;
  std::string body = css.substr(at, css.find('}', at) - at);
  static const std::regex decl(R"(--([a-z-]+):\s*(#[0-9a-f]{6}))");
  for (std::sregex_iterator it(body.begin(), body.end(), decl), end; it != end; ++it)
    out[(*it)[1]] = (*it)[2];
  return out;
}

double channel(const std::string& hex, int i) {
  return std::stoi(hex.substr(1 + 2 * static_cast<size_t>(i), 2), nullptr, 16) / 255.0;
}

double luminance(const std::string& hex) {
  double sum = 0;
  const double weights[] = {0.2126, 0.7152, 0.0722};
  for (int i = 0; i < 3; ++i) {
    double c = channel(hex, i);
    sum += weights[i] * (c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
  }
  return sum;
}

double contrast(const std::string& a, const std::string& b) {
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// color-mix(in srgb, c p%, bg): admonition and badge backgrounds.
std::string tint(const std::string& c, const std::string& bg, double p) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out = "#";
  for (int i = 0; i < 3; ++i) {
    auto v = static_cast<size_t>(std::lround((channel(c, i) * p + channel(bg, i) * (1 - p)) * 255));
    out += kDigits[v / 16];
    out += kDigits[v % 16];
  }
  return out;
}

void expect_contrast(const Colours& c, const std::string& fg, const std::string& bg, double min,
                     const std::string& scheme) {
  ASSERT_TRUE(c.contains(fg) && c.contains(bg)) << scheme << ": --" << fg << " or --" << bg;
  EXPECT_GE(contrast(c.at(fg), c.at(bg)), min)
      << scheme << ": --" << fg << " " << c.at(fg) << " on --" << bg << " " << c.at(bg);
}

// The light colours, and the dark ones (light's with dark's overrides), by scheme name.
std::vector<std::pair<std::string, Colours>> schemes(const std::string& css) {
  Colours light = colours_of(css, ":root");
  Colours dark = light;
  for (const auto& [name, value] : colours_of(css, ":root[data-theme=\"dark\"]"))
    dark[name] = value;
  return {{"light", light}, {"dark", dark}};
}

TEST(ThemeCss, BothDarkSchemeCopiesAgree) {
  std::string css = theme_css();
  Colours media = colours_of(css, "  :root:not([data-theme=\"light\"])");
  Colours chosen = colours_of(css, ":root[data-theme=\"dark\"]");
  EXPECT_EQ(media.size(), 30u);  // the parse found them all
  EXPECT_EQ(media, chosen);
  // Dark overrides every colour light sets: none leaks from light into dark.
  Colours light = colours_of(css, ":root");
  EXPECT_EQ(light.size(), chosen.size());
  for (const auto& [name, value] : light) EXPECT_TRUE(chosen.contains(name)) << "--" << name;
}

TEST(ThemeCss, ColoursKeepTheirContrastInBothSchemes) {
  std::string css = theme_css();
  for (const auto& [scheme, c] : schemes(css)) {
    for (const char* text : {"fg", "muted", "link"}) expect_contrast(c, text, "bg", 4.5, scheme);
    for (const char* text : {"fg", "muted", "hl-keyword", "hl-string", "hl-comment", "hl-number",
                             "hl-function", "hl-type", "hl-tag"})
      expect_contrast(c, text, "code-bg", 4.5, scheme);
    expect_contrast(c, "fg", "hl-line", 4.5, scheme);
    expect_contrast(c, "muted", "hl-line", 4.5, scheme);  // line numbers of highlighted lines
    expect_contrast(c, "hl-del", "hl-del-bg", 4.5, scheme);
    expect_contrast(c, "hl-ins", "hl-ins-bg", 4.5, scheme);
    expect_contrast(c, "on-link", "link", 4.5, scheme);  // primary buttons, step markers
    expect_contrast(c, "control", "bg", 3,
                    scheme);  // tabs, copy buttons, kbd, menu and tree toggles
    // Admonition titles, badges and version badges: the kind's colour on its 8% tint.
    for (const char* kind :
         {"note", "tip", "warning", "danger", "error", "info", "example", "success", "seealso"}) {
      ASSERT_TRUE(c.contains(kind)) << scheme << ": --" << kind;
      std::string background = tint(c.at(kind), c.at("bg"), 0.08);
      EXPECT_GE(contrast(c.at(kind), background), 4.5) << scheme << ": --" << kind;
      EXPECT_GE(contrast(c.at("fg"), background), 4.5) << scheme << ": text in " << kind;
      EXPECT_GE(contrast(c.at("link"), background), 4.5) << scheme << ": a link in " << kind;
    }
  }
}

// Controls (pagination links, the theme toggle, copy buttons on code blocks) are outlined in
// --control, which stands out 3:1 from every surface they sit on; the focus ring and the current
// page's fill (--link) as well; never in --border, which is too faint for a control.
TEST(ThemeCss, ControlsStandOutFromTheirSurfaces) {
  std::string css = theme_css();
  for (const auto& [scheme, c] : schemes(css)) {
    for (const char* surface : {"bg", "code-bg"}) {
      expect_contrast(c, "control", surface, 3, scheme);
      expect_contrast(c, "link", surface, 3, scheme);
    }
  }
  for (const char* selector : {".pagination a {", ".theme-toggle {", ".code-copy {"}) {
    size_t at = css.find(selector);
    ASSERT_NE(at, std::string::npos) << selector;
    std::string rule = css.substr(at, css.find('}', at) - at);
    EXPECT_NE(rule.find("solid var(--control)"), std::string::npos) << selector;
  }
}

// The checks above are only worth something if they catch a bad pair.
TEST(ThemeCss, ContrastOfKnownPairs) {
  EXPECT_NEAR(contrast("#000000", "#ffffff"), 21.0, 1e-9);
  EXPECT_NEAR(contrast("#767676", "#ffffff"), 4.54, 0.01);  // the lightest grey passing AA
  EXPECT_LT(contrast("#d1d9e0", "#ffffff"), 3.0);           // --border: not for controls
  EXPECT_EQ(tint("#ffffff", "#000000", 0.5), "#808080");
}

}  // namespace
}  // namespace bengal::templates
