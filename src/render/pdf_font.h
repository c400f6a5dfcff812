/* pdf_font.h — the four serif faces of the PDF (regular, bold, italic,
 * bold italic): found on the system (Liberation Serif, Times New Roman
 * metrics) or in a --font-dir holding a licensed Times New Roman, measured
 * through HarfBuzz, and subset with hb-subset to the characters a document
 * uses, so the PDF embeds only those glyphs. Owned by src/render/pdf_font.c. */
#ifndef KEHOACH_PDF_FONT_H
#define KEHOACH_PDF_FONT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kehoach/diag.h"

#define KH_N_FONTS 4 /* 0 regular, 1 bold, 2 italic, 3 bold italic */
#define KH_ADV_CACHE 0x2100 /* code points below this have cached widths */

typedef struct kh_pdf_fonts {
    char *path[KH_N_FONTS];
    void *blob[KH_N_FONTS];   /* hb_blob_t * */
    void *face[KH_N_FONTS];   /* hb_face_t * */
    void *font[KH_N_FONTS];   /* hb_font_t * */
    unsigned upem[KH_N_FONTS];
    int16_t *adv[KH_N_FONTS]; /* advance in 1/1000 em, -1: unknown, -2: none */
    void *used[KH_N_FONTS];   /* hb_set_t *: code points drawn */
    uint64_t *seen[KH_N_FONTS]; /* the same for the BMP, a bit per code point */
    /* Subsets made ahead on another thread (kh_pdf_fonts_subset_ahead). */
    bool ahead[KH_N_FONTS];   /* this face's subset is made there */
    unsigned char *sub[KH_N_FONTS];
    size_t sub_len[KH_N_FONTS];
    pthread_t helper;
    bool helper_running;
} kh_pdf_fonts;

/* Open the four faces: from font_dir (times.ttf, timesbd.ttf, timesi.ttf,
 * timesbi.ttf) when given, else Liberation Serif. Returns 0, or -1 after a
 * diagnostic (file is the plan, for the message). */
int kh_pdf_fonts_open(kh_pdf_fonts *f, const char *font_dir, const char *file,
                      kh_diags *d);
void kh_pdf_fonts_close(kh_pdf_fonts *f);

/* Width in points of UTF-8 s[0..n) in font `font` at `size`, from the same
 * 1/1000-em advances the PDF's /W array carries. A kh_measure_fn. */
double kh_pdf_fonts_width(void *fonts, int font, double size, const char *s,
                          size_t n);
/* Whether the face has a glyph for cp. */
bool kh_pdf_fonts_has(kh_pdf_fonts *f, int font, uint32_t cp);
/* Record that s[0..n) is drawn in `font` (for the subset). */
void kh_pdf_fonts_use(kh_pdf_fonts *f, int font, const char *s, size_t n);
bool kh_pdf_fonts_used(const kh_pdf_fonts *f, int font);
/* Each code point drawn in `font`, in increasing order: cp = (uint32_t)-1
 * starts; returns false at the end. */
bool kh_pdf_fonts_next_used(const kh_pdf_fonts *f, int font, uint32_t *cp);

/* The face subset (hb-subset) to the code points drawn in it, without
 * hinting: a TrueType file in memory (malloc'd, *len bytes), or NULL. */
unsigned char *kh_pdf_fonts_subset(kh_pdf_fonts *f, int font, size_t *len);
/* Once every character has been recorded (kh_pdf_fonts_use): subset the
 * faces drawn in, but the first, on a thread of their own, while the
 * caller subsets and embeds the first; kh_pdf_fonts_subset then hands each
 * one over (the same bytes as made in place: each face is its own HarfBuzz
 * object). Without a thread they are made in place. */
void kh_pdf_fonts_subset_ahead(kh_pdf_fonts *f);

#endif
