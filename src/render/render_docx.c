/* render_docx.c — `kehoach build -f docx`: the plan as a Word document laid
 * out like the issued one, from the same model and profile table as the
 * PDF: A4 with the profile's margins, the header block and Nơi nhận with
 * the signature as borderless two-column tables, the running text of
 * docx_flow.c in the named styles of docx_styles.c with the tables of the
 * body ruled, their heading rows repeated (widths from docx_table.c), the
 * Phụ lục each on a new page after the signature, the checklist as the
 * last of them (or alone: o->checklist_only), page numbers centred at the
 * top from page 2 (a different first page), the document properties. XML
 * through xmlTextWriter (docx_xml.c), the package through libzip
 * (docx_zip.c). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <math.h>

#include "kehoach/checklist.h"
#include "kehoach/compose.h"
#include "kehoach/profile.h"
#include "kehoach/render.h"
#include "checklist_table.h"
#include "docx_flow.h"
#include "docx_meta.h"
#include "docx_styles.h"
#include "docx_table.h"
#include "docx_xml.h"
#include "docx_zip.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PKG_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define REL_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CT_BASE "application/vnd.openxmlformats-officedocument."

typedef struct dx {
    kh_xml x;
    const kh_plan *p;
    const kh_profile *pr;
    const kh_render_opts *o;
    long text_w;   /* twips */
    long left_w;   /* the header's left column, twips */
    kh_buf run;    /* text of the run being gathered */
    bool after_table; /* the last thing written is a body table */
    kh_dx_meta meta;  /* the unprinted data's records (docx_meta.h) */
    size_t mark_at;   /* the first of the flow's marks not yet passed */
} dx;

/* ---- runs and paragraphs ------------------------------------------------ */

static void run_props(kh_xml *x, unsigned style, unsigned base)
{
    bool b = style & KH_ST_BOLD, i = style & KH_ST_ITALIC, u = style & KH_ST_UNDERLINE;
    bool bb = base & KH_ST_BOLD, bi = base & KH_ST_ITALIC, bu = base & KH_ST_UNDERLINE;
    bool caps = style & KH_DX_ST_CAPS;
    if (b == bb && i == bi && u == bu && !caps)
        return;
    kh_xml_start(x, "w:rPr");
    if (caps) /* shown in capitals, stored as written (docx_flow.h) */
        kh_xml_val(x, "w:caps", NULL);
    if (b != bb)
        kh_xml_val(x, "w:b", b ? NULL : "0");
    if (i != bi)
        kh_xml_val(x, "w:i", i ? NULL : "0");
    if (u != bu)
        kh_xml_val(x, "w:u", u ? "single" : "none");
    kh_xml_end(x);
}

static void put_run(dx *d, unsigned style, unsigned base)
{
    if (!d->run.len)
        return;
    kh_xml_start(&d->x, "w:r");
    run_props(&d->x, style, base);
    /* A hyphen after a digit and before a word character (06-ĐA/TU,
     * 20-CT/TW, 2022-2025) is Word's non-breaking hyphen: a document's
     * number or code never breaks across lines, as in the PDF. */
    const char *s = d->run.s;
    size_t n = d->run.len, from = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] != '-' || !(s[i - 1] >= '0' && s[i - 1] <= '9') || s[i + 1] == ' ')
            continue;
        kh_xml_start(&d->x, "w:t");
        kh_xml_attr(&d->x, "xml:space", "preserve");
        kh_xml_text(&d->x, s + from, i - from);
        kh_xml_end(&d->x);
        kh_xml_start(&d->x, "w:noBreakHyphen");
        kh_xml_end(&d->x);
        from = i + 1;
    }
    kh_xml_start(&d->x, "w:t");
    kh_xml_attr(&d->x, "xml:space", "preserve");
    kh_xml_text(&d->x, s + from, n - from);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
    d->run.len = 0;
}

/* Runs from spans, adjacent spans of one style joined; `base` is what the
 * paragraph style already sets (bold for headings). */
static void runs(dx *d, const kh_span *sp, size_t n, unsigned base)
{
    unsigned cur = 0;
    d->run.len = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned st = sp[i].style & (KH_FONT_MASK | KH_ST_UNDERLINE | KH_DX_ST_CAPS);
        if (sp[i].style & KH_ST_BREAK) {
            put_run(d, cur, base);
            kh_xml_start(&d->x, "w:r");
            kh_xml_val(&d->x, "w:br", NULL);
            kh_xml_end(&d->x);
            continue;
        }
        if (st != cur)
            put_run(d, cur, base);
        cur = st;
        kh_buf_put(&d->run, sp[i].s, sp[i].n);
    }
    put_run(d, cur, base);
}

static void text_runs(dx *d, const char *s, unsigned style, unsigned base)
{
    kh_span sp = {s, strlen(s), style};
    runs(d, &sp, 1, base);
}

static void ppr_start(dx *d, const char *style)
{
    d->after_table = false;
    kh_xml_start(&d->x, "w:p");
    kh_xml_start(&d->x, "w:pPr");
    kh_xml_val(&d->x, "w:pStyle", style);
}

/* The bookmarks of the elements the flow's paragraph `para` prints (row:
 * a table's row under its heading, else SIZE_MAX). */
static void flow_marks(dx *d, const kh_dx_flow *f, size_t para, size_t row)
{
    while (d->mark_at < f->n_marks && f->marks[d->mark_at].para < para)
        d->mark_at++;
    for (size_t k = d->mark_at; k < f->n_marks && f->marks[k].para == para; k++)
        if (f->marks[k].row == row)
            kh_dx_meta_mark(&d->meta, &d->x, &f->marks[k]);
}

/* A paragraph of one style holding s (its '\n' as line breaks); mk: the
 * element it prints, for its bookmark (docx_meta.h), or NULL. */
static void para_text_marked(dx *d, const char *style, const char *s, unsigned st,
                             unsigned base, const kh_dx_mark *mk)
{
    ppr_start(d, style);
    kh_xml_end(&d->x);
    if (mk)
        kh_dx_meta_mark(&d->meta, &d->x, mk);
    while (s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        kh_span sp = {s, n, st};
        runs(d, &sp, 1, base);
        if (nl) {
            kh_xml_start(&d->x, "w:r");
            kh_xml_val(&d->x, "w:br", NULL);
            kh_xml_end(&d->x);
        }
        s = nl ? nl + 1 : NULL;
    }
    kh_xml_end(&d->x);
}

static void para_text(dx *d, const char *style, const char *s, unsigned st,
                      unsigned base)
{
    para_text_marked(d, style, s, st, base, NULL);
}

/* A rule: an empty paragraph whose bottom border is the line, `width`
 * twips long, centred in a space `avail` twips wide. */
static void rule(dx *d, long width, long avail)
{
    long side = (avail - width) / 2;
    if (side < 0)
        side = 0;
    ppr_start(d, "KhRule");
    kh_xml_start(&d->x, "w:pBdr");
    kh_xml_start(&d->x, "w:bottom");
    kh_xml_attr(&d->x, "w:val", "single");
    kh_xml_attr_int(&d->x, "w:sz", lround(d->pr->rule_width * 8));
    kh_xml_attr(&d->x, "w:space", "0");
    kh_xml_attr(&d->x, "w:color", "000000");
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
    kh_xml_start(&d->x, "w:ind");
    kh_xml_attr_int(&d->x, "w:left", side);
    kh_xml_attr_int(&d->x, "w:right", side);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
}

/* The width of a line of text, estimated (the DOCX carries no fonts). */
static long est_width(const char *s, double size)
{
    return kh_dx_est_width(s, strlen(s), size);
}

/* ---- tables ------------------------------------------------------------- */

/* A table of n columns: borderless (the header block, the end block) or
 * ruled, with cell padding for type of cell_size points (0: none), at the
 * columns' widths (fixed) or starting from them (autofit). */
static void tbl_start(dx *d, const long *cols, int n, bool borders,
                      double cell_size, bool autofit)
{
    kh_xml *x = &d->x;
    kh_xml_start(x, "w:tbl");
    kh_xml_start(x, "w:tblPr");
    kh_xml_start(x, "w:tblW");
    long total = 0;
    for (int i = 0; i < n; i++)
        total += cols[i];
    kh_xml_attr_int(x, "w:w", total);
    kh_xml_attr(x, "w:type", "dxa");
    kh_xml_end(x);
    kh_xml_val(x, "w:jc", "center");
    kh_xml_start(x, "w:tblBorders");
    static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right",
                                        "w:insideH", "w:insideV"};
    for (int i = 0; i < 6; i++) {
        kh_xml_start(x, sides[i]);
        kh_xml_attr(x, "w:val", borders ? "single" : "nil");
        if (borders) {
            kh_xml_attr_int(x, "w:sz", lround(d->pr->rule_width * 0.8 * 8));
            kh_xml_attr(x, "w:space", "0");
            kh_xml_attr(x, "w:color", "000000");
        }
        kh_xml_end(x);
    }
    kh_xml_end(x);
    kh_xml_start(x, "w:tblLayout");
    kh_xml_attr(x, "w:type", autofit ? "autofit" : "fixed");
    kh_xml_end(x);
    if (cell_size > 0) { /* the ruled tables: some air in the cells */
        kh_xml_start(x, "w:tblCellMar");
        long pad = kh_dx_twips_pt(cell_size * 0.3);
        static const char *const m[] = {"w:top", "w:left", "w:bottom", "w:right"};
        for (int i = 0; i < 4; i++) {
            kh_xml_start(x, m[i]);
            kh_xml_attr_int(x, "w:w", pad);
            kh_xml_attr(x, "w:type", "dxa");
            kh_xml_end(x);
        }
        kh_xml_end(x);
    }
    kh_xml_start(x, "w:tblLook");
    kh_xml_attr(x, "w:val", "0000");
    kh_xml_end(x);
    kh_xml_end(x);
    kh_xml_start(x, "w:tblGrid");
    for (int i = 0; i < n; i++) {
        kh_xml_start(x, "w:gridCol");
        kh_xml_attr_int(x, "w:w", cols[i]);
        kh_xml_end(x);
    }
    kh_xml_end(x);
}

static void tc_start(dx *d, long w, const char *valign)
{
    kh_xml_start(&d->x, "w:tc");
    kh_xml_start(&d->x, "w:tcPr");
    kh_xml_start(&d->x, "w:tcW");
    kh_xml_attr_int(&d->x, "w:w", w);
    kh_xml_attr(&d->x, "w:type", "dxa");
    kh_xml_end(&d->x);
    if (valign)
        kh_xml_val(&d->x, "w:vAlign", valign);
    kh_xml_end(&d->x);
}

/* ---- header block ------------------------------------------------------- */

static void header(dx *d)
{
    const kh_profile *pr = d->pr;
    kh_header h;
    kh_header_compose(d->p, &h);
    long lw = d->left_w, rw = d->text_w - d->left_w;
    long cols[2] = {lw, rw};
    tbl_start(d, cols, 2, false, 0, false);
    kh_xml_start(&d->x, "w:tr");
    /* Left: superior body, issuer (bold), `*` or a rule. */
    tc_start(d, lw, NULL);
    /* The names as the plan writes them, shown in capitals (w:caps); h's
     * upper-cased ones only measure the rule under the issuer. */
    const kh_plan *p = d->p;
    if (h.superior)
        para_text(d, "KhSuperior", p->superior_lines ? p->superior_lines : p->superior.s,
                  KH_DX_ST_CAPS, 0);
    if (h.issuer)
        para_text(d, "KhIssuer", p->issuer_lines ? p->issuer_lines : p->issuer.s,
                  KH_ST_BOLD | KH_DX_ST_CAPS, KH_ST_BOLD);
    if (h.issuer_mark)
        para_text(d, "KhIssuerMark", h.issuer_mark, 0, 0);
    else if (h.issuer) {
        long widest = 0;
        for (const char *s = h.issuer; *s;) {
            size_t n = strcspn(s, "\n");
            char *line = kh_strndup(s, n);
            long w = est_width(line, pr->size_issuer);
            free(line);
            if (w > widest)
                widest = w;
            s += n + (s[n] == '\n');
        }
        rule(d, lround((double)widest * pr->issuer_rule_share), lw);
    }
    if (!h.superior && !h.issuer)
        para_text(d, "KhSuperior", "", 0, 0);
    kh_xml_end(&d->x);
    /* Right: ĐẢNG CỘNG SẢN VIỆT NAM / Quốc hiệu and Tiêu ngữ, with a rule. */
    tc_start(d, rw, NULL);
    para_text(d, "KhHeaderTitle", h.header_title, KH_ST_BOLD, KH_ST_BOLD);
    const char *ruled = h.header_title;
    double ruled_size = pr->size_header_title;
    if (h.motto) {
        para_text(d, "KhMotto", h.motto, KH_ST_BOLD, KH_ST_BOLD);
        ruled = h.motto;
        ruled_size = pr->size_motto;
    }
    long rwid = est_width(ruled, ruled_size);
    rule(d, rwid < rw ? rwid : rw, rw);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x); /* tr */
    /* The number and the date line on one row. */
    kh_xml_start(&d->x, "w:tr");
    tc_start(d, lw, NULL);
    para_text(d, "KhNumber", h.number_line ? h.number_line : pr->number_prefix, 0, 0);
    kh_xml_end(&d->x);
    tc_start(d, rw, NULL);
    para_text(d, "KhDateLine", h.date_line ? h.date_line : "", KH_ST_ITALIC, KH_ST_ITALIC);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x); /* tbl */
    kh_header_free(&h);
}

/* An empty line `pt` points high, kept with what follows (the space
 * before a table). */
static void spacer(dx *d, double pt)
{
    ppr_start(d, "KhRule");
    kh_xml_val(&d->x, "w:keepNext", NULL);
    kh_xml_start(&d->x, "w:spacing");
    kh_xml_attr_int(&d->x, "w:line", kh_dx_twips_pt(pt));
    kh_xml_attr(&d->x, "w:lineRule", "exact");
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
}

/* A row's properties: not split across pages (unless it may be taller than
 * a page: Word would cut such a row off), the heading row repeated at the
 * top of each page the table runs onto. */
static void tr_start_split(dx *d, bool heading, bool may_split)
{
    kh_xml_start(&d->x, "w:tr");
    kh_xml_start(&d->x, "w:trPr");
    if (!may_split)
        kh_xml_val(&d->x, "w:cantSplit", NULL);
    if (heading)
        kh_xml_val(&d->x, "w:tblHeader", NULL);
    kh_xml_end(&d->x);
}

static void tr_start(dx *d, bool heading)
{
    tr_start_split(d, heading, false);
}

/* Whether row r of a table might not fit on a page: its longest cell's
 * lines, counting a character half the type size wide, against half the
 * text height (generous: a wrong guess only lets Word split a row). */
static bool row_may_split(const dx *d, const kh_dx_flow *f, const kh_dx_table *t, size_t r,
                          const long *w, double size)
{
    double text_h =
        kh_dx_twips_mm(d->pr->page_h - d->pr->margin_top - d->pr->margin_bottom) / 20.0; /* pt */
    double lines = 0;
    for (size_t k = 0; k < t->n_cols; k++) {
        const kh_dx_cell *c = &f->cells[t->cell + r * t->n_cols + k];
        size_t bytes = 0;
        for (size_t i = 0; i < c->n; i++)
            bytes += f->spans[c->first + i].n;
        double per_line = (double)w[k] / 20.0 / (size * 0.5); /* twips → pt → chars */
        double l = per_line > 1 ? (double)bytes / 1.3 / per_line : (double)bytes;
        if (l > lines)
            lines = l;
    }
    return lines * size * 1.25 > text_h / 2;
}

/* A table of the body or an annex (`table:`, `timetable:`): full text
 * width, every cell ruled, widths from the content, the heading row bold
 * and centred, the cells aligned as their columns. */
static void body_table(dx *d, const kh_dx_flow *f, const kh_dx_table *t, size_t para)
{
    size_t nc = t->n_cols;
    if (!nc || nc > KH_TABLE_MAX_COLS)
        return;
    double size = d->pr->size_table;
    long w[KH_TABLE_MAX_COLS];
    kh_dx_table_widths(f, t, size, kh_dx_twips_pt(size * 0.3), d->text_w, w);
    spacer(d, d->pr->paragraph_space);
    tbl_start(d, w, (int)nc, true, size, true);
    for (size_t r = 0; r <= t->n_rows; r++) {
        tr_start_split(d, r == 0, r > 0 && row_may_split(d, f, t, r, w, size));
        for (size_t k = 0; k < nc; k++) {
            const kh_dx_cell *c = &f->cells[t->cell + r * nc + k];
            kh_cell_align a = r == 0 ? KH_CELL_CENTER : t->align[k];
            tc_start(d, w[k], NULL);
            ppr_start(d, "KhTableCell");
            if (a == KH_CELL_CENTER || a == KH_CELL_RIGHT)
                kh_xml_val(&d->x, "w:jc", a == KH_CELL_CENTER ? "center" : "right");
            kh_xml_end(&d->x);
            if (r > 0 && k == 0)
                flow_marks(d, f, para, r - 1);
            runs(d, &f->spans[c->first], c->n, 0);
            kh_xml_end(&d->x); /* p */
            kh_xml_end(&d->x); /* tc */
        }
        kh_xml_end(&d->x); /* tr */
    }
    kh_xml_end(&d->x); /* tbl */
    d->after_table = true;
}

/* ---- the running text --------------------------------------------------- */

/* Paragraphs from .. to of the flow; first_body: the first paragraph after
 * the title block gets the space between the two. */
static void flow(dx *d, const kh_dx_flow *f, size_t from, size_t to, bool first_body)
{
    for (size_t i = from; i < to; i++) {
        const kh_dx_para *pa = &f->v[i];
        char id[24];
        const char *style = "KhBody";
        unsigned base = 0;
        switch (pa->kind) {
        case KH_DX_DOC_TYPE: style = "KhDocType"; base = KH_ST_BOLD; break;
        case KH_DX_TITLE: style = "KhTitle"; base = KH_ST_BOLD; break;
        case KH_DX_BODY: break;
        case KH_DX_BASIS:
            style = "KhBasis";
            base = d->pr->basis_italic ? KH_ST_ITALIC : 0;
            break;
        case KH_DX_LIST: style = "KhListItem"; break;
        case KH_DX_BODY_HEADING: style = "KhBodyHeading"; base = KH_ST_BOLD; break;
        case KH_DX_HEADING:
            snprintf(id, sizeof id, "Heading%d", pa->level + 1);
            style = id;
            base = KH_ST_BOLD;
            break;
        case KH_DX_TABLE_CAPTION: style = "KhTableCaption"; base = KH_ST_BOLD; break;
        case KH_DX_TABLE:
            body_table(d, f, &f->tables[pa->level], i);
            first_body = false;
            continue;
        case KH_DX_TABLE_NOTE: style = "KhTableNote"; base = KH_ST_ITALIC; break;
        case KH_DX_ANNEX_LABEL: style = "KhAnnexLabel"; base = KH_ST_BOLD; break;
        case KH_DX_ANNEX_TITLE: style = "KhAnnexTitle"; base = KH_ST_BOLD; break;
        case KH_DX_ANNEX_CAPTION: style = "KhAnnexCaption"; base = KH_ST_ITALIC; break;
        }
        bool titled = pa->kind == KH_DX_DOC_TYPE || pa->kind == KH_DX_TITLE;
        ppr_start(d, style);
        if (pa->kind == KH_DX_ANNEX_LABEL) /* each Phụ lục on a new page */
            kh_xml_val(&d->x, "w:pageBreakBefore", NULL);
        if (pa->kind == KH_DX_ANNEX_CAPTION) { /* space under the annex's head */
            kh_xml_start(&d->x, "w:spacing");
            kh_xml_attr_int(&d->x, "w:after", kh_dx_twips_pt(d->pr->paragraph_space));
            kh_xml_end(&d->x);
        }
        if (!titled && first_body) { /* space between the title block and the body */
            kh_xml_start(&d->x, "w:spacing");
            kh_xml_attr_int(&d->x, "w:before", kh_dx_twips_pt(d->pr->body_space));
            kh_xml_end(&d->x);
            first_body = false;
        }
        kh_xml_end(&d->x);
        flow_marks(d, f, i, SIZE_MAX);
        runs(d, &f->spans[pa->first], pa->n, base);
        kh_xml_end(&d->x);
        bool title_ends = titled && (i + 1 == f->n || (f->v[i + 1].kind != KH_DX_TITLE &&
                                                       f->v[i + 1].kind != KH_DX_DOC_TYPE));
        if (title_ends) /* the short rule under the trích yếu */
            rule(d, kh_dx_twips_mm(d->pr->title_rule_length), d->text_w);
    }
}

/* ---- Nơi nhận and signature --------------------------------------------- */

static void recipient_para(dx *d, const kh_recipient *r, bool dash)
{
    kh_buf b = {0};
    if (dash)
        kh_buf_puts(&b, "- ");
    if (r->kind == KH_RECIP_LABEL)
        kh_buf_puts(&b, r->text.s ? r->text.s : "");
    else
        kh_compose_recipient_line(d->p, r, &b);
    kh_dx_mark mk = {0, SIZE_MAX, KH_DXM_RECIPIENT, r, NULL};
    para_text_marked(d, "KhRecipient", kh_buf_str(&b), 0, 0, &mk);
    kh_buf_free(&b);
}

static void recipients(dx *d, long width)
{
    const kh_plan *p = d->p;
    const kh_profile *pr = d->pr;
    unsigned rl = (pr->recipients_label_bold ? KH_ST_BOLD : 0) |
                  (pr->recipients_label_italic ? KH_ST_ITALIC : 0) |
                  (pr->recipients_label_underline ? KH_ST_UNDERLINE : 0);
    para_text(d, "KhRecipientsLabel", pr->recipients_label, rl, rl);
    for (size_t i = 0; i < p->n_recipients;) {
        const kh_recipient *r = &p->recipients[i];
        if (!r->group) {
            recipient_para(d, r, r->kind != KH_RECIP_LABEL);
            i++;
            continue;
        }
        /* A group: its lines, a bracket (the cell's right border) and the
         * role, in a nested table. */
        size_t j = i;
        while (j < p->n_recipients && p->recipients[j].group == r->group)
            j++;
        const char *lab = kh_compose_group_label(p, r->role);
        long cols[2] = {width * 64 / 100, width - width * 64 / 100};
        tbl_start(d, cols, 2, false, 0, false);
        kh_xml_start(&d->x, "w:tr");
        tc_start(d, cols[0], "center");
        for (size_t k = i; k < j; k++)
            recipient_para(d, &p->recipients[k], true);
        kh_xml_end(&d->x);
        tc_start(d, cols[1], "center");
        ppr_start(d, "KhRecipient");
        kh_xml_start(&d->x, "w:pBdr");
        kh_xml_start(&d->x, "w:left");
        kh_xml_attr(&d->x, "w:val", "single");
        kh_xml_attr_int(&d->x, "w:sz", 4);
        kh_xml_attr(&d->x, "w:space", "4");
        kh_xml_attr(&d->x, "w:color", "000000");
        kh_xml_end(&d->x);
        kh_xml_end(&d->x);
        kh_xml_end(&d->x);
        text_runs(d, lab ? lab : "", 0, 0);
        kh_xml_end(&d->x);
        kh_xml_end(&d->x);
        kh_xml_end(&d->x); /* tr */
        kh_xml_end(&d->x); /* tbl */
        i = j;
    }
}

static void signature(dx *d)
{
    char *auth = kh_compose_authority(d->p);
    char *head = kh_compose_head_authority(d->p);
    char *title = kh_compose_sign_title(d->p);
    if (*auth)
        para_text(d, "KhSignature", auth, KH_ST_BOLD, KH_ST_BOLD);
    if (*head)
        para_text(d, "KhSignature", head, KH_ST_BOLD, KH_ST_BOLD);
    if (*title)
        para_text(d, "KhSignature", title, KH_ST_BOLD, KH_ST_BOLD);
    for (int i = 0; i < d->pr->signature_blank_lines; i++)
        para_text(d, "KhSignature", "", KH_ST_BOLD, KH_ST_BOLD);
    if (!kh_text_empty(&d->p->signature.name))
        para_text(d, "KhSignature", d->p->signature.name.s, KH_ST_BOLD, KH_ST_BOLD);
    free(auth);
    free(head);
    free(title);
}

static void end_block(dx *d)
{
    /* The space before the block (end_block_space): an empty line that
     * high, kept with the table. */
    ppr_start(d, "KhRule");
    kh_xml_val(&d->x, "w:keepNext", NULL);
    kh_xml_start(&d->x, "w:spacing");
    kh_xml_attr_int(&d->x, "w:line", kh_dx_twips_pt(d->pr->end_block_space));
    kh_xml_attr(&d->x, "w:lineRule", "exact");
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
    long lw = d->left_w, rw = d->text_w - d->left_w;
    long cols[2] = {lw, rw};
    tbl_start(d, cols, 2, false, 0, false);
    tr_start(d, false);
    tc_start(d, lw, NULL);
    recipients(d, lw);
    para_text(d, "KhRecipient", "", 0, 0); /* a cell ends with a paragraph */
    kh_xml_end(&d->x);
    tc_start(d, rw, NULL);
    signature(d);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
}

/* ---- checklist ---------------------------------------------------------- */

static void cl_cell(dx *d, long w, const char *s, unsigned st, const char *jc)
{
    tc_start(d, w, NULL);
    ppr_start(d, "KhChecklistCell");
    if (jc)
        kh_xml_val(&d->x, "w:jc", jc);
    kh_xml_end(&d->x);
    text_runs(d, s ? s : "", st, 0);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
}

/* The due-date checklist as the last Phụ lục: the annex head (its label,
 * the title in capitals, the caption) and the table. Left out when nothing
 * is due (the annexes are counted so), unless it is all the file holds
 * (o->checklist_only: then on the first page, and a line saying there is
 * nothing due when so). total: the annexes the document counts. */
static void checklist(dx *d, size_t total)
{
    kh_checklist cl = {0};
    kh_checklist_add_plan(&cl, d->p);
    kh_checklist_sort(&cl);
    if (!cl.n && !d->o->checklist_only) {
        kh_checklist_free(&cl);
        return;
    }
    kh_lang lang = d->o->lang;
    size_t n = cl.n ? total : d->p->n_annexes + 1;
    char *label = kh_compose_annex_label(d->p, n ? n - 1 : 0, n);
    ppr_start(d, "KhAnnexLabel");
    if (!d->o->checklist_only)
        kh_xml_val(&d->x, "w:pageBreakBefore", NULL);
    kh_xml_end(&d->x);
    text_runs(d, label, KH_ST_BOLD, KH_ST_BOLD);
    kh_xml_end(&d->x);
    free(label);
    char *title = kh_utf8_upper(kh_cl_title(lang));
    para_text(d, "KhAnnexTitle", title ? title : kh_cl_title(lang), KH_ST_BOLD, KH_ST_BOLD);
    free(title);
    char *cap = kh_compose_annex_caption(d->p);
    para_text(d, "KhAnnexCaption", cap, KH_ST_ITALIC, KH_ST_ITALIC);
    free(cap);
    if (!cl.n) {
        kh_buf none = {0};
        kh_checklist_write(&cl, KH_CHECKLIST_TEXT, lang, false, &none);
        while (none.len && none.s[none.len - 1] == '\n')
            none.len--;
        para_text(d, "KhBody", kh_buf_str(&none), 0, 0);
        kh_buf_free(&none);
        kh_checklist_free(&cl);
        return;
    }
    spacer(d, d->pr->paragraph_space); /* before the table */

    long cols[KH_CL_N_COLS], used = 0;
    for (int k = 0; k < KH_CL_N_COLS; k++) {
        cols[k] = k + 1 < KH_CL_N_COLS ? lround((double)d->text_w * kh_cl_col_share(k))
                                       : d->text_w - used;
        used += cols[k];
    }
    tbl_start(d, cols, KH_CL_N_COLS, true, d->pr->size_checklist, false);
    tr_start(d, true);
    for (int k = 0; k < KH_CL_N_COLS; k++)
        cl_cell(d, cols[k], kh_cl_heading(k, lang), KH_ST_BOLD, "center");
    kh_xml_end(&d->x);
    for (size_t i = 0; i < cl.n; i++) {
        kh_cl_row row;
        kh_cl_row_fill(&row, &cl.v[i], lang);
        tr_start(d, false);
        cl_cell(d, cols[KH_CL_DATE], row.date, KH_ST_BOLD, NULL);
        cl_cell(d, cols[KH_CL_DAY], row.day, row.day_marked ? KH_ST_ITALIC : 0, NULL);
        cl_cell(d, cols[KH_CL_UNIT], row.unit, 0, NULL);
        cl_cell(d, cols[KH_CL_WHAT], row.what, 0, NULL);
        cl_cell(d, cols[KH_CL_TO], row.to, 0, NULL);
        cl_cell(d, cols[KH_CL_DONE], "\xE2\x98\x90", 0, "center"); /* ☐ */
        kh_xml_end(&d->x);
        kh_cl_row_free(&row);
    }
    kh_xml_end(&d->x);
    para_text(d, "KhChecklistCell", "", 0, 0);
    kh_checklist_free(&cl);
}

/* ---- the parts ---------------------------------------------------------- */

static void section_props(dx *d)
{
    const kh_profile *pr = d->pr;
    kh_xml *x = &d->x;
    kh_xml_start(x, "w:sectPr");
    kh_xml_start(x, "w:headerReference");
    kh_xml_attr(x, "w:type", "default");
    kh_xml_attr(x, "r:id", "rIdHeader");
    kh_xml_end(x);
    kh_xml_start(x, "w:headerReference");
    kh_xml_attr(x, "w:type", "first");
    kh_xml_attr(x, "r:id", "rIdHeaderFirst");
    kh_xml_end(x);
    kh_xml_start(x, "w:pgSz");
    kh_xml_attr_int(x, "w:w", kh_dx_twips_mm(pr->page_w));
    kh_xml_attr_int(x, "w:h", kh_dx_twips_mm(pr->page_h));
    kh_xml_end(x);
    kh_xml_start(x, "w:pgMar");
    kh_xml_attr_int(x, "w:top", kh_dx_twips_mm(pr->margin_top));
    kh_xml_attr_int(x, "w:right", kh_dx_twips_mm(pr->margin_right));
    kh_xml_attr_int(x, "w:bottom", kh_dx_twips_mm(pr->margin_bottom));
    kh_xml_attr_int(x, "w:left", kh_dx_twips_mm(pr->margin_left));
    kh_xml_attr_int(x, "w:header", kh_dx_twips_mm(pr->page_number_from_top));
    kh_xml_attr_int(x, "w:footer", kh_dx_twips_mm(pr->margin_bottom / 2));
    kh_xml_attr_int(x, "w:gutter", 0);
    kh_xml_end(x);
    kh_xml_val(x, "w:titlePg", NULL); /* no page number on page 1 */
    kh_xml_end(x);
}

/* The document: the header block, the running text, Nơi nhận and the
 * signature, the plan's Phụ lục, the checklist as the last; or the
 * checklist's Phụ lục alone (o->checklist_only). */
static int document(dx *d, kh_buf *out)
{
    const kh_render_opts *o = d->o;
    size_t total = kh_compose_annex_count(d->p, kh_render_counts_checklist(o));
    kh_dx_flow f = {0};
    if (!o->checklist_only)
        kh_dx_flow_build(&f, d->p, total);
    kh_xml_open(&d->x);
    kh_xml_start(&d->x, "w:document");
    kh_xml_attr(&d->x, "xmlns:w", NS_W);
    kh_xml_attr(&d->x, "xmlns:r", NS_R);
    kh_xml_start(&d->x, "w:body");
    if (!o->checklist_only) {
        header(d);
        flow(d, &f, 0, f.annex_first, true);
        end_block(d);
        flow(d, &f, f.annex_first, f.n, false);
    }
    if (o->checklist || o->checklist_only)
        checklist(d, total);
    if (d->after_table) /* the body ends with a paragraph */
        para_text(d, "KhTableCell", "", 0, 0);
    section_props(d);
    kh_xml_end(&d->x);
    kh_xml_end(&d->x);
    kh_dx_flow_free(&f);
    return kh_xml_close(&d->x, out);
}

/* The page-number header (first == false), or the empty one of page 1. */
static int header_part(dx *d, bool first, kh_buf *out)
{
    kh_xml *x = &d->x;
    kh_xml_open(x);
    kh_xml_start(x, "w:hdr");
    kh_xml_attr(x, "xmlns:w", NS_W);
    kh_xml_start(x, "w:p");
    kh_xml_start(x, "w:pPr");
    kh_xml_val(x, "w:pStyle", "KhPageNumber");
    kh_xml_end(x);
    if (!first) {
        kh_xml_start(x, "w:fldSimple");
        kh_xml_attr(x, "w:instr", " PAGE ");
        kh_xml_start(x, "w:r");
        kh_xml_elem_text(x, "w:t", "2");
        kh_xml_end(x);
        kh_xml_end(x);
    }
    kh_xml_end(x);
    kh_xml_end(x);
    return kh_xml_close(x, out);
}

static void rel(kh_xml *x, const char *id, const char *type, const char *target)
{
    kh_xml_start(x, "Relationship");
    kh_xml_attr(x, "Id", id);
    kh_xml_attr(x, "Type", type);
    kh_xml_attr(x, "Target", target);
    kh_xml_end(x);
}

static int package_rels(kh_buf *out)
{
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "Relationships");
    kh_xml_attr(&x, "xmlns", NS_PKG_REL);
    rel(&x, "rId1", REL_BASE "officeDocument", "word/document.xml");
    rel(&x, "rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "docProps/core.xml");
    rel(&x, "rId3", REL_BASE "extended-properties", "docProps/app.xml");
    kh_xml_end(&x);
    return kh_xml_close(&x, out);
}

static int document_rels(kh_buf *out)
{
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "Relationships");
    kh_xml_attr(&x, "xmlns", NS_PKG_REL);
    rel(&x, "rIdStyles", REL_BASE "styles", "styles.xml");
    rel(&x, "rIdSettings", REL_BASE "settings", "settings.xml");
    rel(&x, "rIdHeader", REL_BASE "header", "header1.xml");
    rel(&x, "rIdHeaderFirst", REL_BASE "header", "header2.xml");
    rel(&x, "rIdKhMeta", REL_BASE "customXml", "../customXml/item1.xml");
    kh_xml_end(&x);
    return kh_xml_close(&x, out);
}

static void ct_override(kh_xml *x, const char *part, const char *type)
{
    kh_xml_start(x, "Override");
    kh_xml_attr(x, "PartName", part);
    kh_xml_attr(x, "ContentType", type);
    kh_xml_end(x);
}

static int content_types(kh_buf *out)
{
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "Types");
    kh_xml_attr(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    kh_xml_start(&x, "Default");
    kh_xml_attr(&x, "Extension", "rels");
    kh_xml_attr(&x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
    kh_xml_end(&x);
    kh_xml_start(&x, "Default");
    kh_xml_attr(&x, "Extension", "xml");
    kh_xml_attr(&x, "ContentType", "application/xml");
    kh_xml_end(&x);
    ct_override(&x, "/word/document.xml", CT_BASE "wordprocessingml.document.main+xml");
    ct_override(&x, "/word/styles.xml", CT_BASE "wordprocessingml.styles+xml");
    ct_override(&x, "/word/settings.xml", CT_BASE "wordprocessingml.settings+xml");
    ct_override(&x, "/word/header1.xml", CT_BASE "wordprocessingml.header+xml");
    ct_override(&x, "/word/header2.xml", CT_BASE "wordprocessingml.header+xml");
    ct_override(&x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    ct_override(&x, "/docProps/app.xml", CT_BASE "extended-properties+xml");
    ct_override(&x, "/customXml/itemProps1.xml", CT_BASE "customXmlProperties+xml");
    kh_xml_end(&x);
    return kh_xml_close(&x, out);
}

static int settings(kh_buf *out)
{
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "w:settings");
    kh_xml_attr(&x, "xmlns:w", NS_W);
    kh_xml_val(&x, "w:defaultTabStop", "720");
    kh_xml_start(&x, "w:themeFontLang");
    kh_xml_attr(&x, "w:val", "vi-VN");
    kh_xml_end(&x);
    kh_xml_start(&x, "w:compat");
    kh_xml_start(&x, "w:compatSetting");
    kh_xml_attr(&x, "w:name", "compatibilityMode");
    kh_xml_attr(&x, "w:uri", "http://schemas.microsoft.com/office/word");
    kh_xml_attr(&x, "w:val", "15");
    kh_xml_end(&x);
    kh_xml_end(&x);
    kh_xml_end(&x);
    return kh_xml_close(&x, out);
}

/* W3CDTF from SOURCE_DATE_EPOCH, else the plan's issue date (00:00 in
 * Việt Nam, UTC+7); never the clock. Empty when neither is known. */
static void doc_time(const kh_plan *p, const kh_render_opts *o, char *buf, size_t n)
{
    buf[0] = '\0';
    if (o->epoch >= 0) {
        time_t t = (time_t)o->epoch;
        struct tm tm;
        if (gmtime_r(&t, &tm))
            strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
    } else if (kh_date_is_set(p->date.date)) {
        kh_date dt = p->date.date;
        snprintf(buf, n, "%04d-%02d-%02dT00:00:00+07:00", dt.year, dt.month,
                 dt.day ? dt.day : 1);
    }
}

static int core(const kh_plan *p, const kh_render_opts *o, kh_buf *out)
{
    char *title = kh_compose_doc_title(p);
    char *subj = kh_compose_doc_subject(p), *kw = kh_compose_doc_keywords(p);
    char when[40];
    doc_time(p, o, when, sizeof when);
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "cp:coreProperties");
    kh_xml_attr(&x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    kh_xml_attr(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    kh_xml_attr(&x, "xmlns:dcterms", "http://purl.org/dc/terms/");
    kh_xml_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    kh_xml_elem_text(&x, "dc:title", title);
    kh_xml_elem_text(&x, "dc:subject", subj);
    if (p->issuer.s)
        kh_xml_elem_text(&x, "dc:creator", p->issuer.s);
    kh_xml_elem_text(&x, "cp:keywords", kw);
    kh_xml_elem_text(&x, "dc:language", "vi-VN");
    if (when[0]) {
        static const char *const tags[] = {"dcterms:created", "dcterms:modified"};
        for (int i = 0; i < 2; i++) {
            kh_xml_start(&x, tags[i]);
            kh_xml_attr(&x, "xsi:type", "dcterms:W3CDTF");
            kh_xml_text(&x, when, strlen(when));
            kh_xml_end(&x);
        }
    }
    kh_xml_end(&x);
    free(title);
    free(subj);
    free(kw);
    return kh_xml_close(&x, out);
}

static int app(kh_buf *out)
{
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "Properties");
    kh_xml_attr(&x, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    kh_xml_elem_text(&x, "Application", "kehoach");
    kh_xml_end(&x);
    return kh_xml_close(&x, out);
}

enum { P_CT, P_RELS, P_DOC, P_DOC_RELS, P_STYLES, P_SETTINGS, P_HDR, P_HDR1,
       P_CORE, P_APP, P_KH_ITEM, P_KH_PROPS, P_KH_RELS, N_PARTS };

int kh_render_docx(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                   kh_diags *diags)
{
    const kh_profile *pr = kh_profile_get(p->profile);
    dx d = {.p = p, .pr = pr, .o = o};
    d.text_w = kh_dx_twips_mm(pr->page_w - pr->margin_left - pr->margin_right);
    d.left_w = lround((double)d.text_w * pr->left_column_share);
    kh_buf b[N_PARTS] = {{0}};
    static const char *const names[N_PARTS] = {
        "[Content_Types].xml", "_rels/.rels", "word/document.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
        "word/header1.xml", "word/header2.xml", "docProps/core.xml", "docProps/app.xml",
        "customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels"};
    int rc = content_types(&b[P_CT]) | package_rels(&b[P_RELS]) |
             document(&d, &b[P_DOC]) | document_rels(&b[P_DOC_RELS]) |
             kh_dx_styles(pr, &b[P_STYLES]) | settings(&b[P_SETTINGS]) |
             header_part(&d, false, &b[P_HDR]) | header_part(&d, true, &b[P_HDR1]) |
             core(p, o, &b[P_CORE]) | app(&b[P_APP]);
    /* after document(): the records are those its bookmarks name */
    if (!rc)
        rc = kh_dx_meta_item(&d.meta, p, &b[P_KH_ITEM]) |
             kh_dx_meta_props(&b[P_KH_ITEM], &b[P_KH_PROPS]) | kh_dx_meta_rels(&b[P_KH_RELS]);
    char err[256] = "";
    if (rc) {
        snprintf(err, sizeof err, "the XML writer failed");
    } else {
        kh_zip_part parts[N_PARTS];
        for (int i = 0; i < N_PARTS; i++)
            parts[i] = (kh_zip_part){names[i], &b[i]};
        rc = kh_zip_parts(parts, N_PARTS, out, err, sizeof err);
    }
    kh_buf_free(&d.run);
    kh_dx_meta_free(&d.meta);
    for (int i = 0; i < N_PARTS; i++)
        kh_buf_free(&b[i]);
    if (rc) {
        kh_diag(diags, p->path, (kh_pos){0, 0}, KH_ERROR, "DOCX-WRITE",
                "cannot write the DOCX: %s", "không ghi được tệp DOCX: %s", err);
        out->len = 0;
        return 1;
    }
    return 0;
}
