// Which files of content/ are pages, and the names that make one a folder's page.
// Hugo and Bengal both read ".md" and ".markdown" (Hugo ".mdown" too), in any case: a Jekyll
// blog's posts are "*.markdown", a README may be "README.MD". An ".html" or ".htm" file is a
// page too when it starts with front matter (Hugo's HTML content format: its body is published
// as it is written); without front matter it is a file, copied as it is. Everything that reads
// a source path as a page's (discovery, URLs, link resolution, page keys) asks here, so that
// they agree on every name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bengal::content {

// A multilingual site ([languages]) names a page's translation with its language's code before
// the extension: "about.fr.md", "_index.fr.md", "index.fr.md". page_stem, and every name below
// that is made from it, leaves the code out, so that a translation has the path, name and URL
// of the page it translates. The codes are the site's, set by each build before discovery (an
// empty list for a site in one language). They are process-wide because a process builds one
// site at a time and these names are asked for on every thread of a build, from code that has
// no options to carry them; a set once made is never freed, so a reader is never left holding
// a list that went away.
void set_page_languages(const std::vector<std::string>& codes);

// The language code of a page file's name or path ("docs/about.fr.md" -> "fr", in the case the
// site's list writes it), or an empty view when its name carries none of the site's codes.
std::string_view page_language(std::string_view path);

// True for a file name or path whose extension is .md, .markdown or .mdown, in any case.
bool is_markdown_file(std::string_view path);

// True for a file name or path whose extension is .html or .htm, in any case: a page when the
// file starts with front matter (front_matter.hpp, starts_with_front_matter).
bool is_html_file(std::string_view path);

// `path` without its Markdown or HTML extension ("docs/a.markdown" -> "docs/a"); `path` itself
// when it has none.
std::string_view page_stem(std::string_view path);

// For the name of a page's file: true for a section's page, "_index" with a Markdown or HTML
// extension ("_index.md").
bool is_section_index(std::string_view file_name);

// For the name of a page's file: true for "index" with a Markdown or HTML extension, a leaf
// bundle's page or, as Bengal reads it, a folder's page.
bool is_index_file(std::string_view file_name);

// The name a page is known by, from its source path: its file's stem ("docs/intro.md" ->
// "intro"), or its folder's name for an index or _index file ("blog/trip/index.md" -> "trip").
std::string_view page_name(std::string_view rel);

}  // namespace bengal::content
