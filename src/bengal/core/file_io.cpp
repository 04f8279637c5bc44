#include "bengal/core/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace bengal {
namespace {

// Closes the descriptor on every return path; moves, never copies, so it closes once.
struct Fd {
  int fd = -1;
  explicit Fd(int fd) : fd(fd) {}
  Fd(Fd&& other) noexcept : fd(std::exchange(other.fd, -1)) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd& operator=(Fd&&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Opens `path` for reading if it is a regular file; `st` gets its status. An fd of -1 and
// `error` set when it cannot.
Fd open_regular(const std::filesystem::path& path, struct stat& st, std::string& error) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  Fd f(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (f.fd < 0) {
    error = std::strerror(errno);
    return f;
  }
  if (::fstat(f.fd, &st) != 0) {
    error = std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    error = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file";
  } else {
    return f;
  }
  return Fd(-1);  // closes f
}

}  // namespace

std::string read_file_head(const std::filesystem::path& path, size_t max_bytes) {
  struct stat st {};
  std::string error;
  Fd f = open_regular(path, st, error);
  std::string out;
  if (f.fd < 0) return out;
  out.resize(max_bytes);
  size_t at = 0;
  while (at < max_bytes) {
    ssize_t n = ::read(f.fd, out.data() + at, max_bytes - at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    at += static_cast<size_t>(n);
  }
  out.resize(at);
  return out;
}

bool read_file(const std::filesystem::path& path, std::string& out, std::string& error,
               size_t offset) {
  out.clear();
  struct stat st {};
  Fd f = open_regular(path, st, error);
  if (f.fd < 0) return false;
  // The size is checked again while reading: the file may grow after fstat.
  auto too_large = [&] {
    error = "larger than 64 MB, the limit for a source file";
    out.clear();
    return false;
  };
  if (static_cast<size_t>(st.st_size) > kMaxSourceFileBytes) return too_large();
  if (offset > 0 && ::lseek(f.fd, static_cast<off_t>(offset), SEEK_SET) < 0) {
    error = std::strerror(errno);
    return false;
  }
  // Reads straight into `out`, asking for a byte more than fstat said is left: a read that
  // stops short exactly there has met the end, so a file that did not change is read with one
  // call and no second one to find the end. One that grew is read on to its end.
  size_t size = static_cast<size_t>(st.st_size);
  size_t expected = size > offset ? size - offset : 0;
  for (;;) {
    size_t at = out.size();
    size_t want = at < expected ? expected - at + 1 : size_t{64} << 10;
    out.resize(at + want);
    ssize_t n = ::read(f.fd, out.data() + at, want);
    if (n < 0 && errno == EINTR) {
      out.resize(at);
      continue;
    }
    if (n < 0) {
      error = std::strerror(errno);
      out.clear();
      return false;
    }
    out.resize(at + static_cast<size_t>(n));
    if (out.size() + offset > kMaxSourceFileBytes) return too_large();
    if (n == 0 || (static_cast<size_t>(n) < want && out.size() == expected)) break;
  }
  return true;
}

}  // namespace bengal
