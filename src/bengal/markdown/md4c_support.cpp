#include "bengal/markdown/md4c_support.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "bengal/markdown/entities.hpp"
#include "bengal/markdown/hugo_shortcodes.hpp"

namespace bengal::markdown {
namespace {

// Stands between md4c and the caller's callbacks to cut text runs at the input's end.
struct Forwarder {
  const MD_PARSER& parser;
  void* userdata;
  std::string_view input;

  static Forwarder& of(void* self) { return *static_cast<Forwarder*>(self); }
  static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
    return of(self).parser.enter_block(type, detail, of(self).userdata);
  }
  static int leave_block(MD_BLOCKTYPE type, void* detail, void* self) {
    return of(self).parser.leave_block(type, detail, of(self).userdata);
  }
  static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
    return of(self).parser.enter_span(type, detail, of(self).userdata);
  }
  static int leave_span(MD_SPANTYPE type, void* detail, void* self) {
    return of(self).parser.leave_span(type, detail, of(self).userdata);
  }
  // A run that starts inside the input ends at its end at the latest. Runs md4c keeps
  // elsewhere (the replacement for a NUL character, for one) are passed on as they are.
  static int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
    const Forwarder& f = of(self);
    auto at = reinterpret_cast<std::uintptr_t>(text);
    auto begin = reinterpret_cast<std::uintptr_t>(f.input.data());
    auto end = begin + f.input.size();
    if (at >= begin && at <= end && size > end - at) size = static_cast<MD_SIZE>(end - at);
    return f.parser.text(type, text, size, f.userdata);
  }
};

}  // namespace

Md4cInput::Md4cInput(std::string_view text, bool hugo_refs, const std::vector<std::string>* site)
    : source_(text), text_(text) {
  if (hugo_refs) rewrite_ref_links(text_);
  if (site != nullptr) calls_ = mark_inline_shortcodes(text_, *site);
}

const TextSpan* Md4cInput::span_call(const char* first_run) const {
  if (calls_.empty() || first_run < text_.data() + 2 || first_run >= text_.data() + text_.size())
    return nullptr;
  auto offset = static_cast<size_t>(first_run - text_.data()) - 2;
  auto call = std::lower_bound(calls_.begin(), calls_.end(), offset,
                               [](const TextSpan& c, size_t o) { return c.offset < o; });
  return call != calls_.end() && call->offset == offset ? &*call : nullptr;
}

std::span<const TextSpan> Md4cInput::calls_in(std::string_view run) const {
  if (calls_.empty() || run.data() < text_.data() || run.data() > text_.data() + text_.size())
    return {};
  auto begin = static_cast<size_t>(run.data() - text_.data());
  size_t end = begin + run.size();
  // Calls never overlap each other: the first that ends after `begin`, up to the first that
  // starts at or after `end`.
  auto first = std::partition_point(calls_.begin(), calls_.end(), [&](const TextSpan& c) {
    return c.offset + c.length <= begin;
  });
  auto last =
      std::partition_point(first, calls_.end(), [&](const TextSpan& c) { return c.offset < end; });
  return {first, last};
}

std::string_view Md4cInput::as_written(std::string_view run) const {
  std::span<const TextSpan> calls = calls_in(run);
  if (calls.empty()) return run;
  auto begin = static_cast<size_t>(run.data() - text_.data());
  size_t end = begin + run.size();
  if (calls.front().offset + 2 == begin) begin -= 2;
  if (calls.back().offset + calls.back().length - 2 == end) end += 2;
  return source_.substr(begin, end - begin);
}

void Md4cInput::decode(const MD_ATTRIBUTE& a, std::string& out) const {
  if (a.size == 0 || calls_in(std::string_view(a.text, a.size)).empty()) {
    decode_attribute(a, out);
    return;
  }
  MD_ATTRIBUTE written = a;  // the same length: its pieces' offsets hold
  written.text = in_source(a.text);
  decode_attribute(written, out);
}

int Md4cInput::parse(const MD_PARSER& parser, void* userdata) const {
  Forwarder forwarder{parser, userdata, text_};
  MD_PARSER forwarding = parser;
  forwarding.enter_block = &Forwarder::enter_block;
  forwarding.leave_block = &Forwarder::leave_block;
  forwarding.enter_span = &Forwarder::enter_span;
  forwarding.leave_span = &Forwarder::leave_span;
  forwarding.text = &Forwarder::text;
  forwarding.debug_log = nullptr;  // it would be handed the forwarder as its userdata
  return md_parse(text_.c_str(), static_cast<MD_SIZE>(text_.size()), &forwarding, &forwarder);
}

void decode_attribute(const MD_ATTRIBUTE& a, std::string& out) {
  out.clear();
  if (a.size == 0 || a.substr_offsets == nullptr) {
    out.append(a.text, a.size);
    return;
  }
  for (int i = 0; a.substr_offsets[i] < a.size; ++i) {
    std::string_view part(a.text + a.substr_offsets[i],
                          a.substr_offsets[i + 1] - a.substr_offsets[i]);
    switch (a.substr_types[i]) {
      case MD_TEXT_ENTITY:
        append_entity(out, part);
        break;
      case MD_TEXT_NULLCHAR:
        append_utf8(out, 0xFFFD);
        break;
      default:
        out.append(part);
    }
  }
}

}  // namespace bengal::markdown
