// Math markup and the dollar rules (math_markup.hpp).
#include "bengal/markdown/math_markup.hpp"

#include "bengal/core/html.hpp"

namespace bengal::markdown {
namespace {

constexpr std::string_view kInlineOpen = "<span class=\"math math-inline\">\\(";
constexpr std::string_view kInlineClose = "\\)</span>";
constexpr std::string_view kSpanOpen = "<span class=\"math math-display\">\\[";
constexpr std::string_view kSpanClose = "\\]</span>";
constexpr std::string_view kBlockOpen = "<div class=\"math math-display\">\\[";
constexpr std::string_view kBlockClose = "\\]</div>\n";

bool blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

bool is_math_span(std::string_view tex, int delimiters, char after) {
  if (tex.empty() || (after >= '0' && after <= '9')) return false;
  return delimiters != 1 || (!blank(tex.front()) && !blank(tex.back()));
}

void append_math(std::string& out, std::string_view tex, MathKind kind) {
  switch (kind) {
    case MathKind::kInline:
      out += kInlineOpen;
      append_html_escaped(out, tex);
      out += kInlineClose;
      return;
    case MathKind::kDisplaySpan:
      out += kSpanOpen;
      append_html_escaped(out, tex);
      out += kSpanClose;
      return;
    case MathKind::kDisplayBlock:
      out += kBlockOpen;
      append_html_escaped(out, tex);
      out += kBlockClose;
      return;
  }
}

bool make_display_block(std::string& out, size_t paragraph, size_t span, size_t span_end) {
  if (span != paragraph + 3 || span_end != out.size() ||
      span_end < span + kSpanOpen.size() + kSpanClose.size())
    return false;
  std::string tex =
      out.substr(span + kSpanOpen.size(), span_end - kSpanClose.size() - span - kSpanOpen.size());
  out.resize(paragraph);
  out += kBlockOpen;
  out += tex;
  out += kBlockClose;
  return true;
}

}  // namespace bengal::markdown
