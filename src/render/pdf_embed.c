/* pdf_embed.c — embedding a subset face as a CID font (see pdf_embed.h).
 * Uses libharu's internal object API (hpdf_objects.h, hpdf_pages.h): the
 * objects are written and cross-referenced by libharu, their streams
 * compressed by pdf_stream.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb-ot.h>
#include <hb.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "kehoach/text.h"
#include "pdf_embed.h"
#include "pdf_stream.h"
#include "pdf_tounicode.h"

/* A subset tag (six capitals) from the face and its characters: the same
 * text gives the same tag, so builds are reproducible. */
static void subset_tag(const kh_pdf_fonts *f, int face, char tag[7])
{
    uint32_t h = 2166136261u ^ (uint32_t)face;
    uint32_t cp = (uint32_t)-1;
    while (kh_pdf_fonts_next_used(f, face, &cp)) {
        h ^= cp;
        h *= 16777619u;
    }
    for (int i = 0; i < 6; i++) {
        tag[i] = (char)('A' + h % 26);
        h /= 26;
    }
    tag[6] = '\0';
}

static int ps_name(hb_face_t *face, char *buf, unsigned size)
{
    unsigned len = size;
    if (!hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID,
                             &len, buf) || !buf[0])
        snprintf(buf, size, "Serif");
    /* A PDF name: keep it to safe characters. */
    for (char *p = buf; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
              (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
            *p = '-';
    return 0;
}

int kh_pdf_embed(kh_pdf_writer *w, kh_pdf_fonts *f, int face, kh_pdf_face *out)
{
    HPDF_Doc pdf = w->pdf;
    memset(out, 0, sizeof *out);
    snprintf(out->res, sizeof out->res, "K%d", face);
    size_t len;
    unsigned char *data = kh_pdf_fonts_subset(f, face, &len);
    if (!data)
        return -1;
    hb_blob_t *blob = hb_blob_create((const char *)data, (unsigned)len,
                                     HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *hf = hb_face_create(blob, 0);
    hb_font_t *font = hb_font_create(hf);
    unsigned upem = hb_face_get_upem(hf), n = hb_face_get_glyph_count(hf);
    int rc = -1;
    uint32_t *uni = kh_xcalloc(n ? n : 1, sizeof *uni);
    out->gid = kh_xcalloc(0x10000, sizeof *out->gid);
    if (!upem || !n)
        goto done;

    /* Code point → glyph of the subset; glyph → code point for ToUnicode.
     * A subset of at most 256 glyphs is written with one-byte codes. */
    out->one_byte = n <= 256;
    uint32_t cp = (uint32_t)-1;
    while (kh_pdf_fonts_next_used(f, face, &cp) && cp <= 0xFFFF) {
        hb_codepoint_t g;
        if (hb_font_get_nominal_glyph(font, cp, &g) && g < n && g <= 0xFFFF) {
            out->gid[cp] = (uint16_t)g;
            if (!uni[g])
                uni[g] = cp;
        }
    }

    char tag[7], psn[128], base[160];
    subset_tag(f, face, tag);
    ps_name((hb_face_t *)f->face[face], psn, sizeof psn); /* the subset has no name table */
    snprintf(base, sizeof base, "%s+%s", tag, psn);

    HPDF_MMgr mm = pdf->mmgr;
    HPDF_STATUS st = HPDF_OK;

    /* The font program. */
    HPDF_Dict file = kh_pdf_stream_new(w, data, len);
    if (!file)
        goto done;
    st += HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);

    /* Its descriptor. */
    hb_font_extents_t ext = {0};
    hb_font_get_h_extents(font, &ext);
    hb_position_t cap = 0;
    if (!hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap))
        cap = (hb_position_t)(upem * 0.66);
    float slant = hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE);
    /* FontBBox from the head table (xMin, yMin, xMax, yMax at 36..43). */
    int bbox[4] = {0, (int)ext.descender, (int)upem, (int)ext.ascender};
    hb_blob_t *head = hb_face_reference_table(hf, HB_TAG('h', 'e', 'a', 'd'));
    unsigned hl = 0;
    const unsigned char *hd = (const unsigned char *)hb_blob_get_data(head, &hl);
    if (hl >= 44)
        for (int i = 0; i < 4; i++)
            bbox[i] = (int16_t)(hd[36 + 2 * i] << 8 | hd[37 + 2 * i]);
    hb_blob_destroy(head);
#define EM(v) ((HPDF_INT32)((long)(v) * 1000 / (long)upem))
    HPDF_Dict desc = HPDF_Dict_New(mm);
    if (!desc || HPDF_Xref_Add(pdf->xref, desc) != HPDF_OK)
        goto done;
    st += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    st += HPDF_Dict_AddName(desc, "FontName", base);
    /* Nonsymbolic (32), serif (2), italic (64) when slanted. */
    st += HPDF_Dict_AddNumber(desc, "Flags", 32 | 2 | (slant != 0 ? 64 : 0));
    HPDF_Array bb = HPDF_Array_New(mm);
    st += HPDF_Dict_Add(desc, "FontBBox", bb);
    for (int i = 0; i < 4; i++)
        st += HPDF_Array_AddNumber(bb, EM(bbox[i]));
    st += HPDF_Dict_AddReal(desc, "ItalicAngle", slant);
    st += HPDF_Dict_AddNumber(desc, "Ascent", EM(ext.ascender));
    st += HPDF_Dict_AddNumber(desc, "Descent", EM(ext.descender));
    st += HPDF_Dict_AddNumber(desc, "CapHeight", EM(cap));
    st += HPDF_Dict_AddNumber(desc, "StemV", 80);
    st += HPDF_Dict_Add(desc, "FontFile2", file);

    /* The CID font: codes are glyph ids; widths as the layout measured them
     * (1/1000 em, truncated like the measure in pdf_font.c). */
    HPDF_Dict cid = HPDF_Dict_New(mm);
    if (!cid || HPDF_Xref_Add(pdf->xref, cid) != HPDF_OK)
        goto done;
    st += HPDF_Dict_AddName(cid, "Type", "Font");
    st += HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    st += HPDF_Dict_AddName(cid, "BaseFont", base);
    HPDF_Dict sys = HPDF_Dict_New(mm);
    st += HPDF_Dict_Add(cid, "CIDSystemInfo", sys);
    st += HPDF_Dict_Add(sys, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    st += HPDF_Dict_Add(sys, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    st += HPDF_Dict_AddNumber(sys, "Supplement", 0);
    st += HPDF_Dict_Add(cid, "FontDescriptor", desc);
    st += HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
    HPDF_Array wa = HPDF_Array_New(mm), ws = HPDF_Array_New(mm);
    st += HPDF_Dict_Add(cid, "W", wa);
    st += HPDF_Array_AddNumber(wa, 0);
    st += HPDF_Array_Add(wa, ws);
    for (unsigned g = 0; g < n; g++)
        st += HPDF_Array_AddNumber(ws, EM(hb_font_get_glyph_h_advance(font, g)));
#undef EM

    /* The Type0 font with its ToUnicode map. */
    kh_buf cmap = {0};
    kh_pdf_tounicode(uni, n, out->one_byte ? 1 : 2, &cmap);
    HPDF_Dict tu = kh_pdf_stream_new(w, cmap.s, cmap.len);
    HPDF_Dict enc = out->one_byte ? kh_pdf_cmap8(w) : NULL;
    kh_buf_free(&cmap);
    HPDF_Dict t0 = HPDF_Dict_New(mm);
    if (!tu || (out->one_byte && !enc) || !t0 || HPDF_Xref_Add(pdf->xref, t0) != HPDF_OK)
        goto done;
    st += HPDF_Dict_AddName(t0, "Type", "Font");
    st += HPDF_Dict_AddName(t0, "Subtype", "Type0");
    st += HPDF_Dict_AddName(t0, "BaseFont", base);
    if (enc)
        st += HPDF_Dict_Add(t0, "Encoding", enc);
    else
        st += HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
    HPDF_Array desc_fonts = HPDF_Array_New(mm);
    st += HPDF_Dict_Add(t0, "DescendantFonts", desc_fonts);
    st += HPDF_Array_Add(desc_fonts, cid);
    st += HPDF_Dict_Add(t0, "ToUnicode", tu);
    if (st != HPDF_OK)
        goto done;
    out->font = t0;
    rc = 0;
done:
    free(uni);
    hb_font_destroy(font);
    hb_face_destroy(hf);
    hb_blob_destroy(blob);
    free(data);
    return rc;
}

void kh_pdf_face_free(kh_pdf_face *face)
{
    free(face->gid);
    memset(face, 0, sizeof *face);
}

int kh_pdf_face_on_page(HPDF_Page page, const kh_pdf_face *face)
{
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    if (!attr->fonts) {
        HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
        if (!res)
            return -1;
        HPDF_Dict fonts = HPDF_Dict_New(page->mmgr);
        if (!fonts || HPDF_Dict_Add(res, "Font", fonts) != HPDF_OK)
            return -1;
        attr->fonts = fonts;
    }
    for (HPDF_UINT i = 0; i < attr->fonts->list->count; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(attr->fonts->list, i);
        if (!strcmp(e->key, face->res))
            return 0;
    }
    return HPDF_Dict_Add(attr->fonts, face->res, face->font) == HPDF_OK ? 0 : -1;
}
