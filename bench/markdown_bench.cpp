// What directives cost the Markdown stage: a typical 4 KB page without directives rendered
// with them off and on (on must cost nothing: one scan for ":::"), and a page of the same
// size full of directives (admonitions, a tab set, steps, a dropdown, cards) rendered with
// them on and, for comparison, off (as CommonMark text). Also the discovery scan of both.
#include <benchmark/benchmark.h>

#include <string>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

std::string plain_page() {
  std::string page;
  for (int i = 0; i < 6; ++i) {
    page += "## Section " + std::to_string(i) +
            "\n\nSome *emphasised* text with a [link](../other.md#anchor) and `code`, "
            "enough words to look like a real paragraph of documentation prose.\n\n"
            "- first item\n- second item with **bold**\n- third\n\n"
            "```python\ndef f(x):\n    return x + 1\n```\n\n"
            "A closing paragraph: colons like these: are common, but no fences.\n\n";
  }
  return page;
}

std::string directive_page() {
  std::string page;
  for (int i = 0; i < 3; ++i) {
    page += "## Part " + std::to_string(i) +
            "\n\n:::{note} Remember\nSome *emphasised* text with a [link](../other.md).\n:::\n\n"
            "::::{tab-set}\n:::{tab-item} Python\n```python\nprint(1)\n```\n:::\n"
            ":::{tab-item} Shell\n:selected:\n```bash\necho 1\n```\n:::\n::::\n\n"
            ":::{steps}\n:::{step} Install\n:duration: 1 min\nRun the installer.\n:::\n"
            ":::{step} Configure\nEdit the file.\n:::\n:::{/steps}\n\n"
            ":::{dropdown} Details\n:open:\n- a\n- b\n:::\n\n"
            "::::{cards}\n:columns: 2\n:::{card} A\n:link: /a/\nText.\n:::\n"
            ":::{card} B\nText.\n:::\n::::\n\n";
  }
  return page;
}

void render(benchmark::State& state, const std::string& page, bool directives) {
  Options options;
  options.directives = directives;
  Rendered out;
  for (auto _ : state) {
    out.html.clear();
    out.toc.clear();
    out.warnings.clear();
    render_html(page, options, out);
    benchmark::DoNotOptimize(out.html.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}

void BM_PlainPageDirectivesOff(benchmark::State& s) {
  render(s, plain_page(), false);
}
void BM_PlainPageDirectivesOn(benchmark::State& s) {
  render(s, plain_page(), true);
}
void BM_DirectivePageOff(benchmark::State& s) {
  render(s, directive_page(), false);
}
void BM_DirectivePageOn(benchmark::State& s) {
  render(s, directive_page(), true);
}

void scan(benchmark::State& state, const std::string& page) {
  for (auto _ : state) benchmark::DoNotOptimize(scan_body(page));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
}

void BM_ScanPlainPage(benchmark::State& s) {
  scan(s, plain_page());
}
void BM_ScanDirectivePage(benchmark::State& s) {
  scan(s, directive_page());
}

BENCHMARK(BM_PlainPageDirectivesOff);
BENCHMARK(BM_PlainPageDirectivesOn);
BENCHMARK(BM_DirectivePageOff);
BENCHMARK(BM_DirectivePageOn);
BENCHMARK(BM_ScanPlainPage);
BENCHMARK(BM_ScanDirectivePage);

}  // namespace
}  // namespace bengal::markdown

BENCHMARK_MAIN();
