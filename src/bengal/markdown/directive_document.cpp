// render_html: a page with directives is rewritten into one Markdown document where each
// directive boundary is a marker line (render_pass.hpp), included files spliced in place, and
// rendered in one md4c pass whose markers call the directive markup (directive_markup.hpp).
// A page without ":::" goes straight to the pass.
#include <algorithm>
#include <charconv>
#include <deque>

#include "bengal/core/html.hpp"
#include "bengal/markdown/block_syntax.hpp"
#include "bengal/markdown/directive_markup.hpp"
#include "bengal/markdown/directive_parser.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/hugo_shortcodes.hpp"
#include "bengal/markdown/line_counter.hpp"
#include "bengal/markdown/render_pass.hpp"

namespace bengal::markdown {

namespace {

constexpr size_t kMaxIncludedBytesPerPage = 8 * kMaxIncludeBytes;
constexpr size_t kMaxIncludesPerPage = 1000;

// A text rendered in the page: the page itself, or an included file.
struct Source {
  std::string key;   // "" for the page
  std::string text;  // an included file's text (the page's is not copied)
  std::string_view view;
  ParsedDirectives parsed;
  std::vector<DirectiveState> states;
  std::vector<std::vector<int>> children;
  int depth = 0;           // include depth: 0 for the page
  int includer = -1;       // the source that includes it
  uint32_t page_line = 0;  // where the outermost include is in the page
  uint32_t page_column = 0;
};

struct Event {
  int source;
  int directive;  // -1: block syntax (a part of a definition list, an attribute line)
  bool close;
  SyntaxBlock::Kind part = SyntaxBlock::kText;
  bool loose = false;
  std::string_view attributes = {};  // kAttributes: the block's inside
};

// What is inside `html` when it is one paragraph, else all of it.
std::string_view without_paragraph(std::string_view html) {
  if (html.starts_with("<p>") && html.ends_with("</p>\n") &&
      html.find("<p>", 3) == std::string_view::npos)
    html = html.substr(3, html.size() - 8);
  return html;
}

class DocumentRenderer final : public MarkerHandler, public DirectiveServices {
 public:
  DocumentRenderer(std::string_view page, const Options& options, Rendered& out)
      : options_(options),
        out_(out),
        syntax_{.definition_lists = options.definition_lists,
                .attributes = options.block_attributes} {
    // The prefix must not occur in the page, or the page could forge markers.
    prefix_ = unique_marker_prefix(page, "directive");
    Source& s = sources_.emplace_back();
    s.view = page;
  }

  void render() {
    std::string document;
    rewrite(0, document);
    for (auto& w : pending_warnings_) out_.warnings.push_back(std::move(w));
    pending_warnings_.clear();
    size_t first = out_.warnings.size();
    render_document(document, options_, out_, this);
    to_source_lines(document, first);
    for (auto& w : pending_warnings_) out_.warnings.push_back(std::move(w));
    std::stable_sort(out_.warnings.begin(), out_.warnings.end(),
                     [](const RenderWarning& a, const RenderWarning& b) {
                       return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
  }

  // MarkerHandler
  std::string_view marker_prefix() const override { return prefix_; }

  bool on_marker(std::string_view marker, std::string& out, HeadingIds& ids) override {
    size_t number = 0;
    std::string_view digits = marker.substr(prefix_.size());
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    // Markers come in order; one out of order was forged by an included file (the prefix is
    // checked against the page only) and is dropped.
    if (ec != std::errc() || number != next_event_ || digits.substr(end - digits.data()) != "-->")
      return false;
    ++next_event_;
    const Event& e = events_[number];
    current_source_ = e.source;
    if (e.directive < 0) {
      block_syntax_markup(e, out);
      return true;
    }
    Source& s = sources_[e.source];
    const Directive& d = s.parsed.directives[e.directive];
    const DirectiveKind* kind = find_directive_kind(d.name);
    DirectiveContext c{
        options_, s.parsed.directives, s.states, s.children[e.directive], e.directive, out, ids,
        *this};
    if (!e.close) c.state().out_start = out.size();
    MarkupFn fn = kind == nullptr ? (e.close ? div_close : unknown_open)
                                  : (e.close ? kind->close : kind->open);
    if (fn != nullptr) fn(c);
    return true;
  }

  // Most titles ("Install", "Python") are words and spaces: escaping them gives what a parse
  // would, at a fraction of the cost. Anything that may be Markdown, an autolink, an entity, a
  // role or the start of a block goes to md4c.
  static bool is_plain_text(std::string_view text) {
    if (text.empty()) return true;
    auto c = static_cast<unsigned char>(text[0]);
    bool word_start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    return word_start && text.find_first_of("*_`[]<>&!\\~:@{}$#|\t") == std::string_view::npos &&
           text.find("www.") == std::string_view::npos && text.back() != ' ';
  }

  // DirectiveServices
  std::string inline_html(std::string_view markdown) override {
    if (is_plain_text(markdown)) return html_escape(markdown);
    Rendered r;
    render_pass(markdown, options_, r, nullptr);
    std::string_view html = without_paragraph(r.html);
    while (html.ends_with('\n')) html.remove_suffix(1);
    return std::string(html);
  }

  void warn(uint32_t line, uint32_t column, std::string message) override {
    warn_in(current_source_, line, column, std::move(message));
  }

  uint32_t next_ordinal() override { return ordinal_++; }

  std::string_view source_key() const override { return sources_[current_source_].key; }

 private:
  // A warning in an included file is reported at the include in the page, naming the file.
  void warn_in(int source, uint32_t line, uint32_t column, std::string message) {
    const Source& s = sources_[source];
    if (source == 0) {
      pending_warnings_.push_back({line, column, std::move(message)});
      return;
    }
    pending_warnings_.push_back(
        {s.page_line, s.page_column,
         "in " + s.key + " line " + std::to_string(line) + ": " + std::move(message)});
  }

  // An attribute line's attributes wait for the next block (take_block_attributes). A term's
  // paragraph becomes the <dt>; a definition's one paragraph loses its <p> unless a blank line
  // stands before its marker, as in goldmark and Python-Markdown.
  void block_syntax_markup(const Event& e, std::string& out) {
    if (e.part == SyntaxBlock::kAttributes) {
      block_attributes_ = attributes_html(e.attributes, true);
      return;
    }
    if (e.part == SyntaxBlock::kListOpen || e.part == SyntaxBlock::kListClose) {
      out += e.close ? "</dl>\n" : "<dl>\n";
      return;
    }
    if (!e.close) {
      part_start_ = out.size();
      return;
    }
    std::string_view written = std::string_view(out).substr(part_start_);
    bool term = e.part == SyntaxBlock::kTerm;
    std::string_view html = term || !e.loose ? without_paragraph(written) : written;
    // Blocks stand on lines of their own, as in a list item.
    bool blocks = !term && html.size() == written.size() && !html.empty();
    while (html.ends_with('\n')) html.remove_suffix(1);
    std::string part = term ? "<dt>" : "<dd>";
    if (blocks) part += '\n';
    part += html;
    if (blocks) part += '\n';
    part += term ? "</dt>\n" : "</dd>\n";
    out.replace(part_start_, std::string::npos, part);
  }

  std::string take_block_attributes() override { return std::exchange(block_attributes_, {}); }

  // The text of `piece` with its block syntax between markers: each term a paragraph of its
  // own, each definition's Markdown dedented, attribute lines taken out, their attributes at
  // the block they are for.
  void add_block_syntax(int source, const DirectivePiece& piece, std::string& document) {
    for (const SyntaxBlock& b : find_block_syntax(piece.text, syntax_)) {
      uint32_t line = piece.line + b.line - 1;
      if (b.kind == SyntaxBlock::kAttributes && b.heading) {
        segments_.push_back({document.size(), source, line});
        append_heading_line(document, b);
        continue;
      }
      if (b.kind == SyntaxBlock::kAttributes && !b.attributes.empty()) {
        add_marker({source, -1, false, b.kind, false, b.attributes}, document);
        continue;
      }
      if (b.kind == SyntaxBlock::kAttributes) {  // the line ends the block it was for
        end_line(document);
        document += '\n';
        continue;
      }
      if (b.kind == SyntaxBlock::kListOpen || b.kind == SyntaxBlock::kListClose) {
        add_marker({source, -1, b.kind == SyntaxBlock::kListClose, b.kind}, document);
        continue;
      }
      if (b.kind != SyntaxBlock::kText) add_marker({source, -1, false, b.kind, b.loose}, document);
      // A definition's lines are dedented: its warnings' columns move back by as much.
      uint32_t shift = b.kind == SyntaxBlock::kDefinition ? b.indent : 0;
      segments_.push_back({document.size(), source, line, shift});
      if (b.kind == SyntaxBlock::kText) {
        document.append(b.text);
      } else if (b.kind == SyntaxBlock::kTerm) {
        document.append(definition_term(b));
      } else {
        append_definition_body(document, b);
      }
      end_line(document);
      if (b.kind != SyntaxBlock::kText) add_marker({source, -1, true, b.kind, b.loose}, document);
    }
  }

  void rewrite(int source, std::string& document) {
    {
      Source& s = sources_[source];
      if (options_.directives) {
        s.parsed = parse_directives(s.view, is_raw_directive, &options_.site_shortcodes);
      } else {
        s.parsed.pieces.push_back({DirectivePiece::kText, s.view, -1, 1});
      }
      s.states.resize(s.parsed.directives.size());
      s.children.resize(s.parsed.directives.size());
      for (size_t i = 0; i < s.parsed.directives.size(); ++i) {
        int parent = s.parsed.directives[i].parent;
        if (parent >= 0) s.children[parent].push_back(static_cast<int>(i));
      }
      for (auto& w : s.parsed.warnings) warn_in(source, w.line, w.column, std::move(w.message));
    }
    // sources_ is a deque: an include adds a source without moving this one.
    const Source& s = sources_[source];
    for (size_t i = 0; i <= s.parsed.pieces.size(); ++i) {
      if (!s.parsed.fence_closer.empty() && i == s.parsed.fence_closer_at) {
        end_line(document);
        document += s.parsed.fence_closer + "\n";
      }
      if (i == s.parsed.pieces.size()) break;
      const DirectivePiece& piece = s.parsed.pieces[i];
      if (piece.kind == DirectivePiece::kText && may_contain_block_syntax(piece.text, syntax_)) {
        add_block_syntax(source, piece, document);
        continue;
      }
      if (piece.kind == DirectivePiece::kText) {
        segments_.push_back({document.size(), source, piece.line});
        document.append(piece.text);
        end_line(document);
        continue;
      }
      const Directive& d = s.parsed.directives[piece.directive];
      bool close = piece.kind == DirectivePiece::kClose;
      if (!close) check_directive(source, d);
      add_marker({source, piece.directive, close}, document);
      if (!close && d.name == "include") include(source, d, document);
    }
  }

  static void end_line(std::string& document) {
    if (!document.empty() && document.back() != '\n') document += '\n';
  }

  // A marker stands between blank lines: the line before ends a table or a raw HTML block
  // (which a marker alone would join), the line after lets the body start with indented code.
  void add_marker(const Event& event, std::string& document) {
    end_line(document);
    if (!document.empty() && !document.ends_with("\n\n")) document += '\n';
    document += prefix_;
    document += std::to_string(events_.size());
    document += "-->\n\n";
    events_.push_back(event);
  }

  // "a,b" as "a, b".
  static std::string listed(std::string_view names) {
    std::string out;
    for (char c : names) out += c == ',' ? std::string(", ") : std::string(1, c);
    return out;
  }

  // Unknown names and options are reported once, at the opener, in page order.
  void check_directive(int source, const Directive& d) {
    const DirectiveKind* kind = find_directive_kind(d.name);
    if (kind != nullptr && kind->canonical == "shortcode") return;  // its options are arguments
    if (kind == nullptr) {
      warn_in(source, d.line, d.column,
              "unknown directive '" + std::string(d.name) +
                  "'; it is rendered as a plain <div>: check the name against the directives "
                  "reference");
      return;
    }
    if (d.options.empty()) return;
    std::vector<std::string_view> known = split_list(kind->options);
    for (const DirectiveOption& o : d.options) {
      if (std::find(known.begin(), known.end(), o.key) != known.end()) continue;
      warn_in(source, o.line, d.column,
              "unknown option ':" + std::string(o.key) + ":' of directive '" + std::string(d.name) +
                  "'; it is ignored" +
                  (kind->options.empty() ? std::string("; this directive takes no options")
                                         : "; known options: " + listed(kind->options)));
    }
  }

  // The included file's Markdown goes in place, between the include's own markers (which
  // write nothing but end the paragraph or list before it).
  void include(int source, const Directive& d, std::string& document) {
    auto fail = [&](std::string message) { warn_in(source, d.line, d.column, std::move(message)); };
    if (options_.directive_host == nullptr)
      return fail("include '" + std::string(d.title) +
                  "' is not rendered: this Markdown is rendered without a site");
    if (sources_[source].depth >= kMaxIncludeDepth)
      return fail("include '" + std::string(d.title) + "' is nested deeper than " +
                  std::to_string(kMaxIncludeDepth) + " levels; include less deeply");
    if (++include_count_ > kMaxIncludesPerPage)
      return fail("include '" + std::string(d.title) + "' is one more than the " +
                  std::to_string(kMaxIncludesPerPage) + " includes a page may have");
    IncludedFile file;
    std::string error;
    if (!options_.directive_host->read_include(sources_[source].key, d.title, file, error))
      return fail(error);
    std::string chain = file.key;
    bool cycle = false;
    for (int at = source; at > 0; at = sources_[at].includer) {
      chain = sources_[at].key + " -> " + chain;
      cycle = cycle || sources_[at].key == file.key;
    }
    if (cycle) return fail("include cycle: " + chain + "; remove one of these includes");
    // Each include is capped, and so is their sum: a file that includes another ten times at
    // each of ten levels must not make a page of 10^10 copies.
    included_bytes_ += file.text.size();
    if (included_bytes_ > kMaxIncludedBytesPerPage)
      return fail("include '" + std::string(d.title) +
                  "' would make the page's includes larger than " +
                  std::to_string(kMaxIncludedBytesPerPage >> 20) +
                  " MiB in all; include fewer or smaller files");
    std::string_view text = file.text;
    text = select_lines(text, d);
    Source& child = sources_.emplace_back();
    child.key = std::move(file.key);
    child.text = std::string(text);
    child.view = child.text;
    child.depth = sources_[source].depth + 1;
    child.includer = source;
    child.page_line = source == 0 ? d.line : sources_[source].page_line;
    child.page_column = source == 0 ? d.column : sources_[source].page_column;
    rewrite(static_cast<int>(sources_.size()) - 1, document);
  }

  // ":start-line:" and ":end-line:" count from 0 and the end line is not included, as in
  // docutils and MyST.
  static std::string_view select_lines(std::string_view text, const Directive& d) {
    const DirectiveOption* start = d.option("start-line");
    const DirectiveOption* end = d.option("end-line");
    if (start == nullptr && end == nullptr) return text;
    int first = start == nullptr ? 0 : parse_int(start->value, 0, 0, 1 << 30);
    int last = end == nullptr ? 1 << 30 : parse_int(end->value, 1 << 30, 0, 1 << 30);
    size_t begin = text.size(), stop = text.size();
    int line = 0;
    for (size_t i = 0; i <= text.size(); ++line) {
      if (line == first) begin = i;
      if (line == last) {
        stop = i;
        break;
      }
      size_t nl = text.find('\n', i);
      if (nl == std::string_view::npos) break;
      i = nl + 1;
    }
    if (begin >= stop) return {};
    return text.substr(begin, stop - begin);
  }

  const Options& options_;
  Rendered& out_;
  std::string prefix_;
  // Where text of a source stands in the rewritten document (markers and includes move it),
  // so a warning of the render pass (a role, a footnote) names its line in the page.
  struct Segment {
    size_t at;  // offset in the document; a line number once to_source_lines has run
    int source;
    uint32_t line;              // its first line in the source
    uint32_t column_shift = 0;  // columns its lines lost (a definition's indent)
  };
  std::vector<Segment> segments_;

  void to_source_lines(std::string_view document, size_t first) {
    if (first == out_.warnings.size() || segments_.empty()) return;
    LineCounter lines(document);
    for (Segment& seg : segments_) seg.at = lines.position(seg.at).first;
    for (size_t i = first; i < out_.warnings.size(); ++i) {
      RenderWarning& w = out_.warnings[i];
      auto after = std::upper_bound(segments_.begin(), segments_.end(), size_t{w.line},
                                    [](size_t line, const Segment& seg) { return line < seg.at; });
      if (after == segments_.begin()) continue;
      const Segment& seg = *std::prev(after);
      uint32_t line = seg.line + static_cast<uint32_t>(w.line - seg.at);
      const Source& src = sources_[seg.source];
      if (seg.source == 0) {
        w.line = line;
        if (w.column > 0) w.column += seg.column_shift;
      } else {
        w = {src.page_line, src.page_column,
             "in " + src.key + " line " + std::to_string(line) + ": " + std::move(w.message)};
      }
    }
  }

  std::deque<Source> sources_;
  std::vector<Event> events_;
  std::vector<RenderWarning> pending_warnings_;
  int current_source_ = 0;
  uint32_t ordinal_ = 0;
  size_t next_event_ = 0;
  BlockSyntax syntax_;
  size_t part_start_ = 0;         // where the markup of the term or definition being written starts
  std::string block_attributes_;  // an attribute line's, for take_block_attributes
  size_t included_bytes_ = 0;
  size_t include_count_ = 0;
};

}  // namespace

void render_html(std::string_view markdown, const Options& options, Rendered& out) {
  size_t start = out.html.size();
  bool syntax = may_contain_block_syntax(markdown, {.definition_lists = options.definition_lists,
                                                    .attributes = options.block_attributes});
  if (!syntax && (!options.directives || !may_contain_directives(markdown))) {
    render_document(markdown, options, out, nullptr);
  } else {
    DocumentRenderer(markdown, options, out).render();
  }
  // Hugo shows "{{</* name */>}}" as "{{< name >}}", in code too: how its docs show one.
  if (options.directives) unescape_shortcode_comments(out.html, start, true);
}

}  // namespace bengal::markdown
