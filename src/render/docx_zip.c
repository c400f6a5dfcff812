/* docx_zip.c — the DOCX's zip container through libzip (see docx_zip.h).
 * The archive is written into a libzip memory source and read back from
 * it. Reproducible: each entry has the same DOS time (1980-01-01 00:00,
 * the zip epoch, set as DOS fields so no time zone enters), the same
 * external attributes and deflate at a fixed level; libzip adds no extra
 * fields of its own to new entries. */
#include <stdio.h>
#include <string.h>

#include <zip.h>

#include "docx_zip.h"

/* DOS date 1980-01-01: (year - 1980) << 9 | month << 5 | day. */
#define ZIP_DOS_DATE ((0 << 9) | (1 << 5) | 1)
#define ZIP_DOS_TIME 0
#define ZIP_ATTR_FILE (0100644u << 16) /* a regular file, rw-r--r-- */

static void say(char *err, size_t n, const char *what, zip_error_t *e)
{
    snprintf(err, n, "%s: %s", what, e ? zip_error_strerror(e) : "failed");
}

int kh_zip_parts(const kh_zip_part *parts, size_t n, kh_buf *out, char *err,
                 size_t err_len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!mem) {
        say(err, err_len, "creating the archive", &ze);
        zip_error_fini(&ze);
        return -1;
    }
    zip_source_keep(mem); /* read back after zip_close */
    zip_t *za = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
    if (!za) {
        say(err, err_len, "opening the archive", &ze);
        zip_source_free(mem);
        zip_error_fini(&ze);
        return -1;
    }
    int rc = -1;
    for (size_t i = 0; i < n; i++) {
        const kh_buf *d = parts[i].data;
        zip_source_t *src = zip_source_buffer(za, d->s ? d->s : "", d->len, 0);
        zip_int64_t idx = src ? zip_file_add(za, parts[i].name, src, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            if (src)
                zip_source_free(src);
            say(err, err_len, parts[i].name, zip_get_error(za));
            zip_discard(za);
            goto out;
        }
        zip_uint64_t u = (zip_uint64_t)idx;
        if (zip_set_file_compression(za, u, ZIP_CM_DEFLATE, 6) < 0 ||
            zip_file_set_dostime(za, u, ZIP_DOS_TIME, ZIP_DOS_DATE, 0) < 0 ||
            zip_file_set_external_attributes(za, u, 0, ZIP_OPSYS_UNIX, ZIP_ATTR_FILE) < 0) {
            say(err, err_len, parts[i].name, zip_get_error(za));
            zip_discard(za);
            goto out;
        }
    }
    if (zip_close(za) < 0) {
        say(err, err_len, "writing the archive", zip_get_error(za));
        zip_discard(za);
        goto out;
    }
    zip_stat_t st;
    if (zip_source_stat(mem, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
        zip_source_open(mem) < 0) {
        say(err, err_len, "reading the archive back", zip_source_error(mem));
        goto out;
    }
    size_t start = out->len;
    char chunk[16384];
    zip_uint64_t left = st.size;
    while (left) {
        zip_int64_t got = zip_source_read(mem, chunk, left < sizeof chunk ? left : sizeof chunk);
        if (got <= 0)
            break;
        kh_buf_put(out, chunk, (size_t)got);
        left -= (zip_uint64_t)got;
    }
    zip_source_close(mem);
    if (left) {
        out->len = start;
        if (out->s)
            out->s[start] = '\0';
        say(err, err_len, "reading the archive back", zip_source_error(mem));
        goto out;
    }
    rc = 0;
out:
    zip_source_free(mem);
    zip_error_fini(&ze);
    return rc;
}
