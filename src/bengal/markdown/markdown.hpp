// The Markdown stage: CommonMark plus GitHub's extensions, parsed by md4c and rendered to HTML
// by our own renderer on md4c's callbacks. Also the cheap body scan of discovery (links,
// heading ids, word count, summary, hash) that lets bodies be dropped after phase 1.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bengal/markdown/directive_host.hpp"

namespace bengal::markdown {

struct TocEntry {
  std::string id;
  std::string title;  // plain text
  int level = 2;
};

// What a resolver makes of a link: the URL to write, and whether the target is missing (the
// link then gets class="broken-link").
struct LinkRewrite {
  LinkRewrite() = default;
  LinkRewrite(std::string href_, bool broken_) : href(std::move(href_)), broken(broken_) {}

  std::string href;
  bool broken = false;
  // Wiki links only. `text`: shown instead of the target written when the link has no
  // "|text" ([[id:x]] shows the page's title). `css_class`: the link's class. `code`: no link
  // but <code class="css_class"> around `text` and the link's own text (an unresolved
  // external reference).
  std::string text;
  std::string css_class;
  bool code = false;
};
// Rewrites the destination of a link or image, or a wiki link target (wiki = true), given
// decoded (escapes and entities resolved); nullopt keeps it. The result is percent-encoded as
// any destination.
using LinkResolver = std::function<std::optional<LinkRewrite>(std::string_view dest, bool wiki)>;

// Appends the markup of a fenced code block, given its info string (decoded) and its text;
// returns false to leave the block to the renderer (<pre><code class="language-x">). The build
// passes bengal::highlight here; indented code blocks and fences without a language never come.
using CodeHighlighter =
    std::function<bool(std::string_view info, std::string_view code, std::string& html)>;

// How automatic heading ids are made (heading_slug); [markdown] heading_ids in a site.
enum class HeadingIdStyle : uint8_t { kBengal, kGithub };

struct Options {
  bool heading_ids = true;  // false: exact CommonMark output (bengal md, the spec tests)
  HeadingIdStyle heading_id_style = HeadingIdStyle::kBengal;
  // false: raw HTML is replaced by <!-- raw HTML omitted -->, and a link or image to a
  // javascript:, vbscript:, file: or non-image data: URL gets an empty href or src
  // (url_safety.hpp).
  bool unsafe_html = true;
  bool gfm = true;          // tables, strikethrough, task lists, autolinks
  bool tagfilter = false;   // GFM tag filter: "<script" and kin in raw HTML become "&lt;script"
  bool wiki_links = false;  // [[target]] and [[target|text]] become links (site builds)
  // MyST colon-fence directives (":::{note}") and roles ("{kbd}`C`"), spec/bengal-sites.md
  // section 4 (site builds). Off: exact CommonMark, ":::" is text.
  bool directives = false;
  // With gfm: GFM footnotes, "[^x]" references to "[^x]: text" definitions and the section of
  // notes at the end, as cmark-gfm writes them (footnotes.hpp). No CommonMark or GFM spec
  // example changes with them on (measured), so they follow gfm, as on github.com.
  bool footnotes = true;
  // TeX math (site builds): "$x$" becomes <span class="math math-inline">\(x\)</span>, "$$x$$"
  // and a ```math fence <div class="math math-display">\[x\]</div> (a <span> inside other
  // text). A "$" followed by a blank, or a closing "$" after a blank or before a digit, is a
  // dollar ("$5 and $6"); "\$" always is.
  bool math = false;
  // Typographic quotes, dashes and ellipses in text (smart_punctuation.hpp): Zola's
  // `smart_punctuation`, Hugo's typographer.
  bool smart_punctuation = false;
  // A line break in a paragraph is a <br />: Hugo's `hardWraps`.
  bool hard_wraps = false;
  // GitHub's alerts ("> [!NOTE]"): a block quote opening with a marker is an admonition
  // (alerts.hpp). Site builds: [markdown] alerts, Zola's github_alerts.
  bool alerts = false;
  // Definition lists ("Term" then ": Definition", definition_lists.hpp) become <dl>: Hugo's
  // definitionList, kramdown's and PHP Markdown Extra's. Site builds: [markdown]
  // definition_lists.
  bool definition_lists = false;
  // Attribute lines ("{: .notice}" after a paragraph, block_syntax.hpp) give a block classes and
  // attributes: kramdown's block IALs, attr_list's. Site builds: [markdown] block_attributes.
  bool block_attributes = false;
  // The site's own shortcodes (templates/shortcodes/*.html, sorted; hugo_shortcodes.hpp): a call
  // alone on a line, or inside a line of text, renders the template through directive_host.
  std::vector<std::string> site_shortcodes = {};
  // Images get loading="lazy" decoding="async": Zola's lazy_async_image.
  bool lazy_images = false;
  // Links to http(s) addresses: Zola's external_links_target_blank (target="_blank" and
  // rel="noopener"), external_links_no_follow (rel="nofollow") and external_links_no_referrer
  // (rel="noreferrer").
  struct ExternalLinks {
    bool target_blank = false;
    bool no_follow = false;
    bool no_referrer = false;
  };
  ExternalLinks external_links = {};
  const LinkResolver* resolve_link = nullptr;
  const CodeHighlighter* highlight_code = nullptr;
  // include, literalinclude, glossary and child-cards ask it; nullptr: they warn and render
  // their fallback.
  const DirectiveHost* directive_host = nullptr;
};

// Reusable buffers: render_html appends, so clear both between pages to keep the capacity.
struct Rendered {
  std::string html;
  std::vector<TocEntry> toc;  // every heading with an id, in order; render_toc_html filters
  std::vector<RenderWarning> warnings;  // in source order
  bool has_math = false;  // some math was written: the page needs the math stylesheet/script
};

// Appends the HTML of `markdown` to out.html and its headings to out.toc. Every input is valid
// Markdown: this never fails.
void render_html(std::string_view markdown, const Options& options, Rendered& out);

// Appends the body of an HTML page (Hugo's HTML content format) to out.html as it is written,
// and a warning to out.warnings at each shortcode or Jekyll tag left in it, as render_html
// warns in Markdown. No table of contents, no math.
void append_html_body(std::string_view html, Rendered& out);

// Nested <ul> of the headings with min_level <= level <= max_level; "" when there are none.
std::string render_toc_html(const std::vector<TocEntry>& toc, int min_level = 2, int max_level = 4);

// The id of a heading's plain text, before de-duplication; "section" when nothing is left.
// kBengal (the default, Bengal's own rule): lowercased; characters that are not word
// characters (letters and digits of any script, '_'), spaces or '-' dropped; runs of spaces
// and '-' one '-'; no '-' at either end; at most 100 characters. kGithub: letters, digits,
// '-', '_' and all non-ASCII kept and lowercased, other characters removed, each space a '-'.
// Lowercasing is bengal/core/unicode_case.hpp's. In a page, a repeated id gets "-1", "-2"…
// and a heading ending in "{#my-id}" takes that id (the suffix is not rendered).
std::string heading_slug(std::string_view text, HeadingIdStyle style = HeadingIdStyle::kBengal);

struct BodyScan {
  std::vector<std::string> links;       // link destinations, in order, as written (decoded)
  std::vector<uint32_t> link_lines;     // 1-based line of each link within the body
  std::vector<std::string> wiki_links;  // [[target]] targets, without "|text"
  std::vector<uint32_t> wiki_link_lines;
  std::vector<std::string> images;  // image sources, in order, as written (decoded)
  std::vector<uint32_t> image_lines;
  // Raw HTML's <a href>, <img src>, <video src> and <iframe src> values (html_refs.hpp): apart,
  // as they are published only where raw HTML is ([markdown] unsafe).
  std::vector<std::string> html_links, html_images, html_media, html_embeds;
  std::vector<uint32_t> html_link_lines, html_image_lines, html_media_lines, html_embed_lines;
  // Raw HTML's ids (any element's id, <a name>): anchors where raw HTML is published.
  std::vector<std::string> html_ids;
  // What video and audio directives play (a poster is among the images).
  std::vector<std::string> media;
  std::vector<uint32_t> media_lines;
  std::vector<std::string> anchors;  // heading ids, as render_html assigns them
  std::vector<std::string> targets;  // names of `target` directives, also in anchors
  uint32_t word_count = 0;           // words of visible text, code included, "{#id}" not
  // Plain text before <!--more-->, else the first 70 words; spaces collapsed; without code
  // blocks, tables, raw HTML and directive syntax (admonition titles, tab labels); at most
  // kSummaryMaxBytes, cut on a character boundary (one 10 MB word stays out of every list).
  std::string summary;
  bool has_more_marker = false;
  uint64_t content_hash = 0;  // XXH3 of the Markdown text
};

inline constexpr size_t kSummaryWords = 70;
inline constexpr size_t kSummaryMaxBytes = 2048;

// Cuts a valid UTF-8 summary to at most kSummaryMaxBytes on a character boundary: summaries
// are repeated in every list page, feed and index.json, so one must never be large.
void cap_summary_bytes(std::string& summary);

// The scan of an HTML page's body (Hugo's HTML content format), published as it is written:
// its <a href>s, images, media, embedded files and ids go where a Markdown page's raw HTML
// puts them; the text a browser shows (no tags, comments, scripts or styles) gives the word
// count and the summary, up to <!--more--> when the body has one. No headings become anchors
// but those with an id.
BodyScan scan_html_body(std::string_view html);

// The rendering options a body scan follows, so that summaries and ids are those of the page.
struct ScanOptions {
  HeadingIdStyle heading_id_style = HeadingIdStyle::kBengal;
  bool smart_punctuation = false;  // the summary's prose typographic (Options::smart_punctuation)
  bool alerts = false;  // an alert's marker line is no text (Options::alerts), as an admonition's
  bool definition_lists = false;  // a definition's marker is no text (Options::definition_lists)
  bool block_attributes = false;  // an attribute line is no text (Options::block_attributes)
  // A call of the site's own shortcode is no text (Options::site_shortcodes).
  std::vector<std::string> site_shortcodes = {};
};

// One md4c parse building no HTML. Roles count as the text they show ("{kbd}`Ctrl+C`" is
// "Ctrl+C", "{abbr}`HTML (Hyper…)`" is "HTML"), as render_html with Options::directives gives
// headings their ids, since every site page renders with directives on.
BodyScan scan_body(std::string_view markdown, const ScanOptions& options = {});

}  // namespace bengal::markdown
