#include "bengal/markdown/html_escaping.hpp"

#include "bengal/core/html.hpp"

namespace bengal::markdown {
namespace {

// cmark's houdini href table: alphanumerics and these marks are written as they are.
constexpr bool is_url_safe(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  for (char s : std::string_view("-_.+!*(),%#@?=;:/$~"))
    if (c == static_cast<unsigned char>(s)) return true;
  return false;
}

// cmark's href escape: '&' and '\'' become entities, every other unsafe byte (spaces, quotes,
// non-ASCII) %XX. '%' is safe, so an existing %XX is kept.
constexpr EscapeTable url_escapes() {
  constexpr char kHex[] = "0123456789ABCDEF";
  EscapeTable table;
  for (int c = 0; c < 256; ++c) {
    auto byte = static_cast<unsigned char>(c);
    if (is_url_safe(byte)) continue;
    const char percent[] = {'%', kHex[byte >> 4], kHex[byte & 15]};
    table.set(byte, std::string_view(percent, 3));
  }
  table.set('&', "&amp;");
  table.set('\'', "&#x27;");
  return table;
}
constinit const EscapeTable kUrlEscapes = url_escapes();

char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_filtered_tag(std::string_view html, size_t lt) {
  static constexpr std::string_view kTags[] = {
      "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"};
  size_t p = lt + 1;
  if (p < html.size() && html[p] == '/') ++p;
  for (std::string_view tag : kTags) {
    if (html.size() - p < tag.size()) continue;
    bool same = true;
    for (size_t i = 0; i < tag.size() && same; ++i) same = lower_ascii(html[p + i]) == tag[i];
    if (!same) continue;
    size_t after = p + tag.size();
    if (after == html.size()) return true;
    char c = html[after];
    if (c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        (c == '/' && after + 1 < html.size() && html[after + 1] == '>'))
      return true;
  }
  return false;
}

}  // namespace

void append_url_escaped(std::string& out, std::string_view url) {
  append_escaped(out, url, kUrlEscapes);
}

void append_tag_filtered(std::string& out, std::string_view html) {
  size_t start = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (!is_filtered_tag(html, i)) continue;
    out.append(html, start, i - start);
    out += "&lt;";
    start = i + 1;
  }
  out.append(html, start, html.size() - start);
}

}  // namespace bengal::markdown
