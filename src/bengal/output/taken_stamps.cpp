#include "bengal/output/taken_stamps.hpp"

#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <exception>

#include <xxhash.h>

namespace bengal::output {
namespace {

uint64_t hash_of(std::string_view rel) {
  return XXH3_64bits(rel.data(), rel.size());
}

}  // namespace

TakenStamps::TakenStamps(const std::filesystem::path& folder) {
  folder_fd_ = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  struct stat st {};
  if (folder_fd_ >= 0 && ::fstat(folder_fd_, &st) == 0) {
    folder_dev_ = st.st_dev;
    folder_ino_ = st.st_ino;
  } else if (folder_fd_ >= 0) {
    ::close(folder_fd_);
    folder_fd_ = -1;
  }
}

void TakenStamps::add(std::string_view rel) {
  if (folder_fd_ < 0 || paths_.size() + rel.size() >= UINT32_MAX) return;
  starts_.push_back(static_cast<uint32_t>(paths_.size()));
  hashes_.push_back(hash_of(rel));
  paths_.append(rel);
  paths_.push_back('\0');
}

void TakenStamps::start(std::function<void(TakenStamps&)> list) {
  if (folder_fd_ < 0 || thread_.joinable() || listed_.load()) {
    listed_.store(true);
    listed_.notify_all();
    return;
  }
  started_.store(true);
  thread_ = std::thread([this, list = std::move(list)] {
    try {
      if (list) list(*this);
    } catch (const std::exception&) {
      // A list that cannot be read (a damaged cache) gives no stamps: every file the build
      // keeps is then stat'ed where it is kept.
      hashes_.clear();
      starts_.clear();
      paths_.clear();
    }
    index();
    listed_.store(true, std::memory_order_release);
    listed_.notify_all();
    held_.wait(true);
    take();
  });
}

void TakenStamps::wait_listed() const {
  listed_.wait(false, std::memory_order_acquire);
}

void TakenStamps::index() {
  size_t n = hashes_.size();
  // At most two thirds full: a path not listed ends its probe soon.
  slots_.assign(std::bit_ceil(n + n / 2 + 2), Slot{});
  size_t mask = slots_.size() - 1;
  for (size_t i = 0; i < n; ++i) {
    size_t at = hashes_[i] & mask;
    while (slots_[at].index != 0 && slots_[at].hash != hashes_[i]) at = (at + 1) & mask;
    if (slots_[at].index == 0) slots_[at] = {hashes_[i], static_cast<uint32_t>(i + 1)};
  }
  std::vector<uint64_t>().swap(hashes_);
  entries_ = std::make_unique<Entry[]>(n);
}

TakenStamps::~TakenStamps() {
  stop_.store(true);
  release();
  if (thread_.joinable()) thread_.join();
  if (folder_fd_ >= 0) ::close(folder_fd_);
}

bool TakenStamps::of_folder(int fd) const {
  struct stat st {};
  return folder_fd_ >= 0 && ::fstat(fd, &st) == 0 && st.st_dev == folder_dev_ &&
         st.st_ino == folder_ino_;
}

int64_t TakenStamps::index_of(std::string_view rel) const {
  if (!listed_.load(std::memory_order_acquire) || slots_.empty()) return -1;
  uint64_t hash = hash_of(rel);
  size_t mask = slots_.size() - 1;
  for (size_t at = hash & mask; slots_[at].index != 0; at = (at + 1) & mask)
    if (slots_[at].hash == hash) return slots_[at].index - 1;
  return -1;
}

std::optional<std::optional<FileStamp>> TakenStamps::find(std::string_view rel) {
  int64_t i = index_of(rel);
  if (i < 0) return std::nullopt;
  Entry& entry = entries_[i];
  uint8_t state = kNotTaken;
  // Not taken yet: the caller stats the file itself, so the thread need not (it did so for a
  // third of the kept files of a warm 50K build, the renders having overtaken it).
  if (entry.state.compare_exchange_strong(state, kClaimed, std::memory_order_acquire))
    return std::nullopt;
  switch (state) {
    case kMissing:
      return std::optional<FileStamp>{};
    case kTaken:
      return entry.stamp;
    default:
      return std::nullopt;
  }
}

void TakenStamps::forget(std::string_view rel) {
  // A file written while the list is still read must not keep the stamp read after.
  if (!started_.load()) return;
  wait_listed();
  if (int64_t i = index_of(rel); i >= 0)
    entries_[i].state.store(kForgotten, std::memory_order_release);
}

void TakenStamps::wait() {
  if (thread_.joinable()) thread_.join();
}

void TakenStamps::take() {
  // Only when a core is idle: the build's own threads come first.
  sched_param param{};
  ::sched_setscheduler(0, SCHED_IDLE, &param);
  for (size_t i = 0; i < starts_.size() && !stop_.load(std::memory_order_relaxed); ++i) {
    Entry& entry = entries_[i];
    const char* rel = paths_.data() + starts_[i];
    if (entry.state.load(std::memory_order_relaxed) != kNotTaken || !is_safe_relative_path(rel))
      continue;
    std::optional<FileStamp> stamp = FileStamp::at(folder_fd_, rel);
    if (stamp) entry.stamp = *stamp;
    // A path forgotten or claimed meanwhile stays so.
    uint8_t expected = kNotTaken;
    entry.state.compare_exchange_strong(expected, stamp ? kTaken : kMissing,
                                        std::memory_order_release, std::memory_order_relaxed);
  }
  std::string().swap(paths_);
  std::vector<uint32_t>().swap(starts_);
}

}  // namespace bengal::output
