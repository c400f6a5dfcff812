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

/* What every object writer of one document shares. */
typedef struct kh_pdf_writer {
    HPDF_Doc pdf;
    struct libdeflate_compressor *z;
    HPDF_Dict cmap8; /* the one-byte identity CMap, made on first use */
} kh_pdf_writer;

/* Returns 0, or -1 when the compressor cannot be made. */
int kh_pdf_writer_open(kh_pdf_writer *w, HPDF_Doc pdf);
void kh_pdf_writer_close(kh_pdf_writer *w);

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
