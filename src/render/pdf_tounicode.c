/* pdf_tounicode.c — see pdf_tounicode.h. */
#include "pdf_tounicode.h"

static const char head[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n";
static const char tail[] =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

typedef struct range {
    uint32_t from, to, cp; /* codes from..to stand for cp, cp+1, … */
} range;

static void flush(kh_buf *out, const range *r, size_t n, int bytes)
{
    kh_buf_printf(out, "%zu beginbfrange\n", n);
    for (size_t i = 0; i < n; i++)
        kh_buf_printf(out, "<%0*X> <%0*X> <%04X>\n", 2 * bytes, (unsigned)r[i].from,
                      2 * bytes, (unsigned)r[i].to, (unsigned)r[i].cp);
    kh_buf_puts(out, "endbfrange\n");
}

void kh_pdf_tounicode(const uint32_t *uni, size_t n, int bytes, kh_buf *out)
{
    kh_buf_puts(out, head);
    kh_buf_puts(out, bytes == 1 ? "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
                                : "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    uint32_t last_code = bytes == 1 ? 0xFF : 0xFFFF;
    /* Runs of consecutive codes for consecutive characters become one
     * bfrange (at most 100 per block, as the CMap format asks; a range
     * stays within one last-byte run of its code and its character). */
    range r[100];
    size_t k = 0;
    for (uint32_t c = 0; c < n && c <= last_code; c++) {
        uint32_t cp = uni[c];
        if (!cp || cp > 0xFFFF)
            continue;
        if (k) {
            range *last = &r[k - 1];
            if (last->to + 1 == c && last->cp + (c - last->from) == cp &&
                (last->from >> 8) == (c >> 8) && (last->cp >> 8) == (cp >> 8)) {
                last->to = c;
                continue;
            }
        }
        if (k == 100) {
            flush(out, r, k, bytes);
            k = 0;
        }
        r[k++] = (range){c, c, cp};
    }
    if (k)
        flush(out, r, k, bytes);
    kh_buf_puts(out, tail);
}
