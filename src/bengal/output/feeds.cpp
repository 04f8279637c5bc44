#include "bengal/output/feeds.hpp"

#include <algorithm>

#include "bengal/output/sitemap.hpp"

namespace bengal::output {
namespace {

void element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text) {
  out += indent;
  out += '<';
  out += name;
  out += '>';
  append_xml_escaped(out, text);
  out += "</";
  out += name;
  out += ">\n";
}

// The newest update among the items: what a feed reports as its own date.
std::optional<Date> newest(const std::vector<FeedItem>& items) {
  std::optional<Date> best;
  for (const auto& item : items)
    if (!best || best->epoch_seconds < item.updated.epoch_seconds) best = item.updated;
  return best;
}

}  // namespace

std::string rfc822(const Date& date) {
  return date.format("%a, %d %b %Y %H:%M:%S %z");
}

std::string build_rss(const FeedInfo& info, const std::vector<FeedItem>& items) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\"";
  // Full bodies go in content:encoded (the RSS content module), as feed readers expect.
  bool full = std::any_of(items.begin(), items.end(),
                          [](const FeedItem& item) { return !item.content.empty(); });
  if (full) xml += " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"";
  xml += ">\n  <channel>\n";
  element(xml, "    ", "title", info.title);
  element(xml, "    ", "link", info.link);
  element(xml, "    ", "description", info.description.empty() ? info.title : info.description);
  if (!info.language.empty()) element(xml, "    ", "language", info.language);
  if (auto last = newest(items)) element(xml, "    ", "lastBuildDate", rfc822(*last));
  xml += "    <atom:link href=\"";
  append_xml_escaped(xml, info.self);
  xml += "\" rel=\"self\" type=\"application/rss+xml\"/>\n";
  for (const auto& item : items) {
    xml += "    <item>\n";
    element(xml, "      ", "title", item.title);
    element(xml, "      ", "link", item.link);
    xml += "      <guid isPermaLink=\"true\">";
    append_xml_escaped(xml, item.link);
    xml += "</guid>\n";
    element(xml, "      ", "pubDate", rfc822(item.date));
    element(xml, "      ", "description", item.summary);
    if (!item.content.empty()) element(xml, "      ", "content:encoded", item.content);
    xml += "    </item>\n";
  }
  xml += "  </channel>\n</rss>\n";
  return xml;
}

std::string build_atom(const FeedInfo& info, const std::vector<FeedItem>& items) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\"";
  if (!info.language.empty()) {
    xml += " xml:lang=\"";
    append_xml_escaped(xml, info.language);
    xml += '"';
  }
  xml += ">\n";
  element(xml, "  ", "title", info.title);
  if (!info.description.empty()) element(xml, "  ", "subtitle", info.description);
  xml += "  <link href=\"";
  append_xml_escaped(xml, info.link);
  xml += "\"/>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"";
  append_xml_escaped(xml, info.self);
  xml += "\"/>\n";
  element(xml, "  ", "id", info.self);
  // Atom requires <updated>; with no dated items the epoch keeps the output reproducible.
  element(xml, "  ", "updated", newest(items).value_or(Date{}).to_rfc3339());
  xml += "  <author>\n";
  element(xml, "    ", "name", info.author.empty() ? info.title : info.author);
  xml += "  </author>\n";
  for (const auto& item : items) {
    xml += "  <entry>\n";
    element(xml, "    ", "title", item.title);
    xml += "    <link href=\"";
    append_xml_escaped(xml, item.link);
    xml += "\"/>\n";
    element(xml, "    ", "id", item.link);
    element(xml, "    ", "published", item.date.to_rfc3339());
    element(xml, "    ", "updated", item.updated.to_rfc3339());
    element(xml, "    ", "summary", item.summary);
    if (!item.content.empty()) {
      xml += "    <content type=\"html\">";
      append_xml_escaped(xml, item.content);
      xml += "</content>\n";
    }
    xml += "  </entry>\n";
  }
  xml += "</feed>\n";
  return xml;
}

}  // namespace bengal::output
