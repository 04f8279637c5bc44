// GFM footnotes around md4c, which has none: a pre-pass takes the definitions ("[^x]: text")
// out of the text md4c parses, the renderer hands its text runs here to find references
// ("[^x]"), and this object numbers them and writes the section at the end of the page, byte
// for byte as cmark-gfm 0.29.0.gfm.6 (Debian 12) does. Internal to the Markdown stage.
//
// One Footnotes object serves one rendered page (a render session): definitions and references
// in any piece of the page, directive bodies included, end in the one section. Not thread-safe;
// each render owns its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bengal/markdown/directive_host.hpp"

namespace bengal::markdown {

struct FootnoteDefinition {
  std::string label;  // as written: the ids are "fn-LABEL" and "fnref-LABEL"
  // Markdown, with the continuation lines' indentation removed and the page's one-line link
  // reference definitions it uses appended (it is parsed on its own).
  std::string body;
  size_t offset = 0;  // in the text md4c parses: references are numbered in document order
  uint32_t line = 0;  // 1-based line of "[^label]:", to place warnings from the body
};

// The text md4c should parse, every footnote definition outside code and HTML blocks replaced
// by empty lines (so line numbers hold), and the definitions in source order. Of several
// definitions of one label (case-insensitive) the first wins; the others are dropped, as
// cmark-gfm drops them. `md4c_flags` are the render's, so code blocks are found as it finds them.
// Without definitions, `text` is empty too: parse the original.
struct ExtractedFootnotes {
  std::string text;
  std::vector<FootnoteDefinition> definitions;
};
ExtractedFootnotes extract_footnotes(std::string_view markdown, unsigned md4c_flags);

// A label as references match it: lowercased ("[^X]" refers to "[^x]:").
std::string footnote_key(std::string_view label);

// Whether `text` may hold a definition: a cheap test that lets pages without footnotes skip
// the pre-pass.
bool may_have_footnotes(std::string_view text);

// Whether the text run `run` of `input` starts with a backslash-escaped character ("\[^1]"):
// md4c hands an escaped character over as a run that does not continue the last one
// (`last_run_end`) and follows a backslash. The `escaped_start` of Footnotes::find_reference.
bool run_starts_escaped(std::string_view run, const char* last_run_end, std::string_view input);

// One reference "[^label]" found in a text run: at text[begin, end), label without "[^]".
struct FootnoteMatch {
  size_t begin = 0;
  size_t end = 0;
  std::string_view label;
};

class Footnotes {
 public:
  // Renders a definition's body to HTML (appending to html, warnings to `warnings`) and says
  // whether its last top-level block is a paragraph: the back-links then go inside it.
  using BodyRenderer = std::function<bool(std::string_view markdown, std::string& html,
                                          std::vector<RenderWarning>& warnings)>;

  // `render_body` may be empty when only find_reference is asked (the body scan).
  Footnotes(std::vector<FootnoteDefinition> definitions, BodyRenderer render_body);

  bool empty() const { return defs_.empty(); }

  // The first reference to a defined label in text[from..], false when there is none.
  // `escaped_start`: text[0] was backslash-escaped in the source, so it opens nothing.
  bool find_reference(std::string_view text, size_t from, bool escaped_start,
                      FootnoteMatch& match) const;

  // The text md4c parses for the page (ExtractedFootnotes::text): it must outlive this object.
  // A reference inside it is placed by its address, so every piece of the page (a directive's
  // body too) may report references with no offsets of its own.
  void set_page_text(std::string_view text) { page_text_ = text; }

  // Appends the markup of a reference to `label` (which find_reference matched) that starts at
  // `at`. When `at` lies in the page text, the definitions before it are rendered first, so
  // references inside them get their numbers in document order; elsewhere (a definition's
  // body) nothing is rendered first.
  void append_reference(std::string_view label, const char* at, std::string& html);

  // Renders what is left and appends the section of every referenced definition, in the order
  // of their numbers; nothing when none is referenced. Warnings from the bodies go to
  // `warnings`, on the page's lines.
  void append_section(std::string& html, std::vector<RenderWarning>& warnings);

 private:
  struct State {
    uint32_t number = 0;      // 0 until first referenced
    uint32_t references = 0;  // how many: the back-links
    bool ends_in_paragraph = false;
    std::string html;
  };
  void render_until(size_t offset);
  void render(size_t index);

  std::vector<FootnoteDefinition> defs_;
  std::string_view page_text_;
  std::vector<State> state_;
  std::unordered_map<std::string, size_t> by_key_;  // lowercased label -> index in defs_
  BodyRenderer render_body_;
  std::vector<RenderWarning> warnings_;
  size_t next_unrendered_ = 0;  // definitions before it (in source order) are rendered
  uint32_t numbers_ = 0;
  std::string key_;  // scratch
};

}  // namespace bengal::markdown
