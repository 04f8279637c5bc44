// The footnote pre-pass: finds "[^label]: text" definitions and their indented continuation
// lines, outside code and HTML blocks, and takes them out of the text md4c parses. md4c itself
// finds the code and HTML blocks (one parse writing nothing), so fences in lists, block quotes
// and indented code are known exactly as the renderer will see them.
#include <md4c.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "bengal/markdown/footnotes.hpp"
#include "bengal/markdown/md4c_support.hpp"

namespace bengal::markdown {
namespace {

// Longest label we accept; CommonMark caps link labels at 999 characters too.
constexpr size_t kMaxLabelBytes = 999;

struct Line {
  std::string_view text;  // without the line ending
  size_t begin = 0;       // offset in the input
  bool has_newline = false;
};

std::vector<Line> split_lines(std::string_view s) {
  std::vector<Line> lines;
  size_t at = 0;
  while (at < s.size()) {
    size_t nl = s.find('\n', at);
    size_t end = nl == std::string_view::npos ? s.size() : nl;
    lines.push_back({s.substr(at, end - at), at, nl != std::string_view::npos});
    at = end + 1;
  }
  return lines;
}

// Marks the lines md4c puts inside code blocks and HTML blocks: a definition never starts there.
class CodeLineFinder {
 public:
  CodeLineFinder(std::string_view text, const std::vector<Line>& lines)
      : input_(text), text_(input_.text()), lines_(lines), in_code_(lines.size(), false) {}

  std::vector<bool> run(unsigned flags) {
    MD_PARSER parser{};
    parser.flags = flags;
    parser.enter_block = [](MD_BLOCKTYPE type, void*, void* self) {
      if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML)
        ++static_cast<CodeLineFinder*>(self)->depth_;
      return 0;
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void*, void* self) {
      if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML)
        --static_cast<CodeLineFinder*>(self)->depth_;
      return 0;
    };
    parser.enter_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.leave_span = [](MD_SPANTYPE, void*, void*) { return 0; };
    parser.text = [](MD_TEXTTYPE, const MD_CHAR* t, MD_SIZE n, void* self) {
      static_cast<CodeLineFinder*>(self)->mark(t, n);
      return 0;
    };
    input_.parse(parser, this);
    return std::move(in_code_);
  }

 private:
  void mark(const char* t, size_t n) {
    if (depth_ == 0 || t < text_.data() || t >= text_.data() + text_.size()) return;
    auto first = static_cast<size_t>(t - text_.data());
    size_t last = std::min(first + (n > 0 ? n - 1 : 0), text_.size() - 1);
    auto line_of = [&](size_t offset) {
      auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                                 [](size_t o, const Line& l) { return o < l.begin; });
      return static_cast<size_t>(it - lines_.begin()) - 1;
    };
    for (size_t i = line_of(first), end = line_of(last); i <= end; ++i) in_code_[i] = true;
  }

  Md4cInput input_;
  std::string_view text_;  // input_'s text: md4c's runs point into it
  const std::vector<Line>& lines_;
  std::vector<bool> in_code_;
  int depth_ = 0;
};

bool is_blank_line(std::string_view s) {
  return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Columns of leading spaces and tabs (tab stops every 4), and how many bytes they take.
size_t indent_columns(std::string_view s, size_t& bytes) {
  size_t cols = 0;
  bytes = 0;
  for (; bytes < s.size() && (s[bytes] == ' ' || s[bytes] == '\t'); ++bytes)
    cols = s[bytes] == '\t' ? cols + 4 - cols % 4 : cols + 1;
  return cols;
}

// The line without its first 4 columns of indentation (a tab that straddles them leaves
// spaces), for a line indented at least 4.
std::string dedent4(std::string_view s) {
  size_t bytes = 0, cols = 0;
  while (cols < 4) {
    cols = s[bytes] == '\t' ? cols + 4 - cols % 4 : cols + 1;
    ++bytes;
  }
  return std::string(cols - 4, ' ') + std::string(s.substr(bytes));
}

// "[^label]:" after at most 3 spaces; `rest` is what follows the colon and its blanks.
// Labels hold no blanks and no ']' (cmark-gfm's scanner).
bool match_definition(std::string_view line, std::string_view& label, std::string_view& rest) {
  size_t bytes = 0;
  if (indent_columns(line, bytes) > 3) return false;
  std::string_view s = line.substr(bytes);
  if (!s.starts_with("[^")) return false;
  size_t end = s.find_first_of("] \t\r\n", 2);
  if (end == std::string_view::npos || end == 2 || s[end] != ']' || end - 2 > kMaxLabelBytes)
    return false;
  if (end + 1 >= s.size() || s[end + 1] != ':') return false;
  if (s.find('\0', 2) < end) return false;
  label = s.substr(2, end - 2);
  size_t body = s.find_first_not_of(" \t", end + 2);
  rest = body == std::string_view::npos ? std::string_view() : s.substr(body);
  return true;
}

bool is_fence(std::string_view s, char& c, size_t& length) {
  if (s.size() < 3 || (s[0] != '`' && s[0] != '~')) return false;
  c = s[0];
  length = s.find_first_not_of(c);
  if (length == std::string_view::npos) length = s.size();
  return length >= 3;
}

bool is_thematic_break(std::string_view s) {
  char c = s.empty() ? 0 : s[0];
  if (c != '-' && c != '*' && c != '_') return false;
  size_t n = 0;
  for (char x : s) {
    if (x == c) {
      ++n;
    } else if (x != ' ' && x != '\t' && x != '\r') {
      return false;
    }
  }
  return n >= 3;
}

// Whether a line (indentation removed) starts a block that may interrupt a paragraph, so it
// is no lazy continuation of the definition's last paragraph.
bool starts_block(std::string_view s) {
  char c = 0;
  size_t n = 0;
  if (s.empty() || is_fence(s, c, n) || is_thematic_break(s)) return true;
  switch (s[0]) {
    case '>':
    case '<':
      return true;
    case '#': {
      size_t hashes = s.find_first_not_of('#');
      return hashes <= 6 && (hashes == std::string_view::npos || s[hashes] == ' ' ||
                             s[hashes] == '\t' || s[hashes] == '\r');
    }
    case '-':
    case '*':
    case '+':
      return s.size() > 1 && (s[1] == ' ' || s[1] == '\t');
    case '1':
      return s.size() > 2 && (s[1] == '.' || s[1] == ')') && (s[2] == ' ' || s[2] == '\t');
    default:
      return false;
  }
}

// "[label]: destination…" on one line, after at most 3 spaces: a link reference definition
// of the page (labels of footnotes, "[^x]", are not). Multi-line ones are not recognised.
bool match_link_definition(std::string_view line, std::string_view& label) {
  size_t bytes = 0;
  if (indent_columns(line, bytes) > 3) return false;
  std::string_view s = line.substr(bytes);
  if (s.size() < 4 || s[0] != '[' || s[1] == '^') return false;
  size_t end = s.find_first_of("[]", 1);
  if (end == std::string_view::npos || s[end] != ']' || end == 1 || end - 1 > kMaxLabelBytes ||
      end + 1 >= s.size() || s[end + 1] != ':' || is_blank_line(s.substr(end + 2)))
    return false;
  label = s.substr(1, end - 1);
  return true;
}

// A note's body is parsed on its own, so the page's link reference definitions it uses
// ("[text][docs]" with "[docs]: /url" in the page) are appended to it, after a blank line
// where they write nothing. Only the labels the body has in brackets are looked up: linear.
void append_link_definitions(std::string& body,
                             const std::unordered_map<std::string, std::string_view>& links) {
  std::unordered_set<std::string> added;
  std::string appended;
  for (size_t open = body.find('['); open != std::string::npos; open = body.find('[', open + 1)) {
    size_t close = body.find_first_of("[]", open + 1);
    if (close == std::string::npos || body[close] != ']') continue;
    std::string key = footnote_key(std::string_view(body).substr(open + 1, close - open - 1));
    auto it = links.find(key);
    if (it == links.end() || !added.insert(key).second) continue;
    appended += '\n';
    appended += it->second;
  }
  if (!appended.empty()) body += "\n" + appended + "\n";
}

// Follows one definition's body line by line: whether the next line continues it.
class DefinitionBody {
 public:
  explicit DefinitionBody(std::string_view first) { add(first, true); }

  // A blank line: part of the body only if an indented line follows.
  void blank() { ++pending_blanks_; }

  // Takes the line and returns true when it belongs to the body.
  bool take(std::string_view line) {
    size_t bytes = 0;
    size_t cols = indent_columns(line, bytes);
    if (cols >= 4) {
      add(dedent4(line), false);
      return true;
    }
    // A lazy continuation line of the body's open paragraph, as in a list item.
    if (pending_blanks_ == 0 && paragraph_open_ && !starts_block(line.substr(bytes))) {
      std::string_view match_label, match_rest;
      if (match_definition(line, match_label, match_rest)) return false;
      // A lazy line is paragraph text, never a setext underline; in the body md4c parses on
      // its own it no longer is lazy, so "===" is escaped to stay text.
      std::string_view rest = line.substr(bytes);
      if (rest.find_first_not_of("= \t\r") == std::string_view::npos) {
        add(std::string(line.substr(0, bytes)) + "\\" + std::string(rest), false);
      } else {
        add(line, false);
      }
      return true;
    }
    return false;
  }

  std::string& text() { return body_; }

 private:
  void add(std::string_view line, bool first) {
    if (!first) body_.append(pending_blanks_ + 1, '\n');
    bool after_blank = pending_blanks_ > 0 || first;
    pending_blanks_ = 0;
    body_.append(line);
    size_t bytes = 0;
    size_t cols = indent_columns(line, bytes);
    std::string_view s = line.substr(bytes);
    char c = 0;
    size_t n = 0;
    if (fence_length_ > 0) {
      // Inside a fence: only its closing line ends it; nothing is a paragraph.
      if (cols < 4 && is_fence(s, c, n) && c == fence_char_ && n >= fence_length_ &&
          is_blank_line(s.substr(n)))
        fence_length_ = 0;
      return;
    }
    if (cols >= 4 && (after_blank || !paragraph_open_)) {
      paragraph_open_ = false;  // indented code
    } else if (is_fence(s, c, n) && (c == '~' || s.find('`', n) == std::string_view::npos)) {
      fence_char_ = c;
      fence_length_ = n;
      paragraph_open_ = false;
    } else {
      paragraph_open_ = !s.empty() && !is_thematic_break(s) && s[0] != '#';
    }
  }

  std::string body_;
  size_t pending_blanks_ = 0;
  bool paragraph_open_ = false;
  char fence_char_ = 0;
  size_t fence_length_ = 0;  // 0: no fence open
};

}  // namespace

bool may_have_footnotes(std::string_view text) {
  return text.find("[^") != std::string_view::npos;
}

ExtractedFootnotes extract_footnotes(std::string_view markdown, unsigned md4c_flags) {
  ExtractedFootnotes out;
  std::vector<Line> lines = split_lines(markdown);
  // md4c's extra parse is the cost of footnotes (bench/RESULTS.md): pay it only when some line
  // looks like a definition.
  std::string_view label, rest;
  if (std::none_of(lines.begin(), lines.end(),
                   [&](const Line& l) { return match_definition(l.text, label, rest); }))
    return out;
  std::vector<bool> in_code = CodeLineFinder(markdown, lines).run(md4c_flags);
  std::unordered_set<std::string> keys;  // of the definitions kept, to drop later duplicates
  std::unordered_map<std::string, std::string_view> links;  // the page's link definitions

  out.text.reserve(markdown.size());
  size_t i = 0;
  while (i < lines.size()) {
    if (in_code[i] || !match_definition(lines[i].text, label, rest)) {
      std::string_view link;
      if (!in_code[i] && match_link_definition(lines[i].text, link))
        links.emplace(footnote_key(link), lines[i].text);  // the first wins, as in CommonMark
      out.text.append(lines[i].text);
      if (lines[i].has_newline) out.text += '\n';
      ++i;
      continue;
    }
    FootnoteDefinition def;
    def.label = label;
    def.offset = out.text.size();
    def.line = static_cast<uint32_t>(i + 1);
    DefinitionBody body(rest);
    size_t last = i;  // the definition's last line
    for (size_t j = i + 1; j < lines.size(); ++j) {
      if (is_blank_line(lines[j].text)) {
        body.blank();
      } else if (body.take(lines[j].text)) {
        last = j;
      } else {
        break;
      }
    }
    for (size_t k = i; k <= last; ++k)
      if (lines[k].has_newline) out.text += '\n';
    i = last + 1;
    def.body = std::move(body.text());
    if (!keys.insert(footnote_key(def.label)).second) continue;
    out.definitions.push_back(std::move(def));
  }
  if (!links.empty())
    for (FootnoteDefinition& def : out.definitions) append_link_definitions(def.body, links);
  return out;
}

}  // namespace bengal::markdown
