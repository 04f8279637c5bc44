// Hand-written lexers for the languages documentation shows most (bash, Python, JavaScript,
// TypeScript, JSX, JSON, YAML, TOML, HTML, XML, CSS, C, C++, Go, Rust, Java, SQL, Markdown,
// diff, Dockerfile, INI, Jinja): one pass over the bytes, no regular expressions, about 45
// times faster than KSyntaxHighlighting's rule tables (20 times with the HTML written), so
// highlighting can be on by default (bench/RESULTS.md).
// Other languages keep going to KSyntaxHighlighting (tokenizer.hpp); both give the same Token
// kinds, so one HTML writer serves both.
#pragma once

#include <string_view>

#include "bengal/highlight/tokenizer.hpp"

namespace bengal::highlight::fast {

// True when `canonical` (a canonical name from languages.hpp) has a hand-written lexer.
bool has_lexer(std::string_view canonical);

// Fills `out` (cleared first): the code with invalid UTF-8 replaced by U+FFFD, and its tokens.
// false, with `out` untouched, when there is no lexer. Thread-safe; linear in the code's size.
bool tokenize(std::string_view canonical, std::string_view code, TokenizedCode& out);

}  // namespace bengal::highlight::fast
