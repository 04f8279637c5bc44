#include "bengal/pipeline/glossary.hpp"

#include <fmt/format.h>

#include <array>

#include "bengal/config/document.hpp"
#include "bengal/core/file_io.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

constexpr std::string_view kRemedy =
    "give every entry of `terms:` a `term:` and a `definition:` (and optionally `tags:`)";

// The file site.data.glossary came from, as load_data names it: of several, the one read last
// (file names sorted) wins, so look from the end of that order.
std::string glossary_file(const fs::path& site_dir) {
  for (std::string_view ext : {"yml", "yaml", "toml", "json"}) {
    std::string rel = fmt::format("data/glossary.{}", ext);
    std::error_code ec;
    if (fs::exists(site_dir / rel, ec)) return rel;
  }
  return "data/glossary.yaml";
}

// Where `terms:` is in the file: the line to point at, 0 when it cannot be read again.
std::pair<uint32_t, uint32_t> terms_position(const fs::path& site_dir, const std::string& rel) {
  std::string text, error;
  if (!read_file(site_dir / rel, text, error)) return {0, 0};
  config::Format format = rel.ends_with(".toml")   ? config::Format::kToml
                          : rel.ends_with(".json") ? config::Format::kJson
                                                   : config::Format::kYaml;
  config::Document doc = config::parse_document(text, format, rel);
  if (doc.error) return {0, 0};
  return doc.position_of("terms");
}

bool text_list(const Value* v, std::vector<std::string>& out) {
  if (v == nullptr) return true;
  if (v->is_string()) {
    out.push_back(v->as_string());
    return true;
  }
  if (!v->is_array()) return false;
  for (const Value& item : v->as_array()) {
    if (!item.is_string()) return false;
    out.push_back(item.as_string());
  }
  return true;
}

// One entry, or what is wrong with it ("" when it is fine).
std::string read_term(const Value& entry, markdown::GlossaryTerm& out) {
  if (!entry.is_table()) return fmt::format("is {}, not a table", entry.type_name());
  const Value* term = entry.find("term");
  const Value* definition = entry.find("definition");
  if (term == nullptr || !term->is_string() || term->as_string().empty())
    return "has no `term:` text";
  if (definition == nullptr || !definition->is_string()) return "has no `definition:` text";
  out.term = term->as_string();
  out.definition = definition->as_string();
  if (!text_list(entry.find("tags"), out.tags)) return "has `tags:` that are not text";
  return {};
}

}  // namespace

std::vector<markdown::GlossaryTerm> load_glossary(const site::Site& site, const fs::path& site_dir,
                                                  Diagnostics& diagnostics) {
  std::vector<markdown::GlossaryTerm> terms;
  const Value* glossary = site.data.find("glossary");
  if (glossary == nullptr) return terms;
  const Value* list = glossary->is_table() ? glossary->find("terms") : nullptr;
  std::string problem;
  size_t skipped = 0;
  if (list == nullptr || !list->is_array()) {
    problem = "the glossary has no `terms:` list";
  } else {
    const auto& entries = list->as_array();
    for (size_t i = 0; i < entries.size(); ++i) {
      markdown::GlossaryTerm term;
      std::string wrong = read_term(entries[i], term);
      if (wrong.empty()) {
        terms.push_back(std::move(term));
        continue;
      }
      if (skipped++ == 0) problem = fmt::format("glossary entry {} {}", i + 1, wrong);
    }
    if (skipped > 1) problem += fmt::format(" ({} entries skipped)", skipped);
  }
  if (!problem.empty()) {
    std::string file = glossary_file(site_dir);
    auto [line, column] = terms_position(site_dir, file);
    diagnostics.add(make_error(file, line, column, fmt::format("{}; {}", problem, kRemedy)));
  }
  return terms;
}

}  // namespace bengal::pipeline
