/* catalogue.c — the rule table (ID, severity, profiles, summary, function)
 * and kh_check(), which runs it. A new rule is one function in the
 * rules_*.c file of its catalogue section plus one row here. */
#include <stdarg.h>
#include <string.h>

#include "kehoach/text.h"
#include "rule.h"

#define PARTY (1u << KH_PROFILE_PARTY)
#define STATE (1u << KH_PROFILE_STATE)
#define BOTH (PARTY | STATE)

/* rules_chain.c: across the chain of plans (kehoach/chain.h) */
void rule_chain_citation(const kh_plan *p, kh_rule_ctx *cx);
void rule_chain_deadline(const kh_plan *p, kh_rule_ctx *cx);
void rule_chain_window(const kh_plan *p, kh_rule_ctx *cx);
void rule_chain_tasks(const kh_plan *p, kh_rule_ctx *cx);

static const kh_rule catalogue[] = {
    /* Chain of plans: only with the implemented plan's file at hand. */
    {"R-CHAIN-CITATION", KH_ERROR, BOTH,
     "the citation of the implemented plan matches that plan's number, date, issuer and type",
     "trích dẫn kế hoạch cấp trên khớp số, ngày, cơ quan ban hành và loại văn bản của kế hoạch đó",
     rule_chain_citation},
    {"R-CHAIN-DEADLINE", KH_ERROR, BOTH,
     "reporting deadlines fall before the implemented plan's deadline for the same report",
     "hạn báo cáo sớm hơn hạn của kế hoạch cấp trên cho cùng báo cáo",
     rule_chain_deadline},
    {"R-CHAIN-WINDOW", KH_WARNING, BOTH,
     "the campaign window (schedule from/to) lies inside the implemented plan's",
     "thời gian thực hiện (schedule from/to) nằm trong thời gian của kế hoạch cấp trên",
     rule_chain_window},
    {"R-CHAIN-TASKS", KH_WARNING, BOTH,
     "what the implemented plan assigns to this plan's issuer appears in this plan",
     "nhiệm vụ kế hoạch cấp trên giao cho cơ quan ban hành có trong kế hoạch này",
     rule_chain_tasks},
    {NULL, KH_NOTE, 0, NULL, NULL, NULL}, /* sentinel; rows go above it */
};

const kh_rule *kh_rules(size_t *n)
{
    *n = sizeof catalogue / sizeof catalogue[0] - 1;
    return catalogue;
}

const kh_rule *kh_rule_find(const char *id)
{
    size_t n;
    const kh_rule *r = kh_rules(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(r[i].id, id) == 0)
            return &r[i];
    return NULL;
}

static void vreport(kh_rule_ctx *cx, kh_severity sev, kh_pos pos,
                    const char *en, const char *vi, va_list ap)
{
    kh_buf e = {0}, v = {0};
    va_list ap2;
    va_copy(ap2, ap);
    kh_buf_vprintf(&e, en, ap);
    kh_buf_vprintf(&v, vi ? vi : en, ap2);
    va_end(ap2);
    if (cx->opts && cx->opts->strict && sev == KH_WARNING)
        sev = KH_ERROR;
    kh_diag_text(cx->out, cx->plan->path, pos, sev, cx->rule->id, kh_buf_str(&e),
                 kh_buf_str(&v));
    kh_buf_free(&e);
    kh_buf_free(&v);
}

void kh_report(kh_rule_ctx *cx, kh_pos pos, const char *en, const char *vi, ...)
{
    va_list ap;
    va_start(ap, vi);
    vreport(cx, cx->rule->severity, pos, en, vi, ap);
    va_end(ap);
}

void kh_report_sev(kh_rule_ctx *cx, kh_severity sev, kh_pos pos,
                   const char *en, const char *vi, ...)
{
    va_list ap;
    va_start(ap, vi);
    vreport(cx, sev, pos, en, vi, ap);
    va_end(ap);
}

static bool switched_off(const kh_plan *p, const kh_check_opts *o, const char *id)
{
    for (size_t i = 0; o && i < o->n_off; i++)
        if (strcmp(o->off[i], id) == 0)
            return true;
    for (size_t i = 0; i < p->n_rules_off; i++)
        if (p->rules_off[i].id.s && strcmp(p->rules_off[i].id.s, id) == 0)
            return true;
    return false;
}

void kh_check(const kh_plan *p, const kh_check_opts *opts, kh_diags *out)
{
    size_t n;
    const kh_rule *rules = kh_rules(&n);
    for (size_t i = 0; i < n; i++) {
        const kh_rule *r = &rules[i];
        if (!(r->profiles & (1u << p->profile)) || switched_off(p, opts, r->id))
            continue;
        kh_rule_ctx cx = {p, r, opts, out};
        r->fn(p, &cx);
    }
}
