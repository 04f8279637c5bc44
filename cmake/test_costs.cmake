# Included by CTest after a test program's discovered tests (bengal_test() in the top
# CMakeLists.txt, one CTest test per gtest test): gives the slow tests (slow_tests.cmake) a
# COST, so `ctest -j N` starts them first. BENGAL_DISCOVERED_TESTS is set by the including file.
cmake_policy(PUSH)
cmake_policy(SET CMP0057 NEW)  # if(IN_LIST): CTest reads this file with old policies
include(${CMAKE_CURRENT_LIST_DIR}/slow_tests.cmake)
foreach(_entry IN LISTS BENGAL_SLOW_TESTS)
  string(REPLACE "=" ";" _pair "${_entry}")
  list(GET _pair 0 _name)
  list(GET _pair 1 _cost)
  if(_name IN_LIST BENGAL_DISCOVERED_TESTS)
    set_tests_properties("${_name}" PROPERTIES COST "${_cost}")
  endif()
endforeach()
cmake_policy(POP)
