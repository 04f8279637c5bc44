// The languages we highlight: every accepted name and alias, its canonical name (written as
// data-language) and the KSyntaxHighlighting definition that tokenizes it.
#pragma once

#include <span>
#include <string_view>

namespace bengal::highlight {

struct Language {
  std::string_view alias;       // lowercase, as written after the fence
  std::string_view canonical;   // data-language="..."
  std::string_view definition;  // KSyntaxHighlighting's definition name
};

// nullptr when `name` (matched case-insensitively) is not in the table.
const Language* find_language(std::string_view name);

// The whole table, sorted by alias (tests check it against the reference page).
std::span<const Language> languages();

}  // namespace bengal::highlight
