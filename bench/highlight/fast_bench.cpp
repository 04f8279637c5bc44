// The hand-written lexers against KSyntaxHighlighting on the same 1,000 twenty-line blocks in
// ten languages (samples.cpp): ms per 1,000 blocks, tokenizing and writing the markup (and the
// lexers alone), median of 3 after a warm-up. With --show LANG FILE, prints both tokenizers' markup
// of one file, to compare what they colour. Results: bench/RESULTS.md.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "bengal/highlight/block_html.hpp"
#include "bengal/highlight/fast/lexers.hpp"
#include "bengal/highlight/highlight.hpp"
#include "bengal/highlight/languages.hpp"
#include "bengal/highlight/tokenizer.hpp"
#include "samples.hpp"

namespace {

using bengal::highlight::TokenizedCode;

// Markup of `code` from one tokenizer; `fast` picks which.
std::string markup(bengal::highlight::TokenizerPool& ksh, std::string_view name,
                   std::string_view code, bool fast) {
  const bengal::highlight::Language* lang = bengal::highlight::find_language(name);
  if (lang == nullptr) return "(unknown language)\n";
  TokenizedCode tokens;
  bool ok = fast ? bengal::highlight::fast::tokenize(lang->canonical, code, tokens)
                 : ksh.tokenize(lang->definition, code, tokens);
  if (!ok) return "(no tokenizer)\n";
  std::string out;
  bengal::highlight::write_block_html(lang->canonical, tokens, {}, out);
  return out;
}

int show(const char* language, const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path);
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  bengal::highlight::TokenizerPool ksh;
  std::printf("--- KSyntaxHighlighting\n%s--- hand-written\n%s",
              markup(ksh, language, buffer.str(), false).c_str(),
              markup(ksh, language, buffer.str(), true).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string_view(argv[1]) == "--show") return show(argv[2], argv[3]);
  using bengal::bench::median_ms;
  using bengal::bench::sample_block;
  using bengal::bench::samples;
  constexpr size_t kBlocks = 1000;
  std::vector<std::string> blocks;
  size_t lines = 0;
  for (size_t i = 0; i < kBlocks; ++i) {
    blocks.push_back(sample_block(i));
    lines += static_cast<size_t>(std::count(blocks.back().begin(), blocks.back().end(), '\n'));
  }
  bengal::highlight::TokenizerPool ksh;
  size_t bytes[2] = {0, 0};
  double ms[2];
  for (int fast = 0; fast < 2; ++fast) {
    ms[fast] = median_ms([&] {
      bytes[fast] = 0;
      for (size_t i = 0; i < kBlocks; ++i)
        bytes[fast] +=
            markup(ksh, samples()[i % samples().size()].language, blocks[i], fast).size();
    });
  }
  // The lexers alone, without the HTML writer both tokenizers share.
  double lex_ms = median_ms([&] {
    for (size_t i = 0; i < kBlocks; ++i) {
      TokenizedCode tokens;
      const auto* lang = bengal::highlight::find_language(samples()[i % samples().size()].language);
      bengal::highlight::fast::tokenize(lang->canonical, blocks[i], tokens);
    }
  });
  std::printf("blocks: %zu, %zu lines, 10 languages\n", kBlocks, lines);
  std::printf("KSyntaxHighlighting: %8.1f ms per 1,000 blocks, %6.2f us a line (%zu KB HTML)\n",
              ms[0], ms[0] * 1000 / static_cast<double>(lines), bytes[0] / 1024);
  std::printf("hand-written:        %8.1f ms per 1,000 blocks, %6.2f us a line (%zu KB HTML)\n",
              ms[1], ms[1] * 1000 / static_cast<double>(lines), bytes[1] / 1024);
  std::printf("hand-written, lexing only: %5.1f ms per 1,000 blocks, %6.2f us a line\n", lex_ms,
              lex_ms * 1000 / static_cast<double>(lines));
  std::printf("speed-up: %.0fx\n", ms[0] / ms[1]);
}
