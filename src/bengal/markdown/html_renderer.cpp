// The HTML renderer: md4c parses, these callbacks write HTML byte for byte as cmark-gfm does,
// so `bengal md` passes the CommonMark and GFM spec examples.
#include <md4c.h>

#include <cstdint>

#include "bengal/core/html.hpp"
#include "bengal/markdown/entities.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/html_escaping.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/markdown/md4c_support.hpp"
#include "bengal/markdown/render_pass.hpp"
#include "bengal/markdown/url_safety.hpp"

namespace bengal::markdown {

namespace {

constexpr std::string_view kOmitted = "<!-- raw HTML omitted -->";

class HtmlRenderer {
 public:
  HtmlRenderer(const Options& options, Rendered& out, MarkerHandler* markers)
      : opt_(options), out_(out.html), toc_(out.toc), markers_(markers) {}

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
    renderer->text(type, renderer->clamped_to_input(text, size));
    return 0;
  }

  // md4c 0.4.8 can hand over a text run that ends a byte or two past the input (found by
  // fuzz/markdown_fuzzer.cpp); a run that starts inside the input is cut at its end, so no
  // byte after the page's own text is ever read. Runs md4c keeps elsewhere (the replacement
  // character for NUL, for one) are left alone.
  std::string_view clamped_to_input(const MD_CHAR* text, MD_SIZE size) const {
    auto at = reinterpret_cast<std::uintptr_t>(text);
    auto begin = reinterpret_cast<std::uintptr_t>(input_.data());
    auto end = begin + input_.size();
    if (at >= begin && at <= end && size > end - at) size = static_cast<MD_SIZE>(end - at);
    return {text, size};
  }
  void set_input(std::string_view input) { input_ = input; }

 private:
  void lit(std::string_view s) { out_ += s; }
  void esc(std::string_view s) { append_html_escaped(out_, s); }

  void attribute(const MD_ATTRIBUTE& a) {
    decode_attribute(a, scratch_);
    esc(scratch_);
  }

  // Writes a link destination, rewritten by the resolver; returns true when the resolver
  // says the target does not exist.
  bool href(const MD_ATTRIBUTE& a, bool wiki) {
    decode_attribute(a, scratch_);
    bool broken = false;
    if (opt_.resolve_link != nullptr) {
      if (auto rewritten = (*opt_.resolve_link)(scratch_, wiki)) {
        scratch_ = std::move(rewritten->href);
        broken = rewritten->broken;
      }
    }
    // Safe mode writes an empty destination for a script or document URL, as cmark-gfm does.
    if (!opt_.unsafe_html && is_dangerous_url(scratch_)) return broken;
    append_url_escaped(out_, scratch_);
    return broken;
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
    if (type != MD_BLOCK_DOC && type != MD_BLOCK_TBODY && type != MD_BLOCK_THEAD &&
        type != MD_BLOCK_TR && type != MD_BLOCK_TH && type != MD_BLOCK_TD)
      cr();
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_QUOTE:
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
        in_heading_ = true;
        break;
      }
      case MD_BLOCK_CODE: {
        auto* code = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
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
    switch (type) {
      case MD_BLOCK_DOC:
        break;
      case MD_BLOCK_QUOTE:
        lit("</blockquote>\n");
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
        if (finish_code_capture()) break;
        lit("</code></pre>\n");
        break;
      case MD_BLOCK_HTML:
        in_html_block_ = false;
        break;
      case MD_BLOCK_P:
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
      CustomId custom = split_custom_id(text);
      if (!custom.id.empty()) {
        // Drop the "{#id}" text from the output too, when it was rendered as plain text.
        std::string suffix = html_escape(text.substr(custom.text_length));
        if (out_.size() >= heading_attr_pos_ + suffix.size() &&
            std::string_view(out_).ends_with(suffix))
          out_.resize(out_.size() - suffix.size());
      }
      std::string title(text.substr(0, custom.text_length));
      std::string id = ids_.assign(title, custom.id);
      std::string attr = " id=\"" + html_escape(id) + "\"";
      out_.insert(heading_attr_pos_, attr);
      toc_.push_back({std::move(id), std::move(title), static_cast<int>(level_)});
    }
    lit("</h");
    out_ += static_cast<char>('0' + level_);
    lit(">\n");
  }

  void enter_span(MD_SPANTYPE type, void* detail) {
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
        lit("<code>");
        break;
      case MD_SPAN_A: {
        auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
        lit("<a href=\"");
        bool broken = href(a->href, false);
        lit(broken ? "\" class=\"broken-link\"" : "\"");
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
        if (img->title.size > 0) decode_attribute(img->title, image_title_);
        has_image_title_ = img->title.size > 0;
        ++image_depth_;
        break;
      }
      case MD_SPAN_WIKILINK: {
        auto* w = static_cast<MD_SPAN_WIKILINK_DETAIL*>(detail);
        lit("<a href=\"");
        lit(href(w->target, true) ? "\" class=\"broken-link\">" : "\">");
        break;
      }
      case MD_SPAN_LATEXMATH:
        lit("<x-equation>");
        break;
      case MD_SPAN_LATEXMATH_DISPLAY:
        lit("<x-equation type=\"display\">");
        break;
    }
  }

  void leave_span(MD_SPANTYPE type, void*) {
    if (image_depth_ > 0) {
      if (type != MD_SPAN_IMG || --image_depth_ > 0) return;
      lit("\"");
      if (has_image_title_) {
        lit(" title=\"");
        esc(image_title_);
        lit("\"");
      }
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
        lit("</code>");
        break;
      case MD_SPAN_A:
      case MD_SPAN_WIKILINK:
        lit("</a>");
        break;
      case MD_SPAN_IMG:
        break;
      case MD_SPAN_LATEXMATH:
      case MD_SPAN_LATEXMATH_DISPLAY:
        lit("</x-equation>");
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
    decode_attribute(code.info, code_info_);
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
    if ((*opt_.highlight_code)(code_info_, code_text_, out_)) {
      out_.erase(code_start_, plain_start - code_start_);
      return true;
    }
    out_.resize(plain_start);
    esc(code_text_);
    return false;
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
    size_t before = out_.size();
    if (!s.starts_with(markers_->marker_prefix()) || !markers_->on_marker(s, out_, ids_))
      return false;
    if (first_line) out_.erase(html_block_start_, before - html_block_start_);
    after_marker_ = in_html_block_;
    return true;
  }

  void text(MD_TEXTTYPE type, std::string_view s) {
    if (capturing_code_) {
      // md4c 0.4.8 reports a NUL in code as NULLCHAR and then again inside the next text.
      if (type == MD_TEXT_NULLCHAR) {
        append_utf8(code_text_, 0xFFFD);
      } else if (s.find('\0') == std::string_view::npos) {
        code_text_.append(s);
      } else {
        for (char c : s)
          if (c != '\0') code_text_ += c;
      }
      return;
    }
    switch (type) {
      case MD_TEXT_NULLCHAR:
        append_utf8(out_, 0xFFFD);
        if (in_heading_) append_utf8(heading_text_, 0xFFFD);
        return;
      case MD_TEXT_BR:
        lit(image_depth_ > 0 ? " " : "<br />\n");
        if (in_heading_) heading_text_ += ' ';
        return;
      case MD_TEXT_SOFTBR:
        lit(image_depth_ > 0 ? " " : "\n");
        if (in_heading_) heading_text_ += ' ';
        return;
      case MD_TEXT_ENTITY: {
        scratch_.clear();
        append_entity(scratch_, s);
        esc(scratch_);
        if (in_heading_) heading_text_ += scratch_;
        return;
      }
      case MD_TEXT_HTML:
        if (markers_ != nullptr && directive_marker(s)) return;
        if (image_depth_ > 0) {
          esc(s);  // alt text is plain text: cmark escapes inline HTML there
          return;
        }
        if (!opt_.unsafe_html) {
          if (!in_html_block_) lit(kOmitted);
          return;
        }
        raw_html(s);
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
        esc(s);
        if (in_heading_) heading_text_.append(s);
        return;
      default:  // normal text, LaTeX
        esc(s);
        if (in_heading_) heading_text_.append(s);
    }
  }

  const Options& opt_;
  std::string& out_;
  std::vector<TocEntry>& toc_;
  MarkerHandler* markers_;
  size_t html_block_start_ = 0;
  int html_block_lines_ = 0;
  bool after_marker_ = false;  // the "\n" md4c sends after a marker's line is not written
  bool mermaid_ = false;
  std::string scratch_;
  std::string_view input_;  // the Markdown being rendered: text runs are clamped to it
  std::string image_title_;
  bool has_image_title_ = false;
  int image_depth_ = 0;
  bool in_table_cell_ = false;
  bool in_html_block_ = false;
  bool in_heading_ = false;
  unsigned level_ = 1;
  size_t heading_attr_pos_ = 0;
  std::string heading_text_;
  HeadingIds ids_;
  bool capturing_code_ = false;
  size_t code_start_ = 0;  // where the block's "<pre><code" begins
  std::string code_text_;
  std::string code_info_;
};

}  // namespace

void render_pass(std::string_view markdown, const Options& options, Rendered& out,
                 MarkerHandler* markers) {
  HtmlRenderer renderer(options, out, markers);
  renderer.set_input(markdown);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = md4c_flags(options.gfm, options.wiki_links);
  parser.enter_block = &HtmlRenderer::enter_block;
  parser.leave_block = &HtmlRenderer::leave_block;
  parser.enter_span = &HtmlRenderer::enter_span;
  parser.leave_span = &HtmlRenderer::leave_span;
  parser.text = &HtmlRenderer::text;
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &renderer);
}

}  // namespace bengal::markdown
