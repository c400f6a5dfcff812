/* tap.h — the unit tests' few macros. Each check prints a TAP line
 * (`ok N - name` / `not ok N - name`); tests/run.sh counts them. */
#ifndef KEHOACH_TAP_H
#define KEHOACH_TAP_H

#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        int tap_ok_ = (cond) ? 1 : 0;                                        \
        printf("%sok %d - ", tap_ok_ ? "" : "not ", ++tap_n);                \
        printf(__VA_ARGS__);                                               \
        printf("\n");                                                      \
        if (!tap_ok_) {                                                    \
            tap_failed++;                                                  \
            printf("#   at %s:%d: %s\n", __FILE__, __LINE__, #cond);       \
        }                                                                  \
    } while (0)

#define CHECK_STR(got, want, ...)                                          \
    do {                                                                   \
        const char *g_ = (got), *w_ = (want);                              \
        int ok_ = g_ && w_ && strcmp(g_, w_) == 0;                         \
        CHECK(ok_, __VA_ARGS__);                                           \
        if (!ok_)                                                          \
            printf("#   got  \"%s\"\n#   want \"%s\"\n", g_ ? g_ : "(null)", \
                   w_ ? w_ : "(null)");                                    \
    } while (0)

#define CHECK_INT(got, want, ...)                                          \
    do {                                                                   \
        long long g_ = (long long)(got), w_ = (long long)(want);           \
        CHECK(g_ == w_, __VA_ARGS__);                                      \
        if (g_ != w_)                                                      \
            printf("#   got %lld, want %lld\n", g_, w_);                   \
    } while (0)

#define TAP_DONE() (printf("1..%d\n", tap_n), tap_failed ? 1 : 0)

#endif
