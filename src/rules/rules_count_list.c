/* rules_count_list.c — R-COUNT-LIST (catalogue B.6, arithmetic): a count
 * that announces an enumeration, `ba nhóm nội dung: (1) …; (2) …; (3) …`,
 * `02 nhiệm vụ: a) …; b) …`, agrees with the items that follow it in the
 * same paragraph. Certain: the count and the items say the same thing
 * twice. The count is a number word (hai … mười) or figures, followed by
 * a counted noun (nhóm, nội dung, nhiệm vụ, giải pháp …) and, in the same
 * clause, a colon; the items open right after the colon, (1) or 1) or
 * a), and count on from there. */
#include <string.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_count_list(const kh_plan *p, kh_rule_ctx *cx);

static const struct { const char *w; int n; } number_words[] = {
    {"hai", 2}, {"ba", 3}, {"bốn", 4}, {"năm", 5}, {"sáu", 6},
    {"bảy", 7}, {"tám", 8}, {"chín", 9}, {"mười", 10},
};

/* Nouns a plan counts its points by. */
static const char *const counted[] = {
    "nhóm", "nội dung", "nhiệm vụ", "giải pháp", "mục tiêu", "đợt", "hoạt động", "chuyên đề",
    "yêu cầu", "vấn đề", "phần", "bước", "tiêu chí", "chỉ tiêu", "lĩnh vực", "khâu", "trụ cột",
    "quan điểm", "đột phá", "việc", "điều", "mặt", "hình thức", "nguyên tắc", "giai đoạn",
    "chương trình", "phong trào", "cuộc thi", "điểm", "tiêu chuẩn", "định hướng",
};

static bool starts(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && !strncmp(s + i, w, n) && kh_word_end(s, len, i + n);
}

/* The count that opens a word at s[i]: its value and end, or 0. */
static int count_at(const char *s, size_t len, size_t i, size_t *end)
{
    if (!kh_word_start(s, i))
        return 0;
    if (s[i] >= '0' && s[i] <= '9') {
        int v = 0;
        size_t j = i;
        while (j < len && s[j] >= '0' && s[j] <= '9' && j - i < 3)
            v = v * 10 + (s[j++] - '0');
        if (j - i > 2 || j >= len || s[j] != ' ' || (i && (s[i - 1] == '/' || s[i - 1] == '(')))
            return 0;
        *end = j;
        return v >= 2 && v <= 20 ? v : 0;
    }
    for (size_t k = 0; k < sizeof number_words / sizeof number_words[0]; k++)
        if (starts(s, len, i, number_words[k].w)) {
            *end = i + strlen(number_words[k].w);
            return number_words[k].n;
        }
    return 0;
}

/* The items after the colon at s[c]: how many count on from the first
 * ((1), 1) or a)), each found later in the paragraph. 0 when no item
 * opens right after the colon. */
static int items_after(const char *s, size_t len, size_t c)
{
    size_t i = c + 1;
    while (i < len && s[i] == ' ')
        i++;
    int style = 0; /* 1 "(1)", 2 "1)", 3 "a)" */
    if (i + 2 < len && s[i] == '(' && s[i + 1] == '1' && s[i + 2] == ')')
        style = 1;
    else if (i + 1 < len && s[i] == '1' && s[i + 1] == ')')
        style = 2;
    else if (i + 1 < len && s[i] == 'a' && s[i + 1] == ')')
        style = 3;
    if (!style)
        return 0;
    int n = 1;
    size_t from = i + 2;
    for (;;) {
        char want[16];
        if (style == 1)
            snprintf(want, sizeof want, "(%d)", n + 1);
        else if (style == 2)
            snprintf(want, sizeof want, "%d)", n + 1);
        else if (n < 4)
            snprintf(want, sizeof want, "%c)", "abcd"[n]);
        else if (n == 4)
            snprintf(want, sizeof want, "đ)"); /* or e): tried below */
        else
            break; /* letters past the fifth are not counted */
        const char *hit = NULL;
        for (size_t j = from; j + strlen(want) <= len && !hit; j++)
            if (!strncmp(s + j, want, strlen(want)) && (style == 1 || kh_word_start(s, j)))
                hit = s + j;
        if (!hit && style == 3 && n == 4)
            for (size_t j = from; j + 2 <= len && !hit; j++)
                if (!strncmp(s + j, "e)", 2) && kh_word_start(s, j))
                    hit = s + j;
        if (!hit)
            break;
        n++;
        from = (size_t)(hit - s) + 2;
    }
    return n;
}

static void count_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    const char *s = pa->s;
    size_t len = pa->len;
    for (size_t i = 0; (i = kh_skip_to(s, len, i, ":")) < len; i++) {
        /* the clause before the colon, back to the sentence's last stop */
        size_t from = i;
        while (from > 0 && i - from < 120 && s[from - 1] != '.' && s[from - 1] != ';' &&
               s[from - 1] != ':')
            from--;
        int n_items = items_after(s, len, i);
        if (n_items < 2)
            continue;
        for (size_t j = from; j < i; j++) {
            size_t e;
            int n = count_at(s, len, j, &e);
            if (!n || e + 1 >= i)
                continue;
            bool noun = false;
            for (size_t k = 0; k < sizeof counted / sizeof counted[0] && !noun; k++)
                noun = starts(s, len, e + 1, counted[k]);
            if (!noun)
                continue;
            if (n != n_items)
                kh_report(cx, kh_para_pos(pa, j),
                          "'%.*s' announces %d, but %d items follow the colon; correct the count or the items",
                          "'%.*s' nêu %d nhưng sau dấu hai chấm có %d mục; sửa số lượng hoặc các mục",
                          (int)(e - j), s + j, n, n_items);
            break;
        }
    }
}

void rule_count_list(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    kh_walk_paras(cx, KH_BODY_FIELDS, count_para, cx);
}
