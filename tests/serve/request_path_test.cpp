// Request paths of `bengal serve` mapped to files: pretty URLs, redirects, and every way out
// of the served folder refused; MIME types by extension.
#include "bengal/serve/request_path.hpp"

#include <gtest/gtest.h>

#include "../support/run.hpp"
#include "bengal/serve/mime_type.hpp"

namespace fs = std::filesystem;

namespace bengal::serve {
namespace {

using Kind = ResolvedPath::Kind;

class RequestPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::path dir = test::write_files({{"site/index.html", "home"},
                                      {"site/a/b/index.html", "b"},
                                      {"site/style.css", "css"},
                                      {"site/empty/keep.txt", "x"},
                                      {"secret/key.txt", "SECRET"}});
    root_ = fs::canonical(dir / "site");
    secret_ = fs::canonical(dir / "secret");
  }
  ResolvedPath get(std::string_view raw, std::string_view decoded) const {
    return resolve_request_path(root_, raw, decoded);
  }
  ResolvedPath get(std::string_view path) const { return get(path, path); }

  fs::path root_, secret_;
};

TEST_F(RequestPathTest, ServesFilesAndFolderIndexes) {
  EXPECT_EQ(get("/").kind, Kind::kFile);
  EXPECT_EQ(get("/").file, root_ / "index.html");
  EXPECT_EQ(get("/a/b/").file, root_ / "a/b/index.html");
  EXPECT_EQ(get("/style.css").file, root_ / "style.css");
  EXPECT_EQ(get("/a/b/index.html").file, root_ / "a/b/index.html");
}

TEST_F(RequestPathTest, RedirectsAFolderToItsSlashKeepingTheQuery) {
  ResolvedPath r = get("/a/b?x=1", "/a/b");
  EXPECT_EQ(r.kind, Kind::kRedirect);
  EXPECT_EQ(r.location, "/a/b/?x=1");
  EXPECT_EQ(get("/a/b").location, "/a/b/");
}

TEST_F(RequestPathTest, MissingFilesAndFoldersWithoutIndexAreNotFound) {
  EXPECT_EQ(get("/nope.html").kind, Kind::kNotFound);
  EXPECT_EQ(get("/nope/").kind, Kind::kNotFound);
  EXPECT_EQ(get("/empty/").kind, Kind::kNotFound);
  EXPECT_EQ(get("/empty").kind, Kind::kNotFound);
}

TEST_F(RequestPathTest, RefusesTraversalPlainOrEncoded) {
  // (raw target, decoded path) as the HTTP layer hands them over.
  const std::pair<std::string_view, std::string_view> attempts[] = {
      {"/../secret/key.txt", "/../secret/key.txt"},
      {"/%2e%2e/secret/key.txt", "/../secret/key.txt"},
      {"/%2E%2E/secret/key.txt", "/../secret/key.txt"},
      {"/a/%2f..%2f..%2fsecret", "/a///..//..//secret"},
      {"/a/%2F", "/a//"},
      {"/a/%5c..%5csecret", "/a/\\..\\secret"},
      {"/a/..\\secret", "/a/..\\secret"},
      {"/index.html%00.css", std::string_view("/index.html\0.css", 16)},
      {"/./index.html", "/./index.html"},
      {"//etc/passwd", "//etc/passwd"},
      {"/a//b/", "/a//b/"},
      {"relative", "relative"},
      {"", ""},
  };
  for (auto [raw, decoded] : attempts) {
    EXPECT_EQ(get(raw, decoded).kind, Kind::kBadRequest) << raw;
  }
}

TEST_F(RequestPathTest, SymlinksLeadingOutAreNotFound) {
  fs::create_symlink(secret_ / "key.txt", root_ / "leak.txt");
  fs::create_directory_symlink(secret_, root_ / "leakdir");
  fs::create_symlink(root_ / "style.css", root_ / "inside.css");
  EXPECT_EQ(get("/leak.txt").kind, Kind::kNotFound);
  EXPECT_EQ(get("/leakdir/key.txt").kind, Kind::kNotFound);
  EXPECT_EQ(get("/leakdir").kind, Kind::kNotFound);
  EXPECT_EQ(get("/inside.css").kind, Kind::kFile);  // inside the root: fine
}

// A site published below a path ("https://user.github.io/project/") is served below it too,
// so that a path written with it works in the preview as it does once published.
TEST(BelowBasePathTest, TheRequestBelowTheBasePathAndThePrefixAsWritten) {
  auto below = [](std::string_view raw, std::string_view decoded, std::string_view base) {
    std::optional<BelowBasePath> b = below_base_path(raw, decoded, base);
    return b ? b->target + " | " + b->path + " | " + b->prefix : std::string("outside");
  };
  EXPECT_EQ(below("/a/?q=1", "/a/", ""), "/a/?q=1 | /a/ | ");
  EXPECT_EQ(below("/project/a/?q=1", "/project/a/", "/project"), "/a/?q=1 | /a/ | /project");
  EXPECT_EQ(below("/project/", "/project/", "/project"), "/ | / | /project");
  EXPECT_EQ(below("/project?q", "/project", "/project"), "?q |  | /project");
  EXPECT_EQ(below("/a/b/c.png", "/a/b/c.png", "/a/b"), "/c.png | /c.png | /a/b");
  // However the request encodes the base path's letters.
  EXPECT_EQ(below("/d%C3%B6cs/x/",
                  "/d\xc3\xb6"
                  "cs/x/",
                  "/d%C3%B6cs"),
            "/x/ | /x/ | /d%C3%B6cs");
  EXPECT_EQ(below("/%70roject/x", "/project/x", "/project"), "/x | /x | /%70roject");
  EXPECT_EQ(below("/", "/", "/project"), "outside");
  EXPECT_EQ(below("/projects/", "/projects/", "/project"), "outside");
  EXPECT_EQ(below("/other/project/", "/other/project/", "/project"), "outside");
  // An encoded slash makes one segment of two: never the base path.
  EXPECT_EQ(below("/a%2Fb/x", "/a/b/x", "/a/b"), "outside");
}

TEST(BelowBasePathTest, OnlyAPlainPathIsABasePathToServeBelow) {
  EXPECT_TRUE(is_plain_path("/project"));
  EXPECT_TRUE(is_plain_path("/a/b%20c"));
  EXPECT_FALSE(is_plain_path(""));
  EXPECT_FALSE(is_plain_path("//evil.example"));
  EXPECT_FALSE(is_plain_path("/a/../b"));
  EXPECT_FALSE(is_plain_path("/a/%2e%2e/b"));
  EXPECT_FALSE(is_plain_path("/a%2fb"));
  EXPECT_FALSE(is_plain_path("/a\\b"));
  EXPECT_FALSE(is_plain_path("/a?b"));
}

TEST(MimeTypeTest, NamesTheTypesOfWebFiles) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"index.html", "text/html; charset=utf-8"},
      {"a/STYLE.CSS", "text/css; charset=utf-8"},
      {"app.js", "text/javascript; charset=utf-8"},
      {"index.json", "application/json; charset=utf-8"},
      {"sitemap.xml", "application/xml; charset=utf-8"},
      {"logo.svg", "image/svg+xml"},
      {"a.png", "image/png"},
      {"a.jpg", "image/jpeg"},
      {"a.jpeg", "image/jpeg"},
      {"a.gif", "image/gif"},
      {"a.webp", "image/webp"},
      {"f.woff2", "font/woff2"},
      {"favicon.ico", "image/x-icon"},
      {"llms.txt", "text/plain; charset=utf-8"},
      {"m.wasm", "application/wasm"},
      {"README", "application/octet-stream"},
      {"a.d/README", "application/octet-stream"},
      {"x.unknown", "application/octet-stream"},
  };
  for (auto [path, type] : cases) EXPECT_EQ(mime_type(path), type) << path;
}

}  // namespace
}  // namespace bengal::serve
