// The icon set that directives (admonition titles, cards) and the {icon} role write inline:
// small stroked 24x24 SVGs that take the text colour (stroke="currentColor"), so light and
// dark themes need no second set. Drawn for bengal from plain shapes.
#pragma once

#include <string_view>
#include <vector>

namespace bengal::markdown {

// The SVG markup of icon `name` (aria-hidden, class="icon icon-NAME"), "" when there is none.
// Names are lowercase ASCII; a few aliases map to one drawing ("caution" -> "warning").
std::string_view icon_svg(std::string_view name);

// Every icon name with a drawing, sorted; for docs and tests.
std::vector<std::string_view> icon_names();

}  // namespace bengal::markdown
