// The HTML renderer: md4c parses, these callbacks write HTML byte for byte as cmark-gfm does,
// so `bengal md` passes the CommonMark and GFM spec examples.
#include <md4c.h>

#include <cstdint>
#include <optional>
#include <utility>

#include "bengal/core/html.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/markdown/alerts.hpp"
#include "bengal/markdown/entities.hpp"
#include "bengal/markdown/footnotes.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/html_escaping.hpp"
#include "bengal/markdown/hugo_shortcodes.hpp"
#include "bengal/markdown/line_counter.hpp"
#include "bengal/markdown/link_destination.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/markdown/math_markup.hpp"
#include "bengal/markdown/md4c_support.hpp"
#include "bengal/markdown/render_pass.hpp"
#include "bengal/markdown/roles.hpp"
#include "bengal/markdown/shortcodes.hpp"
#include "bengal/markdown/smart_punctuation.hpp"

namespace bengal::markdown {

namespace {

constexpr std::string_view kOmitted = "<!-- raw HTML omitted -->";

class HtmlRenderer {
 public:
  HtmlRenderer(const Options& options, Rendered& out, MarkerHandler* markers)
      : opt_(options),
        out_(out.html),
        toc_(out.toc),
        warnings_(out.warnings),
        has_math_(out.has_math),
        markers_(markers),
        ids_(options.heading_id_style) {}

  static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
    static_cast<HtmlRenderer*>(self)->enter_block(type, detail);
    return 0;
  }
  static int leave_block(MD_BLOCKTYPE type, void* detail, void* self) {
    static_cast<HtmlRenderer*>(self)->leave_block(type, detail);
    return 0;
  }
  static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
    static_cast<HtmlRenderer*>(self)->enter_span(type, detail);
    return 0;
  }
  static int leave_span(MD_SPANTYPE type, void* detail, void* self) {
    static_cast<HtmlRenderer*>(self)->leave_span(type, detail);
    return 0;
  }
  static int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
    auto* renderer = static_cast<HtmlRenderer*>(self);
    std::string_view s(text, size);
    renderer->text(type, s);
    renderer->last_text_end_ = s.data() + s.size();
    return 0;
  }

  void set_input(const Md4cInput& input) {
    source_ = &input;
    input_ = input.text();
    lines_ = LineCounter(input_);
    shortcodes_seen_ = 0;
  }
  // References in text go to `notes`, the page's footnotes: a renderer of any piece of the
  // page (its text, a directive's body, a note) passes the same object.
  void set_footnotes(Footnotes* notes) { notes_ = notes; }
  bool ends_in_paragraph() const { return last_top_block_ == MD_BLOCK_P; }

 private:
  void lit(std::string_view s) { out_ += s; }
  void esc(std::string_view s) { append_html_escaped(out_, s); }

  void attribute(const MD_ATTRIBUTE& a) {
    source_->decode(a, scratch_);
    esc(scratch_);
  }

  // Writes a link destination, rewritten by the resolver; returns true when the resolver
  // says the target does not exist.
  bool href(const MD_ATTRIBUTE& a, bool wiki) {
    source_->decode(a, scratch_);
    return append_link_destination(out_, scratch_, wiki, opt_);
  }

  void raw_html(std::string_view html) {
    if (opt_.tagfilter) {
      append_tag_filtered(out_, html);
    } else {
      lit(html);
    }
  }

  // As cmark does, a block starts on a new line: "<li>\n<p>" in loose lists, "foo\n<ul>".
  void cr() {
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  }

  void enter_block(MD_BLOCKTYPE type, void* detail) {
    ++block_depth_;
    smart_.start_block();
    alerts_.enter_block(type);
    if (type != MD_BLOCK_DOC && type != MD_BLOCK_TBODY && type != MD_BLOCK_THEAD &&
        type != MD_BLOCK_TR && type != MD_BLOCK_TH && type != MD_BLOCK_TD)
      cr();
    size_t tag = out_.size();
    open_block(type, detail);
    if (!block_attributes_.empty()) add_block_attributes(type, tag);
  }

  // An attribute line's attributes (block_syntax.hpp) go into the tag of the block right after
  // it, written from `tag` on; any other block drops them.
  void add_block_attributes(MD_BLOCKTYPE type, size_t tag) {
    std::string attributes = std::exchange(block_attributes_, {});
    if (type == MD_BLOCK_H) {
      out_.insert(heading_attr_pos_, attributes);
      heading_attr_pos_ += attributes.size();
      return;
    }
    if (type != MD_BLOCK_P && type != MD_BLOCK_QUOTE && type != MD_BLOCK_UL &&
        type != MD_BLOCK_OL && type != MD_BLOCK_TABLE)
      return;
    size_t end = out_.find('>', tag);
    if (end != std::string::npos) out_.insert(end, attributes);
  }

  void open_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_QUOTE:
        quotes_.push_back({out_.size(), std::nullopt});
        lit("<blockquote>\n");
        break;
      case MD_BLOCK_UL:
        lit("<ul>\n");
        break;
      case MD_BLOCK_OL: {
        unsigned start = static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start;
        if (start == 1) {
          lit("<ol>\n");
        } else {
          lit("<ol start=\"");
          lit(std::to_string(start));
          lit("\">\n");
        }
        break;
      }
      case MD_BLOCK_LI: {
        auto* li = static_cast<MD_BLOCK_LI_DETAIL*>(detail);
        lit("<li>");
        if (li->is_task) {
          lit(li->task_mark == ' ' ? "<input disabled=\"\" type=\"checkbox\"> "
                                   : "<input checked=\"\" disabled=\"\" type=\"checkbox\"> ");
        }
        break;
      }
      case MD_BLOCK_HR:
        lit("<hr />\n");
        break;
      case MD_BLOCK_H: {
        level_ = static_cast<MD_BLOCK_H_DETAIL*>(detail)->level;
        lit("<h");
        out_ += static_cast<char>('0' + level_);
        heading_attr_pos_ = out_.size();
        lit(">");
        heading_text_.clear();
        heading_runs_.clear();
        heading_plain_.reset();
        in_heading_ = true;
        break;
      }
      case MD_BLOCK_CODE: {
        auto* code = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        if (start_math_block(*code)) break;
        code_start_ = out_.size();
        lit("<pre><code");
        if (code->lang.size > 0) {
          lit(" class=\"language-");
          attribute(code->lang);
          lit("\"");
        }
        lit(">");
        start_code_capture(*code);
        break;
      }
      case MD_BLOCK_HTML:
        html_block_start_ = out_.size();
        html_block_lines_ = 0;
        if (!opt_.unsafe_html) {
          lit(kOmitted);
          lit("\n");
        }
        in_html_block_ = true;
        break;
      case MD_BLOCK_P:
        paragraph_start_ = out_.size();
        lit("<p>");
        break;
      case MD_BLOCK_TABLE:
        lit("<table>\n");
        break;
      case MD_BLOCK_THEAD:
        lit("<thead>\n");
        break;
      case MD_BLOCK_TBODY:
        lit("<tbody>\n");
        break;
      case MD_BLOCK_TR:
        lit("<tr>\n");
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: {
        in_table_cell_ = true;
        lit(type == MD_BLOCK_TH ? "<th" : "<td");
        switch (static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align) {
          case MD_ALIGN_LEFT:
            lit(" align=\"left\"");
            break;
          case MD_ALIGN_CENTER:
            lit(" align=\"center\"");
            break;
          case MD_ALIGN_RIGHT:
            lit(" align=\"right\"");
            break;
          default:
            break;
        }
        lit(">");
        break;
      }
    }
  }

  void leave_block(MD_BLOCKTYPE type, void*) {
    if (--block_depth_ == 1) last_top_block_ = type;
    alerts_.leave_block();
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_QUOTE:
        if (quotes_.back().alert) {
          append_alert_close(out_, *quotes_.back().alert);
        } else {
          lit("</blockquote>\n");
        }
        quotes_.pop_back();
        break;
      case MD_BLOCK_UL:
        lit("</ul>\n");
        break;
      case MD_BLOCK_OL:
        lit("</ol>\n");
        break;
      case MD_BLOCK_LI:
        lit("</li>\n");
        break;
      case MD_BLOCK_HR:
        break;
      case MD_BLOCK_H:
        finish_heading();
        break;
      case MD_BLOCK_CODE:
        if (finish_math_block() || finish_code_capture()) break;
        lit("</code></pre>\n");
        break;
      case MD_BLOCK_HTML:
        in_html_block_ = false;
        break;
      case MD_BLOCK_P:
        if (alert_title_ != std::string::npos) {  // the paragraph was the marker's line only
          finish_alert_title(false);
          break;
        }
        if (make_display_block(out_, paragraph_start_, display_start_, display_end_)) break;
        lit("</p>\n");
        break;
      case MD_BLOCK_TABLE:
        lit("</table>\n");
        break;
      case MD_BLOCK_THEAD:
        lit("</thead>\n");
        break;
      case MD_BLOCK_TBODY:
        lit("</tbody>\n");
        break;
      case MD_BLOCK_TR:
        lit("</tr>\n");
        break;
      case MD_BLOCK_TH:
        in_table_cell_ = false;
        lit("</th>\n");
        break;
      case MD_BLOCK_TD:
        in_table_cell_ = false;
        lit("</td>\n");
        break;
    }
  }

  void finish_heading() {
    in_heading_ = false;
    // md4c 0.4.8 keeps tabs around heading text ("#\tFoo"); CommonMark strips them.
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    size_t content = heading_attr_pos_ + 1;
    size_t lead = content;
    while (lead < out_.size() && blank(out_[lead])) ++lead;
    out_.erase(content, lead - content);
    while (out_.size() > content && blank(out_.back())) out_.pop_back();
    if (opt_.heading_ids) {
      std::string_view text = trim_blanks(heading_text_);
      CustomId custom = heading_plain_.split(heading_text_, text);
      if (!custom.attributes.empty())
        drop_attribute_block(
            static_cast<size_t>(custom.attributes.data() - 1 - heading_text_.data()));
      std::string title(text.substr(0, custom.text_length));
      std::string id = ids_.assign(title, custom.id);
      std::string attr = " id=\"" + html_escape(id) + "\"" + attributes_html(custom.attributes);
      out_.insert(heading_attr_pos_, attr);
      if (opt_.smart_punctuation) title = smart_punctuation(title);
      toc_.push_back({std::move(id), std::move(title), static_cast<int>(level_)});
    }
    lit("</h");
    out_ += static_cast<char>('0' + level_);
    lit(">\n");
  }

  // The "{#id .class}" at `brace` of the heading's text, which plain runs wrote: the output goes
  // back to the start of the run it starts in, and that run is written again up to it.
  void drop_attribute_block(size_t brace) {
    auto run = heading_runs_.end();
    while (run != heading_runs_.begin() && std::prev(run)->text > brace) --run;
    if (run == heading_runs_.begin()) return;  // HeadingPlainText saw a run that starts it
    const HeadingRun& from = *std::prev(run);
    out_.resize(from.out);
    smart_ = from.smart;
    plain_text(std::string_view(heading_text_).substr(from.text, brace - from.text));
    while (out_.size() > heading_attr_pos_ + 1 && (out_.back() == ' ' || out_.back() == '\t'))
      out_.pop_back();
  }

  void enter_span(MD_SPANTYPE type, void* detail) {
    alerts_.enter_span();
    if (wiki_text_hidden_) return;  // the resolver's text replaces the link's
    if (image_depth_ > 0) {
      if (type == MD_SPAN_IMG) ++image_depth_;
      return;  // inside alt text only plain text is written
    }
    switch (type) {
      case MD_SPAN_EM:
        lit("<em>");
        break;
      case MD_SPAN_STRONG:
        lit("<strong>");
        break;
      case MD_SPAN_U:
        lit("<u>");
        break;
      case MD_SPAN_DEL:
        lit("<del>");
        break;
      case MD_SPAN_CODE:
        code_span_start_ = out_.size();
        code_span_fresh_ = true;
        if (!start_role()) lit("<code>");
        break;
      case MD_SPAN_A: {
        ++link_depth_;
        auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
        lit("<a href=\"");
        bool broken = href(a->href, false);
        lit(broken ? "\" class=\"broken-link\"" : "\"");
        external_link_attributes();
        if (a->title.size > 0) {
          lit(" title=\"");
          attribute(a->title);
          lit("\"");
        }
        lit(">");
        break;
      }
      case MD_SPAN_IMG: {
        auto* img = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
        lit("<img src=\"");
        href(img->src, false);
        lit("\" alt=\"");
        image_title_.clear();
        if (img->title.size > 0) source_->decode(img->title, image_title_);
        has_image_title_ = img->title.size > 0;
        ++image_depth_;
        break;
      }
      case MD_SPAN_WIKILINK: {
        ++link_depth_;
        auto* w = static_cast<MD_SPAN_WIKILINK_DETAIL*>(detail);
        // "[[target|text]]": md4c's target is a view of the input, followed by the '|'.
        const char* after = w->target.text + w->target.size;
        bool has_text =
            after >= input_.data() && after < input_.data() + input_.size() && *after == '|';
        source_->decode(w->target, scratch_);
        WikiLinkOpen open = append_wiki_link_open(out_, scratch_, has_text, opt_);
        esc(open.text);
        wiki_code_ = open.code;
        wiki_text_hidden_ = open.hide_text;
        break;
      }
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
        math_span_ = type == MD_SPAN_LATEXMATH ? 1 : 2;
        math_text_.clear();
        math_end_ = nullptr;
        break;
    }
  }

  void leave_span(MD_SPANTYPE type, void*) {
    alerts_.leave_span();
    if (wiki_text_hidden_ && type != MD_SPAN_WIKILINK) return;
    if (image_depth_ > 0) {
      if (type != MD_SPAN_IMG || --image_depth_ > 0) return;
      lit("\"");
      if (has_image_title_) {
        lit(" title=\"");
        esc(image_title_);
        lit("\"");
      }
      if (opt_.lazy_images) lit(" loading=\"lazy\" decoding=\"async\"");
      lit(" />");
      return;
    }
    switch (type) {
      case MD_SPAN_EM:
        lit("</em>");
        break;
      case MD_SPAN_STRONG:
        lit("</strong>");
        break;
      case MD_SPAN_U:
        lit("</u>");
        break;
      case MD_SPAN_DEL:
        lit("</del>");
        break;
      case MD_SPAN_CODE:
        if (inline_call_ != nullptr) {
          render_inline_call();
        } else if (!finish_role()) {
          lit("</code>");
        }
        break;
      case MD_SPAN_A:
        --link_depth_;
        lit("</a>");
        break;
      case MD_SPAN_WIKILINK:
        --link_depth_;
        lit(wiki_code_ ? "</code>" : "</a>");
        wiki_code_ = wiki_text_hidden_ = false;
        break;
      case MD_SPAN_IMG:
        break;
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
        finish_math_span();
        break;
    }
  }

  // A fenced block with a language is collected (md4c hands it over in pieces) and given to
  // the highlighter when it ends; the plain markup written so far is its fallback.
  void start_code_capture(const MD_BLOCK_CODE_DETAIL& code) {
    if (code.fence_char == 0 || code.lang.size == 0) return;
    mermaid_ = opt_.directives && std::string_view(code.lang.text, code.lang.size) == "mermaid";
    if (opt_.highlight_code == nullptr && !mermaid_) return;
    capturing_code_ = true;
    code_text_.clear();
    source_->decode(code.info, code_info_);
  }

  bool finish_code_capture() {
    if (!capturing_code_) return false;
    capturing_code_ = false;
    size_t plain_start = out_.size();
    if (mermaid_) {  // Mermaid renders diagrams from the escaped source in the browser
      out_.resize(code_start_);
      lit("<div class=\"mermaid\">");
      esc(code_text_);
      lit("</div>\n");
      return true;
    }
    if (opt_.directives) unescape_shortcode_comments(code_text_, 0, false);  // as render_html
    if ((*opt_.highlight_code)(code_info_, code_text_, out_)) {
      out_.erase(code_start_, plain_start - code_start_);
      return true;
    }
    out_.resize(plain_start);
    esc(code_text_);
    return false;
  }

  // A role ("{kbd}`C`", roles.hpp): when a code span opens right after text ending in a role's
  // "{name}", that text is taken back and the span's text collected for the role.
  bool start_role() {
    if (!opt_.directives || out_.size() != text_end_) return false;
    auto prefix = find_role_prefix(input_, last_text_);
    if (!prefix) return false;
    out_.resize(out_.size() - prefix->length);
    if (in_heading_ && heading_text_.size() >= prefix->length)
      heading_text_.resize(heading_text_.size() - prefix->length);
    role_ = *prefix;
    role_text_.clear();
    return true;
  }

  bool finish_role() {
    if (role_.role == nullptr) return false;
    render_role(*role_.role, role_text_, {opt_, link_depth_ > 0}, out_, role_out_);
    if (role_out_.math) has_math_ = true;
    if (in_heading_) heading_text_ += role_out_.plain;
    smart_.saw_word();
    if (!role_out_.warning.empty()) {
      auto [line, column] = lines_.position(role_.offset);
      warnings_.push_back({line, column, std::move(role_out_.warning)});
    }
    role_ = {};
    return true;
  }

  // A site shortcode called inside a line (hugo_shortcodes.hpp): its code span is replaced by
  // the template's output, without the line end a template file ends with, so that
  // "{{< kbd C >}}." stays one word.
  void render_inline_call() {
    const TextSpan& at = *std::exchange(inline_call_, nullptr);
    smart_.saw_word();
    render_call(at, out_);
  }

  // A raw HTML run holding calls (a line of an HTML block, a tag's attribute): each call whole
  // in it is rendered in place, as Hugo runs shortcodes inside HTML; a piece of one (a call
  // that md4c split between runs) stays as written.
  std::string html_with_calls(std::string_view s) {
    std::string html;
    auto base = static_cast<size_t>(s.data() - input_.data());
    size_t pos = 0;
    for (const TextSpan& call : source_->calls_in(s)) {
      size_t from = std::max(call.offset, base) - base;
      size_t to = std::min(call.offset + call.length, base + s.size()) - base;
      html.append(s.substr(pos, from - pos));
      if (call.offset >= base && call.offset + call.length <= base + s.size()) {
        render_call(call, html);
      } else {
        html.append(source_->source().substr(base + from, to - from));
      }
      pos = to;
    }
    html.append(s.substr(pos));
    return html;
  }

  // Appends the output of the call at `at` to `html`; a warning at the call when it fails.
  void render_call(const TextSpan& at, std::string& html) {
    InlineShortcode sc = read_inline_shortcode(source_->source().substr(at.offset, at.length), 0,
                                               opt_.site_shortcodes);
    ShortcodeCall call{sc.call.title, {}, sc.body, sc.call.kind == ShortcodeLine::kOpen, true};
    for (const auto& [key, value] : sc.call.options) call.args.emplace_back(key, value);
    std::string error;
    size_t start = html.size();
    if (!render_shortcode_call(opt_.directive_host, call, html, error)) {
      auto [line, column] = lines_.position(at.offset);
      warnings_.push_back({line, column, std::move(error)});
      return;
    }
    while (html.size() > start && (html.back() == '\n' || html.back() == '\r')) html.pop_back();
  }

  // A directive marker line (render_pass.hpp) is replaced by the directive's markup; as the
  // first line of an HTML block it also takes back safe mode's "raw HTML omitted".
  bool directive_marker(std::string_view s) {
    bool first_line = in_html_block_ && html_block_lines_++ == 0;
    if (after_marker_ && s == "\n") {
      after_marker_ = false;
      return true;
    }
    after_marker_ = false;
    if (!s.starts_with(markers_->marker_prefix())) return false;
    // Taken back before the markup is written: a directive's close may rewrite what it
    // wrapped (a checklist drops its checkboxes' `disabled`), which moves this offset.
    std::string omitted;
    if (first_line) {
      omitted.assign(out_, html_block_start_);
      out_.resize(html_block_start_);
    }
    if (!markers_->on_marker(s, out_, ids_)) {
      out_ += omitted;
      return false;
    }
    block_attributes_ = markers_->take_block_attributes();
    after_marker_ = in_html_block_;
    return true;
  }

  void text(MD_TEXTTYPE type, std::string_view s) {
    if (inline_call_ != nullptr) return;  // the call's code span (render_inline_call)
    bool span_starts = std::exchange(code_span_fresh_, false);
    if (const TextSpan* call = span_starts && type == MD_TEXT_CODE && role_.role == nullptr
                                   ? source_->span_call(s.data())
                                   : nullptr) {
      out_.resize(code_span_start_);
      inline_call_ = call;
      return;
    }
    // A call where md4c read no code span of it (a fence in a quote, a code span across lines,
    // an image's description) is shown as written.
    if (type != MD_TEXT_HTML) s = source_->as_written(s);
    if (alert_run(type, s)) return;
    if (wiki_text_hidden_) return;
    if (math_span_ != 0) {
      capture_math(type, s);
      return;
    }
    if (capturing_code_) {
      capture_code(type, s);
      return;
    }
    switch (type) {
      case MD_TEXT_NULLCHAR:
        append_utf8(role_.role != nullptr ? role_text_ : out_, 0xFFFD);
        if (role_.role != nullptr) return;
        if (in_heading_) append_utf8(heading_text_, 0xFFFD);
        return;
      case MD_TEXT_BR:
        lit(image_depth_ > 0 ? " " : "<br />\n");
        if (in_heading_) heading_text_ += ' ';
        smart_.saw_space();
        return;
      case MD_TEXT_SOFTBR:
        lit(image_depth_ > 0 ? " " : opt_.hard_wraps ? "<br />\n" : "\n");
        if (in_heading_) heading_text_ += ' ';
        smart_.saw_space();
        return;
      case MD_TEXT_ENTITY: {
        scratch_.clear();
        append_entity(scratch_, s);
        esc(scratch_);
        if (in_heading_) heading_text_ += scratch_;
        smart_.saw_word();
        return;
      }
      case MD_TEXT_HTML:
        html_text(s);
        return;
      case MD_TEXT_CODE:
        // GFM removes the backslash of "\|" in a table cell before inline parsing, so also
        // inside code spans; md4c 0.4.8 keeps it there.
        if (in_table_cell_ && s.find("\\|") != std::string_view::npos) {
          scratch_.assign(s);
          for (size_t i = scratch_.find("\\|"); i != std::string::npos;
               i = scratch_.find("\\|", i + 1))
            scratch_.erase(i, 1);
          s = scratch_;
        }
        if (role_.role != nullptr) {
          role_text_.append(s);
          return;
        }
        esc(s);
        if (in_heading_) heading_text_.append(s);
        smart_.saw_word();
        return;
      case MD_TEXT_NORMAL:
        warn_shortcodes(s);
        // "\"" is a straight quote: md4c hands the escaped character over as a run of its own.
        if (opt_.smart_punctuation && run_starts_escaped(s, last_text_end_, input_))
          smart_.escape_next();
        if (notes_ != nullptr) {
          text_with_footnotes(s);
        } else {
          plain_text(s);
        }
        // A role's "{name}" is the end of the last normal text run (start_role).
        last_text_ = s;
        text_end_ = out_.size();
        return;
      default:
        plain_text(s);
    }
  }

  // What an alert (alerts.hpp) does with a run: skips its marker, ends its title at the end of
  // the line unless a span of it goes on (the span's markup stays whole). True when the run is
  // spent.
  bool alert_run(MD_TEXTTYPE type, std::string_view& s) {
    start_alert(type, s);
    if (alert_skip_ != nullptr && skip_alert_marker(s)) return true;
    if (alert_title_ == std::string::npos || !alerts_.ends_title(type)) return false;
    finish_alert_title(true);
    return true;
  }

  // A block quote's first paragraph starting with an alert's marker (alerts.hpp): the quote's
  // "<blockquote>\n<p>" is taken back, the marker is skipped, and what follows it on its line
  // is written, to become the title when the line ends.
  void start_alert(MD_TEXTTYPE type, std::string_view s) {
    bool normal = type == MD_TEXT_NORMAL && in_input(s.data());
    std::optional<AlertMarker> alert =
        alerts_.marker(normal, input_, normal ? static_cast<size_t>(s.data() - input_.data()) : 0);
    if (!alert) return;
    out_.resize(quotes_.back().start);
    quotes_.back().alert = alert;
    alert_skip_ = input_.data() + alert->title;
    alert_title_ = out_.size();
  }

  // Drops what of the run `s` is the marker; true when nothing of it is left to write.
  bool skip_alert_marker(std::string_view& s) {
    const char* skip = std::exchange(alert_skip_, nullptr);
    if (!in_input(s.data()) || s.data() >= skip) return false;
    if (s.data() + s.size() <= skip) {
      alert_skip_ = skip;  // more of the marker may come in the next run
      return true;
    }
    s.remove_prefix(static_cast<size_t>(skip - s.data()));
    return false;
  }

  // The marker's line ended: what was written since the marker is the title. `more`: the
  // paragraph goes on, as the box's first paragraph.
  void finish_alert_title(bool more) {
    std::string title = out_.substr(alert_title_);
    out_.resize(alert_title_);
    alert_title_ = std::string::npos;
    append_alert_open(out_, *quotes_.back().alert, title);
    smart_.start_block();
    if (!more) return;
    paragraph_start_ = out_.size();
    lit("<p>");
  }

  // A run of raw HTML: written as it is (safe mode: omitted), its site shortcode calls rendered;
  // in an image's description, escaped as text.
  void html_text(std::string_view s) {
    if (markers_ != nullptr && directive_marker(s)) return;
    warn_shortcodes(s);  // "{{<youtube x>}}": the "<youtube x>" is an inline tag
    bool calls = !source_->calls_in(s).empty();
    if (image_depth_ > 0) {
      // Alt text is plain text, cmark escapes inline HTML there; calls as written.
      esc(calls ? source_->as_written(s) : s);
      return;
    }
    if (!opt_.unsafe_html) {
      if (!in_html_block_) lit(kOmitted);
      return;
    }
    raw_html(calls ? std::string_view(html_with_calls(s)) : s);
  }

  // Warns at each Hugo or Zola shortcode that opens in this run of text, or just before it
  // ("{{" then a run starting "<"): each shows as text.
  void warn_shortcodes(std::string_view s) {
    if (!in_input(s.data()) || s.find_first_of("{<%") == std::string_view::npos) return;
    auto begin = static_cast<size_t>(s.data() - input_.data());
    for (ShortcodeUse& use : find_shortcodes(input_, begin >= 2 ? begin - 2 : 0, begin + s.size(),
                                             opt_.directives, &opt_.site_shortcodes)) {
      if (use.offset < shortcodes_seen_) continue;  // found from the run before
      shortcodes_seen_ = use.offset + 1;
      auto [line, column] = lines_.position(use.offset);
      warnings_.push_back({line, column, std::move(use.message)});
    }
  }

  // Heading ids are made from the text as written, typographic punctuation or not, as
  // discovery makes them (links to headings are checked against its ids).
  void plain_text(std::string_view s) {
    if (in_heading_) {
      heading_runs_.push_back({heading_text_.size(), out_.size(), smart_});
      heading_text_.append(s);
      heading_plain_.ran(heading_runs_.back().text, heading_text_.size());
    }
    if (!opt_.smart_punctuation) {
      esc(s);
      return;
    }
    smart_text_.clear();
    smart_.append(s, smart_text_);
    esc(smart_text_);
  }

  // Zola's [markdown] external_links_*: a link to an http(s) address (scratch_, as href()
  // decoded it) opens in a new tab, or tells search engines and the linked site less.
  void external_link_attributes() {
    if (!opt_.external_links.target_blank && !opt_.external_links.no_follow &&
        !opt_.external_links.no_referrer)
      return;
    auto starts = [&](std::string_view scheme) {
      if (scratch_.size() < scheme.size()) return false;
      for (size_t i = 0; i < scheme.size(); ++i)
        if (ascii_lower(scratch_[i]) != scheme[i]) return false;
      return true;
    };
    if (!starts("http://") && !starts("https://")) return;
    std::string rel;
    auto add = [&](std::string_view word) {
      if (!rel.empty()) rel += ' ';
      rel += word;
    };
    // A page opened in a new tab gets no handle on this one (noopener), always.
    if (opt_.external_links.target_blank) add("noopener");
    if (opt_.external_links.no_follow) add("nofollow");
    if (opt_.external_links.no_referrer) add("noreferrer");
    lit(" rel=\"");
    lit(rel);
    lit("\"");
    if (opt_.external_links.target_blank) lit(" target=\"_blank\"");
  }

  bool in_input(const char* p) const {
    return p >= input_.data() && p <= input_.data() + input_.size();
  }

  // Text with "[^label]" references to defined footnotes. md4c hands an escaped character
  // ("\[") over as the start of a run that does not continue the last one.
  void text_with_footnotes(std::string_view s) {
    bool escaped = run_starts_escaped(s, last_text_end_, input_);
    size_t from = 0;
    FootnoteMatch m;
    while (notes_->find_reference(s, from, escaped, m)) {
      plain_text(s.substr(from, m.begin - from));
      // Image alt text is plain: the reference counts (as in cmark-gfm) but writes nothing.
      // The notes place a reference by its address in the page's own text.
      const char* at = s.data() + m.begin;
      if (in_input(at)) at = source_->in_source(at);
      notes_->append_reference(m.label, at, image_depth_ > 0 ? scratch_ : out_);
      if (image_depth_ > 0) scratch_.clear();
      from = m.end;
    }
    plain_text(s.substr(from));
  }

  void capture_code(MD_TEXTTYPE type, std::string_view s) {
    // md4c 0.4.8 reports a NUL in code as NULLCHAR and then again inside the next text.
    if (type == MD_TEXT_NULLCHAR) {
      append_utf8(code_text_, 0xFFFD);
    } else if (s.find('\0') == std::string_view::npos) {
      code_text_.append(s);
    } else {
      for (char c : s)
        if (c != '\0') code_text_ += c;
    }
  }

  void capture_math(MD_TEXTTYPE type, std::string_view s) {
    if (type == MD_TEXT_SOFTBR || type == MD_TEXT_BR) {
      math_text_ += '\n';
    } else if (type == MD_TEXT_NULLCHAR) {
      append_utf8(math_text_, 0xFFFD);
    } else {
      math_text_.append(s);
      if (in_input(s.data())) math_end_ = s.data() + s.size();
    }
  }

  // Writes a math span md4c found, unless the dollar rules say it is money.
  void finish_math_span() {
    int delimiters = math_span_;
    math_span_ = 0;
    char after = 0;
    if (math_end_ != nullptr) {
      auto at = static_cast<size_t>(math_end_ - input_.data()) + delimiters;
      if (at < input_.size()) after = input_[at];
    }
    if (in_heading_) heading_text_.append(math_text_);
    if (image_depth_ > 0) {
      esc(math_text_);  // alt text is plain text
    } else if (!is_math_span(math_text_, delimiters, after)) {
      std::string_view dollars = delimiters == 1 ? "$" : "$$";
      lit(dollars);
      esc(math_text_);
      lit(dollars);
    } else {
      has_math_ = true;
      display_start_ = out_.size();
      append_math(out_, math_text_, delimiters == 1 ? MathKind::kInline : MathKind::kDisplaySpan);
      display_end_ = delimiters == 1 ? std::string::npos : out_.size();
    }
  }

  // A ```math fence is display math, never highlighted.
  bool start_math_block(const MD_BLOCK_CODE_DETAIL& code) {
    if (!opt_.math || code.fence_char == 0) return false;
    source_->decode(code.lang, scratch_);
    if (scratch_ != "math") return false;
    math_block_ = true;
    capturing_code_ = true;
    code_text_.clear();
    return true;
  }

  bool finish_math_block() {
    if (!math_block_) return false;
    math_block_ = false;
    capturing_code_ = false;
    if (code_text_.ends_with('\n')) code_text_.pop_back();
    has_math_ = true;
    append_math(out_, code_text_, MathKind::kDisplayBlock);
    return true;
  }

  const Options& opt_;
  std::string& out_;
  std::vector<TocEntry>& toc_;
  std::vector<RenderWarning>& warnings_;
  bool& has_math_;
  Footnotes* notes_ = nullptr;
  const char* last_text_end_ = nullptr;  // where the last text run ended in the input
  SmartPunctuation smart_;               // with Options::smart_punctuation
  std::string smart_text_;
  int block_depth_ = 0;
  MD_BLOCKTYPE last_top_block_ = MD_BLOCK_DOC;  // the last block directly in the document
  size_t paragraph_start_ = std::string::npos;  // where the last "<p>" was written
  // The block quotes open, innermost last: where each starts in out_, and its alert if any.
  struct Quote {
    size_t start = 0;
    std::optional<AlertMarker> alert;
  };
  std::vector<Quote> quotes_;
  AlertSpotter alerts_{opt_.alerts};
  const char* alert_skip_ = nullptr;        // runs before this are the alert's marker
  size_t alert_title_ = std::string::npos;  // where the alert's title starts in out_
  int math_span_ = 0;                       // inside a math span: 1 for "$", 2 for "$$"
  std::string math_text_;
  const char* math_end_ = nullptr;            // end of the math text in the input
  size_t display_start_ = std::string::npos;  // the last display math <span>
  size_t display_end_ = std::string::npos;
  bool math_block_ = false;  // capturing a ```math fence
  MarkerHandler* markers_;
  size_t html_block_start_ = 0;
  int html_block_lines_ = 0;
  size_t shortcodes_seen_ = 0;  // offsets of input_ below this were searched for shortcodes
  bool after_marker_ = false;   // the "\n" md4c sends after a marker's line is not written
  bool mermaid_ = false;
  std::string scratch_;
  const Md4cInput* source_ = nullptr;
  std::string_view input_;  // the Markdown being rendered: source_'s copy, which md4c parses
  std::string image_title_;
  bool has_image_title_ = false;
  int image_depth_ = 0;
  bool in_table_cell_ = false;
  bool in_html_block_ = false;
  bool in_heading_ = false;
  unsigned level_ = 1;
  size_t heading_attr_pos_ = 0;
  std::string heading_text_;
  // The plain text runs at the end of the heading: where each starts in heading_text_ and in
  // the output, and the punctuation state there (drop_attribute_block).
  struct HeadingRun {
    size_t text;
    size_t out;
    SmartPunctuation smart;
  };
  std::vector<HeadingRun> heading_runs_;
  HeadingPlainText heading_plain_;
  std::string block_attributes_;  // for the next block (add_block_attributes)
  HeadingIds ids_;
  bool capturing_code_ = false;
  size_t code_start_ = 0;  // where the block's "<pre><code" begins
  std::string code_text_;
  std::string code_info_;
  LineCounter lines_{{}};
  int link_depth_ = 0;
  bool wiki_code_ = false;         // the open wiki link is a <code> (link_destination.hpp)
  bool wiki_text_hidden_ = false;  // and its text is the resolver's, already written
  // The last plain text run (a view of the input) and where its output ends: a role's
  // "{name}" is that run's end when nothing was written since.
  std::string_view last_text_;
  size_t text_end_ = SIZE_MAX;
  size_t code_span_start_ = 0;             // where the open code span's "<code>" begins
  bool code_span_fresh_ = false;           // a code span opened and no text came yet
  const TextSpan* inline_call_ = nullptr;  // the inline shortcode call whose code span is open
  RolePrefix role_;  // the role whose code span is open; role == nullptr for none
  std::string role_text_;
  RoleOutput role_out_;
};

}  // namespace

bool render_pass(std::string_view markdown, const Options& options, Rendered& out,
                 MarkerHandler* markers, Footnotes* notes) {
  HtmlRenderer renderer(options, out, markers);
  bool calls = options.directives && !options.site_shortcodes.empty();
  Md4cInput input(markdown, options.directives, calls ? &options.site_shortcodes : nullptr);
  renderer.set_input(input);
  renderer.set_footnotes(notes);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = md4c_flags(options.gfm, options.wiki_links, options.math);
  parser.enter_block = &HtmlRenderer::enter_block;
  parser.leave_block = &HtmlRenderer::leave_block;
  parser.enter_span = &HtmlRenderer::enter_span;
  parser.leave_span = &HtmlRenderer::leave_span;
  parser.text = &HtmlRenderer::text;
  input.parse(parser, &renderer);
  return renderer.ends_in_paragraph();
}

void render_document(std::string_view markdown, const Options& options, Rendered& out,
                     MarkerHandler* markers) {
  if (!options.gfm || !options.footnotes || !may_have_footnotes(markdown)) {
    render_pass(markdown, options, out, markers);
    return;
  }
  ExtractedFootnotes extracted =
      extract_footnotes(markdown, md4c_flags(options.gfm, options.wiki_links, options.math));
  if (extracted.definitions.empty()) {
    render_pass(markdown, options, out, markers);
    return;
  }
  // A definition's body is rendered on its own (its headings stay out of the page's toc) with
  // the page's footnotes, so references inside it are numbered too.
  Footnotes* self = nullptr;
  Footnotes notes(std::move(extracted.definitions),
                  [&](std::string_view body, std::string& html, std::vector<RenderWarning>& w) {
                    Rendered r;
                    bool paragraph = render_pass(body, options, r, nullptr, self);
                    html += r.html;
                    w = std::move(r.warnings);
                    out.has_math = out.has_math || r.has_math;
                    return paragraph;
                  });
  self = &notes;
  notes.set_page_text(extracted.text);
  render_pass(extracted.text, options, out, markers, &notes);
  notes.append_section(out.html, out.warnings);
}

}  // namespace bengal::markdown
