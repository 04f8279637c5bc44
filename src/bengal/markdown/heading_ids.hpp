// Heading ids within one document: slugs, `{#custom-id}` suffixes and de-duplication; the
// other attributes such a suffix gives (`{#id .class key=value}`).
// Internal to the Markdown stage; shared by the renderer and the body scan so both assign
// exactly the same ids.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {

// `text` without the blanks around it. md4c 0.4.8 passes the tabs around heading text
// ("#\tFoo") and the space before trailing raw HTML ("# Foo <b></b>"); ids and titles ignore them.
std::string_view trim_blanks(std::string_view text);

// Length of `text` without a trailing attribute block, as goldmark (Hugo), pulldown-cmark (Zola)
// and Python-Markdown's attr_list write one: " {#id .class key=value key=\"a value\"}" (attr_list's
// "{: …}" too). `id` is the id it sets, empty when none; `attributes` the inside of the block,
// empty when there is no block (then text_length is the whole text).
struct CustomId {
  size_t text_length;
  std::string_view id;
  std::string_view attributes;
};
CustomId split_custom_id(std::string_view text);

// Which text at the end of a heading plain runs wrote (md4c's MD_TEXT_NORMAL): an attribute
// block counts only when they wrote it, not a code span, an entity or a role. The renderer and
// the body scan both ask it, so they agree on every id.
class HeadingPlainText {
 public:
  void reset() { from_ = end_ = 0; }
  // A plain run appended [begin, end) of the heading's text.
  void ran(size_t begin, size_t end) {
    if (end_ != begin) from_ = begin;
    end_ = end;
  }
  // split_custom_id of `text` (a view of the heading's text `heading`), without the block when
  // plain runs did not write it.
  CustomId split(std::string_view heading, std::string_view text) const {
    CustomId custom = split_custom_id(text);
    if (custom.attributes.empty()) return custom;
    auto brace = static_cast<size_t>(custom.attributes.data() - 1 - heading.data());
    if (end_ != heading.size() || brace < from_) return {text.size(), {}, {}};
    return custom;
  }

 private:
  size_t from_ = 0;
  size_t end_ = 0;
};

// The attributes of a block split_custom_id found as HTML: ` class="a b"` and ` key="value"` in
// the order written, escaped, and ` id="x"` first when `with_id` (a heading's id is its own).
// Event handlers (`on…`) are left out: a page's attributes set no script.
std::string attributes_html(std::string_view attributes, bool with_id = false);

class HeadingIds {
 public:
  explicit HeadingIds(HeadingIdStyle style = HeadingIdStyle::kBengal) : style_(style) {}

  // The id for a heading with this plain text (custom id suffix already split off).
  std::string assign(std::string_view text, std::string_view custom_id);

 private:
  HeadingIdStyle style_;
  std::unordered_map<std::string, int> used_;
};

}  // namespace bengal::markdown
