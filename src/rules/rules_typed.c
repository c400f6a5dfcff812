/* rules_typed.c — what the renderer prints itself, typed again by the
 * drafter and so printed twice, or cut short in the header: `Số` in the
 * number (R-NUM-SO), a section's own number in its heading
 * (R-SEC-NUMBER-TYPED), the tên loại at the head of the trích yếu
 * (R-TITLE-TYPE-REPEAT), an abbreviation in the issuer line
 * (R-ISSUER-ABBREV). Words and abbreviations come from the profile. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_num_so(const kh_plan *p, kh_rule_ctx *cx);
void rule_sec_number_typed(const kh_plan *p, kh_rule_ctx *cx);
void rule_title_type_repeat(const kh_plan *p, kh_rule_ctx *cx);
void rule_issuer_abbrev(const kh_plan *p, kh_rule_ctx *cx);

/* ---- R-NUM-SO ---- */

void rule_num_so(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const char *s = p->number.s;
    if (!s || kh_text_empty(&p->number))
        return;
    size_t i = strspn(s, " ");
    if (strncmp(s + i, "Số", strlen("Số")) && strncmp(s + i, "số", strlen("số")))
        return;
    size_t j = i + strlen("Số");
    j += strspn(s + j, " ");
    bool colon = s[j] == ':';
    /* A colon the profile does not write is R-NUM-COLON's (its message says
     * the same: write only the number). */
    if (colon != (strchr(pf->number_prefix, ':') != NULL))
        return;
    size_t shown = (colon ? j + 1 : i + strlen("Số")) - i;
    if (colon)
        j++;
    j += strspn(s + j, " ");
    kh_report(cx, kh_text_locate(&p->number, i),
              "'number' is typed with '%1$.*2$s': the renderer adds '%3$s' itself and would print '%3$s%4$s'; write only the number: 'number: %5$s'",
              "'number' ghi cả chữ '%1$.*2$s': phần mềm tự thêm '%3$s' nên sẽ in ra '%3$s%4$s'; chỉ ghi số ký hiệu: 'number: %5$s'",
              s + i, (int)shown, pf->number_prefix, s + i, s + j);
}

/* ---- R-SEC-NUMBER-TYPED ---- */

/* The length of a section number at the start of s (`II. `, `1. `, `2.1. `,
 * `1) `, `a) `, with its delimiter and space), or 0. */
static size_t typed_number(const char *s, size_t len)
{
    size_t i = 0;
    if (i < len && strchr("IVX", s[i])) {
        while (i < len && strchr("IVX", s[i]) && i < 6)
            i++;
        if (i < len && (s[i] == '.' || s[i] == '-' || s[i] == ')') && i + 1 < len && s[i + 1] == ' ')
            return i + 2;
        return 0;
    }
    if (i < len && s[i] >= '0' && s[i] <= '9') {
        size_t parts = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9') {
            size_t d = i;
            while (i < len && s[i] >= '0' && s[i] <= '9')
                i++;
            if (i - d > 2)
                return 0; /* a year or a figure: `2025 - năm …` */
            parts++;
            if (i < len && s[i] == '.' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9')
                i++;
            else
                break;
        }
        if (i < len && (s[i] == '.' || s[i] == ')' || s[i] == '-') && i + 1 < len && s[i + 1] == ' ')
            return i + 2;
        if (parts > 1 && i < len && s[i] == ' ')
            return i + 1; /* `2.1 Mục đích` */
        return 0;
    }
    if (i + 2 < len && s[i] >= 'a' && s[i] <= 'z' && s[i + 1] == ')' && s[i + 2] == ' ')
        return 3;
    return 0;
}

static void sec_title_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    if (pa->index != 0)
        return;
    size_t b = 0;
    while (b < pa->len && (pa->s[b] == ' ' || pa->s[b] == '*'))
        b++;
    size_t n = typed_number(pa->s + b, pa->len - b);
    if (!n)
        return;
    size_t e = n;
    while (e > 0 && pa->s[b + e - 1] == ' ')
        e--;
    kh_report(cx, kh_para_pos(pa, b),
              "the heading is typed with a number, '%1$.*2$s': the renderer numbers the sections from their place and would print it twice; write the heading without it: '%3$.*4$s'",
              "tiêu đề mục ghi cả số '%1$.*2$s': phần mềm tự đánh số mục theo vị trí nên số sẽ in hai lần; bỏ số, chỉ ghi tiêu đề: '%3$.*4$s'",
              pa->s + b, (int)e, pa->s + b + n, kh_cut(pa->s + b + n, pa->len - b - n, 60));
}

void rule_sec_number_typed(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    kh_walk_paras(cx, 1u << KH_F_SEC_TITLE, sec_title_para, cx);
}

/* ---- R-TITLE-TYPE-REPEAT ---- */

void rule_title_type_repeat(const kh_plan *p, kh_rule_ctx *cx)
{
    if (kh_text_empty(&p->title))
        return;
    const char *type = kh_text_empty(&p->doc_type) ? "Kế hoạch" : p->doc_type.s;
    const char *s = p->title.s;
    size_t i = 0;
    while (s[i] == ' ' || s[i] == '*' || s[i] == '\n')
        i++;
    char *ft = kh_fold(type), *fs = kh_fold(s + i);
    size_t n = strlen(ft);
    /* `Kế hoạch hóa gia đình …` is a subject, not the type word. */
    bool repeat = !strncmp(fs, ft, n) && (fs[n] == ' ' || fs[n] == '\0') &&
                  strncmp(fs + n, " hóa", strlen(" hóa"));
    free(ft);
    free(fs);
    if (!repeat)
        return;
    size_t rest = i + strlen(type);
    rest += strspn(s + rest, " ");
    kh_report(cx, kh_text_locate(&p->title, i),
              "the trích yếu starts with the document type '%1$.*2$s', printed right under the tên loại: start with what the plan does ('%3$.*4$s…')",
              "trích yếu bắt đầu bằng tên loại '%1$.*2$s', trùng với tên loại in ngay phía trên: bắt đầu bằng nội dung kế hoạch ('%3$.*4$s…')",
              s + i, (int)strlen(type), s + rest, kh_cut(s + rest, strlen(s + rest), 40));
}

/* ---- R-ISSUER-ABBREV ---- */

void rule_issuer_abbrev(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const char *s = p->issuer.s;
    if (!s || kh_text_empty(&p->issuer))
        return;
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) {
        if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n')
            continue;
        for (size_t k = 0; pf->issuer_abbrevs[k].abbr; k++) {
            const kh_abbrev *a = &pf->issuer_abbrevs[k];
            size_t n = strlen(a->abbr);
            if (strncmp(s + i, a->abbr, n) ||
                !(s[i + n] == '\0' || s[i + n] == ' ' || s[i + n] == '\n' ||
                  (s[i + n] == '.' && a->abbr[n - 1] != '.')))
                continue;
            kh_report(cx, kh_text_locate(&p->issuer, i),
                      "the issuer is named in full in the header: '%s' is an abbreviation; write '%s'",
                      "tên cơ quan ban hành ở phần đầu văn bản ghi đầy đủ: '%s' là chữ viết tắt; viết '%s'",
                      a->abbr, a->full);
            return;
        }
    }
}
