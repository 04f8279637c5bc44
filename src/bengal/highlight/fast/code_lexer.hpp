// One single-pass scanner for the programming languages (C, C++, Go, Rust, Java, JavaScript,
// TypeScript, JSX, Python, shell, SQL, JSON): what differs between them is a CodeSpec of word
// lists, comment and string syntax and a few feature flags, not code.
#pragma once

#include <cstdint>
#include <string_view>

#include "bengal/highlight/fast/token_sink.hpp"
#include "bengal/highlight/fast/word_table.hpp"

namespace bengal::highlight::fast {

enum Feature : uint32_t {
  kCallsAreFunctions = 1u << 0,  // `name(` is a function
  kCapitalizedTypes = 1u << 1,   // `Name` (a capital, then some lowercase) is a type
  kHashPreprocessor = 1u << 2,   // `#include` at a line start (C, C++)
  kAtAnnotations = 1u << 3,      // `@Override`, `@decorator`
  kTripleQuotes = 1u << 4,       // """...""" and '''...''' span lines
  kStringPrefixes = 1u << 5,     // f"..", r"..", b"..", rb".." (Python; Rust's b".." r#".."#)
  kTemplateLiterals = 1u << 6,   // `..${expr}..` (JavaScript)
  kRawBackticks = 1u << 7,       // `..` raw strings (Go)
  kRegexLiterals = 1u << 8,      // /re/g where an expression may start (JavaScript)
  kJsx = 1u << 9,                // <Tag attr={x}>text</Tag> where an expression may start
  kShell = 1u << 10,             // $var ${var} $(..), words, # only at a word start
  kCharLiterals = 1u << 11,      // 'x' '\n' are characters, not strings
  kRust = 1u << 12,              // r#".."#, #[attr], macro!, lifetimes, nested /* */
  kCppRawStrings = 1u << 13,     // R"delim(..)delim"
  kKeyStrings = 1u << 14,        // a string followed by ':' is a key (JSON)
};

struct CodeSpec {
  WordTable words;
  std::string_view line_comment = "";      // "//", "#", "--"; "" for none
  std::string_view doc_line_comment = "";  // a line comment that is documentation ("///")
  std::string_view block_open = "";        // "/*"; "" for none
  std::string_view block_close = "";       // "*/"
  std::string_view quotes = "";            // bytes that open a string with backslash escapes
  std::string_view operators = "";         // bytes styled as operators
  uint32_t features = 0;
};

void lex_code(const CodeSpec& spec, std::string_view code, TokenSink& out);

}  // namespace bengal::highlight::fast
