/* Preloaded by bench/allocators.py: turns bengal's malloc_trim after each render batch into a
 * no-op, to measure what trimming buys against glibc keeping freed memory. */
#include <stddef.h>

int malloc_trim(size_t pad) {
  (void)pad;
  return 0;
}
