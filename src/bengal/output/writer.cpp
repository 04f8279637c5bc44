#include "bengal/output/writer.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <xxhash.h>

#include "bengal/core/read_set.hpp"
#include "bengal/output/taken_stamps.hpp"

namespace fs = std::filesystem;

namespace bengal::output {
namespace {

// What to do about a failed write, by errno.
std::string_view remedy(int error) {
  switch (error) {
    case ENOSPC:
    case EDQUOT:
      return "the build stopped and the output folder is incomplete: free space on that device "
             "(or build into another folder with -o) and build again";
    case EROFS:
      return "the build stopped and the output folder is incomplete: build into a writable "
             "folder with -o";
    case EISDIR:
      return "a folder is in the way; remove it and build again";
    case ENOTDIR:
    case EEXIST:
      return "a file is in the way of a folder; remove it and build again";
    case EACCES:
    case EPERM:
      return "check the permissions of the output folder";
    default:
      return "check the output folder and build again";
  }
}

bool stops_the_build(int error) {
  return error == ENOSPC || error == EDQUOT || error == EROFS;
}

// Writes all of `bytes`; 0, or the errno of the failed write.
int write_all(int fd, std::string_view bytes) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + pos, bytes.size() - pos);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    pos += static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace

FileStamp FileStamp::of(const struct ::stat& st) {
  FileStamp stamp;
  stamp.size = static_cast<uint64_t>(st.st_size);
  stamp.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  stamp.inode = static_cast<uint64_t>(st.st_ino);
  return stamp;
}

std::optional<FileStamp> FileStamp::at(int folder_fd, const char* rel) {
  struct stat st {};
  if (::fstatat(folder_fd, rel, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
    return std::nullopt;
  return of(st);
}

namespace {

// Opens an existing output file (`path` relative to the folder `dir`, or absolute) to read it.
// A symlink, FIFO or device put into the output folder is never read through (O_NOFOLLOW,
// O_NONBLOCK, regular files only): -1, and a write replaces it.
int open_existing_output(int dir, const char* path, struct stat& st) {
  int fd = ::openat(dir, path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return -1;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Compares a file's bytes with `bytes` without reading more than needed.
bool same_contents(const fs::path& path, std::string_view bytes) {
  struct stat st {};
  int fd = open_existing_output(AT_FDCWD, path.c_str(), st);
  if (fd < 0) return false;
  bool same = static_cast<size_t>(st.st_size) == bytes.size();
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

// True when the output file `out` has the bytes of the source file `in`; compares in chunks so
// large assets never sit in memory whole.
bool same_files(const fs::path& in, const fs::path& out) {
  struct stat sa {
  }, sb{};
  if (::stat(in.c_str(), &sa) != 0) return false;
  int fb = open_existing_output(AT_FDCWD, out.c_str(), sb);
  if (fb < 0) return false;
  int fa = sa.st_size == sb.st_size ? ::open(in.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK) : -1;
  bool same = fa >= 0;
  static constexpr size_t kChunk = size_t{64} * 1024;
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
  ::close(fb);
  return same;
}

// "ENOSPC@a/index.html" -> (ENOSPC, "a/index.html"); (0, "") when unset or unknown.
std::pair<int, std::string> fault_from_environment() {
  const char* spec = std::getenv("BENGAL_TEST_WRITE_FAULT");
  if (spec == nullptr) return {0, {}};
  std::string_view s(spec);
  size_t at = s.find('@');
  if (at == std::string_view::npos) return {0, {}};
  static constexpr std::pair<std::string_view, int> kNames[] = {
      {"ENOSPC", ENOSPC}, {"EDQUOT", EDQUOT}, {"EROFS", EROFS},
      {"EIO", EIO},       {"EACCES", EACCES}, {"EISDIR", EISDIR}};
  for (const auto& [name, error] : kNames)
    if (s.substr(0, at) == name) return {error, std::string(s.substr(at + 1))};
  return {0, {}};
}

// Removes a temporary file unless it was renamed into place.
struct TempFile {
  fs::path path;
  bool kept = false;
  ~TempFile() {
    if (!kept) ::unlink(path.c_str());
  }
};

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

OutputWriter::OutputWriter(fs::path output_dir)
    : root_(std::move(output_dir)), temp_dir_(root_ / kTempDir) {
  std::error_code ec;
  fs::create_directories(root_, ec);
  if (ec) {
    throw WriteError(
        fmt::format("cannot create the output folder {}: {}; check the path and its "
                    "permissions, or build into another folder with -o",
                    root_.string(), ec.message()));
  }
  lock_fd_ = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (lock_fd_ < 0) {
    throw WriteError(fmt::format("cannot open the output folder {}: {}; check its permissions",
                                 root_.string(), std::strerror(errno)));
  }
  // Two builds writing one folder would mix their files and remove each other's temporary
  // files; the lock goes with the process, so a killed build never leaves it held.
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(lock_fd_);
    throw WriteError(fmt::format(
        "another bengal build is writing to {}; wait for it to finish or build into another "
        "folder with -o",
        root_.string()));
  }
  fs::remove_all(temp_dir_, ec);  // what a killed build left
  std::error_code listed;
  was_empty_ = fs::directory_iterator(root_, listed) == fs::directory_iterator() && !listed;
  if (!ec) fs::create_directory(temp_dir_, ec);
  if (ec) {
    ::close(lock_fd_);
    throw WriteError(fmt::format("cannot create {}: {}; check the output folder",
                                 temp_dir_.string(), ec.message()));
  }
  std::tie(fault_errno_, fault_rel_) = fault_from_environment();
}

OutputWriter::~OutputWriter() {
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);
  ::close(lock_fd_);
}

const char* OutputWriter::refusal(std::string_view rel) {
  if (!is_safe_relative_path(rel)) return "refusing to write outside the output directory: ";
  // The temporary folder is emptied at the end of the build: nothing may be published there.
  if (rel.starts_with(kTempDir) && (rel.size() == kTempDir.size() || rel[kTempDir.size()] == '/'))
    return "refusing to write into the temporary folder: ";
  return nullptr;
}

fs::path OutputWriter::resolve(std::string_view rel) const {
  if (const char* why = refusal(rel)) throw std::runtime_error(why + std::string(rel));
  return root_ / fs::path(std::string(rel));
}

std::optional<FileStamp> OutputWriter::stamp(std::string_view rel) const {
  if (refusal(rel) != nullptr) return std::nullopt;
  return FileStamp::at(lock_fd_, std::string(rel).c_str());
}

void OutputWriter::use_taken_stamps(TakenStamps* taken) {
  taken_ = taken != nullptr && taken->of_folder(lock_fd_) ? taken : nullptr;
}

std::optional<FileStamp> OutputWriter::kept_stamp(std::string_view rel) const {
  if (taken_ != nullptr && refusal(rel) == nullptr) {
    if (std::optional<std::optional<FileStamp>> taken = taken_->find(rel)) return *taken;
  }
  return stamp(rel);
}

int OutputWriter::open_for_reading(std::string_view rel, FileStamp& stamp) const {
  if (refusal(rel) != nullptr) return -1;
  struct stat st {};
  int fd = open_existing_output(lock_fd_, std::string(rel).c_str(), st);
  if (fd >= 0) stamp = FileStamp::of(st);
  return fd;
}

fs::path OutputWriter::temp_path() {
  // Short names keep any output file name up to NAME_MAX writable.
  return temp_dir_ / fmt::format("{}", temp_counter_++);
}

void OutputWriter::fail(const fs::path& path, int error) {
  ++failed_;
  std::string message =
      fmt::format("cannot write {}: {}; {}", path.string(), std::strerror(error), remedy(error));
  if (!stops_the_build(error)) throw WriteError(message);
  std::lock_guard lock(mutex_);
  if (!stopped_) {
    stop_message_ = std::move(message);
    stopped_ = true;
  }
  throw OutputStopped(stop_message_);
}

void OutputWriter::check_stopped() const {
  if (!stopped_) return;
  std::lock_guard lock(mutex_);
  throw OutputStopped(stop_message_);
}

int OutputWriter::fault_for(std::string_view rel) const {
  return fault_errno_ != 0 && rel == fault_rel_ ? fault_errno_ : 0;
}

bool OutputWriter::make_parent_folders(std::string_view rel) {
  size_t slash = rel.find('/');
  bool made = false;
  while (slash != std::string_view::npos) {
    made = false;
    std::string folder(rel.substr(0, slash));
    slash = rel.find('/', slash + 1);
    {
      std::lock_guard lock(mutex_);
      if (folders_.contains(folder)) continue;
    }
    fs::path path = root_ / folder;
    struct stat st {};
    // Another thread may create the folder between lstat and mkdir: EEXIST, then look again.
    // A folder this mkdir made is a folder; it is not looked at again. Into a folder that was
    // empty, a folder is most likely new: made first, and looked at only when that fails (a
    // million pages' folders, a million system calls fewer).
    if (in_place_ && ::mkdir(path.c_str(), 0755) == 0) {
      st.st_mode = S_IFDIR;
      made = true;
    } else if (::lstat(path.c_str(), &st) != 0) {
      if (errno == ENOENT && ::mkdir(path.c_str(), 0755) == 0) {
        st.st_mode = S_IFDIR;
        made = true;
      } else if (errno != EEXIST || ::lstat(path.c_str(), &st) != 0) {
        int error = errno;
        fail(resolve(rel), error);
      }
    }
    // A symlink inside the output folder could point anywhere: writing through it would
    // create files outside the output folder.
    if (S_ISLNK(st.st_mode)) {
      ++failed_;
      throw WriteError(
          fmt::format("cannot write {}: {} is a symlink; bengal does not write "
                      "through symlinks in the output folder: remove it",
                      resolve(rel).string(), path.string()));
    }
    if (!S_ISDIR(st.st_mode)) fail(resolve(rel), ENOTDIR);
    constexpr size_t kFoldersRemembered = 4096;
    std::lock_guard lock(mutex_);
    if (folders_.size() >= kFoldersRemembered) folders_.clear();
    folders_.insert(std::move(folder));
  }
  return made;
}

namespace {

// Creates `file`, which must not exist (O_EXCL; `flags` adds to the open), and fills it;
// `fault` (tests) fails the fill with that errno. Returns the errno of a failed fill or close,
// or 0. An open that fails is a WriteError for `path`, the output file.
template <typename Fill>
int create_and_fill(OutputWriter& writer, const fs::path& file, const fs::path& path, int flags,
                    int fault, Fill& fill) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | flags, 0644);
  if (fd < 0) writer.fail(path, errno);
  int error = fault;
  try {
    if (error == 0) error = fill(fd);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  return error;
}

// Writes through a temporary file and renames it into place, so a reader never sees half a
// file. `fill` writes the bytes to the open descriptor and returns 0 or the errno of a failed
// write.
template <typename Fill>
void write_atomically(OutputWriter& writer, std::string_view rel, int fault, Fill fill) {
  fs::path path = writer.resolve(rel);
  writer.make_parent_folders(rel);
  TempFile tmp{writer.temp_path()};
  int error = create_and_fill(writer, tmp.path, path, 0, fault, fill);
  if (error == 0 && ::rename(tmp.path.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) writer.fail(path, error);
  tmp.kept = true;
}

}  // namespace

namespace {

// Calls `fn(rel)` for each path of a manifest string (each path followed by a NUL).
template <typename Fn>
void for_each_path(std::string_view manifest, Fn&& fn) {
  for (size_t at = 0; at < manifest.size();) {
    size_t end = manifest.find('\0', at);
    fn(manifest.substr(at, end - at));
    at = end + 1;
  }
}

}  // namespace

void OutputWriter::note(std::string_view rel) {
  reads::output_written(rel);
  keep(rel);
  if (taken_ != nullptr) taken_->forget(rel);
}

void OutputWriter::keep(std::string_view rel) {
  if (!keeps_manifest_) return;
  std::lock_guard lock(mutex_);
  manifest_.append(rel);
  manifest_.push_back('\0');
}

std::string OutputWriter::manifest_digest(uint64_t seed) const {
  uint64_t count = 0, low = 0, high = 0;
  std::lock_guard lock(mutex_);
  for_each_path(manifest_, [&](std::string_view rel) {
    XXH128_hash_t hash = XXH3_128bits_withSeed(rel.data(), rel.size(), seed);
    ++count;
    low += hash.low64;
    high += hash.high64;
  });
  return fmt::format("{}-{:016x}{:016x}", count, high, low);
}

std::vector<std::string_view> OutputWriter::manifest() const {
  // An empty list would have --clean remove every file of the folder.
  if (!keeps_manifest_) throw std::logic_error("the output writer was told to keep no manifest");
  std::vector<std::string_view> out;
  {
    std::lock_guard lock(mutex_);
    for_each_path(manifest_, [&](std::string_view rel) { out.push_back(rel); });
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

WriteResult OutputWriter::write(std::string_view rel, std::string_view bytes) {
  check_stopped();
  fs::path path = resolve(rel);
  note(rel);
  auto fill = [&](int fd) { return write_all(fd, bytes); };
  int fault = fault_for(rel);
  if (in_place_ && fault == 0 && make_parent_folders(rel)) {
    // A folder made just now: no file to compare with, and O_EXCL would see one.
    if (int error = create_and_fill(*this, path, path, O_NOFOLLOW, 0, fill)) {
      ::unlink(path.c_str());
      fail(path, error);
    }
    ++written_;
    ++written_in_place_;
    return WriteResult::kWritten;
  }
  if (same_contents(path, bytes)) {
    ++unchanged_;
    return WriteResult::kUnchanged;
  }
  write_atomically(*this, rel, fault, fill);
  ++written_;
  return WriteResult::kWritten;
}

WriteResult OutputWriter::link_file(const fs::path& from, std::string_view rel) {
  check_stopped();
  if (fault_for(rel) == 0) {
    fs::path path = resolve(rel);
    make_parent_folders(rel);
    fs::path tmp = temp_path();
    // link() does not follow a symlink at `from`: it would link the symlink, so the result is
    // checked to be a regular file before it takes the path.
    struct stat st {};
    if (::link(from.c_str(), tmp.c_str()) == 0) {
      if (::lstat(tmp.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
          ::rename(tmp.c_str(), path.c_str()) == 0) {
        note(rel);
        ++written_;
        return WriteResult::kWritten;
      }
      ::unlink(tmp.c_str());
    }
  }
  return copy_file(from, rel);  // another file system, or links not allowed
}

WriteResult OutputWriter::copy_file(const fs::path& from, std::string_view rel) {
  check_stopped();
  fs::path path = resolve(rel);
  note(rel);
  if (same_files(from, path)) {
    ++unchanged_;
    return WriteResult::kUnchanged;
  }
  // Regular files only: a FIFO would block the copy forever, a device never end.
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  struct stat st {};
  if (in >= 0 && (::fstat(in, &st) != 0 || !S_ISREG(st.st_mode))) {
    ::close(in);
    in = -1;
    errno = EINVAL;
  }
  // A source that cannot be read is reported like a broken page, not as an output failure.
  if (in < 0) {
    throw std::runtime_error(
        fmt::format("cannot read {}: {}; the file was not copied", from.string(),
                    errno == EINVAL ? "not a regular file" : std::strerror(errno)));
  }
  auto copy = [&](int fd) {
    char buf[64 * 1024];
    for (;;) {
      ssize_t n = ::read(in, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        throw std::runtime_error(fmt::format("cannot read {}: {}; the file was not copied",
                                             from.string(), std::strerror(errno)));
      }
      if (n == 0) return 0;
      if (int error = write_all(fd, std::string_view(buf, static_cast<size_t>(n)))) return error;
    }
  };
  try {
    write_atomically(*this, rel, fault_for(rel), copy);
  } catch (...) {
    ::close(in);
    throw;
  }
  ::close(in);
  ++written_;
  return WriteResult::kWritten;
}

StreamingFile::StreamingFile(OutputWriter& writer, std::string_view rel)
    : writer_(writer), rel_(rel), path_(writer.resolve(rel)) {
  writer_.make_parent_folders(rel_);
  tmp_ = writer_.temp_path();
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd_ < 0) writer_.fail(path_, errno);
}

StreamingFile::~StreamingFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(tmp_.c_str());
  }
}

void StreamingFile::append(std::string_view bytes) {
  if (int error = write_all(fd_, bytes)) writer_.fail(path_, error);
}

void StreamingFile::append_from(int from, uint64_t offset, uint64_t size) {
  auto at = static_cast<off_t>(offset);
  while (size > 0) {
    ssize_t n = ::copy_file_range(from, &at, fd_, nullptr, size, 0);
    if (n > 0) {
      size -= static_cast<uint64_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) throw std::runtime_error("the file to copy from ended early");
    // Files the kernel cannot copy between: read and write them.
    if (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) break;
    writer_.fail(path_, errno);
  }
  std::string buf;
  while (size > 0) {
    buf.resize(std::min<uint64_t>(size, 1 << 20));
    ssize_t n = ::pread(from, buf.data(), buf.size(), at);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw std::runtime_error(
          n == 0 ? "the file to copy from ended early"
                 : fmt::format("cannot read the file to copy from: {}", std::strerror(errno)));
    }
    append({buf.data(), static_cast<size_t>(n)});
    at += n;
    size -= static_cast<uint64_t>(n);
  }
}

void StreamingFile::commit() {
  writer_.keep(rel_);
  if (writer_.taken_ != nullptr) writer_.taken_->forget(rel_);
  TempFile tmp{tmp_};
  int error = ::close(fd_) != 0 ? errno : 0;
  fd_ = -1;
  if (error != 0) writer_.fail(path_, error);
  // Unchanged bytes leave the old file (and its timestamp) in place, as OutputWriter does.
  if (same_files(tmp_, path_)) {
    writer_.count(WriteResult::kUnchanged);
    return;
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) writer_.fail(path_, errno);
  tmp.kept = true;
  writer_.count(WriteResult::kWritten);
}

}  // namespace bengal::output
