/* heap.c — the process's heap policy, set once at start (a CLI may own
 * that). Every fresh 4 KiB page the build touches costs a page fault, about
 * 10 µs each on the virtual machines CI runs on (bench/pdf.sh: a ten-times
 * plan took 2,750 of them, a third of its time). So the main heap is
 * reserved in one piece up front and marked for transparent huge pages:
 * touched memory then arrives 2 MiB at a time. Nothing is touched here, so
 * the resident size grows only with use. Skipped under AddressSanitizer,
 * which brings its own allocator. */
#define _DEFAULT_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli.h"

#if defined(__SANITIZE_ADDRESS__)
#define KH_OWN_ALLOCATOR 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KH_OWN_ALLOCATOR 0
#endif
#endif
#ifndef KH_OWN_ALLOCATOR
#define KH_OWN_ALLOCATOR 1
#endif

enum { RESERVE = 64 << 20, HUGE_PAGE = 2 << 20 };

void cli_heap_setup(void)
{
#if KH_OWN_ALLOCATOR && defined(M_TOP_PAD) && defined(MADV_HUGEPAGE)
    /* Large blocks from the heap too (not one mmap each), and no trimming
     * back while we run. */
    mallopt(M_MMAP_THRESHOLD, RESERVE / 2);
    mallopt(M_TRIM_THRESHOLD, RESERVE * 2);
    mallopt(M_TOP_PAD, RESERVE);
    char *lo = sbrk(0);
    /* The heap grows by the top pad: reserved. (volatile: a compiler may
     * drop a malloc whose block is never used.) */
    void *volatile block = malloc(RESERVE / 4);
    free(block);
    char *hi = sbrk(0);
    if (lo == (char *)-1 || hi == (char *)-1 || hi <= lo)
        return;
    uintptr_t a = ((uintptr_t)lo + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t b = (uintptr_t)hi & ~(uintptr_t)(HUGE_PAGE - 1);
    if (b > a)
        madvise((void *)a, b - a, MADV_HUGEPAGE); /* advice: failure is harmless */
#endif
}
