/* rules_heading_case.c — R-HEADING-CASE (catalogue B.9): the case of the
 * headings at the first two levels as format-rules.md gives it: a Roman
 * heading (level 1) in capitals (`I. MỤC ĐÍCH, YÊU CẦU`), a level-2 heading
 * in ordinary case (`1. Mục đích`) [SEED][U]. Annexes are not judged; nor
 * are the levels below, whose case the sources leave open. Two fixed
 * levels, no walk of the tree. The message gives the heading in the case
 * its level asks for. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

/* The first lower-case letter of s (its offset), or -1; *letters counts the
 * letters seen. */
static long first_lower(const char *s, size_t *letters)
{
    size_t len = strlen(s);
    *letters = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = kh_utf8_next(s + i, len - i, &cp);
        if (!k)
            return -1;
        if (kh_is_lower_at(s, len, i))
            return (long)i;
        if (kh_is_upper_at(s, len, i))
            (*letters)++;
        i += k;
    }
    return -1;
}

void rule_heading_case(const kh_plan *p, kh_rule_ctx *cx)
{
    for (size_t i = 0; i < p->n_sections; i++) {
        const kh_section *s = &p->sections[i];
        size_t n;
        long lo = kh_text_empty(&s->title) ? -1 : first_lower(s->title.s, &n);
        if (lo >= 0) {
            char *up = kh_utf8_upper(s->title.s);
            kh_report(cx, kh_text_locate(&s->title, 0),
                      "a level-1 heading is written in capitals: '%s'",
                      "đề mục cấp 1 viết in hoa: '%s'", up);
            free(up);
        }
        for (size_t j = 0; j < s->n_sections; j++) {
            const kh_section *t = &s->sections[j];
            if (kh_text_empty(&t->title) || t->inline_body)
                continue;
            if (first_lower(t->title.s, &n) >= 0 || n < 2)
                continue;
            char *low = kh_utf8_lower(t->title.s); /* then its first letter a capital */
            uint32_t cp;
            size_t k = kh_utf8_next(low, strlen(low), &cp);
            kh_buf b = {0};
            char first[4];
            kh_buf_put(&b, first, kh_utf8_encode((uint32_t)utf8proc_toupper((utf8proc_int32_t)cp), first));
            kh_buf_puts(&b, low + k);
            kh_report(cx, kh_text_locate(&t->title, 0),
                      "a level-2 heading is written in ordinary case, not in capitals: '%s' (proper names keep their capitals)",
                      "đề mục cấp 2 viết in thường, không in hoa: '%s' (tên riêng giữ chữ hoa)",
                      kh_buf_str(&b));
            kh_buf_free(&b);
            free(low);
        }
    }
}
