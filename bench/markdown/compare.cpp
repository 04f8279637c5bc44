// md4c with bengal's renderer against cmark-gfm (the parser we did not pick), on the same
// Markdown: the speed half of the parser decision in bench/RESULTS.md. Built only where
// libcmark-gfm-dev is installed (scripts/install-deps.sh --bench-compare).
//
//   bench_markdown_compare FILE.md [RUNS] [SPEC.json...]
//
// Renders FILE RUNS times with each (the best run counts; both with footnotes on, bengal's as
// a site build renders) and prints MB/s; then, for each spec file, cmark-gfm's exact-match
// rate under the spec runner's rules (tests/markdown/spec_test.cpp measures ours).
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "bengal/markdown/markdown.hpp"

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter"};

std::string cmark_html(const std::string& md, bool extensions, bool tagfilter) {
  int options = CMARK_OPT_UNSAFE | (extensions ? CMARK_OPT_FOOTNOTES : 0);
  cmark_parser* parser = cmark_parser_new(options);
  if (extensions) {
    for (const char* name : kExtensions) {
      if (std::string_view(name) == "tagfilter" && !tagfilter) continue;
      cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
    }
  }
  cmark_parser_feed(parser, md.data(), md.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

template <class F>
double best_seconds(int runs, F&& f) {
  double best = 1e30;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    f();
    std::chrono::duration<double> d = std::chrono::steady_clock::now() - start;
    best = std::min(best, d.count());
  }
  return best;
}

void conformance(const char* file) {
  std::ifstream in(file);
  nlohmann::json examples = nlohmann::json::parse(in);
  bool commonmark = std::string_view(file).find("commonmark") != std::string_view::npos;
  size_t exact = 0;
  for (const auto& ex : examples) {
    bool ext = !commonmark && !ex["extension"].is_null();
    std::string html = cmark_html(ex["markdown"], ext, ext && ex["extension"] == "tagfilter");
    if (html == ex["html"].get<std::string>()) ++exact;
  }
  std::printf("cmark-gfm %s: %zu of %zu exact (%.2f%%)\n", file, exact, examples.size(),
              100.0 * static_cast<double>(exact) / static_cast<double>(examples.size()));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE.md [RUNS] [SPEC.json...]\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::string md((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  cmark_gfm_core_extensions_ensure_registered();

  bengal::markdown::Options options;
  options.math = true;
  bengal::markdown::Rendered r;
  size_t bengal_bytes = 0, cmark_bytes = 0;
  double bengal_s = best_seconds(runs, [&] {
    r.html.clear();
    r.toc.clear();
    bengal::markdown::render_html(md, options, r);
    bengal_bytes = r.html.size();
  });
  double cmark_s = best_seconds(runs, [&] { cmark_bytes = cmark_html(md, true, false).size(); });
  double mb = static_cast<double>(md.size()) / 1e6;
  std::printf("input %.1f MB, best of %d runs\n", mb, runs);
  std::printf("md4c + bengal renderer: %8.1f ms  %6.1f MB/s  (%zu bytes of HTML)\n", bengal_s * 1e3,
              mb / bengal_s, bengal_bytes);
  std::printf("cmark-gfm 0.29.0.gfm.6: %8.1f ms  %6.1f MB/s  (%zu bytes of HTML)\n", cmark_s * 1e3,
              mb / cmark_s, cmark_bytes);
  for (int i = 3; i < argc; ++i) conformance(argv[i]);
  return 0;
}
