/* doc.c — the paragraph list the readers fill, the choice of reader by
 * content (zip, old binary Word, PDF, RTF, text), legacy Vietnamese
 * encodings (TCVN3 converted with iconv, VNI refused by name), and the
 * whole import pipeline used by `import` and `check` (with a DOCX's own
 * kehoach data filled in by meta_apply.c). */
#include <errno.h>
#include <stdio.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/import.h"

bool kh_src_add(kh_src *doc, const char *text, size_t n, unsigned line, unsigned flags)
{
    if (doc->n >= KH_IMPORT_MAX_PARAS)
        return false;
    KH_GROW(doc->v, doc->n, doc->cap);
    bool changed;
    char *nfc = kh_utf8_nfc(text, n, &changed);
    doc->v[doc->n++] = (kh_para){nfc ? nfc : kh_strndup(text, n), line, flags, 0, 0, 0, 0, 0};
    return true;
}

void kh_src_free(kh_src *doc)
{
    for (size_t i = 0; i < doc->n; i++)
        free(doc->v[i].text);
    free(doc->v);
    kh_docx_meta_free(&doc->meta);
    memset(doc, 0, sizeof *doc);
}

void kh_import_map_free(kh_import_map *m)
{
    free(m->para);
    free(m->cp);
    free(m->col);
    memset(m, 0, sizeof *m);
}

bool kh_import_wants(const char *path)
{
    size_t l = strlen(path);
    return (l > 5 && !strcmp(path + l - 5, ".docx")) || (l > 4 && !strcmp(path + l - 4, ".txt"));
}

static const kh_pos whole = {0, 0};

/* VNI writes a tone or hat as a byte after the ASCII vowel it marks
 * ("a\xf9" is á); TCVN3 gives each marked vowel one byte of its own. */
static bool looks_vni(const unsigned char *s, size_t n)
{
    size_t high = 0, after_vowel = 0, dd = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 0x80) {
            high++;
            if (i && strchr("aeiouyAEIOUY", s[i - 1]) && s[i - 1])
                after_vowel++;
            /* đ / Đ are 0xF1 / 0xD1 in VNI, starting a word */
            if ((s[i] == 0xF1 || s[i] == 0xD1) && (!i || s[i - 1] == ' ' || s[i - 1] == '\n'))
                dd++;
        }
    size_t tcvn = 0; /* TCVN3's marked vowels and đ sit mostly in 0xA1-0xBF */
    for (size_t i = 0; i < n; i++)
        tcvn += s[i] >= 0xA1 && s[i] <= 0xBF;
    return high && tcvn * 10 < high * 3 && (after_vowel * 10 >= high * 4 || dd * 20 >= high);
}

/* TCVN3 (ABC) → UTF-8 with iconv's TCVN5712-1 (glibc's table of TCVN
 * 5712:1993, whose upper half is the VN3 / ABC code of the .VnTime fonts);
 * NULL when it fails. */
char *kh_tcvn3_decode(const char *data, size_t len, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = len * 4 + 16, left = cap;
    char *out = kh_xmalloc(cap + 1), *w = out;
    char *in = (char *)data;
    size_t in_left = len;
    size_t r = iconv(cd, &in, &in_left, &w, &left);
    /* glibc's TCVN5712-1 holds the last letter back (a combining tone may
     * follow it): flush it */
    if (r != (size_t)-1)
        r = iconv(cd, NULL, NULL, &w, &left);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(out);
        return NULL;
    }
    *w = '\0';
    *out_len = (size_t)(w - out);
    return out;
}

/* TCVN3 has capitals for Ă Â Ê Ô Ơ Ư Đ only: a line typed in capitals
 * (set in a .VnTimeH font, whose small letters show as capitals) holds
 * the small letters' codes for the others, "ĐẢNG" coming out "ĐảNG". A
 * converted line with no digit whose ASCII letters are all capitals (three
 * at least) is such a line: its letters go to capitals. (The number line
 * "Số 12-KH/ĐU" has a digit; a heading in capitals with a number in it
 * stays as converted.) */
static void tcvn3_capital_lines(char *u)
{
    for (char *ln = u; ln && *ln;) {
        char *nl = strchr(ln, '\n');
        size_t n = nl ? (size_t)(nl - ln) : strlen(ln);
        size_t upper = 0, lower = 0;
        for (size_t i = 0; i < n; i++) {
            upper += ln[i] >= 'A' && ln[i] <= 'Z';
            lower += (ln[i] >= 'a' && ln[i] <= 'z') || (ln[i] >= '0' && ln[i] <= '9');
        }
        if (upper >= 3 && !lower) {
            char *line = kh_strndup(ln, n);
            char *up = kh_utf8_upper(line);
            if (up && strlen(up) == n) /* Vietnamese letters keep their length */
                memcpy(ln, up, n);
            free(up);
            free(line);
        }
        ln = nl ? nl + 1 : NULL;
    }
}

int kh_import_read(const char *path, const char *data, size_t len, kh_src *doc, kh_diags *d)
{
    doc->path = path;
    if (len > KH_IMPORT_MAX_BYTES) {
        kh_diag(d, path, whole, KH_ERROR, "IMPORT-TOO-BIG",
                "the input is %zu bytes; at most %u are read",
                "tệp vào dài %zu byte; chỉ đọc tối đa %u byte", len, KH_IMPORT_MAX_BYTES);
        return -1;
    }
    if (len >= 4 && !memcmp(data, "PK\3\4", 4))
        return kh_read_docx(path, data, len, doc, d);
    size_t pl = strlen(path);
    if (pl > 5 && !strcmp(path + pl - 5, ".docx") &&
        !(len >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))) {
        kh_diag(d, path, whole, KH_ERROR, "DOCX-ZIP",
                "named .docx but not a zip archive (a .docx is one): is it another format?",
                "tên là .docx nhưng không phải tệp zip (.docx là tệp zip): định dạng khác?");
        return -1;
    }
    if (len >= 4 && !memcmp(data, "PK\5\6", 4)) {
        kh_diag(d, path, whole, KH_ERROR, "DOCX-NOT-WORD",
                "an empty zip archive, not a Word document",
                "tệp zip rỗng, không phải văn bản Word");
        return -1;
    }
    if (len >= 8 && !memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) {
        kh_diag(d, path, whole, KH_ERROR, "IMPORT-OLE",
                "an old binary Word .doc or an encrypted document: open it in Word or "
                "LibreOffice and save it as .docx without a password",
                "văn bản Word cũ (.doc) hoặc văn bản có mật khẩu: mở bằng Word hoặc "
                "LibreOffice và lưu thành .docx không đặt mật khẩu");
        return -1;
    }
    if (len >= 5 && (!memcmp(data, "%PDF-", 5) || !memcmp(data, "{\\rtf", 5))) {
        kh_diag(d, path, whole, KH_ERROR, "IMPORT-FORMAT",
                "a %s file: import reads .docx and plain text (pdftotext gives the text of a PDF)",
                "tệp %s: import đọc .docx và văn bản thuần (pdftotext lấy chữ của PDF)",
                data[0] == '%' ? "PDF" : "RTF");
        return -1;
    }
    size_t bad = kh_utf8_invalid_at(data, len);
    if (bad >= len)
        return kh_read_text(path, data, len, doc, d);
    if (looks_vni((const unsigned char *)data, len)) {
        kh_diag(d, path, whole, KH_ERROR, "IMPORT-ENCODING",
                "the text is in the legacy VNI encoding, which iconv cannot convert: "
                "convert it to Unicode first (Unikey's converter: VNI Windows → Unicode)",
                "văn bản dùng bảng mã VNI cũ, iconv không chuyển được: hãy chuyển sang "
                "Unicode trước (công cụ chuyển mã của Unikey: VNI Windows → Unicode)");
        return -1;
    }
    size_t ulen = 0;
    char *u = kh_tcvn3_decode(data, len, &ulen);
    if (!u) {
        kh_diag(d, path, whole, KH_ERROR, "IMPORT-ENCODING",
                "the text is not UTF-8 (first bad byte at offset %zu) and not TCVN3",
                "văn bản không phải UTF-8 (byte sai đầu tiên ở vị trí %zu) và không phải TCVN3",
                bad);
        return -1;
    }
    kh_diag(d, path, whole, KH_WARNING, "IMPORT-ENCODING",
            "the text is in the legacy TCVN3 (ABC) encoding; converted to Unicode: check "
            "the letters",
            "văn bản dùng bảng mã TCVN3 (ABC) cũ; đã chuyển sang Unicode: hãy soát lại chữ");
    tcvn3_capital_lines(u);
    int r = kh_read_text(path, u, ulen, doc, d);
    free(u);
    return r;
}

char *kh_import_file(const char *path, kh_src *doc, kh_import_map *map, size_t *len,
                     kh_diags *d)
{
    size_t n = 0;
    char *data;
    errno = 0;
    if (!strcmp(path, "-")) {
        kh_buf b = {0};
        char chunk[65536];
        size_t r;
        while ((r = fread(chunk, 1, sizeof chunk, stdin)) > 0 && b.len <= KH_IMPORT_MAX_BYTES)
            kh_buf_put(&b, chunk, r);
        n = b.len;
        data = kh_buf_take(&b);
        if (!data)
            data = kh_strdup("");
    } else {
        data = kh_read_file(path, KH_IMPORT_MAX_BYTES + 1, &n);
    }
    if (!data) {
        kh_diag(d, path, whole, KH_ERROR, "IO", "cannot read: %s", "không đọc được: %s",
                strerror(errno ? errno : EIO));
        return NULL;
    }
    int r = kh_import_read(path, data, n, doc, d);
    free(data);
    if (r != 0)
        return NULL;
    kh_buf y = {0};
    kh_recognise(doc, &y, map, d);
    kh_meta_apply(doc, &y, map, d); /* a DOCX kehoach wrote: its unprinted data */
    *len = y.len;
    return kh_buf_take(&y);
}
