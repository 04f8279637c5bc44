// The stamps of an output folder's files as the build found them, taken on a thread of their
// own while the build reads its sources (docs/content/reference/internals.md, "Rendering").
//
// A warm build keeps most files of the last one, and checks that each is as that build left
// it: 79,000 lstat calls at 50K pages, a third of the render phase's CPU when the renders made
// them, each walking its path in the kernel. Nothing in the build needs them before the first
// render, and discovery, index and plan leave one core idle for part of their time: the
// thread runs at the idle priority and takes the stamps then, in the files' sorted order.
//
// A stamp taken says what the file was when the build started, not when it is kept; the build
// itself is the only writer of the folder it locks, and the writer forgets the stamp of every
// file it writes (OutputWriter::kept_stamp), so the two differ only for a file changed from
// outside while the build runs, as a stat made later could miss too.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bengal/output/writer.hpp"

namespace bengal::output {

class TakenStamps {
 public:
  // Stamps of files of `folder`; none when it cannot be opened (a first build makes it).
  explicit TakenStamps(const std::filesystem::path& folder);
  ~TakenStamps();  // stops taking stamps and waits for the thread
  TakenStamps(const TakenStamps&) = delete;
  TakenStamps& operator=(const TakenStamps&) = delete;

  // Lists `rel`, a '/'-separated path of a file of the folder. A path that could name
  // something outside the folder is never looked at.
  void add(std::string_view rel);
  // Starts a thread of its own that calls `list` (which add()s each file to take the stamp
  // of), at the priority of the caller, then takes the stamps. Once.
  void start(std::function<void(TakenStamps&)> list = {});
  // Waits until `list` has returned: what it reads is the caller's again.
  void wait_listed() const;

  // Whether the stamps are of the folder open as `fd`: not when it was replaced since.
  bool of_folder(int fd) const;
  // What lstat said of `rel` when its stamp was taken: nothing inside when it was missing or
  // not a regular file. Nothing at all when no stamp of it is at hand: not listed, not taken
  // yet (it is then never taken: the caller looks itself), or forgotten. Thread-safe.
  //
  // Paths are looked up by a 64-bit hash, and two that share one share a stamp: a stamp holds
  // the inode, so a file checked against another's is never taken for itself, only written
  // again.
  std::optional<std::optional<FileStamp>> find(std::string_view rel);
  // `rel` is about to be written: its stamp no longer says anything. Thread-safe.
  void forget(std::string_view rel);
  // Waits until every stamp is taken (for tests: the build never waits).
  void wait();
  // For tests: hold() before start() makes the thread wait after listing, before it takes any
  // stamp, until release(); what a caller asks about meanwhile is the caller's to stat.
  void hold() { held_.store(true); }
  void release() {
    held_.store(false);
    held_.notify_all();
  }

 private:
  enum State : uint8_t { kNotTaken, kMissing, kTaken, kForgotten, kClaimed };
  // The index of `rel` in the list, or -1.
  int64_t index_of(std::string_view rel) const;
  // The lookup table of the files listed (on the thread, once listed).
  void index();
  void take();

  int folder_fd_ = -1;
  uint64_t folder_dev_ = 0, folder_ino_ = 0;
  // The paths listed, each followed by a NUL, and where each starts: one block, given back
  // once the stamps are taken.
  std::string paths_;
  std::vector<uint32_t> starts_;
  std::vector<uint64_t> hashes_;  // by index: the hash of its path, until index()
  // Open addressing by hash, each slot with its hash and each entry with its state, so that a
  // lookup misses the cache twice, not four times.
  struct Slot {
    uint64_t hash = 0;
    uint32_t index = 0;  // index + 1, or 0 for none
  };
  struct Entry {
    FileStamp stamp;
    std::atomic<uint8_t> state{kNotTaken};  // a State; the stamp is read once kTaken
  };
  std::vector<Slot> slots_;
  std::unique_ptr<Entry[]> entries_;  // by index
  std::atomic<bool> stop_{false};
  std::atomic<bool> held_{false};     // hold()
  std::atomic<bool> started_{false};  // a thread lists the files
  std::atomic<bool> listed_{false};   // index() has run: find() and forget() may look
  std::thread thread_;
};

}  // namespace bengal::output
