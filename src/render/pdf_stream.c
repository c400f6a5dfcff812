/* pdf_stream.c — see pdf_stream.h. */
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include <hpdf_streams.h>

#include "kehoach/text.h"
#include "pdf_stream.h"

/* libdeflate level 6: on seed 002, 57.7 KB in 74.7M instructions for the
 * whole build; level 4 58.9 KB / 73.1M, level 9 57.7 KB / 76.4M, level 12
 * 56.6 KB / 123M; libharu's zlib level 6 was 20M for the deflate alone. */
#define KH_DEFLATE_LEVEL 6

int kh_pdf_writer_open(kh_pdf_writer *w, HPDF_Doc pdf)
{
    memset(w, 0, sizeof *w);
    w->pdf = pdf;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->cv, NULL);
    w->z = libdeflate_alloc_compressor(KH_DEFLATE_LEVEL);
    return w->z ? 0 : -1;
}

static void later_close(kh_pdf_writer *w)
{
    pthread_mutex_lock(&w->mu);
    w->closed = true;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
    if (w->helper_running)
        pthread_join(w->helper, NULL);
    w->helper_running = false;
}

void kh_pdf_writer_close(kh_pdf_writer *w)
{
    if (!w->pdf)
        return;
    later_close(w);
    for (size_t i = 0; i < w->n_later; i++) {
        free(w->later[i]->data);
        free(w->later[i]->z);
        free(w->later[i]);
    }
    free(w->later);
    if (w->z)
        libdeflate_free_compressor(w->z);
    pthread_cond_destroy(&w->cv);
    pthread_mutex_destroy(&w->mu);
    memset(w, 0, sizeof *w);
}

/* libharu writes the dictionary's entries, then calls this, then ">>". */
static HPDF_STATUS put_flate(HPDF_Dict d, HPDF_Stream out)
{
    (void)d;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* libharu must not deflate again: filter none, our /Filter entry. */
static void flate_dict(HPDF_Dict d)
{
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = put_flate;
}

int kh_pdf_stream_fill(kh_pdf_writer *w, HPDF_Dict d, const void *data, size_t len)
{
    size_t cap = libdeflate_zlib_compress_bound(w->z, len);
    unsigned char *z = kh_xmalloc(cap ? cap : 1);
    size_t n = libdeflate_zlib_compress(w->z, data, len, z, cap);
    int rc = -1;
    flate_dict(d);
    if (n && HPDF_Stream_Write(d->stream, z, (HPDF_UINT)n) == HPDF_OK)
        rc = 0;
    free(z);
    return rc;
}

static void queue(kh_pdf_writer *w, HPDF_Dict d, const void *data, size_t len)
{
    kh_pdf_later *l = kh_xmalloc(sizeof *l);
    *l = (kh_pdf_later){d, kh_xmalloc(len ? len : 1), NULL, len, 0};
    memcpy(l->data, data, len);
    flate_dict(d);
    pthread_mutex_lock(&w->mu);
    KH_GROW(w->later, w->n_later, w->cap_later);
    w->later[w->n_later++] = l;
    pthread_cond_broadcast(&w->cv);
    pthread_mutex_unlock(&w->mu);
}

HPDF_Dict kh_pdf_stream_new(kh_pdf_writer *w, const void *data, size_t len)
{
    HPDF_Dict d = HPDF_DictStream_New(w->pdf->mmgr, w->pdf->xref);
    if (!d)
        return NULL;
    if (w->defer) {
        queue(w, d, data, len);
        return d;
    }
    if (kh_pdf_stream_fill(w, d, data, len) != 0)
        return NULL;
    return d;
}

void kh_pdf_stream_fill_later(kh_pdf_writer *w, HPDF_Dict d, const void *data, size_t len)
{
    queue(w, d, data, len);
}

/* ---- streams deflated on two threads ------------------------------------ */

void kh_pdf_writer_defer(kh_pdf_writer *w)
{
    w->defer = true;
}

/* Deflates queued items with z until the queue is empty and, when `wait`,
 * closed. Called with mu held; returns with it held. */
static void drain(kh_pdf_writer *w, struct libdeflate_compressor *z, bool wait)
{
    for (;;) {
        while (w->next < w->n_later) {
            kh_pdf_later *l = w->later[w->next++];
            pthread_mutex_unlock(&w->mu);
            size_t cap = libdeflate_zlib_compress_bound(z, l->len);
            l->z = kh_xmalloc(cap ? cap : 1);
            l->zlen = libdeflate_zlib_compress(z, l->data, l->len, l->z, cap);
            pthread_mutex_lock(&w->mu);
            w->done++;
            pthread_cond_broadcast(&w->cv);
        }
        if (!wait || w->closed)
            return;
        pthread_cond_wait(&w->cv, &w->mu);
    }
}

static void *helper_main(void *arg)
{
    kh_pdf_writer *w = arg;
    struct libdeflate_compressor *z = libdeflate_alloc_compressor(KH_DEFLATE_LEVEL);
    pthread_mutex_lock(&w->mu);
    if (z)
        drain(w, z, true);
    pthread_mutex_unlock(&w->mu);
    if (z)
        libdeflate_free_compressor(z);
    return NULL;
}

void kh_pdf_writer_start(kh_pdf_writer *w)
{
    w->defer = false;
    if (pthread_create(&w->helper, NULL, helper_main, w) == 0)
        w->helper_running = true;
}

int kh_pdf_writer_finish(kh_pdf_writer *w)
{
    w->defer = false;
    pthread_mutex_lock(&w->mu);
    drain(w, w->z, false); /* what is left, beside the helper */
    while (w->done < w->n_later)
        pthread_cond_wait(&w->cv, &w->mu);
    pthread_mutex_unlock(&w->mu);
    later_close(w);
    int rc = 0;
    for (size_t i = 0; i < w->n_later; i++) {
        kh_pdf_later *l = w->later[i];
        if (!l->zlen || HPDF_Stream_Write(l->d->stream, l->z, (HPDF_UINT)l->zlen) != HPDF_OK)
            rc = -1;
        free(l->data);
        free(l->z);
        free(l);
    }
    w->n_later = w->next = w->done = 0;
    return rc;
}

/* ---- text strings ------------------------------------------------------- */

size_t kh_pdf_escape(char *t, unsigned char c)
{
    size_t k = 0;
    if (c == '(' || c == ')' || c == '\\' || c == '\r')
        t[k++] = '\\';
    t[k++] = c == '\r' ? 'r' : (char)c;
    return k;
}

static void put_escaped(kh_buf *b, unsigned char c)
{
    char t[2];
    kh_buf_put(b, t, kh_pdf_escape(t, c));
}

/* The body of a literal string (without the parentheses). */
static void encode(kh_buf *b, const char *s)
{
    size_t n = strlen(s), i;
    for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
        ;
    if (i == n) {
        for (i = 0; i < n; i++)
            put_escaped(b, (unsigned char)s[i]);
        return;
    }
    put_escaped(b, 0xFE);
    put_escaped(b, 0xFF);
    for (i = 0; i < n;) {
        uint32_t cp;
        size_t len = kh_utf8_decode(s + i, n - i, &cp);
        if (!len)
            len = 1, cp = 0xFFFD;
        i += len;
        if (cp > 0xFFFF) {
            cp -= 0x10000;
            unsigned hi = 0xD800 + (cp >> 10), lo = 0xDC00 + (cp & 0x3FF);
            put_escaped(b, (unsigned char)(hi >> 8));
            put_escaped(b, (unsigned char)hi);
            put_escaped(b, (unsigned char)(lo >> 8));
            put_escaped(b, (unsigned char)lo);
        } else {
            put_escaped(b, (unsigned char)(cp >> 8));
            put_escaped(b, (unsigned char)cp);
        }
    }
}

/* The text strings ride in the dictionary as hidden binary entries (libharu
 * skips hidden entries); this writes them as literals. */
static HPDF_STATUS put_texts(HPDF_Dict d, HPDF_Stream out)
{
    HPDF_STATUS st = HPDF_OK;
    for (HPDF_UINT i = 0; i < d->list->count && st == HPDF_OK; i++) {
        HPDF_DictElement e = HPDF_List_ItemAt(d->list, i);
        HPDF_Obj_Header *h = e->value;
        if (!(h->obj_id & HPDF_OTYPE_HIDDEN) || h->obj_class != HPDF_OCLASS_BINARY)
            continue;
        HPDF_Binary bin = e->value;
        st = HPDF_Stream_WriteEscapeName(out, e->key);
        if (st == HPDF_OK)
            st = HPDF_Stream_WriteStr(out, " (");
        if (st == HPDF_OK && bin->len)
            st = HPDF_Stream_Write(out, bin->value, bin->len);
        if (st == HPDF_OK)
            st = HPDF_Stream_WriteStr(out, ")\012");
    }
    return st;
}

int kh_pdf_text_string(HPDF_Dict d, const char *key, const char *utf8)
{
    if (d->write_fn && d->write_fn != put_texts)
        return -1;
    kh_buf b = {0};
    encode(&b, utf8);
    HPDF_Binary bin = HPDF_Binary_New(d->mmgr, (HPDF_BYTE *)(b.len ? b.s : ""),
                                      (HPDF_UINT)b.len);
    kh_buf_free(&b);
    if (!bin || HPDF_Dict_Add(d, key, bin) != HPDF_OK)
        return -1;
    bin->header.obj_id |= HPDF_OTYPE_HIDDEN;
    d->write_fn = put_texts;
    return 0;
}

/* ---- the one-byte identity CMap ----------------------------------------- */

static const char cmap8[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
    "/CMapName /KH-Identity-8 def\n"
    "/CMapType 1 def\n"
    "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
    "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

HPDF_Dict kh_pdf_cmap8(kh_pdf_writer *w)
{
    if (w->cmap8)
        return w->cmap8;
    HPDF_MMgr mm = w->pdf->mmgr;
    HPDF_Dict d = kh_pdf_stream_new(w, cmap8, sizeof cmap8 - 1);
    if (!d)
        return NULL;
    HPDF_STATUS st = HPDF_Dict_AddName(d, "Type", "CMap");
    st += HPDF_Dict_AddName(d, "CMapName", "KH-Identity-8");
    HPDF_Dict sys = HPDF_Dict_New(mm);
    st += HPDF_Dict_Add(d, "CIDSystemInfo", sys);
    st += HPDF_Dict_Add(sys, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    st += HPDF_Dict_Add(sys, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    st += HPDF_Dict_AddNumber(sys, "Supplement", 0);
    if (st != HPDF_OK)
        return NULL;
    w->cmap8 = d;
    return d;
}
