#include "bengal/graph/related.hpp"

#include <gtest/gtest.h>

#include "bengal/core/byte_codec.hpp"

#include <map>
#include <numeric>

namespace bengal::graph {
namespace {

std::vector<PageId> list(const RelatedPages& r, PageId p) {
  auto s = r.of(p);
  return {s.begin(), s.end()};
}

struct Fixture {
  std::vector<PageId> pages, section;
  std::vector<uint32_t> tie_rank;
  std::vector<std::vector<PageId>> terms;
  RelatedInput input(std::vector<double> weights = {}) {
    RelatedInput in;
    in.page_count = section.size();
    in.pages = pages;
    in.section = section;
    in.tie_rank = tie_rank;
    for (size_t t = 0; t < terms.size(); ++t)
      in.terms.push_back({weights.empty() ? 1.0 : weights[t], terms[t]});
    return in;
  }
};

// Six pages in two sections. Rarity weights: a term on 2 of 6 pages weighs ln 4 = 1.386,
// on 3 pages ln 3 = 1.099, on all 6 ln 2 = 0.693; the same section adds 0.5.
Fixture six_pages() {
  Fixture f;
  f.pages = {0, 1, 2, 3, 4, 5};
  f.section = {10, 10, 10, 11, 11, 11};
  f.tie_rank = {5, 4, 3, 2, 1, 0};  // among equal scores, higher ids first
  f.terms = {{0, 1}, {0, 1, 2, 3, 4, 5}, {0, 2, 3}};
  return f;
}

TEST(Related, RareSharedTermsWinThenSectionThenTieRank) {
  Fixture f = six_pages();
  RelatedPages r = compute_related(f.input());
  // Page 0: 1 = ln4+ln2+0.5 = 2.58, 2 = ln2+ln3+0.5 = 2.29, 3 = ln2+ln3 = 1.79,
  // 4 and 5 = ln2 = 0.69 (a tie: 5 has the lower tie rank).
  EXPECT_EQ(list(r, 0), (std::vector<PageId>{1, 2, 3, 5, 4}));
  // Page 4: only the common term; 3 and 5 share its section (1.19), then 2, 1, 0 by tie rank.
  EXPECT_EQ(list(r, 4), (std::vector<PageId>{5, 3, 2, 1, 0}));
  // Page 3: 0 and 2 share the mid term (1.79); 5 and 4 the section (1.19), 1 the common term.
  EXPECT_EQ(list(r, 3), (std::vector<PageId>{2, 0, 5, 4, 1}));
}

TEST(Related, CountAndWeightsAreConfigurable) {
  Fixture f = six_pages();
  RelatedOptions o;
  o.count = 2;
  o.section_bonus = 0;
  EXPECT_EQ(list(compute_related(f.input(), o), 4), (std::vector<PageId>{5, 3}));
  // The mid term weighted 3x: for page 0, page 2 and 3 (ln2 + 3 ln3 = 3.99) beat page 1
  // (ln4 + ln2 = 2.08); 2 and 3 tie without the section bonus, 3 has the lower tie rank.
  EXPECT_EQ(list(compute_related(f.input({1, 1, 3}), o), 0), (std::vector<PageId>{3, 2}));
  o.count = 0;
  EXPECT_TRUE(list(compute_related(f.input(), o), 0).empty());
}

TEST(Related, PagesOutsideTheSetNeitherGetNorAppearInLists) {
  Fixture f = six_pages();
  f.pages = {0, 2, 3, 4, 5};  // page 1 is, say, a section page
  RelatedPages r = compute_related(f.input());
  EXPECT_TRUE(list(r, 1).empty());
  EXPECT_EQ(list(r, 0).front(), 2u);
  for (PageId p : f.pages)
    for (PageId q : list(r, p)) EXPECT_NE(q, 1u);
  // A page that shares no term has no related pages, whatever its section.
  f.terms = {{0, 2}};
  r = compute_related(f.input());
  EXPECT_TRUE(list(r, 3).empty());
  EXPECT_EQ(list(r, 0), (std::vector<PageId>{2}));
}

TEST(Related, VeryCommonTermScansOnlyAWindowAroundThePage) {
  // Ten pages share one term, listed in reverse id order; every score ties, so the tie rank
  // (lower id first) orders them. With max_scan 4 each page sees the 4-page window around its
  // own position in the term's list.
  Fixture f;
  f.pages.resize(10);
  std::iota(f.pages.begin(), f.pages.end(), 0);
  f.section.assign(10, 1);
  f.tie_rank.assign(f.pages.begin(), f.pages.end());
  f.terms = {{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  RelatedOptions o;
  o.max_scan = 4;
  RelatedPages r = compute_related(f.input(), o);
  EXPECT_EQ(list(r, 9), (std::vector<PageId>{6, 7, 8}));  // first in the list: window 0..3
  EXPECT_EQ(list(r, 0), (std::vector<PageId>{1, 2, 3}));  // last: window 6..9
  EXPECT_EQ(list(r, 4), (std::vector<PageId>{3, 5, 6}));  // position 5: window 3..6
  // Without the cap the exact answer: the five lowest ids.
  o.max_scan = 10;
  r = compute_related(f.input(), o);
  EXPECT_EQ(list(r, 9), (std::vector<PageId>{0, 1, 2, 3, 4}));
  EXPECT_EQ(list(r, 0), (std::vector<PageId>{1, 2, 3, 4, 5}));
}

TEST(Related, RareTermsStayExactNextToACappedCommonTerm) {
  // Page 0 shares a rare term with page 9, which is far outside its window of the common term.
  Fixture f;
  f.pages.resize(10);
  std::iota(f.pages.begin(), f.pages.end(), 0);
  f.section.assign(10, 1);
  f.tie_rank.assign(f.pages.begin(), f.pages.end());
  f.terms = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {0, 9}};
  RelatedOptions o;
  o.max_scan = 4;
  o.count = 2;
  EXPECT_EQ(list(compute_related(f.input(), o), 0), (std::vector<PageId>{9, 1}));
}

// A memo in a map, counting what the graph asks of it.
class MapMemo : public RelatedMemo {
 public:
  std::optional<std::string> find(uint64_t inputs) override {
    ++finds;
    auto it = records.find(inputs);
    if (it == records.end()) return std::nullopt;
    return it->second;
  }
  void store(uint64_t inputs, std::string record) override {
    ++stores;
    records[inputs] = std::move(record);
  }
  std::map<uint64_t, std::string> records;
  int finds = 0, stores = 0;
};

TEST(Related, RecordsRoundTripAndForeignOrCorruptOnesAreRefused) {
  Fixture f = six_pages();
  RelatedPages r = compute_related(f.input());
  std::string record = r.encode();
  EXPECT_EQ(RelatedPages::decode(record, 6), r);
  EXPECT_EQ(RelatedPages::decode(record, 7), std::nullopt);  // another site's page count
  EXPECT_EQ(RelatedPages::decode(record.substr(0, record.size() - 1), 6), std::nullopt);
  EXPECT_EQ(RelatedPages::decode(record + "x", 6), std::nullopt);
  std::string wrong_id = record;
  wrong_id.back() = 6;  // the last related page of page 5, now past the last page
  EXPECT_EQ(RelatedPages::decode(wrong_id, 6), std::nullopt);
  EXPECT_EQ(RelatedPages::decode("", 6), std::nullopt);
}

// Lists' lengths that add up past 2^32 would wrap the offsets: a planted record whose lengths
// wrap to what its bytes hold must be refused, not give a list that reads past the lists.
TEST(Related, ARecordWhoseListLengthsWrapIsRefused) {
  constexpr size_t kPages = 200000;
  ByteWriter w;
  w.varint(kPages + 1);
  for (size_t i = 0; i < 65536; ++i) w.varint(65536);  // 2^32 in all: 0 once wrapped
  for (size_t i = 65536; i < kPages - 1; ++i) w.varint(0);
  w.varint(100);
  for (int i = 0; i < 100; ++i) w.varint(0);  // the 100 ids the wrapped offsets ask for
  EXPECT_EQ(RelatedPages::decode(w.take(), kPages), std::nullopt);
  // Nor may a length wrap the 64-bit sum: 1 + (2^64 - 1) is 0 (found by fuzz/kept_record).
  ByteWriter v;
  v.varint(3);
  v.varint(1);
  v.varint(UINT64_MAX);
  EXPECT_EQ(RelatedPages::decode(v.take(), 2), std::nullopt);
}

// The memo gives the computed lists back for the same inputs, and any change to them (a
// term's pages, a weight, a section, a tie rank, an option) computes them again.
TEST(Related, TheMemoServesTheSameInputsOnly) {
  Fixture f = six_pages();
  MapMemo memo;
  RelatedPages first = related_pages(f.input(), {}, &memo);
  EXPECT_EQ(first, compute_related(f.input()));
  EXPECT_EQ(memo.stores, 1);
  ASSERT_EQ(memo.records.size(), 1u);
  // Planted lists under the same digest are what a second build gets: it did not compute.
  Fixture other = six_pages();
  other.terms = {{0, 5}};
  RelatedPages planted = compute_related(other.input());
  ASSERT_NE(planted, first);
  memo.records.begin()->second = planted.encode();
  EXPECT_EQ(related_pages(f.input(), {}, &memo), planted);
  EXPECT_EQ(memo.stores, 2);  // stored again, for a build that empties its cache

  uint64_t digest = related_inputs_digest(f.input(), {});
  Fixture changed = six_pages();
  changed.terms[2] = {0, 2, 4};
  EXPECT_NE(related_inputs_digest(changed.input(), {}), digest);
  EXPECT_NE(related_inputs_digest(f.input({1, 1, 2}), {}), digest);
  changed = six_pages();
  changed.section[5] = 10;
  EXPECT_NE(related_inputs_digest(changed.input(), {}), digest);
  changed = six_pages();
  changed.tie_rank = {0, 1, 2, 3, 4, 5};
  EXPECT_NE(related_inputs_digest(changed.input(), {}), digest);
  RelatedOptions fewer;
  fewer.count = 2;
  EXPECT_NE(related_inputs_digest(f.input(), fewer), digest);
  EXPECT_EQ(related_pages(f.input(), fewer, &memo), compute_related(f.input(), fewer));

  // A corrupt record is computed again and replaced.
  memo.records[digest] = "garbage";
  EXPECT_EQ(related_pages(f.input(), {}, &memo), first);
  EXPECT_EQ(memo.records[digest], first.encode());
}

}  // namespace
}  // namespace bengal::graph
