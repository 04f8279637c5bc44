#include <xxhash.h>

#include "bengal/highlight/block_cache.hpp"
#include "bengal/highlight/block_html.hpp"
#include "bengal/highlight/fast/lexers.hpp"
#include "bengal/highlight/highlight.hpp"
#include "bengal/highlight/languages.hpp"
#include "bengal/highlight/tokenizer.hpp"

namespace bengal::highlight {

namespace {

// Everything that changes the markup goes into the key; fields are length-prefixed so that
// ("ab", "c") and ("a", "bc") differ.
BlockKey block_key(const Language& language, std::string_view code, const Options& o) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_128bits_reset(state);
  auto add = [&](std::string_view s) {
    uint64_t n = s.size();
    XXH3_128bits_update(state, &n, sizeof n);
    XXH3_128bits_update(state, s.data(), s.size());
  };
  add(language.canonical);
  uint8_t flags = static_cast<uint8_t>(o.scheme) | (o.line_numbers ? 2 : 0);
  XXH3_128bits_update(state, &flags, sizeof flags);
  add(o.title);
  XXH3_128bits_update(state, &o.first_line_number, sizeof o.first_line_number);
  for (const LineRange& r : o.highlight_lines) {
    uint32_t pair[2] = {r.first, r.last};
    XXH3_128bits_update(state, pair, sizeof pair);
  }
  add(code);
  XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  return {h.low64, h.high64};
}

}  // namespace

struct Highlighter::Impl {
  explicit Impl(size_t cache_bytes) : cache(cache_bytes) {}
  TokenizerPool tokenizers;
  BlockCache cache;
};

Highlighter::Highlighter(size_t cache_bytes) : impl_(std::make_unique<Impl>(cache_bytes)) {}
Highlighter::~Highlighter() = default;

bool Highlighter::highlight(std::string_view language, std::string_view code,
                            const Options& options, std::string& html_out) const {
  const Language* lang = find_language(language);
  if (lang == nullptr) return false;
  BlockKey key = block_key(*lang, code, options);
  if (impl_->cache.append(key, html_out)) return true;

  TokenizedCode tokens;
  // The hand-written lexers first; KSyntaxHighlighting for the languages they do not cover.
  if (code.size() > kMaxTokenizedBytes ||
      (!fast::tokenize(lang->canonical, code, tokens) &&
       !impl_->tokenizers.tokenize(lang->definition, code, tokens))) {
    tokens.text.assign(code);  // too big to tokenize (or no definition): the markup, plain
    tokens.tokens.clear();
  }
  size_t start = html_out.size();
  write_block_html(lang->canonical, tokens, options, html_out);
  impl_->cache.insert(key, std::string_view(html_out).substr(start));
  return true;
}

bool Highlighter::highlight_fence(std::string_view info, std::string_view code, ClassScheme scheme,
                                  std::string& html_out) const {
  FenceInfo fence = parse_fence_info(info);
  fence.options.scheme = scheme;
  return highlight(fence.language, code, fence.options, html_out);
}

}  // namespace bengal::highlight
