/* rules_compound.c — R-ORTHO-COMPOUND (catalogue B.9): a frequent
 * two-syllable word typed with a tone slipped ("thực hiên", "nắm vửng").
 * The pairs are found by the word pass of wordscan.c; compounds.c holds
 * the words and says which slips it looks for and why some are left out. */
#include <string.h>
#include <utf8proc.h>

#include "compounds.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"
#include "wordscan.h"

/* Syllable `from` of the written pair, capitalised like syllable `like`
 * of `written`: the first letter, or all of it when `like` is in capitals. */
static void cased(char *out, size_t cap, const char *from, size_t fn, const char *like, size_t ln)
{
    uint32_t cp;
    bool first_up = ln && kh_is_upper_at(like, ln, 0);
    bool all_up = first_up;
    for (size_t i = 0; all_up && i < ln;) {
        size_t k = kh_utf8_next(like + i, ln - i, &cp);
        if (!k)
            break;
        all_up = kh_is_upper_at(like, ln, i);
        i += k;
    }
    size_t m = 0;
    for (size_t i = 0; i < fn && m + 5 < cap;) {
        size_t k = kh_utf8_next(from + i, fn - i, &cp);
        if (!k)
            break;
        if (all_up || (first_up && i == 0))
            cp = (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
        m += kh_utf8_encode(cp, out + m);
        i += k;
    }
    out[m] = '\0';
}

void rule_ortho_compound(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    const kh_word_scan *ws = kh_word_scan_get(cx);
    for (size_t i = 0; i < ws->n; i++) {
        const kh_word_finding *f = &ws->v[i];
        if (f->kind != KH_WF_COMPOUND)
            continue;
        const char *right = kh_compound_word(f->compound);
        const char *rsp = right ? strchr(right, ' ') : NULL, *sp = strchr(f->word, ' ');
        if (!rsp || !sp)
            continue;
        char a[32], b[32];
        cased(a, sizeof a, right, (size_t)(rsp - right), f->word, (size_t)(sp - f->word));
        cased(b, sizeof b, rsp + 1, strlen(rsp + 1), sp + 1, strlen(sp + 1));
        if (f->mark_dropped)
            kh_report(cx, f->pos, "'%s': a letter's mark (ă â ê ô ơ ư đ) left out in '%s'; write '%s %s'",
                      "'%s': thiếu dấu mũ, dấu trăng hoặc dấu móc trong từ '%s'; sửa thành '%s %s'",
                      f->word, right, a, b);
        else if (f->swapped)
            kh_report(cx, f->pos, "'%s': two letters swapped in '%s'; write '%s %s'",
                      "'%s': gõ đảo chữ trong từ '%s'; sửa thành '%s %s'", f->word, right, a, b);
        else
            kh_report(cx, f->pos, "'%s': a tone mark slipped in '%s'; write '%s %s'",
                      "'%s': gõ sai dấu thanh trong từ '%s'; sửa thành '%s %s'", f->word, right,
                      a, b);
    }
}
