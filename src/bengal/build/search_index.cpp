#include "bengal/build/search_index.hpp"

#include "bengal/core/json_text.hpp"

namespace bengal::build {

void append_search_entry(std::string& json, const site::Site& site, site::PageId id,
                         const std::string* text) {
  const auto& m = site.page(id);
  json += "{\"url\":";
  append_json_string(json, site.rel_url(id));
  json += ",\"title\":";
  append_json_string(json, site.str(m.title));
  json += ",\"description\":";
  append_json_string(json, site.str(m.description));
  json += ",\"summary\":";
  append_json_string(json, site.str(m.summary));
  json += ",\"tags\":[";
  bool first = true;
  for (StrId t : site.table.list(m.tags)) {
    if (!first) json += ',';
    first = false;
    append_json_string(json, site.str(t));
  }
  json += "],\"section\":";
  append_json_string(json, m.section == content::kNoPage ? std::string_view()
                                                         : site.str(site.page(m.section).title));
  json += ",\"date\":";
  if (m.has_date) {
    append_json_string(json, m.date.to_rfc3339());
  } else {
    json += "null";
  }
  json += ",\"word_count\":" + std::to_string(m.word_count) + ",\"kind\":";
  append_json_string(json, m.kind == content::PageKind::kPage      ? "page"
                           : m.kind == content::PageKind::kSection ? "section"
                                                                   : "home");
  if (text != nullptr) {
    json += ",\"text\":";
    append_json_string(json, *text);
  }
  json += "}";
}

std::string plain_text(std::string_view html) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"},   {"&lt;", "<"},   {"&gt;", ">"},
      {"&quot;", "\""}, {"&#x27;", "'"}, {"&#39;", "'"}};
  std::string out;
  bool space = false, in_tag = false;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (in_tag) {
      if (c == '>') {
        in_tag = false;
        space = true;  // a tag separates words ("<p>a</p><p>b</p>" is "a b")
      }
      continue;
    }
    if (c == '<') {
      in_tag = true;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    bool decoded = false;
    if (c == '&') {
      for (auto [from, to] : kEntities) {
        if (html.substr(i, from.size()) == from) {
          out += to;
          i += from.size() - 1;
          decoded = true;
          break;
        }
      }
    }
    if (!decoded) out += c;
  }
  return out;
}

}  // namespace bengal::build
