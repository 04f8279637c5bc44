#include "bengal/output/writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/run.hpp"
#include "bengal/output/static_files.hpp"

namespace fs = std::filesystem;

namespace bengal::output {
namespace {

class WriterTest : public ::testing::Test {
 protected:
  void SetUp() override { root_ = test::fresh_temp_dir(); }
  void files(const test::Files& files) { test::write_files(root_, files); }
  static std::string read(const fs::path& p) { return test::read_file(p); }
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

// Into an empty output folder, the first file of a folder the writer makes is written where it
// goes; every other write compares and renames as always.
TEST_F(WriterTest, AFolderMadeJustNowIsWrittenInPlaceWhenTheOutputWasEmpty) {
  {
    OutputWriter w(root_ / "out");
    w.set_in_place_in_new_folders(true);
    EXPECT_EQ(w.write("a/index.html", "a"), WriteResult::kWritten);
    EXPECT_EQ(w.write("a/rss.xml", "feed"), WriteResult::kWritten);  // a folder made before
    EXPECT_EQ(w.write("b/c/index.html", "c"), WriteResult::kWritten);
    EXPECT_EQ(w.write("top.html", "top"), WriteResult::kWritten);  // the output folder's own
    EXPECT_EQ(w.write("a/index.html", "a"), WriteResult::kUnchanged);
    EXPECT_EQ(w.written(), 4u);
    EXPECT_EQ(w.written_in_place(), 2u);
  }
  EXPECT_EQ(read(root_ / "out/a/index.html"), "a");
  EXPECT_EQ(read(root_ / "out/a/rss.xml"), "feed");
  EXPECT_EQ(read(root_ / "out/b/c/index.html"), "c");
  {
    // A folder that holds files already: renamed into place, like a build into it.
    OutputWriter w(root_ / "out");
    w.set_in_place_in_new_folders(true);
    EXPECT_EQ(w.write("d/index.html", "d"), WriteResult::kWritten);
    EXPECT_EQ(w.written_in_place(), 0u);
  }
  {
    OutputWriter w(root_ / "serve");
    w.set_in_place_in_new_folders(false);
    EXPECT_EQ(w.write("d/index.html", "d"), WriteResult::kWritten);
    EXPECT_EQ(w.written_in_place(), 0u);
  }
  EXPECT_EQ(read(root_ / "out/d/index.html"), "d");
  EXPECT_EQ(read(root_ / "serve/d/index.html"), "d");
}

// bengal merge links the shards' files: one inode, no bytes copied; a symlink is never
// linked as such, its target's bytes are copied.
TEST_F(WriterTest, LinkFileHardLinksARegularFileAndCopiesThroughASymlink) {
  files({{"shard/a/index.html", "page"}, {"secret.txt", "target"}});
  fs::create_symlink(root_ / "secret.txt", root_ / "shard/link.txt");
  OutputWriter w(root_ / "out");
  EXPECT_EQ(w.link_file(root_ / "shard/a/index.html", "a/index.html"), WriteResult::kWritten);
  EXPECT_EQ(w.link_file(root_ / "shard/link.txt", "link.txt"), WriteResult::kWritten);
  struct stat linked {
  }, source{}, copied{};
  ASSERT_EQ(::stat((root_ / "out/a/index.html").c_str(), &linked), 0);
  ASSERT_EQ(::stat((root_ / "shard/a/index.html").c_str(), &source), 0);
  EXPECT_EQ(linked.st_ino, source.st_ino);
  EXPECT_EQ(linked.st_nlink, 2u);
  ASSERT_EQ(::lstat((root_ / "out/link.txt").c_str(), &copied), 0);
  EXPECT_TRUE(S_ISREG(copied.st_mode));
  EXPECT_EQ(copied.st_nlink, 1u);
  EXPECT_EQ(read(root_ / "out/link.txt"), "target");
  EXPECT_EQ(w.manifest(), (std::vector<std::string_view>{"a/index.html", "link.txt"}));
}

// The manifest's digest is the same for the same files in any order, and only for them.
TEST_F(WriterTest, TheManifestDigestIsTheSameOnlyForTheSameFiles) {
  auto digest = [&](std::vector<std::string> rels, uint64_t seed) {
    OutputWriter w(root_ / "out");
    for (const auto& rel : rels) w.keep(rel);
    return w.manifest_digest(seed);
  };
  std::string ab = digest({"a/index.html", "b/index.html"}, 7);
  EXPECT_EQ(digest({"b/index.html", "a/index.html"}, 7), ab);
  EXPECT_EQ(ab.substr(0, 2), "2-");
  EXPECT_EQ(ab.size(), 2u + 32u);
  EXPECT_NE(digest({"a/index.html", "c/index.html"}, 7), ab);
  EXPECT_NE(digest({"a/index.html"}, 7), ab);
  EXPECT_NE(digest({"a/index.html", "b/index.html", "b/index.html"}, 7), ab);
  EXPECT_NE(digest({"a/index.html", "b/index.html"}, 8), ab);
  EXPECT_EQ(digest({}, 7), "0-" + std::string(32, '0'));
}

TEST_F(WriterTest, RefusesPathsOutsideTheOutputDir) {
  OutputWriter w(root_ / "out");
  for (const char* bad : {"../x.html", "/etc/x", "a/../../x", "a//b", "./a", "a\\b", ""}) {
    EXPECT_THROW(w.write(bad, "x"), std::runtime_error) << bad;
  }
  EXPECT_FALSE(fs::exists(root_ / "x.html"));
}

TEST_F(WriterTest, CopyTreeCopiesFilesAndSkipsHiddenOnes) {
  files({{"static/css/site.css", "body{}"},
         {"static/.hidden", "x"},
         {"static/.git/config", "x"},
         {"static/robots.txt", "User-agent: *\n"}});
  OutputWriter w(root_ / "out");
  Diagnostics d;
  EXPECT_EQ(copy_tree(root_ / "static", "static", {}, w, d), 2u);
  EXPECT_EQ(read(root_ / "out/css/site.css"), "body{}");
  EXPECT_EQ(read(root_ / "out/robots.txt"), "User-agent: *\n");
  EXPECT_FALSE(fs::exists(root_ / "out/.hidden"));
  EXPECT_FALSE(fs::exists(root_ / "out/.git"));
  EXPECT_EQ(copy_tree(root_ / "static", "static", {}, w, d), 2u);
  EXPECT_EQ(w.unchanged(), 2u);
  EXPECT_EQ(d.error_count(), 0u);
}

// Files under `dir`, hidden ones included, relative and sorted.
std::vector<std::string> all_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (auto& e : fs::recursive_directory_iterator(dir))
    out.push_back(e.path().lexically_relative(dir).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST_F(WriterTest, TemporaryFilesLiveInOneFolderThatTheEndOfTheBuildRemoves) {
  {
    OutputWriter w(root_ / "out");
    w.write("a/index.html", "a");
    StreamingFile f(w, "index.json");
    f.append("[");
    EXPECT_EQ(all_files(root_ / "out"),
              (std::vector<std::string>{".bengal-tmp", ".bengal-tmp/1", "a", "a/index.html"}));
    f.commit();
  }
  EXPECT_EQ(all_files(root_ / "out"),
            (std::vector<std::string>{"a", "a/index.html", "index.json"}));
}

TEST_F(WriterTest, AStreamingFileCopiesARangeOfAnotherFile) {
  files({{"from.txt", "0123456789"}});
  int from = ::open((root_ / "from.txt").c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(from, 0);
  {
    OutputWriter w(root_ / "out");
    StreamingFile f(w, "copy.txt");
    f.append("<");
    f.append_from(from, 2, 5);
    f.append(">");
    f.commit();
    StreamingFile past(w, "past.txt");
    try {
      past.append_from(from, 8, 5);
      ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "the file to copy from ended early");
    }
  }
  ::close(from);
  EXPECT_EQ(read(root_ / "out/copy.txt"), "<23456>");
  EXPECT_FALSE(fs::exists(root_ / "out/past.txt"));
}

// index.json, llms.txt and the sitemap are streamed: the build's counts of files written and
// left as they were include them.
TEST_F(WriterTest, AStreamedFileCountsAsWrittenOrUnchanged) {
  OutputWriter w(root_ / "out");
  for (const char* bytes : {"[1]", "[1]", "[2]"}) {
    StreamingFile f(w, "index.json");
    f.append(bytes);
    f.commit();
  }
  EXPECT_EQ(w.written(), 2u);
  EXPECT_EQ(w.unchanged(), 1u);
  EXPECT_EQ(read(root_ / "out/index.json"), "[2]");
}

TEST_F(WriterTest, ALeftoverTemporaryFolderOfAKilledBuildIsRemoved) {
  files({{"out/.bengal-tmp/17", "half a page"}, {"out/.bengal-tmp/sub/3", "x"}});
  {
    OutputWriter w(root_ / "out");
    EXPECT_TRUE(fs::is_empty(root_ / "out/.bengal-tmp"));
  }
  EXPECT_TRUE(fs::is_empty(root_ / "out"));
}

TEST_F(WriterTest, AFileNameOf240BytesIsWritten) {
  std::string name(236, 'n');
  name += ".txt";
  OutputWriter w(root_ / "out");
  EXPECT_EQ(w.write(name, "long"), WriteResult::kWritten);
  EXPECT_EQ(read(root_ / "out" / name), "long");
}

TEST_F(WriterTest, AFolderInTheWayIsAWriteErrorNamingTheFile) {
  fs::create_directories(root_ / "out/a/index.html/x");
  OutputWriter w(root_ / "out");
  try {
    w.write("a/index.html", "page");
    FAIL() << "no error";
  } catch (const OutputStopped&) {
    FAIL() << "stopped";
  } catch (const WriteError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + (root_ / "out/a/index.html").string() +
                  ": Is a directory; a folder is in the way; remove it and build again");
  }
  EXPECT_EQ(w.failed(), 1u);
  EXPECT_TRUE(fs::is_empty(root_ / "out/.bengal-tmp"));  // the failed rename left no temp
  w.write("b/index.html", "next");                       // one failure does not stop others
  EXPECT_EQ(read(root_ / "out/b/index.html"), "next");
}

TEST_F(WriterTest, AFileInTheWayOfAFolderIsAWriteError) {
  files({{"out/a", "x"}});
  OutputWriter w(root_ / "out");
  try {
    w.write("a/index.html", "page");
    FAIL() << "no error";
  } catch (const WriteError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + (root_ / "out/a/index.html").string() +
                  ": Not a directory; a file is in the way of a folder; remove it and build "
                  "again");
  }
  EXPECT_EQ(w.failed(), 1u);
}

TEST_F(WriterTest, NothingIsWrittenThroughASymlinkInTheOutputFolder) {
  fs::create_directories(root_ / "elsewhere");
  fs::create_directories(root_ / "out");
  fs::create_directory_symlink(root_ / "elsewhere", root_ / "out/docs");
  OutputWriter w(root_ / "out");
  try {
    w.write("docs/authorized_keys", "ssh-rsa AAAA");
    FAIL() << "no error";
  } catch (const WriteError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + (root_ / "out/docs/authorized_keys").string() + ": " +
                  (root_ / "out/docs").string() +
                  " is a symlink; bengal does not write through symlinks in the output folder: "
                  "remove it");
  }
  EXPECT_TRUE(fs::is_empty(root_ / "elsewhere"));
  // A symlink as the file itself is replaced, not written through.
  files({{"elsewhere/target", "keep"}});
  fs::create_symlink(root_ / "elsewhere/target", root_ / "out/page.html");
  w.write("page.html", "new");
  EXPECT_FALSE(fs::is_symlink(root_ / "out/page.html"));
  EXPECT_EQ(read(root_ / "elsewhere/target"), "keep");
}

// The writer remembers the folders it checked, but not all of a million: after 4,096 more it
// checks again, so a folder swapped for a symlink since is still refused.
TEST_F(WriterTest, FoldersAreCheckedAgainOnceTheWriterHasForgottenThem) {
  fs::create_directories(root_ / "elsewhere");
  OutputWriter w(root_ / "out");
  w.write("docs/a.html", "a");
  fs::remove_all(root_ / "out/docs");
  fs::create_directory_symlink(root_ / "elsewhere", root_ / "out/docs");
  for (int i = 0; i < 4096; ++i) w.write(fmt::format("f{}/index.html", i), "x");
  EXPECT_THROW(w.write("docs/b.html", "b"), WriteError);
  EXPECT_TRUE(fs::is_empty(root_ / "elsewhere"));
  // The manifest holds every file of the build once, sorted (the refused one too: it is this
  // build's, so --clean leaves whatever is there).
  std::vector<std::string_view> manifest = w.manifest();
  ASSERT_EQ(manifest.size(), 4098u);
  EXPECT_EQ(manifest[0], "docs/a.html");
  EXPECT_EQ(manifest[1], "docs/b.html");
  EXPECT_EQ(manifest[2], "f0/index.html");
  EXPECT_EQ(manifest.back(), "f999/index.html");
}

TEST_F(WriterTest, AFullDeviceStopsEveryLaterWriteWithTheFirstMessage) {
  ::setenv("BENGAL_TEST_WRITE_FAULT", "ENOSPC@b.html", 1);
  OutputWriter w(root_ / "out");
  ::unsetenv("BENGAL_TEST_WRITE_FAULT");
  w.write("a.html", "a");
  std::string expected = "cannot write " + (root_ / "out/b.html").string() +
                         ": No space left on device; the build stopped and the output folder is "
                         "incomplete: free space on that device (or build into another folder "
                         "with -o) and build again";
  for (const char* rel : {"b.html", "c.html"}) {
    try {
      w.write(rel, "x");
      FAIL() << rel;
    } catch (const OutputStopped& e) {
      EXPECT_EQ(std::string(e.what()), expected) << rel;
    }
  }
  EXPECT_THROW(w.copy_file(root_ / "out/a.html", "d.html"), OutputStopped);
  EXPECT_EQ(all_files(root_ / "out"), (std::vector<std::string>{".bengal-tmp", "a.html"}));
}

TEST_F(WriterTest, AReadOnlyDeviceStopsTheBuild) {
  ::setenv("BENGAL_TEST_WRITE_FAULT", "EROFS@a.html", 1);
  OutputWriter w(root_ / "out");
  ::unsetenv("BENGAL_TEST_WRITE_FAULT");
  try {
    w.write("a.html", "a");
    FAIL();
  } catch (const OutputStopped& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + (root_ / "out/a.html").string() +
                  ": Read-only file system; the build stopped and the output folder is "
                  "incomplete: build into a writable folder with -o");
  }
}

TEST_F(WriterTest, ASecondWriterOnTheSameFolderIsRefused) {
  OutputWriter first(root_ / "out");
  try {
    OutputWriter second(root_ / "out");
    FAIL();
  } catch (const WriteError& e) {
    EXPECT_EQ(std::string(e.what()), "another bengal build is writing to " +
                                         (root_ / "out").string() +
                                         "; wait for it to finish or build into another folder "
                                         "with -o");
  }
}

TEST_F(WriterTest, TheTemporaryFolderCannotBeWrittenAsOutput) {
  OutputWriter w(root_ / "out");
  EXPECT_THROW(w.write(".bengal-tmp/x.html", "x"), std::runtime_error);
  EXPECT_THROW(w.write(".bengal-tmp", "x"), std::runtime_error);
  EXPECT_EQ(w.write(".bengal-tmpx/a", "x"), WriteResult::kWritten);
}

TEST_F(WriterTest, OnlyRegularFilesAreCopied) {
  ASSERT_EQ(::mkfifo((root_ / "fifo").c_str(), 0644), 0);
  OutputWriter w(root_ / "out");
  try {
    w.copy_file(root_ / "fifo", "f");
    FAIL();
  } catch (const WriteError&) {
    FAIL() << "a source problem is not an output failure";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot read " + (root_ / "fifo").string() +
                                         ": not a regular file; the file was not copied");
  }
  EXPECT_EQ(w.failed(), 0u);
}

TEST_F(WriterTest, CopyTreeSkipsSymlinksLeavingTheSiteAndNonRegularFiles) {
  files({{"outside/secret.txt", "SECRET"}, {"site/assets/logo.svg", "<svg/>"}});
  fs::create_directories(root_ / "site/static/sub");
  fs::create_symlink(root_ / "outside/secret.txt", root_ / "site/static/leak.txt");
  fs::create_directory_symlink(root_ / "outside", root_ / "site/static/dir");
  fs::create_symlink("../../assets/logo.svg", root_ / "site/static/sub/logo.svg");
  fs::create_directory_symlink("../assets", root_ / "site/static/assets");
  ASSERT_EQ(::mkfifo((root_ / "site/static/pipe").c_str(), 0644), 0);
  OutputWriter w(root_ / "out");
  Diagnostics d;
  SourceTreeOptions sources{root_ / "site", false};
  EXPECT_EQ(copy_tree(root_ / "site/static", "static", sources, w, d), 2u);
  EXPECT_EQ(all_files(root_ / "out"),
            (std::vector<std::string>{".bengal-tmp", "assets", "assets/logo.svg", "sub",
                                      "sub/logo.svg"}));
  std::vector<std::string> m;
  for (const auto& x : d.sorted()) m.push_back(x.format());
  std::string outside = (root_ / "outside").string();
  EXPECT_EQ(m, (std::vector<std::string>{
                   "static/dir: warning: symlink to " + outside +
                       " points outside the site folder; skipped: set [build] "
                       "follow_external_symlinks = true to include it",
                   "static/leak.txt: warning: symlink to " + outside +
                       "/secret.txt points outside the site folder; skipped: set [build] "
                       "follow_external_symlinks = true to include it",
                   "static/pipe: warning: not a regular file (a FIFO, socket or device); "
                   "skipped: replace it with a regular file or remove it"}));
  // The explicit opt-in follows them.
  Diagnostics d2;
  sources.follow_external_symlinks = true;
  EXPECT_EQ(copy_tree(root_ / "site/static", "static", sources, w, d2), 4u);
  EXPECT_EQ(read(root_ / "out/leak.txt"), "SECRET");
  EXPECT_EQ(read(root_ / "out/dir/secret.txt"), "SECRET");
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
