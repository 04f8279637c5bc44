#include "bengal/highlight/token_style.hpp"

#include <array>
#include <utility>

namespace bengal::highlight {

namespace {

struct Classes {
  std::string_view pygments;
  std::string_view semantic;
};

// Indexed by TokenStyle. Pygments has no control-flow or punctuation-only style in
// KSyntaxHighlighting's model, so control flow is a keyword (k) and symbols are operators (o).
constexpr std::array<Classes, static_cast<size_t>(TokenStyle::kCount)> kClasses = {{
    {"", ""},                          // kNormal
    {"k", "syntax-keyword"},           // kKeyword
    {"nf", "syntax-function"},         // kFunction
    {"nv", "syntax-variable"},         // kVariable
    {"k", "syntax-keyword"},           // kControlFlow
    {"o", "syntax-operator"},          // kOperator
    {"nb", "syntax-builtin"},          // kBuiltIn
    {"nx", "syntax-builtin"},          // kExtension
    {"cp", "syntax-preprocessor"},     // kPreprocessor
    {"na", "syntax-attribute"},        // kAttribute
    {"sc", "syntax-string"},           // kChar
    {"se", "syntax-escape"},           // kSpecialChar
    {"s", "syntax-string"},            // kString
    {"sh", "syntax-string"},           // kVerbatimString
    {"sr", "syntax-regex"},            // kSpecialString
    {"kn", "syntax-namespace"},        // kImport
    {"kt", "syntax-type"},             // kDataType
    {"mi", "syntax-number"},           // kDecVal
    {"mh", "syntax-number"},           // kBaseN
    {"mf", "syntax-number"},           // kFloat
    {"kc", "syntax-constant"},         // kConstant
    {"c", "syntax-comment"},           // kComment
    {"sd", "syntax-docstring"},        // kDocumentation
    {"nd", "syntax-annotation"},       // kAnnotation
    {"cs", "syntax-comment"},          // kCommentVar
    {"cp", "syntax-comment"},          // kRegionMarker
    {"cs", "syntax-comment"},          // kInformation
    {"cs", "syntax-comment"},          // kWarning
    {"cs", "syntax-comment-special"},  // kAlert
    {"err", "syntax-error"},           // kError
    {"n", "syntax-name"},              // kOthers
    {"gd", "syntax-deleted"},          // kDeleted
    {"gi", "syntax-inserted"},         // kInserted
    {"gh", "syntax-heading"},          // kHeading
    {"nt", "syntax-tag"},              // kTag
}};

// Format names (as the definitions spell them) that mean more than their default style.
// HTML, XML, JSX and the Django template definition style element names as keywords and
// attributes as "others"; Pygments and Bengal call them tags and attributes.
constexpr std::array<std::pair<std::string_view, TokenStyle>, 15> kRefinements = {{
    {"Element", TokenStyle::kTag},
    {"Element Tag", TokenStyle::kTag},
    {"Component Tag", TokenStyle::kTag},
    {"Attribute", TokenStyle::kAttribute},
    {"Added line", TokenStyle::kInserted},
    {"Changed line (new)", TokenStyle::kInserted},
    {"Changed line (old)", TokenStyle::kDeleted},
    {"Removed line", TokenStyle::kDeleted},
    {"Header H1", TokenStyle::kHeading},
    {"Header H2", TokenStyle::kHeading},
    {"Header H3", TokenStyle::kHeading},
    {"Header H4", TokenStyle::kHeading},
    {"Header H5", TokenStyle::kHeading},
    {"Header H6", TokenStyle::kHeading},
    {"Header", TokenStyle::kHeading},
}};

}  // namespace

std::string_view token_class(TokenStyle style, ClassScheme scheme) {
  const Classes& c = kClasses[static_cast<size_t>(style)];
  return scheme == ClassScheme::kPygments ? c.pygments : c.semantic;
}

TokenStyle refine_style(TokenStyle style, std::string_view format_name) {
  for (const auto& [name, refined] : kRefinements)
    if (name == format_name) return refined;
  return style;
}

}  // namespace bengal::highlight
