/* fuzz_load.c — libFuzzer target: any bytes through kh_load_buffer. The
 * loader must return a plan or NULL with diagnostics, never crash, hang or
 * leak; every diagnostic it gives must carry an ID and both messages. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kh_diags d = {0};
    d.limit = 1000;
    kh_plan *p = kh_load_buffer("fuzz.yaml", (const char *)data, size, &d);
    if (!p && d.count[KH_ERROR] == 0)
        abort(); /* refused without saying why */
    for (size_t i = 0; i < d.n; i++)
        if (!d.v[i].id || !d.v[i].msg_en || !d.v[i].msg_vi || !*d.v[i].msg_en)
            abort();
    kh_plan_free(p);
    kh_diags_free(&d);
    return 0;
}
