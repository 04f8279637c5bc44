# Included by CTest for one test program when BENGAL_TEST_GROUP_SIZE is set (bengal_test() in
# the top CMakeLists.txt writes the including file, which sets the BENGAL_GROUP_* variables):
# lists the program's gtest tests and hands them to CTest in groups, each group one run of the
# program with a --gtest_filter naming its tests. A sanitized test process spends 0.1-0.4 s
# starting and checking for leaks at exit, longer than most tests take, so one process per
# test cost the sanitizer suite about two of its four minutes (bench/RESULTS.md, "Test suite
# time"). The slow tests (slow_tests.cmake) each keep a CTest test of their own, with a COST
# so they start first. A failing group prints gtest's report, which names the failing test.
cmake_policy(PUSH)
cmake_policy(SET CMP0057 NEW)  # if(IN_LIST): CTest reads this file with old policies
include(${CMAKE_CURRENT_LIST_DIR}/slow_tests.cmake)

set(_slow_names "")
set(_slow_costs "")
foreach(_entry IN LISTS BENGAL_SLOW_TESTS)
  string(REPLACE "=" ";" _pair "${_entry}")
  list(GET _pair 0 _name)
  list(GET _pair 1 _cost)
  list(APPEND _slow_names "${_name}")
  list(APPEND _slow_costs "${_cost}")
endforeach()

execute_process(COMMAND "${BENGAL_GROUP_PROGRAM}" --gtest_list_tests
                OUTPUT_VARIABLE _listing ERROR_VARIABLE _errors RESULT_VARIABLE _rc TIMEOUT 120)
if(NOT _rc EQUAL 0)
  # A program that is not built or does not start is one failing test, not a silent gap.
  string(REPLACE "\n" " " _errors "${_errors}")
  add_test("${BENGAL_GROUP_NAME}: listing the tests" sh -c
           "echo '${BENGAL_GROUP_PROGRAM} --gtest_list_tests failed (${_rc}): build it first' >&2; exit 1")
  cmake_policy(POP)
  return()
endif()

# gtest lists "Suite." lines (maybe "Prefix/Suite.  # TypeParam = ...") and under each
# "  Test" lines (maybe "  Test/3  # GetParam() = ..."); gtest_main may print a first line of
# its own, which matches neither form.
string(REPLACE ";" "" _listing "${_listing}")
string(REPLACE "\n" ";" _lines "${_listing}")
set(_suite "")
set(_group "")
set(_group_size 0)
set(_group_index 0)
macro(_bengal_flush_group)
  if(_group_size GREATER 0)
    math(EXPR _group_index "${_group_index} + 1")
    string(REPLACE ";" ":" _filter "${_group}")
    set(_test "${BENGAL_GROUP_NAME}: group ${_group_index}")
    add_test("${_test}" "${BENGAL_GROUP_PROGRAM}" "--gtest_filter=${_filter}")
    set_tests_properties("${_test}" PROPERTIES ENVIRONMENT "${BENGAL_GROUP_ENVIRONMENT}"
                         COST "${_group_size}" TIMEOUT 900)
    set(_group "")
    set(_group_size 0)
  endif()
endmacro()
foreach(_line IN LISTS _lines)
  if(_line MATCHES "^([A-Za-z0-9_/]+\\.)")
    set(_suite "${CMAKE_MATCH_1}")
  elseif(_line MATCHES "^  ([A-Za-z0-9_/]+)" AND NOT _suite STREQUAL "")
    set(_name "${_suite}${CMAKE_MATCH_1}")
    if(_name MATCHES "(^|\\.)DISABLED_")
      continue()
    endif()
    list(FIND _slow_names "${_name}" _slow)
    if(_slow GREATER -1)
      list(GET _slow_costs ${_slow} _cost)
      add_test("${_name}" "${BENGAL_GROUP_PROGRAM}" "--gtest_filter=${_name}")
      set_tests_properties("${_name}" PROPERTIES ENVIRONMENT "${BENGAL_GROUP_ENVIRONMENT}"
                           COST "${_cost}" TIMEOUT 900)
      continue()
    endif()
    list(APPEND _group "${_name}")
    math(EXPR _group_size "${_group_size} + 1")
    if(_group_size GREATER_EQUAL BENGAL_GROUP_SIZE)
      _bengal_flush_group()
    endif()
  endif()
endforeach()
_bengal_flush_group()
cmake_policy(POP)
