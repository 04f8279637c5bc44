#include "bengal/core/date.hpp"

#include <algorithm>
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

// Reads a date's text left to right; every read either consumes what it matched or fails.
struct Cursor {
  std::string_view s;
  size_t pos = 0;

  bool done() const { return pos == s.size(); }
  bool at(std::string_view chars) const {
    return pos < s.size() && chars.find(s[pos]) != std::string_view::npos;
  }
  bool skip(std::string_view chars) {
    if (!at(chars)) return false;
    ++pos;
    return true;
  }
  // Exactly `n` digits.
  bool digits(size_t n, int& out) {
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
};

// date = YYYY "-" MM "-" DD, a day that exists. Gives days since 1970-01-01.
std::optional<int64_t> read_day(Cursor& c) {
  int y, mo, d;
  if (!c.digits(4, y) || !c.skip("-") || !c.digits(2, mo) || !c.skip("-") || !c.digits(2, d))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 ||
      static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(mo)))
    return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
}

// seconds = SS ["." 1*digit]. Fractional seconds are accepted and dropped.
bool read_seconds(Cursor& c, int& sec) {
  if (!c.digits(2, sec)) return false;
  if (!c.skip(".")) return true;
  size_t start = c.pos;
  while (c.at("0123456789")) ++c.pos;
  return c.pos != start;
}

// time = HH ":" MM [":" seconds]. Gives seconds since midnight; a leap second counts as :59.
std::optional<int> read_time_of_day(Cursor& c) {
  int h, mi, sec = 0;
  if (!c.digits(2, h) || !c.skip(":") || !c.digits(2, mi)) return std::nullopt;
  if (c.skip(":") && !read_seconds(c, sec)) return std::nullopt;
  if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
  return h * 3600 + mi * 60 + std::min(sec, 59);
}

// offset = "Z" | ("+" | "-") HH [":"] MM, in minutes east of UTC.
std::optional<int32_t> read_offset(Cursor& c) {
  if (c.skip("Zz")) return 0;
  if (!c.at("+-")) return std::nullopt;
  int sign = c.s[c.pos++] == '-' ? -1 : 1;
  int oh, om;
  if (!c.digits(2, oh)) return std::nullopt;
  c.skip(":");
  if (!c.digits(2, om) || oh > 23 || om > 59) return std::nullopt;
  return sign * (oh * 60 + om);
}

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
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

// %-d, %-m, %-H, %-I: without padding, as in glibc. Any other letter is written as it is.
void append_unpadded(std::string& out, char c, const Local& l) {
  switch (c) {
    case 'd':
      out += std::to_string(l.civil.day);
      break;
    case 'm':
      out += std::to_string(l.civil.month);
      break;
    case 'H':
      out += std::to_string(l.hour);
      break;
    case 'I':
      out += std::to_string((l.hour + 11) % 12 + 1);
      break;
    default:
      out += "%-";
      out += c;
  }
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether `word` is `name`, or the first `abbreviated` letters of it, in any case.
bool names(std::string_view word, std::string_view name, size_t abbreviated = 3) {
  if (word.empty() || word.size() > name.size()) return false;
  if (word.size() != name.size() && word.size() != abbreviated) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if (ascii_lower(word[i]) != ascii_lower(name[i])) return false;
  return true;
}

// The letters at the cursor, consumed.
std::string_view read_word(Cursor& c) {
  size_t start = c.pos;
  while (c.pos < c.s.size() && ascii_lower(c.s[c.pos]) >= 'a' && ascii_lower(c.s[c.pos]) <= 'z')
    ++c.pos;
  return c.s.substr(start, c.pos - start);
}

// time-part = time *" " [offset | "UTC" | "GMT" | "UT"]: the rest of the text after a day.
// Gives `date` its time and offset; false when anything else follows. Other zone names are
// refused: "EST" or "IST" name more than one offset.
bool read_time_part(Cursor& c, Date& date, int64_t& seconds) {
  std::optional<int> time = read_time_of_day(c);
  if (!time) return false;
  seconds += *time;
  date.has_time = true;
  while (c.at(" ")) ++c.pos;
  if (c.done()) return true;
  size_t zone = c.pos;
  std::string_view name = read_word(c);
  if (c.done() && (names(name, "UTC", 0) || names(name, "GMT", 0) || names(name, "UT", 0)))
    return true;
  c.pos = zone;
  std::optional<int32_t> offset = read_offset(c);
  if (!offset || !c.done()) return false;
  date.offset_minutes = *offset;
  return true;
}

// An English month's name or its first three letters ("Sept" too), in any case: 1..12, or 0.
unsigned read_month_name(Cursor& c) {
  std::string_view word = read_word(c);
  for (unsigned m = 0; m < kMonths.size(); ++m)
    if (names(word, kMonths[m]) || (m == 8 && names(word, kMonths[m], 4))) return m + 1;
  return 0;
}

// One or two digits.
bool read_day_of_month(Cursor& c, int& out) {
  if (!c.digits(1, out)) return false;
  int second;
  if (c.digits(1, second)) out = out * 10 + second;
  return true;
}

// A day written out as Hugo, Jekyll and feeds write it: "15 Oct 2023", "15 October 2023",
// "Oct 15, 2023", "October 15 2023", after an optional weekday ("Sun, 15 Oct 2023", RFC 1123).
// Gives days since 1970-01-01.
std::optional<int64_t> read_written_day(Cursor& c) {
  if (!c.at("0123456789")) {  // a weekday, checked for its name and otherwise ignored, as Go does
    size_t start = c.pos;
    std::string_view word = read_word(c);
    if (std::none_of(kWeekdays.begin(), kWeekdays.end(),
                     [&](std::string_view name) { return names(word, name); })) {
      c.pos = start;
    } else {
      c.skip(",");
      if (!c.skip(" ")) return std::nullopt;
    }
  }
  int y, d;
  unsigned mo;
  if (c.at("0123456789")) {  // 15 Oct 2023
    if (!read_day_of_month(c, d) || !c.skip(" ") || !(mo = read_month_name(c)) || !c.skip(" "))
      return std::nullopt;
  } else {  // Oct 15, 2023
    if (!(mo = read_month_name(c)) || !c.skip(" ") || !read_day_of_month(c, d)) return std::nullopt;
    c.skip(",");
    if (!c.skip(" ")) return std::nullopt;
  }
  if (!c.digits(4, y) || d < 1 || static_cast<unsigned>(d) > days_in_month(y, mo))
    return std::nullopt;
  return days_from_civil(y, mo, static_cast<unsigned>(d));
}

}  // namespace

// text = (iso-day [("T" | "t" | " ") time-part]) | (written-day [" " time-part]), with blanks
// around it ignored.
std::optional<Date> parse_date(std::string_view text) {
  Cursor c{trim_blanks(text)};
  bool iso = c.s.size() >= 4 && std::all_of(c.s.begin(), c.s.begin() + 4,
                                            [](char ch) { return ch >= '0' && ch <= '9'; });
  std::optional<int64_t> day = iso ? read_day(c) : read_written_day(c);
  if (!day) return std::nullopt;
  Date date;
  int64_t seconds = *day * 86400;
  if (!c.done()) {
    if (!c.skip(iso ? "Tt " : " ") || !read_time_part(c, date, seconds)) return std::nullopt;
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
      case '-':
        if (i + 1 < fmt.size()) append_unpadded(out, fmt[++i], l);
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
