#include "bengal/site/output_paths.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "bengal/site/key_position.hpp"

namespace bengal::site {
namespace {

std::string numbered(uint32_t page, std::string_view list) {
  return page == 0 ? std::string(list) : fmt::format("page {} of {}", page, list);
}

constexpr std::string_view kIndex = "index.html";

// The folder of `path` when it names a folder's index.html ("" for the top one's).
std::optional<std::string_view> index_folder(std::string_view path) {
  if (!path.ends_with(kIndex)) return std::nullopt;
  if (path.size() == kIndex.size()) return std::string_view();
  if (path[path.size() - kIndex.size() - 1] != '/') return std::nullopt;
  return path.substr(0, path.size() - kIndex.size() - 1);
}

}  // namespace

std::string OutputPaths::file_of(const Held& held) const {
  std::string file(str(held.file));
  if (held.who_ends_in_key) file += key_of(held);
  return file;
}

std::string OutputPaths::who(const Held& held) const {
  if (held.who_ends_in_key) return numbered(held.page, file_of(held));
  return numbered(held.page, str(held.who));
}

std::string OutputPaths::path_of(const Held& held) const {
  if (!held.index_of_path) return std::string(str(held.path));
  if (held.path == kEmptyStr) return std::string(kIndex);
  return fmt::format("{}/{}", str(held.path), kIndex);
}

void OutputPaths::report(const OutputClaim& loser, const Held& winner, std::string_view why,
                         Diagnostics& diagnostics) const {
  if (same_claimant(winner, loser.by)) return;  // an alias repeated on one page
  if (loser.by.rank == OutputRank::kStatic && winner.rank == OutputRank::kStatic) return;
  // Aliases yield to content, as in Bengal: an alias of a page's own URL is left out
  // silently, one onto another page's URL with a warning.
  bool alias_under_content =
      loser.by.rank == OutputRank::kAlias &&
      (winner.rank == OutputRank::kPage || winner.rank == OutputRank::kListPage);
  if (alias_under_content && key_of(winner) == loser.by.key) return;
  // A url or slug onto the URL another page's source path gives yields to that page, as in
  // Bengal: the site still builds, so this is a warning at the overriding key.
  bool override_under_source = loser.by.rank == OutputRank::kPage &&
                               winner.rank == OutputRank::kPage && loser.by.tier == 1 &&
                               winner.tier == 0;
  auto make = alias_under_content || override_under_source ? make_warning : make_error;
  std::string remedy = loser.remedy.empty()
                           ? fmt::format("change the url or slug of {}", who(winner))
                           : loser.remedy;
  if (winner.hint != kEmptyStr) remedy += fmt::format(", or {}", str(winner.hint));
  std::string message =
      fmt::format("{} is not written: {}; {}", numbered(loser.page, loser.what), why, remedy);
  if (loser.file.empty()) {
    diagnostics.add(make(file_of(winner), 0, 0, std::move(message)));
    return;
  }
  std::pair<uint32_t, uint32_t> at{0, 0};
  if (!content_root_.empty()) {
    for (std::string_view key : loser.keys) {
      at = front_matter_key_position(content_root_ / loser.source, key);
      if (at.first != 0) break;
    }
  }
  diagnostics.add(make(loser.file, at.first, at.second, std::move(message)));
}

std::vector<bool> OutputPaths::claim(std::vector<OutputClaim> claims, Diagnostics& diagnostics) {
  std::vector<size_t> order(claims.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return claims[a].by < claims[b].by; });
  std::vector<bool> won(claims.size(), false);
  // Tens of thousands of claims at once (every page of the site) grow the table once; single
  // claims (static files, one at a time) still grow it geometrically.
  if (held_.capacity() < held_.size() + claims.size())
    held_.reserve(std::max(held_.size() + claims.size(), 2 * held_.capacity()));
  // The last claim that came to hold its path made folders of every folder above it, and a
  // folder stays one (a file where a folder is loses), so the folders a claim shares with it
  // need no lookup: the pages of one section share all but their own.
  std::string_view last_held;
  auto shared_folder = [&](std::string_view path, size_t slash) {
    return slash < last_held.size() && last_held[slash] == '/' &&
           path.substr(0, slash) == last_held.substr(0, slash);
  };
  for (size_t i : order) {
    OutputClaim& c = claims[i];
    std::string_view path = c.path;
    if (uint32_t h = holder_of(path); h != 0) {
      const Held& w = held_[(h & ~kFolder) - 1];
      std::string why =
          h & kFolder
              ? fmt::format("{} writes {}, so {} must be a folder", who(w), path_of(w), path)
              : fmt::format("{} also writes {} and comes first", who(w), path);
      report(c, w, why, diagnostics);
      continue;
    }
    bool blocked = false;
    for (size_t slash = path.find('/'); slash != std::string::npos && !blocked;
         slash = path.find('/', slash + 1)) {
      if (shared_folder(path, slash)) continue;
      uint32_t h = holder_of(path.substr(0, slash));
      if (h == 0 || (h & kFolder) != 0) continue;
      const Held& w = held_[h - 1];
      report(
          c, w,
          fmt::format("{} writes the file {}, where {} needs a folder", who(w), path_of(w), path),
          diagnostics);
      blocked = true;
    }
    if (blocked) continue;
    auto holder = static_cast<uint32_t>(held_.size() + 1);
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1))
      if (!shared_folder(path, slash)) mark(path.substr(0, slash), holder | kFolder);
    mark(path, holder);
    last_held = path;
    Held held{c.by.rank, c.by.tier};
    held.key_in_key_pool = key_pool_ != nullptr && c.key_id != kNoStr;
    held.key = held.key_in_key_pool ? c.key_id : strings_.intern(c.by.key);
    std::optional<std::string_view> folder = index_folder(path);
    held.index_of_path = folder.has_value();
    held.path = strings_.intern(folder ? *folder : path);
    std::string_view key = c.by.key;
    held.who_ends_in_key = c.who == c.file && c.file.ends_with(key);
    if (held.who_ends_in_key) {
      held.who = held.file = strings_.intern(c.file.substr(0, c.file.size() - key.size()));
    } else {
      held.who = strings_.intern(c.who);
      held.file = strings_.intern(c.file);
    }
    held.hint = strings_.intern(c.hint);
    held.page = c.page;
    held_.push_back(held);
    won[i] = true;
  }
  return won;
}

uint32_t OutputPaths::holder_of(std::string_view path) const {
  if (auto folder = index_folder(path)) {
    StrId id = strings_.find(*folder);
    if (id < index_holders_.size() && index_holders_[id] != 0) return index_holders_[id];
  }
  // A folder's index.html is in holders_ only as the folder of a file inside it.
  StrId id = strings_.find(path);
  return id < holders_.size() ? holders_[id] : 0;
}

void OutputPaths::mark(std::string_view path, uint32_t holder) {
  std::optional<std::string_view> folder;
  if ((holder & kFolder) == 0) folder = index_folder(path);
  StrId id = strings_.intern(folder ? *folder : path);
  std::vector<uint32_t>& holders = folder ? index_holders_ : holders_;
  if (id >= holders.size()) holders.resize(id + 1, 0);
  if (holders[id] == 0) holders[id] = holder;
}

bool OutputPaths::same_claimant(const Held& held, const ClaimKey& by) const {
  return held.rank == by.rank && held.tier == by.tier && key_of(held) == by.key;
}

bool OutputPaths::holds(std::string_view path, const ClaimKey& by) const {
  uint32_t h = holder_of(path);
  return h != 0 && (h & kFolder) == 0 && same_claimant(held_[h - 1], by);
}

std::optional<ClaimKey> OutputPaths::holder(std::string_view path) const {
  uint32_t h = holder_of(path);
  if (h == 0 || (h & kFolder) != 0) return std::nullopt;
  const Held& held = held_[h - 1];
  return ClaimKey{held.rank, held.tier, std::string(key_of(held))};
}

size_t OutputPaths::memory_bytes() const {
  return strings_.memory_bytes() + held_.capacity() * sizeof(Held) +
         (holders_.capacity() + index_holders_.capacity()) * sizeof(uint32_t);
}

}  // namespace bengal::site
