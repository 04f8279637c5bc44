// Test helpers for end-to-end tests: run the bengal binary, compare folder trees.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace bengal::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the bengal binary with `args` (each passed as one argument) in `cwd`, stdin from
// `input`.
RunResult run_bengal(const std::vector<std::string>& args, const std::string& input = "",
                     const std::filesystem::path& cwd = {});

// `s` as one word for /bin/sh: in single quotes, each ' written as '\''.
std::string shell_quote(const std::string& s);

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& text);

// A fresh empty folder under the test temp dir (BENGAL_TEST_TMP, else the system's), named
// after the running test; removed once the test passes.
std::filesystem::path fresh_temp_dir(const std::string& suffix = "");

// Path ('/'-separated, relative to a folder) -> the file's text.
using Files = std::map<std::string, std::string>;

// Writes `files` into `dir`, making their folders.
void write_files(const std::filesystem::path& dir, const Files& files);
// Writes `files` into fresh_temp_dir(suffix) and returns that folder.
std::filesystem::path write_files(const Files& files, const std::string& suffix = "");

// Every difference between two trees ("missing: a/b.html", "extra: x", "differs: y" followed
// by the first differing line of each); empty when identical.
std::vector<std::string> diff_trees(const std::filesystem::path& expected,
                                    const std::filesystem::path& actual);

// BENGAL_UPDATE_GOLDEN=1: golden tests write what bengal makes now into their expected files
// instead of comparing (scripts/update-golden.sh runs them so).
bool updating_golden();
// Compares `actual` with the expected file, or writes it there when updating_golden().
void expect_golden_file(const std::filesystem::path& expected, const std::string& actual);

// Files under `dir`, relative, '/'-separated, sorted.
std::vector<std::string> list_tree(const std::filesystem::path& dir);

std::filesystem::path source_dir();

}  // namespace bengal::test
