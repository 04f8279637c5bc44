#include "bengal/output/site_files.hpp"

#include "bengal/core/html.hpp"

namespace bengal::output {
namespace {

// Markdown link text and descriptions must stay on one line.
std::string one_line(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

}  // namespace

std::string build_robots_txt(const std::vector<std::string>& sitemap_urls) {
  std::string out = "User-agent: *\nAllow: /\n\n";
  for (const std::string& url : sitemap_urls) out += "Sitemap: " + url + "\n";
  return out;
}

std::string build_alias_page(std::string_view target, std::string_view language) {
  std::string url = html_escape(target);
  return "<!DOCTYPE html>\n<html lang=\"" + html_escape(language) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + url +
         "</title>\n<link rel=\"canonical\" href=\"" + url +
         "\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" "
         "content=\"0; url=" +
         url + "\">\n</head>\n<body>\n<p>This page has moved to <a href=\"" + url + "\">" + url +
         "</a>.</p>\n</body>\n</html>\n";
}

void append_llms_header(std::string& out, std::string_view title, std::string_view description) {
  out += "# ";
  out += one_line(title);
  out += "\n";
  if (description.empty()) return;
  out += "\n> ";
  out += one_line(description);
  out += "\n";
}

void append_llms_heading(std::string& out, std::string_view section_title) {
  out += "\n## ";
  out += one_line(section_title);
  out += "\n\n";
}

void append_llms_link(std::string& out, std::string_view title, std::string_view url,
                      std::string_view description) {
  out += "- [";
  out += one_line(title);
  out += "](";
  out += url;
  out += ")";
  if (!description.empty()) {
    out += ": ";
    out += one_line(description);
  }
  out += "\n";
}

std::string build_llms_txt(std::string_view title, std::string_view description,
                           const std::vector<LlmsSection>& sections) {
  std::string out;
  append_llms_header(out, title, description);
  for (const auto& section : sections) {
    if (section.links.empty()) continue;
    append_llms_heading(out, section.title);
    for (const auto& link : section.links)
      append_llms_link(out, link.title, link.url, link.description);
  }
  return out;
}

}  // namespace bengal::output
