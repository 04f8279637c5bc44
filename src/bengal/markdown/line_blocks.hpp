// Line-level Markdown structure read without a parse, for the passes that work on lines before
// md4c sees the text (directive_parser.hpp, hugo_shortcodes.hpp): indentation and fenced code
// blocks, by CommonMark's rules for them.
#pragma once

#include <cstddef>
#include <string_view>

namespace bengal::markdown {

// Leading spaces, up to 4; a tab counts as 4 (it reaches the indented-code column).
size_t indent_of(std::string_view line);

// The length of the run of `c` at `at`.
size_t run_of(std::string_view s, size_t at, char c);

// A letter, digit, '-' or '_': a character of a directive's or a shortcode's name.
bool is_name_char(char c);

// The name (of is_name_char) at `i` of `s`, empty when none starts there.
std::string_view name_at(std::string_view s, size_t i);

// The first offset from `i` that is no space or tab (s.size() at the end).
size_t skip_blanks(std::string_view s, size_t i);

// Only spaces and tabs.
bool is_blank(std::string_view s);

// The fenced code block a line is in.
struct Fence {
  char ch = 0;  // 0: not in a fence
  size_t length = 0;
};

// ``` or ~~~ (3 or more) after at most 3 spaces; a backtick fence's info string holds no
// backtick (CommonMark 4.5). Sets `fence` when the line opens one.
bool opens_fence(std::string_view line, Fence& fence);
bool closes_fence(std::string_view line, const Fence& fence);

}  // namespace bengal::markdown
