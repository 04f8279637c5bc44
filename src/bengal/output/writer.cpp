#include "bengal/output/writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <thread>

namespace fs = std::filesystem;

namespace bengal::output {
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(errno));
}

// Compares a file's bytes with `bytes` without reading more than needed.
bool same_contents(const fs::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              static_cast<size_t>(st.st_size) == bytes.size();
  char buf[64 * 1024];
  size_t pos = 0;
  while (same && pos < bytes.size()) {
    ssize_t n = ::read(fd, buf, std::min(sizeof buf, bytes.size() - pos));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || std::memcmp(buf, bytes.data() + pos, static_cast<size_t>(n)) != 0) same = false;
    pos += n > 0 ? static_cast<size_t>(n) : 0;
  }
  ::close(fd);
  return same;
}

void write_all(int fd, std::string_view bytes, const fs::path& path) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + pos, bytes.size() - pos);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", path);
    }
    pos += static_cast<size_t>(n);
  }
}

// True when two files have the same bytes; compares in chunks so large assets never sit in
// memory whole.
bool same_files(const fs::path& a, const fs::path& b) {
  struct stat sa {
  }, sb{};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  if (!S_ISREG(sb.st_mode) || sa.st_size != sb.st_size) return false;
  int fa = ::open(a.c_str(), O_RDONLY | O_CLOEXEC);
  int fb = ::open(b.c_str(), O_RDONLY | O_CLOEXEC);
  bool same = fa >= 0 && fb >= 0;
  static constexpr size_t kChunk = 64 * 1024;
  auto ba = std::make_unique<char[]>(kChunk), bb = std::make_unique<char[]>(kChunk);
  while (same) {
    ssize_t na = ::read(fa, ba.get(), kChunk);
    if (na <= 0) {
      same = na == 0;
      break;
    }
    size_t got = 0;
    while (got < static_cast<size_t>(na)) {
      ssize_t nb = ::read(fb, bb.get() + got, static_cast<size_t>(na) - got);
      if (nb <= 0) break;
      got += static_cast<size_t>(nb);
    }
    same = got == static_cast<size_t>(na) && std::memcmp(ba.get(), bb.get(), got) == 0;
  }
  if (fa >= 0) ::close(fa);
  if (fb >= 0) ::close(fb);
  return same;
}

}  // namespace

bool is_safe_relative_path(std::string_view rel) {
  if (rel.empty() || rel.front() == '/') return false;
  size_t start = 0;
  while (start <= rel.size()) {
    size_t slash = rel.find('/', start);
    if (slash == std::string_view::npos) slash = rel.size();
    std::string_view seg = rel.substr(start, slash - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    start = slash + 1;
  }
  return rel.find('\\') == std::string_view::npos && rel.find('\0') == std::string_view::npos;
}

OutputWriter::OutputWriter(fs::path output_dir) : root_(std::move(output_dir)) {}

fs::path OutputWriter::resolve(std::string_view rel) const {
  if (!is_safe_relative_path(rel))
    throw std::runtime_error("refusing to write outside the output directory: " + std::string(rel));
  return root_ / fs::path(std::string(rel));
}

// Writes through a temporary file in the destination folder and renames it into place, so a
// reader never sees half a file. `fill` writes the bytes to the open descriptor.
namespace {

template <typename Fill>
void write_atomically(const fs::path& path, Fill fill) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw std::runtime_error("cannot create folder " + path.parent_path().string() + ": " +
                             ec.message());
  // The temporary name is unique per thread, so parallel writers never share one.
  fs::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid()) + "-" +
         std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", tmp);
  try {
    fill(fd, tmp);
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  if (::close(fd) != 0) fail("cannot write", tmp);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    fail("cannot rename into place", path);
  }
}

}  // namespace

WriteResult OutputWriter::write(std::string_view rel, std::string_view bytes) {
  fs::path path = resolve(rel);
  if (same_contents(path, bytes)) {
    ++unchanged_;
    return WriteResult::kUnchanged;
  }
  write_atomically(path, [&](int fd, const fs::path& tmp) { write_all(fd, bytes, tmp); });
  ++written_;
  return WriteResult::kWritten;
}

WriteResult OutputWriter::copy_file(const fs::path& from, std::string_view rel) {
  fs::path path = resolve(rel);
  if (same_files(from, path)) {
    ++unchanged_;
    return WriteResult::kUnchanged;
  }
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) fail("cannot read", from);
  try {
    write_atomically(path, [&](int fd, const fs::path& tmp) {
      char buf[64 * 1024];
      for (;;) {
        ssize_t n = ::read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("cannot read", from);
        if (n == 0) break;
        write_all(fd, std::string_view(buf, static_cast<size_t>(n)), tmp);
      }
    });
  } catch (...) {
    ::close(in);
    throw;
  }
  ::close(in);
  ++written_;
  return WriteResult::kWritten;
}

StreamingFile::StreamingFile(OutputWriter& writer, std::string_view rel)
    : path_(writer.resolve(rel)) {
  std::error_code ec;
  fs::create_directories(path_.parent_path(), ec);
  tmp_ = path_;
  tmp_ += ".tmp-" + std::to_string(::getpid()) + "-stream";
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) fail("cannot create", tmp_);
}

StreamingFile::~StreamingFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(tmp_.c_str());
  }
}

void StreamingFile::append(std::string_view bytes) {
  write_all(fd_, bytes, tmp_);
}

void StreamingFile::commit() {
  if (::close(fd_) != 0) fail("cannot write", tmp_);
  fd_ = -1;
  // Unchanged bytes leave the old file (and its timestamp) in place, as OutputWriter does.
  if (same_files(tmp_, path_)) {
    ::unlink(tmp_.c_str());
    return;
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) fail("cannot rename into place", path_);
}

}  // namespace bengal::output
