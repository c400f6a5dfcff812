/* rules_signature.c — catalogue B.8 (signature and authority): the
 * authority prefix, the collective body, the agreement of the signature
 * with the text, the chức vụ, the name, and who may issue a Kế hoạch.
 * Prefixes, bodies and titles come from the profile. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

static bool in_list(const char *const *list, const char *s)
{
    char *f = kh_fold(s);
    bool r = false;
    for (size_t i = 0; list[i] && !r; i++) {
        char *g = kh_fold(list[i]);
        r = !strcmp(f, g);
        free(g);
    }
    free(f);
    return r;
}

/* The other profile's form of a prefix: `TM.` ↔ `T/M`. buf >= 16. */
static const char *prefix_fix(const kh_profile *pf, const char *s, char *buf)
{
    char letters[8];
    size_t n = 0;
    for (const char *q = s; *q && n < sizeof letters - 1; q++)
        if (*q >= 'A' && *q <= 'Z')
            letters[n++] = *q;
    letters[n] = '\0';
    for (size_t i = 0; pf->sign_prefixes[i]; i++) {
        char l2[8];
        size_t m = 0;
        for (const char *q = pf->sign_prefixes[i]; *q && m < sizeof l2 - 1; q++)
            if (*q >= 'A' && *q <= 'Z')
                l2[m++] = *q;
        l2[m] = '\0';
        if (!strcmp(letters, l2))
            return snprintf(buf, 16, "%s", pf->sign_prefixes[i]), buf;
    }
    return NULL;
}

/* One typed prefix (the first authority line's, or the head line's). */
static void check_prefix(const kh_profile *pf, const kh_text *t, kh_rule_ctx *cx)
{
    if (kh_text_empty(t) || in_list(pf->sign_prefixes, t->s))
        return;
    char fix[16];
    char *v1 = kh_vi_fmt("'%s' không phải cách ghi quyền hạn ký của thể thức {P}; viết '%s'", pf);
    char *v2 = kh_vi_fmt("'%s' không phải cách ghi quyền hạn ký của thể thức {P} (%s, %s …); sửa lại", pf);
    if (prefix_fix(pf, t->s, fix))
        kh_report(cx, t->pos, "'%s' is not a %s authority prefix; write '%s'", v1, t->s,
                  pf->name, fix);
    else
        kh_report(cx, t->pos, "'%s' is not a %s authority prefix (%s, %s …); correct it", v2,
                  t->s, pf->name, pf->sign_prefixes[0], pf->sign_prefixes[1]);
    free(v1);
    free(v2);
}

void rule_sign_prefix(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    check_prefix(pf, &p->signature.prefix, cx);
    check_prefix(pf, &p->signature.head.prefix, cx);
}

/* A collective body: a cấp ủy (its code is a level code with no organ),
 * a chi bộ, an ủy ban kiểm tra. */
static bool collective(const char *issuer)
{
    char code[32];
    if (!issuer)
        return false;
    if (kh_contains_ci(issuer, "ủy ban kiểm tra") || kh_contains_ci(issuer, "chi bộ"))
        return true;
    if (!kh_issuer_code_for(issuer, code))
        return false;
    static const char *const levels[] = {"TW", "ĐUK", "ĐU", "TU", "ThU", "HU", "QU", "CB"};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
        if (!strcmp(code, levels[i]))
            return true;
    return false;
}

void rule_sign_collective(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const kh_signature *s = &p->signature;
    if (p->profile == KH_PROFILE_STATE) {
        kh_state_sign_collective(p, cx);
        return;
    }
    /* The party signs with one authority line: no K/T under T/M [3P]. */
    if (s->head.pos.line && !pf->sign_head_prefixes[0]) {
        bool under_tm = s->prefix.s && !strcmp(s->prefix.s, pf->sign_collective);
        if (under_tm)
            kh_report(cx, s->head.pos,
                      "no second authority line under '%s': '%s' is not used under a collective body; a deputy secretary signs '%s %s' with 'title: PHÓ BÍ THƯ'; remove 'head'",
                      "không có dòng quyền hạn thứ hai dưới '%s': không dùng '%s' dưới tập thể; phó bí thư ký '%s %s' với 'title: PHÓ BÍ THƯ'; bỏ 'head'",
                      pf->sign_collective, pf->sign_deputy, pf->sign_collective,
                      s->body.s ? s->body.s : "BAN THƯỜNG VỤ");
        else
            kh_report(cx, s->head.pos,
                      "the party profile signs with one authority line ('%s TRƯỞNG BAN' / 'PHÓ TRƯỞNG BAN'); a second line ('head') is the state form (TM. … / KT. …); remove it",
                      "văn bản Đảng ghi quyền hạn ký trên một dòng ('%s TRƯỞNG BAN' / 'PHÓ TRƯỞNG BAN'); dòng thứ hai ('head') là thể thức nhà nước (TM. … / KT. …); bỏ dòng đó",
                      pf->sign_deputy);
    }
    if (!collective(p->issuer.s))
        return;
    kh_pos pos = s->prefix.s ? s->prefix.pos : s->pos;
    if (kh_text_empty(&s->prefix) || strcmp(s->prefix.s, pf->sign_collective)) {
        bool deputy = s->prefix.s && !strcmp(s->prefix.s, pf->sign_deputy);
        kh_report(cx, pos,
                  deputy ? "'%s' is a collective body: it signs '%s <BODY>' ('%s' is not used for it); write 'prefix: %s' and 'body: BAN THƯỜNG VỤ' (or BAN CHẤP HÀNH)"
                         : "'%s' is a collective body: it signs '%s <BODY>', not '%s'; write 'prefix: %s' and 'body: BAN THƯỜNG VỤ' (or BAN CHẤP HÀNH)",
                  deputy ? "'%s' là tập thể: ký '%s <TẬP THỂ>' (không dùng '%s'); ghi 'prefix: %s' và 'body: BAN THƯỜNG VỤ' (hoặc BAN CHẤP HÀNH)"
                         : "'%s' là tập thể: ký '%s <TẬP THỂ>', không phải '%s'; ghi 'prefix: %s' và 'body: BAN THƯỜNG VỤ' (hoặc BAN CHẤP HÀNH)",
                  p->issuer.s, pf->sign_collective, s->prefix.s ? s->prefix.s : "", pf->sign_collective);
        return;
    }
    if (kh_text_empty(&s->body) || !in_list(pf->sign_bodies, s->body.s))
        kh_report(cx, s->body.s ? s->body.pos : pos,
                  "after '%s' comes the collective body (%s, %s …), not '%s'",
                  "sau '%s' ghi tên tập thể (%s, %s …), không phải '%s'",
                  pf->sign_collective, pf->sign_bodies[0], pf->sign_bodies[1],
                  s->body.s ? s->body.s : "");
}

/* `Thường trực Huyện ủy xây dựng kế hoạch …`: the body the text says acts. */
typedef struct match_scan {
    kh_rule_ctx *cx;
    const char *sig_body; /* folded */
    const char *level;    /* folded level word of the issuer: `huyện ủy` */
} match_scan;

static void match_para(const kh_para *pa, void *ctx)
{
    match_scan *st = ctx;
    static const struct { const char *text, *body; } bodies[] = {
        {"Ban Thường vụ", "BAN THƯỜNG VỤ"},
        {"Thường trực", "THƯỜNG TRỰC"},
        {"Ban Chấp hành", "BAN CHẤP HÀNH"},
    };
    static const char *const verbs[] = {"xây dựng kế hoạch", "ban hành kế hoạch", "ban hành Kế hoạch",
                                        "xây dựng Kế hoạch", "yêu cầu", "đề nghị"};
    for (size_t b = 0; b < sizeof bodies / sizeof bodies[0]; b++) {
        for (size_t i = 0; (i = kh_find_word(pa->s, pa->len, i, bodies[b].text)) < pa->len; i++) {
            size_t after = i + strlen(bodies[b].text) + 1;
            if (after >= pa->len)
                break;
            char win[96];
            snprintf(win, sizeof win, "%.*s", (int)(pa->len - after < 90 ? pa->len - after : 90),
                     pa->s + after);
            char *fw = kh_fold(win);
            bool ours = !strncmp(fw, st->level, strlen(st->level));
            free(fw);
            if (!ours)
                continue;
            size_t verb_at = after + strlen(st->level);
            bool acts = false;
            for (size_t v = 0; v < sizeof verbs / sizeof verbs[0] && !acts; v++) {
                const char *hit = strstr(pa->s + verb_at, verbs[v]);
                acts = hit && (size_t)(hit - (pa->s + verb_at)) < 4;
            }
            char *fb = kh_fold(bodies[b].body);
            bool same = !strcmp(fb, st->sig_body);
            free(fb);
            if (acts && !same)
                kh_report(st->cx, kh_para_pos(pa, i),
                          "the text says '%s %.*s' acts, but the plan is signed on behalf of '%s'; make the text and the signature name the same body",
                          "nội dung ghi '%s %.*s' ban hành/chỉ đạo, nhưng kế hoạch ký thay mặt '%s'; thống nhất nội dung và chữ ký",
                          bodies[b].text, (int)strlen(st->level), pa->s + after,
                          st->cx->plan->signature.body.s);
        }
    }
}

void rule_sign_issuer_match(const kh_plan *p, kh_rule_ctx *cx)
{
    char code[32];
    if (p->profile == KH_PROFILE_STATE) {
        kh_state_sign_issuer_match(p, cx);
        return;
    }
    if (kh_text_empty(&p->signature.body) || !p->issuer.s || !kh_issuer_code_for(p->issuer.s, code))
        return;
    /* The level word of the issuer, folded: `huyện ủy`. */
    static const char *const levels[] = {"tỉnh ủy", "thành ủy", "thị ủy", "huyện ủy",
                                         "quận ủy", "đảng ủy khối", "đảng ủy"};
    char *fi = kh_fold(p->issuer.s);
    const char *level = NULL;
    for (size_t i = 0; i < sizeof levels / sizeof levels[0] && !level; i++)
        if (strstr(fi, levels[i]))
            level = levels[i];
    free(fi);
    if (!level)
        return;
    char *sb = kh_fold(p->signature.body.s);
    match_scan st = {cx, sb, level};
    kh_walk_paras(cx, (1u << KH_F_INTRO) | (1u << KH_F_CLOSING), match_para, &st);
    free(sb);
}

void rule_sign_title(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const kh_text *t = &p->signature.title;
    if (pf->sign_head_prefixes[0]) /* the head line, where the profile has one */
        kh_state_sign_head_title(p, cx);
    if (kh_text_empty(t) || in_list(pf->sign_titles, t->s))
        return;
    /* A known title followed by the body's name: `BÍ THƯ HUYỆN ỦY`. */
    char *f = kh_fold(t->s);
    const char *base = NULL;
    size_t best = 0;
    for (size_t i = 0; pf->sign_titles[i]; i++) {
        char *g = kh_fold(pf->sign_titles[i]);
        size_t n = strlen(g);
        if (!strncmp(f, g, n) && f[n] == ' ' && n > best) {
            base = pf->sign_titles[i];
            best = n;
        }
        free(g);
    }
    free(f);
    if (base)
        kh_report(cx, t->pos,
                  "the chức vụ is written without the body's name: '%s', not '%s'",
                  "chức vụ ghi không kèm tên cơ quan: '%s', không phải '%s'", base, t->s);
    else
        kh_report(cx, t->pos,
                  "'%s' is not a known chức vụ (%s, %s, %s …); check the spelling",
                  "'%s' không phải chức vụ quen dùng (%s, %s, %s …); kiểm tra lại",
                  t->s, pf->sign_titles[0], pf->sign_titles[1], pf->sign_titles[2]);
}

/* Each word of s with its first letter in capitals, the rest in lower
 * case ("trần ngọc sơn" → "Trần Ngọc Sơn"); malloc'd. */
static char *title_case(const char *s)
{
    char *low = kh_utf8_lower(s);
    kh_buf out = {0};
    size_t n = strlen(low);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = kh_utf8_decode(low + i, n - i, &cp);
        if (!k)
            k = 1;
        if (kh_word_start(low, i) && kh_is_lower_at(low, n, i)) {
            char *one = kh_strndup(low + i, k), *up = kh_utf8_upper(one);
            kh_buf_puts(&out, up);
            free(one);
            free(up);
        } else {
            kh_buf_put(&out, low + i, k);
        }
        i += k;
    }
    free(low);
    kh_buf_puts(&out, "");
    return kh_buf_take(&out);
}

void rule_sign_name(const kh_plan *p, kh_rule_ctx *cx)
{
    static const char *const honorifics[] = {"TS.", "TS ", "ThS.", "ThS ", "PGS.", "GS.", "KS.",
                                             "BS.", "CN.", "Đồng chí ", "đồng chí ", "Đ/c ",
                                             "đ/c ", "Ông ", "Bà ", "NGƯT", "NGND"};
    const kh_text *t = &p->signature.name;
    if (kh_text_empty(t)) {
        kh_report(cx, t->s ? t->pos : p->signature.pos,
                  "the signer's name is empty; write the full name ('name: Nguyễn Thanh Hà')",
                  "chưa ghi họ tên người ký; ghi đủ họ tên ('name: Nguyễn Thanh Hà')");
        return;
    }
    for (size_t i = 0; i < sizeof honorifics / sizeof honorifics[0]; i++)
        if (!strncmp(t->s, honorifics[i], strlen(honorifics[i]))) {
            const char *rest = t->s + strlen(honorifics[i]);
            rest += strspn(rest, " ");
            kh_report(cx, t->pos,
                      "no academic or honorific title before the signer's name; write '%s'",
                      "không ghi học hàm, học vị, danh hiệu trước họ tên người ký; viết '%s'", rest);
            return;
        }
    /* The name stands alone on its line: no mark after it ("Nguyễn Văn
     * Thắng." prints the full stop under the signature). */
    size_t nl = strlen(t->s);
    while (nl && t->s[nl - 1] == ' ')
        nl--;
    if (nl && strchr(".,;:", t->s[nl - 1])) {
        kh_report(cx, kh_text_locate(t, nl - 1),
                  "no punctuation after the signer's name; write '%.*s'",
                  "không có dấu câu sau họ tên người ký; viết '%.*s'", (int)(nl - 1), t->s);
        return;
    }
    /* A Vietnamese name capitalises each of its words ("Trần Ngọc Sơn"):
     * a word that starts in lower case is a slip ("trần ngọc sơn"). All
     * capitals is left alone (some offices print the name so). */
    size_t i = kh_first_lower_word(t->s);
    if (i < strlen(t->s)) {
        char *fixed = title_case(t->s);
        kh_report(cx, kh_text_locate(t, i),
                  "each word of the signer's name starts with a capital; write '%s'",
                  "mỗi tiếng trong họ tên người ký viết hoa chữ đầu; viết '%s'", fixed);
        free(fixed);
    }
}

void rule_auth_type(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    if (kh_text_empty(&p->issuer))
        return;
    for (size_t i = 0; i < sizeof pf->auth_bars / sizeof pf->auth_bars[0] &&
                       pf->auth_bars[i].start; i++)
        if (kh_find_word_ci1(p->issuer.s, strlen(p->issuer.s), 0, pf->auth_bars[i].start) == 0)
            kh_report(cx, p->issuer.pos, "'%1$s' cannot issue a Kế hoạch: %2$s%3$.0s",
                      "'%1$s' không có thẩm quyền ban hành Kế hoạch: %3$s%2$.0s", p->issuer.s,
                      pf->auth_bars[i].why_en, pf->auth_bars[i].why_vi);
}
