// merge_document: the layering of a config directory (config_dir.cpp), kept apart from the
// readers because it knows nothing of formats.
#include <map>

#include "bengal/config/document.hpp"

namespace bengal::config {
namespace {

using Positions = std::map<std::string, KeyPosition, std::less<>>;

// True for `path` itself and the keys below it ("site", "site.title"), not for "site2".
bool at_or_below(std::string_view key, std::string_view path) {
  return key.starts_with(path) && (key.size() == path.size() || key[path.size()] == '.');
}

// Every key below `path` sorts after it and shares its prefix, so the range starting at
// lower_bound(path) and ending at the first key without the prefix holds them all.
void erase_at_or_below(Positions& positions, std::string_view path) {
  for (auto it = positions.lower_bound(path);
       it != positions.end() && it->first.starts_with(path);) {
    it = at_or_below(it->first, path) ? positions.erase(it) : std::next(it);
  }
}

void copy_at_or_below(const Positions& from, Positions& to, std::string_view path) {
  for (auto it = from.lower_bound(path); it != from.end() && it->first.starts_with(path); ++it)
    if (at_or_below(it->first, path)) to.insert_or_assign(it->first, it->second);
}

struct Merger {
  Positions& base_positions;
  const Positions& over_positions;

  void merge(Value& base, const Value& over, const std::string& prefix) {
    for (const auto& [key, value] : over.as_table()) {
      std::string path = prefix.empty() ? key : prefix + "." + key;
      Value* existing = nullptr;
      for (auto& [k, v] : base.as_table())
        if (k == key) existing = &v;
      if (existing && existing->is_table() && value.is_table()) {
        merge(*existing, value, path);
        continue;
      }
      erase_at_or_below(base_positions, path);
      copy_at_or_below(over_positions, base_positions, path);
      if (existing) {
        *existing = value;
      } else {
        base.as_table().emplace_back(key, value);
      }
    }
  }
};

}  // namespace

void merge_document(Document& base, const Document& over) {
  uint32_t offset = static_cast<uint32_t>(base.files.size());
  base.files.insert(base.files.end(), over.files.begin(), over.files.end());
  Positions base_positions, over_positions;
  for (auto& p : base.positions) base_positions.emplace(p.path, std::move(p));
  for (const auto& p : over.positions) {
    KeyPosition moved = p;
    moved.file += offset;
    over_positions.emplace(p.path, std::move(moved));
  }
  if (!base.root.is_table()) base.root = Value::table();
  if (over.root.is_table()) Merger{base_positions, over_positions}.merge(base.root, over.root, "");
  base.positions.clear();
  for (auto& [path, p] : base_positions) base.positions.push_back(std::move(p));
}

}  // namespace bengal::config
