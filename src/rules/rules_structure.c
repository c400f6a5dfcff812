/* rules_structure.c — catalogue B.4 (structure of the body): the opening
 * paragraph, the first and last Roman sections, inline enumerations, unit
 * numbering, paragraphs broken by copy and paste, balanced parentheses and
 * quotes, the end mark. Section numbering itself cannot be wrong (the
 * renderers number the tree): see docs/rules.md. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/markdown.h"
#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

/* ---- opening paragraph ---- */

typedef struct intro_scan {
    bool cites;
    const kh_para *last;
    kh_pos last_end;
    char tail[64];
} intro_scan;

static void intro_para(const kh_para *pa, void *ctx)
{
    intro_scan *st = ctx;
    kh_found_num n;
    for (size_t i = 0; kh_next_docnum(pa->s, pa->len, i, &n); i = n.end)
        if (n.has_so)
            st->cites = true;
    size_t k = pa->len > 20 ? pa->len - 20 : 0;
    while (k < pa->len && ((unsigned char)pa->s[k] & 0xC0) == 0x80)
        k++;
    snprintf(st->tail, sizeof st->tail, "%s", pa->s + k);
    st->last_end = kh_para_pos(pa, pa->len);
}

static bool basis_names(const kh_plan *p, const char *num)
{
    for (size_t i = 0; i < p->n_basis; i++)
        if (p->basis[i].s && strstr(p->basis[i].s, num))
            return true;
    return false;
}

void rule_intro_basis(const kh_plan *p, kh_rule_ctx *cx)
{
    if (kh_text_empty(&p->intro)) {
        kh_report(cx, p->title.pos,
                  "no opening paragraph: add 'intro:' naming the document implemented ('Thực hiện Kế hoạch số … ngày … của …, … như sau:')",
                  "thiếu đoạn mở đầu: thêm 'intro:' nêu văn bản được triển khai ('Thực hiện Kế hoạch số … ngày … của …, … như sau:')");
        return;
    }
    intro_scan st = {0};
    kh_walk_paras(cx, 1u << KH_F_INTRO, intro_para, &st);
    /* A plan that implements a document names it in the opening (or in a
     * căn cứ line); a plan on the issuer's own initiative implements
     * nothing and has nothing to name. */
    for (size_t i = 0; i < p->n_implements; i++) {
        const kh_text *num = &p->implements[i].number;
        if (kh_text_empty(num) || strstr(p->intro.s, num->s) || basis_names(p, num->s))
            continue;
        kh_report(cx, kh_text_locate(&p->intro, 0),
                  "the plan implements %s ('implements:'), but the opening paragraph never cites it; write 'Thực hiện … số %s ngày … của …'",
                  "kế hoạch triển khai văn bản %s ('implements:') nhưng đoạn mở đầu không nêu văn bản này; viết 'Thực hiện … số %s ngày … của …'",
                  num->s, num->s);
    }
    (void)st.cites;
    size_t n = strlen(st.tail);
    while (n && (st.tail[n - 1] == ' '))
        n--;
    st.tail[n] = '\0';
    const char *end = "như sau:";
    if (n < strlen(end) || strcmp(st.tail + n - strlen(end), end))
        kh_report(cx, st.last_end,
                  "the opening paragraph should end with '… như sau:' to lead into the sections (it ends '…%s')",
                  "đoạn mở đầu nên kết thúc bằng '… như sau:' để dẫn vào các mục (hiện kết thúc '…%s')",
                  st.tail);
}

/* ---- first and last sections ---- */

static bool title_is(const kh_section *s, const char *want)
{
    char *t = kh_md_inline_plain(s->title.s ? s->title.s : "");
    bool r = kh_contains_ci(t, want);
    free(t);
    return r;
}

void rule_sec_purpose(const kh_plan *p, kh_rule_ctx *cx)
{
    if (!p->n_sections)
        return;
    const kh_section *s = &p->sections[0];
    if (s->kind != KH_SEC_AIMS && !title_is(s, "mục đích")) {
        kh_report(cx, s->title.pos,
                  "the first section is usually 'MỤC ĐÍCH, YÊU CẦU' (with 'Mục đích' and 'Yêu cầu'); add it first, or mark it 'kind: aims'",
                  "mục I thường là 'MỤC ĐÍCH, YÊU CẦU' (gồm 'Mục đích' và 'Yêu cầu'); thêm mục này lên đầu, hoặc ghi 'kind: aims'");
        return;
    }
    /* `Mục đích` typed as section I itself (its parent heading missing):
     * say so at it, rather than that it lacks itself. */
    if (s->kind == KH_SEC_PURPOSE || (s->kind != KH_SEC_AIMS && !title_is(s, "yêu cầu"))) {
        kh_report(cx, s->title.pos,
                  "'Mục đích' stands as section I on its own: put it and 'Yêu cầu' under one section 'MỤC ĐÍCH, YÊU CẦU' ('kind: aims')",
                  "'Mục đích' đang là mục I riêng: đặt 'Mục đích' và 'Yêu cầu' vào một mục 'MỤC ĐÍCH, YÊU CẦU' ('kind: aims')");
        return;
    }
    /* `MỤC TIÊU` (Mục tiêu chung, Chỉ tiêu cụ thể): the aims of a
     * programme or a health plan, a form of its own with no Mục đích and
     * Yêu cầu to count (a false alarm of the blind batch 9). */
    if (!title_is(s, "mục đích") && !title_is(s, "yêu cầu") && title_is(s, "mục tiêu"))
        return;
    /* `MỤC ĐÍCH, YÊU CẦU` written as one body of dash items, with no
     * sub-items: a common and correct form; only sub-items are counted. */
    if (!s->n_sections && !kh_text_empty(&s->body))
        return;
    bool purpose = false, req = false;
    for (size_t i = 0; i < s->n_sections; i++) {
        const kh_section *c = &s->sections[i];
        purpose |= c->kind == KH_SEC_PURPOSE || title_is(c, "mục đích");
        req |= c->kind == KH_SEC_REQUIREMENTS || title_is(c, "yêu cầu");
    }
    if (!purpose || !req)
        kh_report(cx, s->title.pos,
                  "'MỤC ĐÍCH, YÊU CẦU' has no sub-item '%s'; add it ('kind: %s')",
                  "mục 'MỤC ĐÍCH, YÊU CẦU' thiếu tiểu mục '%s'; bổ sung ('kind: %s')",
                  !purpose ? "Mục đích" : "Yêu cầu", !purpose ? "purpose" : "requirements");
}

/* ---- R-SEC-TITLE-REPEAT ----
 * Two sections under one heading with the same title ("Mục đích" twice
 * where the second should be "Yêu cầu"): a heading retyped or pasted
 * from the one above. Titles compared as printed text, case folded. */
static void repeated_titles(kh_rule_ctx *cx, const kh_section *v, size_t n)
{
    if (n < 2 || n > 200)
        return; /* past 200 siblings, no plan: not judged (quadratic) */
    char **t = kh_xcalloc(n, sizeof *t);
    for (size_t i = 0; i < n; i++) {
        char *plain = kh_md_inline_plain(v[i].title.s ? v[i].title.s : "");
        t[i] = kh_fold(plain);
        free(plain);
    }
    for (size_t i = 1; i < n; i++)
        for (size_t j = 0; j < i; j++)
            if (t[i][0] && !strcmp(t[i], t[j])) {
                kh_report(cx, v[i].title.pos,
                          "two sections under one heading are both titled '%s'; retitle this one (a heading retyped from the one above?)",
                          "hai mục cùng cấp đều có tên '%s'; đặt lại tên mục này (chép nhầm tên mục trên?)",
                          v[i].title.s);
                kh_report_note(cx, NULL, v[j].title.pos, "the section of the same title",
                               "mục cùng tên");
                break;
            }
    for (size_t i = 0; i < n; i++)
        free(t[i]);
    free(t);
}

static void children_titles(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth;
    (void)number;
    repeated_titles(ctx, s->sections, s->n_sections);
}

void rule_sec_title_repeat(const kh_plan *p, kh_rule_ctx *cx)
{
    repeated_titles(cx, p->sections, p->n_sections);
    kh_plan_walk_sections(p, children_titles, cx);
}

static bool is_implementation(const kh_section *s)
{
    return s->kind == KH_SEC_IMPLEMENTATION || title_is(s, "tổ chức thực hiện");
}

void rule_sec_implement(const kh_plan *p, kh_rule_ctx *cx)
{
    size_t found = p->n_sections;
    for (size_t i = 0; i < p->n_sections; i++)
        if (is_implementation(&p->sections[i]))
            found = i;
    if (found == p->n_sections) {
        kh_pos pos = p->n_sections ? p->sections[p->n_sections - 1].pos : p->title.pos;
        kh_report(cx, pos,
                  "the plan has no section 'TỔ CHỨC THỰC HIỆN'; add it as the last section ('kind: implementation'), one unit per responsible body",
                  "kế hoạch thiếu mục 'TỔ CHỨC THỰC HIỆN'; thêm vào làm mục cuối ('kind: implementation'), mỗi đơn vị phụ trách một đoạn");
    } else if (found != p->n_sections - 1) {
        kh_report(cx, p->sections[found].title.pos,
                  "'TỔ CHỨC THỰC HIỆN' must be the last Roman section; move the sections after it before it",
                  "'TỔ CHỨC THỰC HIỆN' phải là mục La Mã cuối cùng; chuyển các mục phía sau lên trước");
    }
}

/* ---- inline enumerations (1) (2) (3) ---- */

static void enum_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    int expect = 0;
    for (size_t i = 0; (i = kh_skip_to(pa->s, pa->len, i, "(")) + 2 < pa->len; i++) {
        size_t j = i + 1;
        int v = 0, nd = 0;
        while (j < pa->len && pa->s[j] >= '0' && pa->s[j] <= '9' && nd < 3) {
            v = v * 10 + (pa->s[j++] - '0');
            nd++;
        }
        if (!nd || nd > 2 || j >= pa->len || pa->s[j] != ')')
            continue; /* (1945) is a year, not an item */
        if (expect == 0) {
            if (v != 1)
                continue;
            expect = 2;
            continue;
        }
        if (v == expect) {
            expect++;
        } else if (v > expect) {
            kh_report(cx, kh_para_pos(pa, i),
                      "enumeration jumps from (%d) to (%d): (%d) is missing; renumber the items",
                      "liệt kê nhảy từ (%d) sang (%d): thiếu (%d); đánh số lại các mục",
                      expect - 1, v, expect);
            expect = v + 1;
        } else {
            kh_report(cx, kh_para_pos(pa, i),
                      "enumeration goes back from (%d) to (%d); renumber the items",
                      "liệt kê quay lại từ (%d) về (%d); đánh số lại các mục", expect - 1, v);
            expect = v + 1;
        }
    }
}

void rule_enum_seq(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, KH_BODY_FIELDS, enum_para, cx);
}

/* ---- units ---- */

static void units_numbered(const kh_section *s, int depth, const char *number, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    for (size_t i = 0; i < s->n_units; i++)
        if (!s->units[i].numbered)
            kh_report(cx, s->units[i].name.pos,
                      "unit '%s' in section %s carries no number; number it (remove 'numbered: false'), or merge it into the unit it belongs to",
                      "đơn vị '%s' trong mục %s không được đánh số; đánh số (bỏ 'numbered: false'), hoặc gộp vào đơn vị mà nó thuộc về",
                      s->units[i].name.s ? s->units[i].name.s : "", number);
}

void rule_unit_numbered(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_plan_walk_sections(p, units_numbered, cx);
}

/* ---- paragraphs broken by copy and paste ---- */

typedef struct lower_scan {
    kh_rule_ctx *cx;
    const kh_field *field;
    bool prev_open;      /* the previous paragraph ended without punctuation */
    char prev_tail[48];
} lower_scan;

/* Ends with punctuation, after closing quotes, brackets and emphasis. */
static bool ends_punct(const kh_para *pa)
{
    size_t n = pa->len;
    for (;;) {
        while (n && (pa->s[n - 1] == ' ' || pa->s[n - 1] == ')' || pa->s[n - 1] == '"' ||
                     pa->s[n - 1] == '\''))
            n--;
        if (n >= 3 && (!memcmp(pa->s + n - 3, "”", 3) || !memcmp(pa->s + n - 3, "’", 3)))
            n -= 3;
        else
            break;
    }
    if (!n)
        return true;
    char c = pa->s[n - 1];
    if (strchr(".:;,!?", c))
        return true;
    return n >= 3 && !memcmp(pa->s + n - 3, "…", 3);
}

static size_t first_letter(const kh_para *pa)
{
    size_t i = kh_point_label(pa->s, pa->len); /* `a) Soạn thảo …`: past the label */
    if (i && pa->s[i - 3] >= '0' && pa->s[i - 3] <= '9')
        return pa->len; /* a numbered item, as below */
    while (i < pa->len && !kh_is_letter_at(pa->s, pa->len, i)) {
        if (pa->s[i] >= '0' && pa->s[i] <= '9')
            return pa->len;
        i++;
    }
    return i;
}

static void lower_para(const kh_para *pa, void *ctx)
{
    lower_scan *st = ctx;
    if (st->field != pa->field) {
        st->field = pa->field;
        st->prev_open = false;
    }
    size_t i = first_letter(pa);
    if (i < pa->len && kh_is_lower_at(pa->s, pa->len, i)) {
        kh_report(st->cx, kh_para_pos(pa, i),
                  "paragraph starts in lower case ('%.*s…'): probably a line broken by copy and paste; join it to the previous paragraph",
                  "đoạn văn bắt đầu bằng chữ thường ('%.*s…'): có lẽ một dòng bị ngắt khi sao chép; nối vào đoạn trước",
                  kh_cut(pa->s + i, pa->len - i, 24), pa->s + i);
    } else if (st->prev_open && i < pa->len) {
        kh_report(st->cx, kh_para_pos(pa, i),
                  "the previous paragraph ends without punctuation ('…%s'): probably one paragraph cut in two; join them, or end the previous one with '.'",
                  "đoạn trước kết thúc không có dấu câu ('…%s'): có lẽ một đoạn bị cắt làm hai; nối lại, hoặc thêm dấu '.' cho đoạn trước",
                  st->prev_tail);
    }
    st->prev_open = !ends_punct(pa);
    size_t k = pa->len > 24 ? pa->len - 24 : 0;
    while (k < pa->len && ((unsigned char)pa->s[k] & 0xC0) == 0x80)
        k++;
    snprintf(st->prev_tail, sizeof st->prev_tail, "%s", pa->s + k);
}

void rule_para_lower_start(const kh_plan *p, kh_rule_ctx *cx)
{
    lower_scan st = {cx, NULL, false, ""};
    kh_walk_paras(cx, KH_BODY_FIELDS, lower_para, &st);
}

/* ---- balance ---- */

static void paren_para(const kh_para *pa, void *ctx)
{
    if (pa->field->kind != KH_F_TITLE) /* the title has R-TITLE-QUOTES */
        kh_check_pairs(pa, ctx, true, false);
}

void rule_paren_balance(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, KH_PROSE_FIELDS & ~(1u << KH_F_TITLE), paren_para, cx);
}

static void quote_para(const kh_para *pa, void *ctx)
{
    kh_check_pairs(pa, ctx, false, true);
}

void rule_quote_balance(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, KH_PROSE_FIELDS & ~(1u << KH_F_TITLE), quote_para, cx);
}

/* ---- end mark ---- */

static void last_body_para(const kh_para *pa, void *ctx)
{
    *(const kh_para **)ctx = pa;
}

void rule_end_mark(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_profile *pf = kh_profile_get(p->profile);
    const kh_para *last = NULL;
    kh_walk_paras(cx, KH_BODY_FIELDS, last_body_para, &last);
    if (!last)
        return;
    bool has_mark = last->len >= 3 && !memcmp(last->s + last->len - 3, "./.", 3);
    if (has_mark && !pf->end_mark) {
        char *vf = kh_vi_fmt("nội dung kết thúc bằng './.', thể thức {P} không quy định dấu này (chưa xác minh); chỉ giữ nếu cơ quan quen dùng", pf);
        kh_report(cx, kh_para_pos(last, last->len - 3),
                  "the body ends with './.', which the %s profile does not prescribe (unconfirmed); keep it only if your office uses it",
                  vf, pf->name);
        free(vf);
    }
}

/* ---- R-BODY-TABLE ---- */

/* A line that opens a Markdown pipe table: `| TT | Nội dung |` followed by
 * its delimiter row `|----|:---:|`. Markdown (CommonMark) has no tables,
 * so the renderers would print the rows as one paragraph of bars. */
static bool delimiter_row(const char *q, const char *end)
{
    size_t dashes = 0, bars = 0;
    for (; q < end; q++) {
        if (*q == '-')
            dashes++;
        else if (*q == '|')
            bars++;
        else if (*q != ':' && *q != ' ' && *q != '\t' && *q != '\r')
            return false;
    }
    return dashes >= 3 && bars >= 1;
}

static void body_table_field(const kh_field *f, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    if (!f->markdown)
        return;
    const char *s = f->t->s;
    const char *prev = NULL, *prev_end = NULL;
    for (const char *line = s; *line;) {
        const char *end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        const char *q = line;
        while (q < end && (*q == ' ' || *q == '\t'))
            q++;
        if (prev && delimiter_row(q, end) && memchr(prev, '|', (size_t)(prev_end - prev))) {
            kh_report(cx, kh_text_locate(f->t, (size_t)(prev - s)),
                      "a Markdown table in a body is printed as text, bars and all; write it as the section's 'table:' (columns, rows), which every output sets as a real table",
                      "bảng Markdown trong nội dung sẽ in ra như văn bản, kèm cả dấu '|'; hãy viết thành 'table:' của mục (columns, rows) để mọi định dạng đầu ra trình bày thành bảng");
            return; /* once per body */
        }
        prev = q < end && *q == '|' ? q : NULL;
        prev_end = end;
        line = *end ? end + 1 : end;
    }
}

void rule_body_table(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_fields(p, body_table_field, cx);
}
