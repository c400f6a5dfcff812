/* rules_citations.c — catalogue B.5 (citations of other documents): the
 * numbers and dates of the documents the plan cites, in the text and in
 * `implements:`. Every citation of the plan is collected once per check in
 * reading order (implements first, then the text) and shared by the rules
 * that judge them (kh_check_shared). */
#include <stdlib.h>
#include <string.h>

#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

typedef struct cite {
    kh_found_num n;
    kh_pos pos;          /* of the number */
    kh_pos date_pos;     /* of its date, when given */
    char body[200];      /* the issuing body named with it */
    kh_pos body_pos;     /* of that name; line 0 when not in the text */
    bool from_implements;
    bool placeholder;    /* a blank number marked `…-KH/TU`: R-BLANK's */
    bool in_title;       /* in the trích yếu, or an implements: subject (the
                          * cited document's own): they name it briefly */
    bool in_basis;       /* in a căn cứ line: its own style (long dates) */
    char text[200];      /* the citation as written, for messages */
    int named_type;      /* doc_types[] the words before `số` name, or -1 */
    kh_pos type_pos;     /* of those words */
} cite;

/* The names of the kinds of document and the type code each one's number
 * carries (HD 36 Phụ lục 1 for the Party's; NĐ 30 Phụ lục III for the
 * state's), longest first where one name begins another. */
static const struct { const char *name, *code; } doc_types[] = {
    {"Thông tư liên tịch", "TTLT"}, {"Nghị quyết liên tịch", "NQLT"},
    {"Nghị định", "NĐ"},  {"Nghị quyết", "NQ"}, {"Quyết định", "QĐ"}, {"Thông tư", "TT"},
    {"Chỉ thị", "CT"},    {"Kế hoạch", "KH"},   {"Hướng dẫn", "HD"},  {"Kết luận", "KL"},
    {"Quy định", "QĐ"},   {"Thông báo", "TB"},  {"Báo cáo", "BC"},    {"Quy chế", "QC"},
    {"Chương trình", "CTr"}, {"Đề án", "ĐA"},   {"Tờ trình", "TTr"},  {"Công điện", "CĐ"},
};

/* The kind whose name ends right before s[at] with a space between, its
 * first letter in either case; -1 when none; *from its start. */
static int kind_ending_at(const char *s, size_t at, size_t *from)
{
    for (size_t k = 0; k < sizeof doc_types / sizeof doc_types[0]; k++) {
        size_t n = strlen(doc_types[k].name);
        if (at < n + 1 || s[at - 1] != ' ')
            continue;
        size_t a = at - 1 - n;
        if (kh_find_word_ci1(s + a, n, 0, doc_types[k].name) == 0 && kh_word_start(s, a)) {
            *from = a;
            return (int)k;
        }
    }
    return -1;
}

/* The kind of document named right before `số` at s[at] (`Thông tư số`);
 * -1 when none, or when it is the second word of a longer kind (`Thông báo
 * kết luận số 83-TB/TW`: a Thông báo). *from its start. */
static int type_named_before(const char *s, size_t at, size_t *from)
{
    size_t outer;
    int k = kind_ending_at(s, at, from);
    return k >= 0 && *from > 0 && kind_ending_at(s, *from, &outer) >= 0 ? -1 : k;
}

typedef struct kh_cites {
    cite *v;
    size_t n, cap;
} cites;

static cite *push(cites *c)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->v = kh_xrealloc(c->v, c->cap * sizeof *c->v);
    }
    memset(&c->v[c->n], 0, sizeof c->v[0]);
    c->v[c->n].named_type = -1;
    return &c->v[c->n++];
}

/* Whether the blank number at s[start] follows a placeholder ('…' or
 * '...'), as templates leave it: `Kế hoạch số …-KH/TU`. */
static bool after_placeholder(const char *s, size_t start)
{
    return (start >= 3 && !memcmp(s + start - 3, "\xE2\x80\xA6", 3)) ||
           (start >= 3 && !memcmp(s + start - 3, "...", 3));
}

static void collect_para(const kh_para *pa, void *ctx)
{
    cites *c = ctx;
    kh_found_num n;
    for (size_t i = 0; kh_next_docnum(pa->s, pa->len, i, &n); i = n.end) {
        if (pa->field->kind == KH_F_NUMBER)
            continue;
        cite *x = push(c);
        x->n = n;
        x->pos = kh_para_pos(pa, n.start);
        x->placeholder = n.value < 0 && after_placeholder(pa->s, n.start);
        size_t tf = 0;
        x->named_type = n.has_so ? type_named_before(pa->s, n.cite_start, &tf) : -1;
        if (x->named_type >= 0)
            x->type_pos = kh_para_pos(pa, tf);
        x->in_title = pa->field->kind == KH_F_TITLE || pa->field->kind == KH_F_CITATION;
        x->in_basis = pa->field->kind == KH_F_BASIS;
        if (n.has_date)
            x->date_pos = kh_para_pos(pa, n.date.start);
        if (n.body_end > n.body_start)
            x->body_pos = kh_para_pos(pa, n.body_start);
        if (n.body_end > n.body_start)
            snprintf(x->body, sizeof x->body, "%.*s",
                     kh_cut(pa->s + n.body_start, n.body_end - n.body_start, sizeof x->body - 1),
                     pa->s + n.body_start);
        size_t e = n.has_date ? n.date.end : n.end;
        snprintf(x->text, sizeof x->text, "%.*s",
                 kh_cut(pa->s + n.cite_start, e - n.cite_start, sizeof x->text - 1),
                 pa->s + n.cite_start);
    }
}

/* implements: entries as citations. */
static void collect_implements(const kh_plan *p, cites *c)
{
    for (size_t i = 0; i < p->n_implements; i++) {
        const kh_citation *ci = &p->implements[i];
        if (!ci->number.s)
            continue;
        kh_found_num n;
        size_t len = strlen(ci->number.s);
        if (!kh_next_docnum(ci->number.s, len, 0, &n))
            continue;
        cite *x = push(c);
        x->n = n;
        x->n.has_so = true;
        x->from_implements = true;
        x->placeholder = n.value < 0 && after_placeholder(ci->number.s, n.start);
        x->pos = ci->number.pos;
        if (kh_date_is_full(ci->date.date)) {
            x->n.has_date = true;
            x->n.date.date = ci->date.date;
            x->n.date.valid = true;
            x->date_pos = ci->date.raw.pos;
        }
        if (ci->issuer.s) {
            snprintf(x->body, sizeof x->body, "%.*s",
                     kh_cut(ci->issuer.s, strlen(ci->issuer.s), sizeof x->body - 1), ci->issuer.s);
            x->body_pos = ci->issuer.pos;
        }
        snprintf(x->text, sizeof x->text, "%.*s",
                 kh_cut(ci->number.s, strlen(ci->number.s), sizeof x->text - 1), ci->number.s);
    }
}

/* The plan's citations, collected by the first rule that asks. */
static const cites *collect(const kh_plan *p, kh_rule_ctx *cx)
{
    if (!cx->shared->cites) {
        cites *c = kh_xcalloc(1, sizeof *c);
        collect_implements(p, c);
        kh_walk_paras(cx, KH_PROSE_FIELDS | (1u << KH_F_CITATION), collect_para, c);
        /* "Trên đây là Kế hoạch … thực hiện Nghị quyết số 71-NQ/TW của Chi
         * bộ X" in a plan of Chi bộ X: the body named is the plan's own
         * issuer, and "của …" names the plan's author, not the resolution's
         * when the number's code is not that body's. Not an attribution. */
        char *own = p->issuer.s ? kh_fold(p->issuer.s) : NULL;
        for (size_t i = 0; own && i < c->n; i++) {
            cite *x = &c->v[i];
            char want[32];
            if (x->from_implements || !x->body[0] || kh_issuer_code_fits(x->body, x->n.code, want))
                continue;
            char *b = kh_fold(x->body);
            if (!strncmp(b, own, strlen(own)))
                x->body[0] = '\0';
            free(b);
        }
        free(own);
        cx->shared->cites = c;
    }
    return cx->shared->cites;
}

void kh_cites_free(cites *c)
{
    if (c)
        free(c->v);
    free(c);
}

/* ---- rules ---- */

/* A number with its year whose separators are mixed up: `93-2025/QH15`,
 * `93/2025-QH15`, `13-2023/NĐ-CP` for the state form N/yyyy/XX (NĐ 30,
 * Phụ lục III: the number, the year and the code, each after a '/'). It
 * is no number of either form, so kh_next_docnum passes it by: digits,
 * '-' or '/', a year, '-' or '/', a capital; not both '/'. Returns its
 * end (0: none) and where the code starts. */
static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t mixed_number_at(const char *s, size_t len, size_t i, size_t *code)
{
    if ((i > 0 && (digit(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '-')) || !kh_word_start(s, i))
        return 0;
    size_t j = i;
    while (j < len && j - i < 6 && digit(s[j]))
        j++;
    if (j == i || j >= len || (s[j] != '-' && s[j] != '/'))
        return 0;
    char sep1 = s[j++];
    size_t y = j;
    while (j < len && j - y < 5 && digit(s[j]))
        j++;
    int year = j - y == 4 ? atoi(s + y) : 0;
    if (year < 1945 || year > 2999 || j >= len || (s[j] != '-' && s[j] != '/'))
        return 0;
    char sep2 = s[j++];
    if ((sep1 == '/' && sep2 == '/') || j >= len || !kh_is_upper_at(s, len, j))
        return 0;
    *code = j;
    size_t e = j;
    while (e < len && s[e] != ' ' && s[e] != ',' && s[e] != ';' && s[e] != ')' &&
           !(s[e] == '.' && (e + 1 == len || s[e + 1] == ' ')))
        e++;
    return e;
}

static void mixed_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    const char *s = pa->s;
    for (size_t i = kh_skip_to(s, pa->len, 0, KH_DIGITS); i < pa->len;
         i = kh_skip_to(s, pa->len, i + 1, KH_DIGITS)) {
        size_t code = 0, e = mixed_number_at(s, pa->len, i, &code);
        if (!e)
            continue;
        char fix[80];
        snprintf(fix, sizeof fix, "%d/%.4s/%.*s", atoi(s + i), s + code - 5, (int)(e - code) > 40 ? 40 : (int)(e - code),
                 s + code);
        kh_report(cx, kh_para_pos(pa, i),
                  "'%.*s' is a number of neither form: a state number with its year reads N/yyyy/XX; write '%s'",
                  "'%.*s' không đúng dạng số ký hiệu nào: số văn bản nhà nước có năm viết dạng N/yyyy/XX; viết '%s'",
                  (int)(e - i), s + i, fix);
        i = e;
    }
}

void rule_ref_format(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, KH_PROSE_FIELDS, mixed_para, cx);
    const cites *c = collect(p, cx);
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        if (x->placeholder)
            continue; /* a blank to fill: R-BLANK reports it */
        if (x->n.value < 0)
            kh_report(cx, x->pos,
                      "the citation '%s' has no number before '%s'; write the number the document bears",
                      "văn bản được dẫn '%s' thiếu số trước '%s'; ghi đúng số của văn bản đó",
                      x->text, x->n.num);
        else if (x->n.spaced && x->n.state_form)
            kh_report(cx, x->pos,
                      "cited number '%s' is not of the form N/XX-YYY (no spaces around '/' and '-'); write '%s'",
                      "số ký hiệu được dẫn '%s' không đúng dạng N/XX-YYY (không dấu cách quanh '/' và '-'); viết '%s'",
                      x->text, x->n.num);
        else if (x->n.spaced)
            kh_report(cx, x->pos,
                      "cited number '%s' is not of the form N-XX/YYY (no spaces, one hyphen, one slash); write '%s'",
                      "số ký hiệu được dẫn '%s' không đúng dạng N-XX/YYY (không dấu cách, một gạch nối, một gạch chéo); viết '%s'",
                      x->text, x->n.num);
        else if (x->named_type >= 0 && x->n.type[0] &&
                 strcmp(x->n.type, doc_types[x->named_type].code))
            kh_report(cx, x->type_pos,
                      "a %s is numbered with the type code '%s', but '%s' is the code of another kind: write '%s' in its number, or the kind it is",
                      "%s có ký hiệu tên loại là '%s', nhưng '%s' là ký hiệu của loại văn bản khác: sửa ký hiệu thành '%s', hoặc sửa tên loại",
                      doc_types[x->named_type].name, doc_types[x->named_type].code, x->n.type,
                      doc_types[x->named_type].code);
        else if (x->n.year && x->n.has_date && x->n.date.valid && x->n.date.date.year != x->n.year)
            kh_report(cx, x->date_pos,
                      "%s carries the year %d in its number but is dated %d; the number of a state document holds the year it is issued: correct the one that is wrong",
                      "%s có năm %d trong số ký hiệu nhưng ghi ngày ban hành năm %d; số ký hiệu văn bản nhà nước gồm năm ban hành: sửa chỗ sai",
                      x->n.num, x->n.year, x->n.date.date.year);
        else if (!x->n.has_so && !x->from_implements)
            kh_report(cx, x->pos,
                      "a cited document is written '<Type> số %s ngày d/m/yyyy của <body>': add 'số' before the number",
                      "văn bản được dẫn viết '<Tên loại> số %s ngày d/m/yyyy của <cơ quan>': thêm 'số' trước số ký hiệu",
                      x->n.num);
    }
}

void rule_ref_date_valid(const kh_plan *p, kh_rule_ctx *cx)
{
    const cites *c = collect(p, cx);
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        if (!x->n.has_date || x->n.date.valid)
            continue;
        char other[48] = "";
        for (size_t j = 0; j < c->n; j++)
            if (j != i && !strcmp(c->v[j].n.num, x->n.num) && c->v[j].n.has_date &&
                c->v[j].n.date.valid)
                kh_date_fmt_short(c->v[j].n.date.date, other);
        if (other[0])
            kh_report(cx, x->date_pos,
                      "the date of %s is not a real date; write the date the document bears (cited elsewhere as %s)",
                      "ngày của văn bản %s không phải ngày có thật; ghi đúng ngày ban hành văn bản đó (chỗ khác ghi %s)",
                      x->n.num, other);
        else
            kh_report(cx, x->date_pos,
                      "the date of %s is not a real date; write the date the document bears",
                      "ngày của văn bản %s không phải ngày có thật; ghi đúng ngày ban hành văn bản đó",
                      x->n.num);
    }
}

void rule_ref_consistent(const kh_plan *p, kh_rule_ctx *cx)
{
    const cites *c = collect(p, cx);
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        if (!x->n.has_date || x->n.value < 0)
            continue;
        for (size_t j = 0; j < i; j++) {
            const cite *y = &c->v[j];
            if (!y->n.has_date || strcmp(x->n.num, y->n.num))
                continue;
            kh_date a = x->n.date.date, b = y->n.date.date;
            if (a.year == b.year && a.month == b.month && a.day == b.day)
                continue;
            char da[48], db[48];
            snprintf(da, sizeof da, "%d/%d/%d", a.day, a.month, a.year);
            snprintf(db, sizeof db, "%d/%d/%d", b.day, b.month, b.year);
            kh_report(cx, x->date_pos,
                      "%1$s is dated %2$s here but %3$s before; one document has one date: correct the wrong one",
                      "văn bản %1$s ở đây ghi ngày %2$s nhưng trước đó ghi %3$s; một văn bản chỉ có một ngày: sửa chỗ sai",
                      x->n.num, da, db);
            kh_report_note(cx, NULL, y->date_pos, "%s dated %s here", "%s ghi ngày %s ở đây",
                           x->n.num, db);
            break;
        }
    }
}

void rule_ref_before_issue(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_date issue = p->date.date;
    if (!kh_date_is_set(issue))
        return;
    const cites *c = collect(p, cx);
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        if (!x->n.has_date || !x->n.date.valid)
            continue;
        kh_date d = x->n.date.date;
        bool after = issue.day ? kh_date_cmp(d, issue) > 0
                               : (d.year * 12 + d.month > issue.year * 12 + issue.month);
        if (after) {
            char a[48], b[48];
            kh_report(cx, x->date_pos,
                      "%s is dated %s, after this plan's issue date %s: a plan cannot cite a later document; check both dates",
                      "văn bản %s ghi ngày %s, sau ngày ban hành kế hoạch này (%s): không thể dẫn văn bản ban hành sau; kiểm tra lại hai ngày",
                      x->n.num, kh_date_fmt_short(d, a),
                      issue.day ? kh_date_fmt_short(issue, b) : kh_date_fmt_long(issue, b));
        }
    }
    /* `implements:` entries whose number is not in the party form (a state
     * document, `05/KH-UBND`) are not among the citations: their date is
     * judged here, from the typed value. */
    for (size_t i = 0; i < p->n_implements; i++) {
        const kh_citation *ci = &p->implements[i];
        kh_found_num n;
        if (!ci->number.s || kh_next_docnum(ci->number.s, strlen(ci->number.s), 0, &n) ||
            !kh_date_is_full(ci->date.date))
            continue;
        kh_date d = ci->date.date;
        bool after = issue.day ? kh_date_cmp(d, issue) > 0
                               : (d.year * 12 + d.month > issue.year * 12 + issue.month);
        if (after) {
            char a[48], b[48];
            kh_report(cx, ci->date.raw.pos,
                      "%s is dated %s, after this plan's issue date %s: a plan cannot cite a later document; check both dates",
                      "văn bản %s ghi ngày %s, sau ngày ban hành kế hoạch này (%s): không thể dẫn văn bản ban hành sau; kiểm tra lại hai ngày",
                      ci->number.s, kh_date_fmt_short(d, a),
                      issue.day ? kh_date_fmt_short(issue, b) : kh_date_fmt_long(issue, b));
        }
    }
}

/* A state number's code UBND or HĐND belongs to an Ủy ban nhân dân or a
 * Hội đồng nhân dân (NĐ 30/2020, Phụ lục III): 865/KH-UBND attributed to a
 * Ban An toàn giao thông names another issuer. A body that is part of one
 * (its Chủ tịch, its Văn phòng) is not judged. */
static const char *state_code_body(const char *code, const char *body)
{
    static const struct { const char *code, *name, *abbr, *shown; } kinds[] = {
        {"UBND", "ủy ban nhân dân", "ubnd", "Ủy ban nhân dân"},
        {"HĐND", "hội đồng nhân dân", "hđnd", "Hội đồng nhân dân"}};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        if (strcmp(code, kinds[k].code))
            continue;
        char *f = kh_fold(body);
        bool ok = strstr(f, kinds[k].name) || strstr(f, kinds[k].abbr);
        free(f);
        return ok ? NULL : kinds[k].shown;
    }
    return NULL;
}

void rule_ref_issuer_code(const kh_plan *p, kh_rule_ctx *cx)
{
    const cites *c = collect(p, cx);
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        char want[32];
        const char *kind = x->body[0] && x->n.value >= 0 && x->n.state_form
                               ? state_code_body(x->n.code, x->body)
                               : NULL;
        if (kind) {
            bool seen = false;
            for (size_t j = 0; j < i; j++)
                seen |= !strcmp(c->v[j].n.num, x->n.num) && !strcmp(c->v[j].body, x->body);
            if (!seen)
                kh_report(cx, x->body_pos.line ? x->body_pos : x->pos,
                          "%s carries the code '%s' of an %s, but it is attributed to '%s'; correct the number or the body",
                          "văn bản %s mang ký hiệu '%s' của %s nhưng được ghi là của '%s'; sửa số ký hiệu hoặc tên cơ quan",
                          x->n.num, x->n.code, kind, x->body);
            continue;
        }
        if (!x->body[0] || x->n.value < 0 || x->n.state_form || !kh_issuer_code_for(x->body, want))
            continue;
        if (kh_issuer_code_fits(x->body, x->n.code, want))
            continue;
        /* One report per number and body. */
        bool seen = false;
        for (size_t j = 0; j < i; j++)
            seen |= !strcmp(c->v[j].n.num, x->n.num) && !strcmp(c->v[j].body, x->body);
        if (!seen)
            kh_report(cx, x->pos,
                      "%s carries the code '%s', but it is attributed to '%s', whose code is '%s'; correct the number or the body",
                      "văn bản %s mang ký hiệu '%s' nhưng được ghi là của '%s' (ký hiệu đúng là '%s'); sửa số ký hiệu hoặc tên cơ quan",
                      x->n.num, x->n.code, x->body, want);
    }
}

void rule_ref_date_missing(const kh_plan *p, kh_rule_ctx *cx)
{
    const cites *c = collect(p, cx);
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        /* The trích yếu names the document it carries out briefly (its
         * date comes with the first citation of the text, NĐ 30's "viện
         * dẫn lần đầu"), so it neither needs a date nor counts as first. */
        if (x->from_implements || x->in_title || x->n.value < 0 || x->n.law)
            continue; /* a law is cited by its name alone (NĐ 30 Phụ lục I) */
        bool first = true;
        for (size_t j = 0; j < i; j++)
            first &= c->v[j].from_implements || c->v[j].in_title || strcmp(c->v[j].n.num, x->n.num);
        if (first && !x->n.has_date)
            kh_report(cx, x->pos,
                      "the first citation of %s gives no date; write it in full: '… số %s ngày d/m/yyyy của …'",
                      "lần dẫn đầu tiên văn bản %s không ghi ngày; ghi đầy đủ: '… số %s ngày d/m/yyyy của …'",
                      x->n.num, x->n.num);
    }
}

void rule_ref_style(const kh_plan *p, kh_rule_ctx *cx)
{
    const cites *c = collect(p, cx);
    const cite *ref = NULL;
    const char *form = kh_profile_get(p->profile)->number_form;
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        /* Căn cứ lines are a list of their own, often with long dates. */
        if (x->from_implements || x->in_basis || !x->n.has_date)
            continue;
        if (!ref) {
            ref = x;
            continue;
        }
        bool long_differs = x->n.date.long_form != ref->n.date.long_form;
        bool comma_differs = x->n.comma_before_date != ref->n.comma_before_date;
        if (!long_differs && !comma_differs)
            continue;
        kh_report(cx, x->pos,
                  "citation written '%1$s' but '%2$s' before; use one style: '<Type> số %3$s ngày d/m/yyyy của <body>'",
                  "văn bản dẫn viết '%1$s' nhưng trước đó viết '%2$s'; dùng một cách viết: '<Tên loại> số %3$s ngày d/m/yyyy của <cơ quan>'",
                  x->text, ref->text, form);
        kh_report_note(cx, NULL, ref->pos, "the first citation, written this way",
                       "văn bản dẫn đầu tiên, viết theo cách này");
    }
}

/* ---- the form of a number by its issuer, the same document alike ---- */

static bool folded_has_word(const char *f, const char *w)
{
    for (const char *h = strstr(f, w); h; h = strstr(h + 1, w))
        if ((h == f || h[-1] == ' ') && (h[strlen(w)] == '\0' || h[strlen(w)] == ' '))
            return true;
    return false;
}

/* The profile whose bodies the name names (its body_words), or -1 when it
 * names none, or both (`Ban cán sự đảng Ủy ban nhân dân tỉnh`). */
static int body_profile(const char *body)
{
    char *f = kh_fold(body);
    int found = -1;
    for (int id = KH_PROFILE_PARTY; id <= KH_PROFILE_STATE; id++) {
        const kh_profile *pf = kh_profile_get((kh_profile_id)id);
        bool hit = false;
        for (size_t i = 0; pf->body_words[i] && !hit; i++)
            hit = folded_has_word(f, pf->body_words[i]);
        if (hit)
            found = found < 0 ? id : -2;
    }
    free(f);
    return found < 0 ? -1 : found;
}

/* The profile whose codes end (party) or start (state) the symbol, when no
 * body is named: `…/HU`, `…/KH-UBND`. */
static int code_profile(const kh_found_num *n)
{
    const char *code = n->code;
    const kh_profile *party = kh_profile_get(KH_PROFILE_PARTY);
    const kh_profile *state = kh_profile_get(KH_PROFILE_STATE);
    if (n->state_form) {
        size_t cl = strlen(code);
        for (size_t i = 0; party->body_codes[i]; i++) {
            size_t k = strlen(party->body_codes[i]);
            if (cl >= k && !strcmp(code + cl - k, party->body_codes[i]))
                return KH_PROFILE_PARTY;
        }
    } else {
        for (size_t i = 0; state->body_codes[i]; i++)
            if (!strcmp(code, state->body_codes[i]))
                return KH_PROFILE_STATE;
    }
    return -1;
}

void rule_ref_form(const kh_plan *p, kh_rule_ctx *cx)
{
    const cites *c = collect(p, cx);
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        if (x->n.value < 0 || x->n.year || x->n.law || !x->n.type[0])
            continue;
        int by = x->body[0] ? body_profile(x->body) : code_profile(&x->n);
        int form = x->n.state_form ? KH_PROFILE_STATE : KH_PROFILE_PARTY;
        if (by < 0 || by == form)
            continue;
        bool seen = false;
        for (size_t j = 0; j < i; j++)
            seen |= !strcmp(c->v[j].n.num, x->n.num);
        if (seen)
            continue;
        const kh_profile *want = kh_profile_get((kh_profile_id)by);
        char fix[64];
        if (by == KH_PROFILE_STATE)
            snprintf(fix, sizeof fix, "%d/%s-%s", x->n.value, x->n.type, x->n.code);
        else
            snprintf(fix, sizeof fix, "%d-%s/%s", x->n.value, x->n.type, x->n.code);
        const char *who = x->body[0] ? x->body : x->n.code;
        if (by == KH_PROFILE_STATE)
            kh_report(cx, x->pos,
                      "%1$s is written in the Party form, but '%2$s' is a state body, whose numbers read %3$s: write '%4$s'",
                      "số %1$s viết theo thể thức của Đảng, nhưng '%2$s' là cơ quan nhà nước, số văn bản viết dạng %3$s: viết '%4$s'",
                      x->n.num, who, want->number_form, fix);
        else
            kh_report(cx, x->pos,
                      "%1$s is written in the state form, but '%2$s' is a Party body, whose numbers read %3$s: write '%4$s'",
                      "số %1$s viết theo thể thức nhà nước, nhưng '%2$s' là cơ quan của Đảng, số văn bản viết dạng %3$s: viết '%4$s'",
                      x->n.num, who, want->number_form, fix);
    }
}

/* The administrative level named after a state body's kind (`… nhân dân
 * tỉnh`), into lvl; false when none. */
static bool state_level(const char *f, char *lvl, size_t n)
{
    static const char *const kinds[] = {"ủy ban nhân dân ", "hội đồng nhân dân ", "ubnd ", "hđnd "};
    static const char *const levels[] = {"tỉnh", "huyện", "quận", "thị xã", "thành phố", "xã",
                                         "phường", "thị trấn", "tp"};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        const char *h = strstr(f, kinds[i]);
        if (!h)
            continue;
        h += strlen(kinds[i]);
        for (size_t j = 0; j < sizeof levels / sizeof levels[0]; j++) {
            size_t k = strlen(levels[j]);
            if (!strncmp(h, levels[j], k) && (h[k] == '\0' || h[k] == ' ' || h[k] == '.')) {
                snprintf(lvl, n, "%s%s", i % 2 ? "hđnd " : "ubnd ",
                         j == 8 ? "thành phố" : levels[j]);
                return true;
            }
        }
    }
    return false;
}

/* Whether two names can be one issuer: a Party body's code fits the other
 * name (`Tỉnh ủy` and `Ban Thường vụ Tỉnh ủy`), a state body's kind and
 * level agree; a name neither kind of judge says nothing. */
/* The level word a party body's name holds ("tỉnh ủy", "thành ủy" …), and
 * the name of its ban ("ban tuyên giáo"; not the committee's own "ban
 * thường vụ", "ban chấp hành"): two citations of one document naming
 * different ones name different bodies, whatever their codes allow
 * (BTGTU fits both a Tỉnh ủy's and a Thành ủy's Ban Tuyên giáo). */
static const char *party_level(const char *f)
{
    static const char *const levels[] = {"tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy",
                                         "đảng ủy"};
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
        if (strstr(f, levels[i]))
            return levels[i];
    return NULL;
}

static size_t ban_name(const char *f, const char *level)
{
    if (strncmp(f, "ban ", 4) || !strncmp(f, "ban thường vụ", strlen("ban thường vụ")) ||
        !strncmp(f, "ban chấp hành", strlen("ban chấp hành")))
        return 0;
    const char *at = level ? strstr(f, level) : NULL;
    return at ? (size_t)(at - f) : 0;
}

static bool party_bodies_differ(const char *a, const char *b)
{
    char *fa = kh_fold(a), *fb = kh_fold(b);
    const char *la = party_level(fa), *lb = party_level(fb);
    bool differ = false;
    if (la && lb && strcmp(la, lb))
        differ = true;
    else if (la && lb) {
        size_t na = ban_name(fa, la), nb = ban_name(fb, lb);
        differ = na && nb && (na != nb || strncmp(fa, fb, na));
    }
    free(fa);
    free(fb);
    return differ;
}

static bool same_issuer(const char *a, const char *b)
{
    int ca0 = kh_central_body(a), cb0 = kh_central_body(b);
    if (ca0 >= 0 && cb0 >= 0)
        return ca0 == cb0;
    if (party_bodies_differ(a, b))
        return false;
    char ca[32], cb[32], want[32];
    bool pa = kh_issuer_code_for(a, ca) != NULL, pb = kh_issuer_code_for(b, cb) != NULL;
    char *fa = kh_fold(a), *fb = kh_fold(b);
    char la[48], lb[48];
    bool sa = state_level(fa, la, sizeof la), sb = state_level(fb, lb, sizeof lb);
    free(fa);
    free(fb);
    if (pa && pb)
        return kh_issuer_code_fits(b, ca, want) || kh_issuer_code_fits(a, cb, want);
    if (sa && sb)
        return !strcmp(la, lb);
    if ((pa && sb && body_profile(a) == KH_PROFILE_PARTY) ||
        (sa && pb && body_profile(b) == KH_PROFILE_PARTY))
        return false;
    return true;
}

/* Citation j (earlier) disagrees with i on the issuer of one number:
 * whether another citation of it agrees with i and none with j. */
static bool odd_one_out(const cites *c, size_t i, size_t j)
{
    size_t with_i = 0, with_j = 0;
    for (size_t k = 0; k < c->n; k++) {
        const cite *z = &c->v[k];
        if (k == i || k == j || !z->body[0] || strcmp(z->n.num, c->v[i].n.num))
            continue;
        with_i += same_issuer(z->body, c->v[i].body);
        with_j += same_issuer(z->body, c->v[j].body);
    }
    return with_i > 0 && with_j == 0;
}

void rule_ref_same_doc(const kh_plan *p, kh_rule_ctx *cx)
{
    const cites *c = collect(p, cx);
    bool *told = kh_xmalloc((c->n ? c->n : 1) * sizeof *told); /* an odd one reported */
    memset(told, 0, (c->n ? c->n : 1) * sizeof *told);
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        if (x->n.value < 0)
            continue;
        for (size_t j = 0; j < i; j++) {
            const cite *y = &c->v[j];
            if (y->n.value < 0)
                continue;
            if (!strcmp(x->n.num, y->n.num)) {
                if (!x->body[0] || !y->body[0] || same_issuer(x->body, y->body))
                    continue;
                /* The earlier one is the slip when the others agree with
                 * this one and none with it (the title's issuer typed
                 * wrong, the body's three citations right). */
                if (odd_one_out(c, i, j)) {
                    if (told[j])
                        break;
                    told[j] = true;
                    const cite *t = x;
                    x = y;
                    y = t;
                }
                kh_report(cx, x->body_pos.line ? x->body_pos : x->pos,
                          "%1$s is attributed to '%2$s' here but to '%3$s' elsewhere; one document has one issuer: correct the wrong one",
                          "văn bản %1$s ở đây ghi của '%2$s' nhưng chỗ khác ghi của '%3$s'; một văn bản chỉ có một cơ quan ban hành: sửa chỗ sai",
                          x->n.num, x->body, y->body);
                kh_report_note(cx, NULL, y->body_pos.line ? y->body_pos : y->pos,
                               "%s attributed to '%s' here", "%s ghi của '%s' ở đây", y->n.num,
                               y->body);
                break;
            }
            /* One date, one type and one symbol but another number (or one
             * number and another symbol): the document implemented, or one
             * issuer named alike, cited with a slip. */
            if (!x->n.has_date || !y->n.has_date || !x->n.date.valid || !y->n.date.valid ||
                kh_date_cmp(x->n.date.date, y->n.date.date) || strcmp(x->n.type, y->n.type) ||
                x->n.state_form != y->n.state_form || x->n.year != y->n.year)
                continue;
            bool value_differs = x->n.value != y->n.value, code_differs = strcmp(x->n.code, y->n.code);
            if (value_differs == code_differs)
                continue;
            bool one_doc = x->from_implements || y->from_implements ||
                           (x->body[0] && y->body[0] && same_issuer(x->body, y->body));
            if (!one_doc)
                continue;
            char d[48];
            kh_report(cx, x->pos,
                      "the document dated %1$s is cited as %2$s here but as %3$s before; one document has one number: correct the wrong one",
                      "văn bản ngày %1$s ở đây ghi số %2$s nhưng trước đó ghi số %3$s; một văn bản chỉ có một số ký hiệu: sửa chỗ sai",
                      kh_date_fmt_short(x->n.date.date, d), x->n.num, y->n.num);
            kh_report_note(cx, NULL, y->pos, "cited as %s here", "ghi số %s ở đây", y->n.num);
            break;
        }
    }
    free(told);
}

/* For R-EVENT-AFTER-ISSUE: the latest cited date (valid ones). */
bool kh_latest_citation(const kh_plan *p, kh_rule_ctx *cx, kh_date *d, char *num, size_t n)
{
    const cites *c = collect(p, cx);
    bool any = false;
    for (size_t i = 0; i < c->n; i++) {
        const cite *x = &c->v[i];
        if (!x->n.has_date || !x->n.date.valid)
            continue;
        if (!any || kh_date_cmp(x->n.date.date, *d) > 0) {
            *d = x->n.date.date;
            snprintf(num, n, "%s", x->n.num);
            any = true;
        }
    }
    return any;
}
