/* docx_zip.h — the OPC package of a DOCX: its parts stored in a zip
 * container through libzip, in memory, with every entry's time, attributes
 * and compression fixed so the same parts give the same bytes on every run
 * and machine. Owned by src/render/docx_zip.c. */
#ifndef KEHOACH_DOCX_ZIP_H
#define KEHOACH_DOCX_ZIP_H

#include <stddef.h>

#include "kehoach/text.h"

typedef struct kh_zip_part {
    const char *name; /* "word/document.xml" */
    const kh_buf *data;
} kh_zip_part;

/* Zip the parts, in order (the content types first, as OPC readers
 * expect), into out. Returns 0, or -1 with libzip's message in err. */
int kh_zip_parts(const kh_zip_part *parts, size_t n, kh_buf *out, char *err,
                 size_t err_len);

#endif
