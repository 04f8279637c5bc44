// Runs every example of the CommonMark and GFM specs through render_html, as `bengal md` does,
// and checks the pass rate and the exact list of known failures.
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bengal/markdown/markdown.hpp"

namespace bengal::markdown {
namespace {

const std::string kDataDir = std::string(BENGAL_SOURCE_DIR) + "/tests/data/spec/";

std::set<std::string> known_failures() {
  std::set<std::string> out;
  std::ifstream in(kDataDir + "known-failures.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string file, example;
    words >> file >> example;
    out.insert(file + " " + example);
  }
  return out;
}

// Returns the failing examples as "<file> <number>".
std::set<std::string> run_spec(const std::string& file, size_t& total) {
  std::ifstream in(kDataDir + file);
  nlohmann::json examples = nlohmann::json::parse(in);
  bool gfm_file = file.starts_with("gfm");
  std::set<std::string> failures;
  total = examples.size();
  for (const auto& ex : examples) {
    Options options;
    options.heading_ids = false;
    // The GFM runner enables an extension only for the examples written for it.
    options.gfm = gfm_file && !ex["extension"].is_null();
    options.tagfilter = gfm_file && ex["extension"] == "tagfilter";
    Rendered out;
    render_html(ex["markdown"].get<std::string>(), options, out);
    if (out.html != ex["html"].get<std::string>())
      failures.insert(file + " " + std::to_string(ex["example"].get<int>()));
  }
  return failures;
}

void check(const std::string& file) {
  size_t total = 0;
  std::set<std::string> failures = run_spec(file, total);
  size_t passed = total - failures.size();
  std::cout << file << ": " << passed << " of " << total << " examples match exactly ("
            << (100.0 * static_cast<double>(passed) / static_cast<double>(total)) << "%)\n";
  EXPECT_GE(passed * 100, total * 99) << "below 99%";
  std::set<std::string> known;
  for (const auto& k : known_failures())
    if (k.starts_with(file + " ")) known.insert(k);
  for (const auto& f : failures)
    EXPECT_TRUE(known.count(f)) << f << " fails but is not in known-failures.txt";
  for (const auto& k : known)
    EXPECT_TRUE(failures.count(k)) << k << " passes now: remove it from known-failures.txt";
}

TEST(Spec, CommonMark) {
  check("commonmark-spec.json");
}
TEST(Spec, Gfm) {
  check("gfm-spec.json");
}

}  // namespace
}  // namespace bengal::markdown
