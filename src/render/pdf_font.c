/* pdf_font.c — font lookup, measurement and subsetting for the PDF (see
 * pdf_font.h). Fonts are trusted system files (or a directory the user
 * names on the command line); a plan never names a font. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb-subset.h>
#include <hb.h>

#include "kehoach/text.h"
#include "pdf_font.h"

static const char *const liberation[KH_N_FONTS] = {
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-BoldItalic.ttf",
};
static const char *const times[KH_N_FONTS] = {
    "times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf",
};

static char *find_in_dir(const char *dir, const char *name)
{
    kh_buf b = {0};
    kh_buf_printf(&b, "%s/%s", dir, name);
    if (access(b.s, R_OK) == 0)
        return kh_buf_take(&b);
    /* The Windows files are often upper case: TIMES.TTF. */
    kh_buf_free(&b);
    char *up = kh_strdup(name);
    for (char *p = up; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    kh_buf_printf(&b, "%s/%s", dir, up);
    free(up);
    if (access(b.s, R_OK) == 0)
        return kh_buf_take(&b);
    kh_buf_free(&b);
    return NULL;
}

int kh_pdf_fonts_open(kh_pdf_fonts *f, const char *font_dir, const char *file,
                      kh_diags *d)
{
    memset(f, 0, sizeof *f);
    for (int i = 0; i < KH_N_FONTS; i++) {
        f->path[i] = font_dir ? find_in_dir(font_dir, times[i])
                              : kh_strdup(liberation[i]);
        if (!f->path[i]) {
            kh_diag(d, file, (kh_pos){0, 0}, KH_ERROR, "PDF-FONT",
                    "font directory %s has no %s (Times New Roman: times.ttf, "
                    "timesbd.ttf, timesi.ttf, timesbi.ttf)",
                    "thư mục phông %s không có tệp %s (Times New Roman: "
                    "times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf)",
                    font_dir, times[i]);
            kh_pdf_fonts_close(f);
            return -1;
        }
        hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->path[i]);
        hb_face_t *face = blob ? hb_face_create(blob, 0) : NULL;
        if (!blob || !face || hb_face_get_glyph_count(face) == 0) {
            kh_diag(d, file, (kh_pos){0, 0}, KH_ERROR, "PDF-FONT",
                    "cannot read the font %s%s",
                    "không đọc được phông chữ %s%s", f->path[i],
                    font_dir ? "" : " (install the package fonts-liberation2)");
            if (face)
                hb_face_destroy(face);
            if (blob)
                hb_blob_destroy(blob);
            kh_pdf_fonts_close(f);
            return -1;
        }
        f->blob[i] = blob;
        f->face[i] = face;
        f->font[i] = hb_font_create(face);
        f->upem[i] = hb_face_get_upem(face);
        f->adv[i] = kh_xmalloc(KH_ADV_CACHE * sizeof *f->adv[i]);
        memset(f->adv[i], 0xff, KH_ADV_CACHE * sizeof *f->adv[i]); /* -1 */
        f->used[i] = hb_set_create();
        f->seen[i] = kh_xcalloc(0x10000 / 64, sizeof *f->seen[i]);
    }
    return 0;
}

void kh_pdf_fonts_close(kh_pdf_fonts *f)
{
    if (f->helper_running)
        pthread_join(f->helper, NULL);
    for (int i = 0; i < KH_N_FONTS; i++) {
        free(f->sub[i]);
        free(f->path[i]);
        free(f->adv[i]);
        free(f->seen[i]);
        if (f->font[i])
            hb_font_destroy(f->font[i]);
        if (f->face[i])
            hb_face_destroy(f->face[i]);
        if (f->blob[i])
            hb_blob_destroy(f->blob[i]);
        if (f->used[i])
            hb_set_destroy(f->used[i]);
    }
    memset(f, 0, sizeof *f);
}

/* Advance of cp in 1/1000 em, rounded as libharu rounds its /W entries;
 * -2 when the face has no glyph. */
static int advance(kh_pdf_fonts *f, int font, uint32_t cp)
{
    if (cp < KH_ADV_CACHE && f->adv[font][cp] != -1)
        return f->adv[font][cp];
    hb_codepoint_t gid;
    int a;
    if (!hb_font_get_nominal_glyph(f->font[font], cp, &gid))
        a = -2;
    else {
        hb_position_t adv = hb_font_get_glyph_h_advance(f->font[font], gid);
        /* libharu: (HPDF_UINT16)((HPDF_INT)advance * 1000 / upem) */
        a = (int)((long)adv * 1000 / (long)f->upem[font]);
    }
    if (cp < KH_ADV_CACHE)
        f->adv[font][cp] = (int16_t)a;
    return a;
}

bool kh_pdf_fonts_has(kh_pdf_fonts *f, int font, uint32_t cp)
{
    return advance(f, font, cp) != -2;
}

double kh_pdf_fonts_width(void *fonts, int font, double size, const char *s,
                          size_t n)
{
    kh_pdf_fonts *f = fonts;
    long total = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = kh_utf8_decode(s + i, n - i, &cp);
        if (!len) {
            len = 1;
            cp = 0xFFFD;
        }
        int a = advance(f, font, cp);
        total += a > 0 ? a : 0;
        i += len;
    }
    return (double)total * size / 1000.0;
}

void kh_pdf_fonts_use(kh_pdf_fonts *f, int font, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = kh_utf8_decode(s + i, n - i, &cp);
        if (!len) {
            len = 1;
            cp = 0xFFFD;
        }
        i += len;
        /* Each character once into the hb_set (a whole document passes
         * through here). */
        if (cp < 0x10000) {
            uint64_t bit = (uint64_t)1 << (cp & 63);
            if (f->seen[font][cp >> 6] & bit)
                continue;
            f->seen[font][cp >> 6] |= bit;
        }
        hb_set_add(f->used[font], cp);
    }
}

bool kh_pdf_fonts_used(const kh_pdf_fonts *f, int font)
{
    return !hb_set_is_empty(f->used[font]);
}

bool kh_pdf_fonts_next_used(const kh_pdf_fonts *f, int font, uint32_t *cp)
{
    hb_codepoint_t c = *cp == (uint32_t)-1 ? HB_SET_VALUE_INVALID : *cp;
    if (!hb_set_next(f->used[font], &c))
        return false;
    *cp = c;
    return true;
}

static unsigned char *subset(kh_pdf_fonts *f, int font, size_t *len);

static void *subset_ahead_main(void *arg)
{
    kh_pdf_fonts *f = arg;
    for (int i = 0; i < KH_N_FONTS; i++)
        if (f->ahead[i])
            f->sub[i] = subset(f, i, &f->sub_len[i]);
    return NULL;
}

void kh_pdf_fonts_subset_ahead(kh_pdf_fonts *f)
{
    int first = -1;
    for (int i = 0; i < KH_N_FONTS; i++) {
        f->ahead[i] = kh_pdf_fonts_used(f, i) && first >= 0;
        if (kh_pdf_fonts_used(f, i) && first < 0)
            first = i;
    }
    if (pthread_create(&f->helper, NULL, subset_ahead_main, f) == 0)
        f->helper_running = true;
    else
        memset(f->ahead, 0, sizeof f->ahead);
}

unsigned char *kh_pdf_fonts_subset(kh_pdf_fonts *f, int font, size_t *len)
{
    if (!f->ahead[font])
        return subset(f, font, len);
    if (f->helper_running) {
        pthread_join(f->helper, NULL);
        f->helper_running = false;
    }
    f->ahead[font] = false;
    unsigned char *out = f->sub[font];
    *len = out ? f->sub_len[font] : 0;
    f->sub[font] = NULL;
    return out;
}

static unsigned char *subset(kh_pdf_fonts *f, int font, size_t *len)
{
    *len = 0;
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_union(hb_subset_input_unicode_set(in), f->used[font]);
    /* Hinting is for screens at small sizes; a printed document does not
     * need it, and dropping it halves the font program. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    /* A PDF draws glyph ids with its own widths and ToUnicode: shaping
     * tables, names and glyph names are never read (PDF 32000 9.9). The
     * cmap stays: pdf_embed.c maps code points to glyphs through it. */
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    static const char unread[][5] = {"GDEF", "GPOS", "GSUB", "name", "post", "gasp"};
    for (size_t i = 0; i < sizeof unread / sizeof *unread; i++)
        hb_set_add(drop, HB_TAG(unread[i][0], unread[i][1], unread[i][2], unread[i][3]));
    hb_face_t *sub = hb_subset_or_fail(f->face[font], in);
    hb_subset_input_destroy(in);
    if (!sub)
        return NULL;
    hb_blob_t *blob = hb_face_reference_blob(sub);
    unsigned n = 0;
    const char *data = hb_blob_get_data(blob, &n);
    unsigned char *out = NULL;
    if (n) {
        out = kh_xmalloc(n);
        memcpy(out, data, n);
        *len = n;
    }
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    return out;
}
