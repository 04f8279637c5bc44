// Writes the site's files under the output directory. Writes are atomic (a temporary file,
// then rename), and a file whose bytes would not change is left untouched so its timestamp
// stays and rsync-style deploys see no change. Every path is checked to stay inside the output
// directory, and nothing is written through a symlink found inside it.
//
// A `bengal build` into an empty output folder writes each file in a folder it has just made
// where it goes instead (set_in_place_in_new_folders): nothing is there to compare with, and
// a partly written file can only be one of a build that did not finish, which the next build
// replaces (its bytes differ). That saves the rename and the temporary folder's lock for
// almost every page of a first build. `bengal serve` serves a folder while it builds it, so
// it always renames into place.
//
// Temporary files live in one hidden folder of the output dir, `.bengal-tmp/`, with short
// names: a build killed mid-write leaves them only there, and the next build (or the end of
// this one) removes that folder. A lock on the output dir keeps a second build from writing
// into it at the same time.
#pragma once

#include <atomic>
#include <filesystem>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

struct stat;

namespace bengal::output {

class TakenStamps;

// An output file could not be written; the message names it, the reason and what to do.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The output device takes no more files (ENOSPC, EDQUOT, EROFS). Every later write would fail
// the same way, so the build must stop: once thrown, every later write throws it again with
// the first message, and callers let it propagate instead of reporting it per file.
class OutputStopped : public WriteError {
 public:
  using WriteError::WriteError;
};

enum class WriteResult { kWritten, kUnchanged };

// An output file as lstat sees it: enough to tell that it is the very file a build left. The
// inode tells it from a file of another folder with the same size and time (`bengal serve`
// builds a version into the folder of the version before last; a coarse clock gives files
// written within a few milliseconds the same time).
struct FileStamp {
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t inode = 0;
  bool operator==(const FileStamp&) const = default;
  static FileStamp of(const struct ::stat& st);
  // What lstat says of `rel` in the folder open as `folder_fd`: nothing when it is missing or
  // not a regular file. The caller checks `rel`.
  static std::optional<FileStamp> at(int folder_fd, const char* rel);
};

class OutputWriter {
 public:
  // The hidden folder of temporary files, relative to the output dir.
  static constexpr std::string_view kTempDir = ".bengal-tmp";

  // Creates the output dir, locks it and empties the temporary folder a killed build may have
  // left. Throws WriteError when it cannot, or when another build holds the lock.
  // For tests, the environment variable BENGAL_TEST_WRITE_FAULT="ENOSPC@a/index.html" makes
  // the write of that file fail with that error (ENOSPC, EDQUOT, EROFS, EIO, EACCES).
  explicit OutputWriter(std::filesystem::path output_dir);
  ~OutputWriter();  // removes the temporary folder and releases the lock
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  const std::filesystem::path& root() const { return root_; }
  // Whether a file in a folder made by this writer (in the same call) is written in place,
  // without a temporary file; only when the output folder was empty when the writer opened it.
  void set_in_place_in_new_folders(bool on) { in_place_ = on && was_empty_; }
  // The absolute path of `rel`, checked like every write.
  std::filesystem::path resolve(std::string_view rel) const;
  // `rel` is '/'-separated and relative to the output dir. Throws WriteError for an I/O
  // failure (OutputStopped when the device is full or read-only) and std::runtime_error for a
  // path that would leave the output dir (a bug: URLs are checked earlier).
  WriteResult write(std::string_view rel, std::string_view bytes);
  // Copies a regular file, skipping the copy when the destination already has the same bytes.
  // A source that cannot be read (or is not a regular file) throws std::runtime_error, not
  // WriteError: it is a broken input, not a failed output.
  WriteResult copy_file(const std::filesystem::path& from, std::string_view rel);
  // The same file as a hard link to `from` where the file system allows one (the same device),
  // else a copy. Only for a source that nothing will change in place: `bengal merge` links
  // the files of shard folders, which bengal replaces by rename, never rewrites.
  WriteResult link_file(const std::filesystem::path& from, std::string_view rel);

  // What lstat says of `rel`, a file of the folder (checked like every write): nothing when it
  // is missing or not a regular file. The lookup starts at the folder, opened once: a warm
  // build checks every file it keeps.
  std::optional<FileStamp> stamp(std::string_view rel) const;
  // Stamps of the folder's files taken as the build started (taken_stamps.hpp), for
  // kept_stamp(); ignored unless they are of this very folder. `taken` outlives the writer.
  void use_taken_stamps(TakenStamps* taken);
  // The stamp of `rel`, a file the build keeps from the last one, to tell that it is the file
  // that build left: its taken stamp, unless this build wrote it since or none was taken, else
  // stamp()'s.
  std::optional<FileStamp> kept_stamp(std::string_view rel) const;
  // Opens `rel`, a regular file of the folder, to read it (never through a symlink in its
  // place, never blocking on a FIFO); -1 when it cannot. `stamp` gets the open file's stamp,
  // so the caller can tell it is the file it expects. The caller closes the descriptor.
  int open_for_reading(std::string_view rel, FileStamp& stamp) const;

  // A new, unused path in the temporary folder, for a file that is renamed into place later.
  std::filesystem::path temp_path();
  // Creates the folders of `rel`'s parent, refusing to go through a symlink or a file. Throws
  // WriteError. True when it made `rel`'s own folder, which then holds nothing else.
  bool make_parent_folders(std::string_view rel);
  // Builds a WriteError for `path` from errno `error` (an OutputStopped for a full or
  // read-only device, which also stops every later write) and throws it.
  [[noreturn]] void fail(const std::filesystem::path& path, int error);

  // Whether the writer lists the files of this build (on by default). Only the build cache
  // and --clean read the list; a cold build without either leaves it off, since the paths of
  // a million-page site's 1.6M files are 48 MB held to the end of the build.
  void set_keeps_manifest(bool on) { keeps_manifest_ = on; }
  // Every file of this build, output-relative, sorted and each once: those written (changed
  // or not) and those kept from the build before (keep). The incremental build removes the
  // files of the last manifest that are not in this one, and --clean every other file of the
  // folder. Views of the writer's own list (16 bytes a file, where a string each took 60
  // more: 100 MB at a million pages), valid while nothing more is written or kept.
  // Throws std::logic_error when the writer keeps none (a bug: --clean would remove all).
  std::vector<std::string_view> manifest() const;
  // A digest of the manifest that does not depend on the order of its paths: their count and
  // the sums of their 128-bit hashes under `seed`. The same digest is the same manifest, so a
  // build that left the files of the last one need not sort and compare both. The seed is a
  // secret of the cache (BuildCache::manifest_seed), so that no one can choose paths whose
  // sums collide.
  std::string manifest_digest(uint64_t seed) const;
  // A file of the build before that this build keeps as it is (a page not rendered again).
  void keep(std::string_view rel);

  // Counts a file that a StreamingFile committed, as write() counts its own.
  void count(WriteResult result) { ++(result == WriteResult::kWritten ? written_ : unchanged_); }
  size_t written() const { return written_; }
  size_t written_in_place() const { return written_in_place_; }  // of written()
  size_t unchanged() const { return unchanged_; }
  size_t failed() const { return failed_; }  // WriteErrors thrown, OutputStopped included

 private:
  void check_stopped() const;
  // Why `rel` may not be written (a message to end with `rel`), or null when it may.
  static const char* refusal(std::string_view rel);
  // A file about to be written: noted in the manifest and in the read set of the render
  // writing it, and its taken stamp forgotten.
  void note(std::string_view rel);
  // The injected fault for `rel` (0: none).
  int fault_for(std::string_view rel) const;

  std::filesystem::path root_, temp_dir_;
  int lock_fd_ = -1;
  std::atomic<size_t> written_{0};
  std::atomic<size_t> written_in_place_{0};
  std::atomic<size_t> unchanged_{0};
  std::atomic<size_t> failed_{0};
  std::atomic<uint64_t> temp_counter_{0};
  std::atomic<bool> stopped_{false};
  bool was_empty_ = false;  // the output folder held nothing when opened
  bool in_place_ = false;
  bool keeps_manifest_ = true;
  mutable std::mutex mutex_;
  std::string stop_message_;  // guarded by mutex_
  // Folders known to be real, guarded by mutex_. Forgotten every 4,096 folders
  // (then checked again): a million-page site has a million folders.
  std::unordered_set<std::string> folders_;
  // The manifest's paths, each followed by a NUL: a std::string each would double its size.
  std::string manifest_;  // guarded by mutex_
  std::string fault_rel_;
  int fault_errno_ = 0;
  TakenStamps* taken_ = nullptr;

  friend class StreamingFile;
};

// A file written piece by piece (the search index as pages render), so it is never held in
// memory whole. Appends go to a temporary file that commit() renames into place.
class StreamingFile {
 public:
  StreamingFile(OutputWriter& writer, std::string_view rel);
  ~StreamingFile();  // an uncommitted file is removed
  StreamingFile(const StreamingFile&) = delete;
  StreamingFile& operator=(const StreamingFile&) = delete;
  void append(std::string_view bytes);
  // Appends `size` bytes of the open file `from`, from `offset` on, copied by the kernel where
  // the file system can (copy_file_range), else read and written. Throws std::runtime_error
  // when `from` holds fewer bytes or cannot be read.
  void append_from(int from, uint64_t offset, uint64_t size);
  void commit();

 private:
  OutputWriter& writer_;
  std::string rel_;
  std::filesystem::path path_, tmp_;
  int fd_ = -1;
};

// True when `rel` is a relative path with no "..", "." or empty segment, no backslash and no
// NUL: a path that cannot name anything outside the folder it is joined to.
bool is_safe_relative_path(std::string_view rel);

}  // namespace bengal::output
