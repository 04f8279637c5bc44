// The HTML normalization of the CommonMark spec runner (commonmark-spec test/normalize.py),
// used by the conformance test to tell an example that differs only in insignificant
// whitespace, attribute order or entity spelling from a real failure.
#pragma once

#include <string>
#include <string_view>

namespace bengal::markdown {

// As normalize.py: whitespace runs outside <pre> become one space, whitespace around block
// tags is dropped, tag and attribute names are lowercased, attributes are sorted, "<br />"
// becomes "<br>", character references are decoded (and & < > " written as entities again).
std::string normalize_html(std::string_view html);

}  // namespace bengal::markdown
