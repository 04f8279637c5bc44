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

// 1-based line of a byte offset by binary search over the line starts: a page of many
// directives stays linear.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') starts_.push_back(i + 1);
  }
  uint32_t line_of(size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<uint32_t>(it - starts_.begin());
  }

 private:
  std::vector<size_t> starts_;
};

// A setext level-1 underline: up to three spaces, '=' characters, trailing blanks.
bool is_setext_underline(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || line[i] != '=') return false;
  while (i < line.size() && line[i] == '=') ++i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
  return i == line.size();
}

// Per line, whether it lies in a directive (opener to closer): a heading there belongs to the
// directive, not the page. A difference array keeps it linear whatever the nesting.
std::vector<bool> directive_lines(std::string_view markdown, const LineIndex& lines) {
  ParsedDirectives parsed = parse_directives(markdown, is_raw_directive);
  size_t count = lines.line_of(markdown.size()) + 2;
  std::vector<int32_t> delta(count + 1, 0);
  for (const Directive& d : parsed.directives) {
    // The body's last line (its line end belongs to it), then the closer's.
    uint32_t last = d.line + 1;
    if (!d.body.empty()) {
      size_t end = static_cast<size_t>(d.body.data() - markdown.data()) + d.body.size();
      if (markdown[end - 1] == '\n') --end;
      last = lines.line_of(end) + 1;
    }
    last = std::min<uint32_t>(last, static_cast<uint32_t>(count - 1));
    ++delta[std::min<size_t>(d.line, count - 1)];
    --delta[last + 1];
  }
  std::vector<bool> inside(count, false);
  int32_t depth = 0;
  for (size_t line = 0; line < count; ++line) inside[line] = (depth += delta[line]) > 0;
  return inside;
}

// One md4c pass over the top-level blocks, stopped at the first level-1 heading that can be
// the title (or after the first block, when only that one matters): the rest of the page is
// never parsed inline.
class Finder {
 public:
  Finder(std::string_view text, bool first_block_only)
      : input_(text), text_(input_.text()), first_block_only_(first_block_only), lines_(text) {}

  TitleHeading run() {
    if (may_contain_directives(text_)) in_directive_ = directive_lines(text_, lines_);
    MD_PARSER parser{};
    parser.flags = md4c_flags(true, true);
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      auto* f = static_cast<Finder*>(self);
      if (++f->depth_ == 2 && !f->done_) {
        f->in_h1_ = type == MD_BLOCK_H && static_cast<MD_BLOCK_H_DETAIL*>(detail)->level == 1;
        f->text_runs_ = {};
        f->plain_.clear();
        f->plain_runs_.reset();
        f->first_block_ = f->top_blocks_++ == 0;
      }
      return 0;
    };
    parser.leave_block = [](MD_BLOCKTYPE, void*, void* self) {
      auto* f = static_cast<Finder*>(self);
      if (f->depth_-- != 2) return 0;
      // Found, or only the first block mattered: stop. md4c 0.4.8 does not stop for every
      // nonzero return, so nothing is looked at once done_ is set.
      if (!f->done_ && f->in_h1_ && f->accept()) f->done_ = true;
      f->in_h1_ = false;
      if (f->first_block_only_) f->done_ = true;
      return f->done_ ? 1 : 0;
    };
    parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
      auto* f = static_cast<Finder*>(self);
      if (f->in_h1_) f->add(type, std::string_view(data, size));
      return 0;
    };
    input_.parse(parser, this);
    return std::move(found_);
  }

 private:
  void add(MD_TEXTTYPE type, std::string_view t) {
    if (t.data() >= text_.data() && t.data() < text_.data() + text_.size()) {
      if (text_runs_.first == nullptr) text_runs_.first = t.data();
      text_runs_.second = t.data();
    }
    switch (type) {
      case MD_TEXT_HTML:
        return;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        plain_ += ' ';
        return;
      case MD_TEXT_NULLCHAR:
        plain_ += "\xEF\xBF\xBD";
        return;
      case MD_TEXT_ENTITY:
        append_entity(plain_, t);
        return;
      case MD_TEXT_NORMAL: {
        size_t begin = plain_.size();
        plain_.append(t);
        plain_runs_.ran(begin, plain_.size());
        return;
      }
      default:
        plain_.append(t);
    }
  }

  // Whether the heading just left can be the title: it shows text and is not in a directive.
  bool accept() {
    if (text_runs_.first == nullptr) return false;  // nothing visible: no title
    std::string_view text = trim_blanks(plain_);
    text = text.substr(0, plain_runs_.split(plain_, text).text_length);
    if (text.empty()) return false;
    auto first_offset = static_cast<size_t>(text_runs_.first - text_.data());
    size_t line_start = text_.rfind('\n', first_offset);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    uint32_t first = lines_.line_of(first_offset);
    if (first < in_directive_.size() && in_directive_[first]) return false;
    std::string_view opening = text_.substr(line_start);
    if (opening.starts_with(":::")) return false;
    uint32_t last = lines_.line_of(static_cast<size_t>(text_runs_.second - text_.data()));
    // A setext heading's underline is the line after its text; an ATX one is one line.
    opening.remove_prefix(std::min(opening.find_first_not_of(' '), opening.size()));
    size_t after = text_.find('\n', static_cast<size_t>(text_runs_.second - text_.data()));
    if (!opening.starts_with('#') && after != std::string_view::npos) {
      size_t end = text_.find('\n', after + 1);
      std::string_view next =
          text_.substr(after + 1, (end == std::string_view::npos ? text_.size() : end) - after - 1);
      if (is_setext_underline(next)) ++last;
    }
    found_.text = std::string(text);
    found_.first_line = first;
    found_.last_line = last;
    found_.first_block = first_block_;
    return true;
  }

  Md4cInput input_;
  std::string_view text_;  // input_'s text: md4c's runs point into it
  bool first_block_only_;
  LineIndex lines_;
  std::vector<bool> in_directive_;  // by line; empty without directives
  TitleHeading found_;
  int depth_ = 0;
  int top_blocks_ = 0;
  bool first_block_ = false;
  bool in_h1_ = false;
  bool done_ = false;
  std::pair<const char*, const char*> text_runs_;  // first and last text run in the input
  std::string plain_;
  HeadingPlainText plain_runs_;  // which end of plain_ plain runs wrote (its "{#id}")
};

}  // namespace

TitleHeading find_title_heading(std::string_view markdown, bool first_block_only) {
  // Cheap exit: no '#' and no '=' underline, no level-1 heading.
  if (markdown.find('#') == std::string_view::npos && markdown.find('=') == std::string_view::npos)
    return {};
  return Finder(markdown, first_block_only).run();
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
