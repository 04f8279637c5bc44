#include "bengal/pipeline/incremental.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <tbb/task_group.h>

#include "bengal/config/languages.hpp"
#include "bengal/core/byte_codec.hpp"
#include "bengal/core/compressed_text.hpp"
#include "bengal/output/taken_stamps.hpp"
#include "bengal/pipeline/digests.hpp"
#include "bengal/pipeline/include_lookup.hpp"
#include "bengal/pipeline/render_context.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

constexpr uint64_t kMissingTemplate = 1;
// The group of the cache that says where index.json holds each page's entry.
constexpr const char* kIndexEntriesKey = "search:index-entries";
// Bodies that embed bodies that embed ...: past this depth, call it changed.
constexpr int kMaxBodyDepth = 32;
// Stored records (Incremental::store) shrink about 3 times; one said to shrink more than this
// is damaged.
constexpr uint64_t kMaxStoredRatio = 64;

// The build options that change what is written.
std::string output_options(const BuildContext& b) {
  const BuildOptions& o = b.options;
  std::error_code ec;
  return fmt::format(
      "drafts={} future={} expired={} baseurl={} strict_templates={} shard={}/{} out={}",
      o.drafts.value_or(b.loaded->site.config.drafts), o.publish.future, o.publish.expired,
      o.baseurl.value_or(""), o.strict_templates, o.shard.index, o.shard.count,
      o.output_identity.empty() ? fs::absolute(b.output_dir, ec).lexically_normal().string()
                                : o.output_identity);
}

// The terms of a search record (encode_search's), when it has them.
std::optional<std::string> terms_of(const std::optional<std::string>& record) {
  SearchParts parts;
  if (!record || !decode_search(*record, false, true, parts)) return std::nullopt;
  return std::move(parts.kept_terms);
}

// The related pages as a group of the cache: its digest is the inputs', its record the lists.
class CachedRelated final : public graph::RelatedMemo {
 public:
  explicit CachedRelated(cache::BuildCache& cache) : cache_(cache) {}
  std::optional<std::string> find(uint64_t inputs) override {
    std::optional<cache::BuildCache::GroupRow> row = cache_.group(kKey);
    if (!row || row->digest != inputs) return std::nullopt;
    return std::move(row->record);
  }
  void store(uint64_t inputs, std::string record) override {
    cache_.put_group(kKey, inputs, std::move(record));
  }

 private:
  static constexpr const char* kKey = "graph:related";
  cache::BuildCache& cache_;
};

// A folder as the cache names it: absolute, its links resolved (empty when that fails).
fs::path canonical_folder(const fs::path& folder) {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(folder), ec);
}

}  // namespace

std::string encode_search(const SearchParts& search, bool text, bool terms) {
  ByteWriter w;
  w.byte(static_cast<uint8_t>((text ? 1 : 0) | (terms ? 2 : 0)));
  if (text) w.text(search.text);
  if (terms) write_page_terms(w, search.terms);
  return w.take();
}

bool decode_search(std::string_view bytes, bool text, bool terms, SearchParts& out) {
  ByteReader r(bytes);
  uint8_t has = r.byte();
  if (has > 3 || (text && (has & 1) == 0) || (terms && (has & 2) == 0)) return false;
  if ((has & 1) != 0) out.text = r.text();
  if ((has & 2) != 0) {
    size_t start = bytes.size() - r.remaining();
    if (!read_page_terms(r, [](std::string_view, uint16_t) {})) return false;
    out.kept_terms = std::string(bytes.substr(start));
  }
  return r.ok() && r.at_end();
}

Incremental::Incremental(std::unique_ptr<cache::BuildCache> cache)
    : cache_(std::move(cache)), related_memo_(std::make_unique<CachedRelated>(*cache_)) {}

std::string Incremental::page_key(PageId id) {
  return fmt::format("p{}", id);
}

std::string Incremental::virtual_key(std::string_view url) {
  return fmt::format("v{}", url);
}

std::string Incremental::cache_file(const BuildOptions& options, const config::SiteConfig& config,
                                    const fs::path& output) {
  if (!options.cache_file.empty()) return options.cache_file;
  if (!options.output_dir || output == canonical_folder(options.site_dir / config.output_dir)) {
    // A multilingual site's language in a folder of its own has a file of its own.
    const config::Language* language = config::current_language(config);
    return language != nullptr && language->in_subdir ? fmt::format("cache-{}.db", language->code)
                                                      : std::string("cache.db");
  }
  return fmt::format("cache-{:016x}.db", digest_bytes(output.string()));
}

// Why a build whose cache holds a finished build renders every page: the one line it prints.
std::string Incremental::cold_reason(const cache::BuildKeys& last, const cache::BuildKeys& now) {
  if (last.build != now.build)
    return "the configuration, the build options or the set of templates changed; rendering "
           "every page";
  if (last.paths != now.paths) return "pages were added, removed or renamed; rendering every page";
  return "the site's structure changed (sections, list order, URLs, slugs, taxonomy terms or "
         "menus); rendering every page";
}

std::unique_ptr<Incremental> Incremental::open(const BuildOptions& options,
                                               const config::SiteConfig& config,
                                               std::string& note) {
  if (options.cache == CacheMode::kOff) return nullptr;
  fs::path output =
      canonical_folder(options.output_dir.value_or(options.site_dir / config.output_dir));
  auto cache = cache::BuildCache::open(options.site_dir, cache_file(options, config, output), note,
                                       cache::BuildCache::kLockWaitMillis, output);
  if (!cache) return nullptr;
  auto incremental = std::unique_ptr<Incremental>(new Incremental(std::move(cache)));
  // The files a warm build would keep are the last build's; their stamps are taken while the
  // sources are read (taken_stamps.hpp), and dropped if the build turns out cold.
  if (incremental->cache_->last_keys()) {
    auto taken = std::make_unique<output::TakenStamps>(
        options.output_dir.value_or(options.site_dir / config.output_dir));
    // The manifest is read on that thread too, while discovery starts (start() waits for it).
    taken->start([cache = incremental->cache_.get()](output::TakenStamps& t) {
      cache->for_each_manifest_path([&](std::string_view rel) { t.add(rel); });
    });
    incremental->taken_ = std::move(taken);
  }
  return incremental;
}

void Incremental::start(BuildContext& b, RenderContext& r) {
  build_ = &b;
  render_ = &r;
  // The cache is this thread's alone again once the taken stamps' list is read.
  if (taken_) taken_->wait_listed();
  const site::Site& site = b.site();
  BuildKeyInputs inputs;
  std::string options = output_options(b);
  inputs.options = options;
  inputs.translations = &r.ctx.translations_source();
  inputs.template_names = r.template_files;
  // The last build's digests and body reads are read (by one thread: the database) while this
  // build's digests are made; a build that turns out cold drops them.
  std::optional<cache::BuildKeys> last = cache_->last_keys();
  size_t n = site.table.pages.size();
  tbb::task_group reading;
  if (last) {
    reading.run([&] {
      last_digests_ = cache_->page_digests();
      bodies_ = cache_->bodies(n);
    });
  }
  keys_ = build_keys(site, b.graph, b.generated, inputs);
  digests_ = page_digests(site, b.graph);
  reading.wait();
  warm_ = last && last->build == keys_.build && last->paths == keys_.paths &&
          last->structure == keys_.structure;
  if (last && !warm_) b.stats().cache_note = cold_reason(*last, keys_);
  if (!warm_) {
    last_digests_ = {};
    bodies_ = {};
    taken_.reset();
  } else {
    r.writer.use_taken_stamps(taken_.get());
    const cache::PageDigests& old = last_digests_;
    changed_.assign(n, 1);
    head_changed_.assign(n, 1);
    for (size_t i = 0; i < n && i < old.full.size(); ++i) {
      changed_[i] = old.full[i] != digests_.full[i];
      head_changed_[i] = old.head[i] != digests_.head[i];
    }
    // Every template the last build used, as it is now: read once here, so the checks of
    // tens of thousands of renders only look them up.
    for (auto& [name, digest] : cache_->template_digests()) {
      old_templates_.emplace(name, digest);
      template_now_.emplace(name, template_digest(name));
    }
    pagerank_changed_ = last->pagerank != keys_.pagerank;
    data_changed_ = last->data != keys_.data;
    body_memo_ = std::make_unique<std::atomic<int8_t>[]>(n);
    for (size_t i = 0; i < n; ++i) body_memo_[i].store(-1);
  }
  if (warm_ && site.features.search && !texts_in_cache())
    kept_entries_ = open_kept_entries(r.writer);
  // A shard's build gives its terms to `bengal merge`, which makes the index.
  if (warm_ && r.sharded_search && !b.options.shard.sharded()) r.sharded_search->patch(*this);
  // Kept renders need their search records where the index is made from them: the terms of
  // a search index that is not patched, the texts of an index.json whose entries cannot be
  // copied from the last one. Otherwise the few needed are read one at a time.
  prefetch_search_ =
      (r.sharded_search && !r.sharded_search->patching()) || (r.search_spill && !kept_entries_);
  r.pages.use_kept_pagers(this);
  cache_->begin(!warm_);
  r.body.set_body_reads(
      [this](PageId id, reads::ReadSet&& set) { cache_->put_body(id, cache::encode_reads(set)); });
}

uint64_t Incremental::template_digest(const std::string& name) const {
  std::optional<std::string> source = render_->env.source(name);
  if (!source) return kMissingTemplate;
  uint64_t digest = digest_bytes(*source);
  return digest == kMissingTemplate ? kMissingTemplate + 1 : digest;
}

bool Incremental::template_changed(std::string_view name) const {
  // Both maps are complete and read-only once start() has run: a name the last build did not
  // use is new to the cache, so whatever used it renders.
  auto old = old_templates_.find(name);
  if (old == old_templates_.end()) return true;
  auto now = template_now_.find(std::string(name));
  return now == template_now_.end() || now->second != old->second;
}

bool Incremental::templates_changed(const cache::ReadsView& set) {
  // Most renders use one of a few lists of templates: each thread checks each list once.
  auto& seen = template_lists_.local();
  if (auto it = seen.find(set.template_bytes); it != seen.end()) return it->second;
  bool changed = std::any_of(set.templates.begin(), set.templates.end(),
                             [&](std::string_view name) { return template_changed(name); });
  seen.emplace(set.template_bytes, changed);
  return changed;
}

bool Incremental::file_changed(const std::string& key, uint64_t digest) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = file_now_.find(key); it != file_now_.end()) return it->second != digest;
  }
  uint64_t now = include_digest_now(render_->body.include_roots(), key);
  std::lock_guard lock(mutex_);
  file_now_.emplace(key, now);
  return now != digest;
}

bool Incremental::reads_changed(const cache::ReadsView& set, int depth) {
  if (set.clock || (set.pagerank && pagerank_changed_) || (set.data && data_changed_)) return true;
  for (PageId id : set.pages)
    if (id >= changed_.size() || changed_[id]) return true;
  for (PageId id : set.heads)
    if (id >= head_changed_.size() || head_changed_[id]) return true;
  if (templates_changed(set)) return true;
  for (const auto& [key, digest] : set.files)
    if (file_changed(std::string(key), digest)) return true;
  for (PageId id : set.contents)
    if (body_changed(id, depth + 1)) return true;
  return false;
}

bool Incremental::body_changed(PageId id, int depth) {
  if (id >= changed_.size() || changed_[id] || depth > kMaxBodyDepth) return true;
  int8_t memo = body_memo_[id].load();
  if (memo >= 0) return memo == 1;
  // A body that embeds itself, directly or not, is taken as changed while it is examined.
  body_memo_[id].store(1);
  bool changed = true;
  if (const std::optional<std::string>& record = bodies_[id]) {
    cache::ReadsView set;
    changed = !cache::decode_reads(*record, set) || reads_changed(set, depth);
  }
  body_memo_[id].store(changed ? 1 : 0);
  return changed;
}

bool Incremental::outputs_intact(const cache::UnitView& unit) const {
  for (const auto& o : unit.outputs) {
    std::optional<output::FileStamp> now = render_->writer.kept_stamp(o.rel);
    if (!now || *now != output::FileStamp{o.size, o.mtime_ns, o.inode}) return false;
  }
  return true;
}

std::unique_ptr<KeptEntries> Incremental::open_kept_entries(const output::OutputWriter& writer) {
  std::optional<cache::BuildCache::GroupRow> row = cache_->group(kIndexEntriesKey);
  if (!row) return nullptr;
  ByteReader r(row->record);
  std::string_view stamp_bytes = r.text();
  std::string_view span_bytes = r.text();
  cache::UnitRecord unit;
  std::vector<EntrySpan> spans;
  if (!r.ok() || !r.at_end() || !cache::decode_unit(stamp_bytes, unit) ||
      unit.outputs.size() != 1 || !decode_entry_spans(span_bytes, spans) ||
      spans.size() != build_->site().table.pages.size())
    return nullptr;
  const cache::OutputStamp& o = unit.outputs[0];
  return KeptEntries::open(writer, o.rel, {o.size, o.mtime_ns, o.inode}, std::move(spans));
}

bool Incremental::entry_reusable(PageId id) const {
  if (!kept_entries_ || !kept_entries_->has(id) || id >= changed_.size() || changed_[id])
    return false;
  // A section's new title changes the structure today, which makes the whole build cold;
  // the entry does not rely on that.
  PageId section = build_->site().page(id).section;
  return section == kNoPage || (section < head_changed_.size() && !head_changed_[section]);
}

void Incremental::record_index_entries(const std::vector<EntrySpan>& spans) {
  cache::UnitRecord unit;
  unit.outputs = stamps({"index.json"});
  ByteWriter w;
  w.text(cache::encode_unit(unit));
  w.text(encode_entry_spans(spans));
  cache_->put_group(kIndexEntriesKey, 0, w.take());
}

std::optional<KeptRender> Incremental::keep(const std::string& key, bool text, bool terms,
                                            PageId page, std::optional<std::string>* last_terms) {
  if (!warm_) return std::nullopt;
  std::optional<cache::BuildCache::UnitRow> row;
  if (auto it = prefetched_.find(key); it != prefetched_.end()) {
    row = std::move(it->second);
  } else {
    row = cache_->unit_row(key, prefetch_search_);
  }
  if (!row) return std::nullopt;
  // The search record, read now if the row came without it.
  auto search_record = [&]() -> const std::optional<std::string>& {
    if (!row->search_text && row->search_holds != 0) {
      if (std::optional<cache::BuildCache::UnitRow> again = cache_->unit_row(key, true))
        row->search_text = std::move(again->search_text);
    }
    return row->search_text;
  };
  auto render_again = [&]() -> std::optional<KeptRender> {
    if (last_terms != nullptr) *last_terms = terms_of(search_record());
    return std::nullopt;
  };
  // One view a thread, reused: it allocates nothing once grown (unit_record.hpp).
  thread_local cache::UnitView unit;
  if (!cache::decode_unit(row->record, unit) || reads_changed(unit.reads, 0) ||
      !outputs_intact(unit))
    return render_again();
  KeptRender kept;
  kept.html_files = unit.html_files;
  kept.search.kept = true;
  kept.search.entry_kept = text && entry_reusable(page);
  bool text_in_row = text && !kept.search.entry_kept;
  if (text_in_row || terms) {
    const std::optional<std::string>& record = search_record();
    if (!record || !decode_search(*record, text_in_row, terms, kept.search)) return render_again();
  }
  // A kept render's terms stay in the cache, as the record's first byte says.
  if (last_terms != nullptr && (row->search_holds & 2) == 0) return render_again();
  for (const auto& o : unit.outputs) render_->writer.keep(o.rel);
  if (!unit.diagnostics.empty()) {
    std::vector<Diagnostic> diagnostics;
    cache::decode_diagnostics(unit.diagnostics, diagnostics);
    for (auto& d : diagnostics) build_->diagnostics.add(std::move(d));
  }
  if (unit.math) render_->pages.note_math();
  return kept;
}

std::optional<KeptPagers::Kept> Incremental::keep_pagers(const std::string& key) {
  if (!warm_) return std::nullopt;
  std::optional<cache::BuildCache::UnitRow> row = cache_->unit_row(key, false);
  thread_local cache::UnitView view;
  if (!row || !cache::decode_unit(row->record, view) || reads_changed(view.reads, 0) ||
      !outputs_intact(view))
    return std::nullopt;
  cache::UnitRecord unit;
  cache::copy_unit(view, unit);
  Kept kept{std::move(unit.reads), unit.html_files};
  for (auto& o : unit.outputs) {
    render_->writer.keep(o.rel);
    kept.reads.outputs.push_back(std::move(o.rel));
  }
  return kept;
}

void Incremental::record_pagers(const std::string& key, reads::ReadSet&& reads, uint32_t files) {
  record(key, std::move(reads), files, false, nullptr, false, false);
}

void Incremental::prefetch(const std::vector<std::string>& keys) {
  prefetched_.clear();
  if (!warm_) return;
  prefetched_.reserve(keys.size());
  std::vector<std::optional<cache::BuildCache::UnitRow>> rows =
      cache_->unit_rows(keys, prefetch_search_);
  for (size_t i = 0; i < keys.size(); ++i) prefetched_.emplace(keys[i], std::move(rows[i]));
}

std::optional<std::vector<std::string>> Incremental::keep_group(const std::string& key,
                                                                uint64_t inputs) {
  if (!warm_) return std::nullopt;
  std::optional<cache::BuildCache::GroupRow> row = cache_->group(key);
  cache::UnitView unit;
  if (!row || row->digest != inputs || !cache::decode_unit(row->record, unit) ||
      !outputs_intact(unit))
    return std::nullopt;
  group_files_kept_ += unit.outputs.size();
  std::vector<std::string> rels;
  rels.reserve(unit.outputs.size());
  for (const auto& o : unit.outputs) {
    render_->writer.keep(o.rel);
    rels.emplace_back(o.rel);
  }
  return rels;
}

uint64_t Incremental::page_digest(PageId id) const {
  return id < digests_.full.size() ? digests_.full[id] : 0;
}

uint64_t Incremental::page_head_digest(PageId id) const {
  return id < digests_.head.size() ? digests_.head[id] : 0;
}

uint64_t Incremental::page_shown_digest(PageId id) const {
  return id < digests_.shown.size() ? digests_.shown[id] : 0;
}

std::optional<std::pair<uint64_t, std::string>> Incremental::stored(const std::string& key) {
  std::optional<cache::BuildCache::GroupRow> row = cache_->group(key);
  if (!row) return std::nullopt;
  ByteReader r(row->record);
  uint64_t size = r.varint();
  std::string_view packed =
      std::string_view(row->record).substr(row->record.size() - r.remaining());
  // A size the frame cannot hold is a damaged or hostile cache, never a reason to allocate it.
  std::string bytes;
  if (!r.ok() || size > kMaxStoredRatio * packed.size() || !decompress_text(packed, size, bytes))
    return std::nullopt;
  return std::pair{row->digest, std::move(bytes)};
}

void Incremental::store(const std::string& key, uint64_t digest, std::string bytes) {
  // Compressed: the records of a site's search index are a third of the cache otherwise.
  ByteWriter w;
  w.varint(bytes.size());
  w.bytes() += compress_text(bytes);
  cache_->put_group(key, digest, w.take());
  // Into the database at once: a big site's search records would otherwise all wait in
  // memory for the end of the build.
  cache_->flush();
}

bool Incremental::for_each_page_terms(std::span<const PageId> pages,
                                      const std::function<void(PageId, std::string_view)>& fn) {
  cache_->flush();  // the renders recorded since the last batch
  constexpr size_t kChunk = 1024;
  for (size_t at = 0; at < pages.size(); at += kChunk) {
    std::span<const PageId> chunk = pages.subspan(at, std::min(kChunk, pages.size() - at));
    std::vector<std::string> keys;
    keys.reserve(chunk.size());
    for (PageId id : chunk) keys.push_back(page_key(id));
    std::vector<std::optional<cache::BuildCache::UnitRow>> rows = cache_->unit_rows(keys, true);
    for (size_t i = 0; i < chunk.size(); ++i) {
      std::optional<std::string> terms = rows[i] ? terms_of(rows[i]->search_text) : std::nullopt;
      if (!terms) return false;
      fn(chunk[i], *terms);
    }
  }
  return true;
}

void Incremental::record_group(const std::string& key, uint64_t inputs,
                               const std::vector<std::string>& rels) {
  cache::UnitRecord unit;
  unit.outputs = stamps(rels);
  cache_->put_group(key, inputs, cache::encode_unit(unit));
}

std::vector<cache::OutputStamp> Incremental::stamps(const std::vector<std::string>& rels) const {
  std::vector<cache::OutputStamp> out;
  out.reserve(rels.size());
  for (const auto& rel : rels) {
    if (std::optional<output::FileStamp> now = render_->writer.stamp(rel))
      out.push_back({rel, now->size, now->mtime_ns, now->inode});
  }
  return out;
}

void Incremental::record(const std::string& key, reads::ReadSet&& set, uint32_t html_files,
                         bool math, const SearchParts* search, bool text, bool terms) {
  set.finish();
  cache::UnitRecord unit;
  unit.outputs = stamps(set.outputs);
  {
    std::lock_guard lock(mutex_);
    for (const auto& name : set.templates)
      if (!template_now_.contains(name)) new_templates_.insert(name);
  }
  unit.reads = std::move(set);
  unit.html_files = html_files;
  unit.math = math;
  std::optional<std::string> parts;
  text = text && texts_in_cache();
  if (search != nullptr && (text || terms)) parts = encode_search(*search, text, terms);
  cache_->put_unit(key, cache::encode_unit(unit), std::move(parts));
}

size_t Incremental::finish(RenderContext& r) {
  // A build that left the files of the last one (most warm builds) has no stale files and the
  // same manifest: the digests tell, without sorting the one and reading the other.
  std::string digest = r.writer.manifest_digest(cache_->manifest_seed());
  bool same = cache_->manifest_digest() == digest;
  std::vector<std::string_view> manifest;
  std::vector<std::string> stale;
  bool changed = false;
  if (!same) {
    // Both lists sorted: the last one is read from the cache as it is walked, never held.
    manifest = r.writer.manifest();
    size_t at = 0;
    cache_->for_each_manifest_path([&](std::string_view rel) {
      for (; at < manifest.size() && manifest[at] < rel; ++at) changed = true;
      if (at < manifest.size() && manifest[at] == rel) {
        ++at;
        return;
      }
      stale.emplace_back(rel);
      changed = true;
    });
    changed = changed || at < manifest.size();
  }
  size_t removed = remove_outputs(r.writer.root(), stale);
  std::vector<std::pair<std::string, uint64_t>> templates(template_now_.begin(),
                                                          template_now_.end());
  for (const auto& name : new_templates_) templates.emplace_back(name, template_digest(name));
  std::sort(templates.begin(), templates.end());
  cache_->finish(keys_, digests_, templates, manifest, warm_ ? &last_digests_ : nullptr, changed,
                 digest);
  return removed;
}

namespace {

// True when a folder on the way from `root` to `rel` is a symlink or not a folder: nothing is
// removed through one.
bool through_link(const fs::path& root, const fs::path& rel) {
  fs::path at = root;
  fs::path parent = rel.parent_path();
  for (const auto& part : parent) {
    at /= part;
    std::error_code ec;
    fs::file_status st = fs::symlink_status(at, ec);
    if (ec || st.type() != fs::file_type::directory) return true;
  }
  return false;
}

}  // namespace

size_t remove_outputs(const fs::path& root, const std::vector<std::string>& rels) {
  size_t removed = 0;
  std::set<fs::path> folders;
  for (const auto& rel : rels) {
    if (!output::is_safe_relative_path(rel)) continue;
    fs::path path = root / rel;
    if (through_link(root, rel)) continue;
    std::error_code ec;
    fs::file_status st = fs::symlink_status(path, ec);
    if (ec || st.type() == fs::file_type::directory || st.type() == fs::file_type::not_found)
      continue;
    if (fs::remove(path, ec)) ++removed;
    for (fs::path dir = fs::path(rel).parent_path(); !dir.empty(); dir = dir.parent_path())
      folders.insert(dir);
  }
  // Deepest first, so a folder emptied by its subfolder's removal goes too.
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) {
    std::error_code ec;
    if (!through_link(root, *it / "x") && fs::is_empty(root / *it, ec) && !ec)
      fs::remove(root / *it, ec);
  }
  return removed;
}

std::vector<std::string> files_not_in(const fs::path& root,
                                      std::span<const std::string_view> keep) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) {
      if (it->path().filename() == output::OutputWriter::kTempDir && it.depth() == 0)
        it.disable_recursion_pending();
      continue;
    }
    std::string rel = it->path().lexically_relative(root).generic_string();
    if (!std::binary_search(keep.begin(), keep.end(), std::string_view(rel))) out.push_back(rel);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace bengal::pipeline
