#include "bengal/output/sitemap.hpp"

#include <algorithm>

namespace bengal::output {
namespace {

constexpr std::string_view kXmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string urlset(const std::vector<SitemapEntry>& entries, size_t begin, size_t end) {
  std::string xml(kXmlHeader);
  xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t i = begin; i < end; ++i) {
    xml += "  <url>\n    <loc>";
    append_xml_escaped(xml, entries[i].loc);
    xml += "</loc>\n";
    if (entries[i].lastmod) {
      xml += "    <lastmod>";
      xml += entries[i].lastmod->has_time ? entries[i].lastmod->to_rfc3339()
                                          : entries[i].lastmod->to_iso_date();
      xml += "</lastmod>\n";
    }
    xml += "  </url>\n";
  }
  xml += "</urlset>\n";
  return xml;
}

}  // namespace

void append_xml_escaped(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    auto byte = static_cast<unsigned char>(c);
    // XML 1.0 has no way to write most C0 controls, U+FFFE or U+FFFF, even as references: a
    // title holding one would make the whole feed unreadable, so they are left out.
    if (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (byte == 0xEF && text.substr(i + 1, 2).size() == 2 && text[i + 1] == '\xBF' &&
        (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      i += 2;
      continue;
    }
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
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
}

std::vector<SitemapFile> build_sitemaps(const std::vector<SitemapEntry>& entries,
                                        std::string_view baseurl, size_t max_urls) {
  if (entries.size() <= max_urls) return {{"sitemap.xml", urlset(entries, 0, entries.size())}};
  std::vector<SitemapFile> files;
  std::string index(kXmlHeader);
  index += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t begin = 0, n = 1; begin < entries.size(); begin += max_urls, ++n) {
    size_t end = std::min(entries.size(), begin + max_urls);
    std::string path = "sitemap-" + std::to_string(n) + ".xml";
    index += "  <sitemap>\n    <loc>";
    append_xml_escaped(index, std::string(baseurl) + "/" + path);
    index += "</loc>\n  </sitemap>\n";
    files.push_back({path, urlset(entries, begin, end)});
  }
  index += "</sitemapindex>\n";
  files.insert(files.begin(), {"sitemap.xml", std::move(index)});
  return files;
}

}  // namespace bengal::output
