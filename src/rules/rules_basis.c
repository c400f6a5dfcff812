/* rules_basis.c — the căn cứ lines (`basis:`, format-rules.md D):
 *   R-BASIS-PUNCT  each line ends as the profile says: `;`, the last `,`
 *                  (party: the operative sentence follows) or `.` (state);
 *                  a party line is typed without the `- ` the renderer adds.
 * The punctuation comes from the profile table (basis_*). */
#include <stdlib.h>
#include <string.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"

void rule_basis_punct(const kh_plan *p, kh_rule_ctx *cx);

/* Offset of the last character that is not white space; len when none. */
static size_t last_char(const char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1]))
        n--;
    return n ? n - 1 : strlen(s);
}

void rule_basis_punct(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    for (size_t i = 0; i < p->n_basis; i++) {
        const kh_text *t = &p->basis[i];
        if (kh_text_empty(t))
            continue;
        size_t lead = strspn(t->s, " ");
        if (pf->basis_dash && !strncmp(t->s + lead, "- ", 2))
            kh_report(cx, kh_text_locate(t, lead),
                      "write the căn cứ line without '- ': the renderer puts the dash",
                      "ghi dòng căn cứ không có '- ': chương trình tự thêm gạch đầu dòng");
        bool last = i + 1 == p->n_basis;
        const char *want = last ? pf->basis_last_end : pf->basis_line_end;
        size_t at = last_char(t->s);
        char got = t->s[at];
        if (got && got == want[0])
            continue;
        bool punct = got && strchr(".,;:", got);
        kh_buf en = {0}, vi = {0};
        if (last)
            kh_buf_printf(&en, "the last căn cứ line of a %s plan ends with '%s'%s", pf->name,
                          want, pf->basis_dash ? " (the operative sentence follows it)" : "");
        else
            kh_buf_printf(&en, "each căn cứ line of a %s plan ends with '%s' (the last '%s')",
                          pf->name, want, pf->basis_last_end);
        if (last)
            kh_buf_printf(&vi, "dòng căn cứ cuối cùng của văn bản %s kết thúc bằng '%s'%s",
                          pf->name_vi, want,
                          pf->basis_dash ? " (tiếp theo là câu dẫn vào nội dung)" : "");
        else
            kh_buf_printf(&vi, "mỗi dòng căn cứ của văn bản %s kết thúc bằng '%s' (dòng cuối '%s')",
                          pf->name_vi, want, pf->basis_last_end);
        if (punct) {
            kh_buf_printf(&en, ", not '%c'", got);
            kh_buf_printf(&vi, ", không phải '%c'", got);
        } else {
            kh_buf_printf(&en, "; add '%s'", want);
            kh_buf_printf(&vi, "; thêm '%s'", want);
        }
        kh_report_text(cx, cx->rule->severity, kh_text_locate(t, punct ? at : at + 1),
                       kh_buf_str(&en), kh_buf_str(&vi));
        kh_buf_free(&en);
        kh_buf_free(&vi);
    }
}
