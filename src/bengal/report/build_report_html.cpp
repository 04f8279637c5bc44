// build-report.html: the build report as one page a site owner can open from disk, attach to
// an issue or publish. No scripts and no outside resources, so it looks the same anywhere and
// is safe to share; the charts are inline SVG laid out here. The output depends only on the
// report (no clock, no locale), so two renders of one report are byte-identical.
#include "bengal/report/build_report.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "bengal/core/html.hpp"
#include "bengal/core/memory.hpp"
#include "bengal/core/plural.hpp"

namespace bengal::report {
namespace {

// --- Numbers ------------------------------------------------------------------------------
// A report may be all zeros (a build of 0 s, no tiers). Every coordinate goes through num()
// and every ratio through ratio(), so "nan" or "inf" never reaches the markup.

double finite(double v) {
  return std::isfinite(v) ? v : 0.0;
}
double ratio(double part, double whole) {
  return whole > 0 ? std::clamp(finite(part / whole), 0.0, 1.0) : 0.0;
}
std::string num(double v) {
  return fmt::format("{:.1f}", finite(v));
}
std::string esc(std::string_view text) {
  return html_escape(text);
}
std::string seconds_text(double s) {
  return fmt::format("{:.3f} s", finite(s));
}
constexpr double kMB = 1024.0 * 1024.0;  // format_megabytes' unit
std::string mb(size_t bytes) {
  return format_megabytes(bytes);
}

std::string percent(size_t part, size_t whole) {
  if (whole == 0) return "—";
  return fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

// --- SVG frame and axes -------------------------------------------------------------------

// One chart's pixel layout: the SVG size and the margins around the plot rectangle. x() and
// y() map fractions of the axis range (0..1) to pixels; y grows upwards as on paper.
struct Frame {
  double width = 760, height = 300;
  double left = 70, top = 20, right = 20, bottom = 50;
  double plot_w() const { return width - left - right; }
  double plot_h() const { return height - top - bottom; }
  double x(double fraction) const { return left + fraction * plot_w(); }
  double y(double fraction) const { return top + (1 - fraction) * plot_h(); }
  double x_end() const { return width - right; }
  double y_end() const { return height - bottom; }
};

struct Tick {
  double fraction;  // position along the axis, 0..1
  std::string label;
};

// The lowest axis top at or above `max` whose four tick steps are round (1, 1.5, 2, 2.5, 3, 4,
// 5, 6 or 8 times a power of ten), so tick labels read 0, 5, 10, 15, 20 rather than 0, 3.39,
// 6.79. `whole_steps` keeps steps whole, for counts. An empty axis still gets a range.
double nice_top(double max, bool whole_steps = false) {
  if (!(max > 0) || !std::isfinite(max)) return 4;
  double magnitude = std::pow(10.0, std::floor(std::log10(max / 4)));
  for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
    double step = m * magnitude;
    if (whole_steps && (step < 1 || step != std::floor(step))) continue;
    if (4 * step >= max) return 4 * step;
  }
  return 40 * magnitude;  // not reached: the last step, 10 * magnitude, always covers max
}

// Five evenly spaced ticks from 0 to `max`; the label function formats each value.
template <typename Label>
std::vector<Tick> even_ticks(double max, Label label) {
  std::vector<Tick> ticks;
  for (int i = 0; i <= 4; ++i) ticks.push_back({i / 4.0, label(max * i / 4.0)});
  return ticks;
}

void open_svg(std::string& out, std::string_view id, const Frame& f, std::string_view title) {
  out += fmt::format(
      R"(<svg id="{0}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {1} {2}" width="{1}" )"
      R"(height="{2}" role="img" aria-labelledby="{0}-title"><title id="{0}-title">{3}</title>)",
      id, num(f.width), num(f.height), esc(title));
  out += '\n';
}

void text(std::string& out, double x, double y, std::string_view cls, std::string_view content,
          std::string_view extra = "") {
  out += fmt::format(R"(<text x="{}" y="{}" class="{}"{}>{}</text>)", num(x), num(y), cls, extra,
                     esc(content));
  out += '\n';
}

void line(std::string& out, double x1, double y1, double x2, double y2, std::string_view cls) {
  out += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" class="{}"/>)", num(x1), num(y1),
                     num(x2), num(y2), cls);
  out += '\n';
}

void rect(std::string& out, double x, double y, double w, double h, std::string_view cls,
          std::string_view tooltip = "") {
  out += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" class="{}")", num(x), num(y),
                     num(std::max(0.0, w)), num(std::max(0.0, h)), cls);
  // A <title> child is the SVG tooltip: exact values without cluttering the chart.
  out += tooltip.empty() ? "/>\n" : fmt::format("><title>{}</title></rect>\n", esc(tooltip));
}

// Gridlines with tick labels (y ticks left of the plot, x ticks below it), then the axis lines
// and titles. An empty tick list leaves that axis to the chart, which labels its categories.
void append_axes(std::string& out, const Frame& f, const std::vector<Tick>& x_ticks,
                 const std::vector<Tick>& y_ticks, std::string_view x_title,
                 std::string_view y_title) {
  for (const Tick& t : y_ticks) {
    line(out, f.left, f.y(t.fraction), f.x_end(), f.y(t.fraction), "grid");
    text(out, f.left - 6, f.y(t.fraction) + 4, "tick end", t.label);
  }
  for (const Tick& t : x_ticks) {
    line(out, f.x(t.fraction), f.top, f.x(t.fraction), f.y_end(), "grid");
    text(out, f.x(t.fraction), f.y_end() + 16, "tick mid", t.label);
  }
  line(out, f.left, f.y_end(), f.x_end(), f.y_end(), "axis");
  line(out, f.left, f.top, f.left, f.y_end(), "axis");
  text(out, f.left + f.plot_w() / 2, f.height - 8, "axis-title mid", x_title);
  double mid_y = f.top + f.plot_h() / 2;
  text(out, 14, mid_y, "axis-title mid", y_title,
       fmt::format(R"x( transform="rotate(-90 14 {})")x", num(mid_y)));
}

void append_placeholder(std::string& out, const Frame& f, std::string_view message) {
  text(out, f.left + f.plot_w() / 2, f.top + f.plot_h() / 2, "empty mid", message);
}

// --- Chart (a): RSS over time -------------------------------------------------------------

// The time axis covers the whole build even if the sampler or a phase ran past `elapsed`.
double build_duration(const BuildReport& r) {
  double d = finite(r.stats.elapsed_seconds);
  for (const RssPoint& p : r.timeline) d = std::max(d, finite(p.seconds));
  for (const PhaseSample& p : r.phases) d = std::max(d, finite(p.start_seconds + p.seconds));
  return d;
}

// The sampler takes 100 points a second, so a long build would put tens of thousands of
// points in the page. Past kMaxPoints, each bucket keeps its highest point: the chart is
// about peaks, and a dropped dip costs less than a dropped spike.
std::vector<RssPoint> chart_points(const BuildReport& r) {
  constexpr size_t kMaxPoints = 2000;
  std::vector<RssPoint> points = r.timeline;
  if (points.empty()) {
    // No sampler thread ran: the phase ends still give a coarse curve.
    for (const PhaseSample& p : r.phases)
      points.push_back({p.start_seconds + p.seconds, p.rss_bytes});
  }
  if (points.size() <= kMaxPoints) return points;
  std::vector<RssPoint> kept;
  size_t per_bucket = (points.size() + kMaxPoints - 1) / kMaxPoints;
  for (size_t i = 0; i < points.size(); i += per_bucket) {
    auto end =
        points.begin() + static_cast<std::ptrdiff_t>(std::min(points.size(), i + per_bucket));
    kept.push_back(*std::max_element(
        points.begin() + static_cast<std::ptrdiff_t>(i), end,
        [](const RssPoint& a, const RssPoint& b) { return a.rss_bytes < b.rss_bytes; }));
  }
  return kept;
}

// Alternating light bands, one per phase, with names in a strip above the plot. A label is
// drawn only where the previous one has ended, so with hundreds of render batches the strip
// shows every few batches instead of an unreadable smear; each band's tooltip names it anyway.
void append_phase_bands(std::string& out, const Frame& f, const BuildReport& r, double duration) {
  constexpr double kCharWidth = 6;  // average width of a 10px label character
  double next_free_x = 0;
  for (size_t i = 0; i < r.phases.size(); ++i) {
    const PhaseSample& p = r.phases[i];
    double x0 = f.x(ratio(p.start_seconds, duration));
    double x1 = f.x(ratio(p.start_seconds + p.seconds, duration));
    rect(out, x0, f.top, x1 - x0, f.plot_h(), i % 2 == 0 ? "band band-a" : "band band-b",
         fmt::format("{}: {}", p.name, seconds_text(p.seconds)));
    double label_end = x0 + 2 + kCharWidth * static_cast<double>(p.name.size());
    if (x0 < next_free_x || label_end > f.width) continue;
    text(out, x0 + 2, f.top - 6, "band-label", p.name);
    next_free_x = label_end + 8;
  }
}

void append_rss_chart(std::string& out, const BuildReport& r) {
  Frame f;
  f.top = 34;  // room for the phase-name strip
  double duration = nice_top(build_duration(r));
  double top_bytes = nice_top(static_cast<double>(highest_rss(r)) / kMB) * kMB;
  open_svg(out, "chart-rss", f, "Resident memory (RSS) over the build, with phases");
  append_phase_bands(out, f, r, duration);
  append_axes(out, f, even_ticks(duration, [](double v) { return fmt::format("{:g} s", v); }),
              even_ticks(top_bytes, [](double v) { return mb(static_cast<size_t>(v)); }),
              "time (s)", "RSS");
  std::vector<RssPoint> points = chart_points(r);
  if (points.empty()) {
    append_placeholder(out, f, "no RSS samples");
  } else {
    std::string coords;
    for (const RssPoint& p : points) {
      if (!coords.empty()) coords += ' ';
      coords += num(f.x(ratio(p.seconds, duration))) + "," +
                num(f.y(ratio(static_cast<double>(p.rss_bytes), top_bytes)));
    }
    out += fmt::format(R"(<polyline class="rss" points="{}"/>)", coords) + "\n";
  }
  if (r.stats.peak_rss_bytes > 0) {
    double y = f.y(ratio(static_cast<double>(r.stats.peak_rss_bytes), top_bytes));
    line(out, f.left, y, f.x_end(), y, "peak");
    // Below the line, where the curve has not yet climbed, unless that would leave the plot;
    // above it the label would collide with the phase names.
    double label_y = y + 14 <= f.y_end() - 4 ? y + 14 : y - 4;
    text(out, f.left + 4, label_y, "peak-label", "peak " + mb(r.stats.peak_rss_bytes));
  }
  out += "</svg>\n";
}

// --- Chart (b): time per phase ------------------------------------------------------------

struct PhaseBar {
  std::string label;
  double seconds = 0;
  size_t batches = 0;  // render batches merged into this bar; 0 for other phases
};

bool is_render_batch(std::string_view name) {
  return name.starts_with("render ");
}

// One bar per phase, except that a long build's render batches would push the chart past a
// screen: past kMaxBars phases, each run of consecutive "render i/n" phases becomes one bar.
std::vector<PhaseBar> phase_bars(const std::vector<PhaseSample>& phases) {
  constexpr size_t kMaxBars = 12;
  bool merge = phases.size() > kMaxBars;
  std::vector<PhaseBar> bars;
  for (const PhaseSample& p : phases) {
    bool batch = is_render_batch(p.name);
    if (merge && batch && !bars.empty() && bars.back().batches > 0) {
      bars.back().seconds += finite(p.seconds);
      bars.back().batches += 1;
    } else {
      bars.push_back({p.name, finite(p.seconds), merge && batch ? size_t{1} : size_t{0}});
    }
  }
  for (PhaseBar& b : bars)
    if (b.batches > 1) b.label = fmt::format("render ({} batches)", b.batches);
  return bars;
}

void append_phase_chart(std::string& out, const BuildReport& r) {
  constexpr double kRowHeight = 24;
  std::vector<PhaseBar> bars = phase_bars(r.phases);
  Frame f;
  f.left = 160;
  f.right = 80;
  f.height = f.top + f.bottom + kRowHeight * static_cast<double>(std::max<size_t>(1, bars.size()));
  double longest = 0;
  for (const PhaseBar& b : bars) longest = std::max(longest, b.seconds);
  double axis_top = nice_top(longest);
  open_svg(out, "chart-phases", f, "Time per phase");
  append_axes(out, f, even_ticks(axis_top, [](double v) { return fmt::format("{:g}", v); }), {},
              "time (s)", "phase");
  if (bars.empty()) append_placeholder(out, f, "no phases recorded");
  for (size_t i = 0; i < bars.size(); ++i) {
    const PhaseBar& b = bars[i];
    double y = f.top + kRowHeight * static_cast<double>(i);
    double w = ratio(b.seconds, axis_top) * f.plot_w();
    text(out, f.left - 8, y + kRowHeight / 2 + 4, "tick end", b.label);
    rect(out, f.left, y + 4, w, kRowHeight - 8, "bar",
         fmt::format("{}: {}", b.label, seconds_text(b.seconds)));
    text(out, f.left + w + 6, y + kRowHeight / 2 + 4, "value", seconds_text(b.seconds));
  }
  out += "</svg>\n";
}

// --- Chart (c): content store hits and misses per tier ------------------------------------

double count_axis_top(const std::vector<TierReport>& tiers) {
  size_t m = 0;
  for (const TierReport& t : tiers) m = std::max({m, t.hits, t.misses});
  return nice_top(static_cast<double>(m), /*whole_steps=*/true);
}

void append_legend(std::string& out, const Frame& f) {
  double x = f.x_end() - 130;
  rect(out, x, 4, 10, 10, "hits");
  text(out, x + 14, 13, "legend", "hits");
  rect(out, x + 60, 4, 10, 10, "misses");
  text(out, x + 74, 13, "legend", "misses");
}

void append_store_chart(std::string& out, const BuildReport& r) {
  Frame f;
  f.top = 24;  // room for the legend
  double top = count_axis_top(r.tiers);
  open_svg(out, "chart-store", f, "Content store hits and misses per tier");
  append_axes(out, f, {}, even_ticks(top, [](double v) { return fmt::format("{:.0f}", v); }),
              "tier", "lookups");
  append_legend(out, f);
  if (r.tiers.empty()) append_placeholder(out, f, "no content store tiers");
  double group_w = f.plot_w() / static_cast<double>(std::max<size_t>(1, r.tiers.size()));
  double bar_w = std::min(60.0, group_w * 0.3);
  for (size_t i = 0; i < r.tiers.size(); ++i) {
    const TierReport& t = r.tiers[i];
    double mid = f.left + group_w * (static_cast<double>(i) + 0.5);
    const std::pair<size_t, std::string_view> series[] = {{t.hits, "hits"}, {t.misses, "misses"}};
    for (int k = 0; k < 2; ++k) {
      auto [count, cls] = series[k];
      double x = k == 0 ? mid - bar_w - 2 : mid + 2;
      double y = f.y(ratio(static_cast<double>(count), top));
      rect(out, x, y, bar_w, f.y_end() - y, cls, fmt::format("{} {}: {}", t.name, cls, count));
      text(out, x + bar_w / 2, y - 4, "value mid", std::to_string(count));
    }
    text(out, mid, f.y_end() + 16, "tick mid", t.name);
  }
  out += "</svg>\n";
}

// --- Page, header and tables --------------------------------------------------------------

constexpr std::string_view kStyle = R"(
body { font: 14px/1.45 system-ui, sans-serif; color: #1f2937; margin: 2em auto; max-width: 64em;
       padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; }
h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #e5e7eb; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1.5em; }
dl.summary dt { color: #6b7280; }
dl.summary dd { margin: 0; }
svg { max-width: 100%; height: auto; display: block; margin: 1em 0; }
svg text { font-size: 11px; fill: #374151; }
svg .mid { text-anchor: middle; }
svg .end { text-anchor: end; }
svg .band-label { font-size: 10px; fill: #6b7280; }
svg .axis-title { font-size: 12px; fill: #111827; }
svg .empty { font-size: 13px; fill: #9ca3af; }
.band-a { fill: #f3f4f6; }
.band-b { fill: #e5e7eb; }
.axis { stroke: #374151; stroke-width: 1; }
.grid { stroke: #e5e7eb; stroke-width: 1; }
.rss { fill: none; stroke: #2563eb; stroke-width: 1.5; }
.peak { stroke: #dc2626; stroke-width: 1; stroke-dasharray: 5 4; }
svg .peak-label { fill: #dc2626; }
.bar { fill: #2563eb; }
.hits { fill: #16a34a; }
.misses { fill: #f59e0b; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { padding: .25em .8em; border-bottom: 1px solid #e5e7eb; text-align: left;
         vertical-align: top; }
th { background: #f9fafb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.error td:first-child { color: #b91c1c; font-weight: 600; }
tr.warning td:first-child { color: #b45309; font-weight: 600; }
p.none { color: #6b7280; }
)";

void append_head(std::string& out, const BuildReport& r) {
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>Build report: {}</title>\n", esc(r.site_dir));
  out += fmt::format("<style>{}</style>\n</head>\n<body>\n", kStyle);
}

void append_summary(std::string& out, const BuildReport& r) {
  out += "<h1>Build report</h1>\n<dl class=\"summary\">\n";
  auto row = [&out](std::string_view term, const std::string& value) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>\n", term, esc(value));
  };
  row("bengal", r.bengal_version);
  row("site", r.site_dir);
  row("output", r.stats.output_dir);
  row("policy", r.stats.policy);
  row("threads", std::to_string(r.stats.threads));
  row("batches", fmt::format("{} (up to {} pages each), {} hubs", r.stats.batches,
                             r.stats.batch_size, r.stats.hubs));
  row("elapsed", seconds_text(r.stats.elapsed_seconds));
  row("peak RSS", mb(r.stats.peak_rss_bytes));
  row("index", mb(r.stats.index_bytes));
  row("files", fmt::format("{} written, {} unchanged, {} static", r.stats.files_written,
                           r.stats.files_unchanged, r.stats.static_files));
  out += "</dl>\n";
}

// A table from rows of plain-text cells (escaped here), or the `none` sentence when there are
// no rows. `align` has one letter per column: 'l' for text, 'r' for numbers.
void append_table(std::string& out, const std::vector<std::string_view>& heads,
                  std::string_view align, const std::vector<std::vector<std::string>>& rows,
                  std::string_view none, const std::vector<std::string>& row_classes = {}) {
  if (rows.empty()) {
    out += fmt::format("<p class=\"none\">{}</p>\n", none);
    return;
  }
  auto cls = [&align](size_t col) {
    return col < align.size() && align[col] == 'r' ? " class=\"num\"" : "";
  };
  out += "<table>\n<thead><tr>";
  for (size_t c = 0; c < heads.size(); ++c) out += fmt::format("<th{}>{}</th>", cls(c), heads[c]);
  out += "</tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    out += i < row_classes.size() ? fmt::format("<tr class=\"{}\">", esc(row_classes[i])) : "<tr>";
    for (size_t c = 0; c < rows[i].size(); ++c)
      out += fmt::format("<td{}>{}</td>", cls(c), esc(rows[i][c]));
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void append_phase_table(std::string& out, const BuildReport& r) {
  out += "<h2 id=\"phases\">Phases</h2>\n";
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < r.phases.size(); ++i) {
    const PhaseSample& p = r.phases[i];
    // The first phase has nothing before it to compare with.
    std::string change =
        i == 0 ? "—" : format_megabytes_change(p.rss_bytes, r.phases[i - 1].rss_bytes);
    rows.push_back({p.name, seconds_text(p.seconds), mb(p.rss_bytes), change,
                    std::to_string(p.store_pages), mb(p.store_bytes), mb(p.index_bytes)});
  }
  append_table(out, {"phase", "time", "RSS", "change", "store pages", "store bytes", "index"},
               "lrrrrrr", rows, "No phases recorded.");
}

void append_page_table(std::string& out, const BuildReport& r) {
  out += "<h2 id=\"pages\">Pages</h2>\n";
  std::vector<std::vector<std::string>> rows;
  size_t total = 0;
  for (const PageCount& p : r.pages) {
    rows.push_back({p.kind, std::to_string(p.count)});
    total += p.count;
  }
  if (!rows.empty()) rows.push_back({"total", std::to_string(total)});
  append_table(out, {"kind", "pages"}, "lr", rows, "No pages.");
}

void append_store_table(std::string& out, const BuildReport& r) {
  out += "<h2 id=\"store\">Content store</h2>\n";
  std::vector<std::vector<std::string>> rows;
  for (const TierReport& t : r.tiers) {
    rows.push_back({t.name, std::to_string(t.pages), std::to_string(t.hits),
                    std::to_string(t.misses), percent(t.hits, t.hits + t.misses),
                    mb(t.resident_bytes)});
  }
  append_table(out, {"tier", "pages", "hits", "misses", "hit rate", "resident"}, "lrrrrr", rows,
               "No content store tiers.");
}

void append_slowest_table(std::string& out, const BuildReport& r) {
  out += "<h2 id=\"slowest\">Slowest pages</h2>\n";
  std::vector<std::vector<std::string>> rows;
  for (const PageTiming& p : r.slowest_pages)
    rows.push_back({p.source, p.url, p.template_name, seconds_text(p.seconds)});
  append_table(out, {"source", "URL", "template", "time"}, "lllr", rows, "No page timings.");
}

void append_template_table(std::string& out, const BuildReport& r) {
  out += "<h2 id=\"templates\">Templates</h2>\n";
  std::vector<std::vector<std::string>> rows;
  for (const TemplateTiming& t : r.templates) {
    double mean = t.pages == 0 ? 0 : t.seconds / static_cast<double>(t.pages);
    rows.push_back({t.name, std::to_string(t.pages), seconds_text(t.seconds), seconds_text(mean)});
  }
  append_table(out, {"template", "pages", "total time", "per page"}, "lrrr", rows,
               "No template timings.");
}

std::string location(const ReportDiagnostic& d) {
  if (d.line <= 0) return d.file;
  if (d.column <= 0) return fmt::format("{}:{}", d.file, d.line);
  return fmt::format("{}:{}:{}", d.file, d.line, d.column);
}

void append_diagnostics(std::string& out, const BuildReport& r) {
  size_t errors = 0;
  for (const ReportDiagnostic& d : r.diagnostics) errors += d.severity == "error" ? 1 : 0;
  out += fmt::format("<h2 id=\"diagnostics\">Diagnostics: {}, {}</h2>\n", plural(errors, "error"),
                     plural(r.diagnostics.size() - errors, "warning"));
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> classes;
  for (const ReportDiagnostic& d : r.diagnostics) {
    rows.push_back({d.severity, location(d), d.message});
    classes.push_back(d.severity);
  }
  append_table(out, {"severity", "location", "message"}, "lll", rows, "No warnings or errors.",
               classes);
}

}  // namespace

std::string report_html(const BuildReport& report) {
  std::string out;
  append_head(out, report);
  append_summary(out, report);
  out += "<h2 id=\"memory\">Memory over time</h2>\n";
  append_rss_chart(out, report);
  out += "<h2 id=\"time\">Time per phase</h2>\n";
  append_phase_chart(out, report);
  out += "<h2 id=\"hits\">Content store lookups</h2>\n";
  append_store_chart(out, report);
  append_phase_table(out, report);
  append_page_table(out, report);
  append_store_table(out, report);
  append_slowest_table(out, report);
  append_template_table(out, report);
  append_diagnostics(out, report);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace bengal::report
