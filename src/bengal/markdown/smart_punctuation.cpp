#include "bengal/markdown/smart_punctuation.hpp"

#include <utility>

namespace bengal::markdown {
namespace {

constexpr std::string_view kLeftDouble = "\xE2\x80\x9C";   // “
constexpr std::string_view kRightDouble = "\xE2\x80\x9D";  // ”
constexpr std::string_view kLeftSingle = "\xE2\x80\x98";   // ‘
constexpr std::string_view kRightSingle = "\xE2\x80\x99";  // ’, also the apostrophe
constexpr std::string_view kEnDash = "\xE2\x80\x93";
constexpr std::string_view kEmDash = "\xE2\x80\x94";
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

void SmartPunctuation::append(std::string_view text, std::string& out) {
  size_t i = 0;
  bool escaped_start = std::exchange(escape_next_, false);
  if (escaped_start && !text.empty()) {
    out += text[0];
    before_ = Before::kWord;
    i = 1;
  }
  while (i < text.size()) {
    char c = text[i];
    if (c == '.' && text.substr(i, 3) == "...") {
      out += kEllipsis;
      before_ = Before::kWord;
      i += 3;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      // A run of hyphens is dashes of one kind where it divides evenly, as CommonMark's smart
      // punctuation has it: "---" one em dash, "----" two en dashes, "-----" an em and an en.
      size_t run = 0;
      while (i + run < text.size() && text[i + run] == '-') ++run;
      size_t em = 0, en = 0;
      if (run % 3 == 0) {
        em = run / 3;
      } else if (run % 2 == 0) {
        en = run / 2;
      } else if (run % 3 == 2) {
        em = (run - 2) / 3;
        en = 1;
      } else {
        em = (run - 4) / 3;
        en = 2;
      }
      for (size_t k = 0; k < em; ++k) out += kEmDash;
      for (size_t k = 0; k < en; ++k) out += kEnDash;
      before_ = Before::kOpening;  // —“like this”
      i += run;
    } else if (c == '"') {
      // Opens after a blank, an opening bracket or a dash; closes after a word.
      bool opens = before_ != Before::kWord;
      out += opens ? kLeftDouble : kRightDouble;
      before_ = opens ? Before::kOpening : Before::kWord;
      ++i;
    } else if (c == '\'') {
      // After a word it is an apostrophe or closes ("don't", "the 'word'"); before two digits
      // it stands for the century ("the '90s").
      bool decade = i + 2 < text.size() && is_digit(text[i + 1]) && is_digit(text[i + 2]);
      bool opens = before_ != Before::kWord && !decade;
      out += opens ? kLeftSingle : kRightSingle;
      before_ = opens ? Before::kOpening : Before::kWord;
      ++i;
    } else {
      out += c;
      before_ = is_blank(c)                          ? Before::kSpace
                : (c == '(' || c == '[' || c == '{') ? Before::kOpening
                                                     : Before::kWord;
      ++i;
    }
  }
}

std::string smart_punctuation(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  SmartPunctuation smart;
  smart.append(text, out);
  return out;
}

}  // namespace bengal::markdown
