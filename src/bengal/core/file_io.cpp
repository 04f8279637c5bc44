#include "bengal/core/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace bengal {
namespace {

// Closes the descriptor on every return path.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

bool read_file(const std::filesystem::path& path, std::string& out, std::string& error,
               size_t offset) {
  out.clear();
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (f.fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file";
    return false;
  }
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
