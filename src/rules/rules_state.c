/* rules_state.c — rules of the state profile only (NĐ 30/2020/NĐ-CP,
 * format-rules.md section D). The rules both profiles share read their
 * punctuation and prefixes from the profile table; these check what has
 * no party counterpart.
 *   R-NUM-STATE  the number is N/KH-XXX: number, slash, the type code KH,
 *                then the issuer's code groups joined by hyphens */
#include <stdlib.h>
#include <string.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"

void rule_num_state(const kh_plan *p, kh_rule_ctx *cx);

/* One upper-case letter of a symbol group: A–Z or Đ (U+0110). Returns its
 * byte length, 0 when s does not start with one. */
static size_t symbol_letter(const char *s)
{
    if (*s >= 'A' && *s <= 'Z')
        return 1;
    if ((unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x90)
        return 2;
    return 0;
}

/* `^\d+/[A-ZĐ]+(-[A-ZĐ0-9]+)*$`; *first receives the first group. Zero
 * padding (`05`) is R-NUM-PAD's business, not this rule's. */
static bool state_number_ok(const char *s, char *first, size_t cap)
{
    size_t i = 0, n;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    if (!i || s[i++] != '/')
        return false;
    size_t start = i;
    while ((n = symbol_letter(s + i)) != 0)
        i += n;
    if (i == start)
        return false;
    snprintf(first, cap, "%.*s", (int)(i - start), s + start);
    while (s[i] == '-') {
        size_t g = ++i;
        while ((n = symbol_letter(s + i)) != 0 || (s[i] >= '0' && s[i] <= '9'))
            i += n ? n : 1;
        if (i == g)
            return false;
    }
    return s[i] == '\0';
}

/* The party form `45-KH/UBND` turned into the state form `45/KH-UBND`;
 * NULL when s is not of that form. malloc'd. */
static char *party_to_state(const char *s)
{
    const char *dash = strchr(s, '-'), *slash = strchr(s, '/');
    if (!dash || !slash || dash > slash || dash == s)
        return NULL;
    kh_buf b = {0};
    kh_buf_printf(&b, "%.*s/%.*s-%s", (int)(dash - s), s, (int)(slash - dash - 1), dash + 1,
                  slash + 1);
    return kh_buf_take(&b);
}

void rule_num_state(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_text *t = &p->number;
    if (kh_text_empty(t))
        return;
    const char *s = t->s + strspn(t->s, " ");
    if (!strncmp(s, "Số", strlen("Số"))) /* `Số:` is R-NUM-COLON's */
        s += strlen("Số") + strspn(s + strlen("Số"), " :");
    if (!(*s >= '0' && *s <= '9')) /* a blank number is R-NUM-BLANK's */
        return;
    const kh_profile *pf = kh_profile_get(p->profile);
    char first[32];
    size_t at = (size_t)(s - t->s);
    if (state_number_ok(s, first, sizeof first)) {
        if (strcmp(first, pf->type_code) != 0)
            kh_report(cx, kh_text_locate(t, at),
                      "in '%s' the symbol must start with the type code of a Kế hoạch, '%s' (N/%s-…)",
                      "trong '%s' ký hiệu phải bắt đầu bằng chữ viết tắt tên loại Kế hoạch là '%s' (N/%s-…)",
                      s, pf->type_code, pf->type_code);
        return;
    }
    char *fix = party_to_state(s);
    if (fix && state_number_ok(fix, first, sizeof first))
        kh_report(cx, kh_text_locate(t, at),
                  "'%s' is the party form of a number; the state profile writes number/symbol with the groups of the symbol joined by hyphens: '%s'",
                  "'%s' là cách ghi số của văn bản Đảng; thể thức nhà nước ghi số/ký hiệu, các nhóm chữ của ký hiệu nối bằng gạch nối: '%s'",
                  s, fix);
    else
        kh_report(cx, kh_text_locate(t, at),
                  "number '%s' is not of the state form N/%s-XXX, e.g. '12/%s-UBND' (number, slash, %s, hyphen, the issuer's code; no spaces)",
                  "số ký hiệu '%s' không đúng dạng N/%s-XXX của văn bản nhà nước, ví dụ '12/%s-UBND' (số, gạch chéo, %s, gạch nối, chữ viết tắt cơ quan ban hành; không có dấu cách)",
                  s, pf->type_code, pf->type_code, pf->type_code);
    free(fix);
}
