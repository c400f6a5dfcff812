/* test_para_split.c — the text rules' paragraphs (src/rules/scan.c) are
 * the same whether a plain body is cut without a parse (split_plain, the
 * fast path) or parsed by cmark: for every plan under plans/ and
 * templates/ and every golden-diagnostics plan under tests/diag/, each
 * paragraph's field, text, byte map back to the YAML value, index and
 * list flags agree. A body the fast path cuts differently would move or
 * lose diagnostics without failing any other test. Run from the project
 * root (tests/run.sh does). */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../../src/rules/scan.h"
#include "kehoach/load.h"
#include "tap.h"

#define MAX_FILES 2048
#define MAX_DEPTH 4 /* tests/diag/<part>/<file>: a fixed depth, no recursion */

static char *files[MAX_FILES];
static size_t n_files;

/* The .yaml files under dir, depth levels down at most (iterative). */
static void collect(const char *root, int depth)
{
    char *stack[256];
    int lv[256], top = 0;
    stack[top] = strdup(root);
    lv[top++] = 0;
    while (top > 0) {
        char *dir = stack[--top];
        int d = lv[top];
        DIR *dh = opendir(dir);
        if (!dh) {
            free(dir);
            continue;
        }
        struct dirent *e;
        while ((e = readdir(dh)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char path[1024];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            struct stat st;
            if (stat(path, &st) != 0)
                continue;
            size_t n = strlen(e->d_name);
            if (S_ISDIR(st.st_mode) && d + 1 < depth && top < 256) {
                stack[top] = strdup(path);
                lv[top++] = d + 1;
            } else if (S_ISREG(st.st_mode) && n > 5 && !strcmp(e->d_name + n - 5, ".yaml") &&
                       n_files < MAX_FILES) {
                files[n_files++] = strdup(path);
            }
        }
        closedir(dh);
        free(dir);
    }
}

static bool same_para(const kh_para *a, const kh_para *b)
{
    return a->field->t == b->field->t && a->field->kind == b->field->kind && a->len == b->len &&
           !memcmp(a->s, b->s, a->len) && !memcmp(a->map, b->map, a->len * sizeof *a->map) &&
           a->index == b->index && a->seq == b->seq && a->in_list == b->in_list &&
           a->item_start == b->item_start;
}

int main(void)
{
    collect("plans", 2);
    collect("templates", 1);
    collect("tests/diag", MAX_DEPTH);
    CHECK(n_files > 100, "the plans are found (%zu files; run from the project root)", n_files);
    size_t plans = 0, paras = 0, fast_bodies = 0;
    for (size_t i = 0; i < n_files; i++) {
        kh_diags d = {0};
        kh_plan *p = kh_load_file(files[i], &d);
        kh_diags_free(&d);
        if (!p) {
            free(files[i]);
            continue; /* a plan that does not load (a LOAD-* test) has no paragraphs */
        }
        plans++;
        kh_para_index *fast = kh_para_index_build(p);
        kh_para_index *parsed = kh_para_index_build_parsed(p);
        size_t n = kh_para_index_count(fast), m = kh_para_index_count(parsed);
        bool same = n == m;
        size_t at = 0;
        for (; same && at < n; at++)
            same = same_para(kh_para_index_get(fast, at), kh_para_index_get(parsed, at));
        if (!same) {
            const kh_para *a = kh_para_index_get(fast, at ? at - 1 : 0);
            CHECK(same, "%s: %zu and %zu paragraphs; they differ at %zu ('%.60s')", files[i], n, m,
                  at ? at - 1 : 0, a ? a->s : "");
        }
        paras += n;
        for (size_t k = 0; k < n; k++)
            fast_bodies += kh_para_index_get(fast, k)->field->markdown;
        kh_para_index_free(fast);
        kh_para_index_free(parsed);
        kh_plan_free(p);
        free(files[i]);
    }
    CHECK(plans > 100 && paras > 5000 && fast_bodies > 1000,
          "both ways were compared on %zu plans, %zu paragraphs (%zu of Markdown bodies)", plans,
          paras, fast_bodies);
    return TAP_DONE();
}
