/* rules_numbering.c — a number across plans: an issuer gives a number once
 * in its numbering period.
 *   R-NUM-YEAR  state: documents are numbered from 01 each calendar year
 *               (NĐ 30/2020/NĐ-CP, format-rules.md D): two plans of one
 *               issuer with one number in one year is an error, reported
 *               at each plan's number when both are checked
 *   R-NUM-TERM  party: numbered per term of the cấp ủy (HD 36 point 1.3,
 *               format-rules.md B #10): the same number of one issuer less
 *               than a term (5 years) apart is a note, since a congress
 *               between the two would have started a new term
 * The other plans are those the run has at hand: kh_check_opts.peers (the
 * plans checked together), .library (--plans-dir, a tree) and the parents
 * the chain code loaded (.chain->owned), each file once. Without them
 * these rules are silent. */
#define _DEFAULT_SOURCE /* realpath */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/chain.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_num_year(const kh_plan *p, kh_rule_ctx *cx);
void rule_num_term(const kh_plan *p, kh_rule_ctx *cx);

#define TERM_YEARS 5 /* a cấp ủy's term (nhiệm kỳ) [S] S-SO */

/* A number the rules compare: a real one, not a draft's `-KH/HU`. */
static bool numbered(const kh_plan *p)
{
    const char *s = p->number.s;
    if (!s)
        return false;
    s += strspn(s, " ");
    if (!strncmp(s, "Số", strlen("Số")))
        s += strlen("Số") + strspn(s + strlen("Số"), " :");
    return *s >= '0' && *s <= '9';
}

/* Issuer names compared with case, tone placement and spacing ignored. */
static char *issuer_key(const char *s)
{
    char *f = kh_fold(s ? s : "");
    char *n = kh_chain_norm(f);
    free(f);
    return n;
}

typedef void (*pair_fn)(const kh_plan *p, const kh_plan_entry *other, kh_rule_ctx *cx);

typedef struct walk {
    const kh_plan *p;
    kh_rule_ctx *cx;
    const char *self_real;
    const char **seen; /* real paths already visited */
    size_t n_seen;
    char *issuer;      /* issuer_key of p */
    pair_fn fn;
} walk;

static void visit(walk *w, const kh_plan_set *set)
{
    for (size_t i = 0; set && i < set->n; i++) {
        const kh_plan_entry *e = &set->v[i];
        if (!e->plan || e->plan == w->p)
            continue;
        if (e->real) {
            if (w->self_real && !strcmp(e->real, w->self_real))
                continue;
            bool dup = false;
            for (size_t k = 0; k < w->n_seen && !dup; k++)
                dup = !strcmp(w->seen[k], e->real);
            if (dup)
                continue;
            w->seen = kh_xrealloc(w->seen, (w->n_seen + 1) * sizeof *w->seen);
            w->seen[w->n_seen++] = e->real;
        }
        if (e->plan->profile != w->p->profile || !numbered(e->plan) ||
            !kh_chain_same_number(e->plan->number.s, w->p->number.s))
            continue;
        char *other = issuer_key(e->plan->issuer.s);
        bool same = !strcmp(other, w->issuer);
        free(other);
        if (same)
            w->fn(w->p, e, w->cx);
    }
}

/* Call fn for every other plan of the run with p's number and issuer. */
static void each_namesake(const kh_plan *p, kh_rule_ctx *cx, pair_fn fn)
{
    const kh_check_opts *o = cx->opts;
    if (!o || !numbered(p) || kh_text_empty(&p->issuer))
        return;
    walk w = {.p = p, .cx = cx, .fn = fn};
    char *own_real = NULL;
    for (size_t i = 0; o->peers && i < o->peers->n && !w.self_real; i++)
        if (o->peers->v[i].plan == p)
            w.self_real = o->peers->v[i].real;
    if (!w.self_real && p->path && strcmp(p->path, "-"))
        w.self_real = own_real = realpath(p->path, NULL);
    w.issuer = issuer_key(p->issuer.s);
    visit(&w, o->peers);
    visit(&w, o->library);
    if (o->chain)
        visit(&w, &o->chain->owned);
    free(w.issuer);
    free(w.seen);
    free(own_real);
}

static const char *date_of(const kh_plan *p, char *buf)
{
    if (kh_date_is_full(p->date.date))
        return kh_date_fmt_short(p->date.date, buf);
    snprintf(buf, 48, "%d", p->date.date.year);
    return buf;
}

static void year_pair(const kh_plan *p, const kh_plan_entry *e, kh_rule_ctx *cx)
{
    const kh_plan *q = e->plan;
    if (!kh_date_is_set(p->date.date) || !kh_date_is_set(q->date.date) ||
        p->date.date.year != q->date.date.year)
        return;
    char d[48];
    kh_report(cx, p->number.pos,
              "number %s is also the number of %s:%u:%u, a plan of the same issuer dated %s: a state issuer numbers its documents from 01 each calendar year, so a number is given once in %d",
              "số %s trùng với số của %s:%u:%u, kế hoạch của cùng cơ quan ban hành ngày %s: văn bản nhà nước được đánh số từ 01 theo từng năm dương lịch, mỗi số chỉ cấp một lần trong năm %d",
              p->number.s, e->path, q->number.pos.line, q->number.pos.col, date_of(q, d),
              p->date.date.year);
}

void rule_num_year(const kh_plan *p, kh_rule_ctx *cx)
{
    each_namesake(p, cx, year_pair);
}

static void term_pair(const kh_plan *p, const kh_plan_entry *e, kh_rule_ctx *cx)
{
    const kh_plan *q = e->plan;
    if (!kh_date_is_set(p->date.date) || !kh_date_is_set(q->date.date))
        return;
    long gap = kh_date_is_full(p->date.date) && kh_date_is_full(q->date.date)
                   ? labs(kh_date_diff(p->date.date, q->date.date)) / 365
                   : labs((long)p->date.date.year - q->date.date.year);
    if (gap >= TERM_YEARS)
        return;
    char d[48];
    kh_report(cx, p->number.pos,
              "number %s is also the number of %s:%u:%u, a plan of the same issuer dated %s: a party committee numbers its documents from 01 per term, so unless a congress between the two began a new term one of them is misnumbered",
              "số %s trùng với số của %s:%u:%u, kế hoạch của cùng cơ quan ban hành ngày %s: văn bản của cấp ủy được đánh số từ 01 theo nhiệm kỳ, nên trừ khi giữa hai văn bản có đại hội mở đầu nhiệm kỳ mới, một trong hai văn bản bị đánh số sai",
              p->number.s, e->path, q->number.pos.line, q->number.pos.col, date_of(q, d));
}

void rule_num_term(const kh_plan *p, kh_rule_ctx *cx)
{
    each_namesake(p, cx, term_pair);
}
