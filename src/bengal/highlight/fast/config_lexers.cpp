// YAML, TOML and INI: keys are attributes, section headers keywords, and values strings,
// numbers or constants. YAML is read a line at a time (plus block scalars, whose more-indented
// lines are strings); TOML tracks its brackets because arrays and inline tables span lines.
#include <vector>

#include "bengal/highlight/fast/chars.hpp"
#include "bengal/highlight/fast/languages.hpp"

namespace bengal::highlight::fast {

namespace {

using S = TokenStyle;

bool is_yaml_constant(std::string_view w) {
  static const WordTable words({{S::kConstant,
                                 "true false True False TRUE FALSE yes no Yes No YES NO on off "
                                 "On Off ON OFF null Null NULL ~"}});
  return words.find(w) != nullptr;
}

// A scalar that is wholly a number: 12, -3.5, 1e3, 0x1F, .5, +1.
S number_style(std::string_view w) {
  if (w.empty()) return S::kNormal;
  size_t i = w[0] == '-' || w[0] == '+' ? 1 : 0;
  if (i >= w.size() || !(is_digit(w[i]) || (w[i] == '.' && i + 1 < w.size() && is_digit(w[i + 1]))))
    return S::kNormal;
  bool is_float = false;
  bool is_base_n = false;
  if (scan_number(w, i, is_float, is_base_n) != w.size()) return S::kNormal;
  return is_float ? S::kFloat : is_base_n ? S::kBaseN : S::kDecVal;
}

class YamlLexer {
 public:
  YamlLexer(std::string_view s, TokenSink& out) : s_(s), out_(out) {}

  void run() {
    for (size_t pos = 0; pos < s_.size();) {
      size_t stop = line_end(s_, pos);
      line(pos, stop);
      pos = stop + 1;
    }
  }

 private:
  void line(size_t pos, size_t stop) {
    size_t text = skip_while(s_, pos, is_space);
    size_t indent = text - pos;
    if (block_indent_ >= 0) {
      if (text == stop || static_cast<long>(indent) > block_indent_) {
        out_.add(text, stop, S::kString);
        return;
      }
      block_indent_ = -1;
    }
    if (text == stop) return;
    std::string_view rest = s_.substr(text, stop - text);
    if (rest[0] == '#') return out_.add(text, stop, S::kComment);
    if (pos == text && (rest.starts_with("---") || rest.starts_with("..."))) {
      out_.add(text, text + 3, S::kKeyword);
      return values(text + 3, stop, static_cast<long>(indent));
    }
    size_t i = text;
    while (i + 1 <= stop && s_[i] == '-' && (i + 1 == stop || is_space(s_[i + 1]))) {
      out_.add(i, i + 1, S::kOperator);
      i = skip_while(s_, i + 1, is_space);
    }
    values(i, stop, static_cast<long>(indent));
  }

  // Keys, values and flow collections from i to the line's end.
  void values(size_t i, size_t stop, long indent) {
    while (i < stop) {
      char c = s_[i];
      if (is_space(c)) {
        ++i;
      } else if (c == '#' && (i == 0 || is_space(s_[i - 1]))) {
        out_.add(i, stop, S::kComment);
        return;
      } else if (c == '"' || c == '\'') {
        size_t end = quoted_end(s_, i, c == '"');
        out_.add(i, end, key_follows(end, stop) ? S::kAttribute : S::kString);
        i = end;
      } else if ((c == '&' || c == '*' || c == '!') && i + 1 < stop && !is_space(s_[i + 1])) {
        size_t end = skip_while(s_.substr(0, stop), i + 1, [](char ch) {
          return !is_space(ch) && ch != ',' && ch != ']' && ch != '}';
        });
        out_.add(i, end, c == '!' ? S::kDataType : S::kVariable);
        i = end;
      } else if ((c == '|' || c == '>') && only_comment_after(i + 1, stop)) {
        out_.add(i, skip_while(s_.substr(0, stop), i + 1, [](char ch) { return !is_space(ch); }),
                 S::kOperator);
        block_indent_ = indent;
        i = skip_while(s_.substr(0, stop), i + 1, [](char ch) { return !is_space(ch); });
      } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == ',') {
        flow_ += c == '[' || c == '{' ? 1 : c == ',' ? 0 : -1;
        if (flow_ < 0) flow_ = 0;
        ++i;
      } else if (c == ':' && (i + 1 == stop || is_space(s_[i + 1]))) {
        out_.add(i, i + 1, S::kOperator);
        ++i;
      } else {
        i = scalar(i, stop);
      }
    }
  }

  // A plain scalar: up to ": ", " #", or (in a flow collection) ',', ']' or '}'.
  size_t scalar(size_t i, size_t stop) {
    size_t end = i;
    while (end < stop) {
      char c = s_[end];
      if (c == ':' && (end + 1 == stop || is_space(s_[end + 1]))) break;
      if (c == '#' && end > i && is_space(s_[end - 1])) break;
      if (flow_ > 0 && (c == ',' || c == ']' || c == '}')) break;
      ++end;
    }
    size_t trimmed = end;
    while (trimmed > i && is_space(s_[trimmed - 1])) --trimmed;
    std::string_view w = s_.substr(i, trimmed - i);
    S style = S::kNormal;
    if (end < stop && s_[end] == ':') {
      style = S::kAttribute;
    } else if (is_yaml_constant(w)) {
      style = S::kConstant;
    } else {
      style = number_style(w);
    }
    out_.add(i, trimmed, style);
    return end;
  }

  bool key_follows(size_t i, size_t stop) const {
    i = skip_while(s_.substr(0, stop), i, is_space);
    return i < stop && s_[i] == ':' && (i + 1 == stop || is_space(s_[i + 1]));
  }

  bool only_comment_after(size_t i, size_t stop) const {
    i = skip_while(s_.substr(0, stop), i,
                   [](char ch) { return ch == '-' || ch == '+' || is_digit(ch); });
    i = skip_while(s_.substr(0, stop), i, is_space);
    return i == stop || s_[i] == '#';
  }

  std::string_view s_;
  TokenSink& out_;
  long block_indent_ = -1;  // >= 0 inside a block scalar: lines indented more are its text
  int flow_ = 0;            // open [ and { on this line
};

// TOML: key = value lines, [table] headers, strings (""" and ''' span lines), arrays and
// inline tables that may span lines (their nesting is counted, not stacked: only whether the
// innermost is a table matters, and it is tracked up to a bounded depth).
class TomlLexer {
 public:
  TomlLexer(std::string_view s, TokenSink& out) : s_(s), out_(out), n_(s.size()) {}

  void run() {
    bool line_start = true;
    while (i_ < n_) {
      char c = s_[i_];
      if (c == '\n') {
        if (open_.empty()) expect_key_ = true;
        line_start = true;
        ++i_;
        continue;
      }
      if (is_space(c)) {
        ++i_;
        continue;
      }
      bool header = line_start && open_.empty() && c == '[';
      line_start = false;
      if (c == '#') {
        size_t end = line_end(s_, i_);
        out_.add(i_, end, S::kComment);
        i_ = end;
      } else if (header) {
        size_t end = line_end(s_, i_);
        size_t close = s_.substr(i_, end - i_).rfind(']');
        size_t hend = close == std::string_view::npos ? end : i_ + close + 1;
        out_.add(i_, hend, S::kKeyword);
        i_ = hend;
      } else if (c == '"' || c == '\'') {
        string(c);
      } else if (c == '=') {
        out_.add(i_, i_ + 1, S::kOperator);
        expect_key_ = false;
        ++i_;
      } else if (c == '[' || c == '{') {
        if (open_.size() < 256) open_.push_back(c);
        expect_key_ = c == '{';
        ++i_;
      } else if (c == ']' || c == '}') {
        if (!open_.empty()) open_.pop_back();
        ++i_;
      } else if (c == ',') {
        expect_key_ = !open_.empty() && open_.back() == '{';
        ++i_;
      } else {
        bare(c);
      }
    }
  }

 private:
  char peek(size_t i) const { return i < n_ ? s_[i] : '\0'; }

  void string(char q) {
    S style = expect_key_ ? S::kAttribute : S::kString;
    if (peek(i_ + 1) == q && peek(i_ + 2) == q) {
      char close[3] = {q, q, q};
      size_t end = s_.find(std::string_view(close, 3), i_ + 3);
      end = end == std::string_view::npos ? n_ : end + 3;
      while (end < n_ && s_[end] == q) ++end;  // """a"""" ends with a quote in the text
      out_.add_lines(i_, end, style);
      i_ = end;
      return;
    }
    size_t end = quoted_end(s_, i_, q == '"');
    out_.add(i_, end, style);
    i_ = end;
  }

  // A bare key (dotted) or a value: a boolean, a number or a date, else plain.
  void bare(char c) {
    size_t end = skip_while(s_, i_, [](char ch) {
      return is_ident(ch) || ch == '-' || ch == '.' || ch == '+' || ch == ':';
    });
    if (end == i_) {
      i_ = next_char(s_, i_);
      return;
    }
    std::string_view w = s_.substr(i_, end - i_);
    S style = S::kNormal;
    if (expect_key_) {
      style = S::kAttribute;
    } else if (w == "true" || w == "false") {
      style = S::kConstant;
    } else if (w == "inf" || w == "nan" || w == "+inf" || w == "-inf") {
      style = S::kFloat;
    } else if (is_digit(c) || ((c == '+' || c == '-') && w.size() > 1 && is_digit(w[1]))) {
      style = number_style(w);
      if (style == S::kNormal) style = S::kDecVal;  // a date or time
    }
    out_.add(i_, end, style);
    i_ = end;
  }

  std::string_view s_;
  TokenSink& out_;
  size_t n_;
  size_t i_ = 0;
  bool expect_key_ = true;
  std::vector<char> open_;  // '[' and '{' not yet closed
};

}  // namespace

void lex_yaml(std::string_view code, TokenSink& out) {
  YamlLexer(code, out).run();
}

void lex_toml(std::string_view code, TokenSink& out) {
  TomlLexer(code, out).run();
}

// [section], key = value or key: value, ; and # comments at a line start.
void lex_ini(std::string_view code, TokenSink& out) {
  for (size_t pos = 0; pos < code.size();) {
    size_t stop = line_end(code, pos);
    size_t i = skip_while(code, pos, is_space);
    std::string_view line = code.substr(i, stop - i);
    if (line.empty()) {
    } else if (line[0] == ';' || line[0] == '#') {
      out.add(i, stop, S::kComment);
    } else if (line[0] == '[') {
      out.add(i, stop, S::kKeyword);
    } else if (size_t eq = line.find_first_of("=:"); eq != std::string_view::npos) {
      size_t key_end = eq;
      while (key_end > 0 && is_space(line[key_end - 1])) --key_end;
      out.add(i, i + key_end, S::kAttribute);
      out.add(i + eq, i + eq + 1, S::kOperator);
      size_t value = skip_while(code.substr(0, stop), i + eq + 1, is_space);
      S style = value < stop ? number_style(code.substr(value, stop - value)) : S::kNormal;
      out.add(value, stop, style == S::kNormal ? S::kString : style);
    }
    pos = stop + 1;
  }
}

}  // namespace bengal::highlight::fast
