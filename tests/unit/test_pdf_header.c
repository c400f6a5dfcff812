/* test_pdf_header.c — the PDF composition of the state profile's header
 * and signature (src/render/pdf_doc.c), on the real plans with a fake font
 * (every code point 0.5 em, 0.6 em in bold, a space 0.25 em): the issuer
 * wrapped to even lines by width, the rule under it centred and 1/3–1/2 of
 * the name's widest line, clear of the text above and below; the three
 * authority lines of the signature; the party header left as it was. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/render/pdf_doc.h"
#include "kehoach/load.h"
#include "kehoach/text.h"
#include "tap.h"

#include "fake_measure.h"

/* The text of one line, boxes joined by a space where there is a gap. */
static char *line_text(const kh_block *b, const kh_line *ln)
{
    kh_buf out = {0};
    for (size_t i = 0; i < ln->n_boxes; i++) {
        const kh_box *bx = &b->boxes[ln->first_box + i];
        bool glued = i > 0 && fabs(b->boxes[ln->first_box + i - 1].x +
                                   b->boxes[ln->first_box + i - 1].w - bx->x) < 1e-9;
        if (out.len && !glued)
            kh_buf_putc(&out, ' ');
        kh_buf_put(&out, bx->s, bx->n);
    }
    char *s = kh_buf_take(&out);
    return s ? s : kh_strdup("");
}

/* Index of the first line of b whose text is `want`, or -1. */
static long find_line(const kh_block *b, const char *want)
{
    for (size_t i = 0; i < b->n_lines; i++) {
        char *t = line_text(b, &b->lines[i]);
        bool hit = !strcmp(t, want);
        free(t);
        if (hit)
            return (long)i;
    }
    return -1;
}

static bool build(kh_pdf_layout *L, const char *path, kh_plan **plan)
{
    kh_diags d = {0};
    *plan = kh_load_file(path, &d);
    CHECK(*plan != NULL && !d.count[KH_ERROR], "%s loads", path);
    kh_diags_free(&d);
    if (!*plan)
        return false;
    kh_render_opts o = {.checklist = false, .epoch = -1, .lang = KH_LANG_VI};
    int r = kh_pdf_layout_build(L, *plan, &o, &M, &d);
    CHECK_INT(r, 0, "%s lays out", path);
    kh_diags_free(&d);
    return r == 0;
}

static void test_state_header(void)
{
    kh_pdf_layout L;
    kh_plan *p;
    if (!build(&L, "plans/state/ubnd-bach-thong-chuyen-doi-so.yaml", &p))
        return;
    const kh_block *h = &L.doc.v[0];
    double lw = L.text_w * L.pr->left_column_share;
    long l1 = find_line(h, "ỦY BAN NHÂN DÂN"), l2 = find_line(h, "HUYỆN BẠCH THÔNG");
    CHECK(l1 >= 0 && l2 == l1 + 1, "issuer set as 'ỦY BAN NHÂN DÂN' / 'HUYỆN BẠCH THÔNG' (%ld, %ld)",
          l1, l2);
    /* First-fit in the same column would leave a word alone. */
    CHECK(fake_width(NULL, 1, L.pr->size_issuer, "ỦY BAN NHÂN DÂN HUYỆN", strlen("ỦY BAN NHÂN DÂN HUYỆN")) < lw,
          "the column would hold a first-fit line of four words: the break is by balance, not by fit");
    long num = find_line(h, "Số: 45/KH-UBND");
    CHECK(num > l2, "the number comes under the issuer");
    if (l1 < 0 || l2 < 0 || num < 0)
        goto out;
    const kh_line *a = &h->lines[l1], *b = &h->lines[l2], *n = &h->lines[num];
    double widest = fmax(a->right - a->left, b->right - b->left);
    const kh_rule *rule = NULL;
    for (size_t i = 0; i < h->n_rules; i++)
        if (h->rules[i].x2 <= lw && h->rules[i].y1 > b->y && h->rules[i].y1 < n->y)
            rule = &h->rules[i];
    CHECK(rule != NULL, "a rule in the left column between the issuer and the number");
    if (rule) {
        double len = rule->x2 - rule->x1;
        CHECK(len >= widest / 3 - 1e-6 && len <= widest / 2 + 1e-6,
              "rule is 1/3–1/2 of the widest issuer line (%.1f of %.1f)", len, widest);
        CHECK(fabs((rule->x1 + rule->x2) / 2 - lw / 2) < 0.01, "rule centred in the column");
        CHECK(fabs((a->left + a->right) / 2 - lw / 2) < 0.5 &&
                  fabs((b->left + b->right) / 2 - lw / 2) < 0.5,
              "issuer lines centred over it");
        CHECK(rule->y1 - b->y >= L.pr->size_issuer * 0.3, "rule clear of the marks below the issuer");
        CHECK(n->y - L.pr->size_number - rule->y1 > 0, "rule clear of the number line");
        CHECK(fabs(rule->y1 - rule->y2) < 1e-9, "rule is horizontal");
    }
out:
    kh_pdf_layout_free(&L);
    kh_plan_free(p);
}

static void test_state_signature(void)
{
    kh_pdf_layout L;
    kh_plan *p;
    if (!build(&L, "plans/state/ubnd-bach-thong-chuyen-doi-so.yaml", &p))
        return;
    const kh_block *e = &L.doc.v[L.end_block];
    long tm = find_line(e, "TM. ỦY BAN NHÂN DÂN"), kt = find_line(e, "KT. CHỦ TỊCH"),
         pct = find_line(e, "PHÓ CHỦ TỊCH"), name = find_line(e, "Nguyễn Văn C");
    CHECK(tm >= 0 && kt > tm && pct > kt && name > pct,
          "signature: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name (%ld %ld %ld %ld)",
          tm, kt, pct, name);
    if (tm >= 0 && kt > tm && pct > kt && name > pct) {
        CHECK(fabs(e->lines[kt].y - e->lines[tm].y - L.pr->line_height) < 0.01 &&
                  fabs(e->lines[pct].y - e->lines[kt].y - L.pr->line_height) < 0.01,
              "the three authority lines are consecutive");
        CHECK(e->lines[name].y - e->lines[pct].y >= L.pr->signature_blank_lines * L.pr->line_height,
              "room for the seal and signature before the name");
        const kh_box *bx = &e->boxes[e->lines[kt].first_box];
        CHECK(bx->style & KH_ST_BOLD, "the KT. line is bold");
    }
    /* Căn cứ lines: italic, one paragraph each, before the intro. */
    size_t first = L.body_first;
    char *t1 = line_text(&L.doc.v[first], &L.doc.v[first].lines[0]);
    CHECK(!strncmp(t1, "Căn cứ Quyết định số 505/QĐ-TTg", strlen("Căn cứ Quyết định số 505/QĐ-TTg")),
          "the body opens with the first căn cứ line");
    free(t1);
    const kh_box *ib = &L.doc.v[first].boxes[0];
    CHECK((ib->style & KH_ST_ITALIC) && !(ib->style & KH_ST_BOLD), "căn cứ set in italics (state)");
    kh_pdf_layout_free(&L);
    kh_plan_free(p);
}

static void test_party_header_unchanged(void)
{
    kh_pdf_layout L;
    kh_plan *p;
    if (!build(&L, "plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml", &p))
        return;
    const kh_block *h = &L.doc.v[0];
    double lw = L.text_w * L.pr->left_column_share;
    CHECK(find_line(h, "*") >= 0, "party: the * under the issuer");
    size_t left_rules = 0;
    for (size_t i = 0; i < h->n_rules; i++)
        left_rules += h->rules[i].x2 <= lw;
    CHECK_INT((int)left_rules, 0, "party: no rule in the left column");
    const kh_block *e = &L.doc.v[L.end_block];
    CHECK(find_line(e, "T/M BAN CHẤP HÀNH") >= 0 && find_line(e, "BÍ THƯ") >= 0,
          "party: T/M BAN CHẤP HÀNH / BÍ THƯ");
    kh_pdf_layout_free(&L);
    kh_plan_free(p);
}

/* A header name with a spaced dash, wrapped to even lines by the state
 * profile: the dash binds to its neighbours, so no line ends or starts
 * with it; a name written on several lines keeps them (party too). */
static void test_header_name_lines(void)
{
    size_t len;
    char *src = kh_read_file("plans/state/ubnd-bach-thong-chuyen-doi-so.yaml", 1 << 20, &len);
    CHECK(src != NULL, "the state example reads");
    if (!src)
        return;
    const char *old = "issuer: Ủy ban nhân dân huyện Bạch Thông";
    char *at = strstr(src, old);
    CHECK(at != NULL, "its issuer line is where the test expects it");
    if (!at) {
        free(src);
        return;
    }
    kh_buf b = {0};
    kh_buf_put(&b, src, (size_t)(at - src));
    kh_buf_puts(&b, "issuer: Sở Văn hóa Thể thao - Du lịch tỉnh Hà Giang");
    kh_buf_puts(&b, at + strlen(old));
    char *text = kh_buf_take(&b);
    kh_diags d = {0};
    kh_plan *p = kh_load_buffer("dash.yaml", text, strlen(text), &d);
    kh_diags_free(&d);
    kh_pdf_layout L;
    kh_render_opts o = {.checklist = false, .epoch = -1, .lang = KH_LANG_VI};
    CHECK(p && kh_pdf_layout_build(&L, p, &o, &M, &d) == 0, "the dashed issuer lays out");
    kh_diags_free(&d);
    if (p) {
        const kh_block *h = &L.doc.v[0];
        double lw = L.text_w * L.pr->left_column_share;
        bool dash_free = true, joined = false;
        for (size_t i = 0; i < h->n_lines; i++) {
            if (h->lines[i].left >= lw) /* right column */
                continue;
            char *t = line_text(h, &h->lines[i]);
            size_t n = strlen(t);
            if ((n >= 2 && !strcmp(t + n - 2, " -")) || !strncmp(t, "- ", 2))
                dash_free = false;
            joined |= strstr(t, "THAO - DU") != NULL;
            free(t);
        }
        CHECK(dash_free, "no issuer line ends or starts with the dash");
        CHECK(joined, "the dash stays between its words on one line");
        kh_pdf_layout_free(&L);
        kh_plan_free(p);
    }
    free(text);
    free(src);

    kh_plan *q;
    if (!build(&L, "plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml", &q))
        return;
    const kh_block *h = &L.doc.v[0];
    long a = find_line(h, "ĐẢNG BỘ KHỐI CÁC CƠ QUAN"), b2 = find_line(h, "VÀ DOANH NGHIỆP"),
         c = find_line(h, "TỈNH TUYÊN QUANG");
    CHECK(a >= 0 && b2 == a + 1 && c == a + 2,
          "party: the superior body on the three lines the plan gives (%ld %ld %ld)", a, b2, c);
    kh_pdf_layout_free(&L);
    kh_plan_free(q);
}

int main(void)
{
    test_state_header();
    test_state_signature();
    test_header_name_lines();
    test_party_header_unchanged();
    return TAP_DONE();
}
