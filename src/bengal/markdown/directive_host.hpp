// What the site-aware directives (include, literalinclude, glossary, child-cards) need from the
// build, and how any Markdown rendering reports a problem. The markdown stage knows no files
// and no site: a site build passes a DirectiveHost (pipeline/directive_host_impl), tests pass
// a fake, and `bengal md` passes none (those directives then render their fallback and warn).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bengal::markdown {

// A problem found while rendering a body: an unknown directive, an unclosed fence, a missing
// include. Line and column are 1-based within the Markdown text that was rendered (the body,
// not the file: the page renderer adds the front matter's lines), column 0 when unknown.
struct RenderWarning {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;  // says what is wrong and what to do
  bool operator==(const RenderWarning&) const = default;
};

// Include limits (spec/bengal-sites.md section 4): nesting depth and file size.
inline constexpr int kMaxIncludeDepth = 10;
inline constexpr size_t kMaxIncludeBytes = size_t{1} << 20;

struct IncludedFile {
  std::string key;   // site-relative path of the file found ("content/docs/_snippets/a.md"):
                     // identifies it for cycle detection and names it in messages
  std::string text;  // its contents, at most kMaxIncludeBytes
};

struct ChildEntry {
  std::string title;
  std::string url;          // site-relative, as links are written ("/docs/a/")
  std::string description;  // front matter description, else the summary's first sentence
  std::string icon;         // front matter icon, "" for none
  bool is_section = false;
  bool operator==(const ChildEntry&) const = default;
};

enum class ChildKinds : uint8_t { kAll, kPages, kSections };

struct GlossaryTerm {
  std::string term;
  std::string definition;  // Markdown
  std::vector<std::string> tags;
  bool operator==(const GlossaryTerm&) const = default;
};

// A call of one of the site's own shortcodes (hugo_shortcodes.hpp): its name, arguments (named
// by their names; positional as "0", "1"…, in order) and body (empty without one).
struct ShortcodeCall {
  std::string_view name;
  std::vector<std::pair<std::string_view, std::string_view>> args;
  std::string_view body;
  bool paired = false;   // written with a body and a closer
  bool in_text = false;  // inside a line of text, not alone on its lines
};

class DirectiveHost {
 public:
  virtual ~DirectiveHost() = default;
  // The HTML of the site's template for `call` (templates/shortcodes/NAME.html), appended to
  // `html`; false with `error` set to what to do otherwise.
  virtual bool render_shortcode(const ShortcodeCall& call, std::string& html,
                                std::string& error) const {
    (void)call;
    (void)html;
    error = "this Markdown is rendered without a site, so no shortcode template runs";
    return false;
  }
  // The file `path` (as written in the directive) for an include from `from` ("" for the page
  // itself, else the key of the including file): looked up in the including file's folder,
  // then content/, then the site root; never outside the site (no "..", absolute paths or
  // symlinks leading out); at most kMaxIncludeBytes. False with `error` set to a message that
  // says what to do ("include 'x.md' not found: looked in content/docs/, content/ and the
  // site root") otherwise.
  virtual bool read_include(std::string_view from, std::string_view path, IncludedFile& out,
                            std::string& error) const = 0;
  // The current page's section's children (the section itself when the page is a section's
  // _index), in the section's own order.
  virtual std::vector<ChildEntry> children(ChildKinds kinds) const = 0;
  // data/glossary.yaml's terms in file order; empty when the site has none.
  virtual const std::vector<GlossaryTerm>& glossary() const = 0;
};

// Renders `call` through `host` (the site's templates) into `html`: false with `error` set to
// what to do otherwise, and nothing appended. Without a host (Markdown of no site, as `bengal
// md` renders) no template runs. For the calls alone on their lines and inside lines alike.
inline bool render_shortcode_call(const DirectiveHost* host, const ShortcodeCall& call,
                                  std::string& html, std::string& error) {
  if (host == nullptr) {
    error = "shortcode '" + std::string(call.name) +
            "' is not rendered: this Markdown is rendered without a site";
    return false;
  }
  size_t start = html.size();
  if (host->render_shortcode(call, html, error)) return true;
  html.resize(start);
  return false;
}

}  // namespace bengal::markdown
