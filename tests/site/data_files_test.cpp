// data/ through an in-process site: every TOML, YAML and JSON file becomes site.data.<name>,
// subfolders nest, other files are skipped, and a bad file is an error at its position.
#include <gtest/gtest.h>

#include "../support/site_fixture.hpp"

namespace bengal::test {
namespace {

using Strings = std::vector<std::string>;

TEST(DataFiles, FilesBecomeNestedKeys) {
  TestSite s({{"data/authors.toml", "[ana]\nname = \"Ana\"\nposts = 3\n"},
              {"data/team/people.yaml", "members:\n  - Bo\n  - Cy\n"},
              {"data/team/lead.json", "{\"name\": \"Di\"}"},
              {"data/notes.txt", "not data"}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(), Strings{});
  Strings keys;
  for (const auto& [key, value] : site.data.as_table()) keys.push_back(key);
  EXPECT_EQ(keys, (Strings{"authors", "team"}));
  const Value* ana = site.data.find("authors")->find("ana");
  ASSERT_NE(ana, nullptr);
  EXPECT_EQ(ana->find("name")->as_string(), "Ana");
  EXPECT_EQ(ana->find("posts")->as_int(), 3);
  const Value* team = site.data.find("team");
  ASSERT_TRUE(team && team->is_table());
  const Value* people = team->find("people")->find("members");
  ASSERT_TRUE(people && people->is_array());
  ASSERT_EQ(people->as_array().size(), 2u);
  EXPECT_EQ(people->as_array()[1].as_string(), "Cy");
  EXPECT_EQ(team->find("lead")->find("name")->as_string(), "Di");
}

TEST(DataFiles, ABadFileIsAnErrorAtItsPosition) {
  TestSite s({{"data/good.toml", "a = 1\n"},
              {"data/bad.json", "{\"a\": [1,\n \"b\": }\n"},
              {"data/worse.toml", "a = \n"}});
  const site::Site& site = s.load();
  EXPECT_EQ(s.messages(),
            (Strings{"data/bad.json:2:7: error: invalid JSON: illegal flow end",
                     "data/worse.toml:1:5: error: invalid TOML: Error while parsing key-value "
                     "pair: expected value, saw '\\n'"}));
  Strings keys;
  for (const auto& [key, value] : site.data.as_table()) keys.push_back(key);
  EXPECT_EQ(keys, Strings{"good"});
}

}  // namespace
}  // namespace bengal::test
