// The files a build copies as they are, before the first page is rendered (a page served
// while the site is built needs its CSS and JS): files of content/ and page bundle resources,
// then the static layers; the math renderer's files last in finalize, once it is known whether
// any page has math. Every path was claimed in site.outputs (output_plan.hpp);
// a file is copied only where it still holds its path, so none replaces a page or site file.
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "bengal/core/diagnostic.hpp"
#include "bengal/core/source_tree.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

// The non-Markdown files of content/, and each bundle's resources next to its index.html
// wherever its slug or url put it. Returns the files copied; failures go to `diagnostics`.
size_t copy_content_files(const site::Site& site, const std::filesystem::path& content_dir,
                          output::OutputWriter& writer, Diagnostics& diagnostics);

// The site's static/, then a theme folder's static/, then the built-in theme's files: a higher
// layer replaces a lower one (on purpose: no error). Returns the files copied from the site's
// static/ (the count the build summary has always shown; theme files are not in it). The
// built-in theme's math renderer (assets/katex/, assets/math.js) is left for
// copy_math_renderer: a site without math does not carry 560 KB of KaTeX.
size_t copy_static_layers(site::Site& site, const SourceTreeOptions& sources,
                          output::OutputWriter& writer, Diagnostics& diagnostics);

// The claims copy_static_layers makes, without copying: `bengal check` knows then every file a
// build publishes.
void claim_static_layers(site::Site& site, const SourceTreeOptions& sources,
                         Diagnostics& diagnostics);

// The built-in theme's math renderer, after the pages, when one of them has math. Its claims
// come after the other static files' and before the aliases', in the registry's rank order.
void copy_math_renderer(site::Site& site, output::OutputWriter& writer, Diagnostics& diagnostics);

// The built-in theme's math renderer (assets/katex/, assets/math.js), each file where
// `keep(rel)` says so: `bengal merge` adds it when a shard rendered math.
void copy_math_files(output::OutputWriter& writer,
                     const std::function<bool(std::string_view rel)>& keep);

}  // namespace bengal::pipeline
