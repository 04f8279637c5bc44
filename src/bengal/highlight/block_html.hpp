// Writes the markup of a highlighted block (described in highlight.hpp) from its tokens.
#pragma once

#include <string>
#include <string_view>

#include "bengal/highlight/highlight.hpp"
#include "bengal/highlight/tokenizer.hpp"

namespace bengal::highlight {

// `language` is the canonical name (written as data-language).
void write_block_html(std::string_view language, const TokenizedCode& code, const Options& options,
                      std::string& out);

}  // namespace bengal::highlight
