#include "bengal/pipeline/page_renderer.hpp"

#include <optional>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "bengal/core/read_set.hpp"

#include "bengal/content/page_url.hpp"
#include "bengal/pipeline/body_warnings.hpp"
#include "bengal/pipeline/output_plan.hpp"
#include "bengal/pipeline/search_index.hpp"
#include "bengal/site/pagination.hpp"
#include "bengal/templates/layout_lookup.hpp"

namespace bengal::pipeline {
namespace {

// A list of more than kPagersPerGroup pagers renders all but its last in groups of that
// many (write_pagers), each recorded and kept on its own by an incremental build. With
// kParallelPagers or more, the groups render on every thread: a group is a few milliseconds
// of work, and a term page's dozens stay on the thread that has them.
constexpr size_t kPagersPerGroup = 16;
constexpr size_t kParallelPagers = 64;

// The cache key of the pager group whose first file is at `url`: the URLs of a site's pagers
// differ, and so do the keys of every render (Incremental::page_key, virtual_key).
std::string group_key(std::string_view url) {
  std::string key(1, 'g');
  key += url;
  return key;
}

}  // namespace

PageRenderer::PageRenderer(const site::Site& site, ContentStore& store, const BodyRenderer& body,
                           const templates::Environment& env, const templates::SiteContext& ctx,
                           output::OutputWriter& writer, Diagnostics& diagnostics)
    : site_(site),
      store_(store),
      body_(body),
      env_(env),
      ctx_(ctx),
      writer_(writer),
      diagnostics_(diagnostics) {}

void PageRenderer::report_once(Diagnostic d) const {
  std::lock_guard lock(reported_mutex_);
  if (reported_.insert(d.format()).second) diagnostics_.add(std::move(d));
}

bool PageRenderer::render_template(const std::vector<std::string>& candidates,
                                   const templates::Vars& vars, std::string_view what,
                                   std::string& out, std::string& used, bool report) const {
  for (const auto& name : candidates) {
    if (!env_.exists(name)) continue;
    used = name;
    Diagnostic error;
    if (env_.render(name, vars, out, error)) return true;
    if (!report) return false;
    // A template error is reported once, not once per page that uses the template.
    error.message += "\n    (while rendering " + std::string(what) + ")";
    std::string key = error.file + ":" + std::to_string(error.line);
    std::lock_guard lock(reported_mutex_);
    if (reported_.insert(key).second) diagnostics_.add(std::move(error));
    return false;
  }
  if (!report) return false;
  std::string list;
  for (const auto& c : candidates) list += (list.empty() ? "" : ", ") + c;
  report_once(make_error("", 0, 0,
                         "no template for " + std::string(what) + "; looked for " + list +
                             " in templates/, the theme and the built-in theme"));
  return false;
}

size_t PageRenderer::render_page(PageId id, Scratch& s, std::string* text,
                                 std::string* headings) const {
  return page_files(id, s, text, headings, {});
}

bool PageRenderer::preview_page(PageId id, std::string_view rel, Scratch& s) const {
  return page_files(id, s, nullptr, nullptr, rel) > 0;
}

std::span<const PageId> PageRenderer::list_of(PageId id) const {
  switch (site_.page(id).kind) {
    case content::PageKind::kPage:
      return {};
    case content::PageKind::kHome:
      return site_.regular_pages;
    case content::PageKind::kSection:
      return site_.list_of(id);
  }
  return {};
}

size_t PageRenderer::file_count(PageId id) const {
  if (site_.page(id).kind == content::PageKind::kPage) return 1;
  return site::paginate(list_of(id).size(), site_.per_page_of(id), site_.str(site_.page(id).url))
      .size();
}

size_t PageRenderer::page_files(PageId id, Scratch& s, std::string* text, std::string* headings,
                                std::string_view only) const {
  const auto& meta = site_.page(id);
  bool report = only.empty();
  std::string display = site_.config.content_dir + "/" + std::string(site_.source_path(id));
  if (!store_.load_body(id, s.body, s.error)) {
    if (report) {
      diagnostics_.add(make_error(
          display, 0, 0, "cannot read file: " + s.error + "; it changed during the build"));
    }
    return 0;
  }
  s.markdown.has_math = false;  // render_html only ever sets it
  body_.render(id, s.body, s.markdown);
  if (report && !s.markdown.warnings.empty())
    diagnostics_.add_all(body_warnings(display, meta.body_line, s.markdown.warnings));
  if (report) store_.offer(id, s.markdown.html);
  if (text != nullptr) *text = plain_text(s.markdown.html);
  if (headings != nullptr) {
    for (const auto& h : s.markdown.toc) {
      *headings += h.title;
      *headings += '\n';
    }
  }
  s.toc = markdown::render_toc_html(s.markdown.toc);
  templates::PageRender render;
  render.content = s.markdown.html;
  render.toc = s.toc;
  render.toc_items = &s.markdown.toc;
  render.has_math = s.markdown.has_math;
  if (render.has_math) any_math_.store(true, std::memory_order_relaxed);

  std::vector<std::string> candidates = templates::layout_candidates(site_, id);
  std::string_view url = site_.str(meta.url);
  // Sections and the home page list pages, paginated; a regular page is one file.
  std::vector<site::Pager> pagers;
  if (meta.kind == content::PageKind::kPage) {
    pagers.resize(1);
    pagers[0].url = std::string(url);
  } else {
    render.list = list_of(id);
    render.owner = id;
    pagers =
        site::paginate(render.list.size(), site_.per_page_of(id), url, site_.pager_folder_of(id));
  }
  bool paginated = meta.kind != content::PageKind::kPage;
  // Page 1 is the page's own URL, which it holds (or it would be excluded); pages 2..N are
  // checked against the output registry.
  site::ClaimKey key = pager_key(site_, id);
  size_t written = write_pagers(
      pagers, paginated, render, [&](const templates::PageRender& r) { return ctx_.page(id, &r); },
      ctx_.site_value(id), candidates, display, display, {&key, false}, only, s);
  if (report) store_.retain(id, s.body, s.page);
  return written;
}

size_t PageRenderer::render_virtual(const templates::VirtualPage& page,
                                    std::span<const PageId> list, bool paginate,
                                    const std::vector<std::string>& candidates, Scratch& s) const {
  return virtual_files(page, list, paginate, candidates, {}, s);
}

bool PageRenderer::preview_virtual(const templates::VirtualPage& page, std::span<const PageId> list,
                                   bool paginate, const std::vector<std::string>& candidates,
                                   std::string_view rel, Scratch& s) const {
  return virtual_files(page, list, paginate, candidates, rel, s) > 0;
}

size_t PageRenderer::virtual_files(const templates::VirtualPage& page, std::span<const PageId> list,
                                   bool paginate, const std::vector<std::string>& candidates,
                                   std::string_view only, Scratch& s) const {
  templates::PageRender render;
  render.list = list;
  std::vector<site::Pager> pagers =
      paginate ? site::paginate(list.size(), site_.per_page, page.url, site_.pager_folder)
               : std::vector<site::Pager>(1);
  if (!paginate) pagers[0].url = page.url;
  // Taxonomy and term pages may have lost a path to a page; the 404 page is a site file,
  // which comes first.
  site::ClaimKey key = virtual_page_key(page);
  Claimant claimant{page.kind == "404" ? nullptr : &key, true};
  return write_pagers(
      pagers, paginate, render,
      [&](const templates::PageRender& r) { return ctx_.virtual_page(page, &r); },
      ctx_.site_value(), candidates, "the " + page.kind + " page " + page.url, "", claimant, only,
      s);
}

size_t PageRenderer::write_pagers(
    const std::vector<site::Pager>& pagers, bool paginated, templates::PageRender& render,
    const std::function<templates::Value(const templates::PageRender&)>& page_value,
    const templates::Value& site_value, const std::vector<std::string>& candidates,
    std::string_view what, std::string_view error_file, Claimant claimant, std::string_view only,
    Scratch& s) const {
  bool report = only.empty();
  // One pager's file, rendered with `with` into `page`; whether it was written.
  auto write_one = [&](const site::Pager& pager, templates::PageRender& with, std::string& page,
                       std::string& used) {
    std::string path = content::output_path_for_url(pager.url);
    if (!report && path != only) return false;
    // A pager that lost its path was reported when the paths were claimed.
    if (claimant.key != nullptr && (pager.number > 1 || claimant.check_first) &&
        !site_.outputs.holds(path, *claimant.key))
      return false;
    if (paginated) with.pager = &pager;
    templates::Vars vars = {{"page", page_value(with)}, {"site", site_value}};
    vars.emplace_back("paginator",
                      with.pager ? vars[0].second.attr("paginator") : templates::Value::none());
    page.clear();
    if (!render_template(candidates, vars, what, page, used, report)) return false;
    try {
      writer_.write(path, page);
      return true;
    } catch (const output::OutputStopped&) {
      throw;  // a full or read-only device stops the build with one message
    } catch (const std::exception& e) {
      if (report) diagnostics_.add(make_error(std::string(error_file), 0, 0, e.what()));
    }
    return false;
  };
  size_t written = 0;
  size_t grouped = report && pagers.size() > kPagersPerGroup ? pagers.size() - 1 : 0;
  if (grouped > 0) {
    // Each group records into its own set, adopted in group order by this thread's once they
    // are done. On every thread the work is isolated, so that this thread, waiting, takes no
    // other page's render (and its scratch): the 100,000 pagers of a million-page home page
    // took one thread 17 s while the other waited.
    size_t groups = (grouped + kPagersPerGroup - 1) / kPagersPerGroup;
    std::vector<reads::ReadSet> sets(groups);
    std::vector<uint32_t> counts(groups, 0);
    bool recording = reads::t_current != nullptr;
    KeptPagers* kept = recording ? kept_pagers_ : nullptr;
    // A group's files show what the render read before them (the list page's body: its
    // includes, the pages its links name), so a group depends on that too.
    reads::ReadSet before;
    if (kept != nullptr) before.merge_reads(*reads::t_current);
    auto render_group = [&](size_t g) {
      size_t first = g * kPagersPerGroup, last = std::min(grouped, first + kPagersPerGroup);
      std::string key = kept != nullptr ? group_key(pagers[first].url) : std::string();
      if (kept != nullptr) {
        if (std::optional<KeptPagers::Kept> k = kept->keep_pagers(key)) {
          sets[g] = std::move(k->reads);
          counts[g] = k->files;
          return;
        }
      }
      reads::Pause others;  // this thread's own render, if it runs the group
      std::optional<reads::Recording> own;
      if (recording) own.emplace(sets[g]);
      templates::PageRender with = render;
      std::string page, used;
      for (size_t i = first; i < last; ++i) counts[g] += write_one(pagers[i], with, page, used);
      if (kept == nullptr) return;
      reads::ReadSet record = sets[g];
      record.merge_reads(before);
      // A group that raised a message renders again, and raises it again: kept, it would
      // raise it besides a group rendered again for the same broken template.
      if (!record.diagnostics.empty()) record.clock = true;
      kept->record_pagers(key, std::move(record), counts[g]);
    };
    if (pagers.size() >= kParallelPagers) {
      tbb::this_task_arena::isolate(
          [&] { tbb::parallel_for(size_t{0}, groups, [&](size_t g) { render_group(g); }); });
    } else {
      for (size_t g = 0; g < groups; ++g) render_group(g);
    }
    for (size_t g = 0; g < groups; ++g) {
      reads::adopt(sets[g]);
      written += counts[g];
    }
  }
  for (size_t i = grouped; i < pagers.size(); ++i)
    written += write_one(pagers[i], render, s.page, s.template_name) ? 1 : 0;
  return written;
}

}  // namespace bengal::pipeline
