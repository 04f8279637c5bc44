// The only file that includes toml++ (a heavy header).
#include <algorithm>
#include <cstdio>
#include <tuple>
#include <vector>

#include <toml++/toml.h>

#include "bengal/config/document.hpp"

namespace bengal::config {
namespace {

struct TomlReader {
  Document& doc;
  uint32_t line_offset;

  static std::string date_text(const toml::date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, unsigned{d.month}, unsigned{d.day});
    return buf;
  }
  static std::string time_text(const toml::time& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u:%02u:%02u", unsigned{t.hour}, unsigned{t.minute},
                  unsigned{t.second});
    return buf;
  }

  Value convert(const toml::node& node, const std::string& path) {
    switch (node.type()) {
      case toml::node_type::table: {
        // toml++ keeps keys sorted; put them back in source order, as YAML and JSON keep it.
        std::vector<std::pair<const toml::key*, const toml::node*>> entries;
        for (const auto& [key, child] : *node.as_table()) entries.emplace_back(&key, &child);
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
          const auto& pa = a.first->source().begin;
          const auto& pb = b.first->source().begin;
          return std::tie(pa.line, pa.column) < std::tie(pb.line, pb.column);
        });
        Value t = Value::table();
        for (const auto& [key, child] : entries) {
          std::string name(key->str());
          std::string child_path = path.empty() ? name : path + "." + name;
          // A [table] header's value position is its '[': where the table starts.
          const auto& kb = key->source().begin;
          const auto& vb = child->source().begin;
          doc.positions.push_back({child_path, static_cast<uint32_t>(kb.line) + line_offset,
                                   static_cast<uint32_t>(kb.column),
                                   static_cast<uint32_t>(vb.line) + line_offset,
                                   static_cast<uint32_t>(vb.column)});
          t.as_table().emplace_back(std::move(name), convert(*child, child_path));
        }
        return t;
      }
      case toml::node_type::array: {
        Value a = Value::array();
        for (const auto& child : *node.as_array()) a.as_array().push_back(convert(child, path));
        return a;
      }
      case toml::node_type::string:
        return Value(node.as_string()->get());
      case toml::node_type::integer:
        return Value(node.as_integer()->get());
      case toml::node_type::floating_point:
        return Value(node.as_floating_point()->get());
      case toml::node_type::boolean:
        return Value(node.as_boolean()->get());
      case toml::node_type::date:
        return Value(date_text(node.as_date()->get()));
      case toml::node_type::time:
        return Value(time_text(node.as_time()->get()));
      case toml::node_type::date_time: {
        const auto& dt = node.as_date_time()->get();
        std::string s = date_text(dt.date) + "T" + time_text(dt.time);
        if (dt.offset) {
          int m = dt.offset->minutes;
          char buf[16];
          if (m == 0) {
            s += "Z";
          } else {
            std::snprintf(buf, sizeof buf, "%c%02d:%02d", m < 0 ? '-' : '+', (m < 0 ? -m : m) / 60,
                          (m < 0 ? -m : m) % 60);
            s += buf;
          }
        }
        return Value(std::move(s));
      }
      default:
        return Value();
    }
  }
};

}  // namespace

Document parse_toml(std::string_view text, std::string_view file, uint32_t first_line) {
  Document doc;
  try {
    toml::table table = toml::parse(text, std::string_view(file));
    TomlReader reader{doc, first_line - 1};
    doc.root = reader.convert(table, "");
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    doc.root = Value::table();
    doc.error = make_error(std::string(file), static_cast<uint32_t>(begin.line) + first_line - 1,
                           static_cast<uint32_t>(begin.column),
                           "invalid TOML: " + std::string(e.description()));
  }
  return doc;
}

}  // namespace bengal::config
