/* cite.c — one cited document out of a sentence: "<Type> số <number>
 * [,] ngày <d/m/yyyy | d tháng m năm yyyy> của <issuer> [về <subject>]",
 * as the opening "Thực hiện …" of a plan and its căn cứ lines cite the
 * plan they carry out. The subject runs from "về" to the first ", " or
 * "; " before a capital outside quotes (where the operative clause
 * starts: ", Ban Thường vụ Huyện ủy xây dựng …"), or the sentence's end;
 * a trailing "(sau đây viết tắt …)" is the text's own shorthand, not the
 * subject. Several documents cited in one sentence, apart by "; ",
 * are read one after the other (kh_import_cite_more). Bounded: one pass
 * over the sentence, no allocation but the values. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/import.h"
#include "kehoach/text.h"

static bool starts(const char *s, const char *p)
{
    return !strncmp(s, p, strlen(p));
}

/* A capital letter opens s (Latin or Vietnamese). */
static bool capital_at(const char *s)
{
    uint32_t c;
    size_t l = kh_utf8_decode(s, strlen(s), &c);
    if (!l || c < 'A')
        return false;
    char one[8];
    memcpy(one, s, l);
    one[l] = '\0';
    char *lo = kh_utf8_lower(one);
    bool cap = lo && strcmp(lo, one) != 0;
    free(lo);
    return cap;
}

/* The date at s: "24/7/2023" or "26 tháng 01 năm 2026"; its length, 0 if none. */
static size_t cite_date(const char *s, kh_import_cite *c)
{
    int d = 0, m = 0, y = 0, n = 0;
    if ((sscanf(s, "%2d/%2d/%4d%n", &d, &m, &y, &n) == 3 ||
         sscanf(s, "%2d tháng %2d năm %4d%n", &d, &m, &y, &n) == 3) &&
        d >= 1 && d <= 31 && m >= 1 && m <= 12 && y > 1900 && y < 3000) {
        c->dd = d, c->mm = m, c->yy = y;
        return (size_t)n;
    }
    return 0;
}

bool kh_import_cite_parse(const char *s, kh_import_cite *c)
{
    memset(c, 0, sizeof *c);
    const char *so = strstr(s, " số ");
    if (!so || so == s || so - s > 40 || !capital_at(s))
        return false;
    size_t tl = (size_t)(so - s);
    if (strcspn(s, ",;:.") < tl)
        return false;
    const char *p = so + strlen(" số ");
    size_t nl = strcspn(p, " ,;");
    if (!nl || nl > 40)
        return false;
    c->type = kh_strndup(s, tl);
    c->number = kh_strndup(p, nl);
    p += nl;
    while (*p == ',' || *p == ' ')
        p++;
    if (starts(p, "ngày ")) {
        size_t dl = cite_date(p + strlen("ngày "), c);
        if (dl)
            p += strlen("ngày ") + dl;
    }
    c->len = (size_t)(p - s);
    while (*p == ',' || *p == ' ')
        p++;
    if (!starts(p, "của "))
        return true;
    p += strlen("của ");
    /* the issuer: to " về ", a comma, a semicolon, "(" or the sentence's end */
    size_t il = strcspn(p, ",;(");
    const char *ve = strstr(p, " về ");
    if (ve && (size_t)(ve - p) < il)
        il = (size_t)(ve - p);
    while (il && (p[il - 1] == ' ' || p[il - 1] == '.'))
        il--;
    if (il)
        c->issuer = kh_strndup(p, il);
    c->len = (size_t)(p + il - s);
    if (!ve || ve != p + il)
        return true;
    const char *sub = ve + 1, *end = NULL;
    bool quoted = false;
    for (const char *q = sub; *q && !end; q++) {
        if (starts(q, "“"))
            quoted = true;
        else if (starts(q, "”"))
            quoted = false;
        else if (!quoted && (*q == ',' || *q == ';') && q[1] == ' ' && capital_at(q + 2))
            end = q;
    }
    if (!end)
        end = sub + strlen(sub);
    while (end > sub && (end[-1] == ' ' || end[-1] == '.' || end[-1] == ',' || end[-1] == ';' ||
                         end[-1] == ':'))
        end--;
    /* "… Nguyễn Phú Trọng (sau đây viết tắt là …)": the shorthand goes */
    if (end > sub && end[-1] == ')') {
        const char *open = NULL;
        for (const char *q = sub; q < end; q++)
            if (*q == '(')
                open = q;
        if (open && starts(open, "(sau đây")) {
            end = open;
            while (end > sub && end[-1] == ' ')
                end--;
        }
    }
    if (end > sub)
        c->subject = kh_strndup(sub, (size_t)(end - sub));
    c->len = (size_t)(end - s);
    return true;
}

size_t kh_import_cite_more(const char *s, kh_import_cite *v, size_t max)
{
    size_t n = 1;
    const char *p = s + v[0].len;
    while (n < max) {
        p += strspn(p, " ");
        if (*p != ';')
            break;
        p += 1 + strspn(p + 1, " ");
        kh_import_cite c;
        if (!kh_import_cite_parse(p, &c) || !c.yy || !c.issuer) {
            kh_import_cite_free(&c);
            break;
        }
        v[n++] = c;
        p += c.len;
    }
    return n;
}

void kh_import_cite_free(kh_import_cite *c)
{
    free(c->type);
    free(c->number);
    free(c->issuer);
    free(c->subject);
    memset(c, 0, sizeof *c);
}
