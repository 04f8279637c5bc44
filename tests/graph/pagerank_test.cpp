#include "bengal/graph/pagerank.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <cmath>
#include <cstring>

namespace bengal::graph {
namespace {

using K = EdgeKind;

PageRankOptions exact() {
  PageRankOptions o;
  o.tolerance = 1e-13;
  o.max_iterations = 1000;
  return o;
}

double edge_weight(const PageRankOptions& o, K k) {
  return k == K::kLink ? o.link_weight : k == K::kSection ? o.section_weight : o.sequence_weight;
}

// The reference: PageRank as the solution of the linear system
//   r = (1-d)/N + d * (M r + (dangling mass)/N)
// solved directly by Gaussian elimination with partial pivoting (no iteration), from the
// raw edge list (duplicates merged to the strongest kind, self-edges dropped, as the graph
// does).
std::vector<double> solve_reference(size_t n, const std::vector<Edge>& raw,
                                    const PageRankOptions& o) {
  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0.0));
  std::vector<std::vector<int>> kind(n, std::vector<int>(n, 99));
  for (const Edge& e : raw)
    if (e.from != e.to) kind[e.from][e.to] = std::min(kind[e.from][e.to], int(e.kind));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < n; ++j)
      if (kind[i][j] != 99) w[i][j] = edge_weight(o, K(kind[i][j]));
  const double d = o.damping, N = double(n);
  // A r = b, with A = I - d*T where T[j][i] is the share i passes to j.
  std::vector<std::vector<double>> a(n, std::vector<double>(n + 1, 0.0));
  for (size_t i = 0; i < n; ++i) {
    double out = 0;
    for (size_t j = 0; j < n; ++j) out += w[i][j];
    for (size_t j = 0; j < n; ++j) {
      double t = out > 0 ? w[i][j] / out : 1.0 / N;
      a[j][i] -= d * t;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    a[i][i] += 1.0;
    a[i][n] = (1 - d) / N;
  }
  for (size_t c = 0; c < n; ++c) {
    size_t pivot = c;
    for (size_t r = c + 1; r < n; ++r)
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    std::swap(a[c], a[pivot]);
    for (size_t r = 0; r < n; ++r) {
      if (r == c) continue;
      double f = a[r][c] / a[c][c];
      for (size_t k = c; k <= n; ++k) a[r][k] -= f * a[c][k];
    }
  }
  std::vector<double> r(n);
  for (size_t i = 0; i < n; ++i) r[i] = a[i][n] / a[i][i];
  return r;
}

void expect_matches_reference(size_t n, const std::vector<Edge>& edges,
                              const PageRankOptions& o = exact()) {
  LinkGraph g(n, edges);
  PageRankResult got = pagerank(g, o);
  std::vector<double> want = solve_reference(n, edges, o);
  double sum = 0;
  for (size_t i = 0; i < n; ++i) {
    EXPECT_NEAR(got.rank[i], want[i], 1e-10) << "page " << i;
    sum += got.rank[i];
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

TEST(PageRank, CycleIsUniform) {
  LinkGraph g(3, {{0, 1, K::kLink}, {1, 2, K::kLink}, {2, 0, K::kLink}});
  PageRankResult r = pagerank(g, exact());
  for (double x : r.rank) EXPECT_DOUBLE_EQ(x, 1.0 / 3.0);
  EXPECT_EQ(r.iterations, 1);  // uniform is already the fixed point
}

TEST(PageRank, StarByHand) {
  // Four leaves link to a centre that links nowhere (dangling). By hand, with d = 0.85:
  //   leaf = (0.15 + 0.85 c) / 5, c = leaf + 4 * 0.85 * leaf = 4.4 leaf
  //   => leaf = 0.15 / 1.26, c = 0.66 / 1.26.
  LinkGraph g(5, {{1, 0, K::kLink}, {2, 0, K::kLink}, {3, 0, K::kLink}, {4, 0, K::kLink}});
  PageRankResult r = pagerank(g, exact());
  EXPECT_NEAR(r.rank[0], 0.66 / 1.26, 1e-12);
  for (PageId leaf = 1; leaf < 5; ++leaf) EXPECT_NEAR(r.rank[leaf], 0.15 / 1.26, 1e-12);
}

TEST(PageRank, ChainWithDanglingEnd) {
  // 0 -> 1 -> 2, and 2 links nowhere. By hand: with x = 0.85 r2 / 3 + 0.05,
  //   r0 = x, r1 = x + 0.85 r0, r2 = x + 0.85 r1  and  r0 + r1 + r2 = 1.
  LinkGraph g(3, {{0, 1, K::kLink}, {1, 2, K::kLink}});
  PageRankResult r = pagerank(g, exact());
  double x = r.rank[0];
  EXPECT_NEAR(r.rank[1], x + 0.85 * r.rank[0], 1e-12);
  EXPECT_NEAR(r.rank[2], x + 0.85 * r.rank[1], 1e-12);
  EXPECT_NEAR(x, 0.85 * r.rank[2] / 3 + 0.05, 1e-12);
  // Solving: x (1 + 1.85 + 1 + 0.85 * 1.85) = 1  =>  x = 1 / 5.4225.
  EXPECT_NEAR(x, 1 / 5.4225, 1e-12);
  expect_matches_reference(3, {{0, 1, K::kLink}, {1, 2, K::kLink}});
}

TEST(PageRank, DisconnectedPartsAndIsolatedPage) {
  std::vector<Edge> edges = {
      {0, 1, K::kLink}, {1, 0, K::kLink}, {2, 3, K::kLink}, {3, 2, K::kLink}, {3, 4, K::kLink}};
  expect_matches_reference(6, edges);
  // Symmetric parts get equal ranks; page 5 has no edges at all.
  LinkGraph g(6, edges);
  PageRankResult r = pagerank(g, exact());
  EXPECT_NEAR(r.rank[0], r.rank[1], 1e-14);
  // 3 gets all of 2's rank but passes only half of its own back.
  EXPECT_LT(r.rank[2], r.rank[3]);
  EXPECT_NEAR(r.rank[5], r.rank[4] - 0.85 * r.rank[3] / 2, 1e-12);
}

TEST(PageRank, WeightedNavigationEdgesMatchReference) {
  std::vector<Edge> edges = {{0, 1, K::kSection},  {0, 2, K::kSection},  {0, 3, K::kSection},
                             {1, 2, K::kSequence}, {2, 1, K::kSequence}, {2, 3, K::kSequence},
                             {3, 2, K::kSequence}, {3, 1, K::kLink},     {1, 3, K::kLink},
                             {1, 3, K::kSequence}, {2, 2, K::kLink}};
  expect_matches_reference(4, edges);
}

TEST(PageRank, InactivePagesGetNoRank) {
  LinkGraph g(4, {{0, 1, K::kLink}, {1, 2, K::kLink}, {2, 0, K::kLink}, {0, 3, K::kLink}},
              {true, true, true, false});
  PageRankResult r = pagerank(g, exact());
  EXPECT_EQ(r.rank[3], 0.0);
  for (PageId p = 0; p < 3; ++p) EXPECT_NEAR(r.rank[p], 1.0 / 3.0, 1e-12);
}

TEST(PageRank, StopsAtToleranceOrIterationLimit) {
  LinkGraph g(3, {{0, 1, K::kLink}, {1, 2, K::kLink}});
  PageRankOptions o;  // defaults: 1e-6, 100 iterations
  PageRankResult r = pagerank(g, o);
  EXPECT_LT(r.last_change, 1e-6);
  EXPECT_LT(r.iterations, 100);
  o.max_iterations = 2;
  EXPECT_EQ(pagerank(g, o).iterations, 2);
}

TEST(PageRank, SameBitsAtAnyThreadCount) {
  // A bigger pseudo-random graph, so the parallel loop really splits.
  std::vector<Edge> edges;
  uint64_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    edges.push_back({PageId((x >> 20) % 50000), PageId((x >> 40) % 50000), K((x >> 8) % 3)});
  }
  LinkGraph g(50000, edges);
  std::vector<double> one, two;
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 1);
    one = pagerank(g).rank;
  }
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 2);
    two = pagerank(g).rank;
  }
  ASSERT_EQ(one.size(), two.size());
  EXPECT_EQ(0, std::memcmp(one.data(), two.data(), one.size() * sizeof(double)));
}

TEST(PageRank, TopNBreaksTiesWithTheGivenOrder) {
  LinkGraph g(4, {{0, 1, K::kLink}, {1, 0, K::kLink}, {2, 3, K::kLink}, {3, 2, K::kLink}});
  auto r = pagerank(g, exact()).rank;
  // All four tie; the tie order here is "higher id first".
  auto top = top_n(g, r, 3, [](PageId a, PageId b) { return a > b; });
  EXPECT_EQ(top, (std::vector<PageId>{3, 2, 1}));
  EXPECT_EQ(hub_count(0, 10), 0u);
  EXPECT_EQ(hub_count(5, 10), 1u);
  EXPECT_EQ(hub_count(10, 10), 1u);
  EXPECT_EQ(hub_count(11, 10), 2u);
  EXPECT_EQ(hub_count(1000, 10), 100u);
}

TEST(LinkGraph, MergesDuplicatesKeepingTheStrongestKind) {
  LinkGraph g(3, {{0, 1, K::kSequence},
                  {0, 1, K::kLink},
                  {0, 1, K::kSection},
                  {0, 0, K::kLink},
                  {2, 1, K::kSection},
                  {0, 2, K::kSection}});
  EXPECT_EQ(g.edge_count(), 3u);
  EXPECT_EQ(g.link_count(), 1u);
  ASSERT_EQ(g.targets(0).size(), 2u);
  EXPECT_EQ(g.targets(0)[0], 1u);
  EXPECT_EQ(g.kinds(0)[0], K::kLink);
  EXPECT_EQ(g.targets(0)[1], 2u);
  EXPECT_EQ(g.kinds(0)[1], K::kSection);
  ASSERT_EQ(g.sources(1).size(), 2u);
  EXPECT_EQ(g.sources(1)[0], 0u);
  EXPECT_EQ(g.sources(1)[1], 2u);
  EXPECT_EQ(g.inbound_links(1), 1u);
  EXPECT_EQ(g.inbound_links(2), 0u);
}

}  // namespace
}  // namespace bengal::graph
