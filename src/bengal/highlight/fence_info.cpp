// info    = language { extra }
// extra   = "{" lines "}" | "{" attrs "}" | attr
// lines   = range { ("," | " ") range },  range = N [ "-" M ]
// attrs   = attr { ("," | " ") attr }      (Hugo: {linenos=table, hl_lines=[2,"4-6"]})
// attr    = key [ "=" value ],  key: title, linenos, hl_lines, linenostart, linenums, other
// value   = '"' chars '"' | "[" chars "]" | word
#include <algorithm>

#include "bengal/core/unicode_case.hpp"
#include "bengal/highlight/highlight.hpp"

namespace bengal::highlight {

namespace {

// Line numbers and the number of ranges are bounded so an info string cannot ask for work.
constexpr uint32_t kMaxLine = 1'000'000;
constexpr size_t kMaxRanges = 256;

bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

class InfoReader {
 public:
  explicit InfoReader(std::string_view s) : s_(s) {}

  // Spaces, and any of `also`.
  void skip_spaces(std::string_view also = {}) {
    while (i_ < s_.size() && (is_space(s_[i_]) || also.find(s_[i_]) != std::string_view::npos))
      ++i_;
  }
  bool done() const { return i_ >= s_.size(); }

  // Up to a space, or one of `stops`.
  std::string_view word(std::string_view stops) {
    size_t start = i_;
    while (i_ < s_.size() && !is_space(s_[i_]) && stops.find(s_[i_]) == std::string_view::npos)
      ++i_;
    return s_.substr(start, i_ - start);
  }

  // A value after '=': quoted, in brackets when `brackets` (Hugo's hl_lines=[2,"4-6"]), or a
  // word up to a space or one of `stops`.
  std::string_view value(std::string_view stops = {}, bool brackets = false) {
    if (accept('"')) return until('"');
    if (brackets && accept('[')) return until(']');
    return word(stops);
  }

  bool accept(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }

  // The text up to `close` (consumed), or to the end.
  std::string_view until(char close) {
    size_t start = i_;
    size_t at = s_.find(close, start);
    if (at == std::string_view::npos) at = s_.size();
    i_ = std::min(at + 1, s_.size());
    return s_.substr(start, at - start);
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

uint32_t read_number(std::string_view s, size_t& i) {
  uint32_t n = 0;
  for (; i < s.size() && is_digit(s[i]); ++i) n = std::min(kMaxLine, n * 10 + (s[i] - '0'));
  return n;
}

void parse_lines(std::string_view s, std::vector<LineRange>& out) {
  size_t i = 0;
  while (i < s.size() && out.size() < kMaxRanges) {
    if (!is_digit(s[i])) {
      ++i;  // separators, and anything else we do not understand
      continue;
    }
    uint32_t first = read_number(s, i);
    uint32_t last = first;
    if (i + 1 < s.size() && s[i] == '-' && is_digit(s[i + 1])) {
      ++i;
      last = read_number(s, i);
    }
    if (first == 0 || last < first) continue;
    out.push_back({first, last});
  }
}

bool is_key(std::string_view key, std::string_view name) {
  return equals_ascii_ignoring_case(key, name);
}

// One extra, in either syntax; Hugo's keys are case-insensitive.
void apply(std::string_view key, bool has_value, std::string_view value, Options& options) {
  if (is_key(key, "title") && has_value) {
    options.title = value;
  } else if (is_key(key, "linenos")) {
    // Hugo's "table" and "inline" both number the lines; we have one layout.
    options.line_numbers = !has_value || value != "false";
  } else if (is_key(key, "hl_lines") && has_value) {
    parse_lines(value, options.highlight_lines);
  } else if ((is_key(key, "linenostart") || is_key(key, "linenums")) && has_value) {
    size_t i = 0;
    uint32_t first = read_number(value, i);
    if (i == value.size() && first > 0) options.first_line_number = first;
    if (is_key(key, "linenums")) options.line_numbers = true;  // MkDocs: numbers from N
  }
}

// The inside of Hugo's attribute block: key=value pairs apart by commas or spaces; a bare
// range after hl_lines=3 continues its list ("hl_lines=3 6-8").
void apply_attributes(std::string_view s, Options& options) {
  InfoReader in(s);
  std::string_view last_key;
  for (in.skip_spaces(","); !in.done(); in.skip_spaces(",")) {
    // Never empty unless at '=': spaces and commas were skipped, and a word stops at no other.
    std::string_view key = in.word("=,");
    if (in.accept('=')) {
      apply(key, true, in.value(",", true), options);
    } else if (key.find_first_not_of("0123456789-") == std::string_view::npos &&
               is_key(last_key, "hl_lines")) {
      parse_lines(key, options.highlight_lines);
      continue;
    } else {
      apply(key, false, {}, options);
    }
    last_key = key;
  }
}

}  // namespace

FenceInfo parse_fence_info(std::string_view info) {
  FenceInfo result;
  InfoReader in(info);
  in.skip_spaces();
  result.language = in.word("{");
  for (in.skip_spaces(); !in.done(); in.skip_spaces()) {
    if (in.accept('{')) {
      std::string_view braced = in.until('}');
      if (braced.find('=') != std::string_view::npos)
        apply_attributes(braced, result.options);
      else
        parse_lines(braced, result.options.highlight_lines);
      continue;
    }
    std::string_view key = in.word("={");
    if (key.empty() && !in.accept('=')) {
      in.accept('}');  // a stray '}' would otherwise stop the loop from advancing
      continue;
    }
    bool has_value = in.accept('=');
    apply(key, has_value, has_value ? in.value() : std::string_view(), result.options);
  }
  std::sort(result.options.highlight_lines.begin(), result.options.highlight_lines.end(),
            [](const LineRange& a, const LineRange& b) { return a.first < b.first; });
  return result;
}

}  // namespace bengal::highlight
