// The discovery-time scan of a page body: one md4c parse that builds no HTML, collecting what
// the index needs so the body itself can be dropped.
#include <xxhash.h>

#include "bengal/markdown/entities.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/markdown.hpp"
#include "bengal/markdown/md4c_support.hpp"

namespace bengal::markdown {
namespace {

class Scanner {
 public:
  Scanner(BodyScan& out, std::string_view text) : out_(out), text_(text) {}

  // The line of a link: md4c's attribute text usually points into the input; when it does
  // not (escapes were resolved), the written text is searched for from the last link on.
  uint32_t line_of(const MD_ATTRIBUTE& a, std::string_view written) {
    size_t offset = std::string_view::npos;
    if (a.text >= text_.data() && a.text < text_.data() + text_.size()) {
      offset = static_cast<size_t>(a.text - text_.data());
    } else if (!written.empty()) {
      offset = text_.find(written, cursor_);
    }
    if (offset == std::string_view::npos || offset < cursor_) offset = cursor_;
    for (; cursor_ < offset; ++cursor_)
      if (text_[cursor_] == '\n') ++line_;
    return line_;
  }

  static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
    auto* s = static_cast<Scanner*>(self);
    s->break_word();
    if (type == MD_BLOCK_H) {
      s->in_heading_ = true;
      s->heading_.clear();
    }
    (void)detail;
    return 0;
  }
  static int leave_block(MD_BLOCKTYPE type, void*, void* self) {
    auto* s = static_cast<Scanner*>(self);
    s->break_word();
    if (type == MD_BLOCK_H) {
      s->in_heading_ = false;
      CustomId custom = split_custom_id(s->heading_);
      s->out_.anchors.push_back(
          s->ids_.assign(s->heading_.substr(0, custom.text_length), custom.id));
    }
    return 0;
  }
  static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
    auto* s = static_cast<Scanner*>(self);
    if (type == MD_SPAN_A) {
      const MD_ATTRIBUTE& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      s->out_.links.push_back(decoded(href));
      s->out_.link_lines.push_back(s->line_of(href, s->out_.links.back()));
    } else if (type == MD_SPAN_WIKILINK) {
      const MD_ATTRIBUTE& target = static_cast<MD_SPAN_WIKILINK_DETAIL*>(detail)->target;
      s->out_.wiki_links.push_back(decoded(target));
      s->out_.wiki_link_lines.push_back(s->line_of(target, s->out_.wiki_links.back()));
    }
    return 0;
  }
  static int leave_span(MD_SPANTYPE, void*, void*) { return 0; }
  static int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* self) {
    auto* s = static_cast<Scanner*>(self);
    std::string_view t(data, size);
    switch (type) {
      case MD_TEXT_HTML:
        if (t.find("<!--more-->") != std::string_view::npos && !s->out_.has_more_marker) {
          s->out_.has_more_marker = true;
          s->more_summary_ = s->summary_all_;
        }
        return 0;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        s->add_text(" ");
        return 0;
      case MD_TEXT_NULLCHAR:
        s->add_text("\xEF\xBF\xBD");
        return 0;
      case MD_TEXT_ENTITY: {
        std::string decoded;
        append_entity(decoded, t);
        s->add_text(decoded);
        return 0;
      }
      default:
        s->add_text(t);
        return 0;
    }
  }

  void finish() {
    break_word();
    if (out_.has_more_marker) {
      out_.summary = std::move(more_summary_);
    } else {
      out_.summary = std::move(summary_);
    }
    while (!out_.summary.empty() && out_.summary.back() == ' ') out_.summary.pop_back();
  }

 private:
  static std::string decoded(const MD_ATTRIBUTE& a) {
    std::string out;
    decode_attribute(a, out);
    return out;
  }

  // Words are counted across text callbacks; a block boundary ends a word.
  void break_word() {
    in_word_ = false;
    pending_space_ = true;
  }

  void add_text(std::string_view t) {
    if (in_heading_) heading_.append(t);
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
        if (pending_space_ && !summary_all_.empty()) append_summary(' ');
        pending_space_ = false;
        if (out_.word_count == kSummaryWords + 1) summary_full_ = true;
      }
      append_summary(c);
    }
  }

  void append_summary(char c) {
    // The text before <!--more--> may be long; the word-limited summary stops at 70 words.
    if (!out_.has_more_marker) summary_all_ += c;
    if (!summary_full_) summary_ += c;
  }

  BodyScan& out_;
  std::string_view text_;
  size_t cursor_ = 0;  // line_of() has counted newlines up to here
  uint32_t line_ = 1;
  HeadingIds ids_;
  std::string heading_;
  std::string summary_;      // first kSummaryWords words
  std::string summary_all_;  // everything up to <!--more--> (while none was seen)
  std::string more_summary_;
  bool in_heading_ = false;
  bool in_word_ = false;
  bool pending_space_ = false;
  bool summary_full_ = false;
};

}  // namespace

BodyScan scan_body(std::string_view markdown) {
  BodyScan out;
  out.content_hash = XXH3_64bits(markdown.data(), markdown.size());
  Scanner scanner(out, markdown);
  MD_PARSER parser{};
  parser.flags = md4c_flags(true, true);
  parser.enter_block = &Scanner::enter_block;
  parser.leave_block = &Scanner::leave_block;
  parser.enter_span = &Scanner::enter_span;
  parser.leave_span = &Scanner::leave_span;
  parser.text = &Scanner::text;
  md_parse(markdown.data(), static_cast<MD_SIZE>(markdown.size()), &parser, &scanner);
  scanner.finish();
  return out;
}

}  // namespace bengal::markdown
