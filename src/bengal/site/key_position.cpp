#include "bengal/site/key_position.hpp"

#include <fstream>
#include <sstream>
#include <string>

#include "bengal/config/document.hpp"
#include "bengal/content/front_matter.hpp"

namespace bengal::site {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

}  // namespace

std::pair<uint32_t, uint32_t> front_matter_key_position(const std::filesystem::path& file,
                                                        std::string_view key) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {0, 0};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  // parse_front_matter finds the block; the body starts after the closing delimiter line.
  content::FrontMatterResult fm = content::parse_front_matter(text, "");
  size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  if (!fm.ok || fm.body_offset <= start) return {0, 0};
  size_t block_start = text.find('\n', start);
  size_t closing = fm.body_offset >= 2 ? text.rfind('\n', fm.body_offset - 2) : std::string::npos;
  if (block_start == std::string::npos || closing == std::string::npos || closing < block_start)
    return {0, 0};
  std::string_view block(text.data() + block_start + 1, closing - block_start);
  auto format = text[start] == '+' ? config::Format::kToml : config::Format::kYaml;
  config::Document doc = config::parse_document(block, format, "", 2);
  for (const auto& p : doc.positions)
    if (equals_ignoring_case(p.path, key)) return {p.line, p.column};
  return {0, 0};
}

}  // namespace bengal::site
