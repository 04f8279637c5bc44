#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <limits>
#include <string>

#include "bengal/config/yaml_reader.hpp"

namespace bengal::config {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_int(std::string_view s, int64_t& out) {
  if (s.empty()) return false;
  std::string str(s);
  int base = 10;
  size_t start = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (start == s.size()) return false;
  if (s.substr(start).starts_with("0x")) base = 16;
  if (s.substr(start).starts_with("0o")) {
    base = 8;
    str.erase(start + 1, 1);  // strtoll wants "0755", not "0o755"
  }
  for (size_t i = start + (base == 16 ? 2 : 0); i < str.size(); ++i) {
    char c = str[i];
    bool ok =
        base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0 : (c >= '0' && c <= '9');
    if (!ok) return false;
  }
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(str.c_str(), &end, base);
  if (errno != 0 || *end != '\0') return false;
  out = v;
  return true;
}

bool is_float(std::string_view s, double& out) {
  if (s == ".inf" || s == ".Inf" || s == ".INF" || s == "+.inf") {
    out = std::numeric_limits<double>::infinity();
    return true;
  }
  if (s == "-.inf" || s == "-.Inf" || s == "-.INF") {
    out = -std::numeric_limits<double>::infinity();
    return true;
  }
  if (s == ".nan" || s == ".NaN" || s == ".NAN") {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  // YAML 1.2 core: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exp;
    if (exp == 0) return false;
  }
  if (i != s.size()) return false;
  out = std::strtod(std::string(s).c_str(), nullptr);
  return true;
}

}  // namespace

Value plain_scalar(std::string_view s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return Value();
  if (s == "true" || s == "True" || s == "TRUE") return Value(true);
  if (s == "false" || s == "False" || s == "FALSE") return Value(false);
  // Numbers start with a digit, a sign or a dot; most strings are rejected here, cheaply.
  if (is_digit(s[0]) || s[0] == '-' || s[0] == '+' || s[0] == '.') {
    int64_t i;
    if (is_int(s, i)) return Value(i);
    double d;
    if (is_float(s, d)) return Value(d);
  }
  return Value(s);
}

}  // namespace bengal::config
