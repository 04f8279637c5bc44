// Hugo's publishing window in `bengal build`: pages dated in the future and pages past their
// expirydate are left out unless --build-future / --build-expired include them. "Now" is
// SOURCE_DATE_EPOCH here, so the test does not depend on the clock.
#include <stdlib.h>

#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

// 2026-01-01T00:00:00Z
constexpr const char* kNow = "1767225600";

class PublishWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("SOURCE_DATE_EPOCH", kNow, 1);
    site_ = write_files({
        {"bengal.toml", "[site]\ntitle = \"T\"\nbaseurl = \"https://example.org/\"\n"},
        {"content/past.md", "---\ntitle: Past\ndate: 2025-06-01\n---\nx\n"},
        {"content/future.md", "---\ntitle: Future\ndate: 2026-01-01T00:00:01Z\n---\nx\n"},
        {"content/expired.md", "---\ntitle: Expired\nexpiryDate: 2026-01-01\n---\nx\n"},
        {"content/expiring.md", "---\ntitle: Expiring\nexpirydate: 2026-02-01\n---\nx\n"},
        {"content/later/_index.md", "---\ntitle: Coming soon\ndate: 2030-01-01\n---\nx\n"},
        {"content/later/in.md", "---\ntitle: In\n---\nx\n"},
    });
  }
  void TearDown() override { unsetenv("SOURCE_DATE_EPOCH"); }

  // Which of the pages were written by `bengal build` with `flags`.
  std::string built(std::vector<std::string> flags) {
    std::vector<std::string> args{"build", site_.string(), "-q"};
    args.insert(args.end(), flags.begin(), flags.end());
    RunResult r = run_bengal(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string pages;
    for (const char* page : {"past", "future", "expired", "expiring", "later/in"}) {
      if (fs::exists(site_ / "public" / page / "index.html")) pages += std::string(page) + " ";
    }
    std::string later = read_file(site_ / "public/later/index.html");
    pages +=
        later.find("<title>Coming soon") != std::string::npos ? "(Coming soon)" : "(generated)";
    fs::remove_all(site_ / "public");
    return pages;
  }

  fs::path site_;
};

TEST_F(PublishWindowTest, FutureAndExpiredPagesAreLeftOutByDefault) {
  // A future section index leaves its section generated, with its pages.
  EXPECT_EQ(built({}), "past expiring later/in (generated)");
}

TEST_F(PublishWindowTest, FlagsIncludeThem) {
  EXPECT_EQ(built({"--build-future"}), "past future expiring later/in (Coming soon)");
  EXPECT_EQ(built({"--build-expired"}), "past expired expiring later/in (generated)");
  EXPECT_EQ(built({"--build-future", "--build-expired"}),
            "past future expired expiring later/in (Coming soon)");
}

// now() in a template is the same "now": a reproducible build names its time.
TEST_F(PublishWindowTest, TemplatesNowIsSourceDateEpoch) {
  fs::create_directories(site_ / "templates");
  write_file(site_ / "templates/single.html", "{{ page.title }} built {{ now() }}\n");
  RunResult r = run_bengal({"build", site_.string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // (Jinja drops the template's last newline.)
  EXPECT_EQ(read_file(site_ / "public/past/index.html"), "Past built 2026-01-01T00:00:00Z");
  EXPECT_EQ(read_file(site_ / "public/expiring/index.html"), "Expiring built 2026-01-01T00:00:00Z");
}

}  // namespace
}  // namespace bengal::test
