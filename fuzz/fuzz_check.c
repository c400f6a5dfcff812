/* fuzz_check.c — libFuzzer target: load any bytes, then run every rule of
 * the catalogue on whatever plan came out (plans with load errors included:
 * the rules must cope with absent and half-filled fields). */
#include <stdint.h>
#include <stdlib.h>

#include "kehoach/check.h"
#include "kehoach/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_diags d = {0};
    d.limit = 1000;
    kh_plan *p = kh_load_buffer("fuzz.yaml", (const char *)data, size, &d);
    if (p) {
        kh_check_opts o = {0};
        o.today = (kh_date){2024, 6, 1};
        kh_check(p, &o, &d);
        o.draft = true;
        o.strict = true;
        kh_check(p, &o, &d);
    }
    kh_diags_sort(&d);
    kh_plan_free(p);
    kh_diags_free(&d);
    return 0;
}
