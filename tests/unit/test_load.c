/* test_load.c — the loader (src/load/) on in-memory texts and on the seed
 * that uses every key: each field type lands in the model with the right
 * value and position; defaults; inference; NFC; kh_text_locate; the errors
 * each carry their ID and position; the dictionary of the fuzzers matches
 * the known keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/load.h"
#include "kehoach/text.h"
#include "tap.h"

static kh_diags D;

static kh_plan *load(const char *text)
{
    kh_diags_free(&D);
    memset(&D, 0, sizeof D);
    return kh_load_buffer("t.yaml", text, strlen(text), &D);
}

/* Loads text and frees the plan: true when there was none. */
static bool refused(const char *text)
{
    kh_plan *p = load(text);
    kh_plan_free(p);
    return p == NULL;
}

/* The first diagnostic with this ID, or NULL. */
static const kh_diagnostic *diag(const char *id)
{
    for (size_t i = 0; i < D.n; i++)
        if (!strcmp(D.v[i].id, id))
            return &D.v[i];
    return NULL;
}

static size_t count(const char *id)
{
    size_t n = 0;
    for (size_t i = 0; i < D.n; i++)
        n += !strcmp(D.v[i].id, id);
    return n;
}

#define CHECK_POS(p, l, c, ...)                                                   \
    do {                                                                          \
        kh_pos p_ = (p);                                                          \
        CHECK(p_.line == (l) && p_.col == (c), __VA_ARGS__);                      \
        if (p_.line != (l) || p_.col != (c))                                      \
            printf("#   got %u:%u, want %u:%u\n", p_.line, p_.col, (unsigned)(l), \
                   (unsigned)(c));                                                \
    } while (0)

#define CHECK_DIAG(id_, l, c, what)                                              \
    do {                                                                        \
        const kh_diagnostic *d_ = diag(id_);                                    \
        CHECK(d_ != NULL, "%s reported: %s", id_, what);                        \
        if (d_)                                                                 \
            CHECK_POS(d_->pos, l, c, "%s position: %s", id_, what);             \
        else                                                                    \
            for (size_t i_ = 0; i_ < D.n; i_++)                                 \
                printf("#   have %u:%u %s %s\n", D.v[i_].pos.line,              \
                       D.v[i_].pos.col, D.v[i_].id, D.v[i_].msg_en);            \
    } while (0)

static const char minimal[] =
    "issuer: Huyện ủy Bạch Thông\n"
    "title: Tổ chức hội nghị\n"
    "sections:\n"
    "  - title: MỤC ĐÍCH\n"
    "recipients:\n"
    "  - Lưu Văn phòng.\n"
    "signature: {title: BÍ THƯ, name: Nguyễn Văn A}\n";

static void test_every_key(void)
{
    size_t len = 0;
    char *text = kh_read_file("fuzz/seeds/every-key.yaml", 1u << 20, &len);
    CHECK(text != NULL, "fuzz/seeds/every-key.yaml readable");
    if (!text)
        return;
    kh_diags_free(&D);
    memset(&D, 0, sizeof D);
    kh_plan *p = kh_load_buffer("every-key.yaml", text, len, &D);
    CHECK(p != NULL, "every-key loads");
    CHECK_INT(D.n, 0, "every-key: no diagnostics");
    for (size_t i = 0; i < D.n; i++)
        printf("#   %u:%u %s %s\n", D.v[i].pos.line, D.v[i].pos.col, D.v[i].id,
               D.v[i].msg_en);
    if (!p) {
        free(text);
        return;
    }
    CHECK_INT(p->profile, KH_PROFILE_PARTY, "profile party");
    CHECK_STR(p->superior.s, "Đảng bộ tỉnh Tuyên Quang", "superior");
    CHECK_POS(p->superior.pos, 4, 11, "superior position is the value");
    CHECK_STR(p->issuer.s, "Đảng ủy Sở Lao động - Thương binh và Xã hội", "issuer map name");
    CHECK_STR(p->issuer_code.s, "ĐU", "issuer code");
    CHECK_POS(p->issuer_code.pos, 7, 9, "issuer code position");
    CHECK_STR(p->number.s, "398-KH/ĐU", "number");
    CHECK_INT(p->date.date.year, 2024, "long date: year");
    CHECK_INT(p->date.date.month, 4, "long date: month");
    CHECK_INT(p->date.date.day, 9, "long date: day");
    CHECK_STR(p->doc_type.s, "KẾ HOẠCH", "type");
    CHECK_STR(p->title.s, "Tổ chức đợt sinh hoạt chính trị, tư tưởng\nvề học tập và làm theo Bác",
              "title keeps its line break");
    CHECK_INT(p->title.style, KH_STYLE_DOUBLE_QUOTED, "title style");
    CHECK_INT(p->delim, '.', "numbering");
    CHECK_INT(p->n_implements, 1, "one citation");
    if (p->n_implements) {
        kh_citation *c = &p->implements[0];
        CHECK_STR(c->number.s, "111-KH/TU", "citation number");
        CHECK_INT(c->date.date.month, 3, "short date month");
        CHECK_INT(c->date.date.day, 6, "short date day");
        CHECK_STR(c->file.s, "../tinh/111.yaml", "citation file");
        CHECK_POS(c->pos, 15, 5, "citation position is its first key");
    }
    CHECK_INT(p->intro.style, KH_STYLE_LITERAL, "intro literal");
    CHECK_POS(p->intro.pos, 21, 8, "literal block position is the |");
    CHECK_POS(p->intro.body, 22, 3, "literal block body: next line, its indent");
    CHECK_INT(p->n_sections, 4, "four sections");
    if (p->n_sections == 4) {
        kh_section *s0 = &p->sections[0];
        CHECK_INT(s0->kind, KH_SEC_AIMS, "kind aims");
        CHECK_STR(s0->kind_raw.s, "aims", "kind_raw");
        CHECK_INT(s0->n_sections, 2, "subsections");
        if (s0->n_sections == 2) {
            CHECK_INT(s0->sections[0].body.style, KH_STYLE_FOLDED, "folded body");
            CHECK_STR(s0->sections[0].body.s, "Giúp cấp ủy, chi bộ nắm vững nội dung.\n",
                      "folded body folds");
            CHECK_POS(s0->sections[0].body.body, 31, 11, "folded body position");
            CHECK(s0->sections[1].inline_body, "inline: true");
            CHECK(!s0->sections[0].inline_body, "inline defaults to false");
            CHECK_INT(s0->sections[1].body.style, KH_STYLE_SINGLE_QUOTED, "single quoted");
        }
        kh_section *s1 = &p->sections[1];
        CHECK_INT(s1->n_events, 1, "one event");
        if (s1->n_events) {
            CHECK_INT(s1->events[0].date.date.day, 12, "event date");
            CHECK_STR(s1->events[0].who.s, "chi-bo", "event who");
            CHECK_STR(s1->events[0].what.s, "Hội nghị quán triệt", "event what");
        }
        kh_section *impl = &p->sections[3];
        CHECK_INT(impl->kind, KH_SEC_IMPLEMENTATION, "implementation");
        CHECK_INT(impl->n_units, 2, "two units");
        if (impl->n_units == 2) {
            kh_unit *u = &impl->units[0];
            CHECK_STR(u->id.s, "chi-bo", "unit id");
            CHECK_INT(u->layout, KH_LAYOUT_BLOCK, "layout block");
            CHECK(u->numbered, "numbered true");
            CHECK_INT(u->n_tasks, 2, "two tasks");
            if (u->n_tasks == 2) {
                CHECK_STR(u->tasks[0].text.s, "Tổ chức sinh hoạt theo chuyên đề.",
                          "a task as a plain string");
                CHECK(!u->tasks[0].report, "no deadline: not a reporting duty");
                CHECK(u->tasks[1].report, "report: true");
                CHECK_INT(u->tasks[1].deadline.date.day, 15, "deadline");
                CHECK_STR(u->tasks[1].report_to.s, "Văn phòng Đảng ủy", "task report_to");
            }
            kh_unit *u2 = &impl->units[1];
            CHECK_INT(u2->layout, KH_LAYOUT_INLINE, "layout inline");
            CHECK(!u2->numbered, "numbered false");
            if (u2->n_tasks == 1) {
                CHECK_INT(u2->tasks[0].deadline.date.day, 0, "deadline 2024-06: blank day");
                CHECK_INT(u2->tasks[0].deadline.date.month, 6, "deadline 2024-06: month");
                CHECK(!u2->tasks[0].report, "no report_to anywhere: not a duty");
            }
        }
    }
    CHECK_INT(p->n_recipients, 5, "recipients: 1 + group of 2 + label + Lưu");
    if (p->n_recipients == 5) {
        CHECK_INT(p->recipients[0].role, KH_ROLE_REPORT, "role report");
        CHECK_INT(p->recipients[0].group, 0, "not grouped");
        CHECK_INT(p->recipients[1].group, 1, "group 1");
        CHECK_INT(p->recipients[2].group, 1, "group 1, second line");
        CHECK_INT(p->recipients[1].role, KH_ROLE_IMPLEMENT, "group role on its lines");
        CHECK_STR(p->recipients[2].unit.s, "chi-bo", "unit of a grouped line");
        CHECK_INT(p->recipients[3].kind, KH_RECIP_LABEL, "label");
        CHECK_STR(p->recipients[3].text.s, "Gửi bản điện tử:", "label text");
        CHECK_INT(p->recipients[4].kind, KH_RECIP_ARCHIVE, "Lưu line is the archive");
        CHECK_STR(p->recipients[4].text.s, "Lưu Văn phòng Đảng ủy.", "typed '- ' stripped");
    }
    CHECK_STR(p->signature.prefix.s, "T/M", "signature prefix");
    CHECK_STR(p->signature.name.s, "Tô Hoàng Linh", "signature name");
    CHECK_INT(p->schedule.window.to.date.day, 31, "schedule to");
    CHECK_INT(p->schedule.n_peaks, 1, "a peak");
    if (p->schedule.n_peaks)
        CHECK_STR(p->schedule.peaks[0].label.s, "cao điểm tháng 8 và tháng 9", "peak label");
    CHECK_STR(p->schedule.recurring.s, "hằng tháng", "recurring");
    CHECK_INT(p->n_rules_off, 1, "rules off");
    if (p->n_rules_off)
        CHECK_STR(p->rules_off[0].reason.s, "bản nháp", "rule off reason");
    kh_plan_free(p);
    free(text);
}

static void test_defaults(void)
{
    kh_plan *p = load(minimal);
    CHECK(p != NULL && D.n == 0, "minimal plan loads clean");
    if (!p)
        return;
    CHECK_INT(p->delim, '.', "numbering defaults to '.'");
    CHECK_INT(p->profile, KH_PROFILE_PARTY, "profile defaults to party");
    CHECK(p->doc_type.s == NULL, "type absent");
    CHECK(!kh_date_is_set(p->date.date), "no date");
    CHECK_INT(p->recipients[0].kind, KH_RECIP_ARCHIVE, "Lưu classified");
    CHECK_POS(p->sections[0].pos, 4, 5, "section position");
    CHECK_POS(p->sections[0].title.pos, 4, 12, "title value position");
    kh_plan_free(p);

    p = load("issuer: A\ntitle: T\nnumbering: \"-\"\nprofile: state\n"
             "sections:\n  - title: TỔ CHỨC THỰC HIỆN\n    units:\n"
             "      - name: Phòng A\n        report_to: Huyện ủy\n        tasks:\n"
             "          - text: Báo cáo {deadline}.\n            deadline: 2024-11-15\n"
             "          - Không hạn.\n"
             "          - text: Có hạn, không báo cáo.\n            deadline: 2024-12-01\n"
             "            report: false\n"
             "recipients: [Lưu VT.]\nsignature: {title: a, name: b}\n");
    CHECK(p != NULL && D.n == 0, "unit plan loads clean");
    if (!p)
        return;
    CHECK_INT(p->delim, '-', "numbering '-'");
    CHECK_INT(p->profile, KH_PROFILE_STATE, "profile state");
    kh_unit *u = &p->sections[0].units[0];
    CHECK_INT(u->layout, KH_LAYOUT_AUTO, "layout defaults to auto");
    CHECK(u->numbered, "numbered defaults to true");
    CHECK(u->tasks[0].report, "deadline + the unit's report_to: a reporting duty");
    CHECK(!u->tasks[1].report, "no deadline: not inferred");
    CHECK(!u->tasks[2].report, "explicit report: false wins");
    kh_plan_free(p);
}

static void test_text_locate(void)
{
    kh_plan *p = load("issuer: A\ntitle: T\nintro: |\n\n    Dòng một **đậm**\n"
                      "    Dòng hai ở đây\nsections: [{title: X}]\nrecipients: [a]\n"
                      "signature: {title: a, name: b}\nclosing: 'Trên đây là'\n"
                      "place: \"Tuyên Quang\"\n");
    CHECK(p != NULL, "plan with a literal block loads");
    if (!p)
        return;
    CHECK_STR(p->intro.s, "\nDòng một **đậm**\nDòng hai ở đây\n", "leading blank line kept");
    CHECK_POS(p->intro.body, 4, 5, "body starts the line after |, even when blank");
    const char *s = p->intro.s;
    CHECK_POS(kh_text_locate(&p->intro, (size_t)(strstr(s, "**đậm") - s)), 5, 14,
              "locate inside the literal block: line and code-point column");
    CHECK_POS(kh_text_locate(&p->intro, (size_t)(strstr(s, "hai") - s)), 6, 10,
              "locate on the next line");
    CHECK_POS(kh_text_locate(&p->closing, 6), 10, 16, "locate in a single-quoted value");
    CHECK_POS(kh_text_locate(&p->place, 0), 11, 9, "locate in a double-quoted value");
    CHECK_POS(kh_text_locate(&p->issuer, 0), 1, 9, "locate in a plain value");
    kh_plan_free(p);
}

static void test_nfc(void)
{
    /* "Việt" with e + U+0302 + U+0323 */
    kh_plan *p = load("issuer: \"Vie\xcc\x82\xcc\xa3t\"\ntitle: T\nsections: [{title: X}]\n"
                      "recipients: [a]\nsignature: {title: a, name: b}\n");
    CHECK(p != NULL, "decomposed input loads");
    if (p)
        CHECK_STR(p->issuer.s, "Việt", "normalised to NFC");
    CHECK_DIAG("LOAD-NFC", 1, 9, "a note for decomposed text");
    CHECK_INT(D.count[KH_ERROR], 0, "NFC is a note, not an error");
    kh_plan_free(p);
}

static void test_errors(void)
{
    kh_plan *p;
    p = load("issuer: A\ntittle: x\nsections: []\nrecipients: []\n"
             "signature: {title: a, name: b, nme: c}\n");
    CHECK_DIAG("LOAD-UNKNOWN-KEY", 2, 1, "unknown key at the key");
    CHECK(diag("LOAD-UNKNOWN-KEY") && strstr(diag("LOAD-UNKNOWN-KEY")->msg_en, "'title'"),
          "did you mean 'title'");
    CHECK_INT(count("LOAD-UNKNOWN-KEY"), 2, "both unknown keys reported (no early stop)");
    CHECK(p != NULL, "a plan comes back despite field errors");
    kh_plan_free(p);

    p = load("issuer: A\ntitle: x\nsections:\n  - title: [a]\n    kind: bogus\n"
             "    inline: yes\nrecipients: [a]\nsignature: {title: a, name: b}\n"
             "date: 2024-02-30\nschedule: {from: 2024-04-09 xyz, to: 12/76/2023}\n");
    CHECK_DIAG("LOAD-TYPE", 4, 12, "wrong type at the value");
    CHECK_DIAG("LOAD-VALUE", 5, 11, "bad enumeration at the value");
    CHECK_INT(count("LOAD-VALUE"), 2, "bad boolean too");
    CHECK_DIAG("LOAD-DATE", 9, 7, "impossible date at the value");
    CHECK_INT(count("LOAD-DATE"), 3, "three date errors");
    int trailing = 0;
    for (size_t i = 0; i < D.n; i++)
        if (!strcmp(D.v[i].id, "LOAD-DATE") && strstr(D.v[i].msg_en, "text after the date")) {
            trailing = 1;
            CHECK_POS(D.v[i].pos, 10, 29, "trailing text located where it starts");
        }
    CHECK(trailing, "trailing text after a deadline-like date is refused");
    kh_plan_free(p);

    p = load("issuer: A\ntitle: T\ndate: ngày 09 tháng 4 năm 2024.\nsections: [{title: X}]\n"
             "recipients: [a]\nsignature: {title: a, name: b}\n");
    CHECK(p && D.count[KH_ERROR] == 0, "trailing text allowed on the issue date");
    if (p)
        CHECK_STR(p->date.raw.s + p->date.rest_at, ".", "rest_at points at the full stop");
    kh_plan_free(p);

    p = load("issuer: A\ntitle:\nsections: ~\nrecipients: []\nsignature: {title: a, name: b}\n");
    CHECK_DIAG("LOAD-REQUIRED", 2, 1, "a required key with no value, at the key");
    CHECK_INT(count("LOAD-REQUIRED"), 2, "title and sections");
    kh_plan_free(p);

    p = load("issuer: A\ntitle: x\nsections: []\nrecipients: []\nsignature: {}\nissuer: B\n");
    CHECK_DIAG("LOAD-DUP-KEY", 6, 1, "duplicate key at the second one");
    CHECK_DIAG("LOAD-REQUIRED", 5, 12, "missing keys at the mapping");
    kh_plan_free(p);

    CHECK(refused("a: [b\n"), "syntax error: no plan");
    CHECK_DIAG("LOAD-SYNTAX", 2, 1, "syntax error located");
    CHECK(refused("a: &x b\nc: *x\n"), "alias: no plan");
    CHECK_DIAG("LOAD-ALIAS", 1, 4, "the anchor located");
    CHECK_INT(count("LOAD-ALIAS"), 2, "anchor and alias both reported");
    CHECK(refused("") && diag("LOAD-EMPTY"), "empty file");
    CHECK(refused("# only a comment\n") && diag("LOAD-EMPTY"), "comments only");
    CHECK(refused("- a\n- b\n") && diag("LOAD-TYPE"), "a list at the root");
    CHECK(refused("just text\n") && diag("LOAD-TYPE"), "a scalar at the root");
    CHECK(refused("a: 1\n---\nb: 2\n"), "two documents: no plan");
    CHECK_DIAG("LOAD-MULTIDOC", 2, 1, "second document located");
    kh_plan_free(load("title: \"a\\0b\"\n"));
    CHECK_DIAG("LOAD-UTF8", 1, 8, "escaped NUL refused, located at the value");

    const char bad[] = "issuer: A\ntitle: caf\xe9\n";
    kh_diags_free(&D);
    memset(&D, 0, sizeof D);
    CHECK(kh_load_buffer("t.yaml", bad, sizeof bad - 1, &D) == NULL, "Latin-1 refused");
    CHECK_DIAG("LOAD-UTF8", 2, 11, "invalid byte located by code points");
    const char nul[] = "issuer: A\nti\0tle: x\n";
    kh_diags_free(&D);
    memset(&D, 0, sizeof D);
    CHECK(kh_load_buffer("t.yaml", nul, sizeof nul - 1, &D) == NULL, "NUL refused");
    CHECK_DIAG("LOAD-UTF8", 2, 3, "NUL located");
}

/* Every known key appears in the fuzzers' dictionary as "key:". */
static void test_dictionary(void)
{
    size_t len = 0;
    char *dict = kh_read_file("fuzz/plan.dict", 1u << 20, &len);
    CHECK(dict != NULL, "fuzz/plan.dict readable");
    if (!dict)
        return;
    const char *const *k = kh_load_known_keys();
    int n = 0, missing = 0;
    for (; *k; k++, n++) {
        const char *dot = strrchr(*k, '.');
        char want[64];
        snprintf(want, sizeof want, "=\"%s:\"", dot ? dot + 1 : *k);
        if (!strstr(dict, want)) {
            missing++;
            printf("#   %s not in fuzz/plan.dict\n", *k);
        }
    }
    CHECK(n > 40, "kh_load_known_keys lists the keys (%d)", n);
    CHECK_INT(missing, 0, "every known key is in the dictionary");
    free(dict);
}

/* Header names written on several lines: the lines are kept for the header,
 * the name itself is one single-spaced line for everything else. */
static void test_header_lines(void)
{
    kh_plan *p = load("superior: |-\n  Đảng bộ Khối các cơ quan  \n\n  và doanh nghiệp\n"
                      "issuer:\n  name: \"Đảng ủy\\n  Sở Lao động\"\ntitle: T\n"
                      "sections: [{title: X}]\nrecipients: [a]\n"
                      "signature: {title: a, name: b}\n");
    CHECK(p != NULL && D.n == 0, "names on several lines load clean");
    if (!p)
        return;
    CHECK_STR(p->superior.s, "Đảng bộ Khối các cơ quan và doanh nghiệp",
              "the superior body is one line, single-spaced");
    CHECK_STR(p->superior_lines ? p->superior_lines : "(null)",
              "Đảng bộ Khối các cơ quan\nvà doanh nghiệp",
              "its lines kept, trimmed, the blank one dropped");
    CHECK_STR(p->issuer.s, "Đảng ủy Sở Lao động", "an escaped \\n in a quoted name too");
    CHECK_STR(p->issuer_lines ? p->issuer_lines : "(null)", "Đảng ủy\nSở Lao động",
              "the issuer's lines");
    CHECK_POS(kh_text_locate(&p->superior, 10), 2, 3,
              "a rejoined name locates at its first line");
    kh_plan_free(p);

    p = load("superior: Đảng bộ tỉnh Tuyên Quang\nissuer: |\n  Huyện ủy Bạch Thông\n"
             "title: T\nsections: [{title: X}]\nrecipients: [a]\n"
             "signature: {title: a, name: b}\n");
    CHECK(p != NULL, "one-line names load");
    if (!p)
        return;
    CHECK(p->superior_lines == NULL && p->issuer_lines == NULL,
          "a name on one line (a final newline aside) has no lines of its own");
    CHECK_STR(p->issuer.s, "Huyện ủy Bạch Thông\n", "and is kept as written");
    kh_plan_free(p);
}

int main(void)
{
    test_every_key();
    test_defaults();
    test_text_locate();
    test_nfc();
    test_header_lines();
    test_errors();
    test_dictionary();
    kh_diags_free(&D);
    return TAP_DONE();
}
