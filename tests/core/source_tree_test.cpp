// list_source_files_with_stats reads a tree's folders in parallel, then applies its rules in
// order on one thread: the list is in path order, a folder reached twice is listed once under
// the name the sorted walk meets first, whatever the number of threads, and a folder that
// cannot be read is an error naming it while the rest is listed.
#include "bengal/core/source_tree.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include "../support/diagnostics.hpp"
#include "../support/run.hpp"

namespace bengal {
namespace {

namespace fs = std::filesystem;

struct SourceListing {
  std::vector<std::string> rels;
  std::vector<std::string> messages;
};

SourceListing list_sources(const fs::path& dir) {
  Diagnostics diagnostics;
  SourceListing out;
  for (const ListedFile& f : list_source_files_with_stats(dir, "content", {}, diagnostics))
    out.rels.push_back(f.rel);
  out.messages = test::formatted(diagnostics.sorted());
  return out;
}

TEST(SourceTree, FilesAreInPathOrderWhereAFileAndAFolderShareAPrefix) {
  // The walk lists a folder's files before its subfolders'; by path, "blog/" falls between
  // "blog.md" and "blogs.md", and "blog-2/" before "blog.md" ('-' < '.' < '/' < 's').
  fs::path dir = test::write_files({{"blog.md", ""},
                                    {"blog/a.md", ""},
                                    {"blog/z/q.md", ""},
                                    {"blog-2.md", ""},
                                    {"blog-2/x.md", ""},
                                    {"blogs.md", ""},
                                    {"blog.md~", ""},
                                    {".hidden/x.md", ""},
                                    {"a.md", ""},
                                    {"c/.git/config", ""}});
  SourceListing l = list_sources(dir);
  EXPECT_EQ(l.rels, (std::vector<std::string>{"a.md", "blog-2.md", "blog-2/x.md", "blog.md",
                                              "blog/a.md", "blog/z/q.md", "blogs.md"}));
  EXPECT_EQ(l.messages, std::vector<std::string>{});
}

TEST(SourceTree, AFolderReachedDirectlyAndThroughASymlinkIsListedOnceOnAnyNumberOfThreads) {
  test::Files files;
  for (int s = 0; s < 12; ++s) {
    for (int p = 0; p < 30; ++p) files[fmt::format("s{:02}/d/p{:02}.md", s, p)] = "";
  }
  fs::path dir = test::write_files(files);
  // A folder is listed where it is, and the links to it are skipped, though the walk meets
  // "a-link" before "s05", "zz-link" before "s03/d" (the top folder is listed before s03) and
  // "s01/d/deep-link" before "s11/d".
  fs::create_directory_symlink("s05", dir / "a-link");
  fs::create_directory_symlink("s03/d", dir / "zz-link");
  fs::create_directory_symlink("../../s11/d", dir / "s01/d/deep-link");

  SourceListing l = list_sources(dir);
  std::vector<std::string> expected;
  for (int s = 0; s < 12; ++s) {
    for (int p = 0; p < 30; ++p) expected.push_back(fmt::format("s{:02}/d/p{:02}.md", s, p));
  }
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(l.rels, expected);
  EXPECT_EQ(l.messages,
            (std::vector<std::string>{
                "content/a-link: warning: symlink to " + (dir / "s05").string() +
                    " points to a folder already included as content/s05; skipped",
                "content/s01/d/deep-link: warning: symlink to " + (dir / "s11/d").string() +
                    " points to a folder already included as content/s11/d; skipped",
                "content/zz-link: warning: symlink to " + (dir / "s03/d").string() +
                    " points to a folder already included as content/s03/d; skipped"}));

  for (int threads : {1, 2}) {
    tbb::task_arena arena(threads);
    SourceListing again = arena.execute([&] { return list_sources(dir); });
    EXPECT_EQ(again.rels, l.rels) << threads << " threads";
    EXPECT_EQ(again.messages, l.messages) << threads << " threads";
  }
}

// Makes the folder `name` in the open folder `parent_fd` and returns it open: a folder whose
// path is longer than PATH_MAX can be made only relative to its parent.
int make_folder_in(int parent_fd, const std::string& name) {
  EXPECT_EQ(::mkdirat(parent_fd, name.c_str(), 0755), 0) << name;
  return ::openat(parent_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

void write_empty_file_in(int folder_fd, const char* name) {
  int fd = ::openat(folder_fd, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  ::close(fd);
}

TEST(SourceTree, ADeepTreeIsListedDownToTheFolderWhosePathIsTooLongToOpen) {
  fs::path dir = test::fresh_temp_dir();
  const std::string name(200, 'd');
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  for (int depth = 0; depth < 30; ++depth) {
    int sub = make_folder_in(fd, name);
    ::close(fd);
    fd = sub;
    ASSERT_GE(fd, 0);
    write_empty_file_in(fd, "f.md");
  }
  ::close(fd);
  // The walk opens each folder by its path, which the kernel takes up to PATH_MAX bytes with
  // its terminating zero.
  size_t readable = (PATH_MAX - 1 - dir.string().size()) / (1 + name.size());
  ASSERT_LT(readable, 30u);
  // Paths with each 200-byte name written "d", so that a failure prints something readable.
  auto shorten = [&](std::vector<std::string> texts) {
    for (std::string& text : texts) {
      for (size_t at; (at = text.find(name)) != std::string::npos;)
        text.replace(at, name.size(), "d");
    }
    return texts;
  };
  std::vector<std::string> expected;
  std::string rel;
  for (size_t depth = 1; depth <= readable; ++depth) expected.push_back((rel += "d/") + "f.md");
  std::sort(expected.begin(), expected.end());  // "d/d/f.md" before "d/f.md"

  SourceListing l = list_sources(dir);
  EXPECT_EQ(shorten(l.rels), expected);
  EXPECT_EQ(shorten(l.messages), std::vector<std::string>{"content/" + rel +
                                                          "d: error: cannot read folder: File name "
                                                          "too long; check its permissions"});
}

}  // namespace
}  // namespace bengal
