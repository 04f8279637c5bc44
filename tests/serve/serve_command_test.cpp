// The `bengal serve` command as a user runs it: it prints the address, serves, and Ctrl-C
// (SIGINT) stops it with exit code 0 and removes the preview's files. And `build --baseurl`.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <fmt/format.h>

#include <regex>
#include <thread>

#include "../support/run.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace bengal::test {
namespace {

const Files kSite = {
    {"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/docs/\"\n"},
    {"content/_index.md", "---\ntitle: Home\n---\nHello from the command.\n"},
};

// Starts `bengal serve SITE --port 0` with TMPDIR=`tmp`, stderr into `log`; returns its pid.
pid_t start_serve(const fs::path& site, const fs::path& tmp, const fs::path& log) {
  pid_t pid = fork();
  if (pid == 0) {
    setenv("TMPDIR", tmp.c_str(), 1);
    FILE* err = freopen(log.c_str(), "w", stderr);
    if (err == nullptr) _exit(127);
    execl(BENGAL_BINARY, BENGAL_BINARY, "serve", site.c_str(), "--port", "0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

TEST(ServeCommandTest, ServesUntilCtrlCAndRemovesItsFiles) {
  fs::path site = write_files(kSite, "-site");
  fs::path tmp = fresh_temp_dir("-tmp");
  fs::path log = fresh_temp_dir("-log") / "stderr";
  pid_t pid = start_serve(site, tmp, log);
  ASSERT_GT(pid, 0);
  // A failed assertion must not leave the server running.
  struct Reaper {
    pid_t& pid;
    ~Reaper() {
      if (pid > 0 && kill(pid, SIGKILL) == 0) waitpid(pid, nullptr, 0);
    }
  } reaper{pid};
  std::smatch m;
  // Below the path of its baseurl, as the site is published.
  std::regex serving(
      "^Serving .* at http://127\\.0\\.0\\.1:([0-9]+)/docs/ \\(2 pages in [0-9.]+ s\\); "
      "press Ctrl-C to stop\n$");
  std::string text;
  for (int i = 0; i < 500 && !std::regex_search(text, m, serving); ++i) {
    std::this_thread::sleep_for(10ms);
    text = read_file(log);
  }
  ASSERT_TRUE(std::regex_search(text, m, serving)) << text;
  int port = std::stoi(m[1]);
  EXPECT_FALSE(fs::is_empty(tmp));  // the preview is built in the temp folder

  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/docs/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("Hello from the command."), std::string::npos);
  EXPECT_NE(res->body.find(fmt::format("http://127.0.0.1:{}/docs/", port)), std::string::npos);
  EXPECT_EQ(res->body.find("https://example.org/docs"), std::string::npos);

  ASSERT_EQ(kill(pid, SIGINT), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  pid = 0;
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(read_file(log), text + "Stopping: the preview's files are removed\n");
  EXPECT_TRUE(fs::is_empty(tmp));
  EXPECT_FALSE(fs::exists(site / "public"));
}

TEST(ServeCommandTest, ABusyPortIsAnErrorThatSaysWhatToDo) {
  fs::path site = write_files(kSite, "-site");
  httplib::Server blocker;
  int port = blocker.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  RunResult r = run_bengal({"serve", site.string(), "--port", std::to_string(port)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, fmt::format("error: cannot listen on 127.0.0.1:{}: the port is in use or the "
                               "address is not this machine's; pass another --port or --bind\n",
                               port));
}

TEST(ServeCommandTest, ANonSiteFolderIsRefused) {
  fs::path empty = fresh_temp_dir("-empty");
  RunResult r = run_bengal({"serve", (empty / "missing").string(), "--port", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, fmt::format("error: site folder {} does not exist; pass the folder that holds "
                               "bengal.toml\n",
                               (empty / "missing").string()));
}

TEST(BuildBaseurlTest, TheCommandLineReplacesTheConfigsBaseurl) {
  fs::path site = write_files(kSite, "-site");
  RunResult r = run_bengal({"build", site.string(), "-q", "--baseurl", "https://other.test/x/"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string sitemap = read_file(site / "public/sitemap.xml");
  EXPECT_NE(sitemap.find("<loc>https://other.test/x/</loc>"), std::string::npos) << sitemap;
  EXPECT_EQ(sitemap.find("example.org"), std::string::npos);

  r = run_bengal({"build", site.string(), "-q", "--baseurl", "other.test"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "error: --baseurl \"other.test\" is neither an absolute URL nor a path; write it as "
            "https://other.test\nerror: the site was not built; fix the configuration above\n");
}

}  // namespace
}  // namespace bengal::test
