/* rules_signature_state.c — the state-profile forms (NĐ 30/2020/NĐ-CP,
 * format-rules.md D) of the B.8 rules whose party form is in
 * rules_signature.c: R-SIGN-COLLECTIVE, R-SIGN-ISSUER-MATCH, R-SIGN-TITLE's
 * head line and R-AUTH-TYPE. The rule functions of rules_signature.c call
 * these for a state plan. What each kind of issuer signs (`TM. ỦY BAN NHÂN
 * DÂN`, `GIÁM ĐỐC` …) and who cannot issue a Kế hoạch come from the profile
 * table (issuer_kinds, auth_bars, sign_head_prefixes). */
#include <stdlib.h>
#include <string.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

/* Does s start with the words of `start` (case and tone placement aside)? */
bool kh_starts_with_words(const char *s, const char *start)
{
    if (!s || !start)
        return false;
    char *fs = kh_fold(s), *ft = kh_fold(start);
    size_t n = strlen(ft);
    bool r = n && !strncmp(fs, ft, n) && (fs[n] == '\0' || fs[n] == ' ' || fs[n] == ',');
    free(fs);
    free(ft);
    return r;
}

static bool same(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    char *fa = kh_fold(a), *fb = kh_fold(b);
    bool r = !strcmp(fa, fb);
    free(fa);
    free(fb);
    return r;
}

/* The same prefix up to its punctuation: `T/M` is `TM.` written the party
 * way (R-SIGN-PREFIX reports the form; the rules here judge the meaning). */
static bool same_prefix(const char *a, const char *b)
{
    char la[8], lb[8];
    size_t na = 0, nb = 0;
    for (; a && *a && na < sizeof la - 1; a++)
        if (*a >= 'A' && *a <= 'Z')
            la[na++] = *a;
    for (; b && *b && nb < sizeof lb - 1; b++)
        if (*b >= 'A' && *b <= 'Z')
            lb[nb++] = *b;
    la[na] = lb[nb] = '\0';
    return na && !strcmp(la, lb);
}

static bool in_prefixes(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (same_prefix(list[i], s))
            return true;
    return false;
}

static bool in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list[i]; i++)
        if (same(list[i], s))
            return true;
    return false;
}

const kh_issuer_kind *kh_issuer_kind_of(const kh_profile *pf, const char *issuer)
{
    for (size_t i = 0; i < sizeof pf->issuer_kinds / sizeof pf->issuer_kinds[0] &&
                       pf->issuer_kinds[i].start; i++)
        if (kh_starts_with_words(issuer, pf->issuer_kinds[i].start))
            return &pf->issuer_kinds[i];
    return NULL;
}

static const char *or_empty(const kh_text *t)
{
    return t->s ? t->s : "";
}

/* R-SIGN-COLLECTIVE, state: a collective (Ủy ban nhân dân) signs
 * `TM. ỦY BAN NHÂN DÂN`; its head signs as `CHỦ TỊCH`, a deputy under
 * `head: KT. CHỦ TỊCH` as `PHÓ CHỦ TỊCH`. An agency run by its head (Sở,
 * Phòng) never signs TM.: the head signs alone, a deputy `KT. GIÁM ĐỐC`. */
void kh_state_sign_collective(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const kh_signature *s = &p->signature;
    const kh_sign_head *h = &s->head;
    const kh_issuer_kind *k = kh_issuer_kind_of(pf, p->issuer.s);
    bool tm = !kh_text_empty(&s->prefix) && same_prefix(s->prefix.s, pf->sign_collective);
    kh_pos pos = s->prefix.s ? s->prefix.pos : s->pos;

    if (h->pos.line && !tm && !(k && k->body)) {
        kh_report(cx, h->pos,
                  "a second authority line ('head') stands only under '%s <BODY>'; a deputy of an agency run by its head signs on one line: 'prefix: %s' and 'body: <HEAD'S TITLE>'",
                  "dòng thứ hai của quyền hạn ký ('head') chỉ đứng dưới '%s <TẬP THỂ>'; cấp phó của cơ quan làm việc theo chế độ thủ trưởng ký một dòng: 'prefix: %s' và 'body: <CHỨC VỤ CẤP TRƯỞNG>'",
                  pf->sign_collective, pf->sign_deputy);
        return;
    }
    if (!k)
        return;
    if (!k->body) { /* run by its head */
        if (tm)
            kh_report(cx, pos,
                      "'%s' is run by its head, not a collective: it does not sign '%s'; the head signs '%s' with no prefix, a deputy '%s %s' / '%s'",
                      "'%s' làm việc theo chế độ thủ trưởng, không phải tập thể: không ký '%s'; cấp trưởng ký '%s' không có quyền hạn, cấp phó ký '%s %s' / '%s'",
                      p->issuer.s, pf->sign_collective, k->head_title, pf->sign_deputy,
                      k->head_title, k->deputy_title);
        else if (kh_text_empty(&s->prefix) && same(s->title.s, k->deputy_title))
            kh_report(cx, s->title.pos,
                      "a '%s' signs for the '%s': write 'prefix: %s' and 'body: %s' above 'title: %s'",
                      "'%s' ký thay '%s': ghi 'prefix: %s' và 'body: %s' ở trên 'title: %s'",
                      k->deputy_title, k->head_title, pf->sign_deputy, k->head_title,
                      k->deputy_title);
        return;
    }
    /* A collective. */
    if (!tm) {
        kh_report(cx, pos,
                  "'%s' is a collective body: its plans are signed '%s %s', not '%s'; a '%s' signs under it with 'head: {prefix: %s, title: %s}'",
                  "'%s' là tập thể: kế hoạch ký '%s %s', không phải '%s'; '%s' ký dưới dòng đó với 'head: {prefix: %s, title: %s}'",
                  p->issuer.s, pf->sign_collective, k->body, or_empty(&s->prefix),
                  k->deputy_title, pf->sign_deputy, k->head_title);
        return;
    }
    if (h->pos.line) {
        if (!kh_text_empty(&h->prefix) && !in_prefixes(pf->sign_head_prefixes, h->prefix.s))
            kh_report(cx, h->prefix.pos,
                      "under '%s %s' a deputy signs for the head as '%s %s', not '%s'",
                      "dưới '%s %s' cấp phó ký thay cấp trưởng là '%s %s', không phải '%s'",
                      pf->sign_collective, k->body, pf->sign_head_prefixes[0], k->head_title,
                      h->prefix.s);
        /* a title the profile does not know is R-SIGN-TITLE's (spelling) */
        if (!kh_text_empty(&h->title) && !same(h->title.s, k->head_title) &&
            in_list(pf->sign_titles, h->title.s))
            kh_report(cx, h->title.pos,
                      "under '%s %s' the head line names the head, '%s': write 'title: %s' in 'head', not '%s'",
                      "dưới '%s %s' dòng 'head' ghi chức vụ người đứng đầu là '%s': ghi 'title: %s' trong 'head', không phải '%s'",
                      pf->sign_collective, k->body, k->head_title, k->head_title, h->title.s);
        if (same(s->title.s, k->head_title))
            kh_report(cx, h->pos,
                      "the '%s' signs '%s %s' / '%s' with no 'head' line; '%s %s' is for a deputy ('%s')",
                      "'%s' ký '%s %s' / '%s', không có dòng 'head'; '%s %s' dành cho cấp phó ('%s')",
                      k->head_title, pf->sign_collective, k->body, k->head_title,
                      pf->sign_head_prefixes[0] ? pf->sign_head_prefixes[0] : "",
                      k->head_title, k->deputy_title);
    } else if (same(s->title.s, k->deputy_title)) {
        kh_report(cx, s->title.pos,
                  "a '%s' signs for the '%s': add 'head: {prefix: %s, title: %s}' under '%s %s'",
                  "'%s' ký thay '%s': thêm 'head: {prefix: %s, title: %s}' dưới '%s %s'",
                  k->deputy_title, k->head_title,
                  pf->sign_head_prefixes[0] ? pf->sign_head_prefixes[0] : pf->sign_deputy,
                  k->head_title, pf->sign_collective, k->body);
    }
}

/* R-SIGN-ISSUER-MATCH, state: the body after TM. is the issuer's kind
 * (`TM. ỦY BAN NHÂN DÂN` for an Ủy ban nhân dân), and a deputy's `KT.`
 * names the head of that issuer (`KT. GIÁM ĐỐC` for a Sở). */
void kh_state_sign_issuer_match(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const kh_signature *s = &p->signature;
    const kh_issuer_kind *k = kh_issuer_kind_of(pf, p->issuer.s);
    if (!k || kh_text_empty(&s->prefix) || kh_text_empty(&s->body))
        return;
    bool tm = same_prefix(s->prefix.s, pf->sign_collective);
    if (tm && k->body && !same(s->body.s, k->body))
        kh_report(cx, s->body.pos,
                  "the plan of '%s' is signed on behalf of '%s'; it signs '%s %s'",
                  "kế hoạch của '%s' lại ký thay mặt '%s'; phải ký '%s %s'",
                  p->issuer.s, s->body.s, pf->sign_collective, k->body);
    else if (!tm && !k->body && !same(s->body.s, k->head_title))
        kh_report(cx, s->body.pos,
                  "the head of '%s' is the %s: write '%s %s', not '%s %s'",
                  "người đứng đầu '%s' là %s: ghi '%s %s', không phải '%s %s'",
                  p->issuer.s, k->head_title, s->prefix.s, k->head_title, s->prefix.s,
                  s->body.s);
}

/* R-SIGN-TITLE's head line: a known title (whether it is the right head
 * for the issuer is R-SIGN-COLLECTIVE's). */
void kh_state_sign_head_title(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const kh_text *t = &p->signature.head.title;
    if (!kh_text_empty(t) && !in_list(pf->sign_titles, t->s))
        kh_report(cx, t->pos,
                  "'%s' is not a known chức vụ (%s, %s, %s …); check the spelling",
                  "'%s' không phải chức vụ quen dùng (%s, %s, %s …); kiểm tra lại",
                  t->s, pf->sign_titles[0], pf->sign_titles[1], pf->sign_titles[2]);
}
