#include "bengal/highlight/block_html.hpp"

#include <fmt/format.h>

#include "bengal/core/html.hpp"

namespace bengal::highlight {

namespace {

bool line_is_highlighted(const std::vector<LineRange>& ranges, uint32_t line) {
  for (const LineRange& r : ranges) {
    if (line < r.first) return false;  // sorted by first
    if (line <= r.last) return true;
  }
  return false;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace

void write_block_html(std::string_view language, const TokenizedCode& code, const Options& options,
                      std::string& out) {
  out += options.scheme == ClassScheme::kPygments ? "<div class=\"highlight\" data-language=\""
                                                  : "<div class=\"rosettes\" data-language=\"";
  append_html_escaped(out, language);
  out += "\">";
  if (!options.title.empty()) {
    out += "<div class=\"code-title\">";
    append_html_escaped(out, options.title);
    out += "</div>";
  }
  out += "<pre><code>";

  const std::string_view text = code.text;
  const bool wrap_lines = options.line_numbers || !options.highlight_lines.empty();
  auto token = code.tokens.begin();
  uint32_t line_number = 0;
  for (size_t pos = 0; pos < text.size();) {
    ++line_number;
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    bool hll = wrap_lines && line_is_highlighted(options.highlight_lines, line_number);
    if (hll) out += "<span class=\"hll\">";
    if (options.line_numbers)
      fmt::format_to(std::back_inserter(out), "<span class=\"linenos\">{}</span>",
                     uint64_t{options.first_line_number} - 1 + line_number);
    size_t at = pos;
    for (; token != code.tokens.end() && token->begin < end; ++token) {
      append_html_escaped(out, text.substr(at, token->begin - at));
      std::string_view piece = text.substr(token->begin, token->end - token->begin);
      std::string_view cls = token_class(token->style, options.scheme);
      if (cls.empty() || is_blank(piece)) {
        append_html_escaped(out, piece);
      } else {
        out += "<span class=\"";
        out += cls;
        out += "\">";
        append_html_escaped(out, piece);
        out += "</span>";
      }
      at = token->end;
    }
    append_html_escaped(out, text.substr(at, end - at));
    if (nl != std::string_view::npos) out += '\n';
    if (hll) out += "</span>";
    pos = end + 1;
  }
  out += "</code></pre></div>\n";
}

}  // namespace bengal::highlight
