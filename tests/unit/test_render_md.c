/* test_render_md.c — the Markdown renderer on real plans and small ones:
 * the output parses back (cmark) to the intended structure (numbered
 * sections as headings, never ordered lists), placeholders and layouts,
 * recipients' roles and groups, the profile's header texts, raw HTML and
 * unsafe links dropped with located warnings, byte-stable output. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "kehoach/compose.h"
#include "kehoach/load.h"
#include "kehoach/markdown.h"
#include "kehoach/render.h"
#include "tap.h"

static char *render_buf(const char *name, const char *yaml, kh_diags *d, bool checklist)
{
    kh_plan *p = kh_load_buffer(name, yaml, strlen(yaml), d);
    if (!p)
        return NULL;
    kh_render_opts o = {.checklist = checklist, .epoch = -1, .lang = KH_LANG_VI};
    kh_buf out = {0};
    int rc = kh_render_md(p, &o, &out, d);
    kh_plan_free(p);
    if (rc != 0) {
        kh_buf_free(&out);
        return NULL;
    }
    return kh_buf_take(&out);
}

static char *render_file(const char *path, bool checklist)
{
    kh_diags d = {0};
    kh_plan *p = kh_load_file(path, &d);
    char *r = NULL;
    if (p) {
        kh_render_opts o = {.checklist = checklist, .epoch = -1, .lang = KH_LANG_EN};
        kh_buf out = {0};
        if (kh_render_md(p, &o, &out, &d) == 0)
            r = kh_buf_take(&out);
        kh_buf_free(&out);
    }
    kh_plan_free(p);
    kh_diags_free(&d);
    return r;
}

/* Headings of a Markdown text as "level|plain text" lines; counts node types. */
typedef struct shape {
    kh_buf headings;
    int ordered_lists, html, links, paragraphs, items;
} shape;

static void shape_of(const char *md, shape *s)
{
    memset(s, 0, sizeof *s);
    cmark_node *doc = cmark_parse_document(md, strlen(md), 0);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING: {
            kh_buf t = {0};
            kh_md_plain(n, &t);
            kh_buf_printf(&s->headings, "%d|%s\n", cmark_node_get_heading_level(n),
                          kh_buf_str(&t));
            kh_buf_free(&t);
            break;
        }
        case CMARK_NODE_LIST:
            if (cmark_node_get_list_type(n) == CMARK_ORDERED_LIST)
                s->ordered_lists++;
            break;
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE:
            s->html++;
            break;
        case CMARK_NODE_LINK:
            s->links++;
            break;
        case CMARK_NODE_PARAGRAPH:
            s->paragraphs++;
            break;
        case CMARK_NODE_ITEM:
            s->items++;
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
}

static bool has(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

static const char *diag_id_at(const kh_diags *d, const char *id, unsigned *line)
{
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->v[i].id, id)) {
            *line = d->v[i].pos.line;
            return d->v[i].id;
        }
    return NULL;
}

static void seed_plans(void)
{
    static const struct {
        const char *path;
        const char *headings; /* expected, in order */
    } plans[] = {
        {"plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml",
         "1|KẾ HOẠCH\n2|I- MỤC ĐÍCH, YÊU CẦU\n3|1- Mục đích\n3|2- Yêu cầu\n"},
        {"plans/002-hai-ba-trung-quan-uy.yaml",
         "1|KẾ HOẠCH\n2|I. MỤC ĐÍCH, YÊU CẦU\n3|1. Mục đích\n3|2. Yêu cầu\n"
         "2|II. NỘI DUNG SINH HOẠT CHÍNH TRỊ, TƯ TƯỞNG\n"},
        {"plans/004-bach-thong-huyen-uy.yaml",
         "1|KẾ HOẠCH\n2|I. MỤC ĐÍCH, YÊU CẦU\n3|1. Mục đích\n3|2. Yêu cầu\n2|II. NỘI DUNG\n"},
    };
    for (size_t i = 0; i < sizeof plans / sizeof plans[0]; i++) {
        char *a = render_file(plans[i].path, true);
        char *b = render_file(plans[i].path, true);
        CHECK(a && b && !strcmp(a, b), "%s: rendered twice, same bytes", plans[i].path);
        if (!a) {
            free(b);
            continue;
        }
        shape s;
        shape_of(a, &s);
        CHECK(!strncmp(kh_buf_str(&s.headings), plans[i].headings, strlen(plans[i].headings)),
              "%s: parses back to the numbered headings", plans[i].path);
        if (strncmp(kh_buf_str(&s.headings), plans[i].headings, strlen(plans[i].headings)))
            printf("#   got:\n%.400s\n", kh_buf_str(&s.headings));
        CHECK_INT(s.ordered_lists, 0, "%s: no section number read as a list", plans[i].path);
        CHECK_INT(s.html, 0, "%s: no raw HTML in the output", plans[i].path);
        CHECK(has(a, "## Phụ lục\n\n**DUE-DATE CHECKLIST**\n\n*(Kèm theo") &&
                  has(a, ")*\n\n- [ ] **"),
              "%s: ends with the checklist as its Phụ lục, a task list", plans[i].path);
        kh_buf_free(&s.headings);
        free(a);
        free(b);
    }
    /* The three checked in detail. */
    char *m1 = render_file("plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml", false);
    CHECK(has(m1, "\\*\\\nSố 398-KH/ĐU\n"), "001: `*` then `Số 398-KH/ĐU` (profile prefix, no colon)");
    CHECK(has(m1, "*Tuyên Quang, ngày 09 tháng 4 năm 2024*"), "001: place and date line, long form");
    CHECK(has(m1, "**ĐẢNG ỦY SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI**"), "001: issuer in capitals, bold");
    CHECK(has(m1, "**2- Các đoàn thể Sở:** Tổ chức"), "001: inline unit with its number");
    CHECK(has(m1, "về Đảng ủy **trước ngày 15/11/2024**."), "001: {deadline} expanded in bold");
    CHECK(has(m1, "**1- Đối tượng học tập:** Toàn thể"), "001: inline section");
    CHECK(has(m1, "- Thường trực Đảng ủy Khối (báo cáo),\n"), "001: role marker before the final comma");
    CHECK(has(m1, "**T/M BAN CHẤP HÀNH\\\nBÍ THƯ**\n\n**Tô Hoàng Linh**"), "001: signature block");
    CHECK(!has(m1, "- [ ]"), "001: --no-checklist leaves the checklist out");
    free(m1);
    char *m2 = render_file("plans/002-hai-ba-trung-quan-uy.yaml", false);
    CHECK(has(m2, "- Hội nghị Ban Thường vụ Quận ủy ngày **05/12/2024**."), "002: {date} expanded as an event item");
    CHECK(has(m2, "- Thường trực Quận ủy, } *để báo cáo*\n"), "002: report group labelled on its last line");
    CHECK(has(m2, "- Các TCCS Đảng trực thuộc QU, } *để thực hiện*\n- Lưu VPQU, BTGQU."), "002: implement group, then Lưu last");
    CHECK(has(m2, "**10. Cấp ủy các tổ chức cơ sở đảng trực thuộc Quận ủy:**"), "002: tenth unit numbered 10.");
    free(m2);
    char *m4 = render_file("plans/004-bach-thong-huyen-uy.yaml", false);
    CHECK(has(m4, "**Nơi nhận:**\n\n*Gửi bản điện tử:*\n\n- Ban Tuyên giáo Tỉnh ủy,"), "004: sub-label before the lines");
    CHECK(has(m4, "**triển khai đợt sinh hoạt chính trị, tư tưởng\\\nKỷ niệm 80 năm"), "004: title line breaks kept");
    free(m4);
    kh_diags d = {0};
    char *none = render_buf("tests/fixtures/checklist/none.yaml",
                            "issuer: A\ntitle: B\nsections:\n  - title: C\n"
                            "recipients:\n  - Lưu VP.\nsignature:\n  title: D\n  name: E\n",
                            &d, true);
    CHECK(!has(none, "Phụ lục") && !has(none, "DANH MỤC THỜI HẠN") && !has(none, "- [ ]"),
          "a plan with nothing due has no checklist annex");
    free(none);
    kh_diags_free(&d);
}

static const char *small_plan =
    "issuer: Đảng ủy Thử\n"
    "number: 01-KH/ĐU\n"
    "place: Hà Nội\n"
    "date: 2024-03-01\n"
    "title: Thử *nghiệm*\n"
    "sections:\n"
    "  - title: NỘI DUNG\n"
    "    body: |\n"
    "      Đoạn <b>in</b> đậm, [xấu](javascript:alert(1)) và [tốt](https://example.org/a_b).\n"
    "\n"
    "      <div>khối</div>\n"
    "\n"
    "      1\\. Không phải danh sách; 2/9,... giữ * và _ nguyên.\n"
    "    events:\n"
    "      - text: Hội nghị sơ kết.\n"
    "        date: 2024-04-30\n"
    "  - title: TỔ CHỨC THỰC HIỆN\n"
    "    units:\n"
    "      - name: Đơn vị A\n"
    "        tasks:\n"
    "          - text: Báo cáo {deadline}.\n"
    "            deadline: 2024-06-15\n"
    "            report_to: Đảng ủy\n"
    "          - Việc thứ hai.\n"
    "      - name: Đơn vị B\n"
    "        numbered: false\n"
    "        body: Một đoạn.\n"
    "      - name: Đơn vị C\n"
    "        layout: block\n"
    "        body: Một đoạn.\n"
    "      - name: Đơn vị D\n"
    "        tasks:\n"
    "          - text: Nộp báo cáo.\n"
    "            deadline: 2024-09-02\n"
    "recipients:\n"
    "  - name: Cấp trên,\n"
    "    role: report\n"
    "  - name: Đã có (báo cáo),\n"
    "    role: report\n"
    "  - Lưu VP.\n"
    "signature:\n"
    "  title: bí thư\n"
    "  name: Nguyễn Văn A\n";

static void small(void)
{
    kh_diags d = {0};
    char *md = render_buf("small.yaml", small_plan, &d, true);
    CHECK(md != NULL, "small plan renders");
    if (!md)
        return;
    unsigned line = 0;
    CHECK(diag_id_at(&d, "MD-RAW-HTML", &line) && line == 9,
          "raw inline HTML reported at small.yaml:9 (line %u)", line);
    CHECK(diag_id_at(&d, "MD-UNSAFE-LINK", &line) && line == 9,
          "javascript: link reported at small.yaml:9 (line %u)", line);
    bool block_html = false;
    for (size_t i = 0; i < d.n; i++)
        if (!strcmp(d.v[i].id, "MD-RAW-HTML") && d.v[i].pos.line == 11)
            block_html = true;
    CHECK(block_html, "raw HTML block reported at small.yaml:11");
    CHECK(!has(md, "<b>") && !has(md, "<div>") && !has(md, "javascript:"),
          "no raw HTML or unsafe URL passed through");
    CHECK(has(md, "Đoạn in đậm, xấu và [tốt](https://example.org/a_b)."),
          "unsafe link keeps its text; safe link kept");
    CHECK(has(md, "\n1\\. Không phải danh sách; 2/9,... giữ \\* và \\_ nguyên."),
          "a leading `1.` and literal `*` `_` are escaped");
    CHECK(has(md, "**Thử *nghiệm***"), "inline italic kept inside the bold title");
    CHECK(has(md, "- Hội nghị sơ kết ngày **30/4/2024**."), "event without {date}: date before the final stop");
    CHECK(has(md, "### 1. Đơn vị A\n\n- Báo cáo **trước ngày 15/6/2024**.\n\n- Việc thứ hai."),
          "auto layout with two tasks: a block with dash items");
    CHECK(has(md, "\n**Đơn vị B:** Một đoạn."), "numbered: false: no number");
    CHECK(has(md, "### 2. Đơn vị C\n\nMột đoạn."), "layout: block; numbering skips the unnumbered unit");
    CHECK(has(md, "**3. Đơn vị D:** Nộp báo cáo **trước ngày 02/9/2024**."),
          "auto layout with one task: inline; deadline appended when no {deadline}");
    CHECK(has(md, "- Cấp trên (báo cáo),\n- Đã có (báo cáo),\n- Lưu VP."),
          "role marker added once, not twice");
    CHECK(has(md, "**BÍ THƯ**\n\n**Nguyễn Văn A**"), "title in capitals; no authority line without prefix");
    CHECK(has(md, "- [ ] **30/4/2024** Thứ Ba (+60 ngày) · sự kiện ·"),
          "checklist: the event, in Vietnamese labels");
    CHECK(has(md, "⚠ ngày nghỉ lễ: Ngày Chiến thắng"), "checklist: 30/4 flagged as a holiday");
    CHECK(has(md, "**15/6/2024** Thứ Bảy (+106 ngày) · báo cáo · **Đơn vị A**: Báo cáo trước ngày 15/6/2024. → Đảng ủy ⚠ rơi vào cuối tuần"),
          "checklist: reporting duty with weekday, days, recipient and weekend flag");
    CHECK(has(md, "## Phụ lục\n\n**DANH MỤC THỜI HẠN**"),
          "checklist annex title in the document's labels language");
    shape s;
    shape_of(md, &s);
    CHECK_INT(s.ordered_lists, 0, "small plan: no ordered list");
    CHECK_INT(s.html, 0, "small plan: no HTML node");
    CHECK_INT(s.links, 1, "small plan: only the safe link");
    kh_buf_free(&s.headings);
    free(md);
    kh_diags_free(&d);
}

static void state_profile(void)
{
    const char *y =
        "profile: state\n"
        "issuer: Ủy ban nhân dân huyện X\n"
        "number: 12/KH-UBND\n"
        "place: X\n"
        "date: 2024-01-05\n"
        "title: Thử\n"
        "sections:\n  - title: A\n"
        "recipients:\n  - Lưu: VT.\n"
        "signature:\n  prefix: TM.\n  body: Ủy ban nhân dân\n  title: Chủ tịch\n  name: B\n";
    kh_diags d = {0};
    char *md = render_buf("state.yaml", y, &d, false);
    const kh_profile *pr = kh_profile_get(KH_PROFILE_STATE);
    kh_buf want = {0};
    kh_buf_printf(&want, "**%s**\\\n**%s**", pr->header_title, pr->motto);
    CHECK(has(md, kh_buf_str(&want)), "state: Quốc hiệu and Tiêu ngữ from the profile");
    CHECK(has(md, "\nSố: 12/KH-UBND\n"), "state: `Số: ` prefix from the profile");
    CHECK(!has(md, "\\*\\\n"), "state: no `*` under the issuer");
    CHECK(has(md, "**TM. ỦY BAN NHÂN DÂN\\\nCHỦ TỊCH**"), "state: authority and title in capitals");
    kh_buf_free(&want);
    free(md);
    kh_diags_free(&d);
}

static void hostile_titles(void)
{
    const char *y =
        "issuer: \"A * B _ C\"\n"
        "title: \"1. một\\n- hai\\n> ba\\n===\\n*nghiêng* <i>x</i>\"\n"
        "sections:\n"
        "  - title: \"# `mã` [x]\"\n"
        "    inline: true\n"
        "    body: \"- mục đầu\"\n"
        "recipients:\n  - Lưu VP.\n"
        "signature:\n  title: X\n  name: Y\n";
    kh_diags d = {0};
    char *md = render_buf("titles.yaml", y, &d, false);
    CHECK(has(md, "**1. một\\\n\\- hai\\\n\\> ba\\\n\\===\\\n*nghiêng* x**"),
          "title lines that look like blocks stay lines of one bold paragraph");
    CHECK(has(md, "**I. # `mã` \\[x\\]:**\n\n- mục đầu"),
          "inline section whose body starts with a list: lead line, then the list");
    unsigned line = 0;
    CHECK(diag_id_at(&d, "MD-RAW-HTML", &line) && line == 2, "HTML in the title reported at line 2");
    shape s;
    shape_of(md, &s);
    CHECK_STR(kh_buf_str(&s.headings), "1|KẾ HOẠCH\n", "no heading besides KẾ HOẠCH");
    kh_buf_free(&s.headings);
    free(md);
    kh_diags_free(&d);
}

int main(void)
{
    hostile_titles();
    seed_plans();
    small();
    state_profile();
    return TAP_DONE();
}
