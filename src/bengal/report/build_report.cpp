#include "bengal/report/build_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bengal/core/json_text.hpp"
#include "bengal/core/memory.hpp"

namespace bengal::report {
namespace {

// A small JSON writer over append_json_string: objects and arrays written in order, commas
// placed by the writer so the report code reads as a list of fields.
class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out) {}
  void open(char bracket) {
    out_ += bracket;
    first_ = true;
  }
  void close(char bracket) {
    out_ += bracket;
    first_ = false;
  }
  // Starts a member of an object (or an element of an array when `key` is empty).
  JsonOut& key(std::string_view key) {
    if (!first_) out_ += ',';
    first_ = false;
    if (!key.empty()) {
      append_json_string(out_, key);
      out_ += ':';
    }
    return *this;
  }
  void str(std::string_view s) { append_json_string(out_, s); }
  void num(size_t n) { out_ += std::to_string(n); }
  void num(int n) { out_ += std::to_string(n); }
  void num(long long n) { out_ += std::to_string(n); }
  // Seconds and ratios: six decimals are microseconds, enough for any timing here.
  void real(double d) { out_ += fmt::format("{:.6f}", d); }
  void field(std::string_view k, std::string_view s) { key(k).str(s); }
  void field(std::string_view k, const char* s) { key(k).str(s); }
  void field(std::string_view k, size_t n) { key(k).num(n); }
  void field(std::string_view k, int n) { key(k).num(n); }
  void field(std::string_view k, double d) { key(k).real(d); }

 private:
  std::string& out_;
  bool first_ = true;
};

void write_phases(JsonOut& j, const BuildReport& r) {
  j.key("phases").open('[');
  for (size_t i = 0; i < r.phases.size(); ++i) {
    const auto& p = r.phases[i];
    size_t before = i == 0 ? p.rss_bytes : r.phases[i - 1].rss_bytes;
    j.key("").open('{');
    j.field("name", p.name);
    j.field("start_seconds", p.start_seconds);
    j.field("seconds", p.seconds);
    j.field("rss_bytes", p.rss_bytes);
    j.key("rss_change_bytes")
        .num(static_cast<long long>(p.rss_bytes) - static_cast<long long>(before));
    j.field("peak_rss_bytes", p.peak_rss_bytes);
    j.field("store_pages", p.store_pages);
    j.field("store_bytes", p.store_bytes);
    j.field("index_bytes", p.index_bytes);
    j.field("pages_done", p.pages_done);
    j.close('}');
  }
  j.close(']');
}

void write_counts(JsonOut& j, const BuildReport& r) {
  j.key("pages").open('{');
  size_t total = 0;
  for (const auto& c : r.pages) {
    j.field(c.kind, c.count);
    total += c.count;
  }
  j.field("total", total);
  j.close('}');
}

void write_tiers(JsonOut& j, const BuildReport& r) {
  j.key("content_store").open('{');
  for (const auto& t : r.tiers) {
    j.key(t.name).open('{');
    j.field("pages", t.pages);
    j.field("hits", t.hits);
    j.field("misses", t.misses);
    size_t asked = t.hits + t.misses;
    j.field("hit_rate", asked == 0 ? 0.0 : static_cast<double>(t.hits) / asked);
    j.field("resident_bytes", t.resident_bytes);
    j.close('}');
  }
  j.close('}');
}

void write_timings(JsonOut& j, const BuildReport& r) {
  j.key("slowest_pages").open('[');
  for (const auto& p : r.slowest_pages) {
    j.key("").open('{');
    j.field("source", p.source);
    j.field("url", p.url);
    j.field("template", p.template_name);
    j.field("seconds", p.seconds);
    j.close('}');
  }
  j.close(']');
  j.key("templates").open('[');
  for (const auto& t : r.templates) {
    j.key("").open('{');
    j.field("name", t.name);
    j.field("pages", t.pages);
    j.field("seconds", t.seconds);
    j.close('}');
  }
  j.close(']');
}

void write_diagnostics(JsonOut& j, const BuildReport& r) {
  j.key("diagnostics").open('[');
  for (const auto& d : r.diagnostics) {
    j.key("").open('{');
    j.field("severity", d.severity);
    j.field("file", d.file);
    j.field("line", d.line);
    j.field("column", d.column);
    j.field("message", d.message);
    j.close('}');
  }
  j.close(']');
}

void write_timeline(JsonOut& j, const BuildReport& r) {
  j.key("rss_timeline").open('[');
  for (const auto& p : r.timeline) {
    j.key("").open('[');
    j.key("").real(p.seconds);
    j.key("").num(p.rss_bytes);
    j.close(']');
  }
  j.close(']');
}

}  // namespace

size_t highest_rss(const BuildReport& report) {
  size_t m = report.stats.peak_rss_bytes;
  for (const RssPoint& p : report.timeline) m = std::max(m, p.rss_bytes);
  for (const PhaseSample& p : report.phases) m = std::max({m, p.rss_bytes, p.peak_rss_bytes});
  return m;
}

std::string format_memory_table(const BuildReport& report) {
  std::string out = "Memory Profile Report\n";
  for (size_t i = 0; i < report.phases.size(); ++i) {
    const auto& p = report.phases[i];
    out += fmt::format("{:<28}{:>9}", p.name, format_megabytes(p.rss_bytes));
    if (i > 0)
      out += " (" + format_megabytes_change(p.rss_bytes, report.phases[i - 1].rss_bytes) + ")";
    out += '\n';
  }
  // Per page of content: generated pages (terms, 404) have no entry in the page table.
  size_t pages = 0;
  for (const auto& c : report.pages) {
    if (c.kind == "regular" || c.kind == "section" || c.kind == "home") pages += c.count;
  }
  out += fmt::format("Index: {}", format_megabytes(report.stats.index_bytes));
  if (pages > 0) out += fmt::format(" ({} bytes a page)", report.stats.index_bytes / pages);
  if (report.stats.index_cold_bytes > 0) {
    out += fmt::format(" and {} of summaries, links and heading ids on disk",
                       format_megabytes(report.stats.index_cold_bytes));
  }
  if (!report.phases.empty()) {
    const auto& last = report.phases.back();
    out += fmt::format("; content store at the end: {} pages, {}", last.store_pages,
                       format_megabytes(last.store_bytes));
  }
  out += fmt::format("\nPeak memory: {}\n", format_megabytes(report.stats.peak_rss_bytes));
  return out;
}

std::string report_json(const BuildReport& r) {
  std::string out;
  JsonOut j(out);
  j.open('{');
  j.field("schema", 1);
  j.field("bengal", r.bengal_version);
  j.field("site_dir", r.site_dir);
  j.field("output_dir", r.stats.output_dir);
  j.field("policy", r.stats.policy);
  j.field("threads", r.stats.threads);
  j.field("batch_size", r.stats.batch_size);
  j.field("batches", r.stats.batches);
  j.field("hubs", r.stats.hubs);
  j.field("elapsed_seconds", r.stats.elapsed_seconds);
  j.field("peak_rss_bytes", r.stats.peak_rss_bytes);
  j.field("index_bytes", r.stats.index_bytes);
  j.field("index_cold_bytes", r.stats.index_cold_bytes);
  j.field("files_written", r.stats.files_written);
  j.field("files_unchanged", r.stats.files_unchanged);
  j.field("static_files", r.stats.static_files);
  write_phases(j, r);
  write_counts(j, r);
  write_tiers(j, r);
  write_timings(j, r);
  write_diagnostics(j, r);
  write_timeline(j, r);
  j.close('}');
  out += '\n';
  return out;
}

}  // namespace bengal::report
