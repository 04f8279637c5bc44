// The config directory: config/_default/ merged in file-name order, then the environment's
// file; the environment's choice; positions naming the file that set each value.
#include <gtest/gtest.h>

#include <map>

#include <fmt/format.h>

#include "../support/diagnostics.hpp"
#include "../support/run.hpp"
#include "bengal/config/config.hpp"

namespace fs = std::filesystem;

namespace bengal::config {
namespace {

using test::Files;

// An environment with exactly these variables, so that the machine's (CI=true on CI) does not
// leak into the tests.
EnvLookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view name) -> std::optional<std::string> {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

ConfigResult load(const Files& files, std::string environment = "",
                  std::map<std::string, std::string> vars = {}) {
  fs::path dir = test::write_files(files);
  LoadOptions options;
  options.environment = std::move(environment);
  options.lookup = env_of(std::move(vars));
  return load_config(dir, options);
}

std::vector<std::string> dir_messages(const ConfigResult& r) {
  return test::formatted(r.diagnostics);
}

TEST(ConfigEnvironment, FlagThenBengalEnvThenCiThenLocal) {
  auto choose = [](std::string_view flag, std::map<std::string, std::string> vars) {
    Environment e = choose_environment(flag, env_of(std::move(vars)));
    return e.name + " " + e.source + (e.explicit_choice ? " explicit" : "");
  };
  EXPECT_EQ(choose("staging", {{"BENGAL_ENV", "preview"}, {"CI", "true"}}),
            "staging --environment explicit");
  EXPECT_EQ(choose("", {{"BENGAL_ENV", "preview"}, {"CI", "true"}}), "preview BENGAL_ENV explicit");
  EXPECT_EQ(choose("", {{"CI", "true"}}), "production CI");
  EXPECT_EQ(choose("", {{"GITHUB_ACTIONS", "true"}}), "production GITHUB_ACTIONS");
  EXPECT_EQ(choose("", {{"NETLIFY", "true"}}), "production NETLIFY");
  EXPECT_EQ(choose("", {{"VERCEL", "1"}}), "production VERCEL");
  // Empty variables count as unset.
  EXPECT_EQ(choose("", {{"BENGAL_ENV", ""}, {"CI", ""}}), "local default");
  EXPECT_EQ(choose("", {}), "local default");
}

TEST(ConfigDir, MergesDefaultsInNameOrderThenTheEnvironment) {
  auto r =
      load({{"config/_default/b.yaml", "site:\n  title: B\nparams:\n  list: [3]\n"},
            {"config/_default/a.yaml",
             "site:\n  title: A\n  description: from a\nparams:\n  x: 1\n  list: [1, 2]\n"},
            {"config/environments/production.yaml", "site:\n  baseurl: https://example.org/\n"},
            {"config/environments/local.yaml", "site:\n  baseurl: /\n"}},
           "production");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(dir_messages(r), std::vector<std::string>{});
  EXPECT_EQ(r.config.config_file, "config");
  EXPECT_EQ(r.config.environment, "production");
  EXPECT_EQ(r.config.title, "B");  // b.yaml after a.yaml
  EXPECT_EQ(r.config.description, "from a");
  EXPECT_EQ(r.config.baseurl, "https://example.org");
  EXPECT_EQ(r.config.params.find("x")->as_int(), 1);
  // Arrays are replaced, not appended to.
  ASSERT_EQ(r.config.params.find("list")->size(), 1u);
  EXPECT_EQ(r.config.params.find("list")->as_array()[0].as_int(), 3);
  const Document& d = r.config.document;
  EXPECT_EQ(d.place_of("site.title").file, "config/_default/b.yaml");
  EXPECT_EQ(d.place_of("site.title").line, 2u);
  EXPECT_EQ(d.place_of("site.title").column, 3u);
  EXPECT_EQ(d.place_of("site.description").file, "config/_default/a.yaml");
  EXPECT_EQ(d.place_of("site.baseurl").file, "config/environments/production.yaml");
  EXPECT_EQ(d.files,
            (std::vector<std::string>{"config", "config/_default/a.yaml", "config/_default/b.yaml",
                                      "config/environments/production.yaml"}));
}

TEST(ConfigDir, LocalIsTheDefaultAndCiMeansProduction) {
  Files files = {{"config/_default/site.yaml", "site:\n  title: T\n"},
                 {"config/environments/local.yaml", "site:\n  baseurl: /\n"},
                 {"config/environments/production.yaml", "site:\n  baseurl: https://x.org\n"}};
  EXPECT_EQ(load(files).config.baseurl, "");
  EXPECT_EQ(load(files).config.environment, "local");
  EXPECT_EQ(load(files, "", {{"CI", "true"}}).config.baseurl, "https://x.org");
  EXPECT_EQ(load(files, "", {{"CI", "true"}, {"BENGAL_ENV", "local"}}).config.baseurl, "");
}

TEST(ConfigDir, MissingEnvironmentFileWarnsOnlyWhenAskedFor) {
  Files files = {{"config/_default/site.yaml", "site:\n  title: T\n"}};
  EXPECT_EQ(dir_messages(load(files)), std::vector<std::string>{});
  EXPECT_EQ(dir_messages(load(files, "", {{"CI", "true"}})), std::vector<std::string>{});
  EXPECT_EQ(dir_messages(load(files, "staging")),
            std::vector<std::string>{
                "config/environments/staging.yaml: warning: no such file: environment "
                "\"staging\" (from --environment) has no settings of its own; create the file "
                "or choose another environment"});
  EXPECT_EQ(dir_messages(load(files, "", {{"BENGAL_ENV", "preview"}})).size(), 1u);
  auto bad = load(files, "a/b");
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(
      dir_messages(bad),
      std::vector<std::string>{"error: environment \"a/b\" (from --environment) may hold only "
                               "letters, digits, '-', '_' and '.'; name a file of "
                               "config/environments/ without its extension, such as production"});
}

TEST(ConfigDir, WrongValueNamesTheFileThatSetIt) {
  auto r = load({{"config/_default/build.yaml", "build:\n  drafts: false\n"},
                 {"config/environments/production.yaml", "# prod\nbuild:\n  drafts: maybe\n"}},
                "production");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(dir_messages(r), std::vector<std::string>{
                                 "config/environments/production.yaml:3:11: error: [build] drafts "
                                 "must be true or false, not string"});
}

TEST(ConfigDir, UnknownKeyWarnsOnceAtTheFileThatSetItLast) {
  auto r = load({{"config/_default/a.yaml", "site:\n  titel: A\n"},
                 {"config/_default/b.yaml", "site:\n  titel: B\n"},
                 {"config/environments/local.yaml", "site:\n  titel: C\n"}});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(dir_messages(r),
            std::vector<std::string>{
                "config/environments/local.yaml:2:3: warning: unknown key 'titel' in [site] is "
                "ignored; did you mean 'title'? known keys: title, baseurl, description, "
                "language, default_language, default_language_in_subdir, logo_text, favicon, "
                "og_image, github_edit_base"});
}

TEST(ConfigDir, SyntaxErrorNamesItsFile) {
  auto r = load(
      {{"config/_default/a.yaml", "site:\n  title: A\n"}, {"config/_default/b.yaml", "site: [\n"}});
  EXPECT_FALSE(r.ok);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].file, "config/_default/b.yaml");
}

TEST(ConfigDir, WinsOverABengalTomlBesideIt) {
  auto r = load({{"config/_default/site.yaml", "site:\n  title: Dir\n"},
                 {"bengal.toml", "[site]\ntitle = \"Toml\"\n"}});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.config.title, "Dir");
  EXPECT_EQ(
      dir_messages(r),
      std::vector<std::string>{"bengal.toml: warning: ignored: the config/ folder holds the site's "
                               "config; move these settings into a file of config/_default/ and "
                               "delete bengal.toml"});
}

TEST(ConfigDir, ReadsYmlAndTomlAndSkipsHiddenAndOtherFiles) {
  auto r = load({{"config/_default/a.toml", "[site]\ntitle = \"Toml\"\n"},
                 {"config/_default/b.yml", "site:\n  description: yml\n"},
                 {"config/_default/.c.yaml", "site:\n  title: hidden\n"},
                 {"config/_default/d.yaml~", "site:\n  title: backup\n"},
                 {"config/_default/README.md", "# notes\n"},
                 {"config/_default/sub/e.yaml", "site:\n  title: nested\n"}});
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(dir_messages(r), std::vector<std::string>{});
  EXPECT_EQ(r.config.title, "Toml");
  EXPECT_EQ(r.config.description, "yml");
}

TEST(ConfigDir, ReadsAtMost64Files) {
  Files files;
  for (int i = 0; i < 66; ++i)
    files[fmt::format("config/_default/f{:02}.yaml", i)] = fmt::format("params:\n  n: {}\n", i);
  auto r = load(files);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.config.params.find("n")->as_int(), 63);
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(dir_messages(r)[0],
            "config/_default/f64.yaml: warning: ignored: config/_default/ holds more than 64 "
            "config files; merge some of them");
}

TEST(ConfigDir, SymlinkOutOfTheSiteIsSkipped) {
  fs::path outside = test::write_files({{"secret.yaml", "site:\n  title: Secret\n"}}, "outside");
  fs::path dir = test::write_files({{"config/_default/site.yaml", "site:\n  title: T\n"}});
  fs::create_symlink(outside / "secret.yaml", dir / "config/_default/z.yaml");
  LoadOptions options;
  options.lookup = env_of({});
  auto r = load_config(dir, options);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.config.title, "T");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].file, "config/_default/z.yaml");
}

TEST(ConfigDir, AcceptsWhatBengalsOwnSiteSets) {
  // Every top-level key of Bengal's documentation site, with one of its values each.
  auto r =
      load({{"config/_default/site.yaml",
             "site:\n  title: Bengal\n  baseurl: \"\"\n  logo_text: \"ᓚᘏᗢ\"\n"
             "  description: d\n  language: en\n  default_content_type: doc\n"
             "template_engine: kida\nlink_previews:\n  enabled: true\n"},
            {"config/_default/build.yaml",
             "build:\n  output_dir: public\n  parallel: true\n  incremental: true\n"
             "  max_workers: null\nbuild_badge:\n  enabled: true\nassets:\n  minify: true\n"
             "html_output:\n  mode: pretty\nautodoc:\n  python:\n    enabled: true\n"
             "health_check:\n  enabled: true\n"},
            {"config/_default/features.yaml",
             "features:\n  rss: true\n  json: true\n  llm_txt: true\n"
             "  syntax_highlighting: true\n  markdown: true\nsocial_cards:\n  enabled: false\n"},
            {"config/_default/theme.yaml",
             "theme:\n  name: default\nheader:\n  sticky: true\ncontent:\n  toc_depth: 4\n"
             "fonts:\n  display: Outfit\ncapabilities:\n  mermaid: true\n"
             "versioning:\n  enabled: true\nmenu:\n  extra: []\nsearch:\n  enabled: true\n"
             "external_refs:\n  templates:\n    python: \"https://docs.python.org/{module}\"\n"
             "params:\n  repo_url: https://github.com/x/y\nmarkdown:\n  parser: patitas\n"},
            {"config/environments/production.yaml",
             "build:\n  strict_mode: true\nfeatures:\n  analytics: true\n"}},
           "production");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(dir_messages(r), std::vector<std::string>{});
  EXPECT_EQ(r.config.logo_text, "ᓚᘏᗢ");
}

TEST(ConfigDocument, MergeReplacesATableByAScalarWithItsPositions) {
  Document base = parse_document("a:\n  b: 1\n  c: 2\nd: 1\n", Format::kYaml, "one.yaml");
  Document over = parse_document("a: 5\nd: 2\ne:\n  f: 3\n", Format::kYaml, "two.yaml");
  merge_document(base, over);
  EXPECT_EQ(base.root.find("a")->as_int(), 5);
  EXPECT_EQ(base.root.find("e")->find("f")->as_int(), 3);
  EXPECT_EQ(base.place_of("a").file, "two.yaml");
  EXPECT_EQ(base.place_of("e.f").file, "two.yaml");
  EXPECT_EQ(base.place_of("e.f").line, 4u);
  // a.b went with the table it was in: an unknown path falls back to the first file.
  EXPECT_EQ(base.place_of("a.b").line, 1u);
  EXPECT_EQ(base.place_of("a.b").column, 1u);
  for (const auto& p : base.positions) EXPECT_NE(p.path, "a.b");
}

}  // namespace
}  // namespace bengal::config
