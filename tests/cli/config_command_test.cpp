// `bengal config show` and --environment, end to end.
#include <gtest/gtest.h>

#include "../support/run.hpp"

namespace fs = std::filesystem;

namespace bengal::test {
namespace {

fs::path config_dir_site() {
  return source_dir() / "tests/sites/config-dir";
}

TEST(ConfigShow, PrintsEveryValueWithTheFileThatSetIt) {
  RunResult r =
      run_bengal({"config", "show", config_dir_site().string(), "--environment", "production"});
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "# environment: production (from --environment)\n"
            "# files, merged in this order: config/_default/build.yaml, "
            "config/_default/features.yaml, config/_default/menu.yaml, "
            "config/_default/params.yaml, config/_default/site.yaml, "
            "config/environments/production.yaml\n"
            "assets.minify = true                              # config/_default/build.yaml:7\n"
            "build.incremental = true                          # config/_default/build.yaml:4\n"
            "build.output_dir = \"public\"                       # config/_default/build.yaml:2\n"
            "build.parallel = true                             # config/_default/build.yaml:3\n"
            "build.strict_mode = true                          # "
            "config/environments/production.yaml:5\n"
            "features.analytics = true                         # "
            "config/environments/production.yaml:11\n"
            "features.json = true                              # "
            "config/_default/features.yaml:5\n"
            "features.llm_txt = true                           # "
            "config/_default/features.yaml:6\n"
            "features.rss = false                              # "
            "config/_default/features.yaml:2\n"
            "features.search = false                           # "
            "config/_default/features.yaml:4\n"
            "features.sitemap = true                           # "
            "config/_default/features.yaml:3\n"
            "menu.extra[0].name = \"Source\"                     # config/_default/menu.yaml:3\n"
            "menu.extra[0].url = \"https://example.org/source\"  # config/_default/menu.yaml:3\n"
            "menu.extra[1].name = \"Changelog\"                  # config/_default/menu.yaml:3\n"
            "menu.extra[1].url = \"https://example.org/changelog\"  # "
            "config/_default/menu.yaml:3\n"
            "menu.extra[1].weight = 1                          # config/_default/menu.yaml:3\n"
            "params.banner = \"production build\"                # "
            "config/environments/production.yaml:8\n"
            "params.repo_url = \"https://example.org/source\"    # "
            "config/_default/params.yaml:3\n"
            "site.baseurl = \"https://docs.example.org/\"        # "
            "config/environments/production.yaml:2\n"
            "site.description = \"A site configured the way Bengal configures its own\"  # "
            "config/_default/site.yaml:5\n"
            "site.language = \"en\"                              # config/_default/site.yaml:6\n"
            "site.logo_text = \"ᓚᘏᗢ CD\"                         # config/_default/site.yaml:4\n"
            "site.title = \"Config Directory\"                   # config/_default/site.yaml:3\n"
            "template_engine = \"kida\"                          # config/_default/site.yaml:9\n");
}

TEST(ConfigShow, Json) {
  fs::path site = write_files({{"config/_default/site.yaml", "site:\n  title: \"T\"\n"},
                               {"config/environments/local.yaml", "params:\n  tags: [a, b]\n"}});
  RunResult r =
      run_bengal({"config", "show", site.string(), "--environment", "local", "--format", "json"});
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "{\n  \"environment\": \"local\",\n  \"environment_source\": \"--environment\",\n"
            "  \"files\": [\"config/_default/site.yaml\", \"config/environments/local.yaml\"],\n"
            "  \"values\": [\n"
            "    {\"key\": \"params.tags\", \"value\": [\"a\", \"b\"], \"file\": "
            "\"config/environments/local.yaml\", \"line\": 2},\n"
            "    {\"key\": \"site.title\", \"value\": \"T\", \"file\": "
            "\"config/_default/site.yaml\", \"line\": 2}\n"
            "  ]\n}\n");
}

TEST(ConfigShow, BengalToml) {
  fs::path site = write_files({{"bengal.toml", "[site]\ntitle = \"T\"\n\n[params]\nn = 2\n"}});
  RunResult r = run_bengal({"config", "show", site.string()});
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "# file: bengal.toml\n"
            "params.n = 2      # bengal.toml:5\n"
            "site.title = \"T\"  # bengal.toml:2\n");
}

TEST(ConfigShow, ErrorsExitNonZero) {
  fs::path site =
      write_files({{"config/_default/site.yaml", "site:\n  title: \"T\"\n"},
                   {"config/environments/production.yaml", "build:\n  threads: many\n"}});
  RunResult r = run_bengal({"config", "show", site.string(), "--environment", "production"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            "config/environments/production.yaml:2:12: error: [build] threads must be an "
            "integer, not string\n"
            "error: the config has errors; fix them and run `bengal config show` again\n");
}

TEST(ConfigEnvironmentOption, BuildWarnsAboutAMissingEnvironmentFile) {
  fs::path site = write_files(
      {{"config/_default/site.yaml", "site:\n  title: \"T\"\n  baseurl: https://x.org/\n"},
       {"content/_index.md", "---\ntitle: Home\n---\n"}});
  RunResult r =
      run_bengal({"build", site.string(), "-o", (fresh_temp_dir("out") / "public").string(),
                  "--quiet", "--environment", "staging"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err,
            "config/environments/staging.yaml: warning: no such file: environment \"staging\" "
            "(from --environment) has no settings of its own; create the file or choose another "
            "environment\n");
  RunResult check = run_bengal({"check", site.string(), "--environment", "staging"});
  EXPECT_NE(check.err.find("config/environments/staging.yaml: warning"), std::string::npos);
}

}  // namespace
}  // namespace bengal::test
