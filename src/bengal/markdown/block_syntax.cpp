#include "bengal/markdown/block_syntax.hpp"

#include <algorithm>
#include <utility>

#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/line_blocks.hpp"

namespace bengal::markdown {

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

struct Line {
  std::string_view text;  // without its line end
  size_t begin = 0;       // offsets in the whole text, the line end included in [begin, end)
  size_t end = 0;
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(pos, (nl == std::string_view::npos ? end : nl) - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back({line, pos, end});
    pos = end;
  }
  return lines;
}

// The column after blank `c` at column `col`: a tab reaches the next multiple of 4.
size_t column_after(char c, size_t col) {
  return c == '\t' ? (col / 4 + 1) * 4 : col + 1;
}

// The column of the first character that is no blank.
size_t columns_of(std::string_view line) {
  size_t col = 0;
  for (size_t i = 0; i < line.size() && (line[i] == ' ' || line[i] == '\t'); ++i)
    col = column_after(line[i], col);
  return col;
}

// A definition's marker line with its ':' a blank, so its text dedents as its other lines do.
std::string colon_as_blank(std::string_view marker_line) {
  std::string line(marker_line);
  line[indent_of(line)] = ' ';
  return line;
}

// ":" and a blank after at most 3 spaces.
bool is_marker(std::string_view line) {
  size_t at = indent_of(line);
  return at <= 3 && at + 1 < line.size() && line[at] == ':' &&
         (line[at + 1] == ' ' || line[at + 1] == '\t');
}

// What a line does to the paragraph structure around it.
enum class LineKind : uint8_t {
  kParagraph,  // text of a paragraph (the one open, or a new one)
  kClosed,     // a block of its own line (heading, rule, indented code): a paragraph may follow
  kOpen,       // starts a block that takes the lines after it (list, quote, HTML, table)
};

// A thematic break, a setext underline or the delimiter row of a table, or none.
LineKind classify_rule(std::string_view line, size_t at, bool in_paragraph) {
  char c = line[at];
  size_t count = 0;
  bool only = true;
  for (size_t i = at; i < line.size() && only; ++i) {
    if (line[i] == c) {
      ++count;
    } else {
      only = line[i] == ' ' || line[i] == '\t';
    }
  }
  if (only && (c == '=' || c == '-') && in_paragraph) return LineKind::kClosed;  // setext
  if (only && c != '=' && count >= 3) return LineKind::kClosed;                  // a rule
  bool has_dash = line.find('-', at) != std::string_view::npos;
  bool has_pipe = line.find('|', at) != std::string_view::npos;
  if (has_dash && has_pipe && line.find_first_not_of("|:- \t", at) == std::string_view::npos)
    return LineKind::kOpen;  // a table's delimiter row
  return LineKind::kParagraph;
}

LineKind classify(std::string_view line, bool in_paragraph) {
  if (columns_of(line) >= 4) return in_paragraph ? LineKind::kParagraph : LineKind::kClosed;
  size_t at = skip_blanks(line, 0);
  char c = line[at];
  auto blank_at = [&](size_t i) { return i >= line.size() || line[i] == ' ' || line[i] == '\t'; };
  if (c == '#') {
    size_t n = run_of(line, at, '#');
    return n <= 6 && blank_at(at + n) ? LineKind::kClosed : LineKind::kParagraph;
  }
  if (c == '>' || c == '<' || c == '|') return LineKind::kOpen;
  if (c == ':' && run_of(line, at, ':') >= 3) return LineKind::kOpen;  // directive syntax
  if ((c == '-' || c == '*' || c == '+') && blank_at(at + 1)) {
    LineKind rule = classify_rule(line, at, in_paragraph);
    return rule == LineKind::kParagraph ? LineKind::kOpen : rule;  // else a list item
  }
  if (c >= '0' && c <= '9') {
    size_t end = at;
    while (end < line.size() && end - at < 9 && line[end] >= '0' && line[end] <= '9') ++end;
    if (end < line.size() && (line[end] == '.' || line[end] == ')') && blank_at(end + 1))
      return LineKind::kOpen;
  }
  return classify_rule(line, at, in_paragraph);
}

// The column where a definition's text starts: after its marker and the blanks after it, or
// one column after the marker when those are 5 or more (the text is indented code) or none.
size_t content_column(std::string_view marker_line) {
  size_t colon = indent_of(marker_line);  // spaces only: a marker has at most 3
  size_t col = colon + 1, i = colon + 1;
  for (; i < marker_line.size() && (marker_line[i] == ' ' || marker_line[i] == '\t'); ++i)
    col = column_after(marker_line[i], col);
  bool empty = is_blank(marker_line.substr(i));
  return empty || col - (colon + 1) >= 5 ? colon + 2 : col;
}

// `line` without `columns` of indent; a tab that reaches past them leaves its rest as spaces.
void append_dedented(std::string& out, std::string_view line, size_t columns) {
  size_t col = 0, i = 0;
  for (; i < line.size() && col < columns && (line[i] == ' ' || line[i] == '\t'); ++i) {
    size_t next = column_after(line[i], col);
    if (next > columns) out.append(next - columns, ' ');
    col = next;
  }
  out.append(line.substr(i));
}

std::string dedented(std::string_view line, size_t columns) {
  std::string out;
  append_dedented(out, line, columns);
  return out;
}

// The inside of the attribute block that is all of `line`, empty when it is none.
std::string_view attribute_line(std::string_view line) {
  if (indent_of(line) > 3) return {};
  std::string_view t = trim_blanks(line);
  if (t.size() < 3 || t.front() != '{' || t.back() != '}') return {};
  CustomId block = split_custom_id(t);
  return block.text_length == 0 ? block.attributes : std::string_view();
}

class SyntaxFinder {
 public:
  SyntaxFinder(std::string_view text, BlockSyntax syntax)
      : text_(text), lines_(split_lines(text)), syntax_(syntax) {}

  std::vector<SyntaxBlock> run() {
    size_t n = lines_.size();
    size_t text_start = 0;
    size_t candidate = kNone, candidate_end = 0;  // a paragraph standing on its own
    bool in_paragraph = false, may_start = true;
    size_t heading = kNone;  // the line before, when it is an ATX heading
    Fence fence;
    bool in_fence = false;
    for (size_t i = 0; i < n;) {
      std::string_view line = lines_[i].text;
      size_t heading_before = std::exchange(heading, kNone);
      if (in_fence) {
        in_fence = !closes_fence(line, fence);
        may_start = !in_fence;
        ++i;
        continue;
      }
      if (is_blank(line)) {
        in_paragraph = false;
        may_start = true;
        ++i;
        continue;
      }
      if (syntax_.attributes &&
          add_attribute_line(i, in_paragraph ? candidate : kNone, heading_before,
                             !in_paragraph && may_start, text_start)) {
        ++i;
        candidate = kNone;
        in_paragraph = false;
        may_start = true;
        continue;
      }
      if (syntax_.definition_lists && candidate != kNone && is_marker(line)) {
        add_text(text_start, candidate);
        i = add_list(candidate, candidate_end, i);
        text_start = i;
        candidate = kNone;
        in_paragraph = false;
        may_start = true;
        continue;
      }
      if (opens_fence(line, fence)) {
        in_fence = true;
        in_paragraph = false;
        candidate = kNone;
        ++i;
        continue;
      }
      LineKind kind = classify(line, in_paragraph);
      if (kind == LineKind::kParagraph) {
        if (!in_paragraph) candidate = may_start ? i : kNone;
        in_paragraph = true;
        candidate_end = i + 1;
      } else {
        in_paragraph = false;
        candidate = kNone;
        may_start = kind == LineKind::kClosed;
      }
      if (kind == LineKind::kClosed && line[skip_blanks(line, 0)] == '#') heading = i;
      ++i;
    }
    add_text(text_start, n);
    return std::move(out_);
  }

 private:
  std::string_view lines_text(size_t first, size_t last) const {
    if (first >= last) return {};
    return text_.substr(lines_[first].begin, lines_[last - 1].end - lines_[first].begin);
  }

  void add(SyntaxBlock::Kind kind, size_t first, size_t last) {
    SyntaxBlock& b = out_.emplace_back();
    b.kind = kind;
    b.text = lines_text(first, last);
    b.line = static_cast<uint32_t>(first + 1);
  }

  void add_text(size_t first, size_t last) {
    if (first < last) add(SyntaxBlock::kText, first, last);
  }

  // When line `i` is an attribute line: its attributes go to the paragraph it ends (starting
  // at line `paragraph`) or the ATX heading on the line before (`heading`), kNone for none;
  // else, when `next` allows, to the block after it. False, adding nothing, when they go
  // nowhere: the line is text.
  bool add_attribute_line(size_t i, size_t paragraph, size_t heading, bool next,
                          size_t& text_start) {
    std::string_view inner = attribute_line(lines_[i].text);
    if (inner.empty()) return false;
    if (heading != kNone) {
      add_text(text_start, heading);
      add(SyntaxBlock::kAttributes, heading, i + 1);
      out_.back().attributes = inner;
      out_.back().heading = true;
    } else if (paragraph != kNone) {
      add_text(text_start, paragraph);
      add(SyntaxBlock::kAttributes, paragraph, paragraph);
      out_.back().attributes = inner;
      add_text(paragraph, i);
      add(SyntaxBlock::kAttributes, i, i + 1);
    } else if (next && i + 1 < lines_.size() && !is_blank(lines_[i + 1].text)) {
      add_text(text_start, i);
      add(SyntaxBlock::kAttributes, i, i + 1);
      out_.back().attributes = inner;
    } else {
      return false;
    }
    text_start = i + 1;
    return true;
  }

  // The list whose first terms are lines [terms, terms_end) and whose first marker is at line
  // `marker`; returns the line after it.
  size_t add_list(size_t terms, size_t terms_end, size_t marker) {
    size_t n = lines_.size();
    add(SyntaxBlock::kListOpen, terms, terms);
    size_t after = marker, end = marker;
    while (true) {
      for (size_t t = terms; t < terms_end; ++t)
        add(SyntaxBlock::kTerm, t, t + 1 == terms_end ? marker : t + 1);
      bool loose = marker > terms_end;
      while (true) {
        end = definition_end(marker);
        after = end;
        while (after < n && is_blank(lines_[after].text)) ++after;
        add(SyntaxBlock::kDefinition, marker, after);
        out_.back().indent = static_cast<uint32_t>(content_column(lines_[marker].text));
        out_.back().loose = loose;
        if (after == n || !is_marker(lines_[after].text)) break;
        loose = after > end;
        marker = after;
      }
      // After a blank line, a paragraph followed by a marker holds the next item's terms.
      if (after == n || after == end) break;
      size_t paragraph_end = after;
      while (paragraph_end < n && !is_blank(lines_[paragraph_end].text) &&
             !is_marker(lines_[paragraph_end].text) &&
             classify(lines_[paragraph_end].text, paragraph_end > after) == LineKind::kParagraph)
        ++paragraph_end;
      size_t next = paragraph_end;
      while (next < n && is_blank(lines_[next].text)) ++next;
      if (paragraph_end == after || next == n || !is_marker(lines_[next].text)) break;
      terms = after;
      terms_end = paragraph_end;
      marker = next;
    }
    add(SyntaxBlock::kListClose, after, after);
    return after;
  }

  // The line after the last of the definition whose marker is at `marker`: lines indented to
  // its text, blank lines between them, and lazy lines that go on its paragraph.
  size_t definition_end(size_t marker) const {
    size_t column = content_column(lines_[marker].text);
    Fence fence;
    bool in_fence = false, in_paragraph = false;
    auto step = [&](const std::string& content) {
      if (in_fence) {
        in_fence = !closes_fence(content, fence);
        in_paragraph = false;
      } else if (opens_fence(content, fence)) {
        in_fence = true;
        in_paragraph = false;
      } else {
        in_paragraph =
            !is_blank(content) && classify(content, in_paragraph) == LineKind::kParagraph;
      }
    };
    step(dedented(colon_as_blank(lines_[marker].text), column));
    size_t last = marker + 1;
    for (size_t j = marker + 1; j < lines_.size(); ++j) {
      std::string_view line = lines_[j].text;
      if (is_blank(line)) continue;
      bool blank_before = j > last;
      if (columns_of(line) >= column) {
        if (blank_before && !in_fence) in_paragraph = false;
        step(dedented(line, column));
        last = j + 1;
        continue;
      }
      bool lazy = !blank_before && in_paragraph && !is_marker(line) &&
                  classify(line, true) == LineKind::kParagraph;
      if (!lazy) break;
      last = j + 1;
    }
    return last;
  }

  std::string_view text_;
  std::vector<Line> lines_;
  BlockSyntax syntax_;
  std::vector<SyntaxBlock> out_;
};

}  // namespace

std::vector<SyntaxBlock> find_block_syntax(std::string_view text, BlockSyntax syntax) {
  return SyntaxFinder(text, syntax).run();
}

namespace {

// Whether the `c` at `at` has at most 3 spaces before it on its line; `first_line`: the text's
// first line counts.
bool starts_line(std::string_view text, size_t at, bool first_line) {
  size_t b = at;
  while (b > 0 && at - b < 4 && text[b - 1] == ' ') --b;
  return at - b <= 3 && (b > 0 ? text[b - 1] == '\n' : first_line);
}

bool may_contain_markers(std::string_view text) {
  for (size_t at = text.find(':'); at != std::string_view::npos; at = text.find(':', at + 1)) {
    if (at + 1 >= text.size() || (text[at + 1] != ' ' && text[at + 1] != '\t')) continue;
    if (starts_line(text, at, false)) return true;
  }
  return false;
}

bool may_contain_attribute_lines(std::string_view text) {
  for (size_t at = text.find('{'); at != std::string_view::npos; at = text.find('{', at + 1)) {
    if (!starts_line(text, at, true)) continue;
    size_t nl = text.find('\n', at);
    std::string_view line = text.substr(at, nl == std::string_view::npos ? nl : nl - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!attribute_line(line).empty()) return true;
  }
  return false;
}

}  // namespace

bool may_contain_block_syntax(std::string_view text, BlockSyntax syntax) {
  return (syntax.definition_lists && may_contain_markers(text)) ||
         (syntax.attributes && may_contain_attribute_lines(text));
}

bool opens_definition_fence(std::string_view line, Fence& fence) {
  if (!is_marker(line)) return false;
  size_t at = indent_of(line) + 1;
  size_t text = skip_blanks(line, at);
  return text - at <= 4 && opens_fence(line.substr(text), fence);
}

std::string_view definition_term(const SyntaxBlock& block) {
  std::string_view line = block.text.substr(0, block.text.find('\n'));
  size_t begin = skip_blanks(line, 0);
  size_t end = line.find_last_not_of(" \t\r");
  return end == std::string_view::npos || end < begin ? std::string_view()
                                                      : line.substr(begin, end + 1 - begin);
}

std::string without_block_syntax(std::string_view text, BlockSyntax syntax) {
  std::string out;
  out.reserve(text.size());
  for (const SyntaxBlock& block : find_block_syntax(text, syntax)) {
    if (block.kind == SyntaxBlock::kDefinition) {
      append_definition_body(out, block);
    } else if (block.kind == SyntaxBlock::kAttributes && block.heading) {
      append_heading_line(out, block);
    } else if (block.kind == SyntaxBlock::kAttributes) {
      out.append(static_cast<size_t>(std::count(block.text.begin(), block.text.end(), '\n')), '\n');
    } else {
      out.append(block.text);
    }
  }
  return out;
}

void append_heading_line(std::string& out, const SyntaxBlock& block) {
  std::string_view line = block.text.substr(0, block.text.find('\n'));
  if (line.ends_with('\r')) line.remove_suffix(1);
  // "## Title ##": the closing #s go, or the block after them would make them text.
  std::string_view trimmed = line.substr(0, line.find_last_not_of(" \t") + 1);
  size_t hashes = trimmed.find_last_not_of('#');
  if (hashes != std::string_view::npos && hashes + 1 < trimmed.size() &&
      (trimmed[hashes] == ' ' || trimmed[hashes] == '\t') &&
      trimmed.find_first_not_of(" \t#") != std::string_view::npos &&
      trimmed.find_first_not_of(" \t#") < hashes)
    line = trimmed.substr(0, hashes);
  out.append(line);
  out += " {";
  out.append(block.attributes);
  out += "}\n\n";
}

void append_definition_body(std::string& out, const SyntaxBlock& block) {
  bool first = true;
  for (size_t pos = 0; pos < block.text.size();) {
    size_t nl = block.text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? block.text.size() : nl;
    std::string_view line = block.text.substr(pos, end - pos);
    std::string_view bare = line.ends_with('\r') ? line.substr(0, line.size() - 1) : line;
    if (first) {
      append_dedented(out, colon_as_blank(line), block.indent);
      first = false;
    } else if (!is_blank(bare) && columns_of(bare) >= block.indent) {
      append_dedented(out, line, block.indent);
    } else if (!is_blank(bare)) {
      out.append(line);  // a lazy line
    }
    if (nl == std::string_view::npos) break;
    out += '\n';
    pos = nl + 1;
  }
}

}  // namespace bengal::markdown
