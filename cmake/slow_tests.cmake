# The tests that take seconds, with their cost in seconds under ASan + UBSan (only the order
# matters). Both ways of handing tests to CTest read it: test_costs.cmake (one CTest test per
# gtest test) gives them a COST, so `ctest -j N` starts them first instead of last; a fresh
# build folder has no timing history, and without it CTest runs tests in declaration order (the
# streaming test, declared late, then ran alone on one core at the end). test_groups.cmake
# (gtest tests run in groups) gives each its own CTest test, for the same reason.
set(BENGAL_SLOW_TESTS
  "Streaming.GeneratedSiteIsByteIdenticalInEveryMode=180"
  "Streaming.HighlightedSiteIsByteIdenticalInEveryMode=60"
  "IncrementalProperty.WarmBuildWritesTheColdBuildsBytesAfterEveryEdit=40"
  "ShardedBuild.MergedShardsEqualOneBuildForOneTwoThreeAndSevenJobs=20"
  "ShardedBuild.MergeRefusesShardsThatDoNotMakeOneSite=10"
  "ShardedBuild.OneMorePageMovesFewPagesToAnotherShard=6"
  "Limits.SizesFromArgumentsAreBounded=15"
  "Robustness.RandomBytesAndMutatedTemplatesNeverCrash=13"
  "Limits.DeepValuesPrintAndSerializeWithinBounds=12"
  "Streaming.GoldenSitesAreByteIdenticalInEveryMode=11"
  "HostileFs.AKilledBuildThenARebuildEqualsACleanBuild=11"
  "Streaming.UsesUnderAThirdOfTheFullBuildsMemory=10"
  "OutputClash.SameBytesAtAnyThreadCountBatchSizeAndMemoryMode=7"
  "YamlSimple.AgreesWithYamlCppOnRandomDocuments=5"
  "Limits.RandomChainsAndNestingNeverCrash=5"
  "YamlLimits.AliasBombsAreBoundedInValuesAndBytes=5"
  "YamlLimits.RandomAliasesAndNestingNeverCrash=5"
  "ThemeBrowser.MathJsRendersEveryFormulaWithTheEmbeddedKatex=5"
  "ThemeBrowser.TabsFollowTheKeyboardAndSyncAndCodeBlocksGetCopyButtons=5"
  "BuildReportHtmlBrowser.RendersZeroSecondReportWithoutConsoleMessages=5"
  "BuildReportHtmlBrowser.RendersChartsWithoutConsoleMessages=4")
