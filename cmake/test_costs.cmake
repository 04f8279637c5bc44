# Included by CTest after a test binary's discovered tests (see bengal_test() in the top
# CMakeLists.txt): gives the slow tests a COST, so `ctest -j N` starts them first instead of
# last. A fresh build folder has no timing history (Testing/Temporary/CTestCostData.txt), and
# without it CTest runs tests in declaration order: the 40-180 s streaming test, declared late,
# then ran alone on one core at the end of the run. Costs are seconds under ASan + UBSan;
# only their order matters. BENGAL_DISCOVERED_TESTS is set by the including file.
cmake_policy(PUSH)
cmake_policy(SET CMP0057 NEW)  # if(IN_LIST): CTest reads this file with old policies
set(_bengal_test_costs
  "Streaming.GeneratedSiteIsByteIdenticalInEveryMode=180"
  "Streaming.HighlightedSiteIsByteIdenticalInEveryMode=60"
  "IncrementalProperty.WarmBuildWritesTheColdBuildsBytesAfterEveryEdit=40"
  "Limits.SizesFromArgumentsAreBounded=15"
  "Robustness.RandomBytesAndMutatedTemplatesNeverCrash=13"
  "Limits.DeepValuesPrintAndSerializeWithinBounds=12"
  "Streaming.GoldenSitesAreByteIdenticalInEveryMode=11"
  "HostileFs.AKilledBuildThenARebuildEqualsACleanBuild=11"
  "Streaming.UsesUnderAThirdOfTheFullBuildsMemory=10"
  "OutputClash.SameBytesAtAnyThreadCountBatchSizeAndMemoryMode=7"
  "YamlSimple.AgreesWithYamlCppOnRandomDocuments=5")
foreach(_entry IN LISTS _bengal_test_costs)
  string(REPLACE "=" ";" _pair "${_entry}")
  list(GET _pair 0 _name)
  list(GET _pair 1 _cost)
  if(_name IN_LIST BENGAL_DISCOVERED_TESTS)
    set_tests_properties("${_name}" PROPERTIES COST "${_cost}")
  endif()
endforeach()
cmake_policy(POP)
