// HTML, XML and Jinja (Jinja and Kida templates are HTML with {{ }}, {% %} and {# #} in text,
// between attributes and inside attribute values, as KSyntaxHighlighting's Django template
// definition sees them). A <script> or <style> body is handed to the JavaScript or CSS lexer.
#include <string>

#include "bengal/highlight/fast/chars.hpp"
#include "bengal/highlight/fast/languages.hpp"

namespace bengal::highlight::fast {

namespace {

using S = TokenStyle;

const WordTable& jinja_words() {
  static const WordTable words({
      {S::kKeyword,
       "and or not in is if elif else endif for endfor block endblock extends include import "
       "from as with without endwith macro endmacro call endcall set endset filter endfilter "
       "raw endraw autoescape endautoescape recursive ignore missing context scoped required "
       "def enddef let end match case unless slot yield export cache"},
      {S::kConstant, "true false none True False None"},
  });
  return words;
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_name_byte(char c) {
  return is_ident(c) || c == '-' || c == '.' || c == ':';
}

bool is_attribute_byte(char c) {
  return !is_space(c) && c != '\n' && c != '=' && c != '>' && c != '/' && c != '"' && c != '\'' &&
         c != '<';
}

class MarkupLexer {
 public:
  MarkupLexer(std::string_view s, TokenSink& out, bool html, bool jinja)
      : s_(s), out_(out), n_(s.size()), html_(html), jinja_(jinja) {}

  void run() {
    while (i_ < n_) {
      char c = s_[i_];
      if (c == '<') {
        markup();
      } else if (c == '&') {
        entity();
      } else if (c == '{' && jinja_construct()) {
        continue;
      } else {
        ++i_;
      }
    }
  }

 private:
  char peek(size_t i) const { return i < n_ ? s_[i] : '\0'; }
  bool at(size_t i, std::string_view what) const { return s_.substr(i, what.size()) == what; }

  // Everything from i_ up to and including `close` (or to the end) in one style.
  void until(std::string_view close, size_t from, S style) {
    size_t end = s_.find(close, from);
    end = end == std::string_view::npos ? n_ : end + close.size();
    out_.add_lines(i_, end, style);
    i_ = end;
  }

  void markup() {
    if (at(i_, "<!--")) return until("-->", i_ + 4, S::kComment);
    if (at(i_, "<![CDATA[")) return until("]]>", i_ + 9, S::kVerbatimString);
    if (at(i_, "<!")) return until(">", i_ + 2, S::kPreprocessor);
    if (at(i_, "<?")) return until("?>", i_ + 2, S::kPreprocessor);
    if (peek(i_ + 1) == '/' && is_ident_start(peek(i_ + 2))) {
      size_t end = skip_while(s_, i_ + 2, is_name_byte);
      end = skip_while(s_, end, is_space);
      if (peek(end) == '>') ++end;
      out_.add(i_, end, S::kTag);
      i_ = end;
      return;
    }
    if (!is_ident_start(peek(i_ + 1))) {
      ++i_;
      return;
    }
    size_t name_end = skip_while(s_, i_ + 1, is_name_byte);
    std::string_view name = s_.substr(i_ + 1, name_end - i_ - 1);
    out_.add(i_, name_end, S::kTag);
    i_ = name_end;
    if (!attributes()) return;
    if (html_) embedded_body(name);
  }

  // Attributes up to the tag's '>' (true) or '/>' or the end (false).
  bool attributes() {
    bool after_equals = false;
    while (i_ < n_) {
      char c = s_[i_];
      if (is_space(c) || c == '\n') {
        i_ = skip_while(s_, i_, [](char ch) { return is_space(ch) || ch == '\n'; });
      } else if (c == '>') {
        out_.add(i_, i_ + 1, S::kTag);
        ++i_;
        return true;
      } else if (c == '/' && peek(i_ + 1) == '>') {
        out_.add(i_, i_ + 2, S::kTag);
        i_ += 2;
        return false;
      } else if (c == '<') {
        return false;  // an unclosed tag: the text goes on
      } else if (c == '{' && jinja_construct()) {
        after_equals = false;
      } else if (c == '=') {
        ++i_;
        after_equals = true;
      } else if (c == '"' || c == '\'') {
        quoted_value(c);
        after_equals = false;
      } else if (after_equals) {
        size_t end = skip_while(s_, i_, [](char ch) { return is_attribute_byte(ch) || ch == '/'; });
        out_.add(i_, end, S::kString);
        i_ = end;
        after_equals = false;
      } else if (is_attribute_byte(c)) {
        size_t end = skip_while(s_, i_, is_attribute_byte);
        out_.add(i_, end, S::kAttribute);
        i_ = end;
      } else {
        ++i_;
      }
    }
    return false;
  }

  // "value" with Jinja constructs inside; may span lines.
  void quoted_value(char quote) {
    size_t seg = i_;
    size_t j = i_ + 1;
    while (j < n_ && s_[j] != quote) {
      char next = peek(j + 1);
      if (jinja_ && s_[j] == '{' && (next == '{' || next == '%' || next == '#')) {
        out_.add_lines(seg, j, S::kString);  // tokens go out in order: the text before first
        i_ = j;
        jinja_construct();
        seg = j = i_;
        continue;
      }
      ++j;
    }
    if (j < n_) ++j;
    out_.add_lines(seg, j, S::kString);
    i_ = j;
  }

  // After <script ...> or <style ...>: the body up to the closing tag, in its language.
  void embedded_body(std::string_view name) {
    std::string lowered;
    for (char c : name) lowered += lower(c);
    LexFn lex = lowered == "script" ? lex_javascript : lowered == "style" ? lex_css : nullptr;
    if (lex == nullptr) return;
    size_t body = i_;
    size_t end = body;
    for (;; end += 2) {
      end = s_.find("</", end);
      if (end == std::string_view::npos) {
        end = n_;
        break;
      }
      size_t k = 0;
      while (k < lowered.size() && end + 2 + k < n_ && lower(s_[end + 2 + k]) == lowered[k]) ++k;
      if (k == lowered.size()) break;
    }
    TokenSink sub = out_.at(body);
    lex(s_.substr(body, end - body), sub);
    i_ = end;
  }

  // &amp; &#169; &#x1F600;
  void entity() {
    size_t end =
        skip_while(s_, i_ + 1, [](char c) { return is_alpha(c) || is_digit(c) || c == '#'; });
    if (end < n_ && s_[end] == ';' && end > i_ + 1 && end - i_ <= 32) {
      out_.add(i_, end + 1, S::kSpecialChar);
      i_ = end + 1;
    } else {
      ++i_;
    }
  }

  // {{ expr }}, {% statement %}, {# comment #} at i_ (true, i_ past it); false when i_ is a
  // plain '{'. An unclosed construct runs to the end of the block.
  bool jinja_construct() {
    if (!jinja_) return false;
    char kind = peek(i_ + 1);
    if (kind == '#') {
      until("#}", i_ + 2, S::kComment);
      return true;
    }
    if (kind != '{' && kind != '%') return false;
    char close_first = kind == '{' ? '}' : '%';
    size_t open_end = i_ + 2;
    if (peek(open_end) == '-' || peek(open_end) == '+') ++open_end;
    out_.add(i_, open_end, S::kPreprocessor);
    i_ = open_end;
    bool first_word = kind == '%';
    bool filter_next = false;
    while (i_ < n_) {
      char c = s_[i_];
      size_t close = (c == '-' || c == '+') && peek(i_ + 1) == close_first ? i_ + 1 : i_;
      if (s_[close] == close_first && peek(close + 1) == '}') {
        out_.add(i_, close + 2, S::kPreprocessor);
        i_ = close + 2;
        return true;
      }
      if (is_space(c) || c == '\n') {
        ++i_;
      } else if (c == '"' || c == '\'') {
        string_literal();
      } else if (is_digit(c)) {
        bool is_float = false;
        bool is_base_n = false;
        size_t end = scan_number(s_, i_, is_float, is_base_n);
        out_.add(i_, end, is_float ? S::kFloat : S::kDecVal);
        i_ = end;
      } else if (is_ident_start(c)) {
        size_t end = skip_while(s_, i_, is_ident);
        std::string_view w = s_.substr(i_, end - i_);
        S style = S::kVariable;
        if (first_word) {
          style = S::kKeyword;
        } else if (filter_next || peek(end) == '(') {
          style = S::kFunction;
        } else if (const WordInfo* info = jinja_words().find(w)) {
          style = info->style;
        }
        out_.add(i_, end, style);
        i_ = end;
        first_word = false;
        filter_next = false;
      } else {
        if (c == '|') filter_next = true;
        bool op = std::string_view("+-*/%=<>!~|").find(c) != std::string_view::npos;
        out_.add(i_, i_ + 1, op ? S::kOperator : S::kNormal);
        i_ = next_char(s_, i_);
      }
    }
    return true;
  }

  void string_literal() {
    size_t end = quoted_end(s_, i_, true);
    out_.add(i_, end, S::kString);
    i_ = end;
  }

  std::string_view s_;
  TokenSink& out_;
  size_t n_;
  size_t i_ = 0;
  bool html_;
  bool jinja_;
};

}  // namespace

void lex_html(std::string_view code, TokenSink& out) {
  MarkupLexer(code, out, true, false).run();
}
void lex_xml(std::string_view code, TokenSink& out) {
  MarkupLexer(code, out, false, false).run();
}
void lex_jinja(std::string_view code, TokenSink& out) {
  MarkupLexer(code, out, true, true).run();
}

}  // namespace bengal::highlight::fast
