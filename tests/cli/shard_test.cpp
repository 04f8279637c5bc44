// Sharded builds (`bengal build --shard K/N`, `bengal merge`): N jobs, as a CI matrix runs
// them, each write a disjoint part of the site, and their merge is the site one
// build writes, byte for byte.
#include <stdlib.h>

#include <map>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/edited_site.hpp"
#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

constexpr uint64_t kSeed = 20261201;
constexpr std::string_view kShardFolder = ".bengal-shard/";

class ShardedBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    // One "now" for every job: the publishing window and now() agree across them.
    setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
    root_ = fresh_temp_dir();
    // In one language: --shard refuses a site in several.
    site_ = std::make_unique<EditedSite>(root_ / "site", kSeed, false);
    for (int i = 0; i < 12; ++i) site_->edit();
    site_->write();
    // A page with math: the merge adds the math renderer when a shard rendered one.
    write_file(root_ / "site/content/formula.md",
               "---\ntitle: Formula\ntags: [math]\n---\nEnergy:\n\n$$\nE = mc^2\n$$\n");
  }
  void TearDown() override { unsetenv("SOURCE_DATE_EPOCH"); }

  fs::path build(const std::string& name, std::vector<std::string> flags = {}) {
    fs::path out = root_ / name;
    std::vector<std::string> args{
        "build", (root_ / "site").string(), "-o", out.string(), "--no-cache", "-q"};
    args.insert(args.end(), flags.begin(), flags.end());
    RunResult r = run_bengal(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return out;
  }

  // The N shard jobs, as a CI matrix runs them (one after another here); their folders.
  std::vector<fs::path> build_shards(size_t n, const std::string& prefix) {
    std::vector<fs::path> dirs;
    for (size_t k = 1; k <= n; ++k) {
      dirs.push_back(
          build(fmt::format("{}-{}-of-{}", prefix, k, n), {"--shard", fmt::format("{}/{}", k, n)}));
    }
    return dirs;
  }

  RunResult merge(const fs::path& out, const std::vector<fs::path>& shards) {
    std::vector<std::string> args{"merge", out.string()};
    for (const fs::path& s : shards) args.push_back(s.string());
    args.push_back("--site");
    args.push_back((root_ / "site").string());
    return run_bengal(args);
  }

  // Which shard wrote each file (its index in `shards`); a file two shards wrote fails.
  static std::map<std::string, size_t> owners(const std::vector<fs::path>& shards) {
    std::map<std::string, size_t> owner;
    for (size_t k = 0; k < shards.size(); ++k) {
      for (const std::string& rel : list_tree(shards[k])) {
        if (rel.starts_with(kShardFolder)) continue;
        auto [it, fresh] = owner.emplace(rel, k);
        EXPECT_TRUE(fresh) << rel << " written by shards " << it->second + 1 << " and " << k + 1;
      }
    }
    return owner;
  }

  fs::path root_;
  std::unique_ptr<EditedSite> site_;
};

TEST_F(ShardedBuild, MergedShardsEqualOneBuildForOneTwoThreeAndSevenJobs) {
  fs::path single = build("single");
  size_t files = list_tree(single).size();
  ASSERT_GT(files, 100u);
  for (size_t n : {1, 2, 3, 7}) {
    SCOPED_TRACE(fmt::format("{} shards", n));
    std::vector<fs::path> shards = build_shards(n, "shard");
    std::map<std::string, size_t> owner = owners(shards);
    // Every shard renders pages: the cuts balance the work.
    std::vector<size_t> pages(n, 0);
    for (const auto& [rel, k] : owner)
      if (rel.ends_with("index.html")) ++pages[k];
    for (size_t k = 0; k < n; ++k) EXPECT_GT(pages[k], 0u) << "shard " << k + 1;

    fs::path merged = root_ / fmt::format("merged-{}", n);
    RunResult r = merge(merged, shards);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The shards hold every file but index.json, search/ and the math renderer.
    size_t search = 0;
    for (const std::string& rel : list_tree(single))
      if (rel == "index.json" || rel.starts_with("search/") || rel.starts_with("assets/katex/") ||
          rel == "assets/math.js")
        ++search;
    EXPECT_EQ(owner.size(), files - search);
    EXPECT_EQ(r.out, fmt::format("Merged {} into {} ({} files copied, search index of 46 pages, "
                                 "math renderer added)\n",
                                 n == 1 ? "1 shard" : fmt::format("{} shards", n), merged.string(),
                                 owner.size()));
    EXPECT_EQ(diff_trees(single, merged), std::vector<std::string>{});
  }
}

// Balanced by cost and stable: one more page moves few pages to another shard (a page's
// shard by its hash modulo N would keep it too, but not balance; by its rank in the list,
// every page after it would move).
TEST_F(ShardedBuild, OneMorePageMovesFewPagesToAnotherShard) {
  auto pages_of = [](const std::vector<fs::path>& shards) {
    std::map<std::string, size_t> pages;
    for (const auto& [rel, k] : owners(shards))
      if (rel.ends_with("index.html") && !rel.starts_with("tags/") &&
          !rel.starts_with("categories/"))
        pages[rel] = k;
    return pages;
  };
  std::map<std::string, size_t> before = pages_of(build_shards(3, "before"));
  write_file(root_ / "site/content/docs/added.md", "---\ntitle: Added\n---\nOne more page.\n");
  std::map<std::string, size_t> after = pages_of(build_shards(3, "after"));
  size_t moved = 0;
  for (const auto& [rel, k] : before) {
    auto it = after.find(rel);
    if (it != after.end() && it->second != k) ++moved;
  }
  EXPECT_LE(moved, 4u) << "of " << before.size() << " pages";
}

TEST_F(ShardedBuild, MergeRefusesShardsThatDoNotMakeOneSite) {
  std::vector<fs::path> three = build_shards(3, "three");
  std::vector<fs::path> two = build_shards(2, "two");
  fs::path out = root_ / "out";
  auto error = [&](const std::vector<fs::path>& shards) {
    RunResult r = merge(out, shards);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_FALSE(fs::exists(out));
    return r.err;
  };
  EXPECT_EQ(error({three[0], three[2]}),
            "error: shard 2/3 is missing: give the output folders of all 3 shard jobs\n");
  EXPECT_EQ(error({three[0], three[1], three[1], three[2]}),
            fmt::format("error: {} and {} are both shard 2/3: give each shard once\n",
                        three[1].string(), three[1].string()));
  EXPECT_EQ(error({three[0], two[1]}),
            fmt::format("error: {} and {} are shards of different builds (other sources, "
                        "options or shard count); build every shard from the same commit with "
                        "the same options\n",
                        three[0].string(), two[1].string()));
  setenv("SOURCE_DATE_EPOCH", "1767225601", 1);
  fs::path later = build("later", {"--shard", "2/3"});
  setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
  EXPECT_EQ(error({three[0], later, three[2]}),
            fmt::format("error: {} and {} were built at different times (1767225600 and "
                        "1767225601 seconds since 1970): set SOURCE_DATE_EPOCH to one value in "
                        "every shard job, such as the commit's time (git log -1 --format=%ct)\n",
                        three[0].string(), later.string()));
  fs::path plain = build("plain");
  EXPECT_EQ(error({plain}),
            fmt::format("error: {}: not the output folder of a `bengal build --shard K/N` ({}: "
                        "No such file or directory); give the folders the N shard jobs wrote\n",
                        plain.string(), (plain / ".bengal-shard/shard.bin").string()));

  // Sources that changed since the shards were built.
  write_file(root_ / "site/content/late.md", "---\ntitle: Late\n---\nx\n");
  EXPECT_EQ(error(three),
            fmt::format("error: the shards were built from other sources than {}: merge in a "
                        "checkout of the commit the shards built\n",
                        (root_ / "site").string()));
  fs::remove(root_ / "site/content/late.md");

  // A file in two shards.
  write_file(three[1] / "docs/index.html", "planted");
  EXPECT_EQ(error(three), fmt::format("error: docs/index.html is in both {} and {}: shards never "
                                      "write one file twice; build both shards again with this "
                                      "bengal\n",
                                      fs::exists(three[0] / "docs/index.html") ? three[0].string()
                                                                               : three[2].string(),
                                      three[1].string()));
  fs::remove(three[1] / "docs/index.html");

  // An output folder with files.
  write_file(out / "old.html", "old");
  RunResult r = merge(out, three);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, fmt::format("error: {}: the merge's output folder must be new or empty; "
                               "remove it or name another\n",
                               out.string()));
}

TEST(ShardOption, KOfNIsChecked) {
  for (const char* bad : {"0/3", "4/3", "1/0", "3", "a/b", "1/3x", "1/10001"}) {
    RunResult r = run_bengal({"build", ".", "--shard", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(r.err, fmt::format("error: --shard takes K/N, this job's number K of N jobs, with 1 "
                                 "<= K <= N <= 10000: --shard 1/4 ... --shard 4/4 (not \"{}\")\n",
                                 bad));
  }
}

}  // namespace
}  // namespace bengal::test
