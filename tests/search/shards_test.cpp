#include "bengal/search/shards.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>

#include "bengal/search/term_spill.hpp"

namespace bengal::search {
namespace {

std::vector<Posting> records(std::initializer_list<Posting> list) {
  return list;
}

TEST(Shards, GroupByTwoCharactersWithPageDeltas) {
  auto shards = build_shards(records({{"cat", 9, 3}, {"cab", 2, 1}, {"cat", 4, 30}, {"dog", 1, 2}}),
                             ShardOptions{});
  ASSERT_EQ(shards.size(), 2u);
  EXPECT_EQ(shards[0].prefix, "ca");
  EXPECT_EQ(shards[0].json, "{\"cab\":[2,1],\"cat\":[4,30,5,3]}\n");
  EXPECT_EQ(shards[1].prefix, "do");
  EXPECT_EQ(shards[1].json, "{\"dog\":[1,2]}\n");
}

TEST(Shards, PostingListsKeepTheHeaviestPages) {
  ShardOptions options;
  options.max_postings = 2;
  auto shards =
      build_shards(records({{"cat", 1, 5}, {"cat", 2, 9}, {"cat", 3, 5}, {"cat", 4, 1}}), options);
  ASSERT_EQ(shards.size(), 1u);
  // Page 2 (weight 9), then the tie at 5 goes to the lower page.
  EXPECT_EQ(shards[0].json, "{\"cat\":[1,5,1,9]}\n");
}

TEST(Shards, ABigShardSplitsByOneMoreCharacterKeepingShortTerms) {
  ShardOptions options;
  options.max_shard_bytes = 30;
  auto shards = build_shards(
      records({{"co", 1, 1}, {"coat", 1, 1}, {"code", 2, 1}, {"codex", 3, 1}, {"cozy", 4, 1}}),
      options);
  std::vector<std::string> prefixes;
  for (const auto& s : shards) prefixes.push_back(s.prefix);
  EXPECT_EQ(prefixes, (std::vector<std::string>{"co", "coa", "cod", "coz"}));
  EXPECT_EQ(shards[0].json, "{\"co\":[1,1]}\n");
  EXPECT_EQ(shards[2].json, "{\"code\":[2,1],\"codex\":[3,1]}\n");
}

TEST(Shards, SplittingStopsAtTheDeepestPrefix) {
  ShardOptions options;
  options.max_shard_bytes = 1;
  options.max_prefix_chars = 3;
  auto shards = build_shards(records({{"codex", 1, 1}, {"codes", 2, 1}}), options);
  ASSERT_EQ(shards.size(), 1u);
  EXPECT_EQ(shards[0].prefix, "cod");
}

TEST(Shards, HostileTermsAreEscaped) {
  auto shards = build_shards(records({{"a\"</script>", 0, 1}}), ShardOptions{});
  ASSERT_EQ(shards.size(), 1u);
  EXPECT_EQ(shards[0].json, "{\"a\\\"\\u003c/script\\u003e\":[0,1]}\n");
}

TEST(Shards, OutputDependsOnlyOnTheRecordsNotTheirOrder) {
  std::vector<Posting> all;
  std::mt19937 rng(7);
  const char* words[] = {"alpha", "alps", "beta", "bet", "better", "al"};
  for (uint32_t page = 0; page < 200; ++page)
    for (const char* w : words)
      if (rng() % 3 == 0) all.push_back({w, page, static_cast<uint16_t>(rng() % 5)});
  ShardOptions options;
  options.max_postings = 10;
  options.max_shard_bytes = 100;
  auto expected = build_shards(all, options);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(all.begin(), all.end(), rng);
    auto got = build_shards(all, options);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].prefix, expected[i].prefix);
      EXPECT_EQ(got[i].json, expected[i].json);
    }
  }
}

TEST(TermSpill, ReadsBackEveryRecordOfABucketInOrder) {
  auto dir = std::filesystem::temp_directory_path() / "bengal-term-spill-test";
  TermSpill spill(dir, 2);
  std::vector<Posting> expected;
  // Enough records to flush buffers to disk several times.
  for (uint32_t page = 0; page < 30000; ++page) {
    spill.add("cat", page, static_cast<uint16_t>(page % 7));
    spill.add("dog", page, 1);
    expected.push_back({"cat", page, static_cast<uint16_t>(page % 7)});
  }
  EXPECT_GT(spill.bytes(), 0u);
  auto got = spill.read_bucket(spill.bucket_of("cat"));
  if (spill.bucket_of("cat") == spill.bucket_of("dog")) {
    std::erase_if(got, [](const Posting& p) { return p.term == "dog"; });
  }
  EXPECT_EQ(got, expected);
  EXPECT_EQ(spill.bucket_of("cat"), spill.bucket_of("catalog"));  // same prefix, same bucket
  // The file is unlinked at once: nothing is left in the folder.
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

// An incremental build patches a bucket's digest: it takes out a page's old records and adds
// its new ones, so the digest must not depend on the order records came in.
TEST(TermSpill, ABucketsDigestIsTheSumOfItsRecordsInAnyOrder) {
  auto dir = std::filesystem::temp_directory_path() / "bengal-term-spill-digest-test";
  TermSpill forward(dir, 2), backward(dir, 2), other(dir, 2);
  for (uint32_t page = 0; page < 3000; ++page) forward.add("cat", page, 2);
  for (uint32_t page = 3000; page-- > 0;) backward.add("cat", page, 2);
  for (uint32_t page = 0; page < 3000; ++page) other.add("cat", page, page == 7 ? 3 : 2);
  size_t b = forward.bucket_of("cat");
  EXPECT_EQ(forward.bucket_digest(b), backward.bucket_digest(b));
  EXPECT_NE(forward.bucket_digest(b), other.bucket_digest(b));  // one weight differs
  uint64_t sum = 0;
  for (uint32_t page = 0; page < 3000; ++page) sum += record_digest("cat", page, 2);
  EXPECT_EQ(forward.bucket_digest(b), sum);
  EXPECT_EQ(forward.bucket_records(b).size(), 3000u * (7 + 3));
  std::filesystem::remove_all(dir);
}

TEST(TermSpill, RecordsAreReadFromTheirBytesUpToADamagedOne) {
  std::string bytes;
  append_record(bytes, "cat", 7, 3);
  append_record(bytes, std::string(300, 'x'), 8, 1);  // cut to 255 bytes
  std::vector<Posting> got;
  auto collect = [&](std::string_view term, uint32_t page, uint16_t weight) {
    got.push_back({std::string(term), page, weight});
  };
  EXPECT_TRUE(for_each_record(bytes, collect));
  EXPECT_EQ(got, (std::vector<Posting>{{"cat", 7, 3}, {std::string(255, 'x'), 8, 1}}));
  got.clear();
  EXPECT_FALSE(for_each_record(std::string_view(bytes).substr(0, bytes.size() - 1), collect));
  EXPECT_EQ(got, (std::vector<Posting>{{"cat", 7, 3}}));
  got.clear();
  EXPECT_FALSE(for_each_record(std::string_view(bytes).substr(0, 12), collect));
  EXPECT_EQ(got, (std::vector<Posting>{{"cat", 7, 3}}));
}

TEST(TermSpill, BestPostingsKeepEachTermsBestAndMakeTheSameShards) {
  auto dir = std::filesystem::temp_directory_path() / "bengal-term-spill-best-test";
  TermSpill spill(dir, 2);
  std::mt19937 rng(7);
  // 5,000 pages with "cat" and "catalog", weights in 1..40 (many ties, broken by the page);
  // enough records to flush the bucket to disk several times.
  for (uint32_t page = 0; page < 5000; ++page) {
    spill.add("cat", page, static_cast<uint16_t>(1 + rng() % 40));
    if (page % 3 == 0) spill.add("catalog", page, static_cast<uint16_t>(1 + rng() % 40));
  }
  spill.add("caterpillar", 42, 3);  // fewer records than the bound: all kept
  size_t b = spill.bucket_of("cat");
  std::vector<Posting> best = spill.best_postings(b, 10);
  std::map<std::string, size_t> per_term;
  for (const auto& p : best) ++per_term[p.term];
  EXPECT_EQ(per_term,
            (std::map<std::string, size_t>{{"cat", 10}, {"catalog", 10}, {"caterpillar", 1}}));
  // The kept ones are each term's best by weight then page: the same shards as every record.
  ShardOptions options{.max_postings = 10};
  std::vector<Shard> from_all = build_shards(spill.read_bucket(b), options);
  std::vector<Shard> from_best = build_shards(best, options);
  ASSERT_EQ(from_all.size(), from_best.size());
  for (size_t i = 0; i < from_all.size(); ++i) {
    EXPECT_EQ(from_all[i].prefix, from_best[i].prefix);
    EXPECT_EQ(from_all[i].json, from_best[i].json);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace bengal::search
