// Heading ids within one document: slugs, `{#custom-id}` suffixes and de-duplication.
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

// Length of `text` without a trailing " {#id}" and the id; id empty when there is none.
struct CustomId {
  size_t text_length;
  std::string_view id;
};
CustomId split_custom_id(std::string_view text);

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
