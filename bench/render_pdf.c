/* render_pdf.c — times kh_render_pdf alone (no validation, no file
 * writing) on one plan: prints the median of N renders in milliseconds,
 * wall clock and CPU time (less disturbed by a busy machine), and the output
 * size in bytes. Used by bench/pdf.sh; not part of `make check`. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

#include "kehoach/load.h"
#include "kehoach/render.h"

static double now_ms(clockid_t clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp);
    return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}


int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: render_pdf PLAN.yaml [N]\n");
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 20;
    if (n < 1)
        n = 1;
    kh_diags d = {0};
    kh_plan *p = kh_load_file(argv[1], &d);
    if (!p) {
        kh_diags_print(stderr, &d, KH_LANG_EN, false);
        return 1;
    }
    kh_render_opts o = {.checklist = true, .epoch = -1};
    double *t = calloc((size_t)n, sizeof *t), *c = calloc((size_t)n, sizeof *c);
    size_t size = 0;
    for (int i = 0; i < n; i++) {
        kh_buf out = {0};
        double a = now_ms(CLOCK_MONOTONIC), ac = now_ms(CLOCK_PROCESS_CPUTIME_ID);
        int rc = kh_render_pdf(p, &o, &out, &d);
        t[i] = now_ms(CLOCK_MONOTONIC) - a;
        c[i] = now_ms(CLOCK_PROCESS_CPUTIME_ID) - ac;
        size = out.len;
        kh_buf_free(&out);
        if (rc) {
            kh_diags_print(stderr, &d, KH_LANG_EN, false);
            return 1;
        }
    }
    printf("%.2f %.2f %zu\n", median(t, n), median(c, n), size);
    free(t);
    free(c);
    kh_diags_free(&d);
    kh_plan_free(p);
    return 0;
}
