#include "bengal/content/dated_names.hpp"

namespace bengal::content {

std::optional<DatedName> dated_name(std::string_view stem) {
  constexpr size_t kDay = 10;  // "2024-01-31"
  if (stem.size() < kDay + 2 || (stem[kDay] != '-' && stem[kDay] != '_')) return std::nullopt;
  for (size_t i = 0; i < kDay; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? stem[i] != '-' : (stem[i] < '0' || stem[i] > '9')) return std::nullopt;
  }
  std::optional<Date> day = parse_date(stem.substr(0, kDay));
  if (!day) return std::nullopt;
  return DatedName{*day, stem.substr(kDay + 1)};
}

}  // namespace bengal::content
