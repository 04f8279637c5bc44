#include "bengal/core/string_pool.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "../support/cold_file.hpp"

namespace bengal {
namespace {

using test::cold_file_resident_kb;

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

// Room made at once, or tables grown as strings come: the same ids either way, before and
// after more strings than the room was made for.
TEST(StringPool, AReservedPoolGivesTheIdsOfOneGrownAsItGoes) {
  StringPool grown, reserved;
  reserved.reserve(100, 40);
  reserved.reserve(10, 4);  // smaller: changes nothing
  for (int i = 0; i < 300; ++i) {
    std::string s = fmt::format("s{}", i % 150);
    ASSERT_EQ(reserved.intern(s), grown.intern(s)) << s;
    ASSERT_EQ(reserved.store(s), grown.store(s)) << s;
  }
  for (int i = 0; i < 150; ++i) {
    std::string s = fmt::format("s{}", i);
    EXPECT_EQ(reserved.find(s), grown.find(s));
    EXPECT_EQ(reserved.get(reserved.find(s)), s);
  }
  EXPECT_EQ(reserved.find("s150"), kNoStr);
  EXPECT_EQ(reserved.size(), grown.size());
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

// A pool whose sealed cold file holds `texts`, none of it mapped, and the interned "tag".
struct ColdPool {
  ColdPool(std::string_view name, const std::vector<std::string>& texts)
      : folder(std::filesystem::temp_directory_path() / fmt::format("{}-{}", name, ::getpid())) {
    pool.use_cold_file(folder);
    hot = pool.intern("tag");
    for (const auto& t : texts) ids.push_back(pool.store_cold(t));
    pool.seal_cold();
    pool.release_cold();
  }
  ~ColdPool() { std::filesystem::remove_all(folder); }
  ColdPool(const ColdPool&) = delete;
  ColdPool& operator=(const ColdPool&) = delete;
  std::filesystem::path folder;
  StringPool pool;
  StrId hot = 0;
  std::vector<StrId> ids;
};

// copy() reads cold text from the file: the text of every length prefix size and on both sides
// of the first read's size, the last text of the file, and without a page of the mapping
// becoming resident (get() maps them).
TEST(StringPool, CopiesOfColdTextAreReadWithoutMappingTheFile) {
  std::vector<std::string> texts;
  for (size_t size : {1, 127, 128, 2040, 2045, 2046, 2047, 2048, 5000, 16383, 16384, 70000})
    texts.push_back(std::string(size, static_cast<char>('a' + texts.size())));
  for (int i = 0; i < 2000; ++i)
    texts.push_back(fmt::format("summary {} {}", i, std::string(300, 'y')));
  texts.push_back(std::string(3000, 'z'));  // the last one ends the file
  ColdPool cold("pool-copy", texts);
  const StringPool& pool = cold.pool;
  const std::vector<StrId>& ids = cold.ids;
  StrId hot = cold.hot;
  ASSERT_EQ(cold_file_resident_kb(), 0u);

  for (size_t i = 0; i < texts.size(); ++i) {
    ASSERT_TRUE(pool.is_cold(ids[i])) << i;
    ASSERT_EQ(pool.copy(ids[i]), texts[i]) << i;
  }
  EXPECT_EQ(cold_file_resident_kb(), 0u);
  EXPECT_FALSE(pool.is_cold(hot));
  EXPECT_EQ(pool.copy(hot), "tag");
  EXPECT_FALSE(pool.is_cold(kEmptyStr));
  EXPECT_EQ(pool.copy(kEmptyStr), "");

  for (StrId id : ids) (void)pool.get(id).front();
  EXPECT_GT(cold_file_resident_kb(), 0u);  // the mapped pages get() read
}

// Sealing finds each cold text's place by reading the file, not its mapping: no page of it is
// resident afterwards (it was all of the index's cold text at once, the peak of a big site's
// discovery), and every text reads back, its length prefix across a 64 KB read or not.
TEST(StringPool, SealingTheColdFileMapsNoneOfIt) {
  auto folder = std::filesystem::temp_directory_path() / fmt::format("pool-seal-{}", ::getpid());
  StringPool pool;
  pool.use_cold_file(folder);
  std::vector<std::string> texts;
  std::vector<StrId> ids;
  for (int i = 0; i < 3000; ++i) {
    // Sizes that put a prefix of 1, 2 or 3 bytes at every distance from a window's end.
    size_t size = i % 2 == 0 ? 20000 + static_cast<size_t>(i) : static_cast<size_t>(i % 300);
    texts.push_back(std::string(size, static_cast<char>('a' + i % 26)));
    ids.push_back(pool.store_cold(texts.back()));
  }
  pool.seal_cold();
  // Through the mapping, these 20 MB would now be resident in this process (smaps counts every
  // page a touch mapped in). Page faults were counted here once, but they also count the
  // reader's own buffers and, under ASan, its shadow memory: the mapping's Rss is the exact test.
  EXPECT_EQ(cold_file_resident_kb(), 0u);
  for (size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(pool.copy(ids[i]), texts[i]) << i;
  EXPECT_EQ(cold_file_resident_kb(), 0u);
  for (size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(pool.get(ids[i]), texts[i]) << i;
  std::filesystem::remove_all(folder);
}

// Read system calls the process made so far (/proc/self/io).
size_t read_calls() {
  std::ifstream io("/proc/self/io");
  for (std::string line; std::getline(io, line);)
    if (line.starts_with("syscr:")) return std::stoul(line.substr(6));
  return 0;
}

// A ColdReader returns every text whatever the order it is asked in (texts longer than its
// window, texts across the window's end, the file's last, hot and empty ids), maps nothing, and
// in the file's order reads the file in a few large reads, where copy() makes one a text.
TEST(StringPool, AColdReaderReadsTheFileInWindows) {
  std::vector<std::string> texts;
  for (int i = 0; i < 2000; ++i)
    texts.push_back(fmt::format("summary {} {}", i, std::string(300, 'y')));
  for (size_t size : {1, 127, 128, 65530, 65536, 70000, 140000})
    texts.push_back(std::string(size, static_cast<char>('a' + texts.size() % 26)));
  for (int i = 0; i < 50; ++i) texts.push_back(fmt::format("tail {}", i));
  ColdPool cold("pool-reader", texts);
  const StringPool& pool = cold.pool;
  const std::vector<StrId>& ids = cold.ids;

  ColdReader reader(pool);
  size_t before = read_calls();
  for (size_t i = 0; i < 2000; ++i) ASSERT_EQ(reader.get(ids[i]), texts[i]) << i;
  size_t windows = read_calls() - before;  // and the reads of /proc/self/io, one or two
  EXPECT_GE(windows, 2000u * 310 / 65536);
  EXPECT_LE(windows, 2000u * 320 / 65536 + 3);
  before = read_calls();
  for (size_t i = 0; i < 2000; ++i) ASSERT_EQ(pool.copy(ids[i]), texts[i]) << i;
  EXPECT_GE(read_calls() - before, 2000u);

  for (size_t i = 0; i < texts.size(); ++i) ASSERT_EQ(reader.get(ids[i]), texts[i]) << i;
  for (size_t i = texts.size(); i-- > 0;) ASSERT_EQ(reader.get(ids[i]), texts[i]) << i;
  EXPECT_EQ(reader.get(cold.hot), "tag");
  EXPECT_EQ(reader.get(kEmptyStr), "");
  EXPECT_EQ(cold_file_resident_kb(), 0u);
}

// A pass over 10,000 pages' cold text (10 MB) in the file's order holds a few MB of the mapped
// file at a time, and none once it ends; the same reads without it hold all of it.
TEST(StringPool, AColdPassGivesTheMappedPagesBackAsItGoes) {
  auto folder = std::filesystem::temp_directory_path() / fmt::format("pool-pass-{}", ::getpid());
  StringPool pool;
  pool.use_cold_file(folder);
  std::vector<StrId> ids;
  for (int i = 0; i < 10000; ++i) ids.push_back(pool.store_cold(fmt::format("{:>1000}", i)));
  pool.seal_cold();
  size_t most = 0;
  {
    ColdPass pass(pool);
    for (size_t i = 0; i < ids.size(); ++i) {
      ASSERT_EQ(pool.get(ids[i]).size(), 1000u);
      pass.next();
      if (i % 500 == 0) most = std::max(most, cold_file_resident_kb());
    }
  }
  EXPECT_GT(most, 0u);
  EXPECT_LT(most, 6u * 1024) << "KB resident during the pass";
  EXPECT_EQ(cold_file_resident_kb(), 0u);

  for (StrId id : ids) ASSERT_EQ(pool.get(id).size(), 1000u);
  EXPECT_GT(cold_file_resident_kb(), 9u * 1024);  // without it, the whole file
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
