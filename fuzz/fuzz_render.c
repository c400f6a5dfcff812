/* fuzz_render.c — libFuzzer target: load any bytes and, when a plan comes
 * out, render it with every format in kh_formats() into memory (whatever
 * renderers exist when it is built), with and without the checklist. Like
 * `build --force`: renderers must cope with plans that have errors. */
#include <stdint.h>
#include <stdlib.h>

#include "kehoach/check.h"
#include "kehoach/load.h"
#include "kehoach/render.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_diags d = {0};
    d.limit = 1000;
    kh_plan *p = kh_load_buffer("fuzz.yaml", (const char *)data, size, &d);
    if (p) {
        size_t n;
        const kh_format *f = kh_formats(&n);
        for (size_t i = 0; i < n; i++)
            for (int cl = 0; cl < 2; cl++) {
                kh_render_opts o = {.checklist = cl, .epoch = 0, .lang = KH_LANG_VI};
                kh_buf out = {0};
                f[i].render(p, &o, &out, &d);
                kh_buf_free(&out);
            }
    }
    kh_plan_free(p);
    kh_diags_free(&d);
    return 0;
}
