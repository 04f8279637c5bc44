#include "bengal/markdown/html_refs.hpp"

#include <optional>

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
  std::optional<HtmlRefKind> kind;
  bool srcset = false;  // a list of image URLs
  if ((tag_ == "a" || tag_ == "area") && attr_ == "href") {
    kind = HtmlRefKind::kLink;
  } else if (attr_ == "id" || (tag_ == "a" && attr_ == "name")) {
    kind = HtmlRefKind::kId;
  } else if ((tag_ == "img" && attr_ == "src") || (tag_ == "video" && attr_ == "poster")) {
    kind = HtmlRefKind::kImage;
  } else if (attr_ == "src" &&
             (tag_ == "video" || tag_ == "audio" || tag_ == "source" || tag_ == "track")) {
    kind = HtmlRefKind::kMedia;
  } else if ((attr_ == "src" && (tag_ == "iframe" || tag_ == "embed" || tag_ == "script")) ||
             (tag_ == "object" && attr_ == "data") || (tag_ == "link" && attr_ == "href")) {
    kind = HtmlRefKind::kEmbed;
  } else if ((tag_ == "img" || tag_ == "source") && attr_ == "srcset") {
    kind = HtmlRefKind::kImage;  // <picture>'s <source srcset> (a README's logo for dark mode)
    srcset = true;
  }
  if (!kind) return;
  // Values are rarely more than a path: decoded only when they hold a reference, and then
  // every reference found in them is placed at the value's start.
  bool plain = value_.find('&') == std::string::npos;
  std::string decoded = plain ? std::string() : decode_references(value_);
  std::string_view value = plain ? std::string_view(value_) : std::string_view(decoded);
  if (!srcset) {
    found(*kind, value, value_at_);
    return;
  }
  for_each_srcset_url(value, [&](std::string_view url, size_t offset) {
    found(HtmlRefKind::kImage, url, plain ? value_at_ + offset : value_at_);
  });
}

void for_each_srcset_url(std::string_view srcset,
                         const std::function<void(std::string_view, size_t)>& fn) {
  size_t i = 0;
  while (i < srcset.size()) {
    // HTML's "parse a srcset attribute": blanks and commas before a candidate, then its URL up
    // to a blank; a URL that ends in commas ends the candidate there (the commas dropped),
    // else descriptors ("2x", "480w") follow up to the next comma outside parentheses.
    while (i < srcset.size() && (is_space(srcset[i]) || srcset[i] == ',')) ++i;
    size_t start = i;
    while (i < srcset.size() && !is_space(srcset[i])) ++i;
    std::string_view url = srcset.substr(start, i - start);
    bool ended = false;
    while (url.ends_with(',')) {
      url.remove_suffix(1);
      ended = true;
    }
    if (!url.empty()) fn(url, start);
    if (ended) continue;
    for (int depth = 0; i < srcset.size() && (depth > 0 || srcset[i] != ','); ++i) {
      if (srcset[i] == '(') ++depth;
      if (srcset[i] == ')' && depth > 0) --depth;
    }
  }
}

void HtmlRefScanner::end_start_tag() {
  matched_ = 0;
  if (raw_text_end(tag_).empty())
    after_tag();
  else
    state_ = State::kRawText;
}

void HtmlRefScanner::after_tag() {
  state_ = State::kText;
  if (text_ != nullptr) *text_ += ' ';  // "<p>a</p><p>b</p>" shows "a b"
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
    if (c == '<')
      state_ = State::kTagOpen;
    else if (text_ != nullptr)
      *text_ += c;
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
    if (text_ != nullptr) {
      *text_ += '<';
      if (c != '<') *text_ += c;
    }
  }
}

void HtmlRefScanner::skipped(char c) {
  switch (state_) {
    case State::kDeclaration:
      if (c == '-' && ++dashes_ == 2) {
        dashes_ = 0;
        state_ = State::kComment;
      } else if (c == '>') {
        after_tag();
      } else if (c != '-') {
        state_ = State::kBogus;
      }
      return;
    case State::kComment:
      if (c == '>' && dashes_ >= 2) after_tag();
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
      if (c == '>') after_tag();
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
