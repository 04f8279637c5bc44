// The functions libbengal-ksyntax.so (ksyntax_module.cpp) exports, which TokenizerPool
// (tokenizer.cpp) looks up after loading it. Both sides are built from this tree by the same
// compiler, so TokenizedCode crosses between them as it is.
#pragma once

#include <cstddef>

#include "bengal/highlight/tokenizer.hpp"

extern "C" {
// A tokenizer with its own KSyntaxHighlighting Repository, for one thread at a time.
void* bengal_ksyntax_new_worker();
void bengal_ksyntax_delete_worker(void* worker);
// Tokenizes `code` with the definition `name` into `out`; false when there is none.
bool bengal_ksyntax_tokenize(void* worker, const char* name, size_t name_size, const char* code,
                             size_t code_size, bengal::highlight::TokenizedCode* out);
}
