#include "bengal/site/output_paths.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "bengal/site/key_position.hpp"

namespace bengal::site {

void OutputPaths::report(const OutputClaim& loser, const Held& winner, std::string_view why,
                         Diagnostics& diagnostics) const {
  if (loser.by == winner.by) return;  // an alias repeated on one page
  if (loser.by.rank == OutputRank::kStatic && winner.by.rank == OutputRank::kStatic) return;
  // Aliases yield to content, as in Bengal: an alias of a page's own URL is left out
  // silently, one onto another page's URL with a warning.
  bool alias_under_content =
      loser.by.rank == OutputRank::kAlias &&
      (winner.by.rank == OutputRank::kPage || winner.by.rank == OutputRank::kListPage);
  if (alias_under_content && winner.by.key == loser.by.key) return;
  // A url or slug onto the URL another page's source path gives yields to that page, as in
  // Bengal: the site still builds, so this is a warning at the overriding key.
  bool override_under_source = loser.by.rank == OutputRank::kPage &&
                               winner.by.rank == OutputRank::kPage && loser.by.tier == 1 &&
                               winner.by.tier == 0;
  auto make = alias_under_content || override_under_source ? make_warning : make_error;
  std::string remedy =
      loser.remedy.empty() ? fmt::format("change the url or slug of {}", winner.who) : loser.remedy;
  if (!winner.hint.empty()) remedy += ", or " + winner.hint;
  std::string message = fmt::format("{} is not written: {}; {}", loser.what, why, remedy);
  if (loser.file.empty()) {
    diagnostics.add(make(winner.file, 0, 0, std::move(message)));
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
  for (size_t i : order) {
    OutputClaim& c = claims[i];
    if (auto it = files_.find(c.path); it != files_.end()) {
      const Held& w = held_[it->second];
      report(c, w, fmt::format("{} also writes {} and comes first", w.who, c.path), diagnostics);
      continue;
    }
    if (auto it = dirs_.find(c.path); it != dirs_.end()) {
      const Held& w = held_[it->second];
      report(c, w, fmt::format("{} writes {}, so {} must be a folder", w.who, w.path, c.path),
             diagnostics);
      continue;
    }
    bool blocked = false;
    for (size_t slash = c.path.find('/'); slash != std::string::npos && !blocked;
         slash = c.path.find('/', slash + 1)) {
      if (auto it = files_.find(c.path.substr(0, slash)); it != files_.end()) {
        const Held& w = held_[it->second];
        report(c, w,
               fmt::format("{} writes the file {}, where {} needs a folder", w.who, w.path, c.path),
               diagnostics);
        blocked = true;
      }
    }
    if (blocked) continue;
    auto index = static_cast<uint32_t>(held_.size());
    for (size_t slash = c.path.find('/'); slash != std::string::npos;
         slash = c.path.find('/', slash + 1))
      dirs_.emplace(c.path.substr(0, slash), index);
    files_.emplace(c.path, index);
    held_.push_back({std::move(c.by), std::move(c.path), std::move(c.who), std::move(c.file),
                     std::move(c.hint)});
    won[i] = true;
  }
  return won;
}

bool OutputPaths::holds(std::string_view path, const ClaimKey& by) const {
  auto it = files_.find(std::string(path));
  return it != files_.end() && held_[it->second].by == by;
}

const ClaimKey* OutputPaths::holder(std::string_view path) const {
  auto it = files_.find(std::string(path));
  return it == files_.end() ? nullptr : &held_[it->second].by;
}

}  // namespace bengal::site
