// Related pages: for each page, the pages that share the most (and the rarest) taxonomy terms.
//
// Score of candidate q for page p = sum over the terms both carry of
//   taxonomy weight x ln(1 + pages / pages carrying the term)
// plus `section_bonus` when both are in the same section. A rare shared tag therefore counts
// more than a common one. Only pages sharing at least one term are candidates. Ties are broken
// by `tie_rank` (for a site: date, newest first, then source path).
//
// Near-linear: the exact method is quadratic in the size of a term (every page of a term
// scans every other). A term carried by more than `max_scan` pages is scanned only in a
// window of the `max_scan` pages nearest to p in the term's own order (display order: by
// date), so the work is at most pages x terms per page x max_scan. Scores from terms no
// larger than `max_scan` are exact; a very common term contributes the least (its rarity weight
// is smallest) and credits only p's nearest neighbours in time.
//
// Scores are summed as fixed-point integers so equal scores are exactly equal and the tie
// break, not rounding, decides their order.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/content/page_meta.hpp"

namespace bengal::graph {

struct RelatedOptions {
  size_t count = 5;
  double section_bonus = 0.5;
  size_t max_scan = 256;  // pages scanned per very common term
};

struct TermPages {
  double weight = 1.0;            // the weight of the term's taxonomy
  std::span<const PageId> pages;  // every page carrying the term, in the term's display order
};

struct RelatedInput {
  size_t page_count = 0;               // page ids are below this
  std::span<const PageId> pages;       // the pages that get (and can be) related pages
  std::vector<TermPages> terms;        // all terms of all taxonomies
  std::span<const PageId> section;     // section of each page id
  std::span<const uint32_t> tie_rank;  // lower ranks first among equal scores
};

// Related pages of every page as CSR arrays over page ids.
class RelatedPages {
 public:
  RelatedPages() = default;
  RelatedPages(std::vector<uint32_t> offsets, std::vector<PageId> related)
      : offsets_(std::move(offsets)), related_(std::move(related)) {}
  std::span<const PageId> of(PageId p) const {
    if (p + 1 >= offsets_.size()) return {};
    return {related_.data() + offsets_[p], offsets_[p + 1] - offsets_[p]};
  }
  size_t memory_bytes() const { return (offsets_.size() + related_.size()) * sizeof(uint32_t); }
  bool operator==(const RelatedPages&) const = default;

  // A record of these lists for the build cache, and the lists again from one: none when the
  // record is not one of `page_count` pages (corrupt or from another site).
  std::string encode() const;
  static std::optional<RelatedPages> decode(std::string_view record, size_t page_count);

 private:
  std::vector<uint32_t> offsets_;
  std::vector<PageId> related_;
};

RelatedPages compute_related(const RelatedInput& input, const RelatedOptions& options = {});

// Related pages kept between builds (the build cache keeps them), by a digest of everything
// compute_related reads: they are half of a warm build's graph phase, and a warm build's
// terms, dates and sections are mostly the last build's.
class RelatedMemo {
 public:
  virtual ~RelatedMemo() = default;
  // The record stored under `inputs`, if any.
  virtual std::optional<std::string> find(uint64_t inputs) = 0;
  virtual void store(uint64_t inputs, std::string record) = 0;
};

// compute_related, or the memo's lists for the same inputs (`memo` may be null): the same
// lists either way. They are stored again when found, so a build that empties its cache
// still leaves them for the next.
RelatedPages related_pages(const RelatedInput& input, const RelatedOptions& options,
                           RelatedMemo* memo);

// The digest related_pages keys the memo by.
uint64_t related_inputs_digest(const RelatedInput& input, const RelatedOptions& options);

}  // namespace bengal::graph
