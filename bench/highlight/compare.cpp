// bengal::highlight (cache off) against GNU source-highlight on the same 1,000 twenty-line
// blocks in ten languages both support. Prints ms per 1,000 blocks, median of 3, after one
// warm-up pass. Since the hand-written lexers (fast_bench.cpp compares them with
// KSyntaxHighlighting) all ten languages go through those. Results: bench/RESULTS.md.
#include <srchilite/sourcehighlight.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <sstream>
#include <thread>
#include <vector>

#include "bengal/highlight/highlight.hpp"
#include "samples.hpp"

namespace {

constexpr size_t kBlocks = 1000;

}  // namespace

int main() {
  using bengal::bench::median_ms;
  using bengal::bench::sample_block;
  using bengal::bench::samples;
  std::vector<std::string> blocks;
  for (size_t i = 0; i < kBlocks; ++i) blocks.push_back(sample_block(i));
  size_t bytes = 0;
  for (const auto& b : blocks) bytes += b.size();

  bengal::highlight::Highlighter bengal(0);  // no cache: every block is tokenized
  size_t bengal_bytes = 0;
  double bengal_ms = median_ms([&] {
    bengal_bytes = 0;
    for (size_t i = 0; i < kBlocks; ++i) {
      std::string out;
      bengal.highlight(samples()[i % samples().size()].language, blocks[i], {}, out);
      bengal_bytes += out.size();
    }
  });

  // Two threads share one Highlighter.
  double bengal_2t_ms = median_ms([&] {
    std::vector<std::thread> threads;
    for (size_t t = 0; t < 2; ++t) {
      threads.emplace_back([&, t] {
        for (size_t i = t; i < kBlocks; i += 2) {
          std::string out;
          bengal.highlight(samples()[i % samples().size()].language, blocks[i], {}, out);
        }
      });
    }
    for (auto& th : threads) th.join();
  });

  srchilite::SourceHighlight sh("html.outlang");
  size_t sh_bytes = 0;
  double sh_ms = median_ms([&] {
    sh_bytes = 0;
    for (size_t i = 0; i < kBlocks; ++i) {
      std::istringstream in(blocks[i]);
      std::ostringstream out;
      sh.highlight(in, out, std::string(samples()[i % samples().size()].source_highlight_lang));
      sh_bytes += out.str().size();
    }
  });

  std::printf("blocks: %zu x 20 lines, %zu KB of code, 10 languages\n", kBlocks, bytes / 1024);
  std::printf("bengal::highlight, 1 thread:    %8.1f ms per 1,000 blocks (%zu KB HTML)\n",
              bengal_ms, bengal_bytes / 1024);
  std::printf("bengal::highlight, 2 threads:   %8.1f ms per 1,000 blocks (wall)\n", bengal_2t_ms);
  std::printf("GNU source-highlight, 1 thread: %8.1f ms per 1,000 blocks (%zu KB HTML)\n", sh_ms,
              sh_bytes / 1024);

  // Where the time goes, by language.
  std::printf("\nbengal::highlight by language (ms per 100 blocks):");
  for (size_t lang = 0; lang < samples().size(); ++lang) {
    double ms = median_ms([&] {
      for (size_t i = lang; i < kBlocks; i += samples().size()) {
        std::string out;
        bengal.highlight(samples()[lang].language, blocks[i], {}, out);
      }
    });
    std::printf(" %s %.1f%s", std::string(samples()[lang].language).c_str(), ms,
                lang + 1 < samples().size() ? "," : "\n");
  }
}
