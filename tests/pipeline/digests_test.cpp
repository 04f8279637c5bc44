// The digests an incremental build compares (pipeline/digests.hpp) read the index's cold text
// (summaries, descriptions, links) without mapping its file, and still see every byte of it.
#include "bengal/pipeline/digests.hpp"

#include <cstring>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xxhash.h>

#include "../support/cold_file.hpp"
#include "../support/site_fixture.hpp"

namespace bengal::test {
namespace {

// 300 pages with long descriptions, summaries and links: a cold file of about 2 MB. Page 7's
// description is `description`.
Files cold_site(const std::string& description) {
  Files files;
  for (int i = 0; i < 300; ++i) {
    std::string text = i == 7 ? description : std::string(1500, static_cast<char>('a' + i % 26));
    files[fmt::format("content/p{:03}.md", i)] =
        fmt::format("---\ntitle: P{}\ndescription: {}\ntags: [t{}]\n---\n{} [next](p{:03}.md)\n", i,
                    text, i % 7, std::string(4000, 'w'), (i + 1) % 300);
  }
  return files;
}

struct Loaded {
  std::unique_ptr<pipeline::LoadedSite> loaded;
  graph::SiteGraph graph;
};

Loaded load_with_cold_file(const TestSite& s, Diagnostics& diagnostics) {
  Loaded out;
  out.loaded = pipeline::load_site(s.dir(), std::nullopt, diagnostics, {}, {}, {},
                                   [&](const config::SiteConfig&, content::DiscoverOptions& o) {
                                     o.cold_text_folder = s.dir();
                                   });
  out.graph = graph::analyze(out.loaded->site, graph::GraphConfig{});
  return out;
}

TEST(Digests, ReadTheColdTextWithoutMappingIt) {
  TestSite s(cold_site(std::string(1500, 'x')));
  Diagnostics diagnostics;
  Loaded l = load_with_cold_file(s, diagnostics);
  const site::Site& site = l.loaded->site;
  ASSERT_GT(site.table.strings.cold_bytes(), size_t{1} << 20);
  ASSERT_EQ(cold_file_resident_kb(), 0u);

  cache::PageDigests digests = pipeline::page_digests(site, l.graph);
  cache::BuildKeys keys = pipeline::build_keys(site, l.graph, {}, {});

  // Through the mapping, every page of the file was resident from here on.
  EXPECT_EQ(cold_file_resident_kb(), 0u);
  EXPECT_EQ(digests.full.size(), site.table.pages.size());
  EXPECT_NE(keys.structure, 0u);
}

TEST(Digests, SeeADescriptionThatOnlyTheColdFileHolds) {
  // One site after the other: a TestSite's folder is named after the test.
  auto digests_of = [](const std::string& description) {
    TestSite s(cold_site(description));
    Diagnostics diagnostics;
    Loaded l = load_with_cold_file(s, diagnostics);
    return pipeline::page_digests(l.loaded->site, l.graph);
  };
  cache::PageDigests x = digests_of(std::string(1500, 'x'));
  cache::PageDigests y = digests_of(std::string(1499, 'x') + "y");
  ASSERT_EQ(x.head.size(), y.head.size());
  std::vector<size_t> differ;
  for (size_t i = 0; i < x.head.size(); ++i)
    if (x.head[i] != y.head[i]) differ.push_back(i);
  EXPECT_EQ(differ, std::vector<size_t>{8});  // p007.md, after the home page: its description
}

}  // namespace
}  // namespace bengal::test

namespace bengal::pipeline {
namespace {

// A Hasher gathers small values before they reach XXH3: its digest must be XXH3's of the very
// bytes fed, whatever their sizes, so that a cache made by one build compares with the next.
TEST(Hasher, DigestsTheBytesFedWhateverTheirSizes) {
  std::string big(700, 'x');
  std::vector<PageId> ids = {1, 2, 300000};
  Hasher h;
  h.num(7).text("ab").text(big).ids(ids).real(0.5);
  for (int i = 0; i < 100; ++i) h.num(static_cast<uint64_t>(i)).text(std::string(i % 40, 'y'));
  std::string bytes;
  auto num = [&](uint64_t v) { bytes.append(reinterpret_cast<const char*>(&v), sizeof v); };
  auto text = [&](std::string_view s) {
    num(s.size());
    bytes.append(s);
  };
  num(7);
  text("ab");
  text(big);
  num(ids.size());
  bytes.append(reinterpret_cast<const char*>(ids.data()), ids.size() * sizeof(PageId));
  double half = 0.5;
  uint64_t bits = 0;
  std::memcpy(&bits, &half, sizeof bits);
  num(bits);
  for (int i = 0; i < 100; ++i) {
    num(static_cast<uint64_t>(i));
    text(std::string(i % 40, 'y'));
  }
  EXPECT_EQ(h.digest(), XXH3_64bits(bytes.data(), bytes.size()));
  EXPECT_EQ(h.digest(), XXH3_64bits(bytes.data(), bytes.size()));  // digest() twice
  EXPECT_EQ(Hasher().digest(), XXH3_64bits(nullptr, 0));
  // An empty list (whose data() is null): its count only.
  uint64_t zero = 0;
  EXPECT_EQ(Hasher().ids({}).digest(), XXH3_64bits(&zero, sizeof zero));
}

}  // namespace
}  // namespace bengal::pipeline
