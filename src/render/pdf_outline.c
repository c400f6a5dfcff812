/* pdf_outline.c — see pdf_outline.h. */
#include <stdlib.h>
#include <string.h>

#include <hpdf_objects.h>

#include "kehoach/text.h"
#include "pdf_outline.h"

/* A bookmark shows the start of a heading: at most 60 characters, cut at
 * a word, with "…" (some level-2 headings are whole sentences). */
static char *outline_title(const char *s)
{
    size_t n = strlen(s), i = 0, chars = 0, cut = 0;
    while (i < n && chars < 60) {
        uint32_t cp;
        size_t len = kh_utf8_decode(s + i, n - i, &cp);
        if (!len)
            len = 1;
        if (s[i] == ' ')
            cut = i;
        i += len;
        chars++;
    }
    if (i >= n)
        return kh_strdup(s);
    kh_buf b = {0};
    kh_buf_put(&b, s, cut ? cut : i);
    while (b.len && strchr(" ,;:", b.s[b.len - 1]))
        b.s[--b.len] = '\0';
    kh_buf_puts(&b, "…");
    return kh_buf_take(&b);
}

typedef struct node {
    HPDF_Dict d;
    HPDF_Dict first, last; /* children */
    int count;             /* children */
} node;

/* Link item under parent (root or a level-0 item): /Parent, /Prev, /Next,
 * and the parent's /First, /Last. */
static HPDF_STATUS link(node *parent, HPDF_Dict item)
{
    HPDF_STATUS st = HPDF_Dict_Add(item, "Parent", parent->d);
    if (parent->last) {
        st += HPDF_Dict_Add(item, "Prev", parent->last);
        st += HPDF_Dict_Add(parent->last, "Next", item);
    } else
        parent->first = item;
    parent->last = item;
    parent->count++;
    return st;
}

static HPDF_STATUS close_node(node *n)
{
    if (!n->d || !n->first)
        return HPDF_OK;
    HPDF_STATUS st = HPDF_Dict_Add(n->d, "First", n->first);
    st += HPDF_Dict_Add(n->d, "Last", n->last);
    st += HPDF_Dict_AddNumber(n->d, "Count", n->count); /* open */
    return st;
}

int kh_pdf_outlines(kh_pdf_writer *w, HPDF_Page *pages, const kh_pdf_layout *L)
{
    HPDF_Doc pdf = w->pdf;
    HPDF_MMgr mm = pdf->mmgr;
    node root = {0}, top = {0};
    HPDF_STATUS st = HPDF_OK;
    int visible = 0;
    for (size_t i = 0; i < L->doc.n && st == HPDF_OK; i++) {
        const kh_block *b = &L->doc.v[i];
        if (b->outline_level < 0 || !b->outline)
            continue;
        if (!root.d) {
            root.d = HPDF_Dict_New(mm);
            if (!root.d || HPDF_Xref_Add(pdf->xref, root.d) != HPDF_OK)
                return -1;
            st += HPDF_Dict_AddName(root.d, "Type", "Outlines");
            st += HPDF_Dict_Add(pdf->catalog, "Outlines", root.d);
        }
        HPDF_Dict item = HPDF_Dict_New(mm);
        if (!item || HPDF_Xref_Add(pdf->xref, item) != HPDF_OK)
            return -1;
        char *title = outline_title(b->outline);
        if (kh_pdf_text_string(item, "Title", title) != 0)
            st = HPDF_INVALID_OBJECT;
        free(title);
        HPDF_Array dest = HPDF_Array_New(mm);
        st += HPDF_Dict_Add(item, "Dest", dest);
        st += HPDF_Array_Add(dest, pages[b->page]);
        st += HPDF_Array_AddName(dest, "XYZ");
        st += HPDF_Array_AddNumber(dest, 0);
        st += HPDF_Array_AddReal(dest, (HPDF_REAL)(L->page_h - L->margin_top -
                                                   b->page_y + 20));
        st += HPDF_Array_AddNumber(dest, 0); /* keep the zoom */
        if (b->outline_level && top.d) {
            st += link(&top, item);
        } else {
            st += close_node(&top);
            top = (node){.d = item};
            st += link(&root, item);
        }
        visible++;
    }
    st += close_node(&top);
    if (root.d && root.first) {
        st += HPDF_Dict_Add(root.d, "First", root.first);
        st += HPDF_Dict_Add(root.d, "Last", root.last);
        st += HPDF_Dict_AddNumber(root.d, "Count", visible);
    }
    return st == HPDF_OK ? 0 : -1;
}
