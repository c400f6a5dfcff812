/* rules_list_seq.c — R-LIST-SEQ (catalogue B.4, numbering): the items of
 * a list typed in a Markdown body, `1.` `2.` `3.` or `a)` `b)` `c)`, count
 * on without a skip or a repeat. Markdown renumbers an ordered list from
 * its first number, so `1. 2. 4.` prints 1, 2, 3 in one renderer and 1,
 * 2, 4 in a reader that keeps the typed numbers (Word after import, the
 * plan file itself): the typed number is a slip either way. Certain. The
 * list is read from the text as typed (cmark keeps only its start): an
 * item opens a line at the start of the body, after a blank line, or
 * inside a list; items are counted apart by indentation and by kind
 * (numbers, letters). Letters follow the Vietnamese order (a b c d đ e g
 * h i k l m n o p q r s t u v x y: NĐ 30 Phụ lục I, điểm a), b)); after d,
 * both đ and e are taken. A list starting again from 1 or a is a new one. */
#include <string.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_list_seq(const kh_plan *p, kh_rule_ctx *cx);

static const char *const letters[] = {"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                                      "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"};
#define N_LETTERS (sizeof letters / sizeof letters[0])

typedef struct item {
    int kind;   /* 0 none, 1 number, 2 letter */
    int value;  /* the number, or the letter's place in `letters` (1-based) */
    size_t at;  /* offset of the label */
    size_t end; /* offset after the label's mark */
} item;

/* The list label that opens the line s[i, e), after its indentation. */
static item label_at(const char *s, size_t i, size_t e)
{
    item it = {0, 0, i, i};
    if (i < e && s[i] >= '0' && s[i] <= '9') {
        size_t j = i;
        int v = 0;
        while (j < e && s[j] >= '0' && s[j] <= '9' && j - i < 3)
            v = v * 10 + (s[j++] - '0');
        if (j - i <= 2 && j + 1 < e && (s[j] == '.' || s[j] == ')') && s[j + 1] == ' ')
            it = (item){1, v, i, j + 1};
        return it;
    }
    for (size_t k = 0; k < N_LETTERS; k++) {
        size_t n = strlen(letters[k]);
        if (i + n + 1 < e && !strncmp(s + i, letters[k], n) && s[i + n] == ')' &&
            s[i + n + 1] == ' ')
            return (item){2, (int)k + 1, i, i + n + 1};
    }
    return it;
}

/* The label that should follow prev of the same kind; for a letter after
 * d, đ or e (some offices skip đ). */
static bool follows(const item *prev, const item *it)
{
    if (it->value == prev->value + 1)
        return true;
    return it->kind == 2 && prev->value == 4 && it->value == 6; /* d → e */
}

#define LEVELS 8

typedef struct level {
    size_t indent;
    item last;
} level;

static void list_field(const kh_field *f, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    if (!f->markdown || !f->t->s)
        return;
    const char *s = f->t->s;
    size_t len = strlen(s);
    level lv[LEVELS];
    size_t n_lv = 0;
    bool blank_before = true, in_list = false;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len, b = i;
        while (b < e && s[b] == ' ')
            b++;
        if (b == e) {
            blank_before = true;
            i = e + 1;
            continue;
        }
        item it = label_at(s, b, e);
        size_t indent = b - i;
        if (it.kind && (blank_before || in_list)) {
            in_list = true;
            /* the levels deeper than this line end here */
            while (n_lv && lv[n_lv - 1].indent > indent)
                n_lv--;
            level *l = n_lv && lv[n_lv - 1].indent == indent ? &lv[n_lv - 1] : NULL;
            if (!l && n_lv < LEVELS) {
                l = &lv[n_lv++];
                l->indent = indent;
                l->last = (item){0, 0, 0, 0};
            }
            if (l && l->last.kind == it.kind && it.value != 1 && !follows(&l->last, &it)) {
                bool skip = it.value > l->last.value;
                char want[16];
                size_t next = (size_t)l->last.value; /* the next letter's index */
                if (it.kind == 1)
                    snprintf(want, sizeof want, "%d", l->last.value + 1);
                else
                    snprintf(want, sizeof want, "%s", letters[next < N_LETTERS ? next : N_LETTERS - 1]);
                kh_report(cx, kh_text_locate(f->t, it.at),
                          skip ? "list item '%.*s' follows '%.*s': '%s' is missing; renumber the items"
                               : "list item '%.*s' follows '%.*s' (a repeat or a step back; '%s' expected); renumber the items",
                          skip ? "mục '%.*s' đứng sau '%.*s': thiếu '%s'; đánh số lại các mục"
                               : "mục '%.*s' đứng sau '%.*s' (lặp hoặc lùi số; cần '%s'); đánh số lại các mục",
                          (int)(it.end - it.at), s + it.at, (int)(l->last.end - l->last.at),
                          s + l->last.at, want);
            }
            if (l)
                l->last = it;
        } else if (blank_before && indent == 0) {
            in_list = false; /* a paragraph after the list ends it */
            n_lv = 0;
        }
        blank_before = false;
        i = e + 1;
    }
}

void rule_list_seq(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_fields(p, list_field, cx);
}
