#include "bengal/content/front_matter.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "bengal/config/document.hpp"
#include "bengal/core/unicode_case.hpp"
#include "bengal/core/utf8.hpp"

namespace bengal::content {
namespace {

// A line that is exactly `delim`, allowing trailing spaces and a CR.
bool is_delimiter(std::string_view line, std::string_view delim) {
  if (!line.starts_with(delim)) return false;
  for (char c : line.substr(delim.size()))
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

enum class Field {
  kParam,
  kTitle,
  kDate,
  kLastmod,
  kExpiryDate,
  kUnpublishDate,
  kPublishDate,
  kPubDate,
  kPublished,
  kModified,
  kUpdated,
  kTaxonomies,
  kDraft,
  kWeight,
  kSlug,
  kUrl,
  kPermalink,
  kDescription,
  kSummary,
  kType,
  kLayout,
  kTemplate,
  kAliases,
  kTags,
  kCategories,
  kCategory,
  kKeywords,
  kHeadless,
  kBuild,
};

// Known fields match case-insensitively, as in Hugo ("Title" is the title). Hugo's other names
// for its dates are read as it reads them: `publishDate` (or `pubdate`, `published`) is when
// the page is published and, without a `date`, its date; `modified` a `lastmod`,
// `unpublishdate` an `expiryDate`. Zola's `updated` is a `lastmod` too, and its `taxonomies`
// table holds the page's terms (`[taxonomies] tags = ["a"]`). Jekyll's `permalink` is a `url`.
Field field_of(std::string_view key) {
  static constexpr std::pair<std::string_view, Field> kFields[] = {
      {"title", Field::kTitle},
      {"date", Field::kDate},
      {"lastmod", Field::kLastmod},
      {"expirydate", Field::kExpiryDate},
      {"unpublishdate", Field::kUnpublishDate},
      {"publishdate", Field::kPublishDate},
      {"pubdate", Field::kPubDate},
      {"published", Field::kPublished},
      {"modified", Field::kModified},
      {"updated", Field::kUpdated},
      {"taxonomies", Field::kTaxonomies},
      {"permalink", Field::kPermalink},
      {"draft", Field::kDraft},
      {"weight", Field::kWeight},
      {"slug", Field::kSlug},
      {"url", Field::kUrl},
      {"description", Field::kDescription},
      {"summary", Field::kSummary},
      {"type", Field::kType},
      {"layout", Field::kLayout},
      {"template", Field::kTemplate},
      {"aliases", Field::kAliases},
      {"tags", Field::kTags},
      {"categories", Field::kCategories},
      {"category", Field::kCategory},
      {"keywords", Field::kKeywords},
      {"headless", Field::kHeadless},
      {"_build", Field::kBuild},
      {"build", Field::kBuild},
  };
  for (const auto& [name, field] : kFields)
    if (equals_ascii_ignoring_case(key, name)) return field;
  return Field::kParam;
}

struct FieldReader {
  const config::Document& doc;
  const std::string& file;
  FrontMatterResult& result;
  std::vector<std::string> category = {};  // Bengal's singular field, joined by finish()
  // The fallbacks of Hugo's dates, in the order Hugo takes them (finish()).
  std::optional<Date> unpublishdate = {}, pubdate = {}, published_date = {}, modified = {},
                      updated = {};
  // The terms of Zola's `taxonomies` table for taxonomies other than tags and categories,
  // params as a top-level key of their name would be (finish()).
  Value::Table taxonomy_params = {};
  bool has_draft = false;
  std::optional<bool> published = {};  // Jekyll's and Hugo's `published: false`: a draft
  std::string permalink = {};          // Jekyll's `url`

  void error(const std::string& key, std::string message) {
    auto [line, col] = doc.value_position_of(key);
    result.diagnostics.push_back(make_error(file, line, col, std::move(message)));
  }

  void type_error(const std::string& key, std::string_view expected, const Value& got) {
    error(key, fmt::format("front matter field '{}' must be {}, not {}; the field was ignored", key,
                           expected, got.type_name()));
  }

  // Scalars print as their text: Hugo accepts `title: 2024`. Null is the empty string.
  bool text(const std::string& key, const Value& v, std::string& out) {
    switch (v.type()) {
      case Value::Type::kString:
        out = v.as_string();
        return true;
      case Value::Type::kInt:
        out = std::to_string(v.as_int());
        return true;
      case Value::Type::kFloat:
        out = fmt::format("{}", v.as_float());
        return true;
      case Value::Type::kBool:
        out = v.as_bool() ? "true" : "false";
        return true;
      case Value::Type::kNull:
        out.clear();
        return true;
      default:
        type_error(key, "a string", v);
        return false;
    }
  }

  // `category: x` (Bengal) is one more category, after those of `categories`, once. Hugo's
  // other date names fill the dates their page does not set.
  void finish() {
    FrontMatter& fm = result.fm;
    auto& all = fm.categories;
    for (std::string& c : category)
      if (std::find(all.begin(), all.end(), c) == all.end()) all.push_back(std::move(c));
    if (!fm.publishdate) fm.publishdate = pubdate ? pubdate : published_date;
    if (!fm.date) fm.date = fm.publishdate;
    if (!fm.lastmod) fm.lastmod = modified ? modified : updated;
    if (!taxonomy_params.empty()) {
      if (fm.params.is_null()) fm.params = Value::table();
      Value::Table& params = fm.params.as_table();
      // A top-level key of the same name is the page's own, and wins.
      std::unordered_set<std::string> own;
      for (const auto& entry : params) own.insert(entry.first);
      for (auto& [name, terms] : taxonomy_params)
        if (!own.count(name)) params.emplace_back(std::move(name), std::move(terms));
    }
    if (!fm.expirydate) fm.expirydate = unpublishdate;
    if (fm.url.empty() && !permalink.empty()) {
      // Jekyll's placeholders (":year", ":title") are filled once the file is known.
      if (permalink.find(':') == std::string::npos) {
        fm.url = std::move(permalink);
      } else {
        fm.permalink_pattern = std::move(permalink);
      }
    }
    if (!has_draft && published == false) fm.draft = true;
    if (fm.headless) fm.build.fill(headless_build());
  }

  // Hugo's build options. One that cannot be read skips the page, as a draft flag does: it may
  // have been meant to keep the page out.
  void build_options(const std::string& key, const Value& v, PageBuild& out, bool skips) {
    out = read_page_build(v, [&](const std::string& sub, const std::string& message) {
      std::string path = sub.empty() ? key : key + "." + sub;
      std::string text = fmt::format("front matter field '{}' {}", path, message);
      if (skips) {
        text += "; the page was skipped so that it is not published by mistake";
        result.ok = false;
      } else {
        text += "; it was ignored";
      }
      error(sub.empty() ? key : path, std::move(text));
    });
  }

  // A section's `cascade` table, kept as a param: its build options are checked here, where
  // their file and line are known (apply_cascade reads them again, without the ones in error).
  void cascade(const std::string& key, const Value& v) {
    if (!v.is_table()) return;
    for (const auto& [name, value] : v.as_table()) {
      if (!is_build_key(name)) continue;
      PageBuild ignored;
      build_options(key + "." + name, value, ignored, false);
    }
  }

  // Zola's `taxonomies` table: the terms of each taxonomy, read as the top-level key of its
  // name is ("taxonomies.tags" as "tags").
  void taxonomies(const std::string& key, Value& v) {
    if (v.is_null()) return;
    if (!v.is_table()) return type_error(key, "a table of taxonomies and their terms", v);
    FrontMatter& fm = result.fm;
    for (auto& [name, terms] : v.as_table()) {
      std::string path = key + "." + name;
      switch (field_of(name)) {
        case Field::kTags:
          list(path, terms, fm.tags);
          break;
        case Field::kCategories:
          list(path, terms, fm.categories);
          break;
        case Field::kKeywords:
          list(path, terms, fm.keywords);
          break;
        default:
          taxonomy_params.emplace_back(name, std::move(terms));
          break;
      }
    }
  }

  // A list of scalars, or one scalar as a list of one ("tags: go" is the tag "go").
  void list(const std::string& key, const Value& v, std::vector<std::string>& out) {
    out.clear();
    if (v.is_null()) return;
    if (!v.is_array()) {
      std::string one;
      if (text(key, v, one) && !one.empty()) out.push_back(std::move(one));
      return;
    }
    out.reserve(v.size());
    for (const Value& item : v.as_array()) {
      std::string s;
      if (item.is_array() || item.is_table()) {
        type_error(key, "a list of strings", item);
        continue;
      }
      if (text(key, item, s) && !s.empty()) out.push_back(std::move(s));
    }
  }

  // TOML dates arrive as RFC 3339 text (see config::parse_document), YAML ones as strings.
  void date(const std::string& key, const Value& v, std::optional<Date>& out) {
    if (v.is_null()) return;
    if (!v.is_string()) {
      type_error(key, "a date such as 2024-01-31", v);
      return;
    }
    out = parse_date(v.as_string());
    if (!out) {
      error(key, fmt::format("invalid date \"{}\" in '{}'; expected a date such as 2024-01-31 "
                             "or 31 Jan 2024, optionally with a time and offset as in "
                             "2024-01-31T10:00:00Z; the field was ignored",
                             v.as_string(), key));
    }
  }

  // A draft flag that cannot be read skips the page: guessing "not a draft" could publish
  // something its author meant to keep private. Quoted "true"/"false" and YAML 1.1 yes/no
  // are understood.
  void draft(const std::string& key, const Value& v) {
    has_draft = true;
    if (std::optional<bool> b = flag(v)) {
      result.fm.draft = *b;
      return;
    }
    unreadable_flag(key, v, "true or false");
  }

  // `published: false` keeps the page out as `draft: true` does, unless `draft` says otherwise;
  // Hugo also takes a date there, as `publishDate`.
  void published_field(const std::string& key, const Value& v) {
    if (v.is_null()) return;
    if ((published = flag(v))) return;
    if (v.is_string() && parse_date(v.as_string())) return date(key, v, published_date);
    unreadable_flag(key, v, "true, false or a date such as 2024-01-31");
  }

  // A boolean, or its text: quoted "true"/"false" and YAML 1.1's yes/no.
  static std::optional<bool> flag(const Value& v) {
    if (v.is_bool()) return v.as_bool();
    if (v.is_string()) {
      const std::string& s = v.as_string();
      if (equals_ascii_ignoring_case(s, "true") || equals_ascii_ignoring_case(s, "yes"))
        return true;
      if (equals_ascii_ignoring_case(s, "false") || equals_ascii_ignoring_case(s, "no"))
        return false;
    }
    return std::nullopt;
  }

  // A flag that cannot be read skips the page: guessing "published" could publish something
  // its author meant to keep private.
  void unreadable_flag(const std::string& key, const Value& v, std::string_view expected) {
    std::string got = v.is_string() ? fmt::format("\"{}\"", v.as_string()) : v.type_name();
    error(key, fmt::format("front matter field '{}' must be {}, not {}; the page was skipped so "
                           "that a draft is not published by mistake",
                           key, expected, got));
    result.ok = false;
  }

  void field(std::string& key, Value& v) {
    FrontMatter& fm = result.fm;
    switch (field_of(key)) {
      case Field::kTitle:
        // "title:" with nothing after it is no title, so the page falls back to its name.
        fm.has_title = !v.is_null() && text(key, v, fm.title);
        break;
      case Field::kDate:
        date(key, v, fm.date);
        break;
      case Field::kLastmod:
        date(key, v, fm.lastmod);
        break;
      case Field::kExpiryDate:
        date(key, v, fm.expirydate);
        break;
      case Field::kUnpublishDate:
        date(key, v, unpublishdate);
        break;
      case Field::kPublishDate:
        date(key, v, fm.publishdate);
        break;
      case Field::kPubDate:
        date(key, v, pubdate);
        break;
      case Field::kPublished:
        published_field(key, v);
        break;
      case Field::kModified:
        date(key, v, modified);
        break;
      case Field::kUpdated:
        date(key, v, updated);
        break;
      case Field::kTaxonomies:
        taxonomies(key, v);
        break;
      case Field::kDraft:
        draft(key, v);
        break;
      case Field::kWeight:
        if (v.is_int()) {
          fm.weight = v.as_int();
        } else if (!v.is_null()) {
          type_error(key, "an integer", v);
        }
        break;
      case Field::kSlug:
        text(key, v, fm.slug);
        break;
      case Field::kUrl:
        text(key, v, fm.url);
        break;
      case Field::kPermalink:
        text(key, v, permalink);
        break;
      case Field::kDescription:
        text(key, v, fm.description);
        break;
      case Field::kSummary:
        text(key, v, fm.summary);
        break;
      case Field::kType:
        text(key, v, fm.type);
        break;
      case Field::kLayout:
        text(key, v, fm.layout);
        break;
      case Field::kTemplate:
        text(key, v, fm.template_name);
        break;
      case Field::kAliases:
        list(key, v, fm.aliases);
        break;
      case Field::kTags:
        list(key, v, fm.tags);
        break;
      case Field::kCategories:
        list(key, v, fm.categories);
        break;
      case Field::kCategory:
        list(key, v, category);
        // Also kept as written for templates (page.params.category), as Bengal's are.
        param(key, v);
        break;
      case Field::kKeywords:
        list(key, v, fm.keywords);
        break;
      case Field::kHeadless:
        if (std::optional<bool> b = flag(v)) {
          fm.headless = *b;
          // Also a param (page.params.headless), as in Hugo; apply_cascade reads it there.
          Value read(*b);
          param(key, read);
        } else if (!v.is_null()) {
          unreadable_flag(key, v, "true or false");
        }
        break;
      case Field::kBuild:
        if (!is_build_table(key, v)) {
          param(key, v);
          break;
        }
        build_options(key, v, fm.build, true);
        break;
      case Field::kParam:
        if (equals_ascii_ignoring_case(key, "cascade")) cascade(key, v);
        param(key, v);
        break;
    }
  }

  void param(std::string& key, Value& v) {
    // The document is thrown away after this, so its values move rather than copy. Its keys
    // are unique already: appending keeps thousands of them linear.
    if (result.fm.params.is_null()) result.fm.params = Value::table();
    result.fm.params.as_table().emplace_back(std::move(key), std::move(v));
  }

  // `_build` is always Hugo's build options; `build`, a common word, only when it is a table
  // that names one of them (else it stays the param it was before Hugo 0.123 took the name).
  static bool is_build_table(const std::string& key, const Value& v) {
    if (key.starts_with('_')) return true;
    if (!v.is_table()) return false;
    return std::any_of(v.as_table().begin(), v.as_table().end(),
                       [](const auto& entry) { return is_build_option(entry.first); });
  }
};

// End of the line starting at `pos`, and where the next one starts.
std::pair<size_t, size_t> line_end(std::string_view text, size_t pos) {
  size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) return {text.size(), text.size()};
  return {end, end + 1};
}

size_t bom_size(std::string_view text) {
  return text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark
}

// Hugo's JSON front matter: an object from the file's first byte. A key (or the object's end)
// must follow its '{', so that a page opening with "{{< note >}}" or "{#id}" is no JSON.
bool opens_json(std::string_view text, size_t start) {
  if (start >= text.size() || text[start] != '{') return false;
  size_t next = text.find_first_not_of(" \t\r\n", start + 1);
  return next != std::string_view::npos && (text[next] == '"' || text[next] == '}');
}

// Just past the '}' that closes the object opened at `start` (braces in strings do not count),
// or npos when it never closes.
size_t json_object_end(std::string_view text, size_t start) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = start; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{') {
      ++depth;
    } else if (c == '}' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// Parses the front matter `block` (starting at `first_line` of the file) into `result`; an
// error when it is not valid.
void read_block(std::string_view block, config::Format format, const std::string& file,
                uint32_t first_line, FrontMatterResult& result) {
  config::Document doc = config::parse_document(block, format, file, first_line);
  if (doc.error) {
    // "invalid YAML: ..." -> "invalid YAML front matter: ..."
    std::string& message = doc.error->message;
    message.insert(message.find(':'), " front matter");
    result.diagnostics.push_back(std::move(*doc.error));
    result.ok = false;
    return;
  }
  FieldReader reader{doc, file, result};
  for (auto& [key, value] : doc.root.as_table()) reader.field(key, value);
  reader.finish();
}

// Hugo's JSON front matter, the object at `start`; the body starts on the line after its '}'.
FrontMatterResult read_json_front_matter(std::string_view text, size_t start,
                                         std::string_view display_path) {
  FrontMatterResult result;
  const std::string file(display_path);
  size_t end = json_object_end(text, start);
  if (end == std::string_view::npos) {
    result.ok = false;
    result.diagnostics.push_back(make_error(
        file, 1, 1,
        "JSON front matter opened with { is never closed; add the } that closes the object"));
    return result;
  }
  read_block(text.substr(start, end - start), config::Format::kJson, file, 1, result);
  // The rest of the closing line, when blank, is no part of the body.
  auto [line_stop, next] = line_end(text, end);
  std::string_view rest = text.substr(end, line_stop - end);
  bool blank = rest.find_first_not_of(" \t\r") == std::string_view::npos;
  result.body_offset = blank ? next : end;
  result.body_line =
      1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + result.body_offset, '\n'));
  return result;
}

// How the front matter of `text` opens at `start` (after any BOM): a "---" or "+++" line, a
// JSON object, or not at all. Both parse_front_matter and starts_with_front_matter ask here, so
// that a file is a page (an HTML file of content/) exactly when its front matter is read.
enum class Opening { kNone, kYaml, kToml, kJson };

Opening opening_of(std::string_view text, size_t start) {
  std::string_view first = text.substr(start, line_end(text, start).first - start);
  if (is_delimiter(first, "---")) return Opening::kYaml;
  if (is_delimiter(first, "+++")) return Opening::kToml;
  if (opens_json(text, start)) return Opening::kJson;
  return Opening::kNone;
}

}  // namespace

bool starts_with_front_matter(std::string_view text) {
  return opening_of(text, bom_size(text)) != Opening::kNone;
}

FrontMatterResult parse_front_matter(std::string_view text, std::string_view display_path) {
  FrontMatterResult result;
  if (auto bad = find_invalid_utf8(text)) {
    result.ok = false;
    result.diagnostics.push_back(
        make_error(std::string(display_path), bad->line, bad->column,
                   fmt::format("invalid UTF-8 byte 0x{:02x}; save the file as UTF-8", bad->byte)));
    return result;
  }
  const size_t start = bom_size(text);
  const Opening opening = opening_of(text, start);
  if (opening == Opening::kNone) {
    result.body_offset = start;
    return result;  // no front matter: the whole file is the body
  }
  if (opening == Opening::kJson) return read_json_front_matter(text, start, display_path);
  const config::Format format =
      opening == Opening::kYaml ? config::Format::kYaml : config::Format::kToml;
  const std::string_view delim = opening == Opening::kYaml ? "---" : "+++";
  size_t pos = line_end(text, start).second;
  const std::string file(display_path);
  const size_t block_start = pos;
  // The block is lines 2..line-1; the closing delimiter is on `line`.
  for (uint32_t line = 2;; ++line) {
    if (pos >= text.size()) {
      result.ok = false;
      result.diagnostics.push_back(make_error(
          file, 1, 1,
          fmt::format("front matter opened with {} is never closed; add a line {} after it", delim,
                      delim)));
      return result;
    }
    auto [end, next] = line_end(text, pos);
    if (!is_delimiter(text.substr(pos, end - pos), delim)) {
      pos = next;
      continue;
    }
    read_block(text.substr(block_start, pos - block_start), format, file, 2, result);
    result.body_offset = next;
    result.body_line = line + 1;
    return result;
  }
}

}  // namespace bengal::content
