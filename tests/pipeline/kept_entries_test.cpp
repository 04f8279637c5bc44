// index.json entries kept from the last build (KeptEntries): a file opened only when it is the
// one the cache's spans describe, its runs of entries copied whole.
#include <gtest/gtest.h>

#include <filesystem>

#include "bengal/pipeline/search_index.hpp"

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

using test::fresh_temp_dir;
using test::read_file;
using test::write_file;

// An index.json of three pages, the second without an entry, and its spans.
constexpr std::string_view kIndex = "[\n{\"url\":\"/a/\"},\n{\"url\":\"/c/\",\"text\":\"x\"}\n]\n";
const std::vector<EntrySpan> kSpans = {{2, 13}, {0, 0}, {17, 24}};

// kIndex as the index.json of a fresh output folder.
class KeptIndex : public testing::Test {
 protected:
  KeptIndex() : dir_(written()), writer_(dir_) {}
  output::FileStamp stamp() const {
    std::optional<output::FileStamp> stamp = writer_.stamp("index.json");
    EXPECT_TRUE(stamp.has_value());
    return stamp.value_or(output::FileStamp{});
  }
  std::unique_ptr<KeptEntries> open(const std::vector<EntrySpan>& spans = kSpans) const {
    return KeptEntries::open(writer_, "index.json", stamp(), spans);
  }
  static fs::path written() {
    fs::path dir = fresh_temp_dir();
    write_file(dir / "index.json", std::string(kIndex));
    return dir;
  }
  fs::path dir_;
  output::OutputWriter writer_;
};

TEST_F(KeptIndex, RunsOfEntriesAreCopiedWhole) {
  auto kept = open();
  ASSERT_NE(kept, nullptr);
  EXPECT_TRUE(kept->has(0));
  EXPECT_FALSE(kept->has(1));
  EXPECT_FALSE(kept->has(3));
  EXPECT_EQ(kept->span(2), (EntrySpan{17, 24}));
  {
    output::StreamingFile file(writer_, "copy.json");
    file.append("<");
    kept->copy(17, 41, file);
    kept->copy(2, 41, file);
    file.commit();
  }
  EXPECT_EQ(
      read_file(dir_ / "copy.json"),
      "<{\"url\":\"/c/\",\"text\":\"x\"}{\"url\":\"/a/\"},\n{\"url\":\"/c/\",\"text\":\"x\"}");
}

TEST_F(KeptIndex, OnlyTheFileTheSpansDescribeIsOpened) {
  output::FileStamp other = stamp();
  other.mtime_ns += 1;
  EXPECT_EQ(KeptEntries::open(writer_, "index.json", other, kSpans), nullptr);
  EXPECT_EQ(KeptEntries::open(writer_, "missing.json", stamp(), kSpans), nullptr);
  // Spans past the end of the file, or out of order.
  EXPECT_EQ(open({{40, 13}}), nullptr);
  EXPECT_EQ(open({{UINT64_MAX - 2, 13}}), nullptr);
  EXPECT_EQ(open({{17, 24}, {2, 13}}), nullptr);
  // Never through a symlink in the file's place.
  output::FileStamp real = stamp();
  fs::rename(dir_ / "index.json", dir_ / "real.json");
  fs::create_symlink("real.json", dir_ / "index.json");
  EXPECT_EQ(KeptEntries::open(writer_, "index.json", real, kSpans), nullptr);
}

TEST_F(KeptIndex, AFileChangedDuringTheBuildIsAnErrorNotAWrongEntry) {
  auto kept = open();
  ASSERT_NE(kept, nullptr);
  // Rewritten in place (the same inode) after it was opened.
  std::string changed(kIndex);
  changed[2] = 'X';
  write_file(dir_ / "index.json", changed);
  output::StreamingFile file(writer_, "copy.json");
  try {
    kept->copy(2, 15, file);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "the last build's index.json changed during the build; build again");
  }
}

}  // namespace
}  // namespace bengal::pipeline
