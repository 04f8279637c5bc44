// TeX math (Options::math): the markup the renderer writes for md4c's math spans and ```math
// fences, TeX for KaTeX or MathJax to typeset in the browser, and the dollar rules md4c 0.4.8
// lacks. Internal to the Markdown stage.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bengal::markdown {

// Whether a span md4c found between `delimiters` dollars (1 or 2) is math rather than money:
// "$ x$", "$x $" and a closing dollar before a digit ("$5 and $6") are text. `after` is the
// character after the closing dollars, '\0' at the end of the input.
bool is_math_span(std::string_view tex, int delimiters, char after);

enum class MathKind {
  kInline,        // <span class="math math-inline">\(…\)</span>
  kDisplaySpan,   // display math inside other text: <span class="math math-display">\[…\]</span>
  kDisplayBlock,  // a paragraph or fence of its own: <div class="math math-display">\[…\]</div>
};

// Appends the markup of `tex` (HTML-escaped, nothing else).
void append_math(std::string& out, std::string_view tex, MathKind kind);

// When out[paragraph, end) is "<p>" and nothing but the kDisplaySpan written at
// out[span, span_end), replaces it with the kDisplayBlock of the same TeX (a <div> may not sit
// in a <p>) and returns true.
bool make_display_block(std::string& out, size_t paragraph, size_t span, size_t span_end);

}  // namespace bengal::markdown
