/* rules_blank.c — R-BLANK: a `…` (or `...`) placeholder left from a
 * template, in any text of the plan. An error outside --draft (the PDF
 * would print `…`), a note in a draft.
 * A placeholder is told from an ellipsis by what precedes it: an ellipsis
 * closes a word (`khả thi...`, `tọa đàm...`), a placeholder stands where a
 * word is missing (`Huyện ủy …`, `số …-HD/…`, `(…/…/…`). The number is
 * R-NUM-BLANK's and the issue date R-DATE-PRESENT's. */
#include <string.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_blank(const kh_plan *p, kh_rule_ctx *cx);

/* The length of the placeholder at s[i] (`…` or `...`), or 0. */
static size_t dots_at(const char *s, size_t len, size_t i)
{
    if (i + 3 <= len && !memcmp(s + i, "\xE2\x80\xA6", 3))
        return 3;
    if (i + 3 <= len && !memcmp(s + i, "...", 3))
        return 3;
    return 0;
}

static bool word_byte(unsigned char c)
{
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

typedef struct blank_scan {
    kh_rule_ctx *cx;
    kh_severity sev;
} blank_scan;

static void report_blank(blank_scan *b, kh_pos pos)
{
    if (b->sev == KH_NOTE)
        kh_report_sev(b->cx, b->sev, pos, "a blank '…' is left to fill in (a draft)",
                      "còn chỗ trống '…' cần điền (bản dự thảo)");
    else
        kh_report_sev(b->cx, b->sev, pos,
                      "a blank '…' from the template is still here and would be printed; fill it in (or check the draft with --draft)",
                      "còn chỗ trống '…' của mẫu, sẽ được in ra; điền nội dung vào (hoặc kiểm tra bản dự thảo với --draft)");
}

static void blank_para(const kh_para *pa, void *ctx)
{
    blank_scan *b = ctx;
    if (pa->field->kind == KH_F_NUMBER)
        return;
    for (size_t i = 0; i < pa->len;) {
        i = kh_skip_to(pa->s, pa->len, i, ".\xE2"); /* `.` or the first byte of `…` */
        if (i >= pa->len)
            break;
        size_t n = dots_at(pa->s, pa->len, i);
        if (!n) {
            i++;
            continue;
        }
        /* `…` or `...` right after a word, a comma or a closing quote or
         * bracket ends a list (`2/9,...`, `“Uống nước nhớ nguồn”,...`); after
         * a space, an opening bracket or quote, a slash or a hyphen, or at
         * the start, it stands for a missing word. */
        bool open_quote = i >= 3 && !memcmp(pa->s + i - 3, "\xE2\x80\x9C", 3);
        bool ellipsis = i > 0 && !open_quote &&
                        (word_byte((unsigned char)pa->s[i - 1]) || strchr(",;)*\"'", pa->s[i - 1])) &&
                        !(i >= 3 && dots_at(pa->s, pa->len, i - 3));
        if (!ellipsis) {
            report_blank(b, kh_para_pos(pa, i));
            return; /* one report per paragraph: the first blank shows where */
        }
        i += n;
        while (dots_at(pa->s, pa->len, i) || (i < pa->len && pa->s[i] == '.'))
            i += dots_at(pa->s, pa->len, i) ? 3 : 1;
    }
}

void rule_blank(const kh_plan *p, kh_rule_ctx *cx)
{
    blank_scan b = {cx, cx->opts && cx->opts->draft ? KH_NOTE : cx->rule->severity};
    kh_walk_paras(cx, 0, blank_para, &b);
    for (size_t i = 0; i < p->n_implements; i++) {
        const kh_text *t = &p->implements[i].number;
        if (t->s && (strstr(t->s, "\xE2\x80\xA6") || strstr(t->s, "...")))
            report_blank(&b, t->pos);
    }
}
