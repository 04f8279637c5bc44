#include "bengal/pipeline/search_index.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "bengal/core/json_text.hpp"
#include "bengal/core/unicode_case.hpp"

namespace bengal::pipeline {
namespace {

constexpr const char* kChanged =
    "the last build's index.json changed during the build; build again";

// index.json as it is assembled: entries, separated and bracketed, appended in page id order;
// runs of entries that followed one another in the last build's file are copied from it whole.
class IndexJson {
 public:
  IndexJson(output::OutputWriter& writer, KeptEntries* kept)
      : file_(writer, "index.json"), kept_(kept) {}
  // Where the next entry starts.
  uint64_t next() const { return written_ + separator().size(); }
  void add(std::string_view entry) {
    end_run();
    json_ += separator();
    json_ += entry;
    written_ += separator().size() + entry.size();
    first_ = false;
    if (json_.size() > (1 << 20)) flush();
  }
  // Page `id`'s entry in the last build's file.
  void add_kept(PageId id) {
    EntrySpan span = kept_->span(id);
    uint64_t gap = separator().size();
    // Entries that followed one another are two bytes apart (",\n"), as here.
    if (run_end_ != 0 && span.offset == run_end_ + gap) {
      run_end_ = span.offset + span.size;
    } else {
      end_run();
      json_ += separator();
      run_start_ = span.offset;
      run_end_ = span.offset + span.size;
    }
    written_ += gap + span.size;
    first_ = false;
  }
  void commit() {
    end_run();
    json_ += "\n]\n";
    flush();
    file_.commit();
  }

 private:
  std::string_view separator() const { return first_ ? "\n" : ",\n"; }
  void end_run() {
    if (run_end_ == 0) return;
    flush();
    kept_->copy(run_start_, run_end_, file_);
    run_end_ = 0;
  }
  void flush() {
    file_.append(json_);
    json_.clear();
  }
  output::StreamingFile file_;
  KeptEntries* kept_;
  std::string json_ = "[";
  uint64_t written_ = 1;  // bytes of the file so far, "[" included
  bool first_ = true;
  uint64_t run_start_ = 0, run_end_ = 0;  // a run of kept entries not copied yet (end 0: none)
};

}  // namespace

void append_search_entry(std::string& json, const site::Site& site, PageId id,
                         const std::string* text, ColdReader& cold) {
  const auto& m = site.page(id);
  json += "{\"url\":";
  append_json_string(json, site.rel_url(id));
  json += ",\"title\":";
  append_json_string(json, site.str(m.title));
  // Cold text is copied, not read through the map: the index reads every page's, and the
  // mapped file would stay resident whole (core/string_pool.hpp).
  json += ",\"description\":";
  append_json_string(json, cold.get(m.description));
  json += ",\"summary\":";
  append_json_string(json, cold.get(m.summary));
  json += ",\"tags\":[";
  bool first = true;
  for (StrId t : site.table.list(m.tags)) {
    if (!first) json += ',';
    first = false;
    append_json_string(json, site.str(t));
  }
  json += "],\"section\":";
  append_json_string(
      json, m.section == kNoPage ? std::string_view() : site.str(site.page(m.section).title));
  json += ",\"date\":";
  if (m.has_date) {
    append_json_string(json, m.date.to_rfc3339());
  } else {
    json += "null";
  }
  json += ",\"word_count\":" + std::to_string(m.word_count) + ",\"kind\":";
  append_json_string(json, m.kind == content::PageKind::kPage      ? "page"
                           : m.kind == content::PageKind::kSection ? "section"
                                                                   : "home");
  if (text != nullptr) {
    json += ",\"text\":";
    append_json_string(json, *text);
  }
  json += "}";
}

namespace {

// Whether `html` at `at` is a tag of the element `name` ("<script", "</STYLE>"): '<', then '/'
// when `closing`, then its name in any case, then a blank, '>' or '/'.
bool is_tag(std::string_view html, size_t at, std::string_view name, bool closing) {
  size_t start = at + (closing ? 2 : 1);
  if (start + name.size() >= html.size() || html[at] != '<' || (closing && html[at + 1] != '/') ||
      !equals_ascii_ignoring_case(html.substr(start, name.size()), name))
    return false;
  char after = html[start + name.size()];
  return after == '>' || after == '/' || after == ' ' || after == '\t' || after == '\n';
}

// Where what shows nothing and starts at `at` ends: a comment, or a script or style element
// with its text. `at` itself when none starts there.
size_t past_hidden(std::string_view html, size_t at) {
  if (html.substr(at, 4) == "<!--") {
    size_t end = html.find("-->", at + 4);
    return end == std::string_view::npos ? html.size() : end + 3;
  }
  for (std::string_view name : {std::string_view("script"), std::string_view("style")}) {
    if (!is_tag(html, at, name, false)) continue;
    for (size_t end = html.find("</", at + 1); end != std::string_view::npos;
         end = html.find("</", end + 2)) {
      if (!is_tag(html, end, name, true)) continue;
      size_t close = html.find('>', end);
      return close == std::string_view::npos ? html.size() : close + 1;
    }
    return html.size();
  }
  return at;
}

}  // namespace

std::string plain_text(std::string_view html) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"},   {"&lt;", "<"},   {"&gt;", ">"},
      {"&quot;", "\""}, {"&#x27;", "'"}, {"&#39;", "'"}};
  std::string out;
  bool space = false, in_tag = false;
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (in_tag) {
      if (c == '>') {
        in_tag = false;
        space = true;  // a tag separates words ("<p>a</p><p>b</p>" is "a b")
      }
      continue;
    }
    if (c == '<') {
      if (size_t past = past_hidden(html, i); past != i) {
        i = past - 1;
        space = true;
        continue;
      }
      in_tag = true;
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    bool decoded = false;
    if (c == '&') {
      for (auto [from, to] : kEntities) {
        if (html.substr(i, from.size()) == from) {
          out += to;
          i += from.size() - 1;
          decoded = true;
          break;
        }
      }
    }
    if (!decoded) out += c;
  }
  return out;
}

std::unique_ptr<KeptEntries> KeptEntries::open(const output::OutputWriter& writer,
                                               std::string_view rel, const output::FileStamp& stamp,
                                               std::vector<EntrySpan> spans) {
  output::FileStamp now;
  int fd = writer.open_for_reading(rel, now);
  if (fd < 0) return nullptr;
  std::unique_ptr<KeptEntries> kept(new KeptEntries(fd, std::move(spans)));
  if (now != stamp) return nullptr;
  uint64_t end = 0;
  for (const EntrySpan& span : kept->spans_) {
    if (span.size == 0) continue;
    if (span.offset < end || span.offset > stamp.size || span.size > stamp.size - span.offset)
      return nullptr;
    end = span.offset + span.size;
  }
  return kept;
}

KeptEntries::~KeptEntries() {
  ::close(fd_);
}

char KeptEntries::byte_at(uint64_t offset) const {
  char c = 0;
  ssize_t n = 0;
  do {
    n = ::pread(fd_, &c, 1, static_cast<off_t>(offset));
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    throw std::runtime_error(
        fmt::format("cannot read the last build's index.json: {}", std::strerror(errno)));
  }
  return n == 1 ? c : '\0';
}

void KeptEntries::copy(uint64_t start, uint64_t end, output::StreamingFile& file) {
  if (byte_at(start) != '{' || byte_at(end - 1) != '}') throw std::runtime_error(kChanged);
  try {
    file.append_from(fd_, start, end - start);
  } catch (const output::WriteError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(fmt::format("cannot read the last build's index.json: {}", e.what()));
  }
}

SearchSpill::SearchSpill(const output::OutputWriter& writer, size_t pages)
    : file_(writer.root(), "bengal-search-spill"), where_(pages, {0, kNone}) {}

void SearchSpill::add(PageId id, std::string_view entry) {
  where_[id] = {file_.append(entry), static_cast<uint32_t>(entry.size())};
}

void SearchSpill::add_kept(PageId id) {
  where_[id] = {0, kKept};
}

bool SearchSpill::read(PageId id, std::string& out) const {
  auto [offset, size] = where_[id];
  if (size == kNone) return false;
  // write_search_index copies kept entries from the last index.json without reading them.
  if (size == kKept) throw std::logic_error("a kept search entry is not in the spill");
  out.clear();
  file_.read(offset, size, out);
  return true;
}

std::vector<EntrySpan> write_search_index(const site::Site& site, output::OutputWriter& writer,
                                          const SearchSpill* spill, KeptEntries* kept,
                                          const std::function<bool(PageId)>& reuse) {
  IndexJson index(writer, kept);
  std::vector<EntrySpan> spans(site.table.pages.size());
  std::string entry;
  ColdReader cold(site.table.strings);
  for (PageId id : site.searched()) {
    bool from_kept = kept != nullptr && kept->has(id) &&
                     (spill != nullptr ? spill->is_kept(id) : reuse && reuse(id));
    if (from_kept) {
      spans[id] = {index.next(), kept->span(id).size};
      index.add_kept(id);
      continue;
    }
    entry.clear();
    if (spill != nullptr) {
      if (!spill->read(id, entry)) continue;
    } else {
      append_search_entry(entry, site, id, nullptr, cold);
    }
    spans[id] = {index.next(), static_cast<uint32_t>(entry.size())};
    index.add(entry);
  }
  index.commit();
  return spans;
}

}  // namespace bengal::pipeline
