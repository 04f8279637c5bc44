#include "bengal/pipeline/search_index.hpp"

#include "bengal/core/json_text.hpp"

namespace bengal::pipeline {

void append_search_entry(std::string& json, const site::Site& site, PageId id,
                         const std::string* text, ColdReader& cold) {
  const auto& m = site.page(id);
  json += "{\"url\":";
  append_json_string(json, site.rel_url(id));
  json += ",\"title\":";
  append_json_string(json, site.str(m.title));
  // Cold text is copied, not read through the map: the index reads every page's, and the
  // mapped file would stay resident whole (core/string_pool.hpp).
  json += ",\"description\":";
  append_json_string(json, cold.get(m.description));
  json += ",\"summary\":";
  append_json_string(json, cold.get(m.summary));
  json += ",\"tags\":[";
  bool first = true;
  for (StrId t : site.table.list(m.tags)) {
    if (!first) json += ',';
    first = false;
    append_json_string(json, site.str(t));
  }
  json += "],\"section\":";
  append_json_string(
      json, m.section == kNoPage ? std::string_view() : site.str(site.page(m.section).title));
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

SearchSpill::SearchSpill(const output::OutputWriter& writer, size_t pages)
    : file_(writer.root(), "bengal-search-spill"), where_(pages, {0, UINT32_MAX}) {}

void SearchSpill::add(PageId id, std::string_view entry) {
  where_[id] = {file_.append(entry), static_cast<uint32_t>(entry.size())};
}

bool SearchSpill::read(PageId id, std::string& out) const {
  auto [offset, size] = where_[id];
  if (size == UINT32_MAX) return false;
  out.clear();
  file_.read(offset, size, out);
  return true;
}

void write_search_index(const site::Site& site, output::OutputWriter& writer,
                        const SearchSpill* spill) {
  output::StreamingFile file(writer, "index.json");
  std::string json = "[", entry;
  bool first = true;
  ColdReader cold(site.table.strings);
  for (PageId id : site.rendered()) {
    entry.clear();
    if (spill ? !spill->read(id, entry) : false) continue;
    if (!spill) append_search_entry(entry, site, id, nullptr, cold);
    json += first ? "\n" : ",\n";
    first = false;
    json += entry;
    if (json.size() > (1 << 20)) {
      file.append(json);
      json.clear();
    }
  }
  json += "\n]\n";
  file.append(json);
  file.commit();
}

}  // namespace bengal::pipeline
