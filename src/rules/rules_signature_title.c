/* rules_signature_title.c — R-SIGN-TITLE-PREFIX: the chức vụ a signer may
 * carry under the authority line. Under `T/M <collective>` (party) the
 * titles the profile lists for that body (`T/M BAN THƯỜNG VỤ` → BÍ THƯ,
 * PHÓ BÍ THƯ …); under `K/T <HEAD>` / `KT. <HEAD>` (either profile, on the
 * prefix line or the state `head` line) the deputy of that head: the issuer
 * kind's deputy_title when the head is the kind's (`KT. CHỦ TỊCH` → PHÓ CHỦ
 * TỊCH), else `PHÓ <HEAD>`; the head itself under K/T (`KT. GIÁM ĐỐC` /
 * `GIÁM ĐỐC`, a miss of the blind batch 4) is reported too. */
#include <string.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_sign_title_prefix(const kh_plan *p, kh_rule_ctx *cx);

static bool same(const char *a, const char *b)
{
    return a && b && kh_starts_with_words(a, b) && kh_starts_with_words(b, a);
}

/* The deputy under `K/T head`, into buf. */
static const char *deputy_of(const kh_profile *pf, const char *issuer, const char *head,
                             char *buf, size_t n)
{
    const kh_issuer_kind *k = issuer ? kh_issuer_kind_of(pf, issuer) : NULL;
    if (k && k->head_title && same(head, k->head_title))
        return k->deputy_title;
    for (size_t i = 0; pf->issuer_kinds[i].start; i++)
        if (pf->issuer_kinds[i].head_title && same(head, pf->issuer_kinds[i].head_title))
            return pf->issuer_kinds[i].deputy_title;
    snprintf(buf, n, "PHÓ %s", head);
    return buf;
}

static void judge_deputy(const kh_plan *p, kh_rule_ctx *cx, const char *prefix, const char *head)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const kh_text *t = &p->signature.title;
    char buf[96];
    if (!head || !*head || kh_text_empty(t))
        return;
    /* K/T before a collective, or a head title misspelt: other rules'. */
    bool known = false;
    for (size_t i = 0; pf->sign_bodies[i]; i++)
        if (same(head, pf->sign_bodies[i]))
            return;
    for (size_t i = 0; pf->sign_titles[i]; i++)
        known |= same(head, pf->sign_titles[i]);
    if (!known)
        return;
    const char *want = deputy_of(pf, p->issuer.s, head, buf, sizeof buf);
    if (same(t->s, head)) { /* `KT. GIÁM ĐỐC` / `GIÁM ĐỐC` */
        kh_report(cx, t->pos,
                  "under '%1$s %2$s' a deputy signs, not the %2$s: write '%3$s', or drop '%1$s' if the %2$s signs",
                  "dưới '%1$s %2$s' là cấp phó ký, không phải %2$s: ghi '%3$s', hoặc bỏ '%1$s' nếu %2$s ký",
                  prefix, head, want ? want : "PHÓ …");
        return;
    }
    /* `PHÓ CHỦ TỊCH UBND HUYỆN`: the body's name after it is R-SIGN-TITLE's. */
    if (want && !kh_starts_with_words(t->s, want))
        kh_report(cx, t->pos,
                  "under '%1$s %2$s' a deputy signs: the chức vụ is '%3$s', not '%4$s'",
                  "dưới '%1$s %2$s' là cấp phó ký: chức vụ ghi '%3$s', không phải '%4$s'",
                  prefix, head, want, t->s);
}

void rule_sign_title_prefix(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const kh_signature *s = &p->signature;
    if (kh_text_empty(&s->title) || kh_text_empty(&s->prefix))
        return;
    /* `KT. CHỦ TỊCH` on the state head line. */
    if (s->head.pos.line && !kh_text_empty(&s->head.prefix) &&
        same(s->head.prefix.s, pf->sign_deputy)) {
        judge_deputy(p, cx, s->head.prefix.s, s->head.title.s);
        return;
    }
    if (same(s->prefix.s, pf->sign_deputy)) {
        judge_deputy(p, cx, s->prefix.s, s->body.s);
        return;
    }
    if (!same(s->prefix.s, pf->sign_collective) || kh_text_empty(&s->body) || s->head.pos.line)
        return;
    for (size_t i = 0; pf->sign_body_titles[i].body; i++) {
        const kh_sign_body_titles *b = &pf->sign_body_titles[i];
        if (!same(s->body.s, b->body))
            continue;
        for (size_t k = 0; b->titles[k]; k++)
            if (same(s->title.s, b->titles[k]))
                return;
        /* A known title followed by the body's name is R-SIGN-TITLE's. */
        for (size_t k = 0; b->titles[k]; k++)
            if (kh_starts_with_words(s->title.s, b->titles[k]))
                return;
        kh_report(cx, s->title.pos,
                  "under '%1$s %2$s' the body's head or a deputy signs (%3$s%4$s%5$s …), not a '%6$s'",
                  "dưới '%1$s %2$s' là người đứng đầu hoặc cấp phó của tập thể ký (%3$s%4$s%5$s …), không phải '%6$s'",
                  s->prefix.s, s->body.s, b->titles[0], b->titles[1] ? ", " : "",
                  b->titles[1] ? b->titles[1] : "", s->title.s);
        return;
    }
}
