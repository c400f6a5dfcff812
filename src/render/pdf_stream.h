/* pdf_stream.h — the PDF objects kehoach writes its own bytes for, inside
 * libharu's object model: streams compressed here with libdeflate in one
 * call (libharu 2.3.0 deflates in 4 KiB pieces at zlib's default level,
 * which was a fifth of a build), and text strings written as raw UTF-16BE
 * literals rather than libharu's hex (half the bytes; no UTF-8 encoder to
 * load). Owned by src/render/pdf_stream.c. */
#ifndef KEHOACH_PDF_STREAM_H
#define KEHOACH_PDF_STREAM_H

#include <stddef.h>

#include <hpdf.h>
#include <hpdf_objects.h>

#include <pthread.h>
#include <stdbool.h>

/* A stream object whose bytes are deflated later (kh_pdf_writer_defer). */
typedef struct kh_pdf_later {
    HPDF_Dict d;
    unsigned char *data, *z; /* the bytes (a copy), then deflated */
    size_t len, zlen;
} kh_pdf_later;

/* What every object writer of one document shares. */
typedef struct kh_pdf_writer {
    HPDF_Doc pdf;
    struct libdeflate_compressor *z;
    HPDF_Dict cmap8; /* the one-byte identity CMap, made on first use */
    bool defer;      /* kh_pdf_stream_new queues its bytes in `later` */
    /* The queue, under mu: the helper thread and kh_pdf_writer_finish take
     * items in order (next); done counts those deflated; closed: no more. */
    kh_pdf_later **later;
    size_t n_later, cap_later, next, done;
    bool closed, helper_running;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    pthread_t helper;
} kh_pdf_writer;

/* Returns 0, or -1 when the compressor cannot be made. */
int kh_pdf_writer_open(kh_pdf_writer *w, HPDF_Doc pdf);
void kh_pdf_writer_close(kh_pdf_writer *w);

/* The font programs are the biggest streams, and they are known before the
 * pages are drawn: between kh_pdf_writer_defer and kh_pdf_writer_start,
 * kh_pdf_stream_new makes its object at once (the object numbers stay in
 * order) but queues a copy of the bytes; kh_pdf_writer_start deflates them
 * on a thread of its own while the caller draws the pages. The pages go
 * into the same queue (kh_pdf_stream_fill_later), and kh_pdf_writer_finish
 * deflates what is left on both threads, waits, and writes every queued
 * stream into its object. libdeflate's output depends only on the bytes and
 * the level: the file is the same byte for byte. Without a thread the work
 * is done in kh_pdf_writer_finish. finish returns 0 or -1. */
void kh_pdf_writer_defer(kh_pdf_writer *w);
void kh_pdf_writer_start(kh_pdf_writer *w);
void kh_pdf_stream_fill_later(kh_pdf_writer *w, HPDF_Dict d, const void *data, size_t len);
int kh_pdf_writer_finish(kh_pdf_writer *w);

/* A new stream object (in the xref) holding data[0..len) deflated, with
 * /Filter /FlateDecode. NULL on failure (libharu's handler has been told). */
HPDF_Dict kh_pdf_stream_new(kh_pdf_writer *w, const void *data, size_t len);
/* Fill the existing, empty stream object d (a page's /Contents) the same
 * way. Returns 0 or -1. */
int kh_pdf_stream_fill(kh_pdf_writer *w, HPDF_Dict d, const void *data, size_t len);

/* Set d's entry `key` to the text string utf8 (a PDF text string: ASCII
 * as it is, anything else UTF-16BE with a byte-order mark). d must not
 * have a write_fn of its own. Returns 0 or -1. */
int kh_pdf_text_string(HPDF_Dict d, const char *key, const char *utf8);

/* Byte c of a literal string, escaped, into t (room for 2 bytes): ( ) \\
 * get a backslash, CR becomes \\r (a reader would read it as LF). Returns
 * the bytes written. */
size_t kh_pdf_escape(char *t, unsigned char c);

/* The embedded CMap mapping one-byte codes 00..FF to CIDs 0..255 (fonts of
 * at most 256 glyphs use it instead of Identity-H: half the text bytes). */
HPDF_Dict kh_pdf_cmap8(kh_pdf_writer *w);

#endif
