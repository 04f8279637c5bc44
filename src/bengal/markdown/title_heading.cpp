#include "bengal/markdown/title_heading.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/directive_parser.hpp"
#include "bengal/markdown/entities.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/md4c_support.hpp"

namespace bengal::markdown {
namespace {

uint32_t line_of(std::string_view text, size_t offset) {
  uint32_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n') ++line;
  return line;
}

// A setext level-1 underline: up to three spaces, '=' characters, trailing blanks.
bool is_setext_underline(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != '=') return false;
  while (i < line.size() && line[i] == '=') ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  return i == line.size();
}

// The md4c pass: every top-level level-1 heading, in order, as the input range of its text.
class Finder {
 public:
  explicit Finder(std::string_view text) : text_(text) {}

  struct Candidate {
    std::string text;
    const char* first = nullptr;  // its first and last text runs in the input
    const char* last = nullptr;
    bool first_block = false;
  };
  std::vector<Candidate> candidates;

  void run() {
    MD_PARSER parser{};
    parser.flags = md4c_flags(true, true);
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      auto* f = static_cast<Finder*>(self);
      if (++f->depth_ == 2) {
        bool h1 = type == MD_BLOCK_H && static_cast<MD_BLOCK_H_DETAIL*>(detail)->level == 1;
        if (h1) {
          f->candidates.push_back({});
          f->candidates.back().first_block = f->top_blocks_ == 0;
          f->in_h1_ = true;
        }
        ++f->top_blocks_;
      }
      return 0;
    };
    parser.leave_block = [](MD_BLOCKTYPE, void*, void* self) {
      auto* f = static_cast<Finder*>(self);
      if (f->depth_-- == 2) f->in_h1_ = false;
      return 0;
    };
    parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
      auto* f = static_cast<Finder*>(self);
      if (f->in_h1_) f->add(type, std::string_view(data, size));
      return 0;
    };
    md_parse(text_.data(), static_cast<MD_SIZE>(text_.size()), &parser, this);
  }

 private:
  void add(MD_TEXTTYPE type, std::string_view t) {
    Candidate& c = candidates.back();
    if (t.data() >= text_.data() && t.data() < text_.data() + text_.size()) {
      if (c.first == nullptr) c.first = t.data();
      c.last = t.data();
    }
    switch (type) {
      case MD_TEXT_HTML:
        return;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        c.text += ' ';
        return;
      case MD_TEXT_NULLCHAR:
        c.text += "\xEF\xBF\xBD";
        return;
      case MD_TEXT_ENTITY:
        append_entity(c.text, t);
        return;
      default:
        c.text.append(t);
    }
  }

  std::string_view text_;
  int depth_ = 0;
  int top_blocks_ = 0;
  bool in_h1_ = false;
};

// Line ranges of directive bodies: a heading there belongs to the directive, not the page.
std::vector<std::pair<uint32_t, uint32_t>> directive_body_lines(std::string_view markdown) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  if (!may_contain_directives(markdown)) return out;
  ParsedDirectives parsed = parse_directives(markdown, is_raw_directive);
  for (const Directive& d : parsed.directives) {
    size_t begin = static_cast<size_t>(d.body.data() - markdown.data());
    out.emplace_back(d.line, line_of(markdown, begin + d.body.size()) + 1);
  }
  return out;
}

}  // namespace

TitleHeading find_title_heading(std::string_view markdown) {
  TitleHeading out;
  // Cheap exit: no '#' and no "=" underline, no level-1 heading.
  if (markdown.find('#') == std::string_view::npos && markdown.find('=') == std::string_view::npos)
    return out;
  Finder finder(markdown);
  finder.run();
  if (finder.candidates.empty()) return out;
  auto in_directives = directive_body_lines(markdown);
  for (const auto& c : finder.candidates) {
    if (c.first == nullptr) continue;  // nothing visible: no title
    auto first_offset = static_cast<size_t>(c.first - markdown.data());
    size_t line_start = markdown.rfind('\n', first_offset);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    uint32_t first = line_of(markdown, first_offset);
    bool inside = false;
    for (auto [from, to] : in_directives) inside = inside || (first >= from && first <= to);
    if (inside || markdown.substr(line_start).starts_with(":::")) continue;
    uint32_t last = line_of(markdown, static_cast<size_t>(c.last - markdown.data()));
    // A setext heading's underline is the line after its text; an ATX one is one line.
    std::string_view opening = markdown.substr(line_start);
    opening.remove_prefix(std::min(opening.find_first_not_of(' '), opening.size()));
    size_t after = markdown.find('\n', static_cast<size_t>(c.last - markdown.data()));
    if (!opening.starts_with('#') && after != std::string_view::npos) {
      size_t end = markdown.find('\n', after + 1);
      std::string_view next = markdown.substr(
          after + 1, (end == std::string_view::npos ? markdown.size() : end) - after - 1);
      if (is_setext_underline(next)) ++last;
    }
    std::string_view text = trim_blanks(c.text);
    out.text = std::string(text.substr(0, split_custom_id(text).text_length));
    out.first_line = first;
    out.last_line = last;
    out.first_block = c.first_block;
    return out;
  }
  return out;
}

std::string without_lines(std::string_view markdown, uint32_t first_line, uint32_t last_line) {
  std::string out;
  out.reserve(markdown.size());
  uint32_t line = 1;
  for (size_t pos = 0; pos < markdown.size(); ++line) {
    size_t nl = markdown.find('\n', pos);
    size_t next = nl == std::string_view::npos ? markdown.size() : nl + 1;
    if (line < first_line || line > last_line) {
      out.append(markdown.substr(pos, next - pos));
    } else if (nl != std::string_view::npos) {
      out += '\n';
    }
    pos = next;
  }
  return out;
}

}  // namespace bengal::markdown
