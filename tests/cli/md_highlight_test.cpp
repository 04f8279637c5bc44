// `bengal md --highlight STYLE`.
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace bengal::test {
namespace {

TEST(MdHighlight, OffByDefaultOnWhenAsked) {
  const std::string md = "```toml\na = 1\n```\n";
  EXPECT_EQ(run_bengal({"md"}, md).out,
            "<pre><code class=\"language-toml\">a = 1\n</code></pre>\n");
  RunResult r = run_bengal({"md", "--highlight", "pygments"}, md);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "<div class=\"highlight\" data-language=\"toml\"><pre><code>"
            "<span class=\"na\">a</span> <span class=\"o\">=</span> <span class=\"mi\">1</span>\n"
            "</code></pre></div>\n");
  EXPECT_EQ(run_bengal({"md", "--highlight", "fancy"}, md).exit_code, 2);
}

}  // namespace
}  // namespace bengal::test
