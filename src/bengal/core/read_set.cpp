#include "bengal/core/read_set.hpp"

#include <algorithm>

namespace bengal::reads {
namespace {

template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

void ReadSet::finish() {
  sort_unique(pages);
  sort_unique(heads);
  sort_unique(contents);
  sort_unique(templates);
  sort_unique(files);
  sort_unique(outputs);
}

void ReadSet::merge_reads(const ReadSet& other) {
  pages.insert(pages.end(), other.pages.begin(), other.pages.end());
  heads.insert(heads.end(), other.heads.begin(), other.heads.end());
  contents.insert(contents.end(), other.contents.begin(), other.contents.end());
  templates.insert(templates.end(), other.templates.begin(), other.templates.end());
  files.insert(files.end(), other.files.begin(), other.files.end());
  pagerank = pagerank || other.pagerank;
  data = data || other.data;
  clock = clock || other.clock;
}

void reused(const ReadSet& reads) {
  for (ReadSet* r = t_current; r != nullptr; r = r->parent) r->merge_reads(reads);
}

void template_read(std::string_view name) {
  for (ReadSet* r = t_current; r != nullptr; r = r->parent) r->templates.emplace_back(name);
}

void file_read(std::string_view key, uint64_t digest) {
  for (ReadSet* r = t_current; r != nullptr; r = r->parent) r->files.emplace_back(key, digest);
}

void pagerank_read() {
  for (ReadSet* r = t_current; r != nullptr; r = r->parent) r->pagerank = true;
}

void data_read() {
  for (ReadSet* r = t_current; r != nullptr; r = r->parent) r->data = true;
}

void clock_read() {
  for (ReadSet* r = t_current; r != nullptr; r = r->parent) r->clock = true;
}

namespace {

// The outermost set is the render's own: a body or fragment rendered inside it is not a render
// of its own, and the render is what is kept or done again.
ReadSet* outermost() {
  ReadSet* outer = t_current;
  while (outer != nullptr && outer->parent != nullptr) outer = outer->parent;
  return outer;
}

}  // namespace

void output_written(std::string_view rel) {
  if (ReadSet* outer = outermost()) outer->outputs.emplace_back(rel);
}

void diagnostic_raised(const Diagnostic& d) {
  if (ReadSet* outer = outermost()) outer->diagnostics.push_back(d);
}

void adopt(const ReadSet& other) {
  ReadSet* outer = outermost();
  if (outer == nullptr) return;
  reused(other);
  outer->outputs.insert(outer->outputs.end(), other.outputs.begin(), other.outputs.end());
  outer->diagnostics.insert(outer->diagnostics.end(), other.diagnostics.begin(),
                            other.diagnostics.end());
}

}  // namespace bengal::reads
