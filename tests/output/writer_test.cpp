#include "bengal/output/writer.hpp"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "bengal/output/static_files.hpp"

namespace fs = std::filesystem;

namespace bengal::output {
namespace {

class WriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("bengal-writer-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  fs::path root_;
};

TEST_F(WriterTest, WritesCreatesFoldersAndLeavesUnchangedFilesAlone) {
  OutputWriter w(root_ / "out");
  EXPECT_EQ(w.write("a/b/index.html", "hello"), WriteResult::kWritten);
  EXPECT_EQ(read(root_ / "out/a/b/index.html"), "hello");
  struct stat before {};
  ASSERT_EQ(::stat((root_ / "out/a/b/index.html").c_str(), &before), 0);
  EXPECT_EQ(w.write("a/b/index.html", "hello"), WriteResult::kUnchanged);
  struct stat after {};
  ASSERT_EQ(::stat((root_ / "out/a/b/index.html").c_str(), &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino);  // not replaced
  EXPECT_EQ(w.write("a/b/index.html", "hellO"), WriteResult::kWritten);
  EXPECT_EQ(read(root_ / "out/a/b/index.html"), "hellO");
  EXPECT_EQ(w.written(), 2u);
  EXPECT_EQ(w.unchanged(), 1u);
  // No temporary files are left behind.
  size_t files = 0;
  for (auto& e : fs::recursive_directory_iterator(root_ / "out")) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST_F(WriterTest, RefusesPathsOutsideTheOutputDir) {
  OutputWriter w(root_ / "out");
  for (const char* bad : {"../x.html", "/etc/x", "a/../../x", "a//b", "./a", "a\\b", ""}) {
    EXPECT_THROW(w.write(bad, "x"), std::runtime_error) << bad;
  }
  EXPECT_FALSE(fs::exists(root_ / "x.html"));
}

TEST_F(WriterTest, CopyTreeCopiesFilesAndSkipsHiddenOnes) {
  fs::create_directories(root_ / "static/css");
  fs::create_directories(root_ / "static/.git");
  std::ofstream(root_ / "static/css/site.css") << "body{}";
  std::ofstream(root_ / "static/.hidden") << "x";
  std::ofstream(root_ / "static/.git/config") << "x";
  std::ofstream(root_ / "static/robots.txt") << "User-agent: *\n";
  OutputWriter w(root_ / "out");
  Diagnostics d;
  EXPECT_EQ(copy_tree(root_ / "static", "static", w, d), 2u);
  EXPECT_EQ(read(root_ / "out/css/site.css"), "body{}");
  EXPECT_EQ(read(root_ / "out/robots.txt"), "User-agent: *\n");
  EXPECT_FALSE(fs::exists(root_ / "out/.hidden"));
  EXPECT_FALSE(fs::exists(root_ / "out/.git"));
  EXPECT_EQ(copy_tree(root_ / "static", "static", w, d), 2u);
  EXPECT_EQ(w.unchanged(), 2u);
  EXPECT_EQ(d.error_count(), 0u);
}

TEST(SafePath, AcceptsOnlyPlainRelativePaths) {
  EXPECT_TRUE(is_safe_relative_path("a/b/index.html"));
  EXPECT_TRUE(is_safe_relative_path("file..name.txt"));
  EXPECT_FALSE(is_safe_relative_path(".."));
  EXPECT_FALSE(is_safe_relative_path("a/./b"));
  EXPECT_FALSE(is_safe_relative_path(std::string_view("a\0b", 3)));
}

}  // namespace
}  // namespace bengal::output
