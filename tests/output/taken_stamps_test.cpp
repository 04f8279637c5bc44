#include "bengal/output/taken_stamps.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::output {
namespace {

using Taken = std::optional<std::optional<FileStamp>>;
const Taken kMissing = std::optional<FileStamp>{};

class TakenStampsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = test::fresh_temp_dir();
    test::write_files(root_ / "out", {{"a.html", "a"}, {"sub/b.html", "bb"}});
    test::write_files(root_, {{"secret.txt", "s"}});
    fs::create_directories(root_ / "out/folder");
    fs::create_symlink(root_ / "out/a.html", root_ / "out/link.html");
  }
  FileStamp lstat_of(const std::string& rel) const {
    struct stat st {};
    EXPECT_EQ(::lstat((root_ / "out" / rel).c_str(), &st), 0) << rel;
    return FileStamp::of(st);
  }
  void append(const std::string& rel) const {
    std::ofstream(root_ / "out" / rel, std::ios::app) << "more";
  }
  fs::path root_;
};

TEST_F(TakenStampsTest, EachListedFileHasTheStampLstatGave) {
  TakenStamps taken(root_ / "out");
  for (const char* rel : {"a.html", "sub/b.html", "link.html", "folder", "gone.html",
                          "../secret.txt", "sub/../a.html"})
    taken.add(rel);
  taken.start();
  taken.wait();
  EXPECT_EQ(taken.find("a.html"), Taken(lstat_of("a.html")));
  EXPECT_EQ(taken.find("sub/b.html"), Taken(lstat_of("sub/b.html")));
  EXPECT_NE(lstat_of("a.html"), lstat_of("sub/b.html"));
  // Neither a symlink nor a folder is a file the build left.
  EXPECT_EQ(taken.find("link.html"), kMissing);
  EXPECT_EQ(taken.find("folder"), kMissing);
  EXPECT_EQ(taken.find("gone.html"), kMissing);
  // Paths that could leave the folder are never looked at; unlisted ones are not known.
  EXPECT_EQ(taken.find("../secret.txt"), std::nullopt);
  EXPECT_EQ(taken.find("sub/../a.html"), std::nullopt);
  EXPECT_EQ(taken.find("sub/c.html"), std::nullopt);
}

TEST_F(TakenStampsTest, AStampSaysWhatTheFileWasUntilItIsForgotten) {
  TakenStamps taken(root_ / "out");
  taken.add("a.html");
  taken.add("sub/b.html");
  FileStamp before = lstat_of("a.html");
  taken.start();
  taken.wait();
  append("a.html");
  ASSERT_NE(lstat_of("a.html"), before);
  EXPECT_EQ(taken.find("a.html"), Taken(before));
  taken.forget("a.html");
  EXPECT_EQ(taken.find("a.html"), std::nullopt);
  EXPECT_EQ(taken.find("sub/b.html"), Taken(lstat_of("sub/b.html")));
  taken.forget("not/listed.html");  // nothing to forget
}

// A file the build asks about before its stamp is taken is looked at by the build itself: the
// thread then never stats it, and the answer stays "none at hand". The thread is held after
// listing, so the build asks first whatever the machine's speed (a race the thread once won).
TEST_F(TakenStampsTest, AFileAskedAboutBeforeItsStampIsTakenIsLeftToTheCaller) {
  TakenStamps taken(root_ / "out");
  taken.add("sub/gone-0.html");
  taken.add("a.html");
  taken.hold();  // the thread lists, then takes no stamp until released
  taken.start();
  taken.wait_listed();
  EXPECT_EQ(taken.find("a.html"), std::nullopt);
  taken.release();
  taken.wait();
  EXPECT_EQ(taken.find("a.html"), std::nullopt);
  EXPECT_EQ(taken.find("sub/gone-0.html"), kMissing);
}

// The list can be read on the thread too (the build reads it from the cache while it starts
// discovering); once wait_listed() returns, what it read is the caller's again.
TEST_F(TakenStampsTest, TheListIsReadOnTheThreadBeforeTheStamps) {
  TakenStamps taken(root_ / "out");
  std::thread::id lister;
  taken.start([&](TakenStamps& t) {
    lister = std::this_thread::get_id();
    t.add("a.html");
    t.add("gone.html");
  });
  taken.wait_listed();
  EXPECT_NE(lister, std::this_thread::get_id());
  EXPECT_NE(lister, std::thread::id());
  taken.wait();
  EXPECT_EQ(taken.find("a.html"), Taken(lstat_of("a.html")));
  EXPECT_EQ(taken.find("gone.html"), kMissing);
  EXPECT_EQ(taken.find("sub/b.html"), std::nullopt);
}

TEST_F(TakenStampsTest, AListThatCannotBeReadGivesNoStamps) {
  TakenStamps taken(root_ / "out");
  taken.start([](TakenStamps& t) {
    t.add("a.html");
    throw std::runtime_error("the cache is damaged");
  });
  taken.wait();
  EXPECT_EQ(taken.find("a.html"), std::nullopt);
}

TEST_F(TakenStampsTest, AFolderThatCannotBeOpenedHasNoStamps) {
  TakenStamps taken(root_ / "missing");
  taken.add("a.html");
  taken.start();
  taken.wait_listed();  // returns: there is nothing to list
  taken.wait();
  EXPECT_EQ(taken.find("a.html"), std::nullopt);
  taken.forget("a.html");  // nothing to forget, nothing to wait for
  int fd = ::open((root_ / "out").c_str(), O_RDONLY | O_DIRECTORY);
  EXPECT_FALSE(taken.of_folder(fd));
  ::close(fd);
}

// The writer answers kept_stamp() from the stamps taken of its own folder, except for a file
// it wrote since, which it stats again.
TEST_F(TakenStampsTest, TheWriterForgetsTheStampOfEveryFileItWrites) {
  TakenStamps taken(root_ / "out");
  for (const char* rel : {"a.html", "sub/b.html", "c.html"}) taken.add(rel);
  taken.start();
  taken.wait();
  FileStamp a = lstat_of("a.html"), b = lstat_of("sub/b.html");
  append("a.html");
  append("sub/b.html");
  OutputWriter writer(root_ / "out");
  EXPECT_EQ(writer.kept_stamp("a.html"), lstat_of("a.html"));  // not used yet
  writer.use_taken_stamps(&taken);
  EXPECT_EQ(writer.kept_stamp("a.html"), a);
  EXPECT_EQ(writer.kept_stamp("sub/b.html"), b);
  EXPECT_EQ(writer.kept_stamp("c.html"), std::nullopt);
  writer.write("a.html", "new a");
  EXPECT_EQ(writer.kept_stamp("a.html"), lstat_of("a.html"));
  {
    StreamingFile file(writer, "sub/b.html");
    file.append("new b");
    file.commit();
  }
  EXPECT_EQ(writer.kept_stamp("sub/b.html"), lstat_of("sub/b.html"));
  writer.write("c.html", "c");
  EXPECT_EQ(writer.kept_stamp("c.html"), lstat_of("c.html"));
  EXPECT_EQ(writer.kept_stamp("../secret.txt"), std::nullopt);
}

TEST_F(TakenStampsTest, StampsOfAnotherFolderAreNotUsed) {
  TakenStamps taken(root_ / "out");
  taken.add("a.html");
  taken.start();
  taken.wait();
  FileStamp a = lstat_of("a.html");
  // The folder replaced by another after the stamps were taken.
  fs::rename(root_ / "out", root_ / "old");
  test::write_files(root_ / "out", {{"a.html", "other"}});
  OutputWriter writer(root_ / "out");
  writer.use_taken_stamps(&taken);
  ASSERT_NE(lstat_of("a.html"), a);
  EXPECT_EQ(writer.kept_stamp("a.html"), lstat_of("a.html"));
}

}  // namespace
}  // namespace bengal::output
