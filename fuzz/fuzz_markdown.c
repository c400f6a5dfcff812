/* fuzz_markdown.c — libFuzzer target: any bytes as a Markdown body, the way
 * the loader hands one over (a literal block at line 10, column 5, valid
 * UTF-8 only, NUL-free): parse, take the plain text, and map every node's
 * position back into the file; positions must land inside the block; then
 * write it back as Markdown (src/render/mdwrite.c walks the tree the way
 * the renderers do, so deep nesting reaches it: issue 17). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/markdown.h"
#include "kehoach/text.h"
#include "../src/render/mdwrite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    if (memchr(s, 0, size) || kh_utf8_invalid_at(s, size) != size)
        return 0; /* the loader never passes such text on */
    char *body = kh_strndup(s, size);
    unsigned lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += body[i] == '\n';
    kh_text t = {body, {9, 12}, {10, 5}, KH_STYLE_LITERAL};
    kh_diags d = {0};
    cmark_node *doc = kh_md_parse(&t, "fuzz.yaml", &d);
    if (doc) {
        kh_buf plain = {0};
        kh_md_plain(doc, &plain);
        kh_buf_free(&plain);
        cmark_iter *it = cmark_iter_new(doc);
        cmark_event_type ev;
        /* Positions of the first 1,000 nodes: the command line reports at
         * most 1,000 diagnostics a file, and each position is a scan from
         * the body's start (all nodes of a 64 KiB body: quadratic, the
         * harness's own cost, found by this target at its first minute). */
        unsigned checked = 0;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && checked++ < 1000) {
            kh_pos p = kh_md_node_pos(&t, cmark_iter_get_node(it));
            if (p.line < 9 || p.line > 10 + lines)
                abort(); /* a position outside the body */
        }
        cmark_iter_free(it);
        kh_buf md = {0};
        mdw w;
        mdw_init(&w, &md, "fuzz.yaml", &d);
        w.src = &t;
        mdw_blocks(&w, cmark_node_first_child(doc));
        mdw_free(&w);
        kh_buf_free(&md);
        cmark_node_free(doc);
    }
    char *plain = kh_md_inline_plain(body);
    free(plain);
    kh_diags_free(&d);
    free(body);
    return 0;
}
