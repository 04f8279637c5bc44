// Twenty-line code samples, one per language both compared libraries highlight; the benchmark
// varies one identifier per block so no two blocks are equal.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bengal::bench {

struct Sample {
  std::string_view language;               // our fence name
  std::string_view source_highlight_lang;  // GNU source-highlight's .lang file
  std::string_view code;                   // "NAME" is replaced per block
};

const std::vector<Sample>& samples();

// Block i: sample i % samples().size() with NAME -> name<i>.
std::string sample_block(size_t i);

// The median wall time of three runs, in ms, after one warm-up run (which loads definitions).
double median_ms(const std::function<void()>& run);

}  // namespace bengal::bench
