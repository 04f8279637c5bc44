// KSyntaxHighlighting (through bengal::highlight, cache off) against GNU source-highlight on the
// same 1,000 twenty-line blocks in ten languages both support. Prints ms per 1,000 blocks,
// median of 3, after one warm-up pass that loads every definition. Results: bench/RESULTS.md.
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

double median_ms(const std::function<void()>& run) {
  run();  // warm-up
  std::vector<double> ms;
  for (int i = 0; i < 3; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    run();
    ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[1];
}

}  // namespace

int main() {
  using bengal::bench::sample_block;
  using bengal::bench::samples;
  std::vector<std::string> blocks;
  for (size_t i = 0; i < kBlocks; ++i) blocks.push_back(sample_block(i));
  size_t bytes = 0;
  for (const auto& b : blocks) bytes += b.size();

  bengal::highlight::Highlighter ksh(0);  // no cache: every block is tokenized
  size_t ksh_bytes = 0;
  double ksh_ms = median_ms([&] {
    ksh_bytes = 0;
    for (size_t i = 0; i < kBlocks; ++i) {
      std::string out;
      ksh.highlight(samples()[i % samples().size()].language, blocks[i], {}, out);
      ksh_bytes += out.size();
    }
  });

  // Two threads share one Highlighter: each borrows its own tokenizer from the pool.
  double ksh_2t_ms = median_ms([&] {
    std::vector<std::thread> threads;
    for (size_t t = 0; t < 2; ++t) {
      threads.emplace_back([&, t] {
        for (size_t i = t; i < kBlocks; i += 2) {
          std::string out;
          ksh.highlight(samples()[i % samples().size()].language, blocks[i], {}, out);
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
  std::printf("KSyntaxHighlighting, 1 thread:  %8.1f ms per 1,000 blocks (%zu KB HTML)\n", ksh_ms,
              ksh_bytes / 1024);
  std::printf("KSyntaxHighlighting, 2 threads: %8.1f ms per 1,000 blocks (wall)\n", ksh_2t_ms);
  std::printf("GNU source-highlight, 1 thread: %8.1f ms per 1,000 blocks (%zu KB HTML)\n", sh_ms,
              sh_bytes / 1024);

  // Where KSyntaxHighlighting's time goes: its definitions differ a lot in cost per line.
  std::printf("\nKSyntaxHighlighting by language (ms per 100 blocks):");
  for (size_t lang = 0; lang < samples().size(); ++lang) {
    double ms = median_ms([&] {
      for (size_t i = lang; i < kBlocks; i += samples().size()) {
        std::string out;
        ksh.highlight(samples()[lang].language, blocks[i], {}, out);
      }
    });
    std::printf(" %s %.1f%s", std::string(samples()[lang].language).c_str(), ms,
                lang + 1 < samples().size() ? "," : "\n");
  }
}
