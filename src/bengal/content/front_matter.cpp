#include "bengal/content/front_matter.hpp"

#include <fmt/format.h>

#include "bengal/config/document.hpp"
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

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct FieldReader {
  const config::Document& doc;
  std::string_view file;
  FrontMatterResult& result;

  void type_error(const std::string& key, std::string_view expected, const Value& got) {
    auto [line, col] = doc.position_of(key);
    result.diagnostics.push_back(
        make_error(std::string(file), line, col,
                   fmt::format("front matter field '{}' must be {}, not {}; the field was ignored",
                               key, expected, got.type_name())));
  }

  // Scalars print as their text: Hugo accepts `title: 2024`.
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

  void list(const std::string& key, const Value& v, std::vector<std::string>& out) {
    out.clear();
    if (v.is_null()) return;
    if (!v.is_array()) {
      std::string one;
      if (text(key, v, one) && !one.empty()) out.push_back(std::move(one));
      return;
    }
    for (const Value& item : v.as_array()) {
      std::string s;
      if (item.is_array() || item.is_table()) {
        type_error(key, "a list of strings", item);
        continue;
      }
      if (text(key, item, s) && !s.empty()) out.push_back(std::move(s));
    }
  }

  void date(const std::string& key, const Value& v, std::optional<Date>& out) {
    if (v.is_null()) return;
    if (!v.is_string()) {
      type_error(key, "a date", v);
      return;
    }
    out = parse_date(v.as_string());
    if (!out) {
      auto [line, col] = doc.position_of(key);
      result.diagnostics.push_back(make_error(
          std::string(file), line, col,
          fmt::format("invalid date \"{}\" in '{}'; expected YYYY-MM-DD, optionally with time "
                      "and offset as in 2024-01-31T10:00:00Z; the field was ignored",
                      v.as_string(), key)));
    }
  }

  void field(const std::string& key, const Value& v) {
    FrontMatter& fm = result.fm;
    std::string k = lower(key);
    if (k == "title") {
      fm.has_title = text(key, v, fm.title);
    } else if (k == "date") {
      date(key, v, fm.date);
    } else if (k == "lastmod") {
      date(key, v, fm.lastmod);
    } else if (k == "draft") {
      if (v.is_bool()) {
        fm.draft = v.as_bool();
      } else {
        type_error(key, "true or false", v);
      }
    } else if (k == "weight") {
      if (v.is_int()) {
        fm.weight = v.as_int();
      } else {
        type_error(key, "an integer", v);
      }
    } else if (k == "slug") {
      text(key, v, fm.slug);
    } else if (k == "url") {
      text(key, v, fm.url);
    } else if (k == "description") {
      text(key, v, fm.description);
    } else if (k == "summary") {
      text(key, v, fm.summary);
    } else if (k == "type") {
      text(key, v, fm.type);
    } else if (k == "layout") {
      text(key, v, fm.layout);
    } else if (k == "template") {
      text(key, v, fm.template_name);
    } else if (k == "aliases") {
      list(key, v, fm.aliases);
    } else if (k == "tags") {
      list(key, v, fm.tags);
    } else if (k == "categories") {
      list(key, v, fm.categories);
    } else if (k == "keywords") {
      list(key, v, fm.keywords);
    } else {
      fm.params.set(key, v);
    }
  }
};

}  // namespace

FrontMatterResult parse_front_matter(std::string_view text, std::string_view display_path) {
  FrontMatterResult result;
  std::string file(display_path);
  if (auto bad = find_invalid_utf8(text)) {
    result.ok = false;
    result.diagnostics.push_back(
        make_error(file, bad->line, bad->column,
                   fmt::format("invalid UTF-8 byte 0x{:02x}; save the file as UTF-8", bad->byte)));
    return result;
  }
  size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // byte order mark
  size_t first_end = text.find('\n', start);
  std::string_view first =
      text.substr(start, (first_end == std::string_view::npos ? text.size() : first_end) - start);
  config::Format format;
  std::string_view delim;
  if (is_delimiter(first, "---")) {
    format = config::Format::kYaml;
    delim = "---";
  } else if (is_delimiter(first, "+++")) {
    format = config::Format::kToml;
    delim = "+++";
  } else {
    result.body_offset = start;
    return result;  // no front matter: the whole file is the body
  }
  // Find the closing delimiter line.
  size_t pos = first_end == std::string_view::npos ? text.size() : first_end + 1;
  size_t block_start = pos;
  uint32_t line = 2;
  for (;;) {
    if (pos >= text.size()) {
      result.ok = false;
      result.diagnostics.push_back(make_error(
          file, 1, 1,
          fmt::format("front matter opened with {} is never closed; add a line {} after it", delim,
                      delim)));
      return result;
    }
    size_t end = text.find('\n', pos);
    std::string_view l =
        text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
    if (is_delimiter(l, delim)) {
      std::string_view block = text.substr(block_start, pos - block_start);
      config::Document doc = config::parse_document(block, format, file, 2);
      if (doc.error) {
        // "invalid YAML: ..." -> "invalid YAML front matter: ..."
        std::string& message = doc.error->message;
        message.insert(message.find(':'), " front matter");
        result.diagnostics.push_back(*doc.error);
        result.ok = false;
        return result;
      }
      FieldReader reader{doc, file, result};
      for (const auto& [key, value] : doc.root.as_table()) reader.field(key, value);
      result.body_offset = end == std::string_view::npos ? text.size() : end + 1;
      result.body_line = line + 1;
      return result;
    }
    pos = end == std::string_view::npos ? text.size() : end + 1;
    ++line;
  }
}

}  // namespace bengal::content
