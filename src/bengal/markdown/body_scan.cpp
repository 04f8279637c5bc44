// The discovery-time scan of a page body: one md4c parse that builds no HTML, collecting what
// the index needs so the body itself can be dropped.
#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <utility>

#include <xxhash.h>

#include "bengal/core/utf8.hpp"
#include "bengal/markdown/alerts.hpp"
#include "bengal/markdown/block_syntax.hpp"
#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/directive_parser.hpp"
#include "bengal/markdown/entities.hpp"
#include "bengal/markdown/footnotes.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/html_refs.hpp"
#include "bengal/markdown/hugo_shortcodes.hpp"
#include "bengal/markdown/link_destination.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/markdown/md4c_support.hpp"
#include "bengal/markdown/media_embed.hpp"
#include "bengal/markdown/roles.hpp"
#include "bengal/markdown/smart_punctuation.hpp"

namespace bengal::markdown {
namespace {

constexpr std::string_view kMoreMarker = "<!--more-->";

// The text the scan reads from a body with directives: every line of directive syntax
// (openers, options, closers) becomes an empty line, so neither a summary nor the word count
// ever holds ":::{" and link lines stay right; bodies stay as they are. The opener of a step or
// a target becomes a marker comment (named by `marker`, which the body does not contain), so
// their anchors are assigned in the same order as render_html assigns them.
struct DirectiveFreeText {
  std::string text;
  std::string marker;
  std::vector<std::string> anchors;  // per marker: a step's title, or "#id" for a target
  // The image of each figure directive, with its opener's line: an image as ![](...) is; a
  // video's poster, with its option's line.
  std::vector<std::pair<uint32_t, std::string>> figures;
  // The file of each video and audio directive, with its opener's line.
  std::vector<std::pair<uint32_t, std::string>> media;
};

// What a video or audio directive `d` plays and shows, as directive_media.cpp embeds it: a
// path it refuses is not, as it renders nothing.
void add_media(const Directive& d, bool video, DirectiveFreeText& out) {
  if (!media::is_media_path(d.title, video ? media::kVideoTypes : media::kAudioTypes)) return;
  out.media.emplace_back(d.line, std::string(d.title));
  const DirectiveOption* poster = video ? d.option("poster") : nullptr;
  if (poster != nullptr &&
      media::is_token(poster->value, media::kMaxPathBytes, media::is_path_char))
    out.figures.emplace_back(poster->line, std::string(poster->value));
}

// A backtick fence longer than any run of backticks in `code`, so that nothing in it ends it.
std::string code_fence_for(std::string_view code) {
  size_t longest = 0;
  for (size_t i = code.find('`'); i != std::string_view::npos; i = code.find('`', i)) {
    size_t run = run_of(code, i, '`');
    longest = std::max(longest, run);
    i += run;
  }
  return std::string(std::max<size_t>(3, longest + 1), '`');
}

DirectiveFreeText without_directive_syntax(std::string_view markdown,
                                           const SiteShortcodes& site_shortcodes) {
  DirectiveFreeText out;
  ParsedDirectives parsed = parse_directives(markdown, is_raw_directive, &site_shortcodes);
  out.marker = unique_marker_prefix(markdown, "anchor");
  // Byte ranges of the Markdown to keep, in order: text pieces and raw bodies.
  std::vector<std::pair<size_t, size_t>> kept;
  std::vector<std::pair<uint32_t, std::string>> anchor_lines;
  // A code-block's opener and closer lines become a fence around its body, so that its code
  // counts as words but is no summary, as a fenced block's is (Hugo's highlight and mermaid
  // shortcodes are code-blocks too).
  std::unordered_map<uint32_t, std::string> fence_lines;
  std::vector<int> steps_in(parsed.directives.size(), 0);  // per directive: its steps so far
  for (const DirectivePiece& piece : parsed.pieces) {
    if (piece.kind == DirectivePiece::kText) {
      size_t begin = static_cast<size_t>(piece.text.data() - markdown.data());
      kept.emplace_back(begin, begin + piece.text.size());
      continue;
    }
    const Directive& d = parsed.directives[piece.directive];
    const DirectiveKind* kind = find_directive_kind(d.name);
    if (kind != nullptr && kind->canonical == "code-block")
      fence_lines[piece.line] = code_fence_for(d.body);
    if (piece.kind == DirectivePiece::kClose) continue;
    if (kind != nullptr && kind->canonical == "step") {
      // As directive_tabs.cpp names an untitled step: by its number among its parent's.
      int n = d.parent >= 0 ? ++steps_in[d.parent] : 1;
      anchor_lines.emplace_back(
          d.line, d.title.empty() ? "Step " + std::to_string(n) : std::string(d.title));
    } else if (kind != nullptr && kind->canonical == "target") {
      std::string id(1, '#');
      id += safe_token(d.title);
      anchor_lines.emplace_back(d.line, std::move(id));
    } else if (kind != nullptr && kind->canonical == "figure" && media::is_image_path(d.title)) {
      out.figures.emplace_back(d.line, std::string(d.title));
    } else if (kind != nullptr && (kind->canonical == "video" || kind->canonical == "audio")) {
      add_media(d, kind->canonical == "video", out);
    }
    if (d.raw && !d.body.empty()) {
      size_t begin = static_cast<size_t>(d.body.data() - markdown.data());
      kept.emplace_back(begin, begin + d.body.size());
    }
  }
  out.text.reserve(markdown.size());
  size_t range = 0, anchor = 0;
  uint32_t line = 1;
  for (size_t pos = 0; pos < markdown.size(); ++line) {
    size_t nl = markdown.find('\n', pos);
    size_t next = nl == std::string_view::npos ? markdown.size() : nl + 1;
    while (range < kept.size() && kept[range].second <= pos) ++range;
    if (range < kept.size() && kept[range].first <= pos) {
      out.text.append(markdown.substr(pos, next - pos));
    } else {
      if (anchor < anchor_lines.size() && anchor_lines[anchor].first == line) {
        out.text += out.marker + std::to_string(out.anchors.size()) + "-->";
        out.anchors.push_back(std::move(anchor_lines[anchor++].second));
      }
      if (auto fence = fence_lines.find(line); fence != fence_lines.end())
        out.text += fence->second;
      out.text += '\n';
    }
    pos = next;
  }
  return out;
}

// A raw HTML reference where the scan keeps it (ids apart: they are anchors, not references).
void add_html_ref(BodyScan& out, HtmlRefKind kind, std::string_view value, uint32_t line) {
  if (kind == HtmlRefKind::kId) {
    if (!value.empty()) out.html_ids.emplace_back(value);  // no element has the empty id
    return;
  }
  auto [refs, lines] =
      kind == HtmlRefKind::kLink    ? std::tie(out.html_links, out.html_link_lines)
      : kind == HtmlRefKind::kImage ? std::tie(out.html_images, out.html_image_lines)
      : kind == HtmlRefKind::kMedia ? std::tie(out.html_media, out.html_media_lines)
                                    : std::tie(out.html_embeds, out.html_embed_lines);
  refs.emplace_back(value);
  lines.push_back(line);
}

class Scanner {
 public:
  Scanner(BodyScan& out, std::string_view text, const Footnotes* notes,
          const DirectiveFreeText* directives, const ScanOptions& options)
      : smart_punctuation_(options.smart_punctuation),
        alerts_(options.alerts),
        out_(out),
        directives_(directives),
        input_(text, true, options.site_shortcodes.empty() ? nullptr : &options.site_shortcodes),
        text_(input_.text()),
        notes_(notes),
        ids_(options.heading_id_style),
        marker_expected_(text.find(kMoreMarker) != std::string_view::npos) {}

  void run() {
    MD_PARSER parser{};
    parser.flags = md4c_flags(true, true);
    parser.enter_block = &Scanner::enter_block;
    parser.leave_block = &Scanner::leave_block;
    parser.enter_span = &Scanner::enter_span;
    parser.leave_span = &Scanner::leave_span;
    parser.text = &Scanner::text;
    input_.parse(parser, this);
    finish();
  }

  static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
    auto* s = static_cast<Scanner*>(self);
    s->html_refs_.reset();
    s->flush_role();
    s->break_word();
    s->smart_.start_block();
    s->alerts_.enter_block(type);
    s->in_alert_title_ = false;
    if (type == MD_BLOCK_H) {
      s->in_heading_ = true;
      s->heading_.clear();
      s->heading_plain_.reset();
    }
    // Code and tables count as words but are no summary: a list of pages shows prose.
    if (type == MD_BLOCK_CODE || type == MD_BLOCK_TABLE) ++s->not_summary_depth_;
    (void)detail;
    return 0;
  }
  static int leave_block(MD_BLOCKTYPE type, void*, void* self) {
    auto* s = static_cast<Scanner*>(self);
    s->alerts_.leave_block();
    s->in_alert_title_ = false;
    s->html_refs_.reset();
    s->flush_role();
    if (type == MD_BLOCK_H) {
      s->in_heading_ = false;
      std::string_view text = trim_blanks(s->heading_);
      CustomId custom = s->heading_plain_.split(s->heading_, text);
      std::string_view title = text.substr(0, custom.text_length);
      s->out_.anchors.push_back(s->ids_.assign(title, custom.id));
      // A "{#id .class}" suffix is not visible text.
      s->add_words(s->smart_punctuation_ ? smart_punctuation(title) : std::string(title));
    }
    if (type == MD_BLOCK_CODE || type == MD_BLOCK_TABLE) --s->not_summary_depth_;
    s->break_word();
    return 0;
  }
  static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
    auto* s = static_cast<Scanner*>(self);
    s->alerts_.enter_span();
    s->code_span_fresh_ = type == MD_SPAN_CODE;
    if (type == MD_SPAN_CODE && s->role_.role != nullptr) {
      s->in_role_ = true;
      s->role_text_.clear();
      return 0;
    }
    s->flush_role();
    if (type == MD_SPAN_A) {
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      s->out_.links.push_back(s->decoded(href));
      s->start_line(s->out_.link_lines, href.text);
    } else if (type == MD_SPAN_IMG) {
      ++s->image_depth_;
      const MD_ATTRIBUTE& src = static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src;
      s->out_.images.push_back(s->decoded(src));
      s->start_line(s->out_.image_lines, src.text);
    } else if (type == MD_SPAN_WIKILINK) {
      const MD_ATTRIBUTE& target = static_cast<MD_SPAN_WIKILINK_DETAIL*>(detail)->target;
      s->out_.wiki_links.push_back(s->decoded(target));
      s->start_line(s->out_.wiki_link_lines, target.text);
      // Without "|text" the label is the target itself, as written in the input.
      s->wiki_label_ = target.text;
      s->wiki_hidden_ = wiki_target_hidden_prefix(s->out_.wiki_links.back());
    }
    return 0;
  }
  static int leave_span(MD_SPANTYPE type, void*, void* self) {
    auto* s = static_cast<Scanner*>(self);
    s->alerts_.leave_span();
    if (s->in_role_) {
      s->finish_role();
    } else {
      s->flush_role();
    }
    if (type == MD_SPAN_A || type == MD_SPAN_WIKILINK) s->end_line();
    if (type == MD_SPAN_IMG) --s->image_depth_;
    return 0;
  }
  static int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
    auto* s = static_cast<Scanner*>(self);
    std::string_view t(data, size);
    if (s->pending_lines_ != nullptr && s->in_input(data)) {
      s->pending_lines_->back() = s->line_at(data);
      s->pending_lines_ = nullptr;
    }
    if (s->alert_line(type, data)) return 0;
    // A site shortcode called in the text: its output is the template's, no text of the page.
    // Anywhere else (a fence in a quote, a code span across lines, raw HTML) it reads as written.
    if (std::exchange(s->code_span_fresh_, false) && type == MD_TEXT_CODE &&
        s->role_.role == nullptr && s->image_depth_ == 0 && s->input_.span_call(data) != nullptr)
      return 0;
    t = s->input_.as_written(t);
    if (s->in_role_) {
      if (type == MD_TEXT_NULLCHAR) {
        s->role_text_ += "\xEF\xBF\xBD";
      } else {
        s->role_text_.append(t);
      }
      return 0;
    }
    s->flush_role();
    switch (type) {
      case MD_TEXT_HTML:
        if (s->directives_ != nullptr && t.starts_with(s->directives_->marker)) {
          s->directive_anchor(t.substr(s->directives_->marker.size()));
          return 0;
        }
        if (!s->out_.has_more_marker && t.find(kMoreMarker) != std::string_view::npos) {
          s->out_.has_more_marker = true;
          s->more_length_ = s->summary_.size();
        }
        // In an image's description raw HTML is text (render_html escapes it).
        if (s->image_depth_ == 0) s->html_refs_.feed(t, s->html_ref_found_);
        return 0;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        s->add_text(" ");
        s->smart_.saw_space();
        return 0;
      case MD_TEXT_NULLCHAR:
        s->add_text("\xEF\xBF\xBD");
        s->smart_.saw_word();
        return 0;
      case MD_TEXT_ENTITY:
        s->entity_.clear();
        append_entity(s->entity_, t);
        s->add_text(s->entity_);
        s->smart_.saw_word();
        return 0;
      case MD_TEXT_NORMAL:
        // A role's "{name}" waits for the code span that makes it one (roles.hpp).
        if (auto role = find_role_prefix(s->text_, t)) {
          s->add_visible_text(t.substr(0, t.size() - role->length));
          s->role_ = *role;
          return 0;
        }
        if (t.data() == s->wiki_label_) t.remove_prefix(std::min(s->wiki_hidden_, t.size()));
        if (s->in_heading_) {
          size_t begin = s->heading_.size();
          s->add_visible_text(t, s->smart_punctuation_);
          s->heading_plain_.ran(begin, s->heading_.size());
          return 0;
        }
        s->add_visible_text(t, s->smart_punctuation_);
        return 0;
      default:
        s->add_visible_text(t);
        s->smart_.saw_word();
        return 0;
    }
  }

  void finish() {
    flush_role();
    break_word();
    out_.summary = std::move(summary_);
    if (out_.has_more_marker) {
      out_.summary.resize(more_length_);
    } else if (summary_full_) {
      out_.summary.resize(words_end_);
    }
    cap_summary_bytes(out_.summary);
    unescape_shortcode_comments(out_.summary, 0, false);  // as the page shows them
  }

 private:
  // An alert's marker and title ("[!NOTE] Title", alerts.hpp) are no text, as an
  // admonition's opener line is none; their links still count. The title ends where
  // render_html ends it: at the end of its line, unless a span goes on. True for a run of it.
  bool alert_line(MD_TEXTTYPE type, const char* data) {
    bool normal = type == MD_TEXT_NORMAL && in_input(data);
    if (alerts_.marker(normal, text_, normal ? static_cast<size_t>(data - text_.data()) : 0))
      in_alert_title_ = true;
    if (!in_alert_title_) return false;
    if (alerts_.ends_title(type)) in_alert_title_ = false;
    return true;
  }

  void directive_anchor(std::string_view number) {
    size_t n = 0;
    for (char c : number) {
      if (c < '0' || c > '9') break;
      n = n * 10 + static_cast<size_t>(c - '0');
    }
    if (n >= directives_->anchors.size()) return;
    const std::string& anchor = directives_->anchors[n];
    if (anchor.starts_with('#')) {
      if (anchor.size() > 1) {
        out_.anchors.push_back(anchor.substr(1));
        out_.targets.push_back(anchor.substr(1));
      }
    } else {
      out_.anchors.push_back(ids_.assign(anchor, {}));
    }
  }

  // The line of a link is the line of its first text in the input (its label, or the URL of an
  // autolink). Its destination is the fallback only: a reference link's destination sits in
  // the definition, often at the end of the page.
  void start_line(std::vector<uint32_t>& lines, const char* destination) {
    end_line();
    lines.push_back(line_);
    pending_lines_ = &lines;
    pending_destination_ = destination;
  }
  void end_line() {
    if (pending_lines_ == nullptr) return;
    if (in_input(pending_destination_)) pending_lines_->back() = line_at(pending_destination_);
    pending_lines_ = nullptr;
  }
  bool in_input(const char* p) const {
    return p >= text_.data() && p < text_.data() + text_.size();
  }
  // 1-based line of an input position; the cursor mostly moves forward.
  uint32_t line_at(const char* p) {
    auto offset = static_cast<size_t>(p - text_.data());
    for (; cursor_ < offset; ++cursor_)
      if (text_[cursor_] == '\n') ++line_;
    while (cursor_ > offset)
      if (text_[--cursor_] == '\n') --line_;
    return line_;
  }

  void html_ref(HtmlRefKind kind, std::string_view value, const char* at) {
    add_html_ref(out_, kind, value, in_input(at) ? line_at(at) : line_);
  }

  // A role's text is what the page shows: "Ctrl+C", "HTML" (not its expansion), no icon name,
  // so summaries, word counts and heading ids agree with render_html with directives on.
  void finish_role() {
    role_html_.clear();
    Options options;
    render_role(*role_.role, role_text_, {options, false}, role_html_, role_out_);
    in_role_ = false;
    role_ = {};
    add_text(role_out_.plain);
  }
  // A "{name}" that no code span followed is text after all.
  void flush_role() {
    if (role_.role == nullptr || in_role_) return;
    add_text(std::string_view(text_.data() + role_.offset, role_.length));
    role_ = {};
  }

  std::string decoded(const MD_ATTRIBUTE& a) const {
    std::string out;
    input_.decode(a, out);
    return out;
  }

  // Words are counted across text callbacks; a block boundary ends a word.
  void break_word() {
    in_word_ = false;
    pending_space_ = true;
  }

  // Text without its footnote references: "[^1]" is no word and never in a summary. A run that
  // does not continue the last one and follows a backslash starts with an escaped character.
  // With `smart`, prose outside headings gets typographic punctuation, as render_html writes
  // it with Options::smart_punctuation (heading ids are made from the text as written).
  void add_visible_text(std::string_view t, bool smart = false) {
    bool escaped = run_starts_escaped(t, last_text_end_, text_);
    last_text_end_ = t.data() + t.size();
    smart = smart && !in_heading_;
    if (smart && escaped) smart_.escape_next();
    auto add = [&](std::string_view piece) {
      if (!smart) {
        add_text(piece);
        return;
      }
      smart_text_.clear();
      smart_.append(piece, smart_text_);
      add_text(smart_text_);
    };
    size_t from = 0;
    FootnoteMatch m;
    while (notes_ != nullptr && notes_->find_reference(t, from, escaped, m)) {
      add(t.substr(from, m.begin - from));
      from = m.end;
    }
    add(t.substr(from));
  }

  void add_text(std::string_view t) {
    if (in_heading_) {
      heading_.append(t);
    } else {
      add_words(t);
    }
  }

  void add_words(std::string_view t) {
    bool summary = not_summary_depth_ == 0;
    for (char c : t) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space) {
        if (in_word_) in_word_ = false;
        pending_space_ = true;
        continue;
      }
      if (!in_word_) {
        in_word_ = true;
        ++out_.word_count;
        if (summary && ++summary_words_ == kSummaryWords + 1) {
          summary_full_ = true;
          words_end_ = summary_.size();
        }
        if (summary && pending_space_ && !summary_.empty()) append_summary(' ');
        pending_space_ = false;
      }
      if (summary) append_summary(c);
    }
  }

  // The summary is the text up to <!--more--> when the body has one, else the first
  // kSummaryWords words; text past both is not kept, nor past kSummaryMaxBytes (one byte
  // more is kept, so finish() sees whether the cap splits a character).
  void append_summary(char c) {
    if (out_.has_more_marker || summary_.size() > kSummaryMaxBytes) return;
    if (!summary_full_ || marker_expected_) summary_ += c;
  }

  bool smart_punctuation_;
  AlertSpotter alerts_;
  bool in_alert_title_ = false;  // the runs are an alert's marker and title
  SmartPunctuation smart_;
  std::string smart_text_;
  BodyScan& out_;
  const DirectiveFreeText* directives_;
  Md4cInput input_;
  std::string_view text_;         // input_'s text: md4c's runs point into it
  bool code_span_fresh_ = false;  // a code span opened and no text came yet
  const Footnotes* notes_;
  const char* last_text_end_ = nullptr;
  size_t cursor_ = 0;  // line_ is the line of text_[cursor_]
  uint32_t line_ = 1;
  std::vector<uint32_t>* pending_lines_ = nullptr;  // the last line is not known yet
  const MD_CHAR* wiki_label_ = nullptr;             // the open wiki link's target in the input
  size_t wiki_hidden_ = 0;  // what of it the rendered link does not show (link_destination.hpp)
  const char* pending_destination_ = nullptr;
  HeadingIds ids_;
  std::string heading_;
  HeadingPlainText heading_plain_;  // which end of heading_ plain runs wrote
  std::string entity_;              // decoded entity, reused
  std::string summary_;             // visible text, whitespace collapsed
  bool marker_expected_;            // the text contains <!--more--> somewhere (maybe in code)
  size_t more_length_ = 0;
  size_t words_end_ = 0;       // summary_ length after kSummaryWords words
  int not_summary_depth_ = 0;  // inside code or a table
  size_t summary_words_ = 0;
  bool in_heading_ = false;
  bool in_word_ = false;
  bool pending_space_ = false;
  bool summary_full_ = false;
  RolePrefix role_;  // a role's "{name}" waiting for its code span, or in it (in_role_)
  bool in_role_ = false;
  std::string role_text_;
  std::string role_html_;  // thrown away: the scan builds no HTML
  RoleOutput role_out_;
  HtmlRefScanner html_refs_;
  HtmlRefScanner::Found html_ref_found_ = [this](HtmlRefKind kind, std::string_view value,
                                                 const char* at) { html_ref(kind, value, at); };
  int image_depth_ = 0;
};

}  // namespace

void cap_summary_bytes(std::string& summary) {
  if (summary.size() <= kSummaryMaxBytes) return;
  truncate_utf8(summary, kSummaryMaxBytes);
  while (!summary.empty() && summary.back() == ' ') summary.pop_back();
}

BodyScan scan_html_body(std::string_view html) {
  BodyScan out;
  out.content_hash = XXH3_64bits(html.data(), html.size());
  size_t more = html.find(kMoreMarker);
  out.has_more_marker = more != std::string_view::npos;
  // The text before <!--more--> is scanned apart first: it is the summary.
  std::string shown, before_more;
  HtmlRefScanner refs;
  uint32_t line = 1;
  const char* counted = html.data();  // line is the line of *counted
  HtmlRefScanner::Found found = [&](HtmlRefKind kind, std::string_view value, const char* at) {
    if (at > counted) {  // references come in text order; a srcset's share its value's place
      line += static_cast<uint32_t>(std::count(counted, at, '\n'));
      counted = at;
    }
    add_html_ref(out, kind, value, line);
  };
  refs.set_text(&before_more);
  refs.feed(html.substr(0, out.has_more_marker ? more : html.size()), found);
  refs.set_text(&shown);
  if (out.has_more_marker) refs.feed(html.substr(more), found);
  shown.insert(0, before_more);
  // Words: runs of non-blanks in the text with its character references decoded.
  auto words = [](std::string_view text, size_t limit, std::string* summary) {
    std::string decoded = decode_references(text);
    size_t count = 0;
    for (size_t i = 0; i < decoded.size();) {
      size_t start = decoded.find_first_not_of(" \t\r\n\f", i);
      if (start == std::string::npos) break;
      size_t end = std::min(decoded.find_first_of(" \t\r\n\f", start), decoded.size());
      if (summary != nullptr && count < limit) {
        if (!summary->empty()) *summary += ' ';
        summary->append(decoded, start, end - start);
      }
      ++count;
      i = end;
    }
    return count;
  };
  out.word_count = static_cast<uint32_t>(words(shown, 0, nullptr));
  words(out.has_more_marker ? before_more : shown, out.has_more_marker ? SIZE_MAX : kSummaryWords,
        &out.summary);
  cap_summary_bytes(out.summary);
  return out;
}

BodyScan scan_body(std::string_view markdown, const ScanOptions& options) {
  BodyScan out;
  out.content_hash = XXH3_64bits(markdown.data(), markdown.size());
  // Directive syntax lines become empty lines, then footnote definitions are taken out (their
  // text is no summary); the notes' links and words still count, at their lines, as
  // render_html writes them in the page's footnote section.
  DirectiveFreeText directive_free;
  if (may_contain_directives(markdown)) {
    directive_free = without_directive_syntax(markdown, options.site_shortcodes);
    markdown = directive_free.text;
  }
  // A definition's ":" is no text, and its indented lines are its paragraphs, not code; an
  // attribute line is no text.
  std::string syntax_free;
  BlockSyntax syntax{.definition_lists = options.definition_lists,
                     .attributes = options.block_attributes};
  if (may_contain_block_syntax(markdown, syntax)) {
    syntax_free = without_block_syntax(markdown, syntax);
    markdown = syntax_free;
  }
  const DirectiveFreeText* directives = directive_free.marker.empty() ? nullptr : &directive_free;
  for (auto& [line, source] : directive_free.figures) {
    out.images.push_back(std::move(source));
    out.image_lines.push_back(line);
  }
  for (auto& [line, source] : directive_free.media) {
    out.media.push_back(std::move(source));
    out.media_lines.push_back(line);
  }
  ExtractedFootnotes extracted;
  if (may_have_footnotes(markdown)) extracted = extract_footnotes(markdown, md4c_flags(true, true));
  if (extracted.definitions.empty()) {
    Scanner(out, markdown, nullptr, directives, options).run();
    return out;
  }
  std::vector<FootnoteDefinition> definitions = extracted.definitions;
  Footnotes notes(std::move(extracted.definitions), nullptr);
  Scanner(out, extracted.text, &notes, directives, options).run();
  for (const FootnoteDefinition& def : definitions) {
    BodyScan note;
    Scanner(note, def.body, &notes, nullptr, options).run();
    out.word_count += note.word_count;
    // A note's lines count from its definition's first line.
    auto append = [&](std::vector<std::string>& to, std::vector<uint32_t>& to_lines,
                      std::vector<std::string>& from, const std::vector<uint32_t>& from_lines) {
      for (size_t i = 0; i < from.size(); ++i) {
        to.push_back(std::move(from[i]));
        to_lines.push_back(from_lines[i] + def.line - 1);
      }
    };
    append(out.links, out.link_lines, note.links, note.link_lines);
    append(out.wiki_links, out.wiki_link_lines, note.wiki_links, note.wiki_link_lines);
    append(out.images, out.image_lines, note.images, note.image_lines);
    append(out.html_links, out.html_link_lines, note.html_links, note.html_link_lines);
    append(out.html_images, out.html_image_lines, note.html_images, note.html_image_lines);
    append(out.html_media, out.html_media_lines, note.html_media, note.html_media_lines);
    append(out.html_embeds, out.html_embed_lines, note.html_embeds, note.html_embed_lines);
    std::move(note.html_ids.begin(), note.html_ids.end(), std::back_inserter(out.html_ids));
  }
  return out;
}

}  // namespace bengal::markdown
