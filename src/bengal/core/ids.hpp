// The ids the index uses instead of pointers: a string interned in a StringPool and a page of
// the PageTable. Both are dense uint32_t, so tables of them are arrays indexed by id.
#pragma once

#include <cstdint>

namespace bengal {

using StrId = uint32_t;
inline constexpr StrId kEmptyStr = 0;  // id of "" in every pool

using PageId = uint32_t;  // index into PageTable::pages; ids follow the sorted source path
inline constexpr PageId kNoPage = UINT32_MAX;

}  // namespace bengal
