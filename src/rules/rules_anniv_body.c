/* rules_anniv_body.c — R-ANNIV-BODY: an anniversary named in the trích yếu
 * (`Kỷ niệm 95 năm Ngày thành lập Đảng …`) is counted alike in the body:
 * `kỷ niệm M năm <the same event>` with another M close to it (at most 3
 * apart: last year's count copied, a digit slip) is a slip; the title is
 * the reference. A milestone ahead (`tiến tới kỷ niệm 100 năm …`, `đến năm
 * 2030, kỷ niệm 100 năm …`) is another anniversary and is left alone. The
 * event is the same when its first words agree (case and tone placement
 * aside): up to six, and at least four, or all the shorter one has. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_anniv_body(const kh_plan *p, kh_rule_ctx *cx);

typedef struct anniv {
    int years;
    size_t at, num_at;  /* of `kỷ niệm`, of the number */
    char event[96];     /* folded, its first six words (or fewer) */
    int words;
} anniv;

/* `kỷ niệm N năm <event>` at or after from in s[0, len). */
static bool next_anniv(const char *s, size_t len, size_t from, anniv *a, size_t *end)
{
    static const char *const ky[] = {"kỷ niệm ", "Kỷ niệm ", "KỶ NIỆM ", "kỉ niệm ", "Kỉ niệm "};
    for (size_t i = from; i < len; i++) {
        const char *h = memchr(s + i, 'n', len - i);
        if (!h)
            return false;
        i = (size_t)(h - s);
        if (i < strlen("kỷ ") || strncmp(s + i, "niệm ", strlen("niệm ")))
            continue;
        size_t k = i - strlen("kỷ ");
        bool ok = false;
        for (size_t v = 0; v < sizeof ky / sizeof ky[0] && !ok; v++)
            ok = !strncmp(s + k, ky[v], strlen(ky[v])) && kh_word_start(s, k);
        if (!ok)
            continue;
        size_t j = i + strlen("niệm ");
        size_t d = j;
        int n = 0;
        while (j < len && j - d < 4 && s[j] >= '0' && s[j] <= '9')
            n = n * 10 + (s[j++] - '0');
        if (j == d || j >= len || strncmp(s + j, " năm ", strlen(" năm ")))
            continue;
        j += strlen(" năm ");
        size_t e = j;
        int words = 0;
        while (e < len && !strchr(",;.()“\"", s[e]) && e - j < 90) {
            if ((s[e] == ' ' || s[e] == '\n') && ++words == 6)
                break;
            e++;
        }
        if (e == len || s[e] != ' ')
            words++; /* the last word */
        char raw[96];
        snprintf(raw, sizeof raw, "%.*s", kh_cut(s + j, e - j, sizeof raw - 1), s + j);
        for (char *c = raw; *c; c++)
            if (*c == '\n')
                *c = ' ';
        char *f = kh_fold(raw);
        snprintf(a->event, sizeof a->event, "%s", f);
        free(f);
        a->years = n;
        a->words = words;
        a->at = k;
        a->num_at = d;
        *end = e;
        return words == 3 || e > j;
    }
    return false;
}

/* `tới`, `đến` or `hướng` shortly before at: a milestone ahead. */
static bool ahead(const char *s, size_t at)
{
    size_t b = at > 30 ? at - 30 : 0;
    while (b < at && ((unsigned char)s[b] & 0xC0) == 0x80)
        b++;
    char w[40];
    snprintf(w, sizeof w, "%.*s", (int)(at - b), s + b);
    return strstr(w, "tới") || strstr(w, "đến") || strstr(w, "hướng");
}

static bool same_event(const anniv *a, const anniv *b)
{
    const anniv *shorter = strlen(a->event) <= strlen(b->event) ? a : b;
    const anniv *longer = shorter == a ? b : a;
    size_t n = strlen(shorter->event);
    if (strncmp(shorter->event, longer->event, n) ||
        (longer->event[n] != '\0' && longer->event[n] != ' '))
        return false;
    return shorter->words >= 4 || !strcmp(a->event, b->event);
}

typedef struct body_scan {
    kh_rule_ctx *cx;
    anniv title;
} body_scan;

static void body_para(const kh_para *pa, void *ctx)
{
    body_scan *st = ctx;
    anniv a;
    size_t e;
    for (size_t i = 0; next_anniv(pa->s, pa->len, i, &a, &e); i = e) {
        int diff = a.years - st->title.years;
        if (!diff || diff > 3 || diff < -3 || !same_event(&a, &st->title) ||
            ahead(pa->s, a.at))
            continue;
        kh_report(st->cx, kh_para_pos(pa, a.num_at),
                  "'kỷ niệm %d năm' here, but the trích yếu counts the same anniversary as %d years; write one count",
                  "ở đây ghi 'kỷ niệm %d năm' nhưng trích yếu ghi cùng ngày kỷ niệm là %d năm; thống nhất một con số",
                  a.years, st->title.years);
    }
}

void rule_anniv_body(const kh_plan *p, kh_rule_ctx *cx)
{
    if (kh_text_empty(&p->title))
        return;
    body_scan st = {cx, {0}};
    size_t e;
    if (!next_anniv(p->title.s, strlen(p->title.s), 0, &st.title, &e) || !st.title.event[0])
        return;
    kh_walk_paras(cx, KH_BODY_FIELDS | (1u << KH_F_SEC_TITLE) | (1u << KH_F_TABLE), body_para, &st);
}
