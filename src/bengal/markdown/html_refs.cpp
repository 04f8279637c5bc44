#include "bengal/markdown/html_refs.hpp"

#include "bengal/markdown/entities.hpp"

namespace bengal::markdown {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The end tag that closes the raw text of `tag`, lowercased, or empty when `tag` has none.
std::string_view raw_text_end(std::string_view tag) {
  if (tag == "script") return "</script";
  if (tag == "style") return "</style";
  return {};
}

}  // namespace

void HtmlRefScanner::end_value(const Found& found) {
  HtmlRefKind kind;
  if (tag_ == "a" && attr_ == "href")
    kind = HtmlRefKind::kLink;
  else if (tag_ == "img" && attr_ == "src")
    kind = HtmlRefKind::kImage;
  else
    return;
  // Values are rarely more than a path: decoded only when they hold a reference.
  if (value_.find('&') == std::string::npos)
    found(kind, value_, value_at_);
  else
    found(kind, decode_references(value_), value_at_);
}

void HtmlRefScanner::end_start_tag() {
  state_ = raw_text_end(tag_).empty() ? State::kText : State::kRawText;
  matched_ = 0;
}

void HtmlRefScanner::feed(std::string_view html, const Found& found) {
  for (size_t i = 0; i < html.size(); ++i) {
    switch (state_) {
      case State::kText:
      case State::kTagOpen:
        outside_tags(html[i]);
        break;
      case State::kEndTag:
      case State::kBogus:
      case State::kDeclaration:
      case State::kComment:
      case State::kRawText:
        skipped(html[i]);
        break;
      default:
        in_start_tag(html.data() + i, found);
        break;
    }
  }
}

void HtmlRefScanner::outside_tags(char c) {
  if (state_ == State::kText) {
    if (c == '<') state_ = State::kTagOpen;
    return;
  }
  if (is_letter(c)) {
    tag_.assign(1, lower(c));
    state_ = State::kTagName;
  } else if (c == '/') {
    state_ = State::kEndTag;
  } else if (c == '!') {
    dashes_ = 0;
    state_ = State::kDeclaration;
  } else if (c == '?') {
    state_ = State::kBogus;
  } else {
    state_ = c == '<' ? State::kTagOpen : State::kText;  // "a < b" is text
  }
}

void HtmlRefScanner::skipped(char c) {
  switch (state_) {
    case State::kDeclaration:
      if (c == '-' && ++dashes_ == 2) {
        dashes_ = 0;
        state_ = State::kComment;
      } else if (c != '-') {
        state_ = c == '>' ? State::kText : State::kBogus;
      }
      return;
    case State::kComment:
      if (c == '>' && dashes_ >= 2) state_ = State::kText;
      dashes_ = c == '-' ? dashes_ + 1 : 0;
      return;
    case State::kRawText: {
      std::string_view end = raw_text_end(tag_);
      if (lower(c) == end[matched_]) {
        if (++matched_ == end.size()) state_ = State::kEndTag;
      } else {
        matched_ = c == '<' ? 1 : 0;
      }
      return;
    }
    default:  // an end tag, "<?...>", "<!DOCTYPE ...>"
      if (c == '>') state_ = State::kText;
      return;
  }
}

void HtmlRefScanner::in_start_tag(const char* at, const Found& found) {
  char c = *at;
  if (state_ == State::kValueQuoted) {
    if (c != quote_) {
      value_ += c;
      return;
    }
    end_value(found);
    state_ = State::kBeforeAttr;
    return;
  }
  if (state_ == State::kValueUnquoted && !is_space(c) && c != '>') {
    value_ += c;
    return;
  }
  if (state_ == State::kValueUnquoted) end_value(found);
  if (c == '>') {
    end_start_tag();  // "<a href=>" has an empty value, "<a href>" none
    return;
  }
  switch (state_) {
    case State::kTagName:
      if (is_space(c) || c == '/')
        state_ = State::kBeforeAttr;
      else
        tag_ += lower(c);
      return;
    case State::kAttrName:
      if (c == '=')
        state_ = State::kBeforeValue;
      else if (is_space(c) || c == '/')
        state_ = State::kAfterAttrName;
      else
        attr_ += lower(c);
      return;
    case State::kBeforeValue:
      if (is_space(c)) return;
      value_.clear();
      quote_ = c == '"' || c == '\'' ? c : 0;
      if (quote_ == 0) value_ += c;
      value_at_ = quote_ == 0 ? at : at + 1;
      state_ = quote_ == 0 ? State::kValueUnquoted : State::kValueQuoted;
      return;
    default:  // between attributes, or after a name without '='
      if (c == '=' && state_ == State::kAfterAttrName) {
        state_ = State::kBeforeValue;
      } else if (!is_space(c) && c != '/') {
        attr_.assign(1, lower(c));
        state_ = State::kAttrName;
      } else if (state_ == State::kValueUnquoted) {
        state_ = State::kBeforeAttr;
      }
      return;
  }
}

}  // namespace bengal::markdown
