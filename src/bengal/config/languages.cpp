#include "bengal/config/languages.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "bengal/config/config_values.hpp"

namespace bengal::config {
namespace {

bool valid_code(std::string_view code) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0;
  while (i < code.size() && letter(code[i])) ++i;
  if (i < 2 || i > 3) return false;
  while (i < code.size()) {
    if (code[i] != '-' && code[i] != '_') return false;
    size_t start = ++i;
    while (i < code.size() && (letter(code[i]) || digit(code[i]))) ++i;
    if (i - start < 1 || i - start > 8) return false;
  }
  return true;
}

// The keys of a language's table, by every name Hugo, Zola and Bengal give them.
enum class Key {
  kName,
  kLocale,
  kDirection,
  kWeight,
  kTitle,
  kDescription,
  kContentDir,
  kParams,
  kMenu,
  kTranslations,
  kFeeds,
  kSearch,
  kDisabled,
  kCode,
  kUnknown
};

Key key_of(std::string_view k) {
  static constexpr std::pair<std::string_view, Key> kKeys[] = {
      {"name", Key::kName},
      {"languageName", Key::kName},
      {"language_name", Key::kName},
      {"locale", Key::kLocale},
      {"languageCode", Key::kLocale},
      {"language_code", Key::kLocale},
      {"hreflang", Key::kLocale},
      {"direction", Key::kDirection},
      {"languageDirection", Key::kDirection},
      {"weight", Key::kWeight},
      {"title", Key::kTitle},
      {"description", Key::kDescription},
      {"content_dir", Key::kContentDir},
      {"contentDir", Key::kContentDir},
      {"params", Key::kParams},
      {"menu", Key::kMenu},
      {"menus", Key::kMenu},
      {"translations", Key::kTranslations},
      {"generate_feeds", Key::kFeeds},
      {"generate_feed", Key::kFeeds},
      {"build_search_index", Key::kSearch},
      {"disabled", Key::kDisabled},
      {"code", Key::kCode},
  };
  for (const auto& [name, key] : kKeys)
    if (name == k) return key;
  return Key::kUnknown;
}

class LanguageReader {
 public:
  LanguageReader(SiteConfig& config, std::vector<Diagnostic>& diagnostics, bool& ok)
      : config_(config), doc_(config.document), diagnostics_(diagnostics), ok_(ok) {}

  void read() {
    if (const Value* table = doc_.root.find("languages")) {
      read_languages_table(*table);
    } else if (const Value* i18n = doc_.root.find("i18n"); i18n != nullptr && i18n->is_table()) {
      read_i18n(*i18n);
    }
    if (config_.languages.empty()) return;
    choose_default();
    std::stable_sort(config_.languages.begin(), config_.languages.end(),
                     [](const Language& a, const Language& b) {
                       return a.weight != b.weight ? a.weight < b.weight : a.code < b.code;
                     });
    check_content_dirs();
  }

 private:
  void error(std::string_view path, std::string message) {
    SourcePlace at = doc_.value_place_of(path);
    diagnostics_.push_back(make_error(at.file, at.line, at.column, std::move(message)));
    ok_ = false;
  }
  void warning(std::string_view path, std::string message) {
    SourcePlace at = doc_.place_of(path);
    diagnostics_.push_back(make_warning(at.file, at.line, at.column, std::move(message)));
  }

  // Hugo's and Zola's [languages.<code>] tables.
  void read_languages_table(const Value& table) {
    if (!table.is_table()) {
      error("languages",
            fmt::format("[languages] must be a table of languages, such as [languages.fr], "
                        "not {}",
                        table.type_name()));
      return;
    }
    for (const auto& [code, entry] : table.as_table()) {
      std::string path = "languages." + code;
      if (!entry.is_table()) {
        error(path, fmt::format("[languages.{}] must be a table, such as name = \"{}\"; not {}",
                                code, code, entry.type_name()));
        continue;
      }
      add_language(code, entry, path);
    }
  }

  // Bengal's [i18n]: languages only with strategy "prefix", as Bengal reads them.
  void read_i18n(const Value& i18n) {
    const Value* strategy = i18n.find("strategy");
    const Value* list = i18n.find("languages");
    if (strategy == nullptr || !strategy->is_string() || strategy->as_string() != "prefix") return;
    if (list == nullptr || !list->is_array()) return;
    bool dirs = false;
    if (const Value* s = i18n.find("content_structure"); s && s->is_string())
      dirs = s->as_string() == "dir";
    for (size_t i = 0; i < list->as_array().size(); ++i) {
      const Value& item = list->as_array()[i];
      std::string path = fmt::format("i18n.languages.{}", i);
      Value entry = item.is_string() ? Value(Value::Table{{"code", item}}) : item;
      const Value* code = entry.find("code");
      if (code == nullptr || !code->is_string()) {
        error("i18n.languages",
              "each of [i18n] languages must be a code such as \"fr\" or a table with one, "
              "such as {code = \"fr\", name = \"Français\"}");
        continue;
      }
      std::string name = code->as_string();  // before set() moves the entries
      if (dirs && entry.find("content_dir") == nullptr)
        entry.set("content_dir", config_.content_dir + "/" + name);
      add_language(name, entry, "i18n.languages");
    }
    if (const Value* d = i18n.find("default_language"); d && d->is_string())
      i18n_default_ = d->as_string();
    if (const Value* s = i18n.find("default_in_subdir"); s && s->is_bool())
      i18n_in_subdir_ = s->as_bool();
  }

  void add_language(const std::string& code, const Value& entry, const std::string& path) {
    if (!valid_code(code)) {
      error(path, fmt::format("language code \"{}\" cannot name a folder of the site; write a "
                              "code such as \"fr\", \"pt-br\" or \"zh-Hant\"",
                              code));
      return;
    }
    auto same = [&](const Language& l) { return l.code == code; };
    if (std::any_of(config_.languages.begin(), config_.languages.end(), same)) {
      error(path, fmt::format("language \"{}\" is listed twice; keep one", code));
      return;
    }
    Language l;
    l.code = code;
    l.name = code;
    l.locale = code;
    bool disabled = false;
    for (const auto& [key, v] : entry.as_table()) {
      std::string at = path + "." + key;
      if (!read_key(l, key, v, at, disabled)) continue;
    }
    if (!disabled) config_.languages.push_back(std::move(l));
  }

  // False for a key that was reported.
  bool read_key(Language& l, const std::string& key, const Value& v, const std::string& at,
                bool& disabled) {
    Key k = key_of(key);
    auto want = [&](bool good, std::string_view what) {
      if (!good) error(at, fmt::format("{} must be {}, not {}", key, what, v.type_name()));
      return good;
    };
    switch (k) {
      case Key::kName:
        if (want(v.is_string(), "a string")) l.name = v.as_string();
        return true;
      case Key::kLocale:
        if (want(v.is_string(), "a string")) l.locale = v.as_string();
        return true;
      case Key::kDirection:
        if (!want(v.is_string(), "a string")) return false;
        if (v.as_string() != "ltr" && v.as_string() != "rtl") {
          error(at, fmt::format("{} must be \"ltr\" or \"rtl\", not \"{}\"", key, v.as_string()));
          return false;
        }
        l.direction = v.as_string();
        return true;
      case Key::kWeight:
        if (want(v.is_int(), "an integer")) l.weight = v.as_int();
        return true;
      case Key::kTitle:
      case Key::kDescription:
        if (want(v.is_string(), "a string"))
          l.overrides.set(k == Key::kTitle ? "title" : "description", v);
        return true;
      case Key::kContentDir:
        if (!want(v.is_string(), "a string")) return false;
        if (std::string problem = site_folder_problem(v.as_string()); !problem.empty()) {
          error(at, fmt::format("{} \"{}\" {}", key, v.as_string(), problem));
          return false;
        }
        l.content_dir = normal_folder(v.as_string());
        return true;
      case Key::kParams:
      case Key::kMenu:
      case Key::kTranslations:
        if (want(v.is_table(), "a table")) {
          l.overrides.set(k == Key::kParams ? "params"
                          : k == Key::kMenu ? "menu"
                                            : "translations",
                          v);
        }
        return true;
      case Key::kFeeds:
      case Key::kSearch:
        if (want(v.is_bool(), "true or false"))
          l.overrides.set(k == Key::kFeeds ? "rss" : "search", v);
        return true;
      case Key::kDisabled:
        if (want(v.is_bool(), "true or false")) disabled = v.as_bool();
        return true;
      case Key::kCode:
        return true;  // [i18n]'s list names the code in the entry
      case Key::kUnknown:
        break;
    }
    warning(at, fmt::format("unknown key '{}' of a language is ignored; known keys: name, "
                            "locale, direction, weight, title, description, content_dir, "
                            "params, menu, translations, generate_feeds, build_search_index, "
                            "disabled",
                            key));
    return false;
  }

  std::string site_key(std::string_view key) const {
    const Value* site = doc_.root.find("site");
    const Value* v = site ? site->find(key) : nullptr;
    return v && v->is_string() ? v->as_string() : std::string();
  }

  // [site] default_language, else [i18n]'s, else [site] language when it is listed (or its
  // language part: "en-us" for "en"), else the first by weight. A default that is not listed
  // is added: Zola lists only the other languages.
  void choose_default() {
    std::string code = site_key("default_language");
    if (code.empty()) code = site_key("defaultContentLanguage");
    if (code.empty()) code = i18n_default_;
    std::vector<Language>& langs = config_.languages;
    auto find = [&](std::string_view c) {
      return std::find_if(langs.begin(), langs.end(),
                          [&](const Language& l) { return l.code == c; });
    };
    if (code.empty()) {
      std::string_view site_language = config_.language;
      auto listed = find(site_language);
      if (listed == langs.end()) listed = find(language_part(site_language));
      code = listed != langs.end() ? listed->code
                                   : std::min_element(langs.begin(), langs.end(),
                                                      [](const Language& a, const Language& b) {
                                                        return a.weight < b.weight;
                                                      })
                                         ->code;
    }
    auto it = find(code);
    if (it == langs.end()) {
      if (!valid_code(code)) {
        error("site.default_language",
              fmt::format("default_language \"{}\" cannot name a folder of the site; write a "
                          "code such as \"en\"",
                          code));
        return;
      }
      Language l;
      l.code = l.name = l.locale = code;
      l.weight = std::numeric_limits<int64_t>::min();
      langs.insert(langs.begin(), std::move(l));
      it = langs.begin();
    }
    it->is_default = true;
    // The site's own language ("en-us") describes the default language's pages.
    if (it->locale == it->code && config_.language.starts_with(it->code))
      it->locale = config_.language;
    const Value* site = doc_.root.find("site");
    const Value* subdir = site ? site->find("default_language_in_subdir") : nullptr;
    if (subdir == nullptr && site != nullptr) subdir = site->find("defaultContentLanguageInSubdir");
    bool in_subdir = subdir && subdir->is_bool() ? subdir->as_bool() : i18n_in_subdir_;
    for (Language& l : langs) l.in_subdir = !l.is_default || in_subdir;
  }

  // A language's content folder inside another's would give its pages to both.
  void check_content_dirs() {
    auto dir_of = [&](const Language& l) {
      return l.content_dir.empty() ? config_.content_dir : l.content_dir;
    };
    for (const Language& a : config_.languages) {
      for (const Language& b : config_.languages) {
        std::string da = dir_of(a), db = dir_of(b);
        if (&a == &b || da == db || !da.starts_with(db + "/")) continue;
        error("languages",
              fmt::format("the content folder of language \"{}\" ({}) is inside that of \"{}\" "
                          "({}), which would take its pages too; give each language a folder of "
                          "its own, such as content/{} and content/{}",
                          a.code, da, b.code, db, b.code, a.code));
        return;
      }
    }
  }

  SiteConfig& config_;
  const Document& doc_;
  std::vector<Diagnostic>& diagnostics_;
  bool& ok_;
  std::string i18n_default_;
  bool i18n_in_subdir_ = false;
};

// `base` with `overrides`' keys set over it: a language's params over the site's.
Value merged(Value base, const Value& overrides) {
  if (!base.is_table()) base = Value::table();
  for (const auto& [k, v] : overrides.as_table()) base.set(k, v);
  return base;
}

}  // namespace

void read_languages(SiteConfig& config, std::vector<Diagnostic>& diagnostics, bool& ok) {
  LanguageReader(config, diagnostics, ok).read();
}

bool is_language_code(std::string_view code) {
  return valid_code(code);
}

std::string_view language_part(std::string_view locale) {
  return locale.substr(0, locale.find('-'));
}

const Language* current_language(const SiteConfig& config) {
  if (config.content_language.empty()) return nullptr;
  for (const Language& l : config.languages)
    if (l.code == config.content_language) return &l;
  return nullptr;
}

std::vector<std::string> sitemap_urls(const SiteConfig& config) {
  std::vector<std::string> urls;
  urls.reserve(std::max<size_t>(1, config.languages.size()));
  for (const Language& l : config.languages) urls.push_back(l.permalink + "sitemap.xml");
  if (urls.empty()) urls.push_back(config.baseurl + "/sitemap.xml");
  return urls;
}

bool apply_language(SiteConfig& config, std::string_view code) {
  if (config.languages.empty()) return code.empty();
  auto it = std::find_if(config.languages.begin(), config.languages.end(), [&](const Language& l) {
    return code.empty() ? l.is_default : l.code == code;
  });
  if (it == config.languages.end()) return false;
  const std::string root_url = config.baseurl;
  for (Language& l : config.languages) {
    std::string folder = l.in_subdir ? "/" + l.code : std::string();
    l.href = config.base_path + folder + "/";
    l.permalink = root_url + folder + "/";
  }
  const Language& l = *it;
  config.content_language = l.code;
  config.language = l.locale;
  const Value& o = l.overrides;
  if (const Value* v = o.find("title")) config.title = v->as_string();
  if (const Value* v = o.find("description")) config.description = v->as_string();
  if (const Value* v = o.find("params")) {
    config.params = merged(config.params, *v);
    config.raw.set("params", config.params);
  }
  if (const Value* v = o.find("menu")) config.raw.set("menu", *v);
  const Value* written = config.raw.find("features");
  if (written == nullptr || written->is_table()) {  // else [features] reports its own mistake
    Value features = written ? *written : Value::table();
    if (const Value* v = o.find("rss")) features.set("rss", *v);
    if (const Value* v = o.find("search")) features.set("search", *v);
    // robots.txt is read at the root only; the root language's lists every language's sitemap.
    if (l.in_subdir) features.set("robots", false);
    config.raw.set("features", features);
  }
  if (!l.content_dir.empty()) config.content_dir = l.content_dir;
  if (l.in_subdir) {
    set_baseurl(config, root_url.empty() ? "/" + l.code : root_url + "/" + l.code);
    config.output_dir += "/" + l.code;
  }
  return true;
}

}  // namespace bengal::config
