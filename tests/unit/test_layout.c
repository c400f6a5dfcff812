/* test_layout.c — the PDF's line breaking and pagination (src/render/
 * layout.c) with a fake font: every code point is 0.5 em wide (0.6 em in
 * bold), a space 0.25 em. No PDF is written. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/render/layout.h"
#include "kehoach/text.h"
#include "tap.h"

#include "fake_measure.h"

static const char *TEXT =
    "Giúp cấp ủy, chi bộ lãnh đạo, chỉ đạo tổ chức đợt sinh hoạt chính trị, "
    "tư tưởng sâu rộng trong toàn Đảng bộ về nội dung bài viết của Tổng Bí "
    "thư. Khơi dậy niềm tự hào, củng cố niềm tin của cán bộ, đảng viên, công "
    "chức, viên chức, người lao động của Đảng bộ với đường lối lãnh đạo của "
    "Đảng, chính sách, pháp luật của Nhà nước.";

static kh_para_style body(double width)
{
    return (kh_para_style){10, 12, width, 0, 15, KH_ALIGN_JUSTIFY, KH_ALIGN_LEFT};
}

/* The words of a block, re-joined with single spaces. */
static char *rejoin(const kh_block *b)
{
    kh_buf out = {0};
    for (size_t l = 0; l < b->n_lines; l++) {
        const kh_line *ln = &b->lines[l];
        for (size_t i = 0; i < ln->n_boxes; i++) {
            const kh_box *bx = &b->boxes[ln->first_box + i];
            bool glued = i > 0 && fabs(b->boxes[ln->first_box + i - 1].x +
                                       b->boxes[ln->first_box + i - 1].w - bx->x) < 1e-9;
            if (out.len && !glued)
                kh_buf_putc(&out, ' ');
            kh_buf_put(&out, bx->s, bx->n);
        }
    }
    return kh_buf_take(&out);
}

static void test_justify(void)
{
    kh_block b = {0};
    kh_span sp = {TEXT, strlen(TEXT), 0};
    kh_para_style st = body(200);
    size_t n = kh_layout_para(&b, &sp, 1, &st, &M);
    CHECK(n >= 4, "a long paragraph breaks into several lines (%zu)", n);
    CHECK_INT(b.n_lines, n, "lines are appended to the block");
    bool filled = true, inside = true, last_ragged;
    for (size_t i = 0; i + 1 < b.n_lines; i++)
        filled &= fabs(b.lines[i].right - 200) < 1e-6;
    for (size_t i = 0; i < b.n_lines; i++)
        inside &= b.lines[i].right <= 200 + 1e-6 && b.lines[i].left >= -1e-9;
    last_ragged = b.lines[b.n_lines - 1].right < 200 - 1;
    CHECK(filled, "justified lines fill the measure exactly");
    CHECK(inside, "no line overflows the margin");
    CHECK(last_ragged, "the last line is set ragged (left aligned)");
    CHECK(fabs(b.lines[0].left - 15) < 1e-9, "the first line is indented");
    CHECK(fabs(b.lines[1].left) < 1e-9, "the other lines are not");
    /* Justification is by word spacing only: boxes are never letter-spaced,
     * so a box's width is its natural width. */
    bool natural = true;
    for (size_t i = 0; i < b.n_boxes; i++)
        natural &= fabs(b.boxes[i].w - fake_width(NULL, 0, 10, b.boxes[i].s, b.boxes[i].n)) < 1e-9;
    CHECK(natural, "boxes keep their natural width (no letter spacing)");
    char *back = rejoin(&b);
    CHECK_STR(back, TEXT, "every word comes back, in order");
    free(back);
    CHECK(fabs(b.height - 12.0 * (double)n) < 1e-9, "block height is lines x leading");
    kh_block_clear(&b);
}

static void test_styles_and_long_words(void)
{
    kh_block b = {0};
    kh_span sp[] = {
        {"Báo cáo về Đảng ủy ", 20, 0},
        {"trước ngày 15/11/2024", strlen("trước ngày 15/11/2024"), KH_ST_BOLD},
        {". https://example.org/a/very/long/path/that/cannot/fit/on/one/line/at/all/x", 0, 0},
    };
    sp[0].n = strlen(sp[0].s);
    sp[2].n = strlen(sp[2].s);
    kh_para_style st = body(120);
    kh_layout_para(&b, sp, 3, &st, &M);
    bool inside = true;
    for (size_t i = 0; i < b.n_lines; i++)
        inside &= b.lines[i].right <= 120 + 1e-6;
    CHECK(inside, "a word longer than the measure is cut, never overflowing");
    bool bold_seen = false, glued = false;
    for (size_t i = 0; i + 1 < b.n_boxes; i++) {
        if (b.boxes[i].style & KH_ST_BOLD)
            bold_seen = true;
        /* "15/11/2024" (bold) and "." (regular) form one word: adjacent. */
        if ((b.boxes[i].style & KH_ST_BOLD) && !(b.boxes[i + 1].style & KH_ST_BOLD) &&
            b.boxes[i + 1].s[0] == '.')
            glued = fabs(b.boxes[i].x + b.boxes[i].w - b.boxes[i + 1].x) < 1e-9;
    }
    CHECK(bold_seen, "inline bold is kept as a style of its boxes");
    CHECK(glued, "a style change inside a word adds no space");
    kh_block_clear(&b);

    kh_span br[] = {{"một", 4, 0}, {"", 0, KH_ST_BREAK}, {"hai", 3, 0}};
    br[0].n = strlen(br[0].s);
    st = body(400);
    CHECK_INT(kh_layout_para(&b, br, 3, &st, &M), 2, "a forced break starts a new line");
    kh_block_clear(&b);

    kh_span c = {"KẾ HOẠCH", strlen("KẾ HOẠCH"), KH_ST_BOLD};
    kh_para_style cs = {16, 18, 300, 0, 0, KH_ALIGN_CENTER, KH_ALIGN_CENTER};
    kh_layout_para(&b, &c, 1, &cs, &M);
    double w = b.lines[0].right - b.lines[0].left;
    CHECK(fabs(b.lines[0].left - (300 - w) / 2) < 1e-6, "centred text is centred");
    kh_block_clear(&b);
}

/* A block of n body lines of leading 10. */
static kh_block *para(kh_doc *d, int n, bool keep_next)
{
    kh_block *b = kh_doc_add(d);
    for (int i = 0; i < n; i++) {
        kh_span s = {"x", 1, 0};
        kh_layout_text(b, &s, 1, 10, 0, b->height + 8, 10, &M);
        b->height += 10;
    }
    b->keep_with_next = keep_next;
    return b;
}

static int lines_on(const kh_block *b, int page)
{
    int n = 0;
    for (size_t i = 0; i < b->n_lines; i++)
        n += b->lines[i].page == page;
    return n;
}

static void test_paginate(void)
{
    /* Page of 100 pt: 10 lines. */
    kh_doc d = {0};
    para(&d, 8, false);
    para(&d, 1, true); /* a heading on line 9 */
    para(&d, 5, false);
    kh_paginate(&d, 0, 100);
    CHECK_INT(d.v[1].lines[0].page, 1, "a heading that would end a page moves to the next");
    CHECK_INT(d.v[2].lines[0].page, 1, "... with the text that follows it");
    CHECK(fabs(d.v[1].lines[0].page_y - 8) < 1e-9, "it starts the new page at the top");
    kh_doc_free(&d);

    memset(&d, 0, sizeof d);
    para(&d, 9, false);
    para(&d, 5, false); /* one line would fit: an orphan */
    kh_paginate(&d, 0, 100);
    CHECK_INT(lines_on(&d.v[1], 0), 0, "no orphan: a single first line is not left at the foot");
    kh_doc_free(&d);

    memset(&d, 0, sizeof d);
    para(&d, 6, false);
    para(&d, 5, false); /* four lines fit: the fifth would be a widow */
    kh_paginate(&d, 0, 100);
    CHECK_INT(lines_on(&d.v[1], 0), 3, "no widow: the break leaves two lines for the next page");
    CHECK_INT(lines_on(&d.v[1], 1), 2, "... and two lines carry over");
    kh_doc_free(&d);

    memset(&d, 0, sizeof d);
    para(&d, 7, true);
    kh_block *g = para(&d, 4, false);
    g->keep_together = true; /* the signature block: 4 lines, 3 fit */
    kh_paginate(&d, 0, 100);
    CHECK_INT(d.v[1].page, 1, "a keep-together block is never split");
    CHECK(lines_on(&d.v[0], 1) >= 2, "and the body lines before it keep it company (%d)",
          lines_on(&d.v[0], 1));
    kh_doc_free(&d);

    memset(&d, 0, sizeof d);
    para(&d, 2, false);
    kh_block *ap = para(&d, 2, false);
    ap->page_break_before = true;
    kh_paginate(&d, 0, 100);
    CHECK_INT(d.v[1].page, 1, "a page break before the appendix is honoured");
    CHECK_INT(d.n_pages, 2, "two pages");
    kh_doc_free(&d);

    memset(&d, 0, sizeof d);
    kh_block *big = para(&d, 25, false);
    big->keep_together = true; /* taller than a page: must still progress */
    para(&d, 1, false);
    kh_paginate(&d, 0, 100);
    CHECK(d.n_pages >= 2, "a block taller than a page does not hang the paginator");
    kh_doc_free(&d);

    memset(&d, 0, sizeof d);
    para(&d, 3, false)->space_before = 6;
    kh_paginate(&d, 30, 100);
    CHECK(fabs(d.v[0].lines[0].page_y - (30 + 6 + 8)) < 1e-9,
          "the body starts below the header, with its space before");
    kh_doc_free(&d);
}

/* A table: a heading row of 2 lines, then 25 rows of 1 line each, on
 * pages of 10 lines: every page after the first starts with the heading
 * drawn again, and its rows below it. */
static void test_repeat_header(void)
{
    kh_doc d = {0};
    para(&d, 3, false);
    kh_block *h = para(&d, 2, true);
    h->keep_together = true;
    size_t head = d.n; /* 1 + index */
    for (int i = 0; i < 25; i++) {
        kh_block *r = para(&d, 1, false);
        r->keep_together = true;
        r->repeat_header = head;
    }
    kh_paginate(&d, 0, 100);
    /* Page 0: 3 + 2 + 5 rows; later pages: 2 + 8 rows: 5 + 8 + 8 + 4. */
    CHECK_INT(d.n_pages, 4, "the table runs over four pages");
    CHECK_INT((int)d.n_repeats, 3, "the heading is repeated on each of the three later pages");
    bool ok = true;
    for (size_t k = 0; k < d.n_repeats; k++) {
        const kh_repeat *r = &d.repeats[k];
        ok &= r->block == head - 1 && r->page == (int)k + 1 && fabs(r->page_y) < 1e-9;
    }
    CHECK(ok, "each repeat is the heading, at the top of pages 1, 2, 3");
    const kh_block *first_on_1 = NULL;
    for (size_t i = head; i < d.n && !first_on_1; i++)
        if (d.v[i].page == 1)
            first_on_1 = &d.v[i];
    CHECK(first_on_1 && fabs(first_on_1->page_y - 20) < 1e-9,
          "the first row of page 1 sits below the repeated heading (y %.1f)",
          first_on_1 ? first_on_1->page_y : -1.0);
    int rows_last = 0;
    for (size_t i = head; i < d.n; i++)
        rows_last += d.v[i].page == 3;
    CHECK_INT(rows_last, 4, "the last page holds the last four rows");
    kh_paginate(&d, 0, 100);
    CHECK_INT((int)d.n_repeats, 3, "paginating again does not pile up repeats");
    kh_doc_free(&d);

    /* Without repeat_header nothing is repeated. */
    memset(&d, 0, sizeof d);
    for (int i = 0; i < 25; i++)
        para(&d, 1, false)->keep_together = true;
    kh_paginate(&d, 0, 100);
    CHECK_INT((int)d.n_repeats, 0, "no heading, no repeat");
    kh_doc_free(&d);
}

/* A spaced dash: the list dash keeps one fixed space before its first word,
 * however the spans bring the white space; inside a line the dash binds to
 * both neighbours, so no line starts or ends with it. */
static void test_dashes(void)
{
    kh_block b = {0};
    /* The PDF renderer's list item: "- ", then " " before the paragraph's
     * text (as after an inline heading), then the text. */
    kh_span item[] = {{"- ", 2, 0}, {" ", 1, 0}, {TEXT, strlen(TEXT), 0}};
    kh_para_style st = body(200);
    kh_layout_para(&b, item, 3, &st, &M);
    const kh_box *bx = b.boxes;
    CHECK(b.n_boxes > 3 && bx[0].n == 1 && bx[0].s[0] == '-', "the item starts with its dash");
    size_t k = 1;
    while (k < b.n_boxes && bx[k].n == 1 && bx[k].s[0] == ' ')
        k++;
    CHECK_INT(k, 2, "one space box after the dash, not two");
    double gap = bx[k].x - (bx[0].x + bx[0].w);
    CHECK(fabs(gap - 2.5) < 1e-9, "the dash's space is one natural space (%.3f)", gap);
    char *back = rejoin(&b);
    CHECK(!strncmp(back, "- Giúp", strlen("- Giúp")), "the text comes back after the dash");
    free(back);
    kh_block_clear(&b);

    static const char *RANGE =
        "Lao động - Thương binh và Xã hội, nhiệm kỳ 2020 - 2025 và 2025 - 2030, "
        "kỷ nguyên mới - kỷ nguyên vươn mình - của dân tộc - Việt Nam - hôm nay.";
    bool clean = true;
    for (double w = 40; w <= 240; w += 7) {
        kh_span sp = {RANGE, strlen(RANGE), 0};
        st = body(w);
        st.first_indent = 0;
        kh_layout_para(&b, &sp, 1, &st, &M);
        for (size_t l = 0; l < b.n_lines; l++) {
            const kh_line *ln = &b.lines[l];
            const kh_box *first = &b.boxes[ln->first_box];
            const kh_box *last = &b.boxes[ln->first_box + ln->n_boxes - 1];
            if ((first->n == 1 && first->s[0] == '-') || (last->n == 1 && last->s[0] == '-'))
                clean = false;
        }
        kh_block_clear(&b);
    }
    CHECK(clean, "no line starts or ends with a spaced dash, at any measure");
}

int main(void)
{
    test_justify();
    test_styles_and_long_words();
    test_paginate();
    test_repeat_header();
    test_dashes();
    return TAP_DONE();
}
