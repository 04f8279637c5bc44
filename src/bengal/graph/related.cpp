#include "bengal/graph/related.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <xxhash.h>

#include "bengal/core/byte_codec.hpp"

namespace bengal::graph {
namespace {

constexpr double kFixedPoint = 1e6;  // score units per 1.0 of weight

struct Membership {
  uint32_t term;
  uint32_t position;  // index of the page in the term's list
};

// Per-thread scratch: a dense score array plus the list of slots touched, so clearing costs
// only what was used.
struct Scores {
  std::vector<int64_t> score;
  std::vector<PageId> touched;
};

}  // namespace

RelatedPages compute_related(const RelatedInput& in, const RelatedOptions& options) {
  const size_t n = in.page_count;
  std::vector<bool> eligible(n, false);
  for (PageId p : in.pages) eligible[p] = true;
  const double total = static_cast<double>(in.pages.size());

  // Each term's weight in fixed point: taxonomy weight x rarity.
  std::vector<int64_t> term_weight(in.terms.size());
  for (size_t t = 0; t < in.terms.size(); ++t) {
    double df = static_cast<double>(std::max<size_t>(1, in.terms[t].pages.size()));
    term_weight[t] = std::llround(in.terms[t].weight * std::log(1.0 + total / df) * kFixedPoint);
  }
  const int64_t bonus = std::llround(options.section_bonus * kFixedPoint);

  // Page -> (term, position) memberships, CSR, by a counting pass over the terms.
  std::vector<uint32_t> offsets(n + 1, 0);
  for (const auto& term : in.terms)
    for (PageId p : term.pages) ++offsets[p + 1];
  for (size_t i = 0; i < n; ++i) offsets[i + 1] += offsets[i];
  std::vector<Membership> member(offsets[n]);
  {
    std::vector<uint32_t> next(offsets.begin(), offsets.end() - 1);
    for (uint32_t t = 0; t < in.terms.size(); ++t) {
      auto pages = in.terms[t].pages;
      for (uint32_t i = 0; i < pages.size(); ++i) member[next[pages[i]]++] = {t, i};
    }
  }

  const size_t count = options.count;
  const size_t window = std::max<size_t>(options.max_scan, 1);
  std::vector<PageId> result(in.pages.size() * count, kNoPage);
  tbb::enumerable_thread_specific<Scores> scratch([&] {
    Scores s;
    s.score.assign(n, 0);
    return s;
  });
  tbb::parallel_for(size_t{0}, in.pages.size(), [&](size_t k) {
    Scores& s = scratch.local();
    PageId p = in.pages[k];
    for (uint32_t m = offsets[p]; m < offsets[p + 1]; ++m) {
      if (term_weight[member[m].term] <= 0) continue;
      auto pages = in.terms[member[m].term].pages;
      size_t lo = 0, hi = pages.size();
      if (pages.size() > window) {
        // The `window` pages around p's own position, shifted to stay inside the list.
        size_t pos = member[m].position;
        lo = pos > window / 2 ? pos - window / 2 : 0;
        lo = std::min(lo, pages.size() - window);
        hi = lo + window;
      }
      for (size_t i = lo; i < hi; ++i) {
        PageId q = pages[i];
        if (q == p || !eligible[q]) continue;
        if (s.score[q] == 0) s.touched.push_back(q);
        s.score[q] += term_weight[member[m].term];
      }
    }
    auto better = [&](PageId a, PageId b) {
      if (s.score[a] != s.score[b]) return s.score[a] > s.score[b];
      return in.tie_rank[a] < in.tie_rank[b];
    };
    for (PageId q : s.touched)
      if (in.section[q] == in.section[p]) s.score[q] += bonus;
    size_t keep = std::min(count, s.touched.size());
    std::partial_sort(s.touched.begin(), s.touched.begin() + static_cast<std::ptrdiff_t>(keep),
                      s.touched.end(), better);
    std::copy_n(s.touched.begin(), keep, result.begin() + static_cast<std::ptrdiff_t>(k * count));
    for (PageId q : s.touched) s.score[q] = 0;
    s.touched.clear();
  });

  // Compact into CSR by page id.
  std::vector<uint32_t> out_offsets(n + 1, 0);
  for (size_t k = 0; k < in.pages.size(); ++k) {
    size_t used = 0;
    while (used < count && result[k * count + used] != kNoPage) ++used;
    out_offsets[in.pages[k] + 1] = static_cast<uint32_t>(used);
  }
  for (size_t i = 0; i < n; ++i) out_offsets[i + 1] += out_offsets[i];
  std::vector<PageId> related(out_offsets[n]);
  for (size_t k = 0; k < in.pages.size(); ++k) {
    PageId p = in.pages[k];
    std::copy_n(result.begin() + static_cast<std::ptrdiff_t>(k * count),
                out_offsets[p + 1] - out_offsets[p], related.begin() + out_offsets[p]);
  }
  return RelatedPages(std::move(out_offsets), std::move(related));
}

std::string RelatedPages::encode() const {
  ByteWriter w;
  w.varint(offsets_.size());
  for (size_t i = 1; i < offsets_.size(); ++i) w.varint(offsets_[i] - offsets_[i - 1]);
  for (PageId p : related_) w.varint(p);
  return w.take();
}

std::optional<RelatedPages> RelatedPages::decode(std::string_view record, size_t page_count) {
  ByteReader r(record);
  size_t n = r.count();
  if (!r.ok() || n != page_count + 1) return std::nullopt;
  std::vector<uint32_t> offsets(n, 0);
  for (size_t i = 1; i < n; ++i) {
    // Each related page takes a byte or more, and they all follow the offsets: a total past the
    // bytes left is garbage, and bounding the total (not each list) keeps it from wrapping.
    uint64_t used = r.varint();
    if (!r.ok() || used > r.remaining() || offsets[i - 1] + used > r.remaining())
      return std::nullopt;
    offsets[i] = offsets[i - 1] + static_cast<uint32_t>(used);
  }
  std::vector<PageId> related(n == 0 ? 0 : offsets.back());
  for (PageId& p : related) {
    uint64_t id = r.varint();
    if (id >= page_count) return std::nullopt;
    p = static_cast<PageId>(id);
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return RelatedPages(std::move(offsets), std::move(related));
}

uint64_t related_inputs_digest(const RelatedInput& in, const RelatedOptions& options) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  auto add = [&](const auto& value) { XXH3_64bits_update(state, &value, sizeof(value)); };
  auto add_ids = [&](std::span<const uint32_t> ids) {
    add(ids.size());
    XXH3_64bits_update(state, ids.data(), ids.size_bytes());
  };
  add(uint64_t{1});  // the record's layout and the scoring: change when either changes
  add(uint64_t{in.page_count});
  add_ids(in.pages);
  add(in.terms.size());
  for (const auto& term : in.terms) {
    add(std::bit_cast<uint64_t>(term.weight));
    add_ids(term.pages);
  }
  add_ids(in.section);
  add_ids(in.tie_rank);
  add(uint64_t{options.count});
  add(std::bit_cast<uint64_t>(options.section_bonus));
  add(uint64_t{options.max_scan});
  uint64_t digest = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return digest;
}

RelatedPages related_pages(const RelatedInput& in, const RelatedOptions& options,
                           RelatedMemo* memo) {
  if (memo == nullptr) return compute_related(in, options);
  uint64_t inputs = related_inputs_digest(in, options);
  if (std::optional<std::string> record = memo->find(inputs)) {
    if (auto kept = RelatedPages::decode(*record, in.page_count)) {
      memo->store(inputs, std::move(*record));
      return std::move(*kept);
    }
  }
  RelatedPages related = compute_related(in, options);
  memo->store(inputs, related.encode());
  return related;
}

}  // namespace bengal::graph
