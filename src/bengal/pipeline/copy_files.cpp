#include "bengal/pipeline/copy_files.hpp"

#include "bengal/content/page_url.hpp"
#include "bengal/output/static_files.hpp"
#include "bengal/pipeline/output_plan.hpp"
#include "bengal/templates/builtin_theme.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

constexpr std::string_view kStaticPrefix = "static/";

// The built-in theme's math renderer, copied only for a site with math.
bool is_math_file(std::string_view rel) {
  return rel.starts_with("assets/katex/") || rel == "assets/math.js";
}

// The folder a page's output lives in, relative to the output dir: "/a/b/" -> "a/b".
std::string output_folder(std::string_view url) {
  std::string rel = content::output_path_for_url(url);
  size_t slash = rel.rfind('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

// Copies content/`source` to `dest` when `dest` is still held by the file. A file that cannot
// be copied is reported against its source; a full or read-only device stops the build.
size_t copy_held(const site::Site& site, const fs::path& content_dir, std::string_view source,
                 const std::string& dest, output::OutputWriter& writer, Diagnostics& diagnostics) {
  if (!site.outputs.holds(dest, content_file_key(source))) return 0;  // lost a clash: reported
  try {
    writer.copy_file(content_dir / std::string(source), dest);
    return 1;
  } catch (const output::OutputStopped&) {
    throw;
  } catch (const std::exception& e) {
    diagnostics.add(
        make_error(site.config.content_dir + "/" + std::string(source), 0, 0, e.what()));
    return 0;
  }
}

}  // namespace

size_t copy_content_files(const site::Site& site, const fs::path& content_dir,
                          output::OutputWriter& writer, Diagnostics& diagnostics) {
  size_t copied = 0;
  for (const auto& rel : site.content_files)
    copied += copy_held(site, content_dir, rel, rel, writer, diagnostics);
  for (PageId id : site.resource_owners()) {
    const auto& meta = site.page(id);
    const content::StrRange resources = site.table.extras_of(meta).resources;
    std::string_view source = site.source_path(id);
    std::string_view bundle_dir = source.substr(0, source.rfind('/') + 1);
    std::string out_dir = output_folder(site.str(meta.url));
    for (StrId r : site.table.list(resources)) {
      std::string_view rel = site.str(r);
      std::string inside(rel.substr(bundle_dir.size()));
      std::string dest = out_dir.empty() ? inside : out_dir + "/" + inside;
      copied += copy_held(site, content_dir, rel, dest, writer, diagnostics);
    }
  }
  return copied;
}

namespace {

// The static layers in claim order: `folder(layer, dir, display)` for the site's static/ and
// a theme's, then `builtin(rel, bytes)` for each file of the built-in theme but its math
// renderer (copy_math_renderer's, once a page has math).
void for_each_static_layer(
    const site::Site& site, const SourceTreeOptions& sources,
    const std::function<void(uint8_t, const fs::path&, const std::string&)>& folder,
    const std::function<void(std::string_view, std::string_view)>& builtin) {
  folder(0, sources.site_dir / "static", "static");
  const std::string& theme = site.config.theme;
  if (!theme.empty() && theme != "default")
    folder(1, sources.site_dir / "themes" / theme / "static", "themes/" + theme + "/static");
  for (size_t i = 0; i < templates::kBuiltinThemeFiles; ++i) {
    std::string_view path = templates::kBuiltinTheme[i].path;
    if (!path.starts_with(kStaticPrefix)) continue;
    std::string_view rel = path.substr(kStaticPrefix.size());
    if (!is_math_file(rel)) builtin(rel, templates::kBuiltinTheme[i].bytes);
  }
}

}  // namespace

size_t copy_static_layers(site::Site& site, const SourceTreeOptions& sources,
                          output::OutputWriter& writer, Diagnostics& diagnostics) {
  size_t copied = 0;
  for_each_static_layer(
      site, sources,
      [&](uint8_t layer, const fs::path& dir, const std::string& display) {
        size_t n = output::copy_tree(
            dir, display, sources, writer, diagnostics, [&](std::string_view rel) {
              return claim_static_file(site, layer, display, rel, diagnostics);
            });
        if (layer == 0) copied = n;
      },
      [&](std::string_view rel, std::string_view bytes) {
        if (claim_static_file(site, 2, "(built-in theme)", rel, diagnostics))
          writer.write(rel, bytes);
      });
  return copied;
}

void claim_static_layers(site::Site& site, const SourceTreeOptions& sources,
                         Diagnostics& diagnostics) {
  for_each_static_layer(
      site, sources,
      [&](uint8_t layer, const fs::path& dir, const std::string& display) {
        for (const std::string& rel : list_source_files(dir, display, sources, diagnostics))
          claim_static_file(site, layer, display, rel, diagnostics);
      },
      [&](std::string_view rel, std::string_view) {
        claim_static_file(site, 2, "(built-in theme)", rel, diagnostics);
      });
}

void copy_math_renderer(site::Site& site, output::OutputWriter& writer, Diagnostics& diagnostics) {
  copy_math_files(writer, [&](std::string_view rel) {
    return claim_static_file(site, 2, "(built-in theme)", rel, diagnostics);
  });
}

void copy_math_files(output::OutputWriter& writer,
                     const std::function<bool(std::string_view rel)>& keep) {
  for (size_t i = 0; i < templates::kBuiltinThemeFiles; ++i) {
    std::string_view path = templates::kBuiltinTheme[i].path;
    if (!path.starts_with(kStaticPrefix)) continue;
    std::string_view rel = path.substr(kStaticPrefix.size());
    if (is_math_file(rel) && keep(rel)) writer.write(rel, templates::kBuiltinTheme[i].bytes);
  }
}

}  // namespace bengal::pipeline
