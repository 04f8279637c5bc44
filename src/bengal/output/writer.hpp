// Writes the site's files under the output directory. Writes are atomic (a temporary file in
// the same folder, then rename), and a file whose bytes would not change is left untouched so
// its timestamp stays and rsync-style deploys see no change. Every path is checked to stay
// inside the output directory.
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <string_view>

namespace bengal::output {

enum class WriteResult { kWritten, kUnchanged };

class OutputWriter {
 public:
  explicit OutputWriter(std::filesystem::path output_dir);

  const std::filesystem::path& root() const { return root_; }
  // The absolute path of `rel`, checked like every write.
  std::filesystem::path resolve(std::string_view rel) const;
  // `rel` is '/'-separated and relative to the output dir. Throws std::runtime_error for an
  // I/O failure or a path that would leave the output dir (a bug: URLs are checked earlier).
  WriteResult write(std::string_view rel, std::string_view bytes);
  // Copies a file, skipping the copy when the destination already has the same bytes.
  WriteResult copy_file(const std::filesystem::path& from, std::string_view rel);

  size_t written() const { return written_; }
  size_t unchanged() const { return unchanged_; }

 private:
  std::filesystem::path root_;
  std::atomic<size_t> written_{0};
  std::atomic<size_t> unchanged_{0};
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
  void commit();

 private:
  std::filesystem::path path_, tmp_;
  int fd_ = -1;
};

// True when `rel` is a relative path with no "..", "." or empty segment, no backslash and no
// NUL: a path that cannot name anything outside the folder it is joined to.
bool is_safe_relative_path(std::string_view rel);

}  // namespace bengal::output
