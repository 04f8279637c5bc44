// Dates from front matter: parsing any text, and formatting any parsed date with any format
// (the `date` template filter). Input: the date text, a newline, the format.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "bengal/core/date.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  size_t nl = input.find('\n');
  std::string_view text = input.substr(0, nl);
  std::string_view format = nl == std::string_view::npos ? "%F %T %z" : input.substr(nl + 1);
  std::optional<bengal::Date> date = bengal::parse_date(text);
  if (!date) return 0;
  date->to_iso_date();
  date->format(format);
  // What a page's date prints as (sitemap, feeds) must read back as the same instant.
  std::optional<bengal::Date> again = bengal::parse_date(date->to_rfc3339());
  if (!again || again->epoch_seconds != date->epoch_seconds ||
      again->offset_minutes != date->offset_minutes)
    std::abort();
  return 0;
}
