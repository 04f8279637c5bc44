#include "bengal/pipeline/render_context.hpp"

#include <fmt/format.h>

#include "bengal/config/document.hpp"
#include "bengal/config/languages.hpp"
#include "bengal/core/file_io.hpp"
#include "bengal/core/source_tree.hpp"
#include "bengal/templates/builtin_theme.hpp"
#include "bengal/templates/engine/attribute_use.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

// Warm tier of the content store: the pages after the hubs in PageRank order, 60% of the site
// as in the design; the byte bound of the LRU is what limits its memory.
constexpr double kWarmPercent = 60;

// Whether anything may ask for a page's rendered HTML but its own render: full-content feeds,
// or a template of the site, its theme or the built-in theme (the names a page can reach) that
// reads another page's `content`. A template that does not compile is reported where a page
// uses it, not here.
bool pages_read_by_others(BuildContext& b, const templates::Environment& env,
                          const std::vector<std::string>& template_files) {
  if (b.site().features.feed_full_content) return true;
  templates::AttributeUse use("content", "page");
  auto scan = [&](std::string_view name) {
    Diagnostic error;
    if (const templates::Template* tpl = env.get(name, error)) use.scan(*tpl);
  };
  for (const auto& file : template_files) scan(std::string_view(file).substr(file.find(':') + 1));
  for (auto [name, source] : templates::builtin_templates()) scan(name);
  return use.of_others();
}

StoreOptions store_options(BuildContext& b, const templates::Environment& env,
                           const std::vector<std::string>& template_files) {
  StoreOptions options;
  options.keep_all = !b.memory.streaming;
  options.warm_bytes = b.memory.cache_bytes;
  options.hot_bytes = b.memory.hot_bytes;
  options.read_by_others = pages_read_by_others(b, env, template_files);
  options.tiers = assign_tiers(b.site(), b.graph, kWarmPercent);
  return options;
}

// Template lookup: the site's templates/, then the theme folder, then the built-in theme.
// Templates symlinked out of the site are not read (unless follow_external_symlinks); the
// folders are listed once, to warn about them as for every source folder, and to name in
// `files` every template file they hold ("<folder index>:<path>").
std::shared_ptr<const templates::Loader> template_loader(BuildContext& b,
                                                         std::vector<std::string>& files) {
  const fs::path& site_dir = b.options.site_dir;
  const std::string& theme = b.site().config.theme;
  std::vector<fs::path> dirs = {site_dir / "templates"};
  std::vector<std::string> shown = {"templates"};
  if (!theme.empty() && theme != "default") {
    dirs.push_back(site_dir / "themes" / theme / "templates");
    shown.push_back("themes/" + theme + "/templates");
  }
  for (size_t i = 0; i < dirs.size(); ++i) {
    for (auto& rel : list_source_files(dirs[i], shown[i], b.sources, b.diagnostics))
      files.push_back(fmt::format("{}:{}", i, rel));
  }
  return std::make_shared<templates::ChainLoader>(
      dirs, shown, templates::builtin_template_loader(),
      b.sources.follow_external_symlinks ? fs::path() : site_dir);
}

// The names t()'s file of a language may have, the most precise first: its locale ("fr-FR",
// "en-us"), the locale's language part ("fr", as Hugo and Bengal name i18n/fr.toml), its code
// in a multilingual site.
std::vector<std::string> translation_names(std::string_view locale, std::string_view code) {
  std::vector<std::string> names;
  for (std::string_view name : {locale, config::language_part(locale), code}) {
    if (name.empty() || name.find_first_of("/\\") != std::string::npos || name.starts_with('.'))
      continue;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
  }
  return names;
}

// i18n/<name>.yaml (or .yml, .toml, .json) at the site root, as Bengal keeps them, for the
// first of `names` that has one; an empty table when none has (t() then shows its default or
// the key) or the file cannot be read (reported). Read like any site file: not through a
// symlink out of the site.
Value read_translations(BuildContext& b, const std::vector<std::string>& names) {
  static constexpr std::pair<const char*, config::Format> kFiles[] = {
      {".yaml", config::Format::kYaml},
      {".yml", config::Format::kYaml},
      {".toml", config::Format::kToml},
      {".json", config::Format::kJson}};
  std::error_code ec;
  fs::path site = fs::weakly_canonical(fs::absolute(b.options.site_dir, ec), ec);
  for (const std::string& lang : names) {
    for (const auto& [ext, format] : kFiles) {
      std::string shown = fmt::format("i18n/{}{}", lang, ext);
      fs::path real;
      std::string error, text;
      SiteFile where = locate_site_file(site / shown, site, real, error);
      if (where == SiteFile::kMissing) continue;
      if (where == SiteFile::kOutside && !b.sources.follow_external_symlinks)
        error = "a symlink that leads outside the site folder; keep translations inside it";
      if (where == SiteFile::kHidden) error = "it leads to a hidden file";
      if ((where != SiteFile::kInside && error.size()) || !read_file(site / shown, text, error)) {
        b.diagnostics.add(make_error(shown, 0, 0, "cannot read the translations: " + error));
        return Value::table();
      }
      config::Document doc = config::parse_document(text, format, shown);
      if (doc.error) {
        b.diagnostics.add(*doc.error);
        return Value::table();
      }
      return std::move(doc.root);
    }
  }
  return Value::table();
}

// Adds to `texts` each key of `fallback` it lacks, in tables nested alike too.
void add_missing(Value& texts, const Value& fallback) {
  if (!texts.is_table() || !fallback.is_table()) return;
  for (const auto& [key, v] : fallback.as_table()) {
    bool found = false;
    for (auto& [own_key, own] : texts.as_table()) {
      if (own_key != key) continue;
      found = true;
      add_missing(own, v);
      break;
    }
    if (!found) texts.as_table().emplace_back(key, v);
  }
}

// Adds the strings Zola keeps in its config that `texts` lacks: [languages.<code>.translations]
// of language `l`, and [translations] for the default language (or a site's only one).
void add_config_translations(Value& texts, const config::SiteConfig& c, const config::Language* l) {
  if (l != nullptr) {
    if (const Value* own = l->overrides.find("translations")) add_missing(texts, *own);
  }
  if (l == nullptr || l->is_default) {
    if (const Value* site = c.raw.find("translations")) add_missing(texts, *site);
  }
}

// t()'s texts: the language's own, from i18n/ (as Bengal and Hugo keep them), then from its
// config (as Zola does); in a multilingual site, a key it lacks is the default language's (as
// Bengal's i18n `fallback_to_default`), so a half-translated language shows the default
// language's words, not the keys.
Value load_translations(BuildContext& b) {
  const config::SiteConfig& c = b.site().config;
  const config::Language* current = config::current_language(c);
  Value texts = read_translations(b, translation_names(c.language, c.content_language));
  add_config_translations(texts, c, current);
  if (current == nullptr || current->is_default) return texts;
  for (const config::Language& l : c.languages) {
    if (!l.is_default) continue;
    add_missing(texts, read_translations(b, translation_names(l.locale, l.code)));
    add_config_translations(texts, c, &l);
  }
  return texts;
}

}  // namespace

RenderContext::RenderContext(BuildContext& b)
    : build(b),
      env(template_loader(b, template_files)),
      writer(b.output_dir),
      store(b.site(), b.content_dir, store_options(b, env, template_files)),
      body(b.site(), store, b.options.site_dir, b.diagnostics),
      ctx(b.site(), [this](PageId id) { return body.content_html(id); }),
      pages(b.site(), store, body, env, ctx, writer, b.diagnostics) {
  const site::Site& site = b.site();
  writer.set_in_place_in_new_folders(!b.options.rename_into_place);
  writer.set_keeps_manifest(b.lists_written_files());
  env.set_base_url(site.config.baseurl, site.config.base_path);
  env.set_markdown([this](std::string_view text) { return body.markdownify(text); });
  body.set_templates(&env, &ctx);
  ctx.set_graph(&b.graph);
  env.set_strict_undefined(b.options.strict_templates);
  ctx.set_translations(load_translations(b));
  for (auto& [name, fn] : ctx.functions()) env.set_global(name, fn);
  // index.json lists pages in id order whatever the render order; entries made while
  // rendering (with their full text) wait in a spill file inside the output folder.
  if (site.features.search && site.features.search_full_text)
    search_spill.emplace(writer, site.table.pages.size());
  if (site.features.search && site.features.search_sharded) sharded_search.emplace(site, writer);
}

report::Resident RenderContext::resident() const {
  return {store.resident_pages(), store.resident_bytes(), build.stats().index_bytes};
}

}  // namespace bengal::pipeline
