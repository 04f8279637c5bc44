// The default theme's reading partials, rendered on their own with the page and site a build
// would give them: the page footer's "Last updated" and "Edit this page" (which keys make the
// link, and that a hostile value never becomes a script link) and the breadcrumb trail.
#include <gtest/gtest.h>

#include "bengal/templates/builtin_theme.hpp"

namespace bengal::templates {
namespace {

std::string render_partial(const std::string& name, Value page, Value site) {
  Environment env(builtin_template_loader());
  std::string out;
  Diagnostic error;
  if (!env.render(name, {{"page", std::move(page)}, {"site", std::move(site)}}, out, error))
    return "ERROR: " + error.format();
  return out;
}

Value site_with(Dict site_table, Dict params) {
  return Value::dict({{"config", Value::dict({{"site", Value::dict(std::move(site_table))}})},
                      {"params", Value::dict(std::move(params))}});
}

Value page_with(Dict params, Value lastmod = Value::none()) {
  return Value::dict({{"params", Value::dict(std::move(params))},
                      {"source_path", Value::string("content/docs/a.md")},
                      {"date", Value::none()},
                      {"lastmod", std::move(lastmod)}});
}

std::string footer(Value page, Value site) {
  return render_partial("partials/page_footer.html", std::move(page), std::move(site));
}

TEST(ThemeReading, NoEditKeyNoFooter) {
  EXPECT_EQ(footer(page_with({}), site_with({}, {})), "");
}

TEST(ThemeReading, BengalEditBaseIsFollowedByTheSourcePath) {
  const char* link =
      "\n<footer class=\"page-footer\">\n<p class=\"edit-page\"><a "
      "href=\"https://github.com/acme/docs/edit/main/content/docs/a.md\">Edit this page</a></p>\n"
      "</footer>";
  EXPECT_EQ(
      footer(page_with({}), site_with({{"github_edit_base",
                                        Value::string("https://github.com/acme/docs/edit/main/")}},
                                      {})),
      link);
  // Without the trailing slash, and from [params].
  EXPECT_EQ(footer(page_with({}),
                   site_with({}, {{"github_edit_base",
                                   Value::string("https://github.com/acme/docs/edit/main")}})),
            link);
}

TEST(ThemeReading, DocsyRepoBranchAndSubdir) {
  std::string out = footer(
      page_with({}), site_with({}, {{"github_repo", Value::string("https://git.example/o/r/")},
                                    {"github_branch", Value::string("dev")},
                                    {"github_subdir", Value::string("site")}}));
  EXPECT_NE(out.find("href=\"https://git.example/o/r/edit/dev/site/content/docs/a.md\""),
            std::string::npos)
      << out;
}

TEST(ThemeReading, PageEditUrlWinsAndOnlyHttpLinksAreMade) {
  Value site = site_with({{"github_edit_base", Value::string("https://x.example/")}}, {});
  std::string own =
      footer(page_with({{"edit_url", Value::string("https://e.example/a?x=\"1\"")}}), site);
  EXPECT_NE(own.find("href=\"https://e.example/a?x=&#34;1&#34;\""), std::string::npos) << own;
  EXPECT_EQ(footer(page_with({{"edit_url", Value::string("javascript:alert(1)")}}), site), "");
}

TEST(ThemeReading, BreadcrumbsEndInTheCurrentPage) {
  Value home = Value::dict({{"url", Value::string("/")}, {"nav_title", Value::string("Home")}});
  Value docs =
      Value::dict({{"url", Value::string("/docs/")}, {"nav_title", Value::string("<Docs>")}});
  Value page = Value::dict({{"ancestors", Value::list(List{docs, home})},
                            {"is_home", Value::boolean(false)},
                            {"kind", Value::string("page")},
                            {"url", Value::string("/docs/a/")},
                            {"nav_title", Value::string("A")}});
  EXPECT_EQ(render_partial("partials/breadcrumbs.html", page, Value::dict({})),
            "\n<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\">\n<ol>\n"
            "<li><a href=\"/\">Home</a></li>\n"
            "<li><a href=\"/docs/\">&lt;Docs&gt;</a></li>\n"
            "<li><a href=\"/docs/a/\" aria-current=\"page\">A</a></li>\n</ol>\n</nav>");
  Value at_home =
      Value::dict({{"ancestors", Value::list(List{})}, {"is_home", Value::boolean(true)}});
  EXPECT_EQ(render_partial("partials/breadcrumbs.html", at_home, Value::dict({})), "");
}

}  // namespace
}  // namespace bengal::templates
