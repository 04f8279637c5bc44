// The file system as a hostile repository or a failing machine presents it: write failures,
// a full disk, killed builds, symlinks out of the site, config paths that leave it. Each test
// runs the bengal binary as CI would (docs/content/reference/security.md lists them).
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../support/run.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

constexpr const char* kConfig = "[site]\ntitle = \"S\"\nbaseurl = \"https://example.org/\"\n";

// A site in `dir`/s with a config (extra lines appended) and the given content pages.
fs::path make_site(const fs::path& dir, const std::string& config_extra = "",
                   const std::map<std::string, std::string>& files = {}) {
  fs::path site = dir / "s";
  write_file(site / "bengal.toml", kConfig + config_extra);
  write_file(site / "content/_index.md", "---\ntitle: Home\n---\nWelcome.\n");
  for (const auto& [rel, text] : files) write_file(site / rel, text);
  return site;
}

TEST(HostileFs, AnOutputFileThatCannotBeWrittenFailsTheBuild) {
  fs::path dir = fresh_temp_dir();
  make_site(dir, "", {{"content/docs.md", "---\ntitle: Docs\n---\nText.\n"}});
  fs::create_directories(dir / "s/public/docs/index.html/in-the-way");
  RunResult r = run_bengal({"build", "s", "-q"}, "", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "content/docs.md: error: cannot write s/public/docs/index.html: Is a directory; a "
            "folder is in the way; remove it and build again\n"
            "error: 1 output file could not be written (see above); the output folder s/public "
            "is incomplete: fix the causes and build again\n");
  EXPECT_FALSE(fs::exists(dir / "s/public/.bengal-tmp"));
}

TEST(HostileFs, AFullDiskStopsTheBuildWithOneMessage) {
  fs::path dir = fresh_temp_dir();
  std::map<std::string, std::string> pages;
  for (int i = 0; i < 40; ++i)
    pages[fmt::format("content/p{}.md", i)] = fmt::format("---\ntitle: P{}\n---\nText.\n", i);
  make_site(dir, "", pages);
  ::setenv("BENGAL_TEST_WRITE_FAULT", "ENOSPC@p7/index.html", 1);
  RunResult r = run_bengal({"build", "s", "-q"}, "", dir);
  ::unsetenv("BENGAL_TEST_WRITE_FAULT");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "error: cannot write s/public/p7/index.html: No space left on device; the build "
            "stopped and the output folder is incomplete: free space on that device (or build "
            "into another folder with -o) and build again\n");
  EXPECT_FALSE(fs::exists(dir / "s/public/p7/index.html"));
  EXPECT_FALSE(fs::exists(dir / "s/public/.bengal-tmp"));
}

TEST(HostileFs, ALeftoverTemporaryFolderIsRemovedByTheNextBuild) {
  fs::path dir = fresh_temp_dir();
  make_site(dir);
  write_file(dir / "s/public/.bengal-tmp/12", "<html>half a page");
  RunResult r = run_bengal({"build", "s", "-q"}, "", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "s/public/.bengal-tmp"));
  for (const auto& f : list_tree(dir / "s/public"))
    EXPECT_EQ(f.find(".tmp"), std::string::npos) << f;
}

TEST(HostileFs, FileNamesOf240BytesBuild) {
  fs::path dir = fresh_temp_dir();
  std::string asset(236, 'a'), page(237, 'p');
  make_site(dir, "",
            {{"static/" + asset + ".txt", "asset"}, {"content/" + page + ".md", "# Long\n"}});
  RunResult r = run_bengal({"build", "s", "-q"}, "", dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(read_file(dir / "s/public" / (asset + ".txt")), "asset");
  EXPECT_TRUE(fs::exists(dir / "s/public" / page / "index.html"));
}

// Starts bengal with `args` without waiting; returns its pid.
pid_t spawn_bengal(const std::vector<std::string>& args) {
  std::vector<std::string> all = {BENGAL_BINARY};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, BENGAL_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

size_t count_files(const fs::path& dir) {
  size_t n = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) ++n;
  return n;
}

TEST(HostileFs, AKilledBuildThenARebuildEqualsACleanBuild) {
  fs::path dir = fresh_temp_dir();
  std::map<std::string, std::string> pages;
  std::string text;
  for (int p = 0; p < 12; ++p)
    text += fmt::format("Paragraph {} with [a link](../s1/p1.md) and *emphasis*.\n\n", p);
  for (int i = 0; i < 1200; ++i) {
    pages[fmt::format("content/s{}/p{}.md", i % 20, i)] =
        fmt::format("---\ntitle: Page {}\ntags: [t{}]\ndate: 2024-01-{:02}\n---\n{}", i, i % 50,
                    i % 28 + 1, text);
  }
  fs::path site = make_site(dir, "", pages);
  RunResult clean = run_bengal({"build", "s", "-q", "-o", "clean"}, "", dir);
  ASSERT_EQ(clean.exit_code, 0) << clean.err;

  // Kill -9 once the build has written some pages, long before it has written them all.
  pid_t pid = spawn_bengal({"build", site.string(), "-q", "--threads", "1"});
  ASSERT_GT(pid, 0);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (count_files(site / "public") < 50 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the build ended before it was killed";
  EXPECT_FALSE(fs::exists(site / "public/404.html"));  // killed mid-build

  RunResult again = run_bengal({"build", "s", "-q"}, "", dir);
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(diff_trees(dir / "clean", site / "public"), std::vector<std::string>{});
}

struct ConfigCase {
  std::string name, config, err;
};

TEST(HostileFs, ConfigFoldersMustStayInsideTheSite) {
  const std::string kNotBuilt = "error: the site was not built; fix the configuration above\n";
  const std::vector<ConfigCase> cases = {
      {"absolute content", "[build]\ncontent_dir = \"/etc\"\n",
       "bengal.toml:5:15: error: [build] content_dir \"/etc\" is an absolute path; write a "
       "folder inside the site, such as \"content\"\n"},
      {"content above", "[build]\ncontent_dir = \"docs/../../other\"\n",
       "bengal.toml:5:15: error: [build] content_dir \"docs/../../other\" leaves the site "
       "folder; write a folder inside the site, such as \"content\"\n"},
      {"absolute output", "[build]\noutput_dir = \"/tmp/x\"\n",
       "bengal.toml:5:14: error: [build] output_dir \"/tmp/x\" is an absolute path; write a "
       "folder inside the site, such as \"public\"\n"},
      {"output is the site", "[build]\noutput_dir = \"./\"\n",
       "bengal.toml:5:14: error: [build] output_dir \"./\" is the site folder itself; write a "
       "folder inside the site, such as \"public\"\n"},
      {"output is content", "[build]\noutput_dir = \"content\"\n",
       "bengal.toml:5:14: error: [build] output_dir \"content\" is the content folder "
       "(content/): building would write into the site's sources; choose a folder of its own, "
       "such as \"public\"\n"},
      {"output inside static", "[build]\noutput_dir = \"static/out\"\n",
       "bengal.toml:5:14: error: [build] output_dir \"static/out\" is inside the static folder "
       "(static/): building would write into the site's sources; choose a folder of its own, "
       "such as \"public\"\n"},
      {"output holds content", "[build]\ncontent_dir = \"public/pages\"\n",
       "bengal.toml:1:1: error: [build] output_dir \"public\" contains the content folder "
       "(public/pages/): building would write into the site's sources; choose a folder of its "
       "own, such as \"public\"\n"},
      {"theme path", "[build]\ntheme = \"../../x\"\n",
       "bengal.toml:5:9: error: [build] theme \"../../x\" is not the name of a folder in "
       "themes/; write a name, such as \"default\"\n"},
  };
  for (const auto& c : cases) {
    fs::path dir = fresh_temp_dir();
    make_site(dir, c.config);
    RunResult r = run_bengal({"build", "s", "-q"}, "", dir);
    EXPECT_EQ(r.exit_code, 1) << c.name;
    EXPECT_EQ(r.err, c.err + kNotBuilt) << c.name;
    EXPECT_EQ(list_tree(dir), (std::vector<std::string>{"s/bengal.toml", "s/content/_index.md"}))
        << c.name;
  }
}

TEST(HostileFs, ACommandLineOutputMayBeElsewhereButNotTheSources) {
  fs::path dir = fresh_temp_dir();
  make_site(dir);
  auto refused = [&](const std::string& out, const std::string& what) {
    RunResult r = run_bengal({"build", "s", "-q", "-o", out}, "", dir);
    EXPECT_EQ(r.exit_code, 1) << out;
    EXPECT_EQ(r.err, fmt::format("error: the output folder {} {} of the site s: building would "
                                 "write into the site's sources; pass a folder of its own to -o\n",
                                 out, what))
        << out;
  };
  refused("s", "is the site folder");
  refused(".", "contains the site folder");
  refused("s/content", "is the content folder (content/)");
  refused("s/content/x", "is inside the content folder (content/)");
  refused("s/themes", "is the themes folder (themes/)");
  EXPECT_EQ(list_tree(dir), (std::vector<std::string>{"s/bengal.toml", "s/content/_index.md"}));
  RunResult ok = run_bengal({"build", "s", "-q", "-o", (dir / "elsewhere").string()}, "", dir);
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_TRUE(fs::exists(dir / "elsewhere/index.html"));
}

TEST(HostileFs, AConfiguredOutputFolderThatIsASymlinkOutOfTheSiteIsRefused) {
  fs::path dir = fresh_temp_dir();
  make_site(dir, "[build]\noutput_dir = \"public\"\n");
  fs::create_directories(dir / "elsewhere");
  fs::create_directory_symlink("../elsewhere", dir / "s/public");
  RunResult r = run_bengal({"build", "s", "-q"}, "", dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "bengal.toml:5:14: error: [build] output_dir \"public\" leads to " +
                       (dir / "elsewhere").string() +
                       ", outside the site folder; remove the symlink, or pass a trusted output "
                       "folder with -o\nerror: the site was not built; fix the configuration "
                       "above\n");
  EXPECT_TRUE(fs::is_empty(dir / "elsewhere"));
}

TEST(HostileFs, AFifoInContentDoesNotHangTheBuild) {
  fs::path dir = fresh_temp_dir();
  make_site(dir);
  ASSERT_EQ(::mkfifo((dir / "s/content/pipe.md").c_str(), 0644), 0);
  RunResult r = run_bengal({"build", "s", "-q"}, "", dir);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err,
            "content/pipe.md: warning: not a regular file (a FIFO, socket or device); skipped: "
            "replace it with a regular file or remove it\n");
}

// Every file outside `skip`, with its size, mode and modification time, and every folder:
// what a build must not change.
std::map<std::string, std::string> snapshot(const fs::path& dir, const fs::path& skip) {
  std::map<std::string, std::string> out;
  for (fs::recursive_directory_iterator it(dir), end; it != end; ++it) {
    if (it->path() == skip) {
      it.disable_recursion_pending();
      continue;
    }
    struct stat st {};
    ::lstat(it->path().c_str(), &st);
    // A folder's time changes when the output folder is created in it; a file's must not.
    out[it->path().lexically_relative(dir).string()] =
        S_ISDIR(st.st_mode) ? "folder"
                            : fmt::format("{} {} {}.{}", st.st_size, st.st_mode, st.st_mtim.tv_sec,
                                          st.st_mtim.tv_nsec);
  }
  return out;
}

// The invariant: whatever a repository holds, a build reads nothing outside the site folder
// and writes nothing outside the output folder.
TEST(HostileFs, AHostileSiteReadsAndWritesNothingOutsideItsFolders) {
  fs::path dir = fresh_temp_dir();
  fs::path outside = dir / "outside";
  write_file(outside / "secret.txt", "SECRET-1");
  write_file(outside / "dir/secret.md", "---\ntitle: SECRET-2\n---\nSECRET-2\n");
  fs::path site =
      make_site(dir, "[build]\ntheme = \"evil\"\n",
                {{"content/bundle/index.md", "---\ntitle: Bundle\n---\nB\n"},
                 {"content/moved.md",
                  "---\ntitle: Moved\nurl: /../../outside/x/\naliases: [\"/../../outside/pwned/\", "
                  "\"../../outside/pwned2\"]\n---\nM\n"}});
  write_file(outside / "secret.yaml", "k: SECRET-3\n");
  fs::create_directories(site / "data");
  fs::create_symlink(outside / "secret.yaml", site / "data/leak.yaml");
  write_file(outside / "page.html", "SECRET-4");
  fs::create_directories(site / "templates");
  fs::create_symlink(outside / "page.html", site / "templates/single.html");
  fs::create_directories(site / "static");
  fs::create_symlink(outside / "secret.txt", site / "static/leak.txt");
  fs::create_directory_symlink("/etc", site / "static/etc");
  fs::create_symlink("../../outside/secret.txt", site / "content/leak.md");
  fs::create_symlink("../../../outside/secret.txt", site / "content/bundle/res.txt");
  fs::create_directory_symlink(outside / "dir", site / "content/linked");
  fs::create_directories(site / "themes/evil");
  fs::create_directory_symlink(outside, site / "themes/evil/static");
  std::map<std::string, std::string> before = snapshot(dir, site / "public");

  RunResult r = run_bengal({"build", "s", "-q"}, "", dir);
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the escaping url and aliases are errors
  std::string o = outside.string();
  auto link_out = [](const std::string& link, const std::string& target) {
    return fmt::format(
        "{}: warning: symlink to {} points outside the site folder; skipped: set "
        "[build] follow_external_symlinks = true to include it\n",
        link, target);
  };
  EXPECT_EQ(
      r.err,
      link_out("content/bundle/res.txt", o + "/secret.txt") +
          link_out("content/leak.md", o + "/secret.txt") + link_out("content/linked", o + "/dir") +
          "content/moved.md: error: alias ../../outside/pwned2: url must not contain '.' "
          "or '..' segments; write the path from the site root\n"
          "content/moved.md: error: alias /../../outside/pwned/: url must not contain '.' "
          "or '..' segments; write the path from the site root\n"
          "content/moved.md:3:1: error: url must not contain '.' or '..' segments; write "
          "the path from the site root; the url was ignored\n" +
          link_out("data/leak.yaml", o + "/secret.yaml") + link_out("static/etc", "/etc") +
          link_out("static/leak.txt", o + "/secret.txt") +
          link_out("templates/single.html", o + "/page.html") + link_out("themes/evil/static", o) +
          "error: the build failed with 3 errors (above), and wrote every other page; fix them "
          "and build again\n");
  // Besides the output folder, the build writes only its cache (SITE/.bengal/).
  std::map<std::string, std::string> after = snapshot(dir, site / "public");
  std::vector<std::string> cache;
  for (auto it = after.begin(); it != after.end();) {
    if (!it->first.starts_with("s/.bengal")) {
      ++it;
      continue;
    }
    cache.push_back(it->first);
    it = after.erase(it);
  }
  EXPECT_EQ(after, before);
  EXPECT_EQ(cache, (std::vector<std::string>{"s/.bengal", "s/.bengal/cache.db",
                                             "s/.bengal/cache.db.lock"}));
  for (const auto& f : list_tree(site / "public")) {
    EXPECT_EQ(read_file(site / "public" / f).find("SECRET"), std::string::npos) << f;
  }
}

}  // namespace
}  // namespace bengal::test
