#include "bengal/markdown/directive_parser.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include <cstring>

#include "bengal/markdown/block_syntax.hpp"
#include "bengal/markdown/hugo_shortcodes.hpp"
#include "bengal/markdown/line_blocks.hpp"

namespace bengal::markdown {

namespace {

std::string_view trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

struct ColonLine {
  enum Kind : uint8_t { kNone, kOpen, kClose, kNamedClose } kind = kNone;
  uint32_t colons = 0;
  uint32_t column = 0;
  std::string_view name;
  std::string_view title;
};

// opener   = indent{0,3} ":"{3,} "{" name "}" title
// closer   = indent{0,3} ":"{3,} blank*
// named    = indent{0,3} ":"{3,} "{/" name "}" blank*
ColonLine classify(std::string_view line) {
  ColonLine c;
  size_t at = indent_of(line);
  if (at > 3) return c;
  size_t n = run_of(line, at, ':');
  if (n < 3) return c;
  c.colons = static_cast<uint32_t>(n);
  c.column = static_cast<uint32_t>(at + 1);
  std::string_view rest = line.substr(at + n);
  if (is_blank(rest)) {
    c.kind = ColonLine::kClose;
    return c;
  }
  if (rest[0] != '{') return c;
  bool named_close = rest.size() > 1 && rest[1] == '/';
  size_t begin = named_close ? 2 : 1;
  size_t end = begin;
  while (end < rest.size() && is_name_char(rest[end])) ++end;
  if (end == begin || end >= rest.size() || rest[end] != '}') return c;
  c.name = rest.substr(begin, end - begin);
  std::string_view after = rest.substr(end + 1);
  if (named_close) {
    if (!is_blank(after)) return c;
    c.kind = ColonLine::kNamedClose;
  } else {
    c.kind = ColonLine::kOpen;
    c.title = trim(after);
  }
  return c;
}

// option = indent{0,3} ":" key ":" (blank | " " value)
bool parse_option(std::string_view line, DirectiveOption& option) {
  size_t at = indent_of(line);
  if (at > 3 || at >= line.size() || line[at] != ':') return false;
  size_t end = at + 1;
  while (end < line.size() && is_name_char(line[end])) ++end;
  if (end == at + 1 || end >= line.size() || line[end] != ':') return false;
  std::string_view rest = line.substr(end + 1);
  if (!rest.empty() && rest[0] != ' ' && rest[0] != '\t') return false;
  option.key = line.substr(at + 1, end - at - 1);
  option.value = trim(rest);
  if (option.value.empty()) option.value = "true";
  return true;
}

std::string colons_text(uint32_t n) {
  return std::string(n, ':');
}

class Parser {
 public:
  Parser(std::string_view text, RawBodyTest is_raw)
      : text_(text), is_raw_(is_raw), shortcodes_(may_contain_shortcodes(text)) {}
  Parser(std::string_view text, RawBodyTest is_raw, const SiteShortcodes* site)
      : Parser(text, is_raw) {
    site_ = site;
  }

  ParsedDirectives run() {
    size_t pos = 0;
    while (pos < text_.size()) {
      const char* nl =
          static_cast<const char*>(std::memchr(text_.data() + pos, '\n', text_.size() - pos));
      size_t next = nl == nullptr ? text_.size() : static_cast<size_t>(nl - text_.data()) + 1;
      std::string_view line = text_.substr(pos, next - pos);
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
      line_start_ = pos;
      line_end_ = next;
      handle(line);
      pos = next;
      ++line_no_;
    }
    line_start_ = line_end_ = text_.size();
    flush_text();
    if (fence_.ch != 0) {
      out_.fence_closer = std::string(fence_.length, fence_.ch);
      out_.fence_closer_at = out_.pieces.size();
    }
    while (!stack_.empty()) {
      const Directive& d = out_.directives[stack_.back()];
      warn(d.line, d.column,
           "directive '" + std::string(d.name) +
               "' is not closed, so it ends where the text ends; close it with a line of '" +
               colons_text(d.colons) + "' or ':::{/" + std::string(d.name) + "}'");
      close_top();
    }
    return std::move(out_);
  }

 private:
  void handle(std::string_view line) {
    if (fence_.ch != 0) {
      if (closes_fence(line, fence_)) fence_.ch = 0;
      options_of_ = -1;
      return;
    }
    if (options_of_ >= 0) {
      DirectiveOption option;
      if (parse_option(line, option)) {
        option.line = line_no_;
        out_.directives[options_of_].options.push_back(option);
        body_begin_[options_of_] = line_end_;
        skip_line();
        return;
      }
      options_of_ = -1;
    }
    bool raw = !stack_.empty() && out_.directives[stack_.back()].raw;
    if (opens_fence(line, fence_) || opens_definition_fence(line, fence_)) return;
    if (shortcodes_ && shortcode(line, raw)) return;
    ColonLine c = classify(line);
    switch (c.kind) {
      case ColonLine::kNone:
        return;
      case ColonLine::kOpen:
        if (!raw) open(c);
        return;
      case ColonLine::kClose:
        close(c, raw);
        return;
      case ColonLine::kNamedClose:
        close_named(c, raw);
        return;
    }
  }

  // Opens a directive at this line; false when it is nested too deeply (the line is text).
  bool open(Directive d) {
    if (stack_.size() >= static_cast<size_t>(kMaxDirectiveDepth)) {
      if (!warned_depth_)
        warn(line_no_, d.column,
             "directive '" + std::string(d.name) + "' is nested deeper than " +
                 std::to_string(kMaxDirectiveDepth) +
                 " levels and is left as text (as are deeper ones); nest less deeply");
      warned_depth_ = true;
      return false;
    }
    flush_text();
    d.line = line_no_;
    d.parent = stack_.empty() ? -1 : stack_.back();
    d.raw = is_raw_(d.name);
    int index = static_cast<int>(out_.directives.size());
    out_.directives.push_back(std::move(d));
    body_begin_.push_back(line_end_);
    out_.pieces.push_back({DirectivePiece::kOpen, {}, index, line_no_});
    stack_.push_back(index);
    options_of_ = index;
    skip_line();
    return true;
  }

  void open(const ColonLine& c) {
    Directive d;
    d.name = c.name;
    d.title = c.title;
    d.column = c.column;
    d.colons = c.colons;
    open(std::move(d));
  }

  // A line that is one whole Hugo shortcode bengal runs: true when it was taken as one.
  bool shortcode(std::string_view line, bool raw) {
    ShortcodeLine s = read_shortcode_line(line, site_);
    // A site's Hugo shortcode (and a card) has a body when its closer follows.
    if (s.kind == ShortcodeLine::kOpen && s.body_if_closed && s.shortcode != "end" &&
        !closer_follows(s.shortcode))
      s.kind = ShortcodeLine::kAlone;
    switch (s.kind) {
      case ShortcodeLine::kNone:
        return false;
      case ShortcodeLine::kClose:
        return close_shortcode(s, raw);
      case ShortcodeLine::kOpen:
      case ShortcodeLine::kAlone:
        break;
    }
    if (raw) return false;  // text of a raw body
    Directive d;
    d.name = s.directive;
    d.title = out_.owned.emplace_back(std::move(s.title));
    d.column = s.column;
    d.shortcode = s.shortcode;
    for (auto& [key, value] : s.options)
      d.options.push_back({key, out_.owned.emplace_back(std::move(value)), line_no_});
    if (!open(std::move(d))) return false;
    options_of_ = -1;  // a shortcode's options are its arguments
    if (s.kind == ShortcodeLine::kAlone) close_top();
    return true;
  }

  // "{{< /name >}}" closes the innermost directive written as shortcode `name`, and all opened
  // inside it, as ":::{/name}" does.
  bool close_shortcode(const ShortcodeLine& s, bool raw) {
    size_t found = innermost([&](const Directive& d) { return d.shortcode == s.shortcode; });
    if (raw && found != stack_.size() - 1) return false;  // text of the raw body
    flush_text();
    skip_line();
    if (found == stack_.size()) {
      warn(line_no_, s.column,
           s.shortcode == "end"
               ? std::string("'{% end %}' closes no open shortcode; remove it")
               : "'{{< /" + std::string(s.shortcode) + " >}}' closes no open shortcode '" +
                     std::string(s.shortcode) + "'; remove it or fix the name");
      return true;
    }
    while (stack_.size() > found) close_top();
    return true;
  }

  // The stack position of the innermost open directive that `matches`; stack_.size() for none.
  template <class Match>
  size_t innermost(Match matches) const {
    for (size_t i = stack_.size(); i-- > 0;)
      if (matches(out_.directives[stack_[i]])) return i;
    return stack_.size();
  }

  // A line of n colons closes the innermost directive opened with exactly n colons, else the
  // innermost opened with fewer; directives still open inside it are unclosed. Inside a raw
  // body only the raw directive's own closer counts.
  void close(const ColonLine& c, bool raw) {
    size_t found = innermost([&](const Directive& d) { return d.colons == c.colons; });
    if (found == stack_.size())
      found = innermost([&](const Directive& d) { return d.colons < c.colons; });
    if (found == stack_.size() || (raw && found != stack_.size() - 1)) return;  // text
    flush_text();
    while (stack_.size() > found + 1) {
      const Directive& inner = out_.directives[stack_.back()];
      const Directive& outer = out_.directives[stack_[found]];
      warn(inner.line, inner.column,
           "directive '" + std::string(inner.name) + "' is not closed, so it ends where '" +
               std::string(outer.name) + "' (line " + std::to_string(outer.line) +
               ") does; close it with a line of '" + colons_text(inner.colons) + "' or ':::{/" +
               std::string(inner.name) + "}'");
      close_top();
    }
    close_top();
  }

  // ":::{/name}" closes the innermost open directive called name and all opened inside it.
  void close_named(const ColonLine& c, bool raw) {
    size_t found = innermost([&](const Directive& d) { return d.name == c.name; });
    if (raw && found != stack_.size() - 1) return;  // text of the raw body
    flush_text();
    skip_line();  // the closer is never text
    if (found == stack_.size()) {
      warn(line_no_, c.column,
           "':::{/" + std::string(c.name) + "}' closes no open directive named '" +
               std::string(c.name) + "'; remove it or fix the name");
      return;
    }
    while (stack_.size() > found) close_top();
  }

  void close_top() {
    int index = stack_.back();
    stack_.pop_back();
    Directive& d = out_.directives[index];
    size_t begin = body_begin_[index];
    d.body = text_.substr(begin, std::max(begin, line_start_) - begin);
    out_.pieces.push_back({DirectivePiece::kClose, {}, index, line_no_});
    skip_line();
    if (options_of_ == index) options_of_ = -1;
  }

  // Ends the current run of Markdown lines before the line being looked at.
  void flush_text() {
    if (line_start_ > text_start_ && (stack_.empty() || !out_.directives[stack_.back()].raw)) {
      out_.pieces.push_back({DirectivePiece::kText,
                             text_.substr(text_start_, line_start_ - text_start_), -1, text_line_});
    }
    text_start_ = line_start_;
    text_line_ = line_no_;
  }

  // Whether a closer of the site's Hugo shortcode `name` ("{{< /name >}}") stands on a line after
  // this one. Each name's search goes on from where the last one stopped: linear in the text
  // however many calls a page makes.
  bool closer_follows(std::string_view name) {
    auto [it, added] = next_closer_.try_emplace(std::string(name), 0);
    size_t& at = it->second;
    if (!added && (at == std::string_view::npos || at >= line_end_))
      return at != std::string_view::npos;
    for (size_t pos = text_.find(name, std::max(at, line_end_)); pos != std::string_view::npos;
         pos = text_.find(name, pos + 1)) {
      if (text_[pos - 1] != '/') continue;
      size_t begin = text_.rfind('\n', pos);
      begin = begin == std::string_view::npos ? 0 : begin + 1;
      size_t end = std::min(text_.find('\n', pos), text_.size());
      std::string_view line = text_.substr(begin, end - begin);
      if (line.ends_with('\r')) line.remove_suffix(1);
      ShortcodeLine c = read_shortcode_line(line, site_);
      if (c.kind == ShortcodeLine::kClose && c.shortcode == name) {
        at = begin;
        return true;
      }
    }
    at = std::string_view::npos;
    return false;
  }

  // The line being looked at is directive syntax: Markdown resumes after it.
  void skip_line() {
    text_start_ = line_end_;
    text_line_ = line_no_ + 1;
  }

  void warn(uint32_t line, uint32_t column, std::string message) {
    out_.warnings.push_back({line, column, std::move(message)});
  }

  std::string_view text_;
  RawBodyTest is_raw_;
  ParsedDirectives out_;
  std::vector<int> stack_;          // open directives, innermost last
  std::vector<size_t> body_begin_;  // per directive: where its body starts
  Fence fence_;
  int options_of_ = -1;  // the directive whose option lines may follow
  size_t line_start_ = 0;
  size_t line_end_ = 0;
  size_t text_start_ = 0;  // start of the Markdown run not yet flushed
  uint32_t text_line_ = 1;
  uint32_t line_no_ = 1;
  bool warned_depth_ = false;
  bool shortcodes_;  // the text may hold Hugo shortcodes (a cheap test, once)
  const SiteShortcodes* site_ = nullptr;
  std::map<std::string, size_t, std::less<>> next_closer_;  // closer_follows' places, by name
};

}  // namespace

const DirectiveOption* Directive::option(std::string_view key) const {
  for (const auto& o : options)
    if (o.key == key) return &o;
  return nullptr;
}

ParsedDirectives parse_directives(std::string_view text, RawBodyTest is_raw,
                                  const SiteShortcodes* site) {
  return Parser(text, is_raw, site).run();
}

bool may_contain_directives(std::string_view text) {
  return text.find(":::") != std::string_view::npos || may_contain_shortcodes(text);
}

std::string unique_marker_prefix(std::string_view text, std::string_view name) {
  std::string stem = "bengal-" + std::string(name);
  std::vector<bool> taken;  // taken[k]: stem + k 'x' + '-' occurs
  for (size_t at = text.find(stem); at != std::string_view::npos; at = text.find(stem, at + 1)) {
    size_t end = at + stem.size();
    size_t k = 0;
    while (end + k < text.size() && text[end + k] == 'x') ++k;
    if (end + k < text.size() && text[end + k] == '-') {
      if (taken.size() <= k) taken.resize(k + 1, false);
      taken[k] = true;
    }
  }
  size_t k = 0;
  while (k < taken.size() && taken[k]) ++k;
  return "<!--" + stem + std::string(k, 'x') + "-";
}

}  // namespace bengal::markdown
