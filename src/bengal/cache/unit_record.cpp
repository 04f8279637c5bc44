#include "bengal/cache/unit_record.hpp"

#include "bengal/core/byte_codec.hpp"

namespace bengal::cache {
namespace {

// Ids sorted ascending, as deltas: most reads are of pages near each other.
void write_ids(ByteWriter& w, const std::vector<PageId>& ids) {
  w.varint(ids.size());
  PageId last = 0;
  for (PageId id : ids) {
    w.varint(id - last);
    last = id;
  }
}

void read_ids(ByteReader& r, std::vector<PageId>& ids) {
  size_t n = r.count();
  ids.clear();
  ids.reserve(n);
  uint64_t last = 0;
  for (size_t i = 0; i < n && r.ok(); ++i) {
    last += r.varint();
    ids.push_back(static_cast<PageId>(last));
  }
}

void write_reads(ByteWriter& w, const reads::ReadSet& s) {
  write_ids(w, s.pages);
  write_ids(w, s.heads);
  write_ids(w, s.contents);
  w.varint(s.templates.size());
  for (const auto& t : s.templates) w.text(t);
  w.varint(s.files.size());
  for (const auto& [key, digest] : s.files) {
    w.text(key);
    w.fixed64(digest);
  }
  w.byte(static_cast<uint8_t>((s.pagerank ? 1 : 0) | (s.clock ? 2 : 0) | (s.data ? 4 : 0)));
}

void read_reads(ByteReader& r, std::string_view bytes, ReadsView& s) {
  read_ids(r, s.pages);
  read_ids(r, s.heads);
  read_ids(r, s.contents);
  size_t start = bytes.size() - r.remaining();
  s.templates.resize(r.count());
  for (auto& t : s.templates) t = r.text();
  s.template_bytes = bytes.substr(start, bytes.size() - r.remaining() - start);
  s.files.resize(r.count(9));
  for (auto& [key, digest] : s.files) {
    key = r.text();
    digest = r.fixed64();
  }
  uint8_t flags = r.byte();
  s.pagerank = (flags & 1) != 0;
  s.clock = (flags & 2) != 0;
  s.data = (flags & 4) != 0;
}

// Reads one diagnostic, into `d` when given.
void read_diagnostic(ByteReader& r, Diagnostic* d) {
  bool error = r.byte() == 1;
  std::string_view file = r.text();
  auto line = static_cast<uint32_t>(r.varint());
  auto column = static_cast<uint32_t>(r.varint());
  std::string_view message = r.text();
  if (d == nullptr) return;
  d->severity = error ? Severity::kError : Severity::kWarning;
  d->file = file;
  d->line = line;
  d->column = column;
  d->message = message;
}

// An owning copy of what a view read.
void copy_reads(const ReadsView& from, reads::ReadSet& to) {
  to.pages = from.pages;
  to.heads = from.heads;
  to.contents = from.contents;
  to.templates.assign(from.templates.begin(), from.templates.end());
  to.files.clear();
  for (const auto& [key, digest] : from.files) to.files.emplace_back(key, digest);
  to.pagerank = from.pagerank;
  to.clock = from.clock;
  to.data = from.data;
}

}  // namespace

std::string encode_unit(const UnitRecord& unit) {
  ByteWriter w;
  w.varint(unit.outputs.size());
  for (const auto& o : unit.outputs) {
    w.text(o.rel);
    w.varint(o.size);
    w.signed_varint(o.mtime_ns);
    w.varint(o.inode);
  }
  write_reads(w, unit.reads);
  w.varint(unit.reads.diagnostics.size());
  for (const auto& d : unit.reads.diagnostics) {
    w.byte(d.severity == Severity::kError ? 1 : 0);
    w.text(d.file);
    w.varint(d.line);
    w.varint(d.column);
    w.text(d.message);
  }
  w.varint(unit.html_files);
  w.byte(unit.math ? 1 : 0);
  return w.take();
}

bool decode_unit(std::string_view bytes, UnitView& unit) {
  ByteReader r(bytes);
  unit.outputs.resize(r.count(4));
  for (auto& o : unit.outputs) {
    o.rel = r.text();
    o.size = r.varint();
    o.mtime_ns = r.signed_varint();
    o.inode = r.varint();
  }
  read_reads(r, bytes, unit.reads);
  size_t start = bytes.size() - r.remaining();
  size_t n = r.count(5);
  for (size_t i = 0; i < n && r.ok(); ++i) read_diagnostic(r, nullptr);
  unit.diagnostics = bytes.substr(start, bytes.size() - r.remaining() - start);
  unit.html_files = static_cast<uint32_t>(r.varint());
  unit.math = r.byte() == 1;
  return r.ok() && r.at_end();
}

void decode_diagnostics(std::string_view bytes, std::vector<Diagnostic>& out) {
  ByteReader r(bytes);
  size_t n = r.count(5);
  for (size_t i = 0; i < n && r.ok(); ++i) read_diagnostic(r, &out.emplace_back());
}

bool decode_unit(std::string_view bytes, UnitRecord& unit) {
  UnitView view;
  if (!decode_unit(bytes, view)) return false;
  copy_unit(view, unit);
  return true;
}

void copy_unit(const UnitView& view, UnitRecord& unit) {
  unit.outputs.clear();
  for (const auto& o : view.outputs)
    unit.outputs.push_back({std::string(o.rel), o.size, o.mtime_ns, o.inode});
  copy_reads(view.reads, unit.reads);
  unit.reads.diagnostics.clear();
  decode_diagnostics(view.diagnostics, unit.reads.diagnostics);
  unit.html_files = view.html_files;
  unit.math = view.math;
}

std::string encode_reads(const reads::ReadSet& reads) {
  ByteWriter w;
  write_reads(w, reads);
  return w.take();
}

bool decode_reads(std::string_view bytes, ReadsView& reads) {
  ByteReader r(bytes);
  read_reads(r, bytes, reads);
  return r.ok() && r.at_end();
}

bool decode_reads(std::string_view bytes, reads::ReadSet& reads) {
  ReadsView view;
  if (!decode_reads(bytes, view)) return false;
  copy_reads(view, reads);
  return true;
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

}  // namespace bengal::cache
