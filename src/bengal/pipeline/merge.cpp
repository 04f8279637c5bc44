#include "bengal/pipeline/merge.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "bengal/core/file_io.hpp"
#include "bengal/core/plural.hpp"
#include "bengal/core/source_tree.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/pipeline/copy_files.hpp"
#include "bengal/pipeline/load_site.hpp"
#include "bengal/pipeline/output_plan.hpp"
#include "bengal/pipeline/search_index.hpp"
#include "bengal/pipeline/shard_parts.hpp"
#include "bengal/pipeline/sharded_search.hpp"

namespace fs = std::filesystem;

namespace bengal::pipeline {
namespace {

struct Shard {
  fs::path dir;
  std::string bytes;  // its shard file
  ShardHeader header;
};

Shard read_shard(const fs::path& dir) {
  Shard shard{dir, {}, {}};
  std::string error;
  fs::path file = dir / kShardFile;
  if (!read_file(file, shard.bytes, error) ||
      !read_shard_header(shard.bytes, shard.header, error)) {
    throw MergeError(fmt::format(
        "{}: not the output folder of a `bengal build --shard K/N` ({}: {}); give the folders "
        "the N shard jobs wrote",
        dir.string(), file.string(), error));
  }
  return shard;
}

// The shards must be 1..N of one build of one site, loaded alike.
void check_shards(const std::vector<Shard>& shards) {
  const ShardHeader& first = shards.front().header;
  std::vector<const Shard*> by_index(first.count, nullptr);
  for (const Shard& s : shards) {
    const ShardHeader& h = s.header;
    if (h.now_epoch_seconds != first.now_epoch_seconds) {
      // Their publishing windows and now() differ: pages could be in one shard's index only.
      throw MergeError(fmt::format(
          "{} and {} were built at different times ({} and {} seconds since 1970): set "
          "SOURCE_DATE_EPOCH to one value in every shard job, such as the commit's time "
          "(git log -1 --format=%ct)",
          shards.front().dir.string(), s.dir.string(), first.now_epoch_seconds,
          h.now_epoch_seconds));
    }
    if (h.count != first.count || h.site_digest != first.site_digest ||
        h.environment != first.environment || h.baseurl != first.baseurl ||
        h.drafts != first.drafts || h.future != first.future || h.expired != first.expired) {
      throw MergeError(fmt::format(
          "{} and {} are shards of different builds (other sources, options or shard count); "
          "build every shard from the same commit with the same options",
          shards.front().dir.string(), s.dir.string()));
    }
    if (by_index[h.index] != nullptr) {
      throw MergeError(fmt::format("{} and {} are both shard {}/{}: give each shard once",
                                   by_index[h.index]->dir.string(), s.dir.string(), h.index + 1,
                                   h.count));
    }
    by_index[h.index] = &s;
  }
  for (uint32_t i = 0; i < first.count; ++i) {
    if (by_index[i] == nullptr) {
      throw MergeError(
          fmt::format("shard {}/{} is missing: give the output folders of all {} shard jobs", i + 1,
                      first.count, first.count));
    }
  }
}

// OUT is made here: an existing folder with files would mix old files into the site.
void check_output(const MergeOptions& options) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(options.output_dir, ec))) {
    if (fs::is_symlink(fs::symlink_status(options.output_dir, ec)) ||
        !fs::is_directory(options.output_dir, ec) ||
        fs::directory_iterator(options.output_dir, ec) != fs::directory_iterator()) {
      throw MergeError(fmt::format(
          "{}: the merge's output folder must be new or empty; remove it or name another",
          options.output_dir.string()));
    }
  }
  fs::path out = fs::weakly_canonical(fs::absolute(options.output_dir), ec);
  for (const fs::path& dir : options.shard_dirs) {
    fs::path shard = fs::weakly_canonical(fs::absolute(dir), ec);
    if (is_within_folder(shard, out) || is_within_folder(out, shard)) {
      throw MergeError(fmt::format(
          "{} and the output folder {} are inside one another: merge into a folder of its own",
          dir.string(), options.output_dir.string()));
    }
  }
}

// Every regular file below `dir` but the shard's own folder, output-relative, sorted.
std::vector<std::string> shard_files(const fs::path& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    fs::path rel = it->path().lexically_relative(dir);
    if (it.depth() == 0 && (rel == kShardFolder || rel == output::OutputWriter::kTempDir)) {
      it.disable_recursion_pending();
      continue;
    }
    fs::file_status st = it->symlink_status(ec);
    if (fs::is_directory(st)) continue;
    if (!fs::is_regular_file(st)) {
      throw MergeError(
          fmt::format("{}: not a regular file; a shard's output holds only files "
                      "bengal wrote: build the shard again",
                      it->path().string()));
    }
    files.push_back(rel.generic_string());
  }
  if (ec) throw MergeError(fmt::format("cannot list {}: {}", dir.string(), ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

MergeStats merge_shards(const MergeOptions& options, Diagnostics& diagnostics) {
  if (options.shard_dirs.empty())
    throw MergeError("no shard folders given: bengal merge OUT SHARD_DIR...");
  std::vector<Shard> shards;
  for (const fs::path& dir : options.shard_dirs) shards.push_back(read_shard(dir));
  check_shards(shards);
  check_output(options);
  const ShardHeader& h = shards.front().header;

  // The index, loaded as the shards loaded it.
  config::LoadOptions config_options;
  config_options.environment = h.environment;
  config_options.baseurl = h.baseurl;
  PublishOptions publish{h.future, h.expired, h.now_epoch_seconds};
  std::unique_ptr<LoadedSite> loaded =
      load_site(options.site_dir, h.drafts, diagnostics, {}, config_options, publish);
  if (!loaded) {
    throw MergeError(
        fmt::format("{}: the site's config cannot be read (see above)", options.site_dir.string()));
  }
  site::Site& site = loaded->site;
  std::vector<templates::VirtualPage> generated = list_generated_pages(site);
  if (shard_site_digest(site, generated) != h.site_digest) {
    throw MergeError(fmt::format(
        "the shards were built from other sources than {}: merge in a checkout of the commit "
        "the shards built",
        options.site_dir.string()));
  }

  MergeStats stats;
  stats.shards = shards.size();
  // Every file's shard, checked before anything is written.
  std::map<std::string, const fs::path*> owner;
  for (const Shard& s : shards) {
    for (std::string& rel : shard_files(s.dir)) {
      auto [it, fresh] = owner.emplace(std::move(rel), &s.dir);
      if (!fresh) {
        throw MergeError(
            fmt::format("{} is in both {} and {}: shards never write one file "
                        "twice; build both shards again with this bengal",
                        it->first, it->second->string(), s.dir.string()));
      }
    }
  }
  output::OutputWriter writer(options.output_dir);
  for (const auto& [rel, dir] : owner) {
    writer.link_file(*dir / rel, rel);
    ++stats.files_copied;
  }

  // The search indexes from every shard's parts.
  const auto& f = site.features;
  std::optional<SearchSpill> spill;
  std::optional<ShardedSearch> terms;
  if (f.search && f.search_full_text) spill.emplace(writer, site.table.pages.size());
  if (f.search && f.search_sharded) terms.emplace(site, writer);
  size_t pages = site.searched().size();
  for (const Shard& s : shards) {
    ShardHeader header;
    std::string error;
    bool bad_part = false;
    ShardFileReader parts{[&](PageId id, std::string_view json) {
                            if (!site.in_search(id) || !spill) {
                              bad_part = true;
                              return;
                            }
                            spill->add(id, json);
                          },
                          [&](uint32_t page, std::string_view term, uint16_t weight) {
                            if (page >= pages || !terms || term.size() > 255) {
                              bad_part = true;
                              return;
                            }
                            terms->add_posting(page, term, weight);
                          }};
    if (!read_shard_file(s.bytes, header, parts, error) || bad_part) {
      throw MergeError(fmt::format("{}: {}; build this shard again", (s.dir / kShardFile).string(),
                                   bad_part ? "its search parts do not fit the site" : error));
    }
    stats.math = stats.math || header.math;
  }
  if (f.search) {
    write_search_index(site, writer, spill ? &*spill : nullptr);
    stats.search_pages = pages;
  }
  if (terms) terms->write(writer);
  if (stats.math)
    copy_math_files(
        writer, [&](std::string_view rel) { return owner.find(std::string(rel)) == owner.end(); });
  if (writer.failed() > 0) {
    throw output::WriteError(fmt::format(
        "{} could not be written (see above); the merged folder {} is incomplete: fix the "
        "causes and merge again",
        plural(writer.failed(), "file"), options.output_dir.string()));
  }
  return stats;
}

}  // namespace bengal::pipeline
