// A port of commonmark-spec's test/normalize.py, which feeds the HTML to Python's HTMLParser
// (convert_charrefs=False) and rebuilds it. The parser's corner cases (bogus comments, CDATA
// content of script and style) are followed as far as the spec examples need.
#include "html_normalize.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "bengal/markdown/entities.hpp"

namespace bengal::markdown {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Python's str whitespace (what normalize.py's \s+ and strip() match) at s[i]: its length in
// bytes, 0 when there is none. Beyond ASCII: U+001C-001F, U+0085, U+00A0, U+1680,
// U+2000-200A, U+2028, U+2029, U+202F, U+205F, U+3000.
size_t space_at(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  unsigned char c = byte(0);
  if (is_space(static_cast<char>(c)) || (c >= 0x1C && c <= 0x1F)) return 1;
  if (c == 0xC2 && (byte(1) == 0x85 || byte(1) == 0xA0)) return 2;
  if (c == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) return 3;
  if (c == 0xE2 && byte(1) == 0x80 &&
      (byte(2) <= 0x8A || byte(2) == 0xA8 || byte(2) == 0xA9 || byte(2) == 0xAF) && byte(2) >= 0x80)
    return 3;
  if (c == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;
  if (c == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;
  return 0;
}

// Length of the whitespace that ends s[0, end), one character: 0 when there is none.
size_t space_before(std::string_view s, size_t end) {
  for (size_t n = 1; n <= 3 && n <= end; ++n)
    if (space_at(s, end - n) == n) return n;
  return 0;
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool starts_with_ci(std::string_view s, size_t at, std::string_view prefix) {
  if (s.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[at + i]) != prefix[i]) return false;
  return true;
}

bool is_block_tag(std::string_view tag) {
  static constexpr std::string_view kBlock[] = {
      "article", "header", "aside",    "hgroup", "blockquote", "hr",      "iframe", "body",  "li",
      "map",     "button", "object",   "canvas", "ol",         "output",  "dd",     "pre",   "dl",
      "dt",      "embed",  "fieldset", "footer", "form",       "h1",      "h2",     "h3",    "h4",
      "h5",      "h6",     "noscript", "p",      "script",     "section", "table",  "tbody", "td",
      "tfoot",   "th",     "thead",    "tr",     "ul",         "video"};
  return std::find(std::begin(kBlock), std::end(kBlock), tag) != std::end(kBlock);
}

void rstrip(std::string& s) {
  while (size_t n = space_before(s, s.size())) s.resize(s.size() - n);
}

// A character reference at text[i] ('&'): its decoded text and length, or nullopt when the
// parser would treat the '&' as data. Names and numbers must end with ';' here; Python also
// takes some without, which the spec examples never need.
struct Reference {
  std::string text;
  size_t length;
};
std::optional<Reference> read_reference(std::string_view text, size_t i) {
  size_t end = text.find(';', i);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view body = text.substr(i + 1, end - i - 1);
  if (body.empty()) return std::nullopt;
  if (body[0] == '#') {
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8) return std::nullopt;
    for (char c : digits)
      if (hex ? !is_hex(c) : !is_digit(c)) return std::nullopt;
  } else {
    if (!is_alpha(body[0])) return std::nullopt;
    for (char c : body)
      if (!is_alpha(c) && !is_digit(c) && c != '-' && c != '.') return std::nullopt;
  }
  Reference ref{{}, end - i + 1};
  append_entity(ref.text, text.substr(i, ref.length));
  return ref;
}

// html.unescape of an attribute value.
std::string unescape(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size();) {
    if (value[i] == '&') {
      if (auto ref = read_reference(value, i)) {
        out += ref->text;
        i += ref->length;
        continue;
      }
    }
    out += value[i++];
  }
  return out;
}

// html.escape(value, quote=True).
void append_escaped(std::string& out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#x27;";
        break;
      default:
        out += c;
    }
  }
}

class Normalizer {
 public:
  std::string run(std::string_view html) {
    html_ = html;
    while (pos_ < html_.size()) {
      if (!cdata_tag_.empty()) {
        raw_text();
      } else if (html_[pos_] == '<') {
        markup();
      } else if (html_[pos_] == '&') {
        reference();
      } else {
        size_t end = html_.find_first_of("<&", pos_);
        if (end == std::string_view::npos) end = html_.size();
        data(html_.substr(pos_, end - pos_));
        pos_ = end;
      }
    }
    return std::move(out_);
  }

 private:
  enum class Last { kStartTag, kEndTag, kData, kOther };

  void data(std::string_view text) {
    std::string d(text);
    bool after_tag = last_ == Last::kEndTag || last_ == Last::kStartTag;
    bool after_block_tag = after_tag && is_block_tag(last_tag_);
    if (after_tag && last_tag_ == "br") d.erase(0, d.find_first_not_of('\n'));
    if (!in_pre_) {
      std::string collapsed;
      for (size_t i = 0; i < d.size();) {
        size_t n = space_at(d, i);
        if (n == 0) {
          collapsed += d[i++];
          continue;
        }
        collapsed += ' ';
        while ((n = space_at(d, i)) != 0) i += n;
      }
      d = std::move(collapsed);
      if (after_block_tag) {
        if (!d.empty() && d.front() == ' ') d.erase(0, 1);
        if (last_ == Last::kEndTag && !d.empty() && d.back() == ' ') d.pop_back();
      }
    }
    out_ += d;
    last_ = Last::kData;
  }

  void reference() {
    auto ref = read_reference(html_, pos_);
    if (!ref) {
      data("&");
      ++pos_;
      return;
    }
    if (ref->text == "<") {
      out_ += "&lt;";
    } else if (ref->text == ">") {
      out_ += "&gt;";
    } else if (ref->text == "&") {
      out_ += "&amp;";
    } else if (ref->text == "\"") {
      out_ += "&quot;";
    } else {
      out_ += ref->text;
    }
    pos_ += ref->length;
    last_ = Last::kOther;
  }

  // Content of <script> or <style>: data up to the matching end tag, references untouched.
  // Without an end tag HTMLParser never reports it.
  void raw_text() {
    size_t end = pos_;
    while (end < html_.size() &&
           !(html_[end] == '<' && end + 1 < html_.size() && html_[end + 1] == '/' &&
             starts_with_ci(html_, end + 2, cdata_tag_)))
      ++end;
    if (end < html_.size() && end > pos_) data(html_.substr(pos_, end - pos_));
    pos_ = end;
    cdata_tag_.clear();
  }

  // Appends html_[pos_, end) verbatim and moves past `skip` more characters.
  void verbatim(size_t end, size_t skip) {
    out_.append(html_, pos_, end - pos_);
    pos_ = end + skip;
  }

  void markup() {
    std::string_view rest = html_.substr(pos_);
    if (rest.find('>') == std::string_view::npos) {
      // normalize.py cuts the input into "<...>" and "[^<]+" chunks: a '<' without a '>'
      // after it is in neither and vanishes.
      ++pos_;
    } else if (rest.starts_with("<![CDATA[")) {
      // normalize.py passes CDATA chunks through without the parser.
      size_t end = html_.find("]]>", pos_);
      verbatim(end == std::string_view::npos ? html_.size() : end + 3, 0);
    } else if (rest.starts_with("<!--")) {
      size_t end = html_.find("-->", pos_ + 4);
      if (end == std::string_view::npos) return rest_as_data();
      verbatim(end + 3, 0);
      last_ = Last::kOther;
    } else if (rest.starts_with("<!") || rest.starts_with("<?")) {
      size_t end = html_.find('>', pos_);
      if (end == std::string_view::npos) return rest_as_data();
      bool declaration = rest.starts_with("<?") || starts_with_ci(html_, pos_ + 2, "doctype") ||
                         rest.starts_with("<![");
      if (declaration) {
        verbatim(end + 1, 0);
      } else {  // HTMLParser's bogus comment: "<!x>" is reported as the comment "x"
        out_ += "<!--";
        out_.append(html_, pos_ + 2, end - pos_ - 2);
        out_ += "-->";
        pos_ = end + 1;
      }
      last_ = Last::kOther;
    } else if (rest.starts_with("</") && rest.size() > 2 && is_alpha(rest[2])) {
      end_tag();
    } else if (rest.size() > 1 && is_alpha(rest[1])) {
      start_tag();
    } else {
      data("<");
      ++pos_;
    }
  }

  void rest_as_data() {
    data(html_.substr(pos_));
    pos_ = html_.size();
  }

  std::string_view tag_name(size_t from) const {
    size_t end = from;
    while (end < html_.size() && !is_space(html_[end]) && html_[end] != '/' && html_[end] != '>')
      ++end;
    return html_.substr(from, end - from);
  }

  void end_tag() {
    size_t close = html_.find('>', pos_);
    if (close == std::string_view::npos) return rest_as_data();
    std::string tag = lowered(tag_name(pos_ + 2));
    if (tag == "pre") {
      in_pre_ = false;
    } else if (is_block_tag(tag)) {
      rstrip(out_);
    }
    out_ += "</" + tag + ">";
    last_tag_ = std::move(tag);
    last_ = Last::kEndTag;
    pos_ = close + 1;
  }

  void start_tag() {
    std::string tag = lowered(tag_name(pos_ + 1));
    size_t i = pos_ + 1 + tag.size();
    std::vector<std::pair<std::string, std::optional<std::string>>> attributes;
    bool self_closing = false;
    for (;;) {
      while (i < html_.size() && (is_space(html_[i]) || html_[i] == '/')) {
        if (html_[i] == '/' && i + 1 < html_.size() && html_[i + 1] == '>') break;
        ++i;
      }
      if (i >= html_.size()) return rest_as_data();
      if (html_[i] == '>') break;
      if (html_[i] == '/') {  // "/>"
        self_closing = true;
        ++i;
        break;
      }
      size_t name_start = i;
      while (i < html_.size() && !is_space(html_[i]) && html_[i] != '/' && html_[i] != '>' &&
             (html_[i] != '=' || i == name_start))
        ++i;
      std::string name = lowered(html_.substr(name_start, i - name_start));
      size_t after_name = i;
      while (i < html_.size() && is_space(html_[i])) ++i;
      if (i < html_.size() && html_[i] == '=') {
        while (i < html_.size() && html_[i] == '=') ++i;
        while (i < html_.size() && is_space(html_[i])) ++i;
        size_t value_start = i;
        if (i < html_.size() && (html_[i] == '"' || html_[i] == '\'')) {
          size_t close = html_.find(html_[i], i + 1);
          if (close == std::string_view::npos) return rest_as_data();
          value_start = i + 1;
          i = close + 1;
          attributes.emplace_back(name, unescape(html_.substr(value_start, close - value_start)));
        } else {
          while (i < html_.size() && !is_space(html_[i]) && html_[i] != '>') ++i;
          attributes.emplace_back(name, unescape(html_.substr(value_start, i - value_start)));
        }
      } else {
        i = after_name;
        attributes.emplace_back(name, std::nullopt);
      }
    }
    pos_ = i + 1;

    if (tag == "pre") in_pre_ = true;
    if (is_block_tag(tag)) rstrip(out_);
    out_ += '<';
    out_ += tag;
    std::sort(attributes.begin(), attributes.end());
    for (const auto& [name, value] : attributes) {
      out_ += ' ';
      out_ += name;
      if (value) {
        out_ += "=\"";
        append_escaped(out_, *value);
        out_ += '"';
      }
    }
    out_ += '>';
    last_ = self_closing ? Last::kEndTag : Last::kStartTag;
    if (!self_closing && (tag == "script" || tag == "style")) cdata_tag_ = tag;
    last_tag_ = std::move(tag);
  }

  std::string_view html_;
  size_t pos_ = 0;
  std::string out_;
  Last last_ = Last::kStartTag;
  std::string last_tag_;
  std::string cdata_tag_;
  bool in_pre_ = false;
};

}  // namespace

std::string normalize_html(std::string_view html) {
  return Normalizer().run(html);
}

}  // namespace bengal::markdown
