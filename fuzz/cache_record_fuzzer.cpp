// The build cache's render records, body reads and index.json entry spans
// (cache/unit_record.hpp), read back from a cache file that may be corrupt or foreign. The
// input's first byte picks the decoder, the rest is the record. On every input: decoding never
// crashes; a record it accepts encodes to bytes that decode to the same record (so nothing a
// decoder lets through is lost or changed on the next build's write); and an entry span list it
// accepts encodes back to exactly its bytes (one spelling of each list).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "bengal/cache/unit_record.hpp"

namespace {

using namespace bengal::cache;

void check_unit(std::string_view bytes) {
  UnitRecord unit;
  if (!decode_unit(bytes, unit)) return;
  std::string once = encode_unit(unit);
  UnitRecord again;
  if (!decode_unit(once, again) || encode_unit(again) != once) std::abort();
}

void check_reads(std::string_view bytes) {
  bengal::reads::ReadSet reads;
  if (!decode_reads(bytes, reads)) return;
  std::string once = encode_reads(reads);
  bengal::reads::ReadSet again;
  if (!decode_reads(once, again) || encode_reads(again) != once) std::abort();
}

void check_spans(std::string_view bytes) {
  std::vector<EntrySpan> spans;
  if (!decode_entry_spans(bytes, spans)) return;
  if (encode_entry_spans(spans) != bytes) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view record(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      check_unit(record);
      break;
    case 1:
      check_reads(record);
      break;
    default:
      check_spans(record);
  }
  return 0;
}
