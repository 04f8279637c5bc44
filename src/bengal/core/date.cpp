#include "bengal/core/date.hpp"

#include <array>
#include <cstdio>

namespace bengal {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Civil {
  int64_t year;
  unsigned month, day;
};

Civil civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

bool is_leap(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(int64_t y, unsigned m) {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};
constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};

// Reads exactly `n` digits at `pos`.
bool digits(std::string_view s, size_t& pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += n;
  return true;
}

// Broken-down local time as written.
struct Local {
  Civil civil;
  int hour, minute, second;
  unsigned weekday;  // 0 = Sunday
  unsigned yday;     // 1-based
};

Local local_of(const Date& d) {
  int64_t local = d.epoch_seconds + int64_t{d.offset_minutes} * 60;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t secs = local - days * 86400;
  Local l;
  l.civil = civil_from_days(days);
  l.hour = static_cast<int>(secs / 3600);
  l.minute = static_cast<int>(secs / 60 % 60);
  l.second = static_cast<int>(secs % 60);
  l.weekday = static_cast<unsigned>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday
  l.yday = static_cast<unsigned>(days - days_from_civil(l.civil.year, 1, 1) + 1);
  return l;
}

std::string offset_text(int32_t minutes, bool colon) {
  char sign = minutes < 0 ? '-' : '+';
  int m = minutes < 0 ? -minutes : minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, colon ? "%c%02d:%02d" : "%c%02d%02d", sign, m / 60, m % 60);
  return buf;
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  size_t pos = 0;
  int y, mo, d;
  if (!digits(s, pos, 4, y) || pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, mo) ||
      pos >= s.size() || s[pos++] != '-' || !digits(s, pos, 2, d))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 ||
      static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(mo)))
    return std::nullopt;
  Date date;
  int64_t seconds = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
    ++pos;
    int h, mi, sec = 0;
    if (!digits(s, pos, 2, h) || pos >= s.size() || s[pos++] != ':' || !digits(s, pos, 2, mi))
      return std::nullopt;
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!digits(s, pos, 2, sec)) return std::nullopt;
      if (pos < s.size() && s[pos] == '.') {  // fractional seconds are accepted and dropped
        ++pos;
        size_t start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == start) return std::nullopt;
      }
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    seconds += h * 3600 + mi * 60 + std::min(sec, 59);
    date.has_time = true;
    while (pos < s.size() && s[pos] == ' ') ++pos;
    if (pos < s.size()) {
      if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
      } else if (s[pos] == '+' || s[pos] == '-') {
        int sign = s[pos++] == '-' ? -1 : 1;
        int oh, om;
        if (!digits(s, pos, 2, oh)) return std::nullopt;
        if (pos < s.size() && s[pos] == ':') ++pos;
        if (!digits(s, pos, 2, om) || oh > 23 || om > 59) return std::nullopt;
        date.offset_minutes = sign * (oh * 60 + om);
      } else {
        return std::nullopt;
      }
    }
    if (pos != s.size()) return std::nullopt;
  }
  date.epoch_seconds = seconds - int64_t{date.offset_minutes} * 60;
  return date;
}

std::string Date::to_rfc3339() const {
  Local l = local_of(*this);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d",
                static_cast<long long>(l.civil.year), l.civil.month, l.civil.day, l.hour, l.minute,
                l.second);
  return std::string(buf) + (offset_minutes == 0 ? "Z" : offset_text(offset_minutes, true));
}

std::string Date::to_iso_date() const {
  Local l = local_of(*this);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(l.civil.year),
                l.civil.month, l.civil.day);
  return buf;
}

std::string Date::format(std::string_view fmt) const {
  Local l = local_of(*this);
  std::string out;
  char buf[32];
  auto num = [&](const char* f, long long v) {
    std::snprintf(buf, sizeof buf, f, v);
    out += buf;
  };
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%' || i + 1 == fmt.size()) {
      out += fmt[i];
      continue;
    }
    switch (fmt[++i]) {
      case 'Y':
        num("%04lld", l.civil.year);
        break;
      case 'y':
        num("%02lld", l.civil.year % 100);
        break;
      case 'm':
        num("%02lld", l.civil.month);
        break;
      case 'd':
        num("%02lld", l.civil.day);
        break;
      case 'e':
        num("%2lld", l.civil.day);
        break;
      case '-':  // %-d, %-m: without padding, as in glibc
        if (i + 1 < fmt.size()) {
          char c = fmt[++i];
          if (c == 'd')
            num("%lld", l.civil.day);
          else if (c == 'm')
            num("%lld", l.civil.month);
          else if (c == 'H')
            num("%lld", l.hour);
          else if (c == 'I')
            num("%lld", (l.hour + 11) % 12 + 1);
          else {
            out += "%-";
            out += c;
          }
        }
        break;
      case 'H':
        num("%02lld", l.hour);
        break;
      case 'I':
        num("%02lld", (l.hour + 11) % 12 + 1);
        break;
      case 'p':
        out += l.hour < 12 ? "AM" : "PM";
        break;
      case 'M':
        num("%02lld", l.minute);
        break;
      case 'S':
        num("%02lld", l.second);
        break;
      case 'j':
        num("%03lld", l.yday);
        break;
      case 'b':
      case 'h':
        out += std::string_view(kMonths[l.civil.month - 1]).substr(0, 3);
        break;
      case 'B':
        out += kMonths[l.civil.month - 1];
        break;
      case 'a':
        out += std::string_view(kWeekdays[l.weekday]).substr(0, 3);
        break;
      case 'A':
        out += kWeekdays[l.weekday];
        break;
      case 'u':
        num("%lld", l.weekday == 0 ? 7 : l.weekday);
        break;
      case 'w':
        num("%lld", l.weekday);
        break;
      case 'z':
        out += offset_text(offset_minutes, false);
        break;
      case 'Z':
        out += offset_minutes == 0 ? "UTC" : offset_text(offset_minutes, true);
        break;
      case 'F':
        out += to_iso_date();
        break;
      case 'T':
        num("%02lld", l.hour);
        out += ':';
        num("%02lld", l.minute);
        out += ':';
        num("%02lld", l.second);
        break;
      case 's':
        num("%lld", epoch_seconds);
        break;
      case '%':
        out += '%';
        break;
      default:
        out += '%';
        out += fmt[i];
    }
  }
  return out;
}

}  // namespace bengal
