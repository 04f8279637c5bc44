// Build-time syntax highlighting of fenced code. KDE's KSyntaxHighlighting tokenizes (its Qt
// headers stay inside this library's .cpp files); we write the markup: CSS classes only, no
// inline styles, in Bengal's semantic scheme or Pygments' short class names.
//
// Markup of a highlighted block (the reference page is docs/content/reference/code-blocks.md):
//   <div class="rosettes" data-language="python">          semantic (default)
//   <div class="highlight" data-language="python">         pygments
//     [<div class="code-title">TITLE</div>]                title="..."
//     <pre><code>LINES</code></pre></div>
// A token is <span class="syntax-keyword">def</span> (pygments: class="k"); plain text and
// whitespace have no span. With highlighted lines or line numbers every line is wrapped:
//   <span class="hll"><span class="linenos">3</span>code\n</span>   (hll only if highlighted)
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bengal::highlight {

enum class ClassScheme : uint8_t { kSemantic, kPygments };

// Lines first..last, 1-based, inclusive.
struct LineRange {
  uint32_t first = 0;
  uint32_t last = 0;
  bool operator==(const LineRange&) const = default;
};

struct Options {
  ClassScheme scheme = ClassScheme::kSemantic;
  std::vector<LineRange> highlight_lines;  // sorted, as parse_fence_info leaves them
  std::string title;                       // "" for none; escaped when written
  bool line_numbers = false;
  uint32_t first_line_number = 1;  // the number shown on the first line (linenostart)
};

// A fence's info string: "python {1,3-5} title=\"app.py\" linenos". The language is the first
// word (up to a space or '{'); then, in any order, a "{...}" list of lines and ranges,
// title="..." (or title=word), linenos / linenos=true / linenos=false. Hugo's attribute block
// "{linenos=table, hl_lines=[2,\"4-6\"], linenostart=10}" and MkDocs' hl_lines="2 3" and
// linenums="10" say the same. Highlighted lines count from the block's first line whatever
// number it shows. Unknown words are ignored.
struct FenceInfo {
  std::string language;
  Options options;  // scheme left at its default
};
FenceInfo parse_fence_info(std::string_view info);

// The canonical name of a language or alias we highlight ("js" -> "javascript", "kida" ->
// "jinja"), "" when we do not highlight it. Names are matched case-insensitively.
std::string_view canonical_language(std::string_view name);

// Blocks bigger than this are written in the block markup but not tokenized: highlighting is
// for reading, and a 10 MB block should not cost seconds.
inline constexpr size_t kMaxTokenizedBytes = 1 << 20;

// Thread-safe: render threads share one Highlighter for a build. Tokenizers are pooled (one per
// thread that is highlighting at a time: KSyntaxHighlighting's Repository and the definitions it
// loads lazily are not safe to share), and results are cached by a hash of (language, options,
// code), bounded by cache_bytes. Output never depends on the cache or the thread.
class Highlighter {
 public:
  static constexpr size_t kDefaultCacheBytes = size_t{8} << 20;
  explicit Highlighter(size_t cache_bytes = kDefaultCacheBytes);
  ~Highlighter();
  Highlighter(const Highlighter&) = delete;
  Highlighter& operator=(const Highlighter&) = delete;

  // Appends the block's markup to html_out; false (html_out untouched) when the language is not
  // one we highlight, so the caller writes plain <pre><code class="language-x">.
  bool highlight(std::string_view language, std::string_view code, const Options& options,
                 std::string& html_out) const;

  // parse_fence_info, then highlight with the given scheme.
  bool highlight_fence(std::string_view info, std::string_view code, ClassScheme scheme,
                       std::string& html_out) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bengal::highlight
