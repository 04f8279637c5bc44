// info    = language { extra }
// extra   = "{" lines "}" | "title=" value | "linenos" [ "=" value ] | other [ "=" value ]
// lines   = range { ("," | " ") range },  range = N [ "-" M ]
// value   = '"' chars '"' | word
#include <algorithm>

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

  void skip_spaces() {
    while (i_ < s_.size() && is_space(s_[i_])) ++i_;
  }
  bool done() const { return i_ >= s_.size(); }
  char peek() const { return s_[i_]; }

  // Up to a space, or one of `stops`.
  std::string_view word(std::string_view stops) {
    size_t start = i_;
    while (i_ < s_.size() && !is_space(s_[i_]) && stops.find(s_[i_]) == std::string_view::npos)
      ++i_;
    return s_.substr(start, i_ - start);
  }

  // A quoted or bare value after '='.
  std::string_view value() {
    if (i_ < s_.size() && s_[i_] == '"') {
      size_t start = ++i_;
      size_t close = s_.find('"', start);
      if (close == std::string_view::npos) close = s_.size();
      i_ = std::min(close + 1, s_.size());
      return s_.substr(start, close - start);
    }
    return word("");
  }

  bool accept(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }

  // The text up to '}' (consumed), or to the end.
  std::string_view braced() {
    size_t start = i_;
    size_t close = s_.find('}', start);
    if (close == std::string_view::npos) close = s_.size();
    i_ = std::min(close + 1, s_.size());
    return s_.substr(start, close - start);
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
  std::sort(out.begin(), out.end(),
            [](const LineRange& a, const LineRange& b) { return a.first < b.first; });
}

}  // namespace

FenceInfo parse_fence_info(std::string_view info) {
  FenceInfo result;
  InfoReader in(info);
  in.skip_spaces();
  result.language = in.word("{");
  for (in.skip_spaces(); !in.done(); in.skip_spaces()) {
    if (in.accept('{')) {
      parse_lines(in.braced(), result.options.highlight_lines);
      continue;
    }
    std::string_view key = in.word("={");
    if (key.empty() && !in.accept('=')) {
      in.accept('}');  // a stray '}' would otherwise stop the loop from advancing
      continue;
    }
    bool has_value = in.accept('=');
    std::string_view value = has_value ? in.value() : std::string_view();
    if (key == "title" && has_value) {
      result.options.title = value;
    } else if (key == "linenos") {
      result.options.line_numbers = !has_value || value == "true";
    }
  }
  return result;
}

}  // namespace bengal::highlight
