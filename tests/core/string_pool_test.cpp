#include "bengal/core/string_pool.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

namespace bengal {
namespace {

TEST(StringPool, InternReturnsOneIdPerDistinctString) {
  StringPool pool;
  StrId a = pool.intern("tag");
  StrId b = pool.intern(std::string("t") + "ag");
  EXPECT_EQ(a, b);
  EXPECT_NE(pool.intern("other"), a);
  EXPECT_EQ(pool.get(a), "tag");
  EXPECT_EQ(pool.intern(""), kEmptyStr);
  EXPECT_EQ(pool.get(kEmptyStr), "");
}

TEST(StringPool, StoreDoesNotDeduplicate) {
  StringPool pool;
  StrId a = pool.store("summary");
  StrId b = pool.store("summary");
  EXPECT_NE(a, b);
  EXPECT_EQ(pool.get(b), "summary");
  EXPECT_EQ(pool.store(""), kEmptyStr);
}

TEST(StringPool, ViewsStayValidAcrossBlocksAndLargeStrings) {
  StringPool pool;
  std::string big(100000, 'x');
  StrId first = pool.intern("first");
  StrId large = pool.store(big);
  std::vector<StrId> ids;
  for (int i = 0; i < 20000; ++i) ids.push_back(pool.intern(fmt::format("s{}", i)));
  EXPECT_EQ(pool.get(first), "first");
  EXPECT_EQ(pool.get(large), big);
  EXPECT_EQ(pool.get(ids[12345]), "s12345");
  EXPECT_GT(pool.memory_bytes(), big.size());
}

TEST(StringPool, LengthsOfEveryPrefixSizeReadBack) {
  // Lengths from 127 up take more than one prefix byte.
  StringPool pool;
  std::vector<StrId> ids;
  for (size_t n : {1, 127, 128, 300, 16383, 16384, 20000})
    ids.push_back(pool.store(std::string(n, 'a')));
  size_t i = 0;
  for (size_t n : {1, 127, 128, 300, 16383, 16384, 20000}) EXPECT_EQ(pool.get(ids[i++]).size(), n);
}

TEST(StringPool, FindSeesOnlyInternedStrings) {
  StringPool pool;
  StrId a = pool.intern("docs/a/index.html");
  pool.store("stored only");
  EXPECT_EQ(pool.find("docs/a/index.html"), a);
  EXPECT_EQ(pool.find("stored only"), kNoStr);
  EXPECT_EQ(pool.find("docs/a"), kNoStr);
  EXPECT_EQ(pool.find(""), kEmptyStr);
  // Growing the table keeps every string findable.
  for (int i = 0; i < 5000; ++i) pool.intern(fmt::format("p{}", i));
  EXPECT_EQ(pool.find("docs/a/index.html"), a);
  EXPECT_EQ(pool.get(pool.find("p4321")), "p4321");
}

TEST(StringPool, ColdTextLeavesMemoryAndReadsBackAfterSealing) {
  auto folder = std::filesystem::temp_directory_path() / fmt::format("pool-{}", ::getpid());
  std::vector<std::string> texts;
  for (int i = 0; i < 3000; ++i)
    texts.push_back(fmt::format("summary {} {}", i, std::string(400, 'x')));
  StringPool in_memory;
  StringPool pool;
  pool.use_cold_file(folder);
  std::vector<StrId> ids;
  StrId hot = pool.intern("tag");
  for (const auto& t : texts) {
    in_memory.store(t);
    ids.push_back(pool.store_cold(t));
  }
  EXPECT_EQ(pool.store_cold(""), kEmptyStr);
  EXPECT_EQ(pool.get(ids[0]), "");  // not readable before sealing
  pool.seal_cold();
  // The scratch file is unlinked at once: the folder stays empty.
  EXPECT_TRUE(std::filesystem::is_empty(folder));
  for (size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(pool.get(ids[i]), texts[i]) << i;
  EXPECT_EQ(pool.get(hot), "tag");
  EXPECT_GT(pool.cold_bytes(), 3000u * 400);
  // The cold text is not in memory: the pool holds less than a tenth of the in-memory one.
  EXPECT_LT(pool.memory_bytes() * 10, in_memory.memory_bytes());
  pool.release_cold();
  EXPECT_EQ(pool.get(ids[2999]), texts[2999]);  // read back from the file
  // After sealing, cold text is stored in memory.
  StrId late = pool.store_cold("late");
  EXPECT_EQ(pool.get(late), "late");
  StringPool moved = std::move(pool);
  EXPECT_EQ(moved.get(ids[1]), texts[1]);
  std::filesystem::remove_all(folder);
}

TEST(StringPool, WithoutAColdFileColdTextStaysInMemory) {
  StringPool pool;
  StrId id = pool.store_cold("text");
  pool.seal_cold();
  EXPECT_EQ(pool.get(id), "text");
  EXPECT_EQ(pool.cold_bytes(), 0u);
}

}  // namespace
}  // namespace bengal
