#include "bengal/core/spill_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <stdexcept>

namespace bengal {

SpillFile::SpillFile(const std::filesystem::path& folder, std::string_view name)
    : what_(std::string(name)) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  std::filesystem::path path = folder / ("." + what_ + "-" + std::to_string(::getpid()));
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd_ < 0) throw std::runtime_error("cannot create " + path.string());
  ::unlink(path.c_str());  // gone from the folder at once; the data lives until close
}

SpillFile::~SpillFile() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
  if (fd_ >= 0) ::close(fd_);
}

std::string_view SpillFile::map() {
  if (map_ == nullptr && end_ > 0) {
    void* at = ::mmap(nullptr, end_, PROT_READ, MAP_SHARED, fd_, 0);
    if (at == MAP_FAILED) throw std::runtime_error("cannot map the spill file " + what_);
    map_ = at;
    map_size_ = end_;
  }
  return {static_cast<const char*>(map_), map_size_};
}

void SpillFile::release_mapped() const {
  // Clean pages of a shared file mapping: dropping them loses nothing.
  if (map_ != nullptr) ::madvise(map_, map_size_, MADV_DONTNEED);
}

uint64_t SpillFile::append(std::string_view bytes) {
  uint64_t at = end_;
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n =
        ::pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(at + done));
    if (n <= 0) throw std::runtime_error("cannot write the spill file " + what_);
    done += static_cast<size_t>(n);
  }
  end_ += bytes.size();
  return at;
}

void SpillFile::read(uint64_t offset, size_t size, std::string& out) const {
  size_t at = out.size();
  out.resize(at + size);
  size_t done = 0;
  while (done < size) {
    ssize_t n =
        ::pread(fd_, out.data() + at + done, size - done, static_cast<off_t>(offset + done));
    if (n <= 0) throw std::runtime_error("cannot read the spill file " + what_);
    done += static_cast<size_t>(n);
  }
}

}  // namespace bengal
