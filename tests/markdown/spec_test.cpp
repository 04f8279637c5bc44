// Runs every example of the CommonMark and GFM specs and of GFM footnotes through render_html
// in spec mode (heading_ids=false) and checks the pass rate and the exact list of known
// failures.
//
// An example passes exactly, or after the spec runner's normalization (html_normalize.hpp), or
// fails. known-failures.txt lists every example that is not an exact pass; a reason starting
// with "(normalized)" marks one that passes after normalization. The test fails when the
// list and the results differ, so fixes and regressions both show.
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bengal/markdown/markdown.hpp"
#include "html_normalize.hpp"

namespace bengal::markdown {
namespace {

const std::string kDataDir = std::string(BENGAL_SOURCE_DIR) + "/tests/data/spec/";

enum class Outcome { kExact, kNormalized, kFailed };

// "<file> <example>" -> expected outcome, for every example listed in known-failures.txt.
std::map<std::string, Outcome> known_failures(const std::string& file) {
  std::map<std::string, Outcome> out;
  std::ifstream in(kDataDir + "known-failures.txt");
  EXPECT_TRUE(in) << "cannot read known-failures.txt";
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string name, example, reason;
    words >> name >> example >> std::ws;
    std::getline(words, reason);
    EXPECT_FALSE(reason.empty()) << "known-failures.txt: no reason given for " << line;
    if (name != file) continue;
    out[name + " " + example] =
        reason.starts_with("(normalized)") ? Outcome::kNormalized : Outcome::kFailed;
  }
  return out;
}

// The outcome of every example that is not an exact pass.
std::map<std::string, Outcome> run_spec(const std::string& file, size_t& total) {
  std::ifstream in(kDataDir + file);
  nlohmann::json examples = nlohmann::json::parse(in);
  bool gfm_file = !file.starts_with("commonmark");  // gfm-spec.json, footnotes.json
  std::map<std::string, Outcome> out;
  total = examples.size();
  Rendered rendered;
  for (const auto& ex : examples) {
    Options options;
    options.heading_ids = false;
    // As cmark-gfm's runner: an extension is on only for the examples written for it.
    options.gfm = gfm_file && !ex["extension"].is_null();
    options.tagfilter = gfm_file && ex["extension"] == "tagfilter";
    rendered.html.clear();
    rendered.toc.clear();
    render_html(ex["markdown"].get<std::string>(), options, rendered);
    const auto& want = ex["html"].get_ref<const std::string&>();
    if (rendered.html == want) continue;
    std::string key = file + " " + std::to_string(ex["example"].get<int>());
    out[key] = normalize_html(rendered.html) == normalize_html(want) ? Outcome::kNormalized
                                                                     : Outcome::kFailed;
  }
  return out;
}

const char* name(Outcome o) {
  return o == Outcome::kNormalized ? "passes after normalization" : "fails";
}

void check(const std::string& file, size_t min_percent = 99) {
  size_t total = 0;
  std::map<std::string, Outcome> results = run_spec(file, total);
  size_t failed = 0, normalized = 0;
  for (const auto& [key, outcome] : results) ++(outcome == Outcome::kFailed ? failed : normalized);
  size_t exact = total - failed - normalized;
  std::cout << file << ": " << total << " examples, " << exact << " exact, " << normalized
            << " normalized, " << failed << " failed ("
            << 100.0 * static_cast<double>(exact + normalized) / static_cast<double>(total)
            << "% pass)\n";
  EXPECT_GE((exact + normalized) * 100, total * min_percent) << "below " << min_percent << "%";

  std::map<std::string, Outcome> known = known_failures(file);
  for (const auto& [key, outcome] : results) {
    auto it = known.find(key);
    if (it == known.end()) {
      ADD_FAILURE() << key << " " << name(outcome) << " but is not in known-failures.txt";
    } else if (it->second != outcome) {
      ADD_FAILURE() << key << " " << name(outcome) << ", known-failures.txt says it "
                    << name(it->second);
    }
  }
  for (const auto& [key, outcome] : known) {
    if (!results.count(key))
      ADD_FAILURE() << key << " passes exactly now: remove it from known-failures.txt";
  }
}

TEST(Spec, CommonMark) {
  check("commonmark-spec.json");
}

TEST(Spec, Gfm) {
  check("gfm-spec.json");
}

// cmark-gfm's footnote examples and bengal's own (tests/data/spec/footnotes_examples.py); two
// of 32 are known differences, hence the lower bar.
TEST(Spec, Footnotes) {
  check("footnotes.json", 93);
}

}  // namespace
}  // namespace bengal::markdown
