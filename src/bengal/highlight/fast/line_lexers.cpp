// Formats whose lines say what they are: diff (+ - @@ lines), Dockerfile (an instruction,
// then shell) and Markdown (headings, lists, fences, MyST directives, then inline code and
// links). A Markdown fence's body goes to its language's lexer, except Markdown itself, so
// embedding never recurses.
#include "bengal/highlight/fast/chars.hpp"
#include "bengal/highlight/fast/languages.hpp"
#include "bengal/highlight/highlight.hpp"

namespace bengal::highlight::fast {

namespace {

using S = TokenStyle;

bool starts(std::string_view line, std::string_view prefix) {
  return line.substr(0, prefix.size()) == prefix;
}

// The run of `c` at the start of `line`.
size_t run_of(std::string_view line, char c) {
  size_t k = 0;
  while (k < line.size() && line[k] == c) ++k;
  return k;
}

bool is_blank(std::string_view s) {
  return s.find_first_not_of(" \t\r") == std::string_view::npos;
}

// One line's inline Markdown: `code`, {role}`text`, [text](url), ![alt](src), <!-- comment -->,
// \escapes. Searches for closers are bounded so a line of openers stays linear: a backtick run
// that finds no closer means no later run of that length has one either, and the next ']' and
// ')' are remembered until passed.
class InlineLine {
 public:
  // `l` is the text up to the line's end; scanning starts at run()'s argument.
  InlineLine(std::string_view l, TokenSink& out) : l_(l), stop_(l.size()), out_(out) {}

  void run(size_t i) {
    while (i < stop_) {
      char c = l_[i];
      if (c == '\\' && i + 1 < stop_ && !is_ident(l_[i + 1]) && !is_space(l_[i + 1])) {
        out_.add(i, i + 2, S::kSpecialChar);
        i += 2;
      } else if (c == '`') {
        i = code_span(i);
      } else if (c == '{' && i + 1 < stop_ && is_alpha(l_[i + 1])) {
        i = role(i);
      } else if (c == '[' || (c == '!' && i + 1 < stop_ && l_[i + 1] == '[')) {
        i = link(i, c == '!' ? i + 1 : i);
      } else if (c == '<' && l_.substr(i, 4) == "<!--") {
        size_t close = l_.find("-->", i + 4);
        size_t end = close == std::string_view::npos ? stop_ : close + 3;
        out_.add(i, end, S::kComment);
        i = end;
      } else {
        i = next_char(l_, i);
      }
    }
  }

 private:
  static constexpr size_t kTrackedRuns = 16;  // longer backtick runs are never code spans

  size_t code_span(size_t i) {
    size_t run = run_of(l_.substr(i), '`');
    size_t close = std::string_view::npos;
    if (run <= kTrackedRuns && !no_closer_[run]) {
      for (size_t j = l_.find('`', i + run); j != std::string_view::npos;) {
        size_t r = run_of(l_.substr(j), '`');
        if (r == run) {
          close = j;
          break;
        }
        j = l_.find('`', j + r);
      }
      if (close == std::string_view::npos) no_closer_[run] = true;
    }
    if (close == std::string_view::npos) return i + run;
    out_.add(i, close + run, S::kVerbatimString);
    return close + run;
  }

  // {kbd} right before a code span.
  size_t role(size_t i) {
    size_t end =
        skip_while(l_, i + 1, [](char ch) { return is_ident(ch) || ch == '-' || ch == ':'; });
    if (end + 1 < stop_ && l_[end] == '}' && l_[end + 1] == '`') {
      out_.add(i, end + 1, S::kFunction);
      return end + 1;
    }
    return end;
  }

  // [text] (from `i`, which may be the '!' of an image) and its (target).
  size_t link(size_t i, size_t open) {
    if (!bracket_known_ || close_bracket_ <= open) {
      size_t f = l_.find(']', open);
      close_bracket_ = f == std::string_view::npos ? stop_ : f;
      bracket_known_ = true;
    }
    if (close_bracket_ >= stop_) return open + 1;
    out_.add(i, close_bracket_ + 1, S::kTag);
    i = close_bracket_ + 1;
    if (i >= stop_ || l_[i] != '(') return i;
    if (!paren_known_ || close_paren_ < i) {
      size_t f = l_.find(')', i);
      close_paren_ = f == std::string_view::npos ? stop_ : f;
      paren_known_ = true;
    }
    if (close_paren_ >= stop_) return i;
    out_.add(i, close_paren_ + 1, S::kAttribute);
    return close_paren_ + 1;
  }

  std::string_view l_;
  size_t stop_;
  TokenSink& out_;
  bool no_closer_[kTrackedRuns + 1] = {};
  size_t close_bracket_ = 0;  // the next ']' (stop_ when none)
  bool bracket_known_ = false;
  size_t close_paren_ = 0;  // the next ')'
  bool paren_known_ = false;
};

class MarkdownLexer {
 public:
  MarkdownLexer(std::string_view s, TokenSink& out) : s_(s), out_(out) {}

  void run() {
    size_t pos = 0;
    std::string_view first = s_.substr(0, line_end(s_, 0));
    if (first == "---" || first == "+++") pos = front_matter(first);
    for (; pos < s_.size();) {
      size_t stop = line_end(s_, pos);
      line(pos, stop);
      pos = stop + 1;
    }
    if (fence_len_ > 0) fence_body(s_.size());  // an unclosed fence runs to the end
  }

 private:
  // --- YAML --- or +++ TOML +++ at the top: the delimiters, and the body in its language.
  size_t front_matter(std::string_view delimiter) {
    size_t body = delimiter.size() + 1;
    size_t end = body;
    while (end < s_.size()) {
      size_t stop = line_end(s_, end);
      if (s_.substr(end, stop - end) == delimiter) break;
      end = stop + 1;
    }
    end = std::min(end, s_.size());
    out_.add(0, delimiter.size(), S::kPreprocessor);
    if (body < end) {
      TokenSink sub = out_.at(body);
      (delimiter == "---" ? lex_yaml : lex_toml)(s_.substr(body, end - body), sub);
    }
    if (end >= s_.size()) return s_.size();
    out_.add(end, end + delimiter.size(), S::kPreprocessor);
    return line_end(s_, end) + 1;
  }

  void line(size_t pos, size_t stop) {
    size_t text = skip_while(s_.substr(0, stop), pos, is_space);
    std::string_view l = s_.substr(text, stop - text);
    if (fence_len_ > 0) {
      if (run_of(l, fence_char_) >= fence_len_ && is_blank(l.substr(run_of(l, fence_char_)))) {
        fence_body(pos);
        out_.add(text, stop, S::kPreprocessor);
        fence_len_ = 0;
      }
      return;
    }
    size_t ticks = run_of(l, '`');
    size_t tildes = run_of(l, '~');
    if (ticks >= 3 || tildes >= 3) return open_fence(l, text, stop, ticks >= 3 ? '`' : '~');
    if (l.empty()) {
      in_directive_options_ = false;
      return;
    }
    if (run_of(l, ':') >= 3) {
      out_.add(
          text,
          l.find('}') != std::string_view::npos ? text + l.find('}') + 1 : text + run_of(l, ':'),
          S::kPreprocessor);
      in_directive_options_ = l.size() > run_of(l, ':');
      return;
    }
    if (in_directive_options_ && l[0] == ':') {
      size_t close = l.find(':', 1);
      if (close != std::string_view::npos) {
        out_.add(text, text + close + 1, S::kAttribute);
        return;
      }
    }
    in_directive_options_ = false;
    size_t hashes = run_of(l, '#');
    if (hashes >= 1 && hashes <= 6 && (hashes == l.size() || is_space(l[hashes]))) {
      out_.add(text, stop, S::kHeading);
      return;
    }
    size_t i = text;
    while (i < stop && s_[i] == '>') {  // block quote markers
      out_.add(i, i + 1, S::kKeyword);
      i = skip_while(s_.substr(0, stop), i + 1, is_space);
    }
    i = list_marker(i, stop);
    inline_text(i, stop);
  }

  void open_fence(std::string_view l, size_t text, size_t stop, char c) {
    fence_char_ = c;
    fence_len_ = run_of(l, c);
    out_.add(text, stop, S::kPreprocessor);
    std::string_view info = l.substr(fence_len_);
    info = info.substr(std::min(info.size(), info.find_first_not_of(" \t{")));
    size_t lang_end = info.find_first_of(" \t{}");
    fence_lexer_ = nullptr;
    std::string_view canonical = canonical_language(info.substr(0, lang_end));
    if (canonical != "markdown") fence_lexer_ = find_lexer(canonical);
    fence_body_ = stop + 1;
  }

  void fence_body(size_t end) {
    if (fence_lexer_ == nullptr || fence_body_ >= end) return;
    TokenSink sub = out_.at(fence_body_);
    fence_lexer_(s_.substr(fence_body_, end - fence_body_), sub);
  }

  // "- ", "* ", "+ ", "1. ", "1) " (and "- [ ] " tasks keep their box plain).
  size_t list_marker(size_t i, size_t stop) {
    if (i < stop && (s_[i] == '-' || s_[i] == '*' || s_[i] == '+') &&
        (i + 1 == stop || is_space(s_[i + 1]))) {
      out_.add(i, i + 1, S::kKeyword);
      return i + 1;
    }
    size_t d = skip_while(s_.substr(0, stop), i, is_digit);
    if (d > i && d - i <= 9 && d < stop && (s_[d] == '.' || s_[d] == ')') &&
        (d + 1 == stop || is_space(s_[d + 1]))) {
      out_.add(i, d + 1, S::kKeyword);
      return d + 1;
    }
    return i;
  }

  void inline_text(size_t i, size_t stop) { InlineLine(s_.substr(0, stop), out_).run(i); }

  std::string_view s_;
  TokenSink& out_;
  char fence_char_ = '`';
  size_t fence_len_ = 0;  // > 0 inside a fenced block
  size_t fence_body_ = 0;
  LexFn fence_lexer_ = nullptr;
  bool in_directive_options_ = false;  // right after a ::: opener, `:key: value` lines
};

}  // namespace

// diff -u and git diff output, line by line.
void lex_diff(std::string_view code, TokenSink& out) {
  for (size_t pos = 0; pos < code.size();) {
    size_t stop = line_end(code, pos);
    std::string_view l = code.substr(pos, stop - pos);
    S style = S::kNormal;
    if (starts(l, "+++") || starts(l, "---") || starts(l, "diff ") || starts(l, "index ") ||
        starts(l, "@@")) {
      style = S::kHeading;
    } else if (starts(l, "+") || starts(l, ">")) {
      style = S::kInserted;
    } else if (starts(l, "-") || starts(l, "<")) {
      style = S::kDeleted;
    } else if (starts(l, "\\")) {
      style = S::kComment;
    }
    out.add(pos, stop, style);
    pos = stop + 1;
  }
}

// INSTRUCTION arguments, where the arguments (and their continuation lines) are shell.
void lex_dockerfile(std::string_view code, TokenSink& out) {
  static const WordTable instructions(
      {{S::kKeyword,
        "from run cmd label maintainer expose env add copy entrypoint volume user workdir arg "
        "onbuild stopsignal healthcheck shell as"}},
      true);
  for (size_t pos = 0; pos < code.size();) {
    size_t stop = line_end(code, pos);
    size_t i = skip_while(code.substr(0, stop), pos, is_space);
    if (i < stop && code[i] == '#') {
      out.add(i, stop, S::kComment);
      pos = stop + 1;
      continue;
    }
    size_t word_end = skip_while(code.substr(0, stop), i, is_alpha);
    if (word_end > i && instructions.find(code.substr(i, word_end - i)) != nullptr) {
      out.add(i, word_end, S::kKeyword);
      i = word_end;
    }
    // The arguments run to the end of the logical line: '\' continues it.
    while (stop < code.size() && stop > i && code[stop - 1] == '\\')
      stop = line_end(code, stop + 1);
    TokenSink sub = out.at(i);
    lex_shell(code.substr(i, stop - i), sub);
    pos = stop + 1;
  }
}

void lex_markdown(std::string_view code, TokenSink& out) {
  MarkdownLexer(code, out).run();
}

}  // namespace bengal::highlight::fast
