#include "bengal/markdown/heading_ids.hpp"

#include <vector>

#include "bengal/core/html.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {

namespace {

// The code point starting at text[i] and its length in bytes; an invalid byte is itself.
std::pair<uint32_t, size_t> code_point_at(std::string_view text, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = b(i);
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + len > text.size()) return {c, 1};
  uint32_t cp = len == 1 ? c : c & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return {c, 1};
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  return {cp, len};
}

// Python's `\s` outside ASCII: the no-break and typographic spaces.
bool is_unicode_space(uint32_t cp) {
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Python's `\w` outside ASCII, without a Unicode database: letters and digits of every script
// are word characters; combining marks, punctuation, symbols, arrows and emoji are not (so
// "🎯 Goals" gives "goals", as Bengal's id does).
bool is_unicode_word(uint32_t cp) {
  if (cp < 0xC0) {
    return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA ||
           (cp >= 0xBC && cp <= 0xBE);
  }
  struct Range {
    uint32_t first, last;
  };
  static constexpr Range kNotWord[] = {
      {0xD7, 0xD7},     {0xF7, 0xF7},     {0x300, 0x36F},   {0x2000, 0x206F},   {0x20A0, 0x20FF},
      {0x2190, 0x2BFF}, {0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020},   {0x3030, 0x3030},
      {0xFE00, 0xFE0F}, {0xFE10, 0xFE6F}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20},   {0xFF3B, 0xFF3E},
      {0xFF40, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF}, {0xE0000, 0xE01EF},
  };
  for (const Range& r : kNotWord)
    if (cp >= r.first && cp <= r.last) return false;
  return true;
}

constexpr size_t kBengalIdMaxChars = 100;

// Bengal's rule (spec/bengal-sites.md section 2): lowercase; drop what is not a word character,
// a space or '-'; runs of spaces and '-' become one '-'; no '-' at either end; at most 100
// characters.
std::string bengal_slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t chars = 0;
  bool dash = false;  // a run of spaces or '-' waits for the next word character
  for (size_t i = 0; i < text.size() && chars < kBengalIdMaxChars;) {
    auto [cp, len] = code_point_at(text, i);
    bool word = cp < 0x80 ? ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ||
                                (cp >= '0' && cp <= '9') || cp == '_'
                          : is_unicode_word(cp);
    if (!word) {
      bool space = cp == ' ' || cp == '-' || (cp >= '\t' && cp <= '\r') || is_unicode_space(cp);
      dash = dash || space;
      i += len;
      continue;
    }
    if (dash && !out.empty()) {
      // A '-' as the last allowed character would be trimmed: the id ends here.
      if (chars + 1 >= kBengalIdMaxChars) break;
      out += '-';
      ++chars;
    }
    dash = false;
    // append_lower_char copies a character it does not lowercase one byte at a time.
    size_t end = i + len;
    append_lower_char(out, text, i);
    if (i < end) {
      out.append(text.substr(i, end - i));
      i = end;
    }
    ++chars;
  }
  return out;
}

// GitHub's rule: letters, digits, '-', '_' and all non-ASCII kept and lowercased, other
// characters removed, each space a '-'.
std::string github_slug(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c >= 0x80) {
      append_lower_char(out, text, i);
      continue;
    }
    if (c == ' ') out += '-';
    ++i;
  }
  return out;
}

}  // namespace

std::string heading_slug(std::string_view text, HeadingIdStyle style) {
  std::string out = style == HeadingIdStyle::kBengal ? bengal_slug(text) : github_slug(text);
  return out.empty() ? "section" : out;
}

std::string_view trim_blanks(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

namespace {

struct Attribute {
  char kind;  // '#' an id, '.' a class, '=' name=value
  std::string_view name;
  std::string_view value;
};

bool is_blank_char(char c) {
  return c == ' ' || c == '\t';
}

bool is_attribute_name_char(char c, bool first) {
  bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  return letter || (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
}

// The attributes inside a block ("#id .a key=v"), in order; false when it holds anything else.
bool parse_attributes(std::string_view inner, std::vector<Attribute>& out) {
  size_t i = !inner.empty() && inner[0] == ':' ? 1 : 0;  // attr_list's "{: …}"
  for (;;) {
    while (i < inner.size() && is_blank_char(inner[i])) ++i;
    if (i == inner.size()) return !out.empty();
    char c = inner[i];
    size_t end = i;
    if (c == '#' || c == '.') {
      while (end < inner.size() && !is_blank_char(inner[end])) ++end;
      std::string_view value = inner.substr(i + 1, end - i - 1);
      if (value.empty() || value.find_first_of("{}\"'<>") != std::string_view::npos) return false;
      out.push_back({c, {}, value});
      i = end;
      continue;
    }
    while (end < inner.size() && is_attribute_name_char(inner[end], end == i)) ++end;
    if (end == i || end >= inner.size() || inner[end] != '=') return false;
    std::string_view name = inner.substr(i, end - i);
    size_t v = end + 1;
    if (v < inner.size() && (inner[v] == '"' || inner[v] == '\'')) {
      size_t close = inner.find(inner[v], v + 1);
      if (close == std::string_view::npos) return false;
      out.push_back({'=', name, inner.substr(v + 1, close - v - 1)});
      i = close + 1;
      if (i < inner.size() && !is_blank_char(inner[i])) return false;
      continue;
    }
    end = v;
    while (end < inner.size() && !is_blank_char(inner[end])) ++end;
    std::string_view value = inner.substr(v, end - v);
    if (value.empty() || value.find_first_of("{}\"'<>=`") != std::string_view::npos) return false;
    out.push_back({'=', name, value});
    i = end;
  }
}

}  // namespace

CustomId split_custom_id(std::string_view text) {
  size_t end = text.size();
  while (end > 0 && is_blank_char(text[end - 1])) --end;
  if (end < 3 || text[end - 1] != '}') return {text.size(), {}, {}};
  size_t open = text.rfind('{', end - 1);
  if (open == std::string_view::npos) return {text.size(), {}, {}};
  std::string_view inner = text.substr(open + 1, end - 1 - open - 1);
  std::vector<Attribute> attributes;
  if (!parse_attributes(inner, attributes)) return {text.size(), {}, {}};
  std::string_view id;
  for (const Attribute& a : attributes)
    if (a.kind == '#') id = a.value;
  size_t len = open;
  while (len > 0 && is_blank_char(text[len - 1])) --len;
  return {len, id, inner};
}

std::string attributes_html(std::string_view attributes, bool with_id) {
  std::vector<Attribute> parsed;
  if (!parse_attributes(attributes, parsed)) return {};
  std::string id, classes, others;
  if (with_id) {
    for (const Attribute& a : parsed)
      if (a.kind == '#') id = " id=\"" + html_escape(a.value) + "\"";
  }
  for (const Attribute& a : parsed) {
    if (a.kind == '.' || (a.kind == '=' && a.name == "class")) {
      if (!classes.empty()) classes += ' ';
      classes += html_escape(a.value);
      continue;
    }
    bool handler = a.name.size() >= 2 && (a.name[0] == 'o' || a.name[0] == 'O') &&
                   (a.name[1] == 'n' || a.name[1] == 'N');
    if (a.kind != '=' || handler || a.name == "id") continue;
    others += ' ';
    others += a.name;
    others += "=\"";
    others += html_escape(a.value);
    others += '"';
  }
  return id + (classes.empty() ? others : " class=\"" + classes + "\"" + others);
}

std::string HeadingIds::assign(std::string_view text, std::string_view custom_id) {
  std::string base = custom_id.empty() ? heading_slug(text, style_) : std::string(custom_id);
  auto [it, inserted] = used_.try_emplace(base, 0);
  if (inserted) return base;
  // The counter of `base` remembers the last suffix tried, so a page with many equal headings
  // stays linear. "a-1" may itself be a heading's own id; such candidates are skipped.
  int& counter = it->second;
  for (;;) {
    std::string candidate = base + "-" + std::to_string(++counter);
    if (used_.try_emplace(candidate, 0).second) return candidate;
  }
}

}  // namespace bengal::markdown
