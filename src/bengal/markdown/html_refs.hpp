// References in the raw HTML of a Markdown page (links, images, media, embedded files, ids: see
// HtmlRefKind), found as a browser's tokenizer finds attributes, so that the site-link check
// reads them as it reads Markdown's links and images. md4c hands raw HTML over in pieces (a line
// of an HTML block, one inline tag), and a tag may spread over several: the scanner is fed piece
// by piece and keeps its place between them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace bengal::markdown {

enum class HtmlRefKind : uint8_t {
  kLink,   // <a href>, <area href>
  kImage,  // <img src>, each URL of <img srcset> and <source srcset>, <video poster>
  kId,     // any element's id, and <a name>: where a link's #fragment goes (HTML's "indicated
           // part of the document")
  kMedia,  // <video src>, <audio src>, <source src> (of a video or audio), <track src>
  kEmbed,  // what the page loads or embeds: <iframe src>, <embed src>, <object data>,
           // <script src>, <link href> (a stylesheet, an icon, an alternate page)
};

// Each URL of a `srcset` value ("a.png 1x, b.png 2x", "a.png 480w, b@2x.png 960w") with its
// offset in the value, as HTML's srcset parsing finds them.
void for_each_srcset_url(std::string_view srcset,
                         const std::function<void(std::string_view, size_t)>& fn);

class HtmlRefScanner {
 public:
  // `value` is the attribute's value with its character references decoded ("a?x=1&amp;y=2"
  // is "a?x=1&y=2"); `at` points at its first byte in the piece it began in (pieces must
  // stay alive until the reference is reported).
  using Found = std::function<void(HtmlRefKind kind, std::string_view value, const char* at)>;

  // Scans the next piece of HTML.
  void feed(std::string_view html, const Found& found);
  // From now on, the text a browser shows is appended to `*out` as the pieces are scanned:
  // outside tags, comments, scripts and styles, character references as written, a space for
  // each tag. nullptr (the default) keeps none.
  void set_text(std::string* out) { text_ = out; }
  // Forgets a tag left open: raw HTML ends with its block. The other members are set where a
  // tag, an attribute or a value starts, so the state alone says where the scanner is; the
  // strings keep their room for the next block.
  void reset() { state_ = State::kText; }

 private:
  enum class State : uint8_t {
    kText,
    kTagOpen,        // after '<'
    kTagName,        // in a start tag's name
    kEndTag,         // in an end tag: skipped to '>'
    kDeclaration,    // after "<!": a comment when "--" follows, else skipped to '>'
    kComment,        // in "<!-- ... -->"
    kBogus,          // "<?...>", "<!DOCTYPE ...>": skipped to '>'
    kBeforeAttr,     // in a start tag, between attributes
    kAttrName,       // in an attribute's name
    kAfterAttrName,  // after a name: '=' or another attribute
    kBeforeValue,    // after '='
    kValueQuoted,    // in a quoted value ('"' or '\'')
    kValueUnquoted,
    kRawText,  // in <script> or <style>: text up to its end tag
  };

  // One byte in each group of states: between tags, in what holds no reference (an end tag,
  // a comment, a script), in a start tag (`at` points at the byte).
  void outside_tags(char c);
  void skipped(char c);
  void in_start_tag(const char* at, const Found& found);
  void end_value(const Found& found);
  void end_start_tag();
  void after_tag();  // back in text after a tag, comment or declaration

  State state_ = State::kText;
  std::string tag_;    // the start tag's name, lowercased
  std::string attr_;   // the attribute's name, lowercased
  std::string value_;  // the attribute's value as written
  const char* value_at_ = nullptr;
  char quote_ = 0;
  int dashes_ = 0;      // in a comment: '-' just before; in a declaration: "-" read so far
  size_t matched_ = 0;  // in raw text: bytes of "</script" (or "</style") matched
  std::string* text_ = nullptr;
};

}  // namespace bengal::markdown
