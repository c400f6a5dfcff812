/* rules_xref.c — R-XREF-TARGET (catalogue B.4, structure): a reference in
 * the plan to its own parts, `theo lịch tại Mục III`, `Mục II.2`, `Phụ
 * lục II kèm theo Kế hoạch này`, names a part the plan has: a Roman
 * section up to the number of top-level sections, a numbered item up to
 * the items of that section (subsections and units), an annex up to the
 * number of annexes; and a section given as the place of a schedule or a
 * table (`theo lịch tại Mục III`) holds one (a table, a deadline table or
 * dated events). Certain: a plan cannot point at a part it lacks.
 * A reference to another document's part (`Mục III Hướng dẫn số
 * 18-HD/BTGDVTU`, `Phụ lục I Nghị định số 30/2020/NĐ-CP`), written with
 * that document after it or cited before it in the same clause, is not
 * judged. */
#include <string.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_xref_target(const kh_plan *p, kh_rule_ctx *cx);

/* The value of the Roman numeral s[i, …) in capitals, its end in *end;
 * 0 when there is none or it is not a whole word. */
static int roman_at(const char *s, size_t len, size_t i, size_t *end)
{
    static const struct { char c; int v; } digits[] = {
        {'I', 1}, {'V', 5}, {'X', 10}, {'L', 50}, {'C', 100},
    };
    int total = 0, prev = 0;
    size_t j = i;
    for (; j < len && j - i < 8; j++) {
        int v = 0;
        for (size_t k = 0; k < sizeof digits / sizeof digits[0]; k++)
            if (s[j] == digits[k].c)
                v = digits[k].v;
        if (!v)
            break;
        total += v > prev && prev ? v - 2 * prev : v;
        prev = v;
    }
    if (j == i || !kh_word_end(s, len, j))
        return 0;
    *end = j;
    return total;
}

static int arabic_at(const char *s, size_t len, size_t i, size_t *end)
{
    int v = 0;
    size_t j = i;
    while (j < len && s[j] >= '0' && s[j] <= '9' && j - i < 3)
        v = v * 10 + (s[j++] - '0');
    if (j == i || (j < len && s[j] >= '0' && s[j] <= '9') || !kh_word_end(s, len, j))
        return 0;
    *end = j;
    return v;
}

static bool starts(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && !strncmp(s + i, w, n);
}

/* What follows the reference at s[i]: this plan (`Kế hoạch này`, `kèm
 * theo`), another document (a type word, `của`, `số`), or neither. */
enum owner { OWN, OTHER, UNSAID };

static enum owner owner_after(const char *s, size_t len, size_t i)
{
    static const char *const own[] = {"Kế hoạch này", "kế hoạch này"};
    static const char *const attached[] = {"ban hành kèm theo ", "kèm theo "};
    static const char *const other[] = {
        "Kế hoạch số", "Nghị quyết", "Chỉ thị", "Kết luận", "Quy định", "Hướng dẫn", "Thông tư",
        "Nghị định", "Luật", "Quyết định", "Chương trình", "Đề án", "Công văn", "Thông báo",
        "Điều", "Phần", "Chương", "của", "số", "văn bản", "Văn bản", "Kế hoạch của", "Kế hoạch liên"};
    while (i < len && (s[i] == ' ' || s[i] == ','))
        i++;
    /* `kèm theo Kế hoạch này` is this plan's annex; `ban hành kèm theo
     * Nghị định số …` another document's */
    bool attached_to = false;
    for (size_t k = 0; k < sizeof attached / sizeof attached[0]; k++)
        if (starts(s, len, i, attached[k])) {
            i += strlen(attached[k]);
            attached_to = true;
            break;
        }
    for (size_t k = 0; k < sizeof own / sizeof own[0]; k++)
        if (starts(s, len, i, own[k]))
            return OWN;
    for (size_t k = 0; k < sizeof other / sizeof other[0]; k++)
        if (starts(s, len, i, other[k]))
            return OTHER;
    return attached_to ? OWN : UNSAID;
}

/* A document number cited earlier in the clause that holds s[i]: the
 * reference is to that document's part. */
static bool cited_before(const char *s, size_t len, size_t i)
{
    size_t from = i;
    while (from > 0 && s[from - 1] != '.' && s[from - 1] != ';' && s[from - 1] != ':')
        from--;
    kh_found_num n;
    return kh_next_docnum(s, i < len ? i : len, from, &n) && n.start < i;
}

/* Items numbered under a top-level section: its subsections and units. */
static size_t items(const kh_section *sec)
{
    return sec->n_sections + sec->n_units;
}

/* Whether the section or one below it holds a schedule: a table, a
 * deadline table or dated events (an explicit stack: the depth is the
 * input's). */
static bool holds_schedule(const kh_section *top)
{
    const kh_section *stack[64];
    size_t n = 0;
    stack[n++] = top;
    while (n) {
        const kh_section *s = stack[--n];
        if (s->table.n_rows || s->timetable.n_rows || s->n_events)
            return true;
        for (size_t i = 0; i < s->n_sections; i++) {
            if (n == sizeof stack / sizeof stack[0])
                return true; /* more than it can look at: unsure, so no report */
            stack[n++] = &s->sections[i];
        }
    }
    return false;
}

/* `theo lịch tại Mục III`, `bảng tại Mục II`: the words just before the
 * reference say it points at a schedule or a table. */
static bool schedule_named_before(const char *s, size_t i)
{
    static const char *const words[] = {"lịch", "bảng", "biểu", "lịch trình"};
    size_t from = i > 24 ? i - 24 : 0;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]);
        for (size_t j = from; j + n <= i; j++)
            if (!strncmp(s + j, words[k], n) && kh_word_start(s, j) && kh_word_end(s, i, j + n))
                return true;
    }
    return false;
}

static void xref_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    const kh_plan *p = cx->plan;
    const char *s = pa->s;
    size_t len = pa->len;
    static const char *const words[] = {"Mục", "Phụ lục"};
    for (size_t w = 0; w < 2; w++) {
        bool annex = w == 1;
        for (size_t i = 0; (i = kh_find_word_ci1(s, len, i, words[w])) < len; i++) {
            size_t at = i + strlen(words[w]) + 1, end = 0, end2 = 0;
            if (at > len || s[at - 1] != ' ')
                continue;
            int n = roman_at(s, len, at, &end);
            if (!n && annex)
                n = arabic_at(s, len, at, &end);
            if (!n)
                continue;
            int sub = 0; /* Mục II.2 */
            if (!annex && end + 1 < len && s[end] == '.' && s[end + 1] >= '0' && s[end + 1] <= '9')
                sub = arabic_at(s, len, end + 1, &end2);
            enum owner o = owner_after(s, len, sub ? end2 : end);
            if (o == OTHER || (o == UNSAID && cited_before(s, len, i)))
                continue;
            size_t have = annex ? p->n_annexes : p->n_sections;
            if (annex && !have && o != OWN)
                continue; /* an annex sent apart, or another document's */
            if ((size_t)n > have && annex) {
                kh_report(cx, kh_para_pos(pa, i),
                          "'%.*s' points at an annex this plan does not have (it has %zu); correct the number",
                          "'%.*s' trỏ tới phụ lục mà kế hoạch này không có (chỉ có %zu); sửa lại số",
                          (int)(end - i), s + i, have);
            } else if ((size_t)n > have) {
                char r[16];
                kh_report(cx, kh_para_pos(pa, i),
                          "'%.*s' points at a section this plan does not have (its last is %s); correct the number",
                          "'%.*s' trỏ tới mục mà kế hoạch này không có (mục cuối là %s); sửa lại số",
                          (int)(end - i), s + i, have ? kh_roman((int)have, r) : "-");
            } else if (!annex && !sub && schedule_named_before(s, i) &&
                       !holds_schedule(&p->sections[n - 1])) {
                char r[16];
                kh_report(cx, kh_para_pos(pa, i),
                          "'%.*s' is given as the place of a schedule or table, but section %s holds none; correct the number",
                          "'%.*s' được dẫn là nơi có lịch hoặc bảng, nhưng mục %s không có; sửa lại số",
                          (int)(end - i), s + i, kh_roman(n, r));
            } else if (sub && (size_t)sub > items(&p->sections[n - 1])) {
                char r[16];
                kh_report(cx, kh_para_pos(pa, i),
                          "'%.*s' points at item %d of section %s, which has %zu; correct the number",
                          "'%.*s' trỏ tới điểm %d của mục %s, mục này chỉ có %zu điểm; sửa lại số",
                          (int)(end2 - i), s + i, sub, kh_roman(n, r), items(&p->sections[n - 1]));
            }
        }
    }
}

void rule_xref_target(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    kh_walk_paras(cx, KH_BODY_FIELDS | (1u << KH_F_TABLE), xref_para, cx);
}
