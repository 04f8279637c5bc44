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
  if (static_cast<size_t>(st.st_size) > offset)
    out.reserve(static_cast<size_t>(st.st_size) - offset);
  if (offset > 0 && ::lseek(f.fd, static_cast<off_t>(offset), SEEK_SET) < 0) {
    error = std::strerror(errno);
    return false;
  }
  char buf[64 * 1024];
  for (;;) {
    ssize_t n = ::read(f.fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = std::strerror(errno);
      out.clear();
      return false;
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() + offset > kMaxSourceFileBytes) return too_large();
  }
  return true;
}

}  // namespace bengal
