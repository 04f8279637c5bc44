// The records a warm build takes from the cache besides renders and pages: a render's search
// parts (pipeline/incremental.hpp), a page's search terms (pipeline/sharded_search.hpp), the
// related pages (graph/related.hpp); and a shard's file of search parts, which `bengal merge`
// reads from another machine (pipeline/shard_parts.hpp). The input's first byte picks the
// decoder, the rest is the record. On every input: decoding never crashes; a record it accepts
// encodes back to exactly its bytes (one spelling of each record, so nothing a decoder lets
// through is lost or changed on the next build's write); related lists it accepts stay inside
// the lists and name pages of the site.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "bengal/core/byte_codec.hpp"
#include "bengal/graph/related.hpp"
#include "bengal/pipeline/incremental.hpp"
#include "bengal/pipeline/shard_parts.hpp"
#include "bengal/pipeline/sharded_search.hpp"

namespace {

using namespace bengal;

void check_search(std::string_view bytes) {
  pipeline::SearchParts parts;
  if (!pipeline::decode_search(bytes, false, false, parts)) return;
  bool text = !bytes.empty() && (bytes[0] & 1) != 0;
  bool terms = !bytes.empty() && (bytes[0] & 2) != 0;
  pipeline::for_each_kept_term(parts.kept_terms, [&](std::string_view term, uint16_t weight) {
    parts.terms.emplace_back(std::string(term), weight);
  });
  if (pipeline::encode_search(parts, text, terms) != bytes) std::abort();
}

void check_terms(std::string_view bytes) {
  ByteReader r(bytes);
  pipeline::PageTerms terms;
  bool ok = pipeline::read_page_terms(r, [&](std::string_view term, uint16_t weight) {
    terms.emplace_back(std::string(term), weight);
  });
  if (!ok) return;
  ByteWriter w;
  pipeline::write_page_terms(w, terms);
  if (std::string_view(w.bytes()) != bytes.substr(0, bytes.size() - r.remaining())) std::abort();
}

// The first two bytes are the site's page count.
void check_related(std::string_view bytes) {
  if (bytes.size() < 2) return;
  size_t pages = static_cast<uint8_t>(bytes[0]) | (static_cast<size_t>(bytes[1]) & 0xff) << 8;
  std::string_view record = bytes.substr(2);
  auto related = graph::RelatedPages::decode(record, pages);
  if (!related) return;
  size_t listed = 0;
  for (PageId p = 0; p < pages; ++p) {
    auto list = related->of(p);
    listed += list.size();
    if (listed > record.size()) std::abort();  // a list past the record's bytes
    for (PageId q : list)
      if (q >= pages) std::abort();
  }
  if (related->encode() != record) std::abort();
}

void check_shard(std::string_view bytes) {
  pipeline::ShardHeader header;
  std::string error;
  auto inside = [&](std::string_view part) {
    if (part.data() < bytes.data() || part.data() + part.size() > bytes.data() + bytes.size())
      std::abort();
  };
  pipeline::ShardFileReader parts{[&](PageId, std::string_view json) { inside(json); },
                                  [&](uint32_t, std::string_view term, uint16_t) { inside(term); }};
  pipeline::read_shard_file(bytes, header, parts, error);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view record(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      check_search(record);
      break;
    case 1:
      check_terms(record);
      break;
    case 2:
      check_related(record);
      break;
    default:
      check_shard(record);
  }
  return 0;
}
