/* text_read.c — plain UTF-8 text (.txt, standard input) as paragraphs: a
 * blank line ends one; its lines are kept (joined later where they are
 * running text). Text copied out of a PDF is mended: a page number alone
 * between blank lines is dropped, a word hyphenated at a line end is
 * joined, and a paragraph cut by a page break (the next one starting in
 * lower case after no closing punctuation) is joined again; each with a
 * located note, so nothing changes silently. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "kehoach/import.h"

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f')
            return false;
    return true;
}

/* "12", "- 12 -", "Trang 3": a page number on its own. */
static bool is_page_number(const char *s)
{
    if (!strncmp(s, "Trang ", 6))
        s += 6;
    while (*s == '-' || *s == ' ')
        s++;
    size_t digits = 0;
    while (*s >= '0' && *s <= '9')
        s++, digits++;
    while (*s == '-' || *s == ' ')
        s++;
    return digits > 0 && digits <= 3 && !*s;
}

/* Whether the n bytes at s (not NUL-terminated: a line of the input) start
 * with a lower-case letter. */
static bool starts_lower(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = n ? kh_utf8_decode(s, n, &cp) : 0;
    if (!k)
        return false;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

/* The paragraph stops mid-sentence: its last character (bold marks aside)
 * is a letter, a digit or a comma. */
static bool ends_open(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '*'))
        n--;
    size_t k = n;
    while (k && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (!k)
        return false;
    uint32_t cp;
    if (!kh_utf8_decode(s + k - 1, n - k + 1, &cp))
        return false;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return cp == ',' || (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           c == UTF8PROC_CATEGORY_ND;
}

int kh_read_text(const char *path, const char *data, size_t len, kh_src *doc, kh_diags *d)
{
    doc->kind = KH_SRC_TEXT;
    doc->path = path;
    size_t i = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        i = 3;
    unsigned line = 1, start_line = 0;
    kh_buf block = {0};
    bool overflow = false;
    for (;;) {
        const char *nl = i < len ? memchr(data + i, '\n', len - i) : NULL;
        size_t e = nl ? (size_t)(nl - data) : len;
        bool end = i >= len;
        if (end || is_blank(data + i, e - i)) {
            if (block.len) {
                const char *t = kh_buf_str(&block);
                if (is_page_number(t)) {
                    kh_diag(d, path, (kh_pos){start_line, 1}, KH_NOTE, "IMPORT-PAGE-NUMBER",
                            "'%s' alone on its line is taken as a page number and left out",
                            "'%s' đứng riêng một dòng được coi là số trang và bỏ đi", t);
                } else if (doc->n && starts_lower(t, strlen(t)) && ends_open(doc->v[doc->n - 1].text) &&
                           strncmp(t, "- ", 2)) {
                    kh_para *p = &doc->v[doc->n - 1];
                    kh_buf j = {0};
                    kh_buf_printf(&j, "%s\n%s", p->text, t);
                    free(p->text);
                    p->text = kh_buf_take(&j);
                    kh_diag(d, path, (kh_pos){start_line, 1}, KH_NOTE, "IMPORT-JOINED",
                            "joined to the paragraph before it (line %u): it starts in lower "
                            "case after no closing punctuation, as where a page break cut it",
                            "nối vào đoạn trước (dòng %u): đoạn bắt đầu bằng chữ thường, đoạn "
                            "trước không có dấu kết thúc, như chỗ ngắt trang cắt đoạn",
                            p->line);
                } else if (!overflow && !kh_src_add(doc, block.s, block.len, start_line, 0)) {
                    kh_diag(d, path, (kh_pos){start_line, 1}, KH_ERROR, "IMPORT-PARAS",
                            "more than %u paragraphs; the rest is not read",
                            "quá %u đoạn; phần còn lại không được đọc", KH_IMPORT_MAX_PARAS);
                    overflow = true;
                }
                block.len = 0;
                block.s[0] = '\0';
            }
            if (end)
                break;
        } else {
            size_t a = i, b = e;
            while (a < b && (data[a] == ' ' || data[a] == '\t'))
                a++;
            while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
                b--;
            if (!block.len) {
                start_line = line;
            } else if (block.len > 1 && block.s[block.len - 1] == '-' &&
                       block.s[block.len - 2] != ' ' && starts_lower(data + a, b - a) &&
                       (unsigned char)block.s[block.len - 2] >= 'A') {
                block.s[--block.len] = '\0'; /* a hyphenated word: joined */
            } else {
                kh_buf_putc(&block, '\n');
            }
            if (block.len + (b - a) <= KH_IMPORT_MAX_PARA_BYTES)
                kh_buf_put(&block, data + a, b - a);
        }
        i = e + 1;
        line++;
    }
    kh_buf_free(&block);
    return 0;
}
