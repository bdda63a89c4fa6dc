// The allocator settings the sift executable starts with (glibc's mallopt, which Swift's Glibc module does not export).
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// Keeps column-sized blocks in the heap for reuse instead of fresh, kernel-zeroed pages.
///
/// glibc serves every allocation over its mmap threshold with new pages, which the kernel
/// zeroes on first touch, and returns freed heap to the system once 128 KiB sit free at its
/// top. A filter or sort of a million-row frame allocates and frees columns of a few MiB
/// each, so every statement paid for zeroing its output (`sift bench` on 1M rows, machine
/// shared with two builds: `where price > 50` with all 12 columns 34 ms before, 13 ms after).
/// Blocks up to 32 MiB (glibc's ceiling for this threshold) now come from the heap, and up to
/// 256 MiB of freed heap is kept for the next statement; larger columns are still mapped and
/// unmapped directly. Elsewhere than glibc this does nothing.
static inline void sift_tune_allocator(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}
