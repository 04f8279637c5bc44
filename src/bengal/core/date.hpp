// Dates from front matter. A date is what the author wrote: an instant plus the UTC offset it
// was written in, so output shows the author's local time and never depends on the machine's
// time zone or the clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bengal {

struct Date {
  int64_t epoch_seconds = 0;   // the instant, seconds since 1970-01-01T00:00:00Z
  int32_t offset_minutes = 0;  // offset as written ("+02:00" -> 120); 0 for "Z" or none
  bool has_time = false;       // false for a date-only value such as 2024-01-31

  // "2024-01-31T10:00:00+02:00" (or "Z"); date-only values give "2024-01-31T00:00:00Z".
  std::string to_rfc3339() const;
  // "2024-01-31" in the written offset.
  std::string to_iso_date() const;
  // strftime-style formatting in the written offset (%Y %m %d %H %M %S %b %B %a %A %e %j %y
  // %z %Z %F %T %%), locale-independent (English month and day names).
  std::string format(std::string_view fmt) const;

  friend bool operator==(const Date&, const Date&) = default;
  // Orders by instant only.
  friend bool operator<(const Date& a, const Date& b) { return a.epoch_seconds < b.epoch_seconds; }
};

// Accepts "2024-01-31", "2024-01-31T10:00:00", "2024-01-31T10:00:00Z",
// "2024-01-31T10:00:00+02:00", "2024-01-31 10:00:00", fractional seconds, and "+0200"; the
// days Hugo, Jekyll and feeds write out, "31 Jan 2024", "January 31, 2024" and
// "Wed, 31 Jan 2024 10:00:00 +0200", with English month and weekday names in any case; and
// the zone names UTC, GMT and UT for "Z".
// nullopt when the text is not such a date (including invalid days like 2023-02-30).
std::optional<Date> parse_date(std::string_view text);

}  // namespace bengal
