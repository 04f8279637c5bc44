// Hugo's shortcodes that bengal runs: a line that is one whole shortcode ("{{< figure
// src="a.png" alt="A" >}}", "{{% details summary="More" %}}", "{{< /details >}}") is the
// directive it stands for, so a site moved over keeps its figures, videos, gists, details,
// highlighted code and its theme's note boxes without rewriting them. The directive parser
// (directive_parser.hpp) reads these lines as it reads colon fences; the renderer and the body
// scan then treat both alike. A shortcode that is not alone on its line, or not one of these,
// stays text with a warning (shortcodes.hpp).
//
//   figure                        :::{figure} src, with alt, caption (title, attr), link, …
//   youtube, vimeo                :::{youtube} id, :::{vimeo} id
//   gist user id [file]           :::{gist} user/id
//   details … /details            :::{dropdown} summary, :open:
//   highlight lang "opts" … /highlight   a code block, ```lang {opts}
//   note, tip, warning, caution, danger, important, info (a theme's), hint KIND (hugo-book),
//   alert (Docsy: color), callout (Hextra: type), notice KIND (Learn; Relearn: style) … /name
//                                 :::{KIND} title
//   expand "Title" … /expand      :::{dropdown} Title (Learn, Relearn, hugo-book)
//   tabs … /tabs, tab "T" … /tab  :::{tab-set}, :::{tab-item} T (hugo-book, Relearn, Hextra)
//   mermaid … /mermaid            :::{code-block} mermaid, a diagram's source
//   cards … /cards, card title=… link=… icon=… subtitle=… [… /card]   :::{cards}, :::{card}
//                                 (Hextra; Docsy's card header=… with a body)
//
// Jekyll's "{% highlight ruby linenos %}" … "{% endhighlight %}" lines are read as highlight.
// Zola's calls of those names alone on a line are read the same way: "{{ youtube(id="…") }}",
// "{{ vimeo(id="…") }}", "{{ gist(url="https://gist.github.com/user/id") }}", and a body
// "{% note(title="T") %}" (an admonition's name, or admonition(type="warning")) up to its
// "{% end %}": the directive stands for the site's own template of that name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bengal::markdown {

struct ShortcodeLine {
  enum Kind : uint8_t {
    kNone,   // not a shortcode bengal runs
    kOpen,   // a paired shortcode: its body follows, up to its closer
    kAlone,  // a shortcode without a body: opened and closed on its line
    kClose,  // "{{< /name >}}"
  };
  Kind kind = kNone;
  std::string_view shortcode;  // the name as written: closers match it
  std::string_view directive;  // the directive it stands for: "figure", "dropdown", "note"…
  uint32_t column = 0;         // 1-based, of its first '{'
  std::string title;
  // Directive options: keys are static strings, values the shortcode's, unquoted.
  std::vector<std::pair<std::string_view, std::string>> options;
  // kOpen with a body only when its closer follows (the directive parser looks), else kAlone:
  // a site's shortcode, a card.
  bool body_if_closed = false;
};

// A site's own shortcodes: the names of its templates/shortcodes/*.html, sorted. A line that is
// one whole call of one of them, in Hugo's form or Zola's, stands for the directive "shortcode"
// (the name its title; the arguments its options, named by their names, positional as "0",
// "1"…), which renders the site's template (DirectiveHost::render_shortcode). The site's
// template wins over bengal's own reading of a name. Hugo's form is paired (kOpen) unless it
// closes itself ("/>}}"); the directive parser makes it kAlone when no closer follows.
using SiteShortcodes = std::vector<std::string>;

// Whether `name` is one of `site`'s (null: a page without a site).
bool is_site_shortcode(const SiteShortcodes* site, std::string_view name);

// The shortcode `line` (without its line end) is, when it is one whole shortcode of those
// above or of `site` after at most 3 spaces; kind kNone otherwise.
ShortcodeLine read_shortcode_line(std::string_view line, const SiteShortcodes* site = nullptr);

// A call of one of the site's shortcodes inside a line of text, "Press {{< kbd "Ctrl" >}} to
// copy", "{{< badge >}}new{{< /badge >}}" (a body up to its closer on the same line) or Zola's
// "{{ icon(name="x") }}": the directive "shortcode" (kind kAlone or, with a body, kOpen), its
// body and its length from the first '{'. kind kNone when `line` holds no such call at `at`.
struct InlineShortcode {
  ShortcodeLine call;
  std::string_view body;
  size_t length = 0;
};
// What the reads of one line found so far, so that reading every "{{" of a line from left to
// right costs one pass over it, not one a call: a page of strangers may hold a line of
// thousands of calls that never close.
struct InlineSearch {
  size_t ends[3] = {0, 0, 0};  // the next ">}}", "%}}" and "}}" at or after what was asked
  struct Closer {
    std::string name;
    size_t from = 0;  // searched from here
    size_t at = 0;    // found here (npos: none after `from`)
    size_t length = 0;
  };
  std::vector<Closer> closers;
};
InlineShortcode read_inline_shortcode(std::string_view line, size_t at, const SiteShortcodes& site,
                                      InlineSearch* search = nullptr);

// Every such call in `text` outside code (fenced, indented, or a span on its line) and link
// destinations is rewritten in place into a code span of the same length ("``xxxxx``"), so that
// md4c sees one piece that starts no block; returns where each stands, in order. The renderer
// renders the call found at that offset of the original text; the scan counts it as no text.
struct TextSpan {
  size_t offset = 0;
  size_t length = 0;
};
std::vector<TextSpan> mark_inline_shortcodes(std::string& text, const SiteShortcodes& site);

// Hugo's ref and relref as a link's destination, "[text]({{< ref "docs/intro.md" >}})", and
// in a link reference definition: rewritten in place into the destination "@ref:docs/intro.md"
// (in <…> when it holds a blank or a parenthesis), padded with blanks to the same length, so
// that lines, columns and offsets stay. Not in code (fenced, indented, or a span on the line).
// The link resolver reads "@ref:" as Hugo reads ref's argument (XrefIndex::resolve_link).
// Jekyll's "{% post_url 2024-01-31-name %}" and "{% link _posts/2024-01-31-name.md %}" there
// become "@ref:" links to the page of that file name (posts move out of _posts/); a link to
// another file ("{% link assets/a.pdf %}") its site path, "/assets/a.pdf". Jekyll's ways to
// put the site's address before a path there, "{{ site.baseurl }}/img/a.png" (site.url too)
// and "{{ '/about/' | relative_url }}" (absolute_url too), become the site path itself, which
// the link resolver puts below baseurl's path as it does every site path.
void rewrite_ref_links(std::string& text);
inline constexpr std::string_view kHugoRefScheme = "@ref:";

// Hugo's way to show a shortcode, "{{</* figure */>}}" (also "{{%/* … */%}}"), as it shows it:
// "{{< figure >}}", from offset `from` of `text`, which is HTML (`html`: "<" and ">" written
// "&lt;" and "&gt;") or code before it is highlighted.
void unescape_shortcode_comments(std::string& text, size_t from, bool html);

// Whether bengal runs shortcode `name` when it stands alone on its line.
bool runs_on_its_own_line(std::string_view name);

// The same for Zola's shortcode `name`; `body`: written "{% name() %}".
bool zola_runs_on_its_own_line(std::string_view name, bool body);

// Whether `text` may hold such a line: the cheap test beside may_contain_directives.
bool may_contain_shortcodes(std::string_view text);

}  // namespace bengal::markdown
