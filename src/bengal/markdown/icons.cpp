#include "bengal/markdown/icons.hpp"

#include <algorithm>
#include <array>

namespace bengal::markdown {

namespace {

#define BENGAL_SVG(name, body)                                                      \
  "<svg class=\"icon icon-" name                                                    \
  "\" aria-hidden=\"true\" width=\"20\" height=\"20\" "                             \
  "viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" " \
  "stroke-linecap=\"round\" stroke-linejoin=\"round\">" body "</svg>"

struct Icon {
  std::string_view name;
  std::string_view svg;
};

// Sorted by name for the binary search below.
constexpr std::array kIcons{
    Icon{"alert", BENGAL_SVG("alert",
                             "<path d=\"M12 3 2 21h20Z\"/><path d=\"M12 10v5\"/>"
                             "<path d=\"M12 18h.01\"/>")},
    Icon{"book", BENGAL_SVG("book",
                            "<path d=\"M4 4h7a2 2 0 0 1 2 2v14a2 2 0 0 0-2-2H4Z\"/>"
                            "<path d=\"M20 4h-5a2 2 0 0 0-2 2v14a2 2 0 0 1 2-2h5Z\"/>")},
    Icon{"check", BENGAL_SVG("check",
                             "<circle cx=\"12\" cy=\"12\" r=\"9\"/>"
                             "<path d=\"m8 12 3 3 5-6\"/>")},
    Icon{"code", BENGAL_SVG("code", "<path d=\"m9 7-5 5 5 5\"/><path d=\"m15 7 5 5-5 5\"/>")},
    Icon{"copy", BENGAL_SVG("copy",
                            "<rect x=\"9\" y=\"9\" width=\"11\" height=\"11\" rx=\"2\"/>"
                            "<path d=\"M5 15V5a1 1 0 0 1 1-1h9\"/>")},
    Icon{"error", BENGAL_SVG("error",
                             "<circle cx=\"12\" cy=\"12\" r=\"9\"/>"
                             "<path d=\"m9 9 6 6\"/><path d=\"m15 9-6 6\"/>")},
    Icon{"external", BENGAL_SVG("external",
                                "<path d=\"M14 4h6v6\"/><path d=\"M20 4 11 13\"/>"
                                "<path d=\"M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7"
                                "a1 1 0 0 1 1-1h5\"/>")},
    Icon{"file", BENGAL_SVG("file", "<path d=\"M6 3h8l4 4v14H6Z\"/><path d=\"M14 3v4h4\"/>")},
    Icon{"folder", BENGAL_SVG("folder",
                              "<path d=\"M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10"
                              "a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1Z\"/>")},
    Icon{"info", BENGAL_SVG("info",
                            "<circle cx=\"12\" cy=\"12\" r=\"9\"/>"
                            "<path d=\"M12 11v6\"/><path d=\"M12 7h.01\"/>")},
    Icon{"link", BENGAL_SVG("link",
                            "<path d=\"M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1\"/>"
                            "<path d=\"M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1\"/>")},
    Icon{"note", BENGAL_SVG("note",
                            "<path d=\"M5 4h14v16H5Z\"/><path d=\"M9 9h6\"/>"
                            "<path d=\"M9 13h6\"/><path d=\"M9 17h3\"/>")},
    Icon{"rocket", BENGAL_SVG("rocket",
                              "<path d=\"M12 15 9 12c1-5 4-8 10-9-1 6-4 9-9 10Z\"/>"
                              "<path d=\"M9 12H5l2-3h4\"/><path d=\"M12 15v4l3-2v-4\"/>")},
    Icon{"search", BENGAL_SVG("search",
                              "<circle cx=\"11\" cy=\"11\" r=\"7\"/>"
                              "<path d=\"m20 20-4-4\"/>")},
    Icon{"settings", BENGAL_SVG("settings",
                                "<circle cx=\"12\" cy=\"12\" r=\"3\"/>"
                                "<path d=\"M12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2"
                                "M17 17l2 2M5 19l2-2M17 7l2-2\"/>")},
    Icon{"star", BENGAL_SVG("star",
                            "<path d=\"m12 3 2.8 5.8 6.2.9-4.5 4.4 1 6.2L12 17.4 6.5 20.3"
                            "l1-6.2L3 9.7l6.2-.9Z\"/>")},
    Icon{"terminal", BENGAL_SVG("terminal",
                                "<rect x=\"3\" y=\"4\" width=\"18\" height=\"16\" "
                                "rx=\"2\"/><path d=\"m7 9 3 3-3 3\"/>"
                                "<path d=\"M13 15h4\"/>")},
    Icon{"tip", BENGAL_SVG("tip",
                           "<path d=\"M9 18h6\"/><path d=\"M10 21h4\"/>"
                           "<path d=\"M12 3a6 6 0 0 0-4 10.5c.7.7 1 1.5 1 2.5h6"
                           "c0-1 .3-1.8 1-2.5A6 6 0 0 0 12 3Z\"/>")},
    Icon{"warning", BENGAL_SVG("warning",
                               "<path d=\"M12 3 2 21h20Z\"/><path d=\"M12 10v5\"/>"
                               "<path d=\"M12 18h.01\"/>")},
};

#undef BENGAL_SVG

// Names that draw another icon: admonition kinds and common synonyms.
struct Alias {
  std::string_view name;
  std::string_view target;
};
constexpr std::array kAliases{
    Alias{"attention", "warning"}, Alias{"caution", "warning"}, Alias{"danger", "error"},
    Alias{"example", "code"},      Alias{"important", "info"},  Alias{"seealso", "link"},
    Alias{"success", "check"},     Alias{"todo", "check"},
};

const Icon* find(std::string_view name) {
  auto it = std::lower_bound(kIcons.begin(), kIcons.end(), name,
                             [](const Icon& i, std::string_view n) { return i.name < n; });
  return it != kIcons.end() && it->name == name ? &*it : nullptr;
}

}  // namespace

std::string_view icon_svg(std::string_view name) {
  if (const Icon* icon = find(name)) return icon->svg;
  for (const Alias& a : kAliases)
    if (a.name == name) return find(a.target)->svg;
  return {};
}

std::vector<std::string_view> icon_names() {
  std::vector<std::string_view> names;
  names.reserve(kIcons.size());
  for (const Icon& i : kIcons) names.push_back(i.name);
  return names;
}

}  // namespace bengal::markdown
