#include "bengal/output/sitemap.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace bengal::output {
namespace {

constexpr std::string_view kXmlHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// The <url> element of `e`.
void append_url(std::string& xml, const SitemapEntry& e) {
  xml += "  <url>\n    <loc>";
  append_xml_escaped(xml, e.loc);
  xml += "</loc>\n";
  if (e.lastmod) {
    xml += "    <lastmod>";
    xml += e.lastmod->has_time ? e.lastmod->to_rfc3339() : e.lastmod->to_iso_date();
    xml += "</lastmod>\n";
  }
  for (const SitemapAlternate& a : e.alternates) {
    xml += "    <xhtml:link rel=\"alternate\" hreflang=\"";
    append_xml_escaped(xml, a.hreflang);
    xml += "\" href=\"";
    append_xml_escaped(xml, a.href);
    xml += "\"/>\n";
  }
  xml += "  </url>\n";
}

// One urlset file of entries [begin, end).
void stream_urlset(std::string_view path, size_t begin, size_t end,
                   const std::function<SitemapEntry(size_t)>& entry, const SitemapSink& sink,
                   size_t piece_bytes, bool alternates) {
  std::string xml(kXmlHeader);
  xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
  if (alternates) xml += " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"";
  xml += ">\n";
  for (size_t i = begin; i < end; ++i) {
    append_url(xml, entry(i));
    if (xml.size() >= piece_bytes) {
      sink(path, xml);
      xml.clear();
    }
  }
  xml += "</urlset>\n";
  sink(path, xml);
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

void stream_sitemaps(size_t count, const std::function<SitemapEntry(size_t)>& entry,
                     std::string_view baseurl, const SitemapSink& sink, size_t max_urls,
                     size_t piece_bytes, bool alternates) {
  if (count <= max_urls)
    return stream_urlset("sitemap.xml", 0, count, entry, sink, piece_bytes, alternates);
  // The index depends only on the count, so it goes first, as build_sitemaps lists it.
  std::string index(kXmlHeader);
  index += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t begin = 0, n = 1; begin < count; begin += max_urls, ++n) {
    index += "  <sitemap>\n    <loc>";
    append_xml_escaped(index, fmt::format("{}/sitemap-{}.xml", baseurl, n));
    index += "</loc>\n  </sitemap>\n";
  }
  index += "</sitemapindex>\n";
  sink("sitemap.xml", index);
  for (size_t begin = 0, n = 1; begin < count; begin += max_urls, ++n) {
    stream_urlset(fmt::format("sitemap-{}.xml", n), begin, std::min(count, begin + max_urls), entry,
                  sink, piece_bytes, alternates);
  }
}

std::vector<SitemapFile> build_sitemaps(const std::vector<SitemapEntry>& entries,
                                        std::string_view baseurl, size_t max_urls) {
  std::vector<SitemapFile> files;
  stream_sitemaps(
      entries.size(), [&](size_t i) { return entries[i]; }, baseurl,
      [&](std::string_view path, std::string_view bytes) {
        if (files.empty() || files.back().path != path) files.push_back({std::string(path), {}});
        files.back().xml += bytes;
      },
      max_urls);
  return files;
}

}  // namespace bengal::output
