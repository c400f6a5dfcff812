/* test_md_depth.c — kh_md_parse's bound on the depth of a body's tree
 * (issue 17): the renderers recurse on the tree, so a text built without
 * the loader (which bounds nesting first) must still never reach them
 * deeper than the bound: NULL and a located LOAD-LIMIT error instead. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/markdown.h"
#include "tap.h"

/* n copies of unit, then a word. */
static char *repeat(const char *unit, int n)
{
    size_t u = strlen(unit);
    char *s = malloc(u * (size_t)n + 2);
    for (int i = 0; i < n; i++)
        memcpy(s + u * (size_t)i, unit, u);
    strcpy(s + u * (size_t)n, "a");
    return s;
}

static void deep(const char *unit, int n, const char *name)
{
    char *s = repeat(unit, n);
    kh_text t = {s, {3, 7}, {3, 7}, 0};
    kh_diags d = {0};
    cmark_node *doc = kh_md_parse(&t, "plan.yaml", &d);
    CHECK(doc == NULL, "%s: no tree", name);
    CHECK_INT((int)d.count[KH_ERROR], 1, "%s: one error", name);
    if (d.n) {
        CHECK_STR(d.v[0].id, "LOAD-LIMIT", "%s: its ID", name);
        CHECK_INT(d.v[0].pos.line, 3, "%s: at the body's line", name);
    }
    if (doc)
        cmark_node_free(doc);
    kh_diags_free(&d);
    free(s);
}

static void shallow(const char *unit, int n, const char *name)
{
    char *s = repeat(unit, n);
    kh_text t = {s, {1, 1}, {1, 1}, 0};
    kh_diags d = {0};
    cmark_node *doc = kh_md_parse(&t, "plan.yaml", &d);
    CHECK(doc != NULL, "%s: parsed", name);
    CHECK_INT((int)d.n, 0, "%s: no diagnostic", name);
    if (doc)
        cmark_node_free(doc);
    kh_diags_free(&d);
    free(s);
}

int main(void)
{
    deep(">", 60000, "60,000 block quotes");
    deep("> ", 20000, "spaced block quotes");
    deep("- ", 20000, "list markers on one line");
    deep("> - ", 5000, "quotes and lists");
    shallow(">", 32, "32 block quotes");
    shallow("- ", 32, "32 list levels");
    shallow("*", 400, "400 emphasis marks");
    return TAP_DONE();
}
