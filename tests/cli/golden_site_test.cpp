// Golden sites: each folder tests/sites/<name>/ is built and its output compared file by file
// with tests/sites/<name>.expected/public/, its messages with stderr.txt and its exit code with
// exit_code.txt. With BENGAL_UPDATE_GOLDEN=1 the cases write those files instead
// (scripts/update-golden.sh), so this list is the only one.
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

struct GoldenCase {
  std::string site;      // folder under tests/sites/
  std::string expected;  // tests/sites/<expected>.expected/
  std::vector<std::string> extra_args;
  friend void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.expected; }
};

class GoldenSite : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenSite, OutputMatchesExpectedFiles) {
  const GoldenCase& c = GetParam();
  fs::path site = source_dir() / "tests/sites" / c.site;
  fs::path expected = source_dir() / "tests/sites" / (c.expected + ".expected");
  fs::path out = updating_golden() ? expected / "public" : fresh_temp_dir() / "public";
  if (updating_golden()) fs::remove_all(expected);
  std::vector<std::string> args = {"build", site.string(), "-o", out.string(), "--quiet"};
  args.insert(args.end(), c.extra_args.begin(), c.extra_args.end());
  RunResult r = run_bengal(args);
  // KaTeX, as Debian's libjs-katex and fonts-katex ship it, is in every site's output: the same
  // 0.5 MB each time, checked by tests/cli/theme_assets_test.cpp, so the golden copies leave it
  // out rather than hold it four times and follow every Debian update.
  fs::remove_all(out / "assets/katex");
  // So are the default theme's stylesheet and scripts where a site does not replace them: the
  // same bytes as themes/default/static/assets/ (theme_assets_test.cpp checks that), which
  // would otherwise be copied into every golden site and changed in all of them at each edit.
  for (const char* name : {"bengal.css", "bengal.js", "search.js", "math.js"}) {
    fs::path built = out / "assets" / name;
    fs::path theme = source_dir() / "themes/default/static/assets" / name;
    if (fs::exists(built) && read_file(built) == read_file(theme)) fs::remove(built);
  }
  // Messages name files relative to the site, so they do not depend on where the test runs.
  expect_golden_file(expected / "stderr.txt", r.err);
  expect_golden_file(expected / "exit_code.txt", std::to_string(r.exit_code) + "\n");
  EXPECT_EQ(r.out, "");
  if (updating_golden()) return;
  for (const auto& d : diff_trees(expected / "public", out)) ADD_FAILURE() << d;
}

INSTANTIATE_TEST_SUITE_P(
    Sites, GoldenSite,
    ::testing::Values(GoldenCase{"golden", "golden", {}},
                      GoldenCase{"golden", "golden-drafts", {"--drafts"}},
                      GoldenCase{"golden", "golden-strict", {"--strict"}},
                      GoldenCase{"bad-config", "bad-config", {}},
                      GoldenCase{"themed", "themed", {}}, GoldenCase{"structure", "structure", {}},
                      GoldenCase{"bengal-content", "bengal-content", {}},
                      // A Kida partial over the default theme, and the default theme itself,
                      // clean in strict mode.
                      GoldenCase{"kida", "kida", {"--strict-templates"}},
                      // Written as Bengal writes a site (config folder, _snippets included, a
                      // Kida partial over the theme): clean even when every check is strict.
                      GoldenCase{"bengal-site",
                                 "bengal-site",
                                 {"--environment", "production", "--strict", "--strict-templates"}},
                      // CI sets CI=true: the environment is always named.
                      GoldenCase{"config-dir", "config-dir-local", {"--environment", "local"}},
                      GoldenCase{
                          "config-dir", "config-dir-production", {"--environment", "production"}}),
    [](const auto& info) {
      std::string n = info.param.expected;
      std::replace(n.begin(), n.end(), '-', '_');
      return n;
    });

}  // namespace
}  // namespace bengal::test
