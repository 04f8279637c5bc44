// Which files of content/ are pages, and the names that make one a folder's page.
// Hugo and Bengal both read ".md" and ".markdown" (Hugo ".mdown" too), in any case: a Jekyll
// blog's posts are "*.markdown", a README may be "README.MD". An ".html" or ".htm" file is a
// page too when it starts with front matter (Hugo's HTML content format: its body is published
// as it is written); without front matter it is a file, copied as it is. Everything that reads
// a source path as a page's (discovery, URLs, link resolution, page keys) asks here, so that
// they agree on every name.
#pragma once

#include <string_view>

namespace bengal::content {

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
