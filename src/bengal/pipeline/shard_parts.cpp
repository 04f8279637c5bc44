#include "bengal/pipeline/shard_parts.hpp"

#include <xxhash.h>

#include "bengal/core/byte_codec.hpp"
#include "bengal/core/version.hpp"

namespace bengal::pipeline {
namespace {

constexpr std::string_view kMagic = "bengal shard 1\n";
constexpr uint8_t kEntry = 1, kPosting = 2, kEnd = 3;

bool read_header(ByteReader& r, ShardHeader& h, std::string& error) {
  h.version = std::string(r.text());
  h.index = static_cast<uint32_t>(r.varint());
  h.count = static_cast<uint32_t>(r.varint());
  h.site_digest = r.fixed64();
  uint8_t flags = r.byte();
  h.math = (flags & 1) != 0;
  h.future = (flags & 2) != 0;
  h.expired = (flags & 4) != 0;
  if ((flags & 8) != 0) h.baseurl = std::string(r.text());
  if ((flags & 16) != 0) h.drafts = (flags & 32) != 0;
  h.environment = std::string(r.text());
  h.now_epoch_seconds = r.signed_varint();
  if (!r.ok() || h.count == 0 || h.index >= h.count) {
    error = "its header is cut short or garbled";
    return false;
  }
  if (h.version != kVersion) {
    error = "it was written by bengal " + h.version + ", this is " + kVersion;
    return false;
  }
  return true;
}

bool check_magic(std::string_view bytes, std::string& error) {
  if (!bytes.starts_with(kMagic)) {
    error = "it is not a shard file of bengal";
    return false;
  }
  return true;
}

}  // namespace

uint64_t shard_site_digest(const site::Site& site,
                           const std::vector<templates::VirtualPage>& generated) {
  ByteWriter w;
  for (PageId id : site.rendered()) {
    w.text(site.source_path(id));
    w.text(site.str(site.table.pages[id].url));
  }
  for (const auto& vp : generated) w.text(vp.url);
  w.text(site.config.baseurl);
  return XXH3_64bits(w.bytes().data(), w.bytes().size());
}

void write_shard_file(output::OutputWriter& writer, const ShardHeader& h,
                      const std::vector<PageId>& pages, const SearchSpill* spill,
                      ShardedSearch* terms) {
  ByteWriter w;
  w.bytes() += kMagic;
  w.text(kVersion);
  w.varint(h.index);
  w.varint(h.count);
  w.fixed64(h.site_digest);
  uint8_t flags = (h.math ? 1 : 0) | (h.future ? 2 : 0) | (h.expired ? 4 : 0) |
                  (h.baseurl ? 8 : 0) | (h.drafts ? 16 : 0) | (h.drafts.value_or(false) ? 32 : 0);
  w.byte(flags);
  if (h.baseurl) w.text(*h.baseurl);
  w.text(h.environment);
  w.signed_varint(h.now_epoch_seconds);
  std::string entry;
  if (spill != nullptr) {
    for (PageId id : pages) {
      entry.clear();
      if (!spill->read(id, entry)) continue;
      w.byte(kEntry);
      w.varint(id);
      w.text(entry);
    }
  }
  if (terms != nullptr) {
    terms->for_each_posting([&](const search::Posting& p) {
      w.byte(kPosting);
      w.varint(p.page);
      w.text(p.term);
      w.varint(p.weight);
    });
  }
  w.byte(kEnd);
  writer.write(kShardFile, w.bytes());
}

bool read_shard_header(std::string_view bytes, ShardHeader& header, std::string& error) {
  if (!check_magic(bytes, error)) return false;
  ByteReader r(bytes.substr(kMagic.size()));
  return read_header(r, header, error);
}

bool read_shard_file(std::string_view bytes, ShardHeader& header, const ShardFileReader& parts,
                     std::string& error) {
  if (!check_magic(bytes, error)) return false;
  ByteReader r(bytes.substr(kMagic.size()));
  if (!read_header(r, header, error)) return false;
  while (r.ok()) {
    uint8_t tag = r.byte();
    if (tag == kEnd && r.ok() && r.at_end()) return true;
    if (tag == kEntry) {
      auto id = static_cast<PageId>(r.varint());
      std::string_view json = r.text();
      if (r.ok()) parts.entry(id, json);
    } else if (tag == kPosting) {
      auto page = static_cast<uint32_t>(r.varint());
      std::string_view term = r.text();
      auto weight = static_cast<uint16_t>(r.varint());
      if (r.ok()) parts.posting(page, term, weight);
    } else {
      break;
    }
  }
  error = "its search parts are cut short or garbled";
  return false;
}

}  // namespace bengal::pipeline
