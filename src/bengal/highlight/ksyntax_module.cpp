// The shared module libbengal-ksyntax.so: tokenizing with KSyntaxHighlighting, loaded by
// TokenizerPool (tokenizer.cpp) only when a code block needs it. Linking KSyntaxHighlighting
// into the binary loaded Qt and some forty libraries in every run: 55 ms before main(), a
// tenth of a warm 10K-page build, for the few sites with code in a language that the
// hand-written lexers (fast/) do not cover.
#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#include <QString>
#include <map>

#include "bengal/highlight/ksyntax_module.hpp"

namespace bengal::highlight {
namespace {

namespace ksh = KSyntaxHighlighting;

static_assert(static_cast<int>(TokenStyle::kOthers) == ksh::Theme::Others,
              "TokenStyle must follow KSyntaxHighlighting's TextStyle");

class Worker : public ksh::AbstractHighlighter {
 public:
  bool tokenize(std::string_view name, std::string_view code, TokenizedCode& out) {
    ksh::Definition def = definition(name);
    if (!def.isValid()) return false;
    setDefinition(def);
    out_ = &out;
    ksh::State state;
    size_t pos = 0;
    while (pos < code.size()) {
      size_t nl = code.find('\n', pos);
      size_t end = nl == std::string_view::npos ? code.size() : nl;
      state = tokenize_line(code.substr(pos, end - pos), state);
      if (nl == std::string_view::npos) break;
      out.text += '\n';
      pos = nl + 1;
    }
    out_ = nullptr;
    return true;
  }

 protected:
  void applyFormat(int offset, int length, const ksh::Format& format) override {
    if (length <= 0) return;
    TokenStyle style = style_of(format);
    if (style == TokenStyle::kNormal) return;
    auto begin = static_cast<uint32_t>(line_base_ + byte_offset(offset));
    auto end = static_cast<uint32_t>(line_base_ + byte_offset(offset + length));
    auto& tokens = out_->tokens;
    if (!tokens.empty() && tokens.back().end == begin && tokens.back().style == style) {
      tokens.back().end = end;
    } else {
      tokens.push_back({begin, end, style});
    }
  }

 private:
  ksh::Definition definition(std::string_view name) {
    auto it = definitions_.find(name);
    if (it == definitions_.end()) {
      QString qname = QString::fromUtf8(name.data(), static_cast<int>(name.size()));
      it = definitions_.emplace(std::string(name), repository_.definitionForName(qname)).first;
    }
    return it->second;
  }

  ksh::State tokenize_line(std::string_view line, const ksh::State& state) {
    QString q = QString::fromUtf8(line.data(), static_cast<int>(line.size()));
    QByteArray utf8 = q.toUtf8();
    line_base_ = out_->text.size();
    out_->text.append(utf8.constData(), static_cast<size_t>(utf8.size()));
    // Offsets come in UTF-16 units; map them to bytes unless the line is ASCII.
    ascii_ = utf8.size() == q.size();
    if (!ascii_) {
      utf16_to_byte_.assign(static_cast<size_t>(q.size()) + 1, 0);
      size_t bytes = 0;
      for (int i = 0; i < q.size(); ++i) {
        utf16_to_byte_[static_cast<size_t>(i)] = bytes;
        char16_t c = q.at(i).unicode();
        if (c < 0x80) {
          bytes += 1;
        } else if (c < 0x800) {
          bytes += 2;
        } else if (c >= 0xD800 && c < 0xDC00) {
          bytes += 4;  // a surrogate pair: both halves map to the start of the character
          if (i + 1 < q.size()) utf16_to_byte_[static_cast<size_t>(++i)] = bytes - 4;
        } else {
          bytes += 3;
        }
      }
      utf16_to_byte_[static_cast<size_t>(q.size())] = bytes;
    }
    return highlightLine(q, state);
  }

  size_t byte_offset(int utf16) const {
    auto i = static_cast<size_t>(utf16);
    if (ascii_) return i;
    return utf16_to_byte_[std::min(i, utf16_to_byte_.size() - 1)];
  }

  TokenStyle style_of(const ksh::Format& format) {
    size_t id = format.id();
    if (id >= style_by_format_.size()) style_by_format_.resize(id + 1, kUnknown);
    if (style_by_format_[id] == kUnknown) {
      auto style = static_cast<TokenStyle>(format.textStyle());
      QByteArray name = format.name().toUtf8();
      style = refine_style(style, std::string_view(name.constData(), name.size()));
      style_by_format_[id] = static_cast<uint8_t>(style);
    }
    return static_cast<TokenStyle>(style_by_format_[id]);
  }

  static constexpr uint8_t kUnknown = 0xFF;
  ksh::Repository repository_;
  std::map<std::string, ksh::Definition, std::less<>> definitions_;
  std::vector<uint8_t> style_by_format_;
  std::vector<size_t> utf16_to_byte_;
  TokenizedCode* out_ = nullptr;
  size_t line_base_ = 0;
  bool ascii_ = true;
};

}  // namespace

}  // namespace bengal::highlight

extern "C" {

void* bengal_ksyntax_new_worker() {
  return new bengal::highlight::Worker();  // loads the repository's index, ~20 ms
}

void bengal_ksyntax_delete_worker(void* worker) {
  delete static_cast<bengal::highlight::Worker*>(worker);
}

bool bengal_ksyntax_tokenize(void* worker, const char* name, size_t name_size, const char* code,
                             size_t code_size, bengal::highlight::TokenizedCode* out) {
  return static_cast<bengal::highlight::Worker*>(worker)->tokenize({name, name_size},
                                                                   {code, code_size}, *out);
}

}  // extern "C"
