/* rules_chain.c — rules across the chain of plans: a plan against the
 * higher plan it implements, when that plan is a kehoach file too. The
 * parents are found and loaded by src/model/chain.c and handed over in
 * kh_check_opts.chain; without it these rules are silent.
 *   R-CHAIN-CITATION  the citation (type, number, date, issuer) matches the parent
 *   R-CHAIN-DEADLINE  the plan's reporting deadlines fall before the parent's
 *   R-CHAIN-WINDOW    the campaign window lies inside the parent's
 *   R-CHAIN-TASKS     what the parent assigns to this plan's issuer appears here */
#include <stdlib.h>
#include <string.h>

#include "kehoach/chain.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_chain_citation(const kh_plan *p, kh_rule_ctx *cx);
void rule_chain_deadline(const kh_plan *p, kh_rule_ctx *cx);
void rule_chain_window(const kh_plan *p, kh_rule_ctx *cx);
void rule_chain_tasks(const kh_plan *p, kh_rule_ctx *cx);

static const kh_chain *chain_of(kh_rule_ctx *cx)
{
    return cx->opts ? cx->opts->chain : NULL;
}

/* The first ~80 bytes of a text, without Markdown stars and `{deadline}`
 * or `{date}` markers, lines joined, cut at a UTF-8 boundary. */
static const char *excerpt(const char *s, char *buf, size_t n)
{
    const size_t max = n - 8 < 80 ? n - 8 : 80;
    size_t len = 0, i = 0;
    while (s && s[i] && len < max) {
        if (!strncmp(s + i, "{deadline}", 10) || !strncmp(s + i, "{date}", 6)) {
            i += s[i + 1] == 'd' && s[i + 2] == 'e' ? 10 : 6;
            continue;
        }
        char c = s[i++];
        if (c == '*')
            continue;
        buf[len++] = c == '\n' || c == '\r' ? ' ' : c;
    }
    if (s && s[i]) {
        /* s[i] is the first byte left out: drop a sequence cut in two */
        while (len && ((unsigned char)s[i] & 0xC0) == 0x80) {
            len--;
            i--;
        }
        memcpy(buf + len, "…", strlen("…"));
        len += strlen("…");
    }
    while (len && buf[len - 1] == ' ')
        len--;
    buf[len] = '\0';
    return buf;
}

/* ---- R-CHAIN-CITATION -------------------------------------------------- */

static bool issuer_matches(const char *cited, const kh_plan *parent)
{
    static const char *const bodies[] = {"ban thường vụ", "thường trực", "ban chấp hành",
                                         "ban thường trực", NULL};
    char *c = kh_chain_norm(cited), *is = kh_chain_norm(parent->issuer.s);
    char *body = kh_chain_norm(parent->signature.body.s);
    bool ok = !strcmp(c, is);
    size_t lc = strlen(c), li = strlen(is);
    if (!ok && li && lc > li + 1 && !strcmp(c + lc - li, is) && c[lc - li - 1] == ' ') {
        c[lc - li - 1] = '\0'; /* the collective body before the issuer */
        ok = *body && !strcmp(c, body);
        for (size_t i = 0; !ok && bodies[i]; i++)
            ok = !strcmp(c, bodies[i]);
    }
    free(c);
    free(is);
    free(body);
    return ok;
}

void rule_chain_citation(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_chain *ch = chain_of(cx);
    for (size_t i = 0; ch && i < ch->n; i++) {
        const kh_chain_link *l = &ch->v[i];
        const kh_citation *c = &p->implements[l->citation];
        const kh_plan *par = l->parent;
        char a[48], b[48];
        if (c->number.s && par->number.s && !kh_chain_same_number(c->number.s, par->number.s)) {
            kh_report(cx, c->number.pos,
                      "cites number %s, but the plan it implements is numbered %s",
                      "trích số %s, nhưng kế hoạch cấp trên mang số %s",
                      c->number.s, par->number.s);
            kh_report_note(cx, l->parent_path, par->number.pos,
                           "the number of the plan it implements", "số của kế hoạch cấp trên");
        }
        if (kh_date_is_full(c->date.date) && kh_date_is_full(par->date.date) &&
            kh_date_cmp(c->date.date, par->date.date) != 0) {
            kh_report(cx, c->date.raw.pos,
                      "cites the date %s, but the plan it implements is dated %s",
                      "trích ngày %s, nhưng kế hoạch cấp trên ban hành ngày %s",
                      kh_date_fmt_short(c->date.date, a), kh_date_fmt_short(par->date.date, b));
            kh_report_note(cx, l->parent_path, par->date.raw.pos,
                           "the date of the plan it implements", "ngày của kế hoạch cấp trên");
        }
        if (c->issuer.s && par->issuer.s && !issuer_matches(c->issuer.s, par)) {
            kh_report(cx, c->issuer.pos,
                      "cites the issuer '%s', but the plan it implements is issued by '%s'",
                      "trích cơ quan ban hành '%s', nhưng kế hoạch cấp trên do '%s' ban hành",
                      c->issuer.s, par->issuer.s);
            kh_report_note(cx, l->parent_path, par->issuer.pos,
                           "the issuer of the plan it implements",
                           "cơ quan ban hành kế hoạch cấp trên");
        }
        if (c->type.s) {
            char *ct = kh_chain_norm(c->type.s);
            char *pt = kh_chain_norm(par->doc_type.s ? par->doc_type.s : "Kế hoạch");
            if (strcmp(ct, pt) != 0)
                kh_report(cx, c->type.pos,
                          "cites a '%s', but the implemented file (%s) is a '%s'",
                          "trích loại văn bản '%s', nhưng tệp cấp trên (%s) là '%s'",
                          c->type.s, l->parent_path,
                          par->doc_type.s ? par->doc_type.s : "Kế hoạch");
            free(ct);
            free(pt);
        }
    }
}

/* ---- walking the model ------------------------------------------------- */

typedef void (*unit_fn)(const kh_unit *u, void *ctx);

static void walk_units(const kh_section *s, size_t n, unit_fn fn, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < s[i].n_units; j++)
            fn(&s[i].units[j], ctx);
        walk_units(s[i].sections, s[i].n_sections, fn, ctx);
    }
}

typedef void (*event_fn)(const kh_event *e, void *ctx);

static void walk_events(const kh_section *s, size_t n, event_fn fn, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < s[i].n_events; j++)
            fn(&s[i].events[j], ctx);
        walk_events(s[i].sections, s[i].n_sections, fn, ctx);
    }
}

/* ---- R-CHAIN-DEADLINE -------------------------------------------------- */

typedef struct parent_reports {
    const char *issuer;   /* the child's issuer */
    kh_date latest;       /* latest report deadline the parent sets for it */
    const kh_task *latest_task;
    kh_date all[64];
    kh_pos all_pos[64];
    size_t n;
} parent_reports;

static void collect_parent_reports(const kh_unit *u, void *ctx)
{
    parent_reports *r = ctx;
    if (!kh_chain_unit_addresses(u->name.s, r->issuer))
        return;
    for (size_t i = 0; i < u->n_tasks; i++) {
        const kh_task *t = &u->tasks[i];
        if (!t->report || !kh_date_is_full(kh_task_due_date(t)))
            continue;
        if (!kh_date_is_set(r->latest) || kh_date_cmp(kh_task_due_date(t), r->latest) > 0) {
            r->latest = kh_task_due_date(t);
            r->latest_task = t;
        }
        if (r->n < sizeof r->all / sizeof r->all[0]) {
            r->all_pos[r->n] = t->deadline.raw.pos;
            r->all[r->n++] = kh_task_due_date(t);
        }
    }
}

typedef struct child_deadlines {
    kh_rule_ctx *cx;
    const kh_chain_link *link;
    const parent_reports *par;
} child_deadlines;

static void check_child_unit(const kh_unit *u, void *ctx)
{
    child_deadlines *c = ctx;
    char d1[48], d2[48];
    for (size_t i = 0; i < u->n_tasks; i++) {
        const kh_task *t = &u->tasks[i];
        if (!t->report || !kh_date_is_full(kh_task_due_date(t)))
            continue;
        if (kh_date_cmp(kh_task_due_date(t), c->par->latest) > 0) {
            kh_report(c->cx, t->deadline.raw.pos,
                      "reporting deadline %s is after %s, the parent plan's deadline for this report",
                      "hạn báo cáo %s muộn hơn hạn %s mà kế hoạch cấp trên đặt cho báo cáo này",
                      kh_date_fmt_short(kh_task_due_date(t), d1),
                      kh_date_fmt_short(c->par->latest, d2));
            kh_report_note(c->cx, c->link->parent_path, c->par->latest_task->deadline.raw.pos,
                           "the parent plan's deadline", "hạn của kế hoạch cấp trên");
            continue;
        }
        for (size_t k = 0; k < c->par->n; k++)
            if (kh_date_cmp(kh_task_due_date(t), c->par->all[k]) == 0) {
                kh_report_sev(c->cx, KH_WARNING, t->deadline.raw.pos,
                              "reporting deadline %s is the parent plan's own deadline: no time is left to compile the reports",
                              "hạn báo cáo %s trùng hạn của kế hoạch cấp trên: không còn thời gian tổng hợp",
                              kh_date_fmt_short(kh_task_due_date(t), d1));
                kh_report_note(c->cx, c->link->parent_path, c->par->all_pos[k],
                               "the parent plan's deadline", "hạn của kế hoạch cấp trên");
                break;
            }
    }
}

void rule_chain_deadline(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_chain *ch = chain_of(cx);
    for (size_t i = 0; ch && p->issuer.s && i < ch->n; i++) {
        parent_reports r = {.issuer = p->issuer.s};
        walk_units(ch->v[i].parent->sections, ch->v[i].parent->n_sections,
                   collect_parent_reports, &r);
        if (!r.latest_task)
            continue;
        child_deadlines c = {cx, &ch->v[i], &r};
        walk_units(p->sections, p->n_sections, check_child_unit, &c);
    }
}

/* ---- R-CHAIN-WINDOW ---------------------------------------------------- */

void rule_chain_window(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_chain *ch = chain_of(cx);
    const kh_period *cw = &p->schedule.window;
    for (size_t i = 0; ch && i < ch->n; i++) {
        const kh_period *pw = &ch->v[i].parent->schedule.window;
        char d1[48], d2[48];
        if (kh_date_is_set(cw->from.date) && kh_date_is_set(pw->from.date) &&
            kh_date_cmp(cw->from.date, pw->from.date) < 0) {
            kh_report(cx, cw->from.raw.pos,
                      "the campaign starts on %s, before the window of the plan it implements opens (%s)",
                      "đợt thực hiện bắt đầu %s, trước thời gian của kế hoạch cấp trên (%s)",
                      kh_date_fmt_short(cw->from.date, d1), kh_date_fmt_short(pw->from.date, d2));
            kh_report_note(cx, ch->v[i].parent_path, pw->from.raw.pos,
                           "the window of the plan it implements opens here",
                           "thời gian của kế hoạch cấp trên bắt đầu ở đây");
        }
        if (kh_date_is_set(cw->to.date) && kh_date_is_set(pw->to.date) &&
            kh_date_cmp(cw->to.date, pw->to.date) > 0) {
            kh_report(cx, cw->to.raw.pos,
                      "the campaign ends on %s, after the window of the plan it implements closes (%s)",
                      "đợt thực hiện kết thúc %s, sau thời gian của kế hoạch cấp trên (%s)",
                      kh_date_fmt_short(cw->to.date, d1), kh_date_fmt_short(pw->to.date, d2));
            kh_report_note(cx, ch->v[i].parent_path, pw->to.raw.pos,
                           "the window of the plan it implements closes here",
                           "thời gian của kế hoạch cấp trên kết thúc ở đây");
        }
    }
}

/* ---- R-CHAIN-TASKS ----------------------------------------------------- */

/* The child's words, lower-cased, punctuation and digits as spaces, with a
 * space at both ends, for " word " look-ups. */
static void corpus_add(kh_buf *b, const char *s)
{
    if (!s)
        return;
    char *low = kh_utf8_lower(s);
    size_t n = 0;
    for (unsigned char *c = (unsigned char *)low; *c; c++, n++)
        if (!(*c >= 0x80 || (*c >= 'a' && *c <= 'z')))
            *c = ' ';
    kh_buf_put(b, low, n);
    kh_buf_putc(b, ' ');
    free(low);
}

static bool stopword(const char *w)
{
    static const char *const sw[] = {
        "và", "các", "của", "về", "theo", "trong", "với", "cho", "để", "có",
        "được", "là", "những", "này", "đã", "tại", "từ", "đến", "ngày", "trước",
        "năm", "tháng", "một", "khi", "thì", "như", "cùng", "đối", "sau", "vào",
        "deadline", "date", NULL};
    for (size_t i = 0; sw[i]; i++)
        if (!strcmp(w, sw[i]))
            return true;
    return false;
}

/* The corpus's distinct words, for look-ups in O(1): an open-addressing
 * table of (offset, length) into the corpus string, kept under half full.
 * Searching the corpus with strstr for every word of every parent task
 * cost a pass over the whole plan per word. */
typedef struct word_set {
    const char *base;
    struct word_slot { size_t off, len, hash; } *slot;
    size_t mask; /* capacity - 1, a power of two minus one */
    size_t n;    /* words in the table */
} word_set;

static size_t word_hash(const char *w, size_t n)
{
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 1099511628211u;
    return h;
}

/* Slot of word w[0, n) with hash h: where it is, or the empty slot where
 * it goes. */
static struct word_slot *word_slot(const word_set *ws, const char *w, size_t n, size_t h)
{
    for (size_t i = h & ws->mask;; i = (i + 1) & ws->mask) {
        struct word_slot *sl = &ws->slot[i];
        if (!sl->len || (sl->len == n && ws->base[sl->off] == w[0] &&
                         !memcmp(ws->base + sl->off, w, n)))
            return sl;
    }
}

/* Double the table when it is half full. */
static void word_set_grow(word_set *ws)
{
    word_set big = {ws->base, kh_xcalloc(2 * (ws->mask + 1), sizeof *ws->slot), 2 * ws->mask + 1, 0};
    for (size_t i = 0; i <= ws->mask; i++) {
        const struct word_slot *sl = &ws->slot[i];
        if (sl->len)
            *word_slot(&big, ws->base + sl->off, sl->len, sl->hash) = *sl;
    }
    big.n = ws->n;
    free(ws->slot);
    *ws = big;
}

/* One pass over s; words are runs of non-spaces. */
static void word_set_build(word_set *ws, const char *s)
{
    *ws = (word_set){s, kh_xcalloc(256, sizeof *ws->slot), 255, 0};
    for (size_t i = 0; s[i];) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        size_t a = i;
        while (s[i] && s[i] != ' ')
            i++;
        size_t h = word_hash(s + a, i - a);
        struct word_slot *sl = word_slot(ws, s + a, i - a, h);
        if (sl->len)
            continue;
        *sl = (struct word_slot){a, i - a, h};
        if (2 * ++ws->n > ws->mask)
            word_set_grow(ws);
    }
}

static bool word_set_has(const word_set *ws, const char *w, size_t n)
{
    return word_slot(ws, w, n, word_hash(w, n))->len != 0;
}

/* The child plan's words, built on the first parent task that needs them
 * (most parents address the child with dated tasks, which need none). */
typedef struct child_corpus {
    kh_rule_ctx *cx;
    kh_buf text;
    word_set words;
    bool built;
    size_t direct; /* words looked for in the paragraphs, before the set */
    kh_buf all, caps; /* the paragraphs joined (all, and those in capitals) */
    bool joined;
} child_corpus;

/* The child's texts the words are looked for in: the check's shared
 * paragraphs of these fields, by both ways (child_has). */
#define CHILD_FIELDS                                                          \
    ((1u << KH_F_TITLE) | (1u << KH_F_INTRO) | (1u << KH_F_SEC_TITLE) |      \
     (1u << KH_F_SEC_BODY) | (1u << KH_F_EVENT) | (1u << KH_F_UNIT_NAME) |   \
     (1u << KH_F_UNIT_BODY) | (1u << KH_F_TASK) | (1u << KH_F_CLOSING))

static void corpus_para(const kh_para *pa, void *ctx)
{
    corpus_add(ctx, pa->s);
}

static const word_set *corpus_words(child_corpus *c)
{
    if (!c->built) {
        kh_buf_putc(&c->text, ' ');
        kh_walk_paras(c->cx, CHILD_FIELDS, corpus_para, &c->text);
        word_set_build(&c->words, kh_buf_str(&c->text));
        c->built = true;
    }
    return &c->words;
}

/* A word looked for in the child's paragraphs themselves (the shared
 * paragraph index of the check, joined), the first letter in either case,
 * or all in capitals in the trích yếu or a heading (a Roman heading):
 * cheaper than building the child's word set while the parent asks for
 * few words (seed 002: 63), and bounded — past DIRECT_MAX words the set is
 * built and each look-up is O(1). */
#define DIRECT_MAX 256

/* Capitals are looked for where the plan writes them: the trích yếu and
 * the headings (running text in capitals is not a word to match). */
#define CAPS_FIELDS ((1u << KH_F_TITLE) | (1u << KH_F_SEC_TITLE))

/* The paragraphs joined by new lines (a word never spans one), once: a
 * look-up is one search of one string, not one per paragraph. */
static void join_para(const kh_para *pa, void *ctx)
{
    child_corpus *c = ctx;
    kh_buf_put(&c->all, pa->s, pa->len);
    kh_buf_putc(&c->all, '\n');
    if (CAPS_FIELDS & (1u << pa->field->kind)) {
        kh_buf_put(&c->caps, pa->s, pa->len);
        kh_buf_putc(&c->caps, '\n');
    }
}

static bool child_has(child_corpus *c, const char *w, size_t n)
{
    if (!c->built && c->direct < DIRECT_MAX) {
        c->direct++;
        if (!c->joined) {
            kh_walk_paras(c->cx, CHILD_FIELDS, join_para, c);
            c->joined = true;
        }
        char *word = kh_strndup(w, n), *up = kh_utf8_upper(word);
        const char *all = kh_buf_str(&c->all), *caps = kh_buf_str(&c->caps);
        bool found = kh_find_word_ci1(all, c->all.len, 0, word) < c->all.len ||
                     kh_find_word(caps, c->caps.len, 0, up) < c->caps.len;
        free(word);
        free(up);
        return found;
    }
    return word_set_has(corpus_words(c), w, n);
}

/* Share of the distinct content words of `text` found in the child plan;
 * -1 when the text has fewer than 3 content words (too short to judge). */
static double coverage(const char *text, child_corpus *corpus)
{
    kh_buf t = {0};
    kh_buf_putc(&t, ' ');
    corpus_add(&t, text);
    char *s = kh_buf_take(&t);
    word_set seen;
    word_set_build(&seen, s);
    size_t words = 0, found = 0;
    for (size_t k = 0; k <= seen.mask; k++) {
        const struct word_slot *sl = &seen.slot[k];
        if (sl->len < 2)
            continue;
        char w[32]; /* a stop word is short: a longer word is a content word */
        if (sl->len < sizeof w) {
            memcpy(w, s + sl->off, sl->len);
            w[sl->len] = '\0';
            if (stopword(w))
                continue;
        }
        words++;
        if (child_has(corpus, s + sl->off, sl->len))
            found++;
    }
    free(seen.slot);
    free(s);
    return words < 3 ? -1 : (double)found / (double)words;
}

#define TASKS_COVERAGE 0.6

typedef struct child_dates {
    kh_date earliest_report, earliest_any;
    const kh_event *events[256];
    size_t n_events;
} child_dates;

static void min_date(kh_date *m, kh_date d)
{
    if (kh_date_is_full(d) && (!kh_date_is_set(*m) || kh_date_cmp(d, *m) < 0))
        *m = d;
}

static void child_unit_dates(const kh_unit *u, void *ctx)
{
    child_dates *c = ctx;
    for (size_t i = 0; i < u->n_tasks; i++) {
        kh_date due = kh_task_due_date(&u->tasks[i]);
        min_date(&c->earliest_any, due);
        if (u->tasks[i].report)
            min_date(&c->earliest_report, due);
    }
}

static void child_event_dates(const kh_event *e, void *ctx)
{
    child_dates *c = ctx;
    min_date(&c->earliest_any, e->date.date);
    if (c->n_events < sizeof c->events / sizeof c->events[0])
        c->events[c->n_events++] = e;
}

typedef struct tasks_ctx {
    kh_rule_ctx *cx;
    const kh_plan *child;
    const kh_chain_link *link;
    const kh_citation *cit;
    child_corpus *corpus;
    child_dates dates;
    size_t addressed;        /* parent units addressing the child's issuer */
    const char *unit_ids[64];
    size_t n_ids;
} tasks_ctx;

static void missing_text(tasks_ctx *t, kh_pos ppos, const char *text)
{
    char ex[128];
    double cov = coverage(text, t->corpus);
    if (cov < 0 || cov >= TASKS_COVERAGE)
        return;
    kh_report(t->cx, t->cit->pos,
              "the plan it implements assigns to this plan's issuer \"%s\", which this plan does not take up",
              "kế hoạch cấp trên giao cho cơ quan ban hành kế hoạch này \"%s\", nhưng kế hoạch này không triển khai",
              excerpt(text, ex, sizeof ex));
    kh_report_note(t->cx, t->link->parent_path, ppos, "the task in the plan it implements",
                   "nhiệm vụ trong kế hoạch cấp trên");
}

static void parent_unit_tasks(const kh_unit *u, void *ctx)
{
    tasks_ctx *t = ctx;
    if (!kh_chain_unit_addresses(u->name.s, t->child->issuer.s))
        return;
    t->addressed++;
    if (u->id.s && t->n_ids < sizeof t->unit_ids / sizeof t->unit_ids[0])
        t->unit_ids[t->n_ids++] = u->id.s;
    char d[48], ex[128];
    if (!u->n_tasks && u->body.s)
        missing_text(t, u->body.pos, u->body.s);
    for (size_t i = 0; i < u->n_tasks; i++) {
        const kh_task *pt = &u->tasks[i];
        kh_date due = kh_task_due_date(pt);
        if (!kh_date_is_full(due)) {
            missing_text(t, pt->pos, pt->text.s);
            continue;
        }
        kh_date have = pt->report ? t->dates.earliest_report : t->dates.earliest_any;
        if (!kh_date_is_set(have) || kh_date_cmp(have, due) > 0) {
            kh_report(t->cx, t->cit->pos,
                      pt->report
                          ? "the plan it implements asks this plan's issuer to report by %s (\"%s\"); this plan sets no reporting deadline on or before it"
                          : "the plan it implements sets %s for this plan's issuer (\"%s\"); nothing in this plan is dated on or before it",
                      pt->report
                          ? "kế hoạch cấp trên yêu cầu cơ quan ban hành kế hoạch này báo cáo trước %s (\"%s\"); kế hoạch này không đặt hạn báo cáo nào trước ngày đó"
                          : "kế hoạch cấp trên đặt hạn %s cho cơ quan ban hành kế hoạch này (\"%s\"); kế hoạch này không có mốc nào trước ngày đó",
                      kh_date_fmt_short(due, d),
                      excerpt(pt->what.s ? pt->what.s : pt->text.s, ex, sizeof ex));
            kh_report_note(t->cx, t->link->parent_path, pt->deadline.raw.pos,
                           "the deadline in the plan it implements", "hạn trong kế hoạch cấp trên");
        }
    }
}

static void parent_event(const kh_event *e, void *ctx)
{
    tasks_ctx *t = ctx;
    bool ours = e->who.s && kh_chain_unit_addresses(e->who.s, t->child->issuer.s);
    for (size_t i = 0; !ours && e->who.s && i < t->n_ids; i++)
        ours = !strcmp(e->who.s, t->unit_ids[i]);
    if (!ours || !kh_date_is_full(e->date.date))
        return;
    for (size_t i = 0; i < t->dates.n_events; i++)
        if (kh_date_cmp(t->dates.events[i]->date.date, e->date.date) == 0)
            return;
    char d[48], ex[128];
    kh_report(t->cx, t->cit->pos,
              "the plan it implements schedules \"%s\" on %s for this plan's issuer; this plan has no event that day",
              "kế hoạch cấp trên tổ chức \"%s\" ngày %s cho cơ quan ban hành kế hoạch này; kế hoạch này không có sự kiện nào ngày đó",
              excerpt(e->what.s ? e->what.s : e->text.s, ex, sizeof ex),
              kh_date_fmt_short(e->date.date, d));
    kh_report_note(t->cx, t->link->parent_path, e->date.raw.pos,
                   "the event in the plan it implements", "sự kiện trong kế hoạch cấp trên");
}

void rule_chain_tasks(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_chain *ch = chain_of(cx);
    if (!ch || !ch->n || !p->issuer.s)
        return;
    child_corpus corpus = {.cx = cx};
    for (size_t i = 0; i < ch->n; i++) {
        tasks_ctx t = {.cx = cx, .child = p, .link = &ch->v[i],
                       .cit = &p->implements[ch->v[i].citation], .corpus = &corpus};
        walk_units(p->sections, p->n_sections, child_unit_dates, &t.dates);
        walk_events(p->sections, p->n_sections, child_event_dates, &t.dates);
        const kh_plan *par = ch->v[i].parent;
        walk_units(par->sections, par->n_sections, parent_unit_tasks, &t);
        walk_events(par->sections, par->n_sections, parent_event, &t);
        if (!t.addressed)
            kh_report_sev(cx, KH_NOTE, t.cit->pos,
                          "the plan it implements (%s) assigns nothing by name to '%s': its tasks could not be compared",
                          "kế hoạch cấp trên (%s) không giao nhiệm vụ nào đích danh cho '%s': không đối chiếu được nhiệm vụ",
                          ch->v[i].parent_path, p->issuer.s);
    }
    free(corpus.words.slot);
    kh_buf_free(&corpus.text);
    kh_buf_free(&corpus.all);
    kh_buf_free(&corpus.caps);
}
