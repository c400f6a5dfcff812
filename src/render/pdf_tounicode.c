/* pdf_tounicode.c — see pdf_tounicode.h. libharu 2.3.0 attaches to each
 * UTF-8 font, as /ToUnicode, the CID CMap it uses as an encoding
 * (`begincidrange`); the PDF specification wants bfchar/bfrange there, and
 * Poppler warns and macOS Preview copies garbage. We keep libharu's stream
 * object (so the object numbers stay the same) and rewrite its contents. */
#include <stdio.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "pdf_tounicode.h"

static const char head[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
static const char tail[] =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

typedef struct range {
    uint32_t from, to;
} range;

static int flush(HPDF_Stream s, const range *r, size_t n)
{
    char line[64];
    snprintf(line, sizeof line, "%zu beginbfrange\n", n);
    if (HPDF_Stream_WriteStr(s, line) != HPDF_OK)
        return -1;
    for (size_t i = 0; i < n; i++) {
        snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n", (unsigned)r[i].from,
                 (unsigned)r[i].to, (unsigned)r[i].from);
        if (HPDF_Stream_WriteStr(s, line) != HPDF_OK)
            return -1;
    }
    return HPDF_Stream_WriteStr(s, "endbfrange\n") == HPDF_OK ? 0 : -1;
}

int kh_pdf_tounicode(HPDF_Font font, const kh_pdf_fonts *f, int face)
{
    /* libharu 2.3.0's HPDF_Dict_GetItem does not follow the proxy an
     * indirect object is stored behind, so look it up by hand. */
    HPDF_Dict fd = (HPDF_Dict)font, cmap = NULL;
    for (HPDF_UINT i = 0; i < fd->list->count; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(fd->list, i);
        if (strcmp(e->key, "ToUnicode"))
            continue;
        HPDF_Obj_Header *h = e->value;
        if ((h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_PROXY)
            h = ((HPDF_Proxy)e->value)->obj;
        if ((h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT)
            cmap = (HPDF_Dict)h;
    }
    if (!cmap || !cmap->stream)
        return -1;
    HPDF_MemStream_FreeData(cmap->stream);
    /* A ToUnicode stream is a plain stream, not a CMap resource dict. */
    static const char *const drop[] = {"Type", "CMapName", "CIDSystemInfo",
                                       "WMode", "UseCMap"};
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        for (HPDF_UINT k = 0; k < cmap->list->count; k++) {
            HPDF_DictElement e = HPDF_List_ItemAt(cmap->list, k);
            if (!strcmp(e->key, drop[i])) {
                HPDF_Dict_RemoveElement(cmap, drop[i]);
                break;
            }
        }
    if (HPDF_Stream_WriteStr(cmap->stream, head) != HPDF_OK)
        return -1;
    /* CIDs are the BMP code points (libharu's UTF-8 encoder maps code to
     * CID one to one): runs of consecutive code points become bfranges
     * of at most 100 entries per block, as the CMap format asks. */
    range r[100];
    size_t n = 0;
    uint32_t cp = (uint32_t)-1;
    while (kh_pdf_fonts_next_used(f, face, &cp)) {
        if (cp > 0xFFFF)
            break;
        if (n && r[n - 1].to + 1 == cp && (r[n - 1].from & 0xFF00) == (cp & 0xFF00)) {
            r[n - 1].to = cp;
            continue;
        }
        if (n == 100) {
            if (flush(cmap->stream, r, n) != 0)
                return -1;
            n = 0;
        }
        r[n++] = (range){cp, cp};
    }
    if (n && flush(cmap->stream, r, n) != 0)
        return -1;
    return HPDF_Stream_WriteStr(cmap->stream, tail) == HPDF_OK ? 0 : -1;
}
