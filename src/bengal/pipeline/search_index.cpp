#include "bengal/pipeline/search_index.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "bengal/core/byte_codec.hpp"
#include "bengal/core/json_text.hpp"

namespace bengal::pipeline {

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

std::shared_ptr<KeptEntries> KeptEntries::open(const output::OutputWriter& writer,
                                               std::string_view rel, const output::FileStamp& stamp,
                                               std::vector<EntrySpan> spans) {
  output::FileStamp now;
  int fd = writer.open_for_reading(rel, now);
  if (fd < 0) return nullptr;
  std::shared_ptr<KeptEntries> kept(new KeptEntries(fd, std::move(spans)));
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

void KeptEntries::append(PageId id, std::string& out) {
  const EntrySpan& span = spans_.at(id);
  if (span.offset < start_ || span.offset + span.size > start_ + window_.size()) {
    window_.resize(std::max<size_t>(kWindowBytes, span.size));
    size_t got = 0;
    while (got < window_.size()) {
      ssize_t n = ::pread(fd_, window_.data() + got, window_.size() - got,
                          static_cast<off_t>(span.offset + got));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        throw std::runtime_error(
            fmt::format("cannot read the last build's index.json: {}", std::strerror(errno)));
      }
      if (n == 0) break;
      got += static_cast<size_t>(n);
    }
    window_.resize(got);
    start_ = span.offset;
  }
  std::string_view entry = std::string_view(window_).substr(span.offset - start_);
  if (entry.size() < span.size || entry[0] != '{' || entry[span.size - 1] != '}')
    throw std::runtime_error("the last build's index.json changed during the build; build again");
  out.append(entry.substr(0, span.size));
}

std::string encode_entry_spans(const std::vector<EntrySpan>& spans) {
  ByteWriter w;
  w.varint(spans.size());
  uint64_t end = 0;
  for (const EntrySpan& span : spans) {
    w.varint(span.size);
    if (span.size == 0) continue;
    w.varint(span.offset - end);
    end = span.offset + span.size;
  }
  return w.take();
}

bool decode_entry_spans(std::string_view bytes, std::vector<EntrySpan>& spans) {
  ByteReader r(bytes);
  size_t n = r.count(1);
  spans.assign(n, {});
  uint64_t end = 0;
  for (size_t i = 0; i < n && r.ok(); ++i) {
    uint64_t size = r.varint();
    if (size == 0) continue;
    uint64_t gap = r.varint();
    // Offsets past 2^62 fit no file; refusing them keeps the sums below from wrapping.
    if (size > UINT32_MAX || gap > (uint64_t{1} << 62) || end > (uint64_t{1} << 62)) return false;
    spans[i] = {end + gap, static_cast<uint32_t>(size)};
    end += gap + size;
  }
  return r.ok() && r.at_end();
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
  out.clear();
  if (size != kKept) {
    file_.read(offset, size, out);
  } else if (kept_ && kept_->has(id)) {
    kept_->append(id, out);
  } else {
    throw std::logic_error("a page's search entry was kept from an index.json not opened");
  }
  return true;
}

std::vector<EntrySpan> write_search_index(const site::Site& site, output::OutputWriter& writer,
                                          const SearchSpill* spill, KeptEntries* kept,
                                          const std::function<bool(PageId)>& reuse) {
  output::StreamingFile file(writer, "index.json");
  std::string json = "[", entry;
  uint64_t flushed = 0;  // bytes appended to the file before those in `json`
  std::vector<EntrySpan> spans(site.table.pages.size());
  bool first = true;
  ColdReader cold(site.table.strings);
  for (PageId id : site.rendered()) {
    entry.clear();
    if (spill != nullptr) {
      if (!spill->read(id, entry)) continue;
    } else if (kept != nullptr && kept->has(id) && reuse && reuse(id)) {
      kept->append(id, entry);
    } else {
      append_search_entry(entry, site, id, nullptr, cold);
    }
    json += first ? "\n" : ",\n";
    first = false;
    spans[id] = {flushed + json.size(), static_cast<uint32_t>(entry.size())};
    json += entry;
    if (json.size() > (1 << 20)) {
      file.append(json);
      flushed += json.size();
      json.clear();
    }
  }
  json += "\n]\n";
  file.append(json);
  file.commit();
  return spans;
}

}  // namespace bengal::pipeline
