// Footnote references, numbers and the section at the end of a page, as cmark-gfm 0.29.0.gfm.6
// writes them: numbers in the order of first reference in the document (references inside
// definitions count where the definition stands), "fnref-x-2"… for repeated references, and
// one back-link per reference.
#include <algorithm>

#include "bengal/core/unicode_case.hpp"
#include "bengal/markdown/footnotes.hpp"
#include "bengal/markdown/html_escaping.hpp"

namespace bengal::markdown {
namespace {

constexpr size_t kMaxFootnoteLabelBytes = 999;
constexpr std::string_view kBackArrow = "\xE2\x86\xA9";  // U+21A9 ↩

void append_back_links(std::string& html, std::string_view label, uint32_t references) {
  for (uint32_t n = 1; n <= references; ++n) {
    if (n > 1) html += ' ';
    html += "<a href=\"#fnref-";
    append_url_escaped(html, label);
    if (n > 1) {
      html += '-';
      html += std::to_string(n);
    }
    html += "\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">";
    html += kBackArrow;
    if (n > 1) {
      html += "<sup class=\"footnote-ref\">";
      html += std::to_string(n);
      html += "</sup>";
    }
    html += "</a>";
  }
}

}  // namespace

std::string footnote_key(std::string_view label) {
  std::string out;
  for (size_t i = 0; i < label.size();) append_lower_char(out, label, i);
  return out;
}

Footnotes::Footnotes(std::vector<FootnoteDefinition> definitions, BodyRenderer render_body)
    : defs_(std::move(definitions)), state_(defs_.size()), render_body_(std::move(render_body)) {
  for (size_t i = 0; i < defs_.size(); ++i) by_key_.emplace(footnote_key(defs_[i].label), i);
}

bool Footnotes::find_reference(std::string_view text, size_t from, bool escaped_start,
                               FootnoteMatch& match) const {
  if (defs_.empty()) return false;
  std::string key;
  for (size_t at = text.find("[^", from); at != std::string_view::npos;
       at = text.find("[^", at + 1)) {
    if (at == 0 && escaped_start) continue;
    // A label ends at ']'; a blank or '[' means no reference starts here (the scan stops at
    // '[' so a run of "[^[^[^" costs linear time).
    size_t end = text.find_first_of("] \t\r\n[", at + 2);
    if (end == std::string_view::npos || text[end] != ']' || end == at + 2 ||
        end - at - 2 > kMaxFootnoteLabelBytes)
      continue;
    std::string_view label = text.substr(at + 2, end - at - 2);
    key = footnote_key(label);
    if (!by_key_.contains(key)) continue;
    match = {at, end + 1, label};
    return true;
  }
  return false;
}

void Footnotes::append_reference(std::string_view label, const char* at, std::string& html) {
  if (!page_text_.empty() && at >= page_text_.data() && at < page_text_.data() + page_text_.size())
    render_until(static_cast<size_t>(at - page_text_.data()));
  key_ = footnote_key(label);
  auto it = by_key_.find(key_);
  if (it == by_key_.end()) return;
  State& s = state_[it->second];
  if (s.number == 0) s.number = ++numbers_;
  ++s.references;
  const std::string& name = defs_[it->second].label;
  html += "<sup class=\"footnote-ref\"><a href=\"#fn-";
  append_url_escaped(html, name);
  html += "\" id=\"fnref-";
  append_url_escaped(html, name);
  if (s.references > 1) {
    html += '-';
    html += std::to_string(s.references);
  }
  html += "\" data-footnote-ref>";
  html += std::to_string(s.number);
  html += "</a></sup>";
}

// Renders, in source order, the definitions that stand before `offset`: references inside them
// come before the reference at `offset` in the document.
void Footnotes::render_until(size_t offset) {
  while (next_unrendered_ < defs_.size() && defs_[next_unrendered_].offset < offset)
    render(next_unrendered_++);
}

void Footnotes::render(size_t index) {
  // References inside the body update state_ (its size never changes, so `s` stays valid).
  State& s = state_[index];
  std::vector<RenderWarning> warnings;
  s.ends_in_paragraph = render_body_(defs_[index].body, s.html, warnings);
  for (RenderWarning& w : warnings) {
    w.line += defs_[index].line - 1;
    warnings_.push_back(std::move(w));
  }
}

void Footnotes::append_section(std::string& html, std::vector<RenderWarning>& warnings) {
  render_until(std::string::npos);
  warnings.insert(warnings.end(), warnings_.begin(), warnings_.end());
  warnings_.clear();
  std::vector<size_t> order;
  for (size_t i = 0; i < defs_.size(); ++i)
    if (state_[i].number > 0) order.push_back(i);
  if (order.empty()) return;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return state_[a].number < state_[b].number; });
  html += "<section class=\"footnotes\" data-footnotes>\n<ol>\n";
  for (size_t i : order) {
    const State& s = state_[i];
    html += "<li id=\"fn-";
    append_url_escaped(html, defs_[i].label);
    html += "\">\n";
    constexpr std::string_view kParagraphEnd = "</p>\n";
    if (s.ends_in_paragraph && std::string_view(s.html).ends_with(kParagraphEnd)) {
      html.append(s.html, 0, s.html.size() - kParagraphEnd.size());
      html += ' ';
      append_back_links(html, defs_[i].label, s.references);
      html += kParagraphEnd;
    } else {
      html += s.html;
      append_back_links(html, defs_[i].label, s.references);
      html += '\n';
    }
    html += "</li>\n";
  }
  html += "</ol>\n</section>\n";
}

bool run_starts_escaped(std::string_view run, const char* last_run_end, std::string_view input) {
  const char* p = run.data();
  return p != last_run_end && p > input.data() && p <= input.data() + input.size() && p[-1] == '\\';
}

}  // namespace bengal::markdown
