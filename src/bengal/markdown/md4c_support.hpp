// What the renderer and the body scan share about md4c: the parser flags of bengal's dialect
// (so both parse identically), the one way md4c is run, and attribute decoding. Internal to
// the Markdown stage.
#pragma once

#include <md4c.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/markdown/hugo_shortcodes.hpp"

namespace bengal::markdown {

inline unsigned md4c_flags(bool gfm, bool wiki_links, bool math = false) {
  unsigned flags = 0;
  if (gfm)
    flags |=
        MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_PERMISSIVEAUTOLINKS;
  if (wiki_links) flags |= MD_FLAG_WIKILINKS;
  if (math) flags |= MD_FLAG_LATEXMATHSPANS;
  return flags;
}

// The text md4c parses, and the only way it is parsed. md4c 0.4.8 reads the byte just past
// its input when an inline link is left open at the very end ("[a](b{{{"), and takes a ')'
// found there for the link's end: it then reports a text run of some 4 GB that starts inside
// the input (fuzz/page_record_fuzzer.cpp found it in a page whose body was a view into a
// larger buffer). Followed by a NUL byte, the input ends every construct, so md4c is given a
// copy of the text, which std::string ends with one; callbacks see pointers into that copy,
// so a caller measures offsets against text(), never against what it passed in. Text runs
// are also cut at the copy's end, should another over-read report one past it.
class Md4cInput {
 public:
  explicit Md4cInput(std::string_view text) : source_(text), text_(text) {}
  // A site page's text: Hugo's ref and relref in link destinations are rewritten, in place
  // and to the same length (hugo_shortcodes.hpp), and so are calls of `site`'s shortcodes
  // inside lines of text, into code spans that span_call finds.
  Md4cInput(std::string_view text, bool hugo_refs, const std::vector<std::string>* site = nullptr);

  std::string_view text() const { return text_; }
  // Where `at`, a pointer into text(), stands in the text given to the constructor: an
  // address that leaves the parse is one in the caller's text.
  const char* in_source(const char* at) const { return source_.data() + (at - text_.data()); }
  std::string_view source() const { return source_; }
  // The inline shortcode call (mark_inline_shortcodes) whose code span's text `first_run`, the
  // first text run of a code span (a pointer into text()), is: the run starts two bytes into
  // the call, after its "``". Its offset and length are the same in text() and in the text
  // given; null for a code span of the page's own.
  const TextSpan* span_call(const char* first_run) const;
  // The calls that overlap `run`, a view into text(): md4c hands a call inside raw HTML (an
  // HTML block's line, a tag's attribute) over as part of an HTML run, not as a code span.
  std::span<const TextSpan> calls_in(std::string_view run) const;
  // `run` (a view into text()) with the calls in it as written, from the text given: where
  // md4c read no code span of a call (an image's description, a fence in a quote, a code span
  // across lines). A run that is the whole text of a call's code span gets its "{{" and "}}"
  // back, which md4c does not hand over as text.
  std::string_view as_written(std::string_view run) const;
  // decode_attribute of an attribute md4c read from text() (a link's destination or title, a
  // fence's info string), with the calls in it as written.
  void decode(const MD_ATTRIBUTE& a, std::string& out) const;
  // md_parse over text() with `parser`'s callbacks and flags; returns md_parse's result.
  int parse(const MD_PARSER& parser, void* userdata) const;

 private:
  std::string_view source_;
  std::string text_;
  std::vector<TextSpan> calls_;
};

// Decodes an md4c attribute (link destination, title, info string) into `out`: entities
// resolved, NUL characters replaced by U+FFFD.
void decode_attribute(const MD_ATTRIBUTE& a, std::string& out);

}  // namespace bengal::markdown
