#include "run.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ga = static_cast<bool>(std::getline(sa, la)), gb = static_cast<bool>(std::getline(sb, lb));
    if (!ga && !gb) return "(only line endings differ)";
    if (!ga || !gb || la != lb)
      return "line " + std::to_string(line) + ":\n  expected: " + (ga ? la : "<end>") +
             "\n  actual:   " + (gb ? lb : "<end>");
  }
}

// The folders fresh_temp_dir made for the running test. They are removed when it passes, so
// that a test binary run by hand leaves nothing in /tmp, and kept when it fails, to be looked
// at.
class TempDirCleaner : public ::testing::EmptyTestEventListener {
 public:
  void add(const fs::path& dir) { dirs_.push_back(dir); }
  void OnTestEnd(const ::testing::TestInfo& info) override {
    if (info.result()->Passed()) {
      std::error_code ignored;  // a folder a test removed itself is fine
      for (const auto& dir : dirs_) fs::remove_all(dir, ignored);
    }
    dirs_.clear();
  }

 private:
  std::vector<fs::path> dirs_;
};

// Registered on first use: gtest owns (and deletes) an appended listener.
TempDirCleaner& temp_dir_cleaner() {
  static TempDirCleaner* cleaner = [] {
    auto* c = new TempDirCleaner;
    ::testing::UnitTest::GetInstance()->listeners().Append(c);
    return c;
  }();
  return *cleaner;
}

}  // namespace

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

fs::path source_dir() {
  return BENGAL_SOURCE_DIR;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

fs::path fresh_temp_dir(const std::string& suffix) {
  const char* base = std::getenv("BENGAL_TEST_TMP");
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "." + info->name() + suffix;
  std::replace(name.begin(), name.end(), '/', '_');
  fs::path dir = fs::path(base ? base : fs::temp_directory_path().string()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  temp_dir_cleaner().add(dir);
  return dir;
}

void write_files(const fs::path& dir, const Files& files) {
  for (const auto& [rel, text] : files) write_file(dir / rel, text);
}

fs::path write_files(const Files& files, const std::string& suffix) {
  fs::path dir = fresh_temp_dir(suffix);
  write_files(dir, files);
  return dir;
}

RunResult run_bengal(const std::vector<std::string>& args, const std::string& input,
                     const fs::path& cwd) {
  fs::path tmp = fresh_temp_dir("-run");
  write_file(tmp / "stdin", input);
  std::string cmd;
  if (!cwd.empty()) cmd += "cd " + shell_quote(cwd.string()) + " && ";
  cmd += shell_quote(BENGAL_BINARY);
  for (const auto& a : args) (cmd += ' ') += shell_quote(a);
  cmd += " <" + shell_quote((tmp / "stdin").string()) + " >" +
         shell_quote((tmp / "stdout").string()) + " 2>" + shell_quote((tmp / "stderr").string());
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(tmp / "stdout");
  r.err = read_file(tmp / "stderr");
  fs::remove_all(tmp);
  return r;
}

bool updating_golden() {
  const char* v = std::getenv("BENGAL_UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

void expect_golden_file(const fs::path& expected, const std::string& actual) {
  if (updating_golden()) {
    write_file(expected, actual);
    return;
  }
  EXPECT_EQ(actual, read_file(expected)) << expected.string();
}

std::vector<std::string> list_tree(const fs::path& dir) {
  std::vector<std::string> files;
  if (!fs::exists(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_directory()) files.push_back(e.path().lexically_relative(dir).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> diff_trees(const fs::path& expected, const fs::path& actual) {
  std::vector<std::string> diffs;
  auto want = list_tree(expected), have = list_tree(actual);
  for (const auto& f : want) {
    if (!std::binary_search(have.begin(), have.end(), f)) {
      diffs.push_back("missing: " + f);
    } else {
      std::string a = read_file(expected / f), b = read_file(actual / f);
      if (a != b) diffs.push_back("differs: " + f + " at " + first_difference(a, b));
    }
  }
  for (const auto& f : have) {
    if (!std::binary_search(want.begin(), want.end(), f)) diffs.push_back("extra: " + f);
  }
  return diffs;
}

}  // namespace bengal::test
