// Jinja2's text layout and markup filters: center, filesizeformat, forceescape, pprint, urlize,
// wordwrap, xmlattr. Each follows the Python it mirrors (named above each function), so the
// differential test against Jinja2 (tests/templates/jinja2_diff) can hold them to it.
#include <cmath>
#include <regex>
#include <vector>

#include <fmt/format.h>

#include "bengal/templates/engine/filter_args.hpp"

namespace bengal::templates::filter {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// A text argument that must be a number of characters: Python raises a TypeError otherwise.
bool width_arg(const Args& a, size_t i, std::string_view name, int64_t def, int64_t& width,
               std::string& error) {
  const Value* w = a.get(i, name);
  if (w != nullptr && !w->is_number() && w->kind() != Value::Kind::kBool) {
    error = fmt::format("{} must be an integer, not {}", name, w->type_name());
    return false;
  }
  width = w ? w->as_int() : def;
  return true;
}

// Python's repr() with dict keys sorted, as pprint.pformat prints values that fit a line.
void append_sorted_repr(std::string& out, const Value& v, size_t depth) {
  if (depth > 100) {
    out += "...";
    return;
  }
  if (v.kind() == Value::Kind::kDict) {
    Dict sorted = v.as_dict();
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    out += '{';
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (i > 0) out += ", ";
      Value::view(sorted[i].first).append_repr(out);
      out += ": ";
      append_sorted_repr(out, sorted[i].second, depth + 1);
    }
    out += '}';
  } else if (v.kind() == Value::Kind::kList) {
    out += v.is_tuple() ? '(' : '[';
    const List& items = v.as_list();
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ", ";
      append_sorted_repr(out, items[i], depth + 1);
    }
    if (v.is_tuple() && items.size() == 1) out += ',';
    out += v.is_tuple() ? ')' : ']';
  } else {
    v.append_repr(out);
  }
}

// Python's textwrap.wrap(line, width, expand_tabs=False, replace_whitespace=False,
// break_long_words, break_on_hyphens=True): chunks of words and whitespace filled greedily;
// whitespace at the start of a wrapped line and at the end of any line is dropped.
std::vector<std::string> wrap_line(std::string_view line, size_t width, bool break_long) {
  // Chunks: whitespace runs and words, a word split after a hyphen between letters.
  std::vector<std::string_view> chunks;
  auto letter = [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) || u >= 0x80;
  };
  for (size_t i = 0; i < line.size();) {
    size_t j = i;
    if (is_space(line[i])) {
      while (j < line.size() && is_space(line[j])) ++j;
    } else {
      while (j < line.size() && !is_space(line[j])) {
        ++j;
        if (line[j - 1] == '-' && j >= 3 && j - 3 >= i && letter(line[j - 2]) &&
            letter(line[j - 3]) && j < line.size() && letter(line[j]))
          break;
      }
    }
    chunks.push_back(line.substr(i, j - i));
    i = j;
  }
  auto chars = [](std::string_view s) { return Value::char_count(s); };
  std::vector<std::string> lines;
  std::reverse(chunks.begin(), chunks.end());  // a stack: the next chunk is at the back
  while (!chunks.empty()) {
    std::vector<std::string_view> cur;
    size_t cur_len = 0;
    if (!lines.empty() && is_space(chunks.back()[0])) chunks.pop_back();
    while (!chunks.empty() && cur_len + chars(chunks.back()) <= width) {
      cur_len += chars(chunks.back());
      cur.push_back(chunks.back());
      chunks.pop_back();
    }
    if (!chunks.empty() && chars(chunks.back()) > width) {
      if (break_long) {
        size_t room = std::max<size_t>(width > cur_len ? width - cur_len : 0, 1);
        std::string_view& word = chunks.back();
        size_t cut = Value::prefix_bytes(word, room);
        cur.push_back(word.substr(0, cut));
        cur_len += room;
        word.remove_prefix(cut);
      } else if (cur.empty()) {
        cur.push_back(chunks.back());
        chunks.pop_back();
      }
    }
    if (!cur.empty() && is_space(cur.back()[0])) cur.pop_back();
    if (!cur.empty()) {
      std::string joined;
      for (auto c : cur) joined += c;
      lines.push_back(std::move(joined));
    }
  }
  return lines;
}

}  // namespace

// str.center(width): the padding split with the odd space on the right, except when both
// the padding and the width are odd.
bool center(Renderer&, Value& v, Args& a, std::string& error) {
  int64_t width = 0;
  if (!width_arg(a, 0, "width", 80, width, error)) return false;
  width = std::min<int64_t>(width, 100000);
  std::string s = text(v);
  auto n = static_cast<int64_t>(Value::char_count(s));
  if (width <= n) {
    v = Value::string(std::move(s), v.is_safe());
    return true;
  }
  int64_t margin = width - n;
  int64_t left = margin / 2 + (margin & width & 1);
  std::string out(static_cast<size_t>(left), ' ');
  out += s;
  out.append(static_cast<size_t>(margin - left), ' ');
  v = Value::string(std::move(out), v.is_safe());
  return true;
}

// do_filesizeformat: "1 Byte", "N Bytes" below one kilo, then one decimal and the prefix
// (kB MB ... YB, or KiB MiB ... YiB with binary=true).
bool filesizeformat(Renderer&, Value& v, Args& a, std::string& error) {
  bool binary = arg_bool(a, 0, "binary", false);
  double bytes = 0;
  if (v.is_number() || v.kind() == Value::Kind::kBool) {
    bytes = v.as_float();
  } else {
    std::string s = text(v);
    char* end = nullptr;
    bytes = std::strtod(s.c_str(), &end);
    while (end != nullptr && is_space(*end)) ++end;
    if (s.empty() || end == s.c_str() || *end != '\0') {
      error = fmt::format("could not convert '{}' to a number of bytes", s);
      return false;
    }
  }
  static constexpr const char* kDecimal[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  static constexpr const char* kBinary[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  double base = binary ? 1024 : 1000;
  std::string out;
  if (bytes == 1) {
    out = "1 Byte";
  } else if (bytes < base) {
    out = fmt::format("{} Bytes", Value::truncate(bytes));
  } else {
    for (int i = 0; i < 8; ++i) {
      double unit = std::pow(base, i + 2);
      if (bytes < unit || i == 7) {
        out = fmt::format("{:.1f} {}", base * bytes / unit, binary ? kBinary[i] : kDecimal[i]);
        break;
      }
    }
  }
  v = Value::string(std::move(out));
  return true;
}

// do_forceescape: escapes even markup.
bool forceescape(Renderer&, Value& v, Args&, std::string&) {
  v = Value::string(escaped(text(v)), true);
  return true;
}

// do_pprint: pprint.pformat, which is repr() with dict keys sorted for values that fit on a
// line (longer ones are not wrapped here: see "Differences from Jinja2").
bool pprint(Renderer&, Value& v, Args&, std::string&) {
  std::string out;
  append_sorted_repr(out, v, 0);
  v = Value::string(std::move(out));
  return true;
}

// do_wordwrap: each line of the text wrapped by textwrap.wrap, the parts and the lines joined
// by `wrapstring` (a newline by default).
bool wordwrap(Renderer&, Value& v, Args& a, std::string& error) {
  int64_t width = 0;
  if (!width_arg(a, 0, "width", 79, width, error)) return false;
  if (width <= 0) {
    error = fmt::format("invalid width {} (must be > 0)", width);
    return false;
  }
  bool break_long = arg_bool(a, 1, "break_long_words", true);
  std::string wrap = arg_str(a, 2, "wrapstring", "\n");
  std::string s = text(v), out;
  std::vector<std::string_view> lines = split_lines(s);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += wrap;
    bool first = true;
    for (const std::string& part : wrap_line(lines[i], static_cast<size_t>(width), break_long)) {
      if (!first) out += wrap;
      first = false;
      out += part;
      if (out.size() > kMaxBuiltBytes) return too_large(error);
    }
  }
  v = Value::string(std::move(out));
  return true;
}

// utils.urlize: words that look like URLs (http://, https://, www., bare domains of the
// common top-level domains) or e-mail addresses become links; the text is escaped first.
bool urlize(Renderer& r, Value& v, Args& a, std::string&) {
  static const std::regex kHttp(
      R"(^((https?://|www\.)(([\w%-]+\.)+)?([a-z]{2,63}|xn--[\w%]{2,59})|([\w%-]{2,63}\.)+)"
      R"((com|net|int|edu|gov|org|info|mil)|(https?://)((([\d]{1,3})(\.[\d]{1,3}){3})|)"
      R"((\[([\da-f]{0,4}:){2}([\da-f]{0,4}:?){1,6}\])))(:[\d]{1,5})?([/?#]\S*)?$)",
      std::regex::icase | std::regex::optimize);
  static const std::regex kEmail(R"(^\S+@\w[\w.-]*\.\w+$)", std::regex::optimize);
  const Value* limit = a.get(0, "trim_url_limit");
  bool nofollow = arg_bool(a, 1, "nofollow", false);
  std::string target = arg_str(a, 2, "target", "");
  std::string rel_arg = arg_str(a, 3, "rel", "");
  // rel: the words given, plus nofollow, plus the default policy's noopener, sorted.
  std::vector<std::string> rel_parts;
  for (size_t i = 0; i < rel_arg.size();) {
    size_t j = rel_arg.find(' ', i);
    if (j == std::string::npos) j = rel_arg.size();
    if (j > i) rel_parts.emplace_back(rel_arg.substr(i, j - i));
    i = j + 1;
  }
  if (nofollow) rel_parts.emplace_back("nofollow");
  rel_parts.emplace_back("noopener");
  std::sort(rel_parts.begin(), rel_parts.end());
  rel_parts.erase(std::unique(rel_parts.begin(), rel_parts.end()), rel_parts.end());
  std::string rel;
  for (const auto& p : rel_parts) {
    if (!rel.empty()) rel += ' ';
    rel += p;
  }
  std::string attrs = fmt::format(" rel=\"{}\"", escaped(rel));
  if (!target.empty()) attrs += fmt::format(" target=\"{}\"", escaped(target));
  auto trim = [&](const std::string& url) {
    if (limit == nullptr || !limit->is_number()) return url;
    auto n = static_cast<size_t>(std::max<int64_t>(limit->as_int(), 0));
    if (Value::char_count(url) <= n) return url;
    return url.substr(0, Value::prefix_bytes(url, n)) + "...";
  };

  std::string s = v.is_safe() ? text(v) : escaped(text(v)), out;
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    bool space = is_space(s[i]);
    while (j < s.size() && is_space(s[j]) == space) ++j;
    std::string word = s.substr(i, j - i);
    i = j;
    if (space) {
      out += word;
      continue;
    }
    std::string head, middle = word, tail;
    // Leading ( < &lt; and trailing ) > . , &gt; are punctuation around the link.
    for (;;) {
      if (middle.starts_with('(') || middle.starts_with('<')) {
        head += middle[0];
        middle.erase(0, 1);
      } else if (middle.starts_with("&lt;")) {
        head += "&lt;";
        middle.erase(0, 4);
      } else {
        break;
      }
    }
    for (;;) {
      if (!middle.empty() && std::strchr(")>.,\n", middle.back()) != nullptr) {
        tail.insert(0, 1, middle.back());
        middle.pop_back();
      } else if (middle.ends_with("&gt;")) {
        tail.insert(0, "&gt;");
        middle.resize(middle.size() - 4);
      } else {
        break;
      }
    }
    // A closing bracket the link opened belongs to the link.
    static const std::pair<std::string_view, std::string_view> kPairs[] = {
        {"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
    for (auto [open, close] : kPairs) {
      auto count = [](const std::string& h, std::string_view n) {
        size_t c = 0;
        for (size_t p = h.find(n); p != std::string::npos; p = h.find(n, p + n.size())) ++c;
        return c;
      };
      size_t opens = count(middle, open);
      if (opens <= count(middle, close)) continue;
      for (size_t k = std::min(opens, count(tail, close)); k > 0; --k) {
        size_t end = tail.find(close) + close.size();
        middle += tail.substr(0, end);
        tail.erase(0, end);
      }
    }
    if (std::regex_match(middle, kHttp)) {
      std::string href = middle.starts_with("https://") || middle.starts_with("http://")
                             ? middle
                             : fmt::format("https://{}", middle);
      middle = fmt::format("<a href=\"{}\"{}>{}</a>", href, attrs, trim(middle));
    } else if (middle.starts_with("mailto:") && std::regex_match(middle.substr(7), kEmail)) {
      middle = fmt::format("<a href=\"{}\">{}</a>", middle, middle.substr(7));
    } else if (middle.find('@') != std::string::npos && !middle.starts_with("www.") &&
               middle.find(':') == std::string::npos && std::regex_match(middle, kEmail)) {
      middle = fmt::format("<a href=\"mailto:{}\">{}</a>", middle, middle);
    }
    out += head + middle + tail;
  }
  v = Value::string(std::move(out), r.autoescape());
  return true;
}

// do_xmlattr: ` key="value"` for each item whose value is neither none nor undefined, both
// escaped; a key with whitespace, '/', '>' or '=' is an error (it would break the tag).
bool xmlattr(Renderer& r, Value& v, Args& a, std::string& error) {
  bool autospace = arg_bool(a, 0, "autospace", true);
  if (v.kind() != Value::Kind::kDict && v.kind() != Value::Kind::kObject) {
    error = std::string("needs a dict, not ") + v.type_name();
    return false;
  }
  Dict items;
  if (v.kind() == Value::Kind::kDict) {
    items = v.as_dict();
  } else {
    for (const auto& k : v.as_object().keys()) items.emplace_back(k, v.attr(k));
  }
  std::string out;
  for (const auto& [k, x] : items) {
    if (x.is_none() || x.is_undefined()) continue;
    if (k.find_first_of(" \t\n\r\f\v/>=") != std::string::npos) {
      error = fmt::format("invalid character in attribute name '{}'", k);
      return false;
    }
    if (!out.empty() || autospace) out += ' ';
    append_markup_escaped(out, k);
    out += "=\"";
    if (x.is_safe()) {
      x.append_str(out);
    } else {
      append_markup_escaped(out, text(x));
    }
    out += '"';
  }
  v = Value::string(std::move(out), r.autoescape());
  return true;
}

}  // namespace bengal::templates::filter
