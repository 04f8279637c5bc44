// A site in several languages, as Hugo, Zola and Bengal configure one. Each language is built as
// a site of its own from its pages (about.fr.md beside about.md, or a content folder of its
// own), into its own folder of the output (/fr/; the default language at the root unless
// [site] default_language_in_subdir), with its own title, params, menus, lists, feeds, sitemap
// and search index. docs/content/reference/languages.md is the user's guide.
//
//   [site]
//   default_language = "en"        # else [site] language when listed, else the first
//   [languages.en]
//   name = "English"               # Hugo: languageName
//   weight = 1
//   [languages.fr]
//   name = "Français"
//   title = "Mon site"             # description, params, menu, locale (languageCode) too
//   content_dir = "content/fr"     # Hugo: contentDir; without it: pages named about.fr.md
//
// Bengal's [i18n] (strategy = "prefix", languages = [{code, name, weight}], default_language,
// default_in_subdir, content_structure = "dir") reads the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bengal/config/config.hpp"
#include "bengal/core/diagnostic.hpp"

namespace bengal::config {

// Reads the site's languages into `config.languages` from its document. Mistakes are
// diagnostics at their keys: an error (and `ok` false) for a code that cannot name a folder or
// a content folder outside the site, a warning for a key that is ignored.
void read_languages(SiteConfig& config, std::vector<Diagnostic>& diagnostics, bool& ok);

// Makes `config` that of language `code`'s build (the default language's for an empty code): its
// title, description, params, menus and features; its baseurl and output folder below /code/
// when it is in a folder of its own; its content folder. Sets every language's `href` and
// `permalink` from the baseurl as it is now. False, and `config` unchanged, when the site has
// no such language; true with nothing to do for a site in one language.
bool apply_language(SiteConfig& config, std::string_view code);

// Whether `code` can be a language's code: it names a folder of the output and a part of file
// names ("fr", "pt-br", "zh-Hant").
bool is_language_code(std::string_view code);

// The language part of a locale: "en-us" -> "en", "fr" -> "fr".
std::string_view language_part(std::string_view locale);

// The language `config` builds (apply_language), or null for a site in one language.
const Language* current_language(const SiteConfig& config);

// The sitemaps robots.txt names: every language's, or the site's one.
std::vector<std::string> sitemap_urls(const SiteConfig& config);

}  // namespace bengal::config
