// How much of the index's cold text file (StringPool::use_cold_file) is resident in this
// process: the exact test that a pass read it through a ColdReader, not through the mapping.
#pragma once

#include <cctype>
#include <cstddef>
#include <fstream>
#include <string>

namespace bengal::test {

// Resident kilobytes of the process's mappings of its cold file (/proc/self/smaps).
inline size_t cold_file_resident_kb() {
  std::ifstream smaps("/proc/self/smaps");
  size_t kb = 0;
  bool in_cold = false;
  for (std::string line; std::getline(smaps, line);) {
    bool header = !line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) &&
                  line.find('-') < line.find(' ');
    if (header) in_cold = line.find("/.index-text-") != std::string::npos;
    if (in_cold && line.starts_with("Rss:")) kb += std::stoul(line.substr(4));
  }
  return kb;
}

}  // namespace bengal::test
