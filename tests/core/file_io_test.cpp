// read_file: every byte from the offset on, in one read when the file is as fstat said, and
// on to the real end when it is not (files of /proc have a size of 0).
#include "bengal/core/file_io.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "../support/run.hpp"

namespace bengal {
namespace {

namespace fs = std::filesystem;

std::string pattern(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
  return s;
}

TEST(ReadFile, ReadsEveryByteFromTheOffsetOn) {
  fs::path dir = test::fresh_temp_dir();
  for (size_t size :
       {size_t{0}, size_t{1}, size_t{4095}, size_t{65536}, size_t{65537}, size_t{300000}}) {
    std::string bytes = pattern(size);
    fs::path file = dir / ("f" + std::to_string(size));
    std::ofstream(file, std::ios::binary) << bytes;
    for (size_t offset : {size_t{0}, size_t{1}, size / 2, size, size + 10}) {
      std::string out = "old", error;
      ASSERT_TRUE(read_file(file, out, error, offset)) << size << " " << error;
      EXPECT_EQ(out, offset < size ? bytes.substr(offset) : "") << size << " from " << offset;
    }
  }
}

TEST(ReadFile, AFileLongerThanItsStatSizeIsReadToItsEnd) {
  // /proc files say they are empty; their text comes only from reading on.
  std::string out, error;
  ASSERT_TRUE(read_file("/proc/self/status", out, error)) << error;
  EXPECT_TRUE(out.starts_with("Name:")) << out;
  EXPECT_NE(out.find("\nVmPeak:"), std::string::npos);
  EXPECT_EQ(out.back(), '\n');
}

TEST(ReadFile, RefusesWhatIsNotARegularFile) {
  fs::path dir = test::fresh_temp_dir();
  std::string out = "old", error;
  EXPECT_FALSE(read_file(dir, out, error));
  EXPECT_EQ(error, "is a directory");
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_FALSE(read_file(dir / "fifo", out, error));
  EXPECT_EQ(error, "not a regular file");
  EXPECT_FALSE(read_file(dir / "missing", out, error));
  EXPECT_EQ(error, "No such file or directory");
}

}  // namespace
}  // namespace bengal
