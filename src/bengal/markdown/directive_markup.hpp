// What a directive's markup functions see, and the table that names them. Internal to the
// Markdown stage: directive_document.cpp calls open() at a directive's opener marker and
// close() at its closer marker; a raw directive (its body kept as text) writes everything in
// open(). Each family of directives lives in its own file (directive_admonitions.cpp,
// directive_tabs.cpp, ...), and the markup follows spec/bengal-sites.md section 4.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bengal/markdown/directive_parser.hpp"
#include "bengal/markdown/heading_ids.hpp"
#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {

// Per directive, what its open() leaves for its close() and for its children.
struct DirectiveState {
  std::string id;        // a tab set's id
  size_t out_start = 0;  // where its markup starts in the output
  int ordinal = 0;       // a tab item's or step's index among its parent's (0-based)
  int active = 0;        // a tab set's active item
  bool wrapped = false;  // a step or tab item outside its container wrote its own
};

// What the document renderer provides to markup functions.
class DirectiveServices {
 public:
  virtual ~DirectiveServices() = default;
  // Inline Markdown (a title, a table cell, a definition) as HTML without the <p>.
  virtual std::string inline_html(std::string_view markdown) = 0;
  // A warning at a position of the directive's own text (the page or an included file).
  virtual void warn(uint32_t line, uint32_t column, std::string message) = 0;
  // 0, 1, 2... for each tab set in page order: the position half of a tab set's id.
  virtual uint32_t next_ordinal() = 0;
  // The key of the text being rendered: "" for the page, else the included file's.
  virtual std::string_view source_key() const = 0;
};

struct DirectiveContext {
  const Options& options;
  const std::vector<Directive>& directives;  // of the text being rendered
  std::vector<DirectiveState>& states;       // parallel to directives
  const std::vector<int>& children;          // indexes of this directive's children
  int index;                                 // this directive
  std::string& out;
  HeadingIds& ids;
  DirectiveServices& services;

  const Directive& d() const { return directives[index]; }
  DirectiveState& state() const { return states[index]; }
  // Warns at the directive's opener.
  void warn(std::string message) const { services.warn(d().line, d().column, std::move(message)); }
  // The parent's canonical name, "" at the top.
  std::string_view parent_kind() const;
};

using MarkupFn = void (*)(const DirectiveContext&);

struct DirectiveKind {
  std::string_view name;       // as written; aliases have rows of their own
  std::string_view canonical;  // "tab-set" for "tabs"
  std::string_view options;    // known options, comma-separated, sorted
  bool raw;                    // the body is text the directive renders itself
  MarkupFn open;
  MarkupFn close;  // nullptr: nothing to write
};

// The kind of directive `name`; nullptr for an unknown name.
const DirectiveKind* find_directive_kind(std::string_view name);
// `name` (lowercase) when it is an admonition's ("note", "caution"…, from the table of kinds);
// "" otherwise. The view is the table's: it outlives any text.
std::string_view admonition_name(std::string_view name);
// Every directive name, sorted (for the docs and their test).
std::vector<std::string_view> directive_names();
bool is_raw_directive(std::string_view name);

// Shared markup helpers (directive_markup.cpp).
// Appends the classes of a ":class:" value, each reduced to [A-Za-z0-9_-], with a space before
// each.
void append_classes(std::string& out, std::string_view value);
// `value` reduced to [A-Za-z0-9_-], for a class or data value that must not break out.
std::string safe_token(std::string_view value);
// Writes ` href="URL"` for a directive's link option: resolved as a Markdown link is, and
// emptied for a script URL in safe mode; returns false when the resolver says it is missing.
bool append_href(const DirectiveContext& c, std::string_view dest);
// Appends a media file's path (a figure's image, a video), URL-escaped, as an image's source
// is written: a site path gets the base path of baseurl (the resolver's rewrite).
void append_file_url(const DirectiveContext& c, std::string_view path);
// The first lowercase of `name`, "See also" for seealso: an admonition's default title.
std::string default_title(std::string_view name);
// A code block: through Options::highlight_code when set, else <pre><code class="language-x">.
void append_code_block(const Options& options, std::string_view language, std::string_view code,
                       std::string& out);
// The items of a comma-separated list, trimmed, empty ones left out: "a, b,,c" -> a b c.
std::vector<std::string_view> split_list(std::string_view value);
// The number in `text` ("3"), or `fallback` when it is not a number from min to max.
int parse_int(std::string_view text, int fallback, int min, int max);

// The markup of an admonition and of a dropdown around their bodies, for directives and for
// GitHub's alerts (alerts.hpp). `classes`: more classes, each after a space, already safe;
// the titles and the description are inline HTML.
void append_admonition_open(std::string& out, std::string_view name, std::string_view classes,
                            std::string_view title_html);
void append_admonition_close(std::string& out);
struct DropdownHead {
  std::string_view classes;
  bool open = false;
  std::string_view icon_svg;  // "" for none
  std::string_view title_html;
  std::string_view description_html;  // "" for none
};
void append_dropdown_open(std::string& out, const DropdownHead& head);
void append_dropdown_close(std::string& out);

// Markup functions, one family per file.
void admonition_open(const DirectiveContext& c);
void admonition_close(const DirectiveContext& c);
void dropdown_open(const DirectiveContext& c);
void dropdown_close(const DirectiveContext& c);
void example_label_open(const DirectiveContext& c);
void version_open(const DirectiveContext& c);
void version_close(const DirectiveContext& c);
void badge_open(const DirectiveContext& c);
void button_open(const DirectiveContext& c);
void target_open(const DirectiveContext& c);
void unknown_open(const DirectiveContext& c);
void div_close(const DirectiveContext& c);

void tab_set_open(const DirectiveContext& c);
void tab_set_close(const DirectiveContext& c);
void tab_item_open(const DirectiveContext& c);
void tab_item_close(const DirectiveContext& c);
void code_tabs_open(const DirectiveContext& c);

void steps_open(const DirectiveContext& c);
void steps_close(const DirectiveContext& c);
void step_open(const DirectiveContext& c);
void step_close(const DirectiveContext& c);

void cards_open(const DirectiveContext& c);
void card_open(const DirectiveContext& c);
void card_close(const DirectiveContext& c);
void child_cards_open(const DirectiveContext& c);

void checklist_open(const DirectiveContext& c);
void checklist_close(const DirectiveContext& c);
void glossary_open(const DirectiveContext& c);
void list_table_open(const DirectiveContext& c);
void literalinclude_open(const DirectiveContext& c);
// A call of the site's own shortcode (hugo_shortcodes.hpp): its template's HTML.
void shortcode_open(const DirectiveContext& c);
void code_block_open(const DirectiveContext& c);

// Media embeds (directive_media.cpp, directive_code_embeds.cpp).
void youtube_open(const DirectiveContext& c);
void vimeo_open(const DirectiveContext& c);
void tiktok_open(const DirectiveContext& c);
void video_open(const DirectiveContext& c);
void audio_open(const DirectiveContext& c);
void figure_open(const DirectiveContext& c);
void gist_open(const DirectiveContext& c);
void codepen_open(const DirectiveContext& c);
void codesandbox_open(const DirectiveContext& c);
void stackblitz_open(const DirectiveContext& c);
void spotify_open(const DirectiveContext& c);
void soundcloud_open(const DirectiveContext& c);
void asciinema_open(const DirectiveContext& c);

}  // namespace bengal::markdown
