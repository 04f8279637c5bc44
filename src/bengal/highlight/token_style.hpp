// What a token is, and the CSS class each scheme gives it. The first 31 values follow
// KSyntaxHighlighting's Theme::TextStyle (the tokenizer checks this at compile time); the rest
// refine it from a definition's format names (diff lines, headings, markup tags).
#pragma once

#include <cstdint>
#include <string_view>

#include "bengal/highlight/highlight.hpp"

namespace bengal::highlight {

enum class TokenStyle : uint8_t {
  kNormal,
  kKeyword,
  kFunction,
  kVariable,
  kControlFlow,
  kOperator,
  kBuiltIn,
  kExtension,
  kPreprocessor,
  kAttribute,
  kChar,
  kSpecialChar,
  kString,
  kVerbatimString,
  kSpecialString,
  kImport,
  kDataType,
  kDecVal,
  kBaseN,
  kFloat,
  kConstant,
  kComment,
  kDocumentation,
  kAnnotation,
  kCommentVar,
  kRegionMarker,
  kInformation,
  kWarning,
  kAlert,
  kError,
  kOthers,
  // Refinements by format name.
  kDeleted,
  kInserted,
  kHeading,
  kTag,
  kCount
};

// The class of a token in `scheme`; "" for kNormal (plain text gets no span).
std::string_view token_class(TokenStyle style, ClassScheme scheme);

// The refinement a definition's format name asks for ("Removed line" -> kDeleted), else `style`.
TokenStyle refine_style(TokenStyle style, std::string_view format_name);

}  // namespace bengal::highlight
