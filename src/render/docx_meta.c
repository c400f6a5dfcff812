/* docx_meta.c — the plan's unprinted data as hidden bookmarks and a Custom
 * XML Data part of the DOCX (see docx_meta.h; the format is
 * docs/docx-metadata.md). Only values the author wrote and the document
 * does not print are recorded: an element with none gets no bookmark. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/compose.h"
#include "kehoach/profile.h"
#include "docx_meta.h"

static const char *given(const kh_text *t)
{
    return t->s && *t->s ? t->s : NULL;
}

/* What the loader infers for `report` when the plan does not say it
 * (load.c load_task): the importer gives back report_to and the unit's,
 * so only a value that differs from this needs a record. */
static bool report_inferred(const kh_task *t, const kh_unit *u)
{
    return t->report_to.s != NULL || (kh_date_is_set(t->deadline.date) && u && u->report_to.s);
}

/* A unit whose only text is one task with no deadline prints it as an
 * inline unit's body would be: "2. Ban …: Tham mưu …". */
static bool text_is_task(const kh_unit *u)
{
    return !u->body.s && u->n_tasks == 1 && !u->tasks[0].deadline.raw.s &&
           kh_compose_unit_inline(u);
}

/* A unit whose text is a body of one paragraph, printed inline as a
 * unit's only task would be ("3. Trung tâm …: Tổ chức … trong tháng
 * 6/2027."), holding the words of a deadline: the importer would read it
 * as that task (it looks for the words the party profile gives; both
 * profiles share them). */
static bool text_is_body(const kh_unit *u)
{
    if (!given(&u->body) || u->n_tasks || !kh_compose_unit_inline(u))
        return false;
    const kh_profile *pr = kh_profile_get(KH_PROFILE_PARTY);
    for (int k = 0; k < 4; k++)
        if (pr->deadline_words[k] && strstr(u->body.s, pr->deadline_words[k]))
            return true;
    return false;
}

/* An event whose text has no `{date}`: the document prints the date after
 * the text (compose.c put_dated), where the importer puts `{date}`. */
static bool date_appended(const kh_event *e)
{
    return e->text.s && !strstr(e->text.s, "{date}") && kh_date_is_set(e->date.date);
}

static bool has_data(const kh_dx_mark *mk)
{
    switch (mk->kind) {
    case KH_DXM_UNIT: {
        const kh_unit *u = mk->elem;
        return given(&u->id) || given(&u->report_to) || text_is_task(u) || text_is_body(u);
    }
    case KH_DXM_TASK: {
        const kh_task *t = mk->elem;
        return given(&t->what) || given(&t->report_to) ||
               t->report != report_inferred(t, mk->owner);
    }
    case KH_DXM_EVENT: {
        const kh_event *e = mk->elem;
        return given(&e->what) || given(&e->who) || date_appended(e);
    }
    case KH_DXM_SECTION:
        return given(&((const kh_section *)mk->elem)->kind_raw);
    case KH_DXM_ROW: {
        const kh_timetable_row *r = mk->elem;
        return given(&r->deadline.raw) && r->has_offset;
    }
    case KH_DXM_RECIPIENT:
        return given(&((const kh_recipient *)mk->elem)->unit);
    case KH_DXM_CLOSING: /* where it starts, should its words not say it */
        return true;
    }
    return false;
}

void kh_dx_meta_mark(kh_dx_meta *m, kh_xml *x, const kh_dx_mark *mk)
{
    if (!has_data(mk))
        return;
    KH_GROW(m->v, m->n, m->cap);
    m->v[m->n++] = *mk;
    char name[32];
    snprintf(name, sizeof name, "_kh%zu", m->n);
    kh_xml_start(x, "w:bookmarkStart");
    kh_xml_attr_int(x, "w:id", (long)m->n);
    kh_xml_attr(x, "w:name", name);
    kh_xml_end(x);
    kh_xml_start(x, "w:bookmarkEnd");
    kh_xml_attr_int(x, "w:id", (long)m->n);
    kh_xml_end(x);
}

static void attr(kh_xml *x, const char *name, const kh_text *t)
{
    if (given(t))
        kh_xml_attr(x, name, t->s);
}

static void record(kh_xml *x, const kh_dx_mark *mk, size_t id)
{
    static const char *const names[] = {"kh:unit", "kh:task", "kh:event", "kh:section",
                                        "kh:row", "kh:recipient", "kh:closing"};
    char at[32];
    snprintf(at, sizeof at, "_kh%zu", id);
    kh_xml_start(x, names[mk->kind]);
    kh_xml_attr(x, "at", at);
    switch (mk->kind) {
    case KH_DXM_UNIT: {
        const kh_unit *u = mk->elem;
        attr(x, "id", &u->id);
        attr(x, "report_to", &u->report_to);
        if (text_is_task(u))
            kh_xml_attr(x, "text-is", "task");
        else if (text_is_body(u))
            kh_xml_attr(x, "text-is", "body");
        break;
    }
    case KH_DXM_TASK: {
        const kh_task *t = mk->elem;
        attr(x, "what", &t->what);
        attr(x, "report_to", &t->report_to);
        if (t->report != report_inferred(t, mk->owner))
            kh_xml_attr(x, "report", t->report ? "true" : "false");
        break;
    }
    case KH_DXM_EVENT: {
        const kh_event *e = mk->elem;
        attr(x, "what", &e->what);
        attr(x, "who", &e->who);
        if (date_appended(e))
            kh_xml_attr(x, "text-date", "appended");
        break;
    }
    case KH_DXM_SECTION:
        attr(x, "kind", &((const kh_section *)mk->elem)->kind_raw);
        break;
    case KH_DXM_ROW: {
        /* the day, when the row prints its count: applies while the
         * document still prints that count */
        const kh_timetable_row *r = mk->elem;
        attr(x, "deadline", &r->deadline.raw);
        char n[32];
        snprintf(n, sizeof n, "%ld", r->offset < 0 ? -r->offset : r->offset);
        kh_xml_attr(x, r->offset <= 0 ? "if-before" : "if-after", n);
        break;
    }
    case KH_DXM_RECIPIENT:
        attr(x, "unit", &((const kh_recipient *)mk->elem)->unit);
        break;
    case KH_DXM_CLOSING: {
        /* the plan writes the end mark itself (the renderer would add it):
         * the importer takes it for the renderer's */
        const kh_plan *p = mk->elem;
        const char *em = kh_profile_get(p->profile)->end_mark;
        size_t n = strlen(p->closing.s), ml = em ? strlen(em) : 0;
        while (n && (p->closing.s[n - 1] == ' ' || p->closing.s[n - 1] == '\n'))
            n--;
        if (ml > 1 && n >= ml && !memcmp(p->closing.s + n - ml, em, ml))
            kh_xml_attr(x, "end-mark", em);
        break;
    }
    }
    kh_xml_end(x);
}

static void period(kh_xml *x, const char *name, const kh_period *pe)
{
    kh_xml_start(x, name);
    attr(x, "from", &pe->from.raw);
    attr(x, "to", &pe->to.raw);
    attr(x, "label", &pe->label);
}

/* The document numbered `number` is cited by a căn cứ line and not by the
 * intro the plan wrote (an intro it does not write is composed from
 * `implements:`): the importer, which takes the implemented documents
 * from the intro, is told which căn cứ line cites one (`in="basis"`). */
static bool cited_in_basis_only(const kh_plan *p, const char *number)
{
    if (!given(&p->intro) || strstr(p->intro.s, number))
        return false;
    for (size_t i = 0; i < p->n_basis; i++)
        if (given(&p->basis[i]) && strstr(p->basis[i].s, number))
            return true;
    return false;
}

/* `rules: off:`, one record a rule: its id and reason, the reason's line
 * breaks as spaces (a value holds no control character). */
static void rules_off(kh_xml *x, const kh_plan *p)
{
    for (size_t i = 0; i < p->n_rules_off; i++) {
        const kh_rule_off *r = &p->rules_off[i];
        if (!given(&r->id) || !given(&r->reason))
            continue;
        char *why = kh_strdup(r->reason.s);
        for (char *c = why; *c; c++)
            if ((unsigned char)*c < 0x20)
                *c = ' ';
        kh_xml_start(x, "kh:rule-off");
        kh_xml_attr(x, "id", r->id.s);
        kh_xml_attr(x, "reason", why);
        kh_xml_end(x);
        free(why);
    }
}

int kh_dx_meta_item(const kh_dx_meta *m, const kh_plan *p, kh_buf *out)
{
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "kh:meta");
    kh_xml_attr(&x, "xmlns:kh", KH_DX_META_NS);
    kh_xml_attr(&x, "version", KH_DX_META_VERSION);
    for (size_t i = 0; i < m->n; i++)
        record(&x, &m->v[i], i + 1);
    const kh_schedule *s = &p->schedule;
    if (given(&s->window.from.raw) || given(&s->window.to.raw) || given(&s->recurring) ||
        s->n_peaks) {
        period(&x, "kh:schedule", &s->window);
        attr(&x, "recurring", &s->recurring);
        for (size_t i = 0; i < s->n_peaks; i++) {
            period(&x, "kh:peak", &s->peaks[i]);
            kh_xml_end(&x);
        }
        kh_xml_end(&x);
    }
    /* none: the căn cứ line citing a Kế hoạch, which the importer takes
     * for the plan implemented when the intro cites none, is a basis only */
    if (!p->n_implements) {
        kh_xml_start(&x, "kh:implements");
        kh_xml_attr(&x, "none", "true");
        kh_xml_end(&x);
    }
    for (size_t i = 0; i < p->n_implements; i++) {
        const kh_citation *c = &p->implements[i];
        bool basis = given(&c->number) && cited_in_basis_only(p, c->number.s);
        if (!given(&c->number) || (!given(&c->file) && !given(&c->subject) && !basis))
            continue;
        /* the parent's file, while the document still cites that number;
         * the subject, where the printed sentence goes on with a
         * parenthesis the subject may or may not hold */
        kh_xml_start(&x, "kh:implements");
        kh_xml_attr(&x, "if-number", c->number.s);
        attr(&x, "file", &c->file);
        attr(&x, "subject", &c->subject);
        if (basis)
            kh_xml_attr(&x, "in", "basis");
        kh_xml_end(&x);
    }
    rules_off(&x, p);
    kh_xml_end(&x);
    return kh_xml_close(&x, out);
}

int kh_dx_meta_props(const kh_buf *item, kh_buf *out)
{
    /* FNV-1a of the item, twice, as the GUID Word keys a datastore item by */
    uint64_t h1 = 0xcbf29ce484222325u, h2 = 0x84222325cbf29ce4u;
    for (size_t i = 0; i < item->len; i++) {
        h1 = (h1 ^ (unsigned char)item->s[i]) * 0x100000001b3u;
        h2 = (h2 ^ (unsigned char)item->s[i]) * 0x100000001b3u;
    }
    char guid[64];
    snprintf(guid, sizeof guid, "{%08X-%04X-%04X-%04X-%012llX}", (unsigned)(h1 >> 32),
             (unsigned)(h1 >> 16) & 0xffff, (unsigned)h1 & 0xffff, (unsigned)(h2 >> 48),
             (unsigned long long)(h2 & 0xffffffffffffu));
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "ds:datastoreItem");
    kh_xml_attr(&x, "ds:itemID", guid);
    kh_xml_attr(&x, "xmlns:ds", "http://schemas.openxmlformats.org/officeDocument/2006/customXml");
    kh_xml_start(&x, "ds:schemaRefs");
    kh_xml_start(&x, "ds:schemaRef");
    kh_xml_attr(&x, "ds:uri", KH_DX_META_NS);
    kh_xml_end(&x);
    kh_xml_end(&x);
    kh_xml_end(&x);
    return kh_xml_close(&x, out);
}

int kh_dx_meta_rels(kh_buf *out)
{
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "Relationships");
    kh_xml_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
    kh_xml_start(&x, "Relationship");
    kh_xml_attr(&x, "Id", "rId1");
    kh_xml_attr(&x, "Type", "http://schemas.openxmlformats.org/officeDocument/2006/"
                            "relationships/customXmlProps");
    kh_xml_attr(&x, "Target", "itemProps1.xml");
    kh_xml_end(&x);
    kh_xml_end(&x);
    return kh_xml_close(&x, out);
}

void kh_dx_meta_free(kh_dx_meta *m)
{
    free(m->v);
    memset(m, 0, sizeof *m);
}
