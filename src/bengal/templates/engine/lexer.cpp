#include "bengal/templates/engine/lexer.hpp"

#include <cctype>

#include <fmt/format.h>

#include "bengal/core/hex.hpp"
#include "bengal/core/utf8.hpp"

namespace bengal::templates {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

bool is_name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

class Lexer {
 public:
  Lexer(std::string_view src, std::vector<Token>& out, LexError& error)
      : src_(src), out_(out), error_(error) {}

  bool run() {
    size_t text_start = 0;
    bool strip_next = false;  // the previous tag ended with '-'
    for (;;) {
      size_t open = find_tag(text_start);
      size_t text_end = open == std::string_view::npos ? src_.size() : open;
      std::string_view text = src_.substr(text_start, text_end - text_start);
      size_t text_offset = text_start + (strip_next ? strip_leading_space(text) : 0);
      if (open == std::string_view::npos) {
        // Jinja2 drops a single trailing newline of the template (keep_trailing_newline=False).
        if (text.ends_with('\n')) text.remove_suffix(text.ends_with("\r\n") ? 2 : 1);
        emit_text(text, text_offset);
        break;
      }
      if (!tag_at(open, text, text_offset, text_start, strip_next)) return false;
    }
    push(TokenType::kEof, "", src_.size());
    return true;
  }

 private:
  // The text before the tag opening at `open` (less its trailing space when the tag starts
  // with '-'), then the tag, comment or raw block; sets where the next text starts.
  bool tag_at(size_t open, std::string_view text, size_t text_offset, size_t& text_start,
              bool& strip_next) {
    bool strip_before = open + 2 < src_.size() && src_[open + 2] == '-';
    if (strip_before) strip_trailing_space(text);
    emit_text(text, text_offset);
    char kind = src_[open + 1];
    pos_ = open + 2 + (strip_before || (open + 2 < src_.size() && src_[open + 2] == '+') ? 1 : 0);
    if (kind == '#') return comment(open, text_start, strip_next);
    if (kind == '%' && is_raw(pos_)) return raw_block(open, text_start, strip_next);
    push(kind == '{' ? TokenType::kVarBegin : TokenType::kBlockBegin, "", open);
    if (!tag(kind == '{' ? '}' : '%', open, strip_next)) return false;
    text_start = pos_;
    return true;
  }

  // {# ... #}: skipped.
  bool comment(size_t open, size_t& text_start, bool& strip_next) {
    size_t close = src_.find("#}", pos_);
    if (close == std::string_view::npos) return fail("unclosed comment; expected #}", open);
    strip_next = close > 0 && src_[close - 1] == '-';
    text_start = close + 2;
    return true;
  }

  // Drops leading whitespace from `s`; returns how many bytes.
  static size_t strip_leading_space(std::string_view& s) {
    size_t k = 0;
    while (k < s.size() && is_space(s[k])) ++k;
    s.remove_prefix(k);
    return k;
  }

  static void strip_trailing_space(std::string_view& s) {
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  }

  size_t skip_space_from(size_t p) const {
    while (p < src_.size() && is_space(src_[p])) ++p;
    return p;
  }

  size_t find_tag(size_t from) const {
    for (size_t i = src_.find('{', from); i != std::string_view::npos; i = src_.find('{', i + 1)) {
      if (i + 1 < src_.size() && (src_[i + 1] == '{' || src_[i + 1] == '%' || src_[i + 1] == '#'))
        return i;
    }
    return std::string_view::npos;
  }

  // Line and column of a byte offset (1-based).
  void position(size_t offset, uint32_t& line, uint32_t& column) const {
    if (offset < line_pos_) line_pos_ = line_start_ = 0, line_ = 1;  // errors may look back
    while (line_pos_ < offset && line_pos_ < src_.size()) {
      if (src_[line_pos_] == '\n') {
        ++line_;
        line_start_ = line_pos_ + 1;
      }
      ++line_pos_;
    }
    line = line_;
    column = static_cast<uint32_t>(offset - line_start_ + 1);
  }

  void push(TokenType type, std::string value, size_t offset) {
    Token t;
    t.type = type;
    t.value = std::move(value);
    position(offset, t.line, t.column);
    out_.push_back(std::move(t));
  }

  void emit_text(std::string_view text, size_t offset) {
    if (!text.empty()) push(TokenType::kText, std::string(text), offset);
  }

  bool fail(std::string message, size_t offset) {
    error_.message = std::move(message);
    position(offset, error_.line, error_.column);
    return false;
  }

  void skip_space() {
    while (pos_ < src_.size() && is_space(src_[pos_])) ++pos_;
  }

  bool word_at(size_t p, std::string_view w) const {
    if (src_.substr(p, w.size()) != w) return false;
    size_t after = p + w.size();
    return after >= src_.size() || !is_name_char(src_[after]);
  }

  bool is_raw(size_t p) const { return word_at(skip_space_from(p), "raw"); }

  // {% raw %}...{% endraw %} (or {% end %}): the content is text, untouched.
  bool raw_block(size_t open, size_t& text_start, bool& strip_next) {
    size_t close = src_.find("%}", pos_);
    if (close == std::string_view::npos) return fail("unclosed tag; expected %}", open);
    bool strip_inner_start = src_[close - 1] == '-';
    size_t body = close + 2;
    for (size_t i = src_.find("{%", body); i != std::string_view::npos;
         i = src_.find("{%", i + 2)) {
      RawEnd end;
      if (!raw_end_at(i, end)) continue;
      std::string_view content = src_.substr(body, i - body);
      if (strip_inner_start) strip_leading_space(content);
      if (end.strip_before) strip_trailing_space(content);
      emit_text(content, body);
      text_start = end.after;
      strip_next = end.strip_after;
      return true;
    }
    return fail("unclosed {% raw %}; expected {% endraw %}", open);
  }

  struct RawEnd {
    size_t after = 0;  // just past its %}
    bool strip_before = false, strip_after = false;
  };

  // Whether the tag opening at `i` is {% endraw %} or {% end %}, with optional '-'s.
  bool raw_end_at(size_t i, RawEnd& end) const {
    size_t p = i + 2;
    end.strip_before = p < src_.size() && src_[p] == '-';
    if (end.strip_before) ++p;
    p = skip_space_from(p);
    size_t w = word_at(p, "endraw") ? 6 : word_at(p, "end") ? 3 : 0;
    if (w == 0) return false;
    p = skip_space_from(p + w);
    end.strip_after = p < src_.size() && src_[p] == '-';
    if (end.strip_after) ++p;
    if (src_.substr(p, 2) != "%}") return false;
    end.after = p + 2;
    return true;
  }

  // Tokens of one {{ }} or {% %} tag, up to and including its end.
  // Inside a dict a "}}" closes dicts, not the tag (`{{ {"a": {"b": 1}}}}`), as in Jinja2; in
  // other brackets it ends the tag, so `{{ (1 }}` reports the missing ')'.
  bool tag(char end_char, size_t open, bool& strip_next) {
    std::string brackets;  // the open ( [ { in order
    for (;;) {
      skip_space();
      if (pos_ >= src_.size())
        return fail(end_char == '}' ? "unclosed {{; expected }}" : "unclosed {%; expected %}",
                    open);
      if ((brackets.empty() || brackets.back() != '{') && tag_end(end_char, strip_next))
        return true;
      if (!token()) return false;
      if (out_.back().type == TokenType::kOp && out_.back().value.size() == 1) {
        char op = out_.back().value[0];
        if (op == '(' || op == '[' || op == '{') brackets += op;
        if ((op == ')' || op == ']' || op == '}') && !brackets.empty()) brackets.pop_back();
      }
    }
  }

  // The tag's closing }} or %}, with optional whitespace control (-}} strips what follows).
  bool tag_end(char end_char, bool& strip_next) {
    char c = src_[pos_];
    size_t marker = c == '-' || c == '+' ? 1 : 0;
    const char close[] = {end_char, '}'};
    if (src_.substr(pos_ + marker, 2) != std::string_view(close, 2)) return false;
    strip_next = c == '-';
    push(end_char == '}' ? TokenType::kVarEnd : TokenType::kBlockEnd, "", pos_);
    pos_ += marker + 2;
    return true;
  }

  // One name, number, string or operator inside a tag.
  bool token() {
    char c = src_[pos_];
    if (is_name_start(c)) {
      name();
      return true;
    }
    if (is_digit(c)) {
      number();
      return true;
    }
    if (c == '"' || c == '\'') return string_literal();
    return op();
  }

  void name() {
    size_t start = pos_;
    while (pos_ < src_.size() && is_name_char(src_[pos_])) ++pos_;
    push(TokenType::kName, std::string(src_.substr(start, pos_ - start)), start);
  }

  // 12, 1_000, 1.5, 2e10, 1.5E-3; the value drops the underscores.
  void number() {
    size_t start = pos_;
    skip_digits(/*underscores=*/true);
    bool is_float = false;
    if (pos_ + 1 < src_.size() && src_[pos_] == '.' && is_digit(src_[pos_ + 1])) {
      is_float = true;
      ++pos_;
      skip_digits(false);
    }
    if (exponent()) is_float = true;
    std::string digits;
    for (char d : src_.substr(start, pos_ - start))
      if (d != '_') digits += d;
    push(is_float ? TokenType::kFloat : TokenType::kInt, digits, start);
  }

  // e5, E+5, e-5 after a number; a lone "e" is left for the next token.
  bool exponent() {
    if (pos_ >= src_.size() || (src_[pos_] != 'e' && src_[pos_] != 'E')) return false;
    size_t p = pos_ + 1;
    if (p < src_.size() && (src_[p] == '+' || src_[p] == '-')) ++p;
    if (p >= src_.size() || !is_digit(src_[p])) return false;
    pos_ = p;
    skip_digits(false);
    return true;
  }

  void skip_digits(bool underscores) {
    while (pos_ < src_.size() && (is_digit(src_[pos_]) || (underscores && src_[pos_] == '_')))
      ++pos_;
  }

  // "..." or '...', with Python's backslash escapes, as Jinja2 decodes them: \n \t \r \a \b \f
  // \v \\ \' \", up to three octal digits, \xhh, \uhhhh, \Uhhhhhhhh, and a backslash before a
  // line break joins the lines. Any other (\d in a regex, \N{...}) keeps its backslash.
  bool string_literal() {
    size_t start = pos_;
    char quote = src_[pos_++];
    std::string value;
    while (pos_ < src_.size()) {
      char c = src_[pos_++];
      if (c == quote) {
        push(TokenType::kString, std::move(value), start);
        return true;
      }
      if (c == '\\' && pos_ < src_.size()) {
        if (!escape(value)) return false;
        continue;
      }
      value += c;
    }
    return fail("unclosed string literal", start);
  }

  // Decodes the escape after a backslash (at pos_ - 1) into `value`.
  bool escape(std::string& value) {
    size_t backslash = pos_ - 1;
    char e = src_[pos_++];
    static constexpr std::string_view kFrom = "ntrabfv\\'\"\n";
    static constexpr std::string_view kTo = "\n\t\r\a\b\f\v\\'\"";
    if (size_t i = kFrom.find(e); i != std::string_view::npos) {
      if (i < kTo.size()) value += kTo[i];  // the line break: nothing
      return true;
    }
    if (e >= '0' && e <= '7') {
      uint32_t cp = static_cast<uint32_t>(e - '0');
      for (int n = 1; n < 3 && pos_ < src_.size() && src_[pos_] >= '0' && src_[pos_] <= '7'; ++n)
        cp = cp * 8 + static_cast<uint32_t>(src_[pos_++] - '0');
      append_utf8(value, cp);
      return true;
    }
    size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    if (digits == 0) {
      value += '\\';
      value += e;
      return true;
    }
    uint32_t cp = 0;
    for (size_t n = 0; n < digits; ++n) {
      int d = pos_ < src_.size() ? hex_digit(src_[pos_]) : -1;
      if (d < 0)
        return fail(fmt::format("truncated \\{}{} escape", e, std::string(digits, 'X')), backslash);
      cp = cp * 16 + static_cast<uint32_t>(d);
      ++pos_;
    }
    // Jinja2 would fail writing a surrogate; a value past U+10FFFF is no character at all.
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return fail(fmt::format("\\{} is not a character: it is {}",
                              src_.substr(backslash + 1, pos_ - backslash - 1),
                              cp > 0x10FFFF ? "past U+10FFFF" : "a surrogate"),
                  backslash);
    append_utf8(value, cp);
    return true;
  }

  // One-, two- and three-character operators; anything else is an error. Kida adds ?? (null
  // coalescing), ??= (assign when missing), ?. and ?[ (optional chaining) and |> (pipeline).
  bool op() {
    static constexpr std::string_view kLong[] = {
        "//", "**", "==", "!=", "<=", ">=", "??", "?.", "?[", "|>", "?\?="};
    size_t start = pos_;
    std::string_view op = src_.substr(pos_, 1);
    for (auto longer : kLong)
      if (src_.substr(pos_, longer.size()) == longer) op = longer;
    if (std::string_view("()[]{},:.|~+-*/%<>=!?").find(op[0]) == std::string_view::npos ||
        op == "!" || op == "?")
      return fail("unexpected character '" + std::string(1, src_[pos_]) + "' in tag", start);
    pos_ += op.size();
    push(TokenType::kOp, std::string(op), start);
    return true;
  }

  std::string_view src_;
  std::vector<Token>& out_;
  LexError& error_;
  size_t pos_ = 0;
  mutable size_t line_pos_ = 0, line_start_ = 0;
  mutable uint32_t line_ = 1;
};

}  // namespace

bool tokenize(std::string_view source, std::vector<Token>& tokens, LexError& error) {
  tokens.clear();
  return Lexer(source, tokens, error).run();
}

}  // namespace bengal::templates
