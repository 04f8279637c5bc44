// search/ in the output folder: the sharded search index the default theme's search box reads
// (themes/default/static/assets/search.js), beside index.json which stays as it is.
//
//   search/manifest.json  version, page count, fragment size, the shard prefixes (hex of their
//                         UTF-8 bytes) and the stop words
//   search/t/<hex>.json   term shards (bengal/search/shards.hpp)
//   search/p/<k>.json     page fragments: pages k*kFragmentPages.. as [url, title, section,
//                         excerpt] arrays, pages numbered by their rank in site.searched()
//
// Terms are spilled to disk while pages render (bengal/search/term_spill.hpp) and shards are
// built one bucket at a time, so memory stays bounded whatever the site's size; the output
// depends only on the pages, never on the render order, batch size or thread count.
//
// An incremental build patches the last build's index instead of making it again. The cache
// keeps each bucket's records (KeptOutputs::stored) and digest, the sum of its records'
// (search::record_digest). A kept page then gives nothing, and a re-rendered page gives its old
// terms and its new ones (replace()): the old ones are taken out of their buckets' digests,
// the new ones spilled and added. A bucket whose digest is the last build's keeps its shards
// without being read; only the buckets whose records changed are read back from the cache,
// patched and made again.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "bengal/core/byte_codec.hpp"
#include "bengal/output/writer.hpp"
#include "bengal/pipeline/kept_outputs.hpp"
#include "bengal/search/shards.hpp"
#include "bengal/search/term_spill.hpp"
#include "bengal/site/site.hpp"

namespace bengal::pipeline {

inline constexpr size_t kFragmentPages = 16;
// Page fragments are kept or made in groups of this many (KeptOutputs): one group's record
// and its files' stamps cost less than making 64 fragments again.
inline constexpr size_t kFragmentsPerGroup = 64;
inline constexpr size_t kExcerptBytes = 160;

// A page's terms and their weights, made in a render thread: a word of the title weighs 24, a
// word of a heading 6, each use in the body 1 (up to 8); sorted by term.
using PageTerms = std::vector<std::pair<std::string, uint16_t>>;
PageTerms page_terms(std::string_view title, std::string_view headings, std::string_view body);

// A page's terms as the build cache keeps them: their count, then each term and its weight.
void write_page_terms(ByteWriter& w, const PageTerms& terms);
// Calls `fn(term, weight)` for each term `r` holds (as written by write_page_terms); false when
// they are not whole.
bool read_page_terms(ByteReader& r, const std::function<void(std::string_view, uint16_t)>& fn);
// Calls `fn(term, weight)` for each term of `encoded` (write_page_terms' bytes, alone).
void for_each_kept_term(std::string_view encoded,
                        const std::function<void(std::string_view, uint16_t)>& fn);

class ShardedSearch {
 public:
  ShardedSearch(const site::Site& site, const output::OutputWriter& writer);
  // Called from one thread, in any page order. A page the index does not show
  // (site.searched()) gives nothing.
  void add(PageId id, const PageTerms& terms);
  void add_term(PageId id, std::string_view term, uint16_t weight) {
    if (number_[id] != kNotSearched) spill_.add(term, number_[id], weight);
  }
  // A posting of another build of the same site (a shard's, shard_parts.hpp): `page` is the
  // page's number, its rank in site.searched().
  void add_posting(uint32_t page, std::string_view term, uint16_t weight) {
    spill_.add(term, page, weight);
  }
  // An incremental build's patch of the last build's index (above): true when `kept` holds
  // the last build's records and the pages are numbered as they were then. Kept pages must
  // then not be added, and re-rendered ones are given to replace(), not add(). Before the
  // first page; false, changing nothing, when the index must be made from every page.
  bool patch(KeptOutputs& kept);
  bool patching() const { return patching_; }
  // Page `id`, rendered again while patching: its terms in the last build (encoded as
  // write_page_terms does; none when the cache did not have them) and now.
  void replace(PageId id, const std::optional<std::string>& last_terms, const PageTerms& terms);
  // Writes the shards, the fragments and then the manifest; the spill is spent. With `kept`,
  // the shards of a bucket whose records are the last build's are kept instead, and each
  // bucket's records are stored for the next build's patch. While patching, `kept` must be
  // the one given to patch().
  void write(output::OutputWriter& writer, KeptOutputs* kept = nullptr);
  // Calls `fn(posting)` for every posting, bucket by bucket, instead of writing; the spill is
  // spent.
  void for_each_posting(const std::function<void(const search::Posting&)>& fn);

 private:
  // The page fragments (search/p/), by groups of kFragmentsPerGroup: a group whose pages show
  // what they showed in the last build is kept.
  void write_fragments(output::OutputWriter& writer, KeptOutputs* kept);
  // What a group of fragments shows of `pages`: each page's title, URL and description or
  // summary (its shown digest) and its section's title.
  uint64_t fragment_inputs(std::span<const PageId> pages, const KeptOutputs& kept) const;
  // What a bucket's shards are made of besides its records: the digest of its inputs.
  uint64_t bucket_inputs(uint64_t records_digest) const;
  // The digest of the page numbers (site.searched()) and of how records are bucketed: the
  // last build's records can be patched only when it is the same.
  uint64_t numbering_digest() const;
  // Keeps bucket `b`'s shards when the last build made them from records of `digest`.
  bool keep_bucket(size_t b, uint64_t digest, KeptOutputs& kept, std::vector<std::string>& names);
  // Bucket `b` made from the spill, which holds every page's records: kept when it can be,
  // else made and its records stored. Returns its digest.
  uint64_t bucket_from_spill(size_t b, output::OutputWriter& writer, KeptOutputs* kept,
                             std::vector<std::string>& names);
  // Bucket `b` while patching: kept when its digest is the last build's, else made from the
  // patched records. Returns its digest; none when the stored records are damaged or gone.
  std::optional<uint64_t> patch_bucket(size_t b, output::OutputWriter& writer, KeptOutputs& kept,
                                       std::vector<std::string>& names);
  // Bucket `b`'s records now, from the last build's (stored in `kept`) without the re-rendered
  // pages' and the spill's new ones; false when the cache's are missing or damaged.
  bool patched_records(size_t b, KeptOutputs& kept, std::string& out);
  // Keeps or makes bucket `b` from `records` of `digest`, and stores them unless the cache
  // holds them (`stored`).
  void settle_bucket(size_t b, std::string records, uint64_t digest, bool stored,
                     output::OutputWriter& writer, KeptOutputs& kept,
                     std::vector<std::string>& names);
  // While patching: the buckets in `wanted`, whose stored records are damaged or gone, made
  // from the terms the cache holds of every page; their digests into `digests`.
  void reread_buckets(const std::vector<uint8_t>& wanted, std::vector<uint64_t>& digests,
                      output::OutputWriter& writer, KeptOutputs& kept,
                      std::vector<std::string>& names);
  // Makes bucket `b`'s shards from `records` (search::append_record's) and writes them.
  void make_bucket(size_t b, std::string_view records, uint64_t digest,
                   output::OutputWriter& writer, KeptOutputs* kept,
                   std::vector<std::string>& names);
  // Makes bucket `b`'s shards from its best postings and writes them.
  void write_shards(size_t b, std::vector<search::Posting> best, uint64_t digest,
                    output::OutputWriter& writer, KeptOutputs* kept,
                    std::vector<std::string>& names);

  const site::Site& site_;
  search::ShardOptions options_;
  search::TermSpill spill_;
  static constexpr uint32_t kNotSearched = UINT32_MAX;
  std::vector<uint32_t> number_;  // page number by page id, or kNotSearched
  // While patching: the last build's bucket digests, what the re-rendered pages' old records
  // added to them, and the numbers of those pages. `spill_` holds only their new records.
  bool patching_ = false;
  bool removed_known_ = true;  // false once a page's old terms were not in the cache
  std::vector<uint64_t> last_digests_, removed_;
  std::vector<uint8_t> replaced_;  // by page number
};

// One page fragment's JSON: [[url,title,section,excerpt],...] for `pages`, in id order.
std::string fragment_json(const site::Site& site, std::span<const PageId> pages, ColdReader& cold);
// `text` cut to at most `bytes` bytes at a character boundary, "…" added when cut.
std::string excerpt(std::string_view text, size_t bytes);

}  // namespace bengal::pipeline
