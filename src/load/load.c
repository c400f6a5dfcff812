/* load.c — plan file → kh_plan. Reads the file (bounded), builds the YAML
 * tree (tree.c), then maps it onto the typed model, key by key: wrong types,
 * unknown keys ("did you mean"), missing required keys, bad enumerations and
 * bad dates become located diagnostics; text is normalised to NFC. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/load.h"
#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "tree.h"

typedef struct loader {
    const char *path;
    kh_plan *plan;
    struct kh_arena *arena;
    kh_diags *diags;
    unsigned nfc_changed;
    kh_pos nfc_first;
    size_t marks;      /* Markdown marks in all values so far */
    bool marks_full;   /* KH_MAX_MD_MARKS_TOTAL reached (reported once) */
    int errors; /* field errors seen while mapping */
} loader;

/* ---- the keys of each context, for "did you mean" and the schema ---- */

static const char *const plan_keys[] = {
    "profile", "superior", "issuer", "number", "place", "date", "type", "title",
    "numbering", "basis", "implements", "intro", "sections", "closing", "recipients",
    "signature", "annexes", "schedule", "rules", NULL};
static const char *const issuer_keys[] = {"name", "code", NULL};
static const char *const citation_keys[] = {"type", "number", "date", "issuer",
                                            "subject", "file", NULL};
static const char *const section_keys[] = {"title", "kind", "inline", "body", "table",
                                           "timetable", "events", "sections", "units", NULL};
static const char *const timetable_keys[] = {"event", "date", "rows", NULL};
static const char *const timetable_row_keys[] = {"task", "unit", "deadline", "before", "after",
                                                 "due", "day_off", "remark", NULL};
static const char *const annex_keys[] = {"title", "body", "table", "sections", NULL};
static const char *const table_keys[] = {"caption", "columns", "align", "rows", "note", NULL};
static const char *const event_keys[] = {"text", "date", "what", "who", NULL};
static const char *const unit_keys[] = {"name", "id", "body", "tasks", "report_to",
                                        "layout", "numbered", NULL};
static const char *const task_keys[] = {"text", "deadline", "due", "every", "report_to",
                                        "report", "what", NULL};
static const char *const recipient_keys[] = {"name", "role", "unit", "label",
                                             "group", "items", NULL};
static const char *const signature_keys[] = {"prefix", "body", "head", "title", "name", NULL};
static const char *const sign_head_keys[] = {"prefix", "title", NULL};
static const char *const schedule_keys[] = {"from", "to", "peaks", "recurring", NULL};
static const char *const period_keys[] = {"from", "to", "label", NULL};
static const char *const rules_keys[] = {"off", NULL};
static const char *const rule_off_keys[] = {"id", "reason", NULL};

static const struct {
    const char *context;
    const char *const *keys;
} contexts[] = {
    {"plan", plan_keys},         {"issuer", issuer_keys},
    {"citation", citation_keys}, {"section", section_keys},
    {"annex", annex_keys},       {"table", table_keys},
    {"timetable", timetable_keys}, {"timetable_row", timetable_row_keys},
    {"event", event_keys},       {"unit", unit_keys},
    {"task", task_keys},         {"recipient", recipient_keys},
    {"signature", signature_keys}, {"sign_head", sign_head_keys},
    {"schedule", schedule_keys},
    {"period", period_keys},     {"rules", rules_keys},
    {"rule_off", rule_off_keys},
};

/* The "context.key" list is built once, thread-safely (build workers may
 * call this concurrently), into storage that is never written again. */
static const char *known_keys[256];
static char known_keys_store[4096];

static void build_known_keys(void)
{
    size_t n = 0, used = 0;
    for (size_t c = 0; c < sizeof contexts / sizeof contexts[0]; c++)
        for (const char *const *k = contexts[c].keys; *k; k++) {
            int w = snprintf(known_keys_store + used, sizeof known_keys_store - used,
                             "%s.%s", contexts[c].context, *k);
            if (w < 0 || used + (size_t)w + 1 > sizeof known_keys_store ||
                n + 1 >= sizeof known_keys / sizeof known_keys[0])
                abort(); /* the tables above outgrew the storage: a build error */
            known_keys[n++] = known_keys_store + used;
            used += (size_t)w + 1;
        }
    known_keys[n] = NULL;
}

const char *const *kh_load_known_keys(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, build_known_keys);
    return known_keys;
}

/* ---- diagnostics helpers ---- */

/* Where a key lives, in both languages: the `in` of the messages. */
#define IN_PLAN "the plan", "kế hoạch"
#define IN_CITATION "a citation (implements)", "một văn bản được thực hiện (implements)"
#define IN_EVENT "an event (events)", "một sự kiện (events)"
#define IN_TASK "a task (tasks)", "một nhiệm vụ (tasks)"
#define IN_UNIT "a unit (units)", "một đơn vị (units)"
#define IN_SECTION "a section (sections)", "một mục (sections)"
#define IN_ANNEX "an annex (annexes)", "một phụ lục (annexes)"
#define IN_TABLE "a table (table)", "một bảng (table)"
#define IN_TIMETABLE "a deadline table (timetable)", "một bảng thời hạn (timetable)"
#define IN_TIMETABLE_ROW "a row of a deadline table (timetable.rows)", \
    "một hàng của bảng thời hạn (timetable.rows)"
#define IN_GROUP "a recipient group", "một nhóm nơi nhận (group)"
#define IN_RECIPIENT "a recipient", "một nơi nhận (recipients)"
#define IN_RULE_OFF_WHY "a switched-off rule (say why)", "một quy tắc được tắt (hãy nói lý do)"
#define IN_RULE_OFF "a switched-off rule (rules.off)", "một quy tắc được tắt (rules.off)"
#define IN_SIGNATURE "the signature", "phần chữ ký (signature)"
#define IN_SIGN_HEAD "the head line of the signature (signature.head)", \
    "dòng người đứng đầu trong chữ ký (signature.head)"
#define IN_ISSUER "the issuer", "cơ quan ban hành (issuer)"
#define IN_PERIOD "a period (peaks)", "một giai đoạn (peaks)"
#define IN_SCHEDULE "the schedule", "lịch thời gian (schedule)"
#define IN_RULES "rules", "phần rules"


/* The nearest known key, if near enough to be a typo: at most one edit per
 * three characters (so "tittle" → "title", but "xy" is not "to"). */
static const char *suggest(const char *key, const char *const *keys)
{
    const char *best = NULL;
    size_t best_d = 99;
    for (const char *const *k = keys; *k; k++) {
        size_t d = kh_edit_distance(key, *k);
        if (d < best_d) {
            best = *k;
            best_d = d;
        }
    }
    size_t n = strlen(key);
    return best && best_d * 3 <= (n > 2 ? n : 2) ? best : NULL;
}

#define CLIP YTREE_CLIP
#define clip ytree_clip

/* `key` is a key name ("title"), or "KEY item" for the items of a list. */
static void err_type(loader *L, const ynode *y, const char *key, const char *want)
{
    static const char *const names[] = {"a text value", "a list", "a mapping"};
    static const char *const names_vi[] = {"một giá trị văn bản", "một danh sách",
                                           "một ánh xạ (các khóa)"};
    kh_buf en = {0}, vi = {0};
    const char *want_vi = !strcmp(want, "a list") ? "một danh sách"
                          : !strcmp(want, "a mapping") ? "một ánh xạ (các khóa)"
                          : !strcmp(want, "true or false") ? "true hoặc false"
                          : !strcmp(want, "a line of text or a mapping")
                              ? "một dòng văn bản hoặc một ánh xạ (các khóa)"
                                                           : "một giá trị văn bản";
    size_t kl = strlen(key);
    if (kl > 5 && !strcmp(key + kl - 5, " item")) {
        kh_buf_printf(&en, "each item of '%.*s' must be %s, not %s", (int)(kl - 5), key,
                      want, names[y->type]);
        kh_buf_printf(&vi, "mỗi mục của '%.*s' phải là %s, không phải %s", (int)(kl - 5),
                      key, want_vi, names_vi[y->type]);
    } else if (!strcmp(key, "a key")) {
        kh_buf_printf(&en, "a key must be a plain word, not %s", names[y->type]);
        kh_buf_printf(&vi, "khóa phải là một từ, không phải %s", names_vi[y->type]);
    } else {
        kh_buf_printf(&en, "'%s' must be %s, not %s", key, want, names[y->type]);
        kh_buf_printf(&vi, "'%s' phải là %s, không phải %s", key, want_vi,
                      names_vi[y->type]);
    }
    kh_diag_text(L->diags, L->path, y->pos, KH_ERROR, "LOAD-TYPE", kh_buf_str(&en),
                 kh_buf_str(&vi));
    kh_buf_free(&en);
    kh_buf_free(&vi);
    L->errors++;
}

static void err_missing(loader *L, const ynode *map, const char *key, const char *in,
                        const char *in_vi)
{
    kh_diag(L->diags, L->path, map->pos, KH_ERROR, "LOAD-REQUIRED",
            "missing required key '%1$s' in %2$s%3$.0s",
            "thiếu khóa bắt buộc '%1$s' trong %3$s%2$.0s", key, in, in_vi);
    L->errors++;
}

static void err_unknown(loader *L, const ynode *k, const char *in, const char *in_vi,
                        const char *const *keys)
{
    const char *s = suggest(k->s, keys);
    kh_buf en = {0}, vi = {0};
    char c[CLIP];
    kh_buf_printf(&en, "unknown key '%s' in %s", clip(c, k->s), in);
    kh_buf_printf(&vi, "khóa '%s' không dùng được trong %s", c, in_vi);
    if (s) {
        kh_buf_printf(&en, "; did you mean '%s'?", s);
        kh_buf_printf(&vi, "; có phải ý bạn là '%s'?", s);
    } else {
        kh_buf_puts(&en, " (keys allowed: ");
        kh_buf_puts(&vi, " (các khóa được dùng: ");
        for (const char *const *p = keys; *p; p++) {
            kh_buf_printf(&en, "%s%s", p == keys ? "" : ", ", *p);
            kh_buf_printf(&vi, "%s%s", p == keys ? "" : ", ", *p);
        }
        kh_buf_puts(&en, "; extensions start with 'x-')");
        kh_buf_puts(&vi, "; khóa mở rộng bắt đầu bằng 'x-')");
    }
    kh_diag_text(L->diags, L->path, k->pos, KH_ERROR, "LOAD-UNKNOWN-KEY",
                 kh_buf_str(&en), kh_buf_str(&vi));
    kh_buf_free(&en);
    kh_buf_free(&vi);
    L->errors++;
}

/* ---- scalar conversions ---- */

/* A YAML null (`key:` with nothing after it, `~`, `null`): the value is
 * absent, not an empty text. */
static bool is_null(const ynode *y)
{
    return y->type == Y_SCALAR && y->style == KH_STYLE_PLAIN &&
           (y->len == 0 || !strcmp(y->s, "~") || !strcmp(y->s, "null") ||
            !strcmp(y->s, "Null") || !strcmp(y->s, "NULL"));
}

/* Per-value bounds (load.h): lines, and Markdown marks per value and per
 * file. A value past one is reported where it crossed the bound and
 * dropped, so no later pass hands it to cmark or walks its paragraphs. */
static bool marks_ok(loader *L, const ynode *y, const char *key)
{
    if (L->marks_full)
        return false;
    size_t n = 0, lines = 1;
    /* to the line breaks and the marks */
    for (size_t i = 0; (i = kh_skip_to(y->s, y->len, i, "\n[*_`&<\\")) < y->len; i++) {
        char c = y->s[i];
        if (c == '\n' && ++lines > KH_MAX_LINES && i + 1 < y->len) {
            kh_text t = {y->s, y->pos, y->body, y->style};
            kh_diag(L->diags, L->path, kh_text_locate(&t, i + 1), KH_ERROR, "LOAD-LIMIT",
                    "'%s' has more than %d lines: split it into sections",
                    "'%s' dài hơn %d dòng: hãy tách thành các mục", key, KH_MAX_LINES);
            L->errors++;
            return false;
        }
        if (c != '[' && c != '*' && c != '_' && c != '`' && c != '&' && c != '<' && c != '\\')
            continue;
        n++;
        bool over_value = n > KH_MAX_MD_MARKS;
        bool over_file = L->marks + n > KH_MAX_MD_MARKS_TOTAL;
        if (!over_value && !over_file)
            continue;
        kh_text t = {y->s, y->pos, y->body, y->style};
        if (over_value)
            kh_diag(L->diags, L->path, kh_text_locate(&t, i), KH_ERROR, "LOAD-LIMIT",
                    "'%s' has more than %d Markdown marks ([ * _ ` & < \\): split it up",
                    "'%s' có hơn %d ký hiệu Markdown ([ * _ ` & < \\): hãy tách nhỏ", key,
                    KH_MAX_MD_MARKS);
        else {
            kh_diag(L->diags, L->path, kh_text_locate(&t, i), KH_ERROR, "LOAD-LIMIT",
                    "the file has more than %d Markdown marks ([ * _ ` & < \\) in all",
                    "tệp có tổng cộng hơn %d ký hiệu Markdown ([ * _ ` & < \\)",
                    KH_MAX_MD_MARKS_TOTAL);
            L->marks_full = true;
        }
        L->errors++;
        return false;
    }
    L->marks += n;
    return true;
}

/* The Markdown nesting a line opens: its block-quote marks and list
 * markers, and its indentation (two columns a list level), an upper bound
 * of the container depth cmark gives the line. Lexical, one pass; *at is
 * the mark that goes over KH_MAX_MD_NESTING (or the line's start). */
static int line_nesting(const char *s, size_t i, size_t len, size_t *at)
{
    int depth = 0, cols = 0;
    *at = i;
    while (i < len && s[i] != '\n') {
        char c = s[i];
        if (c == ' ' || c == '\t') {
            cols += c == '\t' ? 4 : 1;
            i++;
            continue;
        }
        size_t m = i;
        if (c == '>')
            m = i + 1;
        else if ((c == '-' || c == '+' || c == '*') && i + 1 < len &&
                 (s[i + 1] == ' ' || s[i + 1] == '\t'))
            m = i + 1;
        else if (c >= '0' && c <= '9') {
            size_t d = i;
            while (d < len && d - i < 9 && s[d] >= '0' && s[d] <= '9')
                d++;
            if (d < len && (s[d] == '.' || s[d] == ')') && d + 1 < len &&
                (s[d + 1] == ' ' || s[d + 1] == '\t'))
                m = d + 1;
        }
        if (m == i)
            break; /* the line's text begins */
        int before = depth;
        depth += 1 + cols / 2;
        cols = 0;
        if (before <= KH_MAX_MD_NESTING && depth > KH_MAX_MD_NESTING)
            *at = i; /* the mark that goes over */
        i = m;
        if (i < len && s[i] == ' ')
            i++; /* the one space a marker takes */
    }
    return depth + cols / 2;
}

/* No text value may nest Markdown containers deeper than
 * KH_MAX_MD_NESTING: the renderers recurse on the tree of a body. */
static bool nesting_ok(loader *L, const ynode *y, const char *key)
{
    for (size_t i = 0; i < y->len; i++) {
        size_t at;
        int depth = line_nesting(y->s, i, y->len, &at);
        if (depth > KH_MAX_MD_NESTING) {
            kh_text t = {y->s, y->pos, y->body, y->style};
            kh_diag(L->diags, L->path, kh_text_locate(&t, at), KH_ERROR, "LOAD-LIMIT",
                    "'%s' nests block quotes or lists more than %d deep: flatten it",
                    "'%s' lồng trích dẫn hoặc danh sách sâu hơn %d cấp: hãy giảm bớt",
                    key, KH_MAX_MD_NESTING);
            L->errors++;
            return false;
        }
        const char *nl = memchr(y->s + i, '\n', y->len - i);
        if (!nl)
            break;
        i = (size_t)(nl - y->s);
    }
    return true;
}

/* A line of a block value (| or >) that starts with `# ` or is a lone `#`
 * reads as a YAML comment to most writers, but YAML keeps it as text (and
 * a body has no Markdown headings): warned once per value, at its `#`. */
static void warn_block_comment(loader *L, const ynode *y, const char *key)
{
    if (y->style != KH_STYLE_LITERAL && y->style != KH_STYLE_FOLDED)
        return;
    for (size_t i = 0; i < y->len;) {
        size_t j = i;
        while (j < y->len && (y->s[j] == ' ' || y->s[j] == '\t'))
            j++;
        if (j < y->len && y->s[j] == '#' &&
            (j + 1 == y->len || y->s[j + 1] == ' ' || y->s[j + 1] == '\n')) {
            kh_text t = {y->s, y->pos, y->body, y->style};
            kh_diag(L->diags, L->path, kh_text_locate(&t, j), KH_WARNING, "LOAD-BLOCK-COMMENT",
                    "a line of '%s' starts with '#': YAML keeps it as text, not a comment; "
                    "move the comment out of the block (less indented) or delete it",
                    "một dòng của '%s' bắt đầu bằng '#': YAML giữ nó là văn bản, không phải "
                    "chú thích; hãy đưa chú thích ra ngoài khối (thụt lề ít hơn) hoặc xóa đi",
                    key);
            return;
        }
        while (j < y->len && y->s[j] != '\n')
            j++;
        i = j + 1;
    }
}

static bool text(loader *L, const ynode *y, const char *key, kh_text *out)
{
    if (is_null(y))
        return false;
    if (y->type != Y_SCALAR) {
        err_type(L, y, key, "a text value");
        return false;
    }
    if (!marks_ok(L, y, key) || !nesting_ok(L, y, key))
        return false;
    warn_block_comment(L, y, key);
    if (y->nfc || kh_utf8_is_nfc(y->s, y->len)) { /* nearly always: one copy */
        out->s = kh_arena_strndup(L->arena, y->s, strlen(y->s));
        out->pos = y->pos;
        out->body = y->body;
        out->style = y->style;
        return true;
    }
    bool changed = false;
    char *nfc = kh_utf8_nfc(y->s, y->len, &changed);
    if (!nfc) {
        kh_diag(L->diags, L->path, y->pos, KH_ERROR, "LOAD-UTF8",
                "'%s' could not be normalised to NFC", "'%s' không chuẩn hóa được về NFC", key);
        L->errors++;
        return false;
    }
    if (changed && L->nfc_changed++ == 0)
        L->nfc_first = y->pos;
    out->s = kh_arena_strndup(L->arena, nfc, strlen(nfc));
    free(nfc);
    out->pos = y->pos;
    out->body = y->body;
    out->style = y->style;
    return true;
}

/* A name of the header (superior body, issuer): a text on one line. When
 * the user wrote it on several lines, `*lines` keeps them (trimmed, blank
 * ones dropped) for the header, and the text itself is single-spaced, so
 * messages, metadata and the rules see the name as one line. Offsets into
 * a changed text no longer map to columns: it locates at its start. */
static bool name_text(loader *L, const ynode *y, const char *key, kh_text *out,
                      const char **lines)
{
    if (!text(L, y, key, out))
        return false;
    const char *s = out->s;
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1]))
        n--;
    if (!memchr(s, '\n', n))
        return true;
    char *one = kh_arena_alloc(L->arena, n + 1), *br = kh_arena_alloc(L->arena, n + 1);
    size_t a = 0;
    bool gap = false, line_break = false; /* white space since the last character */
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (strchr(" \t\r\n", ch)) {
            gap = true;
            line_break |= ch == '\n';
            continue;
        }
        if (gap && a) { /* one separator for the run: ' ', or '\n' in br */
            one[a] = ' ';
            br[a++] = line_break ? '\n' : ' ';
        }
        gap = line_break = false;
        one[a] = br[a] = ch;
        a++;
    }
    one[a] = br[a] = '\0';
    out->s = one;
    out->style = KH_STYLE_FOLDED; /* locates at the value's first line */
    if (memchr(br, '\n', a))
        *lines = br;
    return true;
}

static bool boolean(loader *L, const ynode *y, const char *key, bool *out)
{
    if (is_null(y))
        return false;
    if (y->type == Y_SCALAR && !strcmp(y->s, "true")) {
        *out = true;
        return true;
    }
    if (y->type == Y_SCALAR && !strcmp(y->s, "false")) {
        *out = false;
        return true;
    }
    if (y->type != Y_SCALAR) {
        err_type(L, y, key, "true or false");
        return false;
    }
    char c[CLIP];
    kh_diag(L->diags, L->path, y->pos, KH_ERROR, "LOAD-VALUE",
            "'%s' must be true or false, not '%s'", "'%s' phải là true hoặc false, không phải '%s'",
            key, clip(c, y->s));
    L->errors++;
    return false;
}

/* A remark in brackets after a date: `07/02/2021 (chủ Nhật)`. Kept in raw
 * (rest_at marks it) and judged by R-DATE-WEEKDAY. */
static bool bracketed_remark(const char *s)
{
    s += strspn(s, " ");
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    return n >= 2 && s[0] == '(' && s[n - 1] == ')' && !memchr(s + 1, '(', n - 2);
}

/* A date field. Trailing text is allowed only where `trailing` is set (the
 * issue date, whose punctuation the rules judge), or as a bracketed remark. */
static void date(loader *L, const ynode *y, const char *key, kh_date_value *out,
                 bool trailing)
{
    if (!text(L, y, key, &out->raw))
        return;
    int rest = 0;
    char c[CLIP];
    kh_date_parse r = kh_date_parse_any(out->raw.s, &out->date, &rest);
    out->rest_at = rest;
    if (r == KH_DATE_OK && !trailing && out->raw.s[rest] && !bracketed_remark(out->raw.s + rest)) {
        kh_date zero = {0, 0, 0};
        out->date = zero;
        kh_diag(L->diags, L->path, kh_text_locate(&out->raw, (size_t)rest), KH_ERROR,
                "LOAD-DATE",
                "'%s' has text after the date: '%s'; write only the date, e.g. 2024-04-09",
                "'%s' có chữ sau ngày tháng: '%s'; chỉ viết ngày tháng, ví dụ 2024-04-09",
                key, clip(c, out->raw.s + rest));
        L->errors++;
        return;
    }
    switch (r) {
    case KH_DATE_OK:
    case KH_DATE_EMPTY:
        break;
    case KH_DATE_SYNTAX:
        kh_diag(L->diags, L->path, y->pos, KH_ERROR, "LOAD-DATE",
                "'%s' is not a date: '%s'; write it as 2024-04-09 (or 2024-04 for a "
                "blank day)",
                "'%s' không phải ngày tháng: '%s'; hãy viết dạng 2024-04-09 (hoặc "
                "2024-04 để trống ngày)",
                key, clip(c, out->raw.s));
        L->errors++;
        break;
    case KH_DATE_INVALID:
        kh_diag(L->diags, L->path, y->pos, KH_ERROR, "LOAD-DATE",
                "'%s' is not a real date: '%s' (check the day and the month)",
                "'%s' không phải ngày có thật: '%s' (kiểm tra ngày và tháng)", key,
                clip(c, out->raw.s));
        L->errors++;
        break;
    }
}

/* One of a fixed list of words; returns its index or -1 (reported). */
static int choice(loader *L, const ynode *y, const char *key, const char *const *words,
                  kh_text *raw)
{
    kh_text t = {0};
    if (!text(L, y, key, &t))
        return -1;
    if (raw)
        *raw = t;
    for (int i = 0; words[i]; i++)
        if (!strcmp(t.s, words[i]))
            return i;
    kh_buf en = {0}, vi = {0};
    char c[CLIP];
    kh_buf_printf(&en, "'%s' cannot be '%s'; use one of:", key, clip(c, t.s));
    kh_buf_printf(&vi, "'%s' không thể là '%s'; hãy dùng một trong:", key, c);
    for (int i = 0; words[i]; i++) {
        kh_buf_printf(&en, " %s", words[i]);
        kh_buf_printf(&vi, " %s", words[i]);
    }
    const char *near = suggest(t.s, words);
    if (near) {
        kh_buf_printf(&en, "; did you mean '%s'?", near);
        kh_buf_printf(&vi, "; có phải ý bạn là '%s'?", near);
    }
    kh_diag_text(L->diags, L->path, y->pos, KH_ERROR, "LOAD-VALUE", kh_buf_str(&en),
                 kh_buf_str(&vi));
    kh_buf_free(&en);
    kh_buf_free(&vi);
    L->errors++;
    return -1;
}

/* ---- mapping iteration ---- */

/* Checks y is a mapping whose keys are scalars and known (x- keys skipped).
 * Returns false (reported) when y is not a mapping. */
static bool mapping(loader *L, const ynode *y, const char *key)
{
    if (is_null(y))
        return false;
    if (y->type != Y_MAP) {
        err_type(L, y, key, "a mapping");
        return false;
    }
    return true;
}

static bool sequence(loader *L, const ynode *y, const char *key)
{
    if (is_null(y))
        return false;
    if (y->type != Y_SEQ) {
        err_type(L, y, key, "a list");
        return false;
    }
    return true;
}

/* Iterate the pairs of a mapping: FOR_PAIRS(L, map, ctx_name, keys, k, v) { … }
 * skips x- keys and reports non-scalar keys; unknown keys fall to the else
 * branch the body must end with: `else err_unknown(L, k, in, keys);` */
#define FOR_PAIRS(map, kvar, vvar)                                           \
    for (size_t i_##kvar = 0; i_##kvar + 1 < (map)->n; i_##kvar += 2)        \
        for (const ynode *kvar = (map)->kids[i_##kvar],                      \
                         *vvar = (map)->kids[i_##kvar + 1];                  \
             kvar; kvar = NULL)                                              \
            if (kvar->type != Y_SCALAR) {                                    \
                err_type(L, kvar, "a key", "a text value");                  \
            } else if (!strncmp(kvar->s, "x-", 2)) {                         \
            } else

#define KEY(name) (!strcmp(k->s, name))

static const ynode *find(const ynode *map, const char *key)
{
    for (size_t i = 0; i + 1 < map->n; i += 2)
        if (map->kids[i]->type == Y_SCALAR && !strcmp(map->kids[i]->s, key))
            return map->kids[i + 1];
    return NULL;
}

/* A required key: absent, or present with no value, is an error (at the
 * mapping, or at the key). */
static void require(loader *L, const ynode *map, const char *key, const char *in,
                    const char *in_vi)
{
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const ynode *k = map->kids[i];
        if (k->type != Y_SCALAR || strcmp(k->s, key))
            continue;
        if (is_null(map->kids[i + 1])) {
            kh_diag(L->diags, L->path, k->pos, KH_ERROR, "LOAD-REQUIRED",
                    "'%1$s' has no value; it is required in %2$s%3$.0s",
                    "'%1$s' chưa có giá trị; khóa này bắt buộc trong %3$s%2$.0s", key, in,
                    in_vi);
            L->errors++;
        }
        return;
    }
    /* `titel:` for `title:` is one mistake: the unknown key's "did you
     * mean 'title'?" says it all, so the key is not reported missing too.
     * Only a near miss (one edit, a transposition counted one) is taken for
     * the key, so a real second key is never mistaken for it. */
    for (size_t i = 0; i + 1 < map->n; i += 2) {
        const ynode *k = map->kids[i];
        if (k->type == Y_SCALAR && k->s && kh_edit_distance(k->s, key) == 1 &&
            strlen(key) > 3)
            return;
    }
    err_missing(L, map, key, in, in_vi);
}

#define ALLOC(L, type, n) ((type *)kh_arena_alloc((L)->arena, ((n) ? (n) : 1) * sizeof(type)))

/* ---- the parts of a plan ---- */

static void load_citation(loader *L, const ynode *y, kh_citation *c)
{
    c->pos = y->pos;
    if (!mapping(L, y, "implements item"))
        return;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("type")) text(L, v, "type", &c->type);
        else if (KEY("number")) text(L, v, "number", &c->number);
        else if (KEY("date")) date(L, v, "date", &c->date, false);
        else if (KEY("issuer")) text(L, v, "issuer", &c->issuer);
        else if (KEY("subject")) text(L, v, "subject", &c->subject);
        else if (KEY("file")) text(L, v, "file", &c->file);
        else err_unknown(L, k, IN_CITATION, citation_keys);
    }
    require(L, y, "type", IN_CITATION);
    require(L, y, "number", IN_CITATION);
}

static void load_event(loader *L, const ynode *y, kh_event *e)
{
    e->pos = y->pos;
    if (!mapping(L, y, "events item"))
        return;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("text")) text(L, v, "text", &e->text);
        else if (KEY("date")) date(L, v, "date", &e->date, false);
        else if (KEY("what")) text(L, v, "what", &e->what);
        else if (KEY("who")) text(L, v, "who", &e->who);
        else err_unknown(L, k, IN_EVENT, event_keys);
    }
    require(L, y, "text", IN_EVENT);
    require(L, y, "date", IN_EVENT);
}

/* `due:` words a deadline: it needs one; a recurring duty is due on a day. */
static void deadline_form_consistent(loader *L, const kh_task *t)
{
    if (t->due_raw.s && !t->deadline.raw.s) {
        kh_diag(L->diags, L->path, t->due_raw.pos, KH_ERROR, "LOAD-VALUE",
                "'due: %s' words a deadline, but the task has no 'deadline:'",
                "'due: %s' là cách ghi thời hạn, nhưng nhiệm vụ chưa có 'deadline:'",
                t->due_raw.s);
        L->errors++;
    }
    if (t->every != KH_EVERY_NONE &&
        (t->due == KH_DEADLINE_MONTH || t->due == KH_DEADLINE_QUARTER)) {
        kh_diag(L->diags, L->path, t->every_raw.pos, KH_ERROR, "LOAD-VALUE",
                "a recurring duty ('every: %s') is due on a day: give its first deadline with "
                "'due: before' or 'due: by', not 'due: %s'",
                "nhiệm vụ định kỳ ('every: %s') có hạn vào một ngày: ghi hạn lần đầu với "
                "'due: before' hoặc 'due: by', không dùng 'due: %s'",
                t->every_raw.s, t->due_raw.s);
        L->errors++;
    }
}

static void load_task(loader *L, const ynode *y, kh_task *t, const kh_unit *u)
{
    t->pos = y->pos;
    bool report_set = false;
    if (y->type == Y_SCALAR) {
        text(L, y, "task", &t->text);
    } else if (mapping(L, y, "tasks item")) {
        FOR_PAIRS(y, k, v)
        {
            if (KEY("text")) text(L, v, "text", &t->text);
            else if (KEY("deadline")) date(L, v, "deadline", &t->deadline, false);
            else if (KEY("due")) {
                int i = choice(L, v, "due", kh_deadline_form_names, &t->due_raw);
                if (i >= 0)
                    t->due = (kh_deadline_form)i;
            } else if (KEY("every")) {
                int i = choice(L, v, "every", kh_recurrence_names, &t->every_raw);
                if (i >= 0)
                    t->every = (kh_recurrence)(i + 1);
            } else if (KEY("report_to")) text(L, v, "report_to", &t->report_to);
            else if (KEY("what")) text(L, v, "what", &t->what);
            else if (KEY("report")) report_set = boolean(L, v, "report", &t->report);
            else err_unknown(L, k, IN_TASK, task_keys);
        }
        require(L, y, "text", IN_TASK);
        deadline_form_consistent(L, t);
    }
    if (!report_set)
        t->report = t->report_to.s != NULL ||
                    (kh_date_is_set(t->deadline.date) && u->report_to.s != NULL);
}

static void load_unit(loader *L, const ynode *y, kh_unit *u)
{
    static const char *const layouts[] = {"auto", "inline", "block", NULL};
    u->pos = y->pos;
    u->numbered = true;
    if (!mapping(L, y, "units item"))
        return;
    const ynode *tasks = NULL;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("name")) text(L, v, "name", &u->name);
        else if (KEY("id")) text(L, v, "id", &u->id);
        else if (KEY("body")) text(L, v, "body", &u->body);
        else if (KEY("tasks")) tasks = v;
        else if (KEY("report_to")) text(L, v, "report_to", &u->report_to);
        else if (KEY("layout")) {
            int i = choice(L, v, "layout", layouts, NULL);
            if (i >= 0) u->layout = (kh_unit_layout)i;
        } else if (KEY("numbered")) boolean(L, v, "numbered", &u->numbered);
        else err_unknown(L, k, IN_UNIT, unit_keys);
    }
    require(L, y, "name", IN_UNIT);
    if (tasks && sequence(L, tasks, "tasks")) {
        u->tasks = ALLOC(L, kh_task, tasks->n);
        u->n_tasks = tasks->n;
        for (size_t i = 0; i < tasks->n; i++)
            load_task(L, tasks->kids[i], &u->tasks[i], u);
    }
}

/* `table:` — columns (the heading row), rows of as many cells, and the
 * optional caption, alignments and note. A ragged row is an error at the
 * row: a cell silently moved to the wrong column is worse than none. */
static void load_table(loader *L, const ynode *y, kh_table *t)
{
    static const char *const aligns[] = {"auto", "left", "center", "right", NULL};
    if (!mapping(L, y, "table"))
        return;
    t->pos = y->pos;
    const ynode *cols = NULL, *rows = NULL, *align = NULL;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("caption")) text(L, v, "caption", &t->caption);
        else if (KEY("columns")) cols = v;
        else if (KEY("align")) align = v;
        else if (KEY("rows")) rows = v;
        else if (KEY("note")) text(L, v, "note", &t->note);
        else err_unknown(L, k, IN_TABLE, table_keys);
    }
    require(L, y, "columns", IN_TABLE);
    require(L, y, "rows", IN_TABLE);
    if (!cols || !sequence(L, cols, "columns"))
        return;
    if (cols->n == 0 || cols->n > KH_TABLE_MAX_COLS) {
        kh_diag(L->diags, L->path, cols->pos, KH_ERROR, "LOAD-TABLE",
                "a table has 1 to %d columns; 'columns' lists %zu",
                "một bảng có từ 1 đến %d cột; 'columns' liệt kê %zu cột",
                KH_TABLE_MAX_COLS, cols->n);
        L->errors++;
        return;
    }
    t->n_cols = cols->n;
    t->head = ALLOC(L, kh_text, t->n_cols);
    t->align = ALLOC(L, kh_cell_align, t->n_cols);
    for (size_t i = 0; i < cols->n; i++)
        text(L, cols->kids[i], "columns item", &t->head[i]);
    if (align && sequence(L, align, "align")) {
        if (align->n != t->n_cols) {
            kh_diag(L->diags, L->path, align->pos, KH_ERROR, "LOAD-TABLE",
                    "'align' gives %zu alignments for %zu columns",
                    "'align' có %zu giá trị cho %zu cột", align->n, t->n_cols);
            L->errors++;
        } else
            for (size_t i = 0; i < align->n; i++) {
                int a = choice(L, align->kids[i], "align", aligns, NULL);
                if (a >= 0) t->align[i] = (kh_cell_align)a;
            }
    }
    if (!rows || !sequence(L, rows, "rows"))
        return;
    size_t n_cells = rows->n * t->n_cols; /* both bounded by the tree's node limit */
    t->cells = ALLOC(L, kh_text, n_cells);
    t->row_pos = ALLOC(L, kh_pos, rows->n);
    for (size_t r = 0; r < rows->n; r++) {
        const ynode *row = rows->kids[r];
        if (!sequence(L, row, "rows item")) {
            if (is_null(row)) {
                kh_diag(L->diags, L->path, row->pos, KH_ERROR, "LOAD-TABLE",
                        "an empty row: write its cells as a list ('- [1, …]') or remove the '-'",
                        "một hàng trống: ghi các ô dạng danh sách ('- [1, …]') hoặc bỏ dấu '-'");
                L->errors++;
            }
            continue;
        }
        if (row->n != t->n_cols) {
            /* Too many cells is nearly always a comma inside a cell of a
             * `[…]` row, which YAML takes for a separator. */
            bool more = row->n > t->n_cols;
            kh_diag(L->diags, L->path, row->pos, KH_ERROR, "LOAD-TABLE",
                    "row %1$zu has %2$zu cells; the table has %3$zu columns ('columns'): %4$s%5$.0s",
                    "hàng %1$zu có %2$zu ô; bảng có %3$zu cột ('columns'): %5$s%4$.0s",
                    r + 1, row->n, t->n_cols,
                    more ? "a comma inside a cell splits it; put that cell in quotes (\"a, b\")"
                         : "write an empty cell as \"\"",
                    more ? "dấu phẩy trong một ô tách ô đó ra; hãy đặt ô trong dấu nháy (\"a, b\")"
                         : "ô trống ghi \"\"");
            L->errors++;
            continue;
        }
        kh_text *c = &t->cells[t->n_rows * t->n_cols];
        for (size_t i = 0; i < row->n; i++)
            text(L, row->kids[i], "cell", &c[i]);
        t->row_pos[t->n_rows++] = row->pos;
    }
}

/* `before: 105` / `after: 10`: a whole number of days, 0 to 3650. */
static bool day_count(loader *L, const ynode *y, const char *key, long *out)
{
    if (is_null(y))
        return false;
    char *end = NULL;
    long n = y->type == Y_SCALAR ? strtol(y->s, &end, 10) : -1;
    if (y->type != Y_SCALAR || end == y->s || *end || n < 0 || n > 3650) {
        char c[CLIP];
        kh_diag(L->diags, L->path, y->pos, KH_ERROR, "LOAD-VALUE",
                "'%s' is a number of days (0 to 3650), not '%s'",
                "'%s' là số ngày (0 đến 3650), không phải '%s'", key,
                clip(c, y->type == Y_SCALAR ? y->s : "…"));
        L->errors++;
        return false;
    }
    *out = n;
    return true;
}

static void load_timetable_row(loader *L, const ynode *y, kh_timetable_row *r)
{
    r->pos = y->pos;
    r->due = KH_DEADLINE_BY;
    if (!mapping(L, y, "rows item"))
        return;
    const ynode *before = NULL, *after = NULL;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("task")) text(L, v, "task", &r->task);
        else if (KEY("unit")) text(L, v, "unit", &r->unit);
        else if (KEY("remark")) text(L, v, "remark", &r->remark);
        else if (KEY("deadline")) date(L, v, "deadline", &r->deadline, false);
        else if (KEY("before")) before = v;
        else if (KEY("after")) after = v;
        else if (KEY("due")) {
            int i = choice(L, v, "due", kh_deadline_form_names, NULL);
            if (i == KH_DEADLINE_BEFORE || i == KH_DEADLINE_BY) r->due = (kh_deadline_form)i;
            else if (i >= 0) {
                kh_diag(L->diags, L->path, v->pos, KH_ERROR, "LOAD-VALUE",
                        "a deadline table's row is due 'before' or 'by' a day",
                        "hàng của bảng thời hạn chỉ dùng 'before' hoặc 'by' một ngày");
                L->errors++;
            }
        } else if (KEY("day_off")) boolean(L, v, "day_off", &r->day_off);
        else err_unknown(L, k, IN_TIMETABLE_ROW, timetable_row_keys);
    }
    require(L, y, "task", IN_TIMETABLE_ROW);
    if (before && after) {
        kh_diag(L->diags, L->path, after->pos, KH_ERROR, "LOAD-VALUE",
                "a row counts days 'before' or 'after' the event, not both",
                "một hàng tính số ngày 'before' hoặc 'after' sự kiện, không cả hai");
        L->errors++;
    } else if (before || after) {
        long n = 0;
        if (day_count(L, before ? before : after, before ? "before" : "after", &n)) {
            r->offset = before ? -n : n;
            r->has_offset = true;
            r->offset_pos = (before ? before : after)->pos;
        }
    }
}

/* `timetable:` — the event day and the rows; each row's day resolved. */
static void load_timetable(loader *L, const ynode *y, kh_timetable *t)
{
    if (!mapping(L, y, "timetable"))
        return;
    t->pos = y->pos;
    const ynode *rows = NULL;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("event")) text(L, v, "event", &t->event);
        else if (KEY("date")) date(L, v, "date", &t->event_date, false);
        else if (KEY("rows")) rows = v;
        else err_unknown(L, k, IN_TIMETABLE, timetable_keys);
    }
    require(L, y, "rows", IN_TIMETABLE);
    if (!rows || !sequence(L, rows, "rows"))
        return;
    t->rows = ALLOC(L, kh_timetable_row, rows->n);
    t->n_rows = rows->n;
    bool event_day = kh_date_is_full(t->event_date.date);
    for (size_t i = 0; i < rows->n; i++) {
        kh_timetable_row *r = &t->rows[i];
        load_timetable_row(L, rows->kids[i], r);
        if (kh_date_is_full(r->deadline.date))
            r->date = r->deadline.date;
        else if (r->has_offset && event_day)
            r->date = kh_date_from_days(kh_date_to_days(t->event_date.date) + r->offset);
        if (r->has_offset && !event_day) {
            kh_diag(L->diags, L->path, r->offset_pos, KH_ERROR, "LOAD-REQUIRED",
                    "the row counts days from the event, but the timetable has no full 'date:' of the event",
                    "hàng tính số ngày từ sự kiện nhưng bảng thời hạn chưa có 'date:' đầy đủ của sự kiện");
            L->errors++;
        }
    }
    if (!t->event.s && !kh_text_empty(&t->event_date.raw)) {
        kh_diag(L->diags, L->path, y->pos, KH_ERROR, "LOAD-REQUIRED",
                "the timetable's event day has a date but no name ('event: ngày bầu cử')",
                "ngày sự kiện của bảng thời hạn có ngày nhưng chưa có tên ('event: ngày bầu cử')");
        L->errors++;
    }
}

/* A section, or (annex) an annex or a subsection of one: titles, bodies,
 * tables and subsections only. */
static void load_section(loader *L, const ynode *y, kh_section *s, bool annex)
{
    static const char *const kinds[] = {
        "generic", "aims", "purpose", "requirements", "content", "audience",
        "form", "schedule", "materials", "implementation", NULL};
    s->pos = y->pos;
    if (!mapping(L, y, annex ? "annexes item" : "sections item"))
        return;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("title")) text(L, v, "title", &s->title);
        else if (KEY("body")) text(L, v, "body", &s->body);
        else if (KEY("table")) load_table(L, v, &s->table);
        else if (KEY("timetable") && !annex) load_timetable(L, v, &s->timetable);
        else if (KEY("sections")) {
            if (sequence(L, v, "sections")) {
                s->sections = ALLOC(L, kh_section, v->n);
                s->n_sections = v->n;
                for (size_t i = 0; i < v->n; i++)
                    load_section(L, v->kids[i], &s->sections[i], annex);
            }
        } else if (annex) err_unknown(L, k, IN_ANNEX, annex_keys);
        else if (KEY("kind")) {
            int i = choice(L, v, "kind", kinds, &s->kind_raw);
            if (i >= 0) s->kind = (kh_section_kind)i;
        } else if (KEY("inline")) boolean(L, v, "inline", &s->inline_body);
        else if (KEY("events")) {
            if (sequence(L, v, "events")) {
                s->events = ALLOC(L, kh_event, v->n);
                s->n_events = v->n;
                for (size_t i = 0; i < v->n; i++)
                    load_event(L, v->kids[i], &s->events[i]);
            }
        } else if (KEY("units")) {
            if (sequence(L, v, "units")) {
                s->units = ALLOC(L, kh_unit, v->n);
                s->n_units = v->n;
                for (size_t i = 0; i < v->n; i++)
                    load_unit(L, v->kids[i], &s->units[i]);
            }
        } else err_unknown(L, k, IN_SECTION, section_keys);
    }
    if (!s->title.s)
        s->title.pos = y->pos; /* what a rule about the section points at */
    /* A numbered point (`1. Tổ chức quán triệt …`) has a body and no title. */
    if (!find(y, "title") && find(y, "body") && !annex && !s->inline_body)
        return;
    if (annex)
        require(L, y, "title", IN_ANNEX);
    else
        require(L, y, "title", IN_SECTION);
}

static int role_of(loader *L, const ynode *v, const char *key)
{
    static const char *const roles[] = {"none", "report", "implement", "inform", NULL};
    int r = choice(L, v, key, roles, NULL);
    return r < 0 ? KH_ROLE_NONE : r;
}

/* Classify a recipient line: `Lưu …` is the archive line. Strips a typed
 * leading "- " (the renderer adds it). */
static void recipient_line(kh_recipient *r)
{
    const char *s = r->text.s;
    if (!s)
        return;
    if (s[0] == '-' && s[1] == ' ') {
        r->text.s = s + 2;
        r->text.pos.col += 2;
        s += 2;
    }
    if (!strncmp(s, "Lưu", strlen("Lưu")))
        r->kind = KH_RECIP_ARCHIVE;
}

static size_t load_recipient(loader *L, const ynode *y, kh_recipient *out, int *group)
{
    /* Returns how many lines it wrote into out (a group writes several). */
    kh_recipient *r = &out[0];
    r->pos = y->pos;
    if (y->type == Y_SCALAR) {
        text(L, y, "recipient", &r->text);
        recipient_line(r);
        return 1;
    }
    if (y->type == Y_SEQ) {
        err_type(L, y, "recipients item", "a line of text or a mapping");
        return 1;
    }
    if (!mapping(L, y, "recipients item"))
        return 1;
    const ynode *items = find(y, "items"), *grp = find(y, "group");
    if (grp || items) {
        if (!grp) err_missing(L, y, "group", IN_GROUP);
        if (!items) { err_missing(L, y, "items", IN_GROUP); return 1; }
        int role = grp ? role_of(L, grp, "group") : KH_ROLE_NONE;
        FOR_PAIRS(y, k, v)
        {
            if (!KEY("group") && !KEY("items"))
                err_unknown(L, k, IN_GROUP, recipient_keys);
            (void)v;
        }
        if (!sequence(L, items, "items"))
            return 1;
        ++*group;
        size_t n = 0;
        for (size_t i = 0; i < items->n; i++) {
            int dummy = 0;
            size_t w = load_recipient(L, items->kids[i], &out[n], &dummy);
            for (size_t j = n; j < n + w; j++) {
                out[j].group = *group;
                if (out[j].role == KH_ROLE_NONE)
                    out[j].role = (kh_role)role;
            }
            n += w;
        }
        return n ? n : 1;
    }
    FOR_PAIRS(y, k, v)
    {
        if (KEY("name")) text(L, v, "name", &r->text);
        else if (KEY("label")) { text(L, v, "label", &r->text); r->kind = KH_RECIP_LABEL; }
        else if (KEY("role")) r->role = (kh_role)role_of(L, v, "role");
        else if (KEY("unit")) text(L, v, "unit", &r->unit);
        else err_unknown(L, k, IN_RECIPIENT, recipient_keys);
    }
    if (r->kind != KH_RECIP_LABEL) {
        require(L, y, "name", IN_RECIPIENT);
        recipient_line(r);
    }
    return 1;
}

static size_t count_recipient_lines(const ynode *seq)
{
    size_t n = 0;
    for (size_t i = 0; i < seq->n; i++) {
        const ynode *y = seq->kids[i];
        const ynode *items = y->type == Y_MAP ? find(y, "items") : NULL;
        n += items && items->type == Y_SEQ ? (items->n ? count_recipient_lines(items) : 1) : 1;
    }
    return n;
}

static void load_period(loader *L, const ynode *y, kh_period *p)
{
    p->pos = y->pos;
    if (!mapping(L, y, "period"))
        return;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("from")) date(L, v, "from", &p->from, false);
        else if (KEY("to")) date(L, v, "to", &p->to, false);
        else if (KEY("label")) text(L, v, "label", &p->label);
        else err_unknown(L, k, IN_PERIOD, period_keys);
    }
}

static void load_schedule(loader *L, const ynode *y, kh_schedule *s)
{
    s->pos = y->pos;
    s->window.pos = y->pos;
    if (!mapping(L, y, "schedule"))
        return;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("from")) date(L, v, "from", &s->window.from, false);
        else if (KEY("to")) date(L, v, "to", &s->window.to, false);
        else if (KEY("recurring")) text(L, v, "recurring", &s->recurring);
        else if (KEY("peaks")) {
            if (sequence(L, v, "peaks")) {
                s->peaks = ALLOC(L, kh_period, v->n);
                s->n_peaks = v->n;
                for (size_t i = 0; i < v->n; i++)
                    load_period(L, v->kids[i], &s->peaks[i]);
            }
        } else err_unknown(L, k, IN_SCHEDULE, schedule_keys);
    }
}

static void load_rules(loader *L, const ynode *y, kh_plan *p)
{
    if (!mapping(L, y, "rules"))
        return;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("off")) {
            if (!sequence(L, v, "off"))
                continue;
            p->rules_off = ALLOC(L, kh_rule_off, v->n);
            p->n_rules_off = v->n;
            for (size_t i = 0; i < v->n; i++) {
                const ynode *item = v->kids[i];
                kh_rule_off *r = &p->rules_off[i];
                r->pos = item->pos;
                if (!mapping(L, item, "off item"))
                    continue;
                FOR_PAIRS(item, k2, v2)
                {
                    if (!strcmp(k2->s, "id")) text(L, v2, "id", &r->id);
                    else if (!strcmp(k2->s, "reason")) text(L, v2, "reason", &r->reason);
                    else err_unknown(L, k2, IN_RULE_OFF, rule_off_keys);
                }
                require(L, item, "id", IN_RULE_OFF);
                require(L, item, "reason", IN_RULE_OFF_WHY);
            }
        } else err_unknown(L, k, IN_RULES, rules_keys);
    }
}

/* `head: {prefix: KT., title: CHỦ TỊCH}`: the second authority line. */
static void load_sign_head(loader *L, const ynode *y, kh_sign_head *h)
{
    if (y->type == Y_SCALAR && !is_null(y)) { /* `head: KT. CHỦ TỊCH` */
        char c[CLIP];
        clip(c, y->s);
        char *sp = strchr(c, ' ');
        const char *pre = "KT.", *title = "CHỦ TỊCH";
        if (sp && sp[1]) { /* the user's own line, split after its prefix */
            *sp = '\0';
            pre = c;
            title = sp + 1;
        }
        kh_diag(L->diags, L->path, y->pos, KH_ERROR, "LOAD-TYPE",
                "'head' must be a mapping, not a text value: write "
                "'head: {prefix: %s, title: %s}'",
                "'head' phải là một ánh xạ (các khóa), không phải một giá trị văn bản: ghi "
                "'head: {prefix: %s, title: %s}'",
                pre, title);
        L->errors++;
        return;
    }
    if (!mapping(L, y, "head"))
        return;
    h->pos = y->pos;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("prefix")) text(L, v, "prefix", &h->prefix);
        else if (KEY("title")) text(L, v, "title", &h->title);
        else err_unknown(L, k, IN_SIGN_HEAD, sign_head_keys);
    }
    require(L, y, "prefix", IN_SIGN_HEAD);
    require(L, y, "title", IN_SIGN_HEAD);
}

static void load_signature(loader *L, const ynode *y, kh_signature *s)
{
    s->pos = y->pos;
    if (!mapping(L, y, "signature"))
        return;
    FOR_PAIRS(y, k, v)
    {
        if (KEY("prefix")) text(L, v, "prefix", &s->prefix);
        else if (KEY("body")) text(L, v, "body", &s->body);
        else if (KEY("head")) load_sign_head(L, v, &s->head);
        else if (KEY("title")) text(L, v, "title", &s->title);
        else if (KEY("name")) text(L, v, "name", &s->name);
        else err_unknown(L, k, IN_SIGNATURE, signature_keys);
    }
    require(L, y, "title", IN_SIGNATURE);
    require(L, y, "name", IN_SIGNATURE);
}

static void load_plan(loader *L, const ynode *root)
{
    kh_plan *p = L->plan;
    static const char *const delims[] = {".", "-", NULL};
    p->delim = '.';
    FOR_PAIRS(root, k, v)
    {
        if (KEY("profile")) {
            kh_text t = {0};
            if (text(L, v, "profile", &t)) {
                p->profile_raw = t;
                int id = kh_profile_parse(t.s);
                if (id < 0) {
                    char c[CLIP];
                    kh_diag(L->diags, L->path, v->pos, KH_ERROR, "LOAD-VALUE",
                            "'profile' cannot be '%s'; use party (HD 36-HD/VPTW) or state "
                            "(NĐ 30/2020/NĐ-CP)",
                            "'profile' không thể là '%s'; hãy dùng party (HD 36-HD/VPTW) "
                            "hoặc state (NĐ 30/2020/NĐ-CP)",
                            clip(c, t.s));
                    L->errors++;
                } else {
                    p->profile = (kh_profile_id)id;
                }
            }
        } else if (KEY("superior")) name_text(L, v, "superior", &p->superior, &p->superior_lines);
        else if (KEY("issuer")) {
            if (v->type == Y_MAP) {
                FOR_PAIRS(v, k2, v2)
                {
                    if (!strcmp(k2->s, "name")) name_text(L, v2, "name", &p->issuer, &p->issuer_lines);
                    else if (!strcmp(k2->s, "code")) text(L, v2, "code", &p->issuer_code);
                    else err_unknown(L, k2, IN_ISSUER, issuer_keys);
                }
                require(L, v, "name", IN_ISSUER);
            } else {
                name_text(L, v, "issuer", &p->issuer, &p->issuer_lines);
            }
        } else if (KEY("number")) text(L, v, "number", &p->number);
        else if (KEY("place")) text(L, v, "place", &p->place);
        else if (KEY("date")) date(L, v, "date", &p->date, true);
        else if (KEY("type")) text(L, v, "type", &p->doc_type);
        else if (KEY("title")) text(L, v, "title", &p->title);
        else if (KEY("numbering")) {
            int i = choice(L, v, "numbering", delims, NULL);
            if (i >= 0) p->delim = delims[i][0];
        } else if (KEY("implements")) {
            if (sequence(L, v, "implements")) {
                p->implements = ALLOC(L, kh_citation, v->n);
                p->n_implements = v->n;
                for (size_t i = 0; i < v->n; i++)
                    load_citation(L, v->kids[i], &p->implements[i]);
            }
        } else if (KEY("basis")) {
            if (sequence(L, v, "basis")) {
                p->basis = ALLOC(L, kh_text, v->n);
                p->n_basis = 0; /* a duplicate 'basis' key (an error) starts again */
                for (size_t i = 0; i < v->n; i++) {
                    if (is_null(v->kids[i])) {
                        kh_diag(L->diags, L->path, v->kids[i]->pos, KH_ERROR, "LOAD-REQUIRED",
                                "an empty line in 'basis': write the căn cứ ('Căn cứ Luật …;') or remove the '-'",
                                "một dòng trống trong 'basis': ghi căn cứ ('Căn cứ Luật …;') hoặc bỏ dấu '-'");
                        L->errors++;
                    } else if (text(L, v->kids[i], "basis item", &p->basis[p->n_basis])) {
                        p->n_basis++;
                    }
                }
            }
        } else if (KEY("intro")) text(L, v, "intro", &p->intro);
        else if (KEY("sections")) {
            if (sequence(L, v, "sections")) {
                p->sections = ALLOC(L, kh_section, v->n);
                p->n_sections = v->n;
                for (size_t i = 0; i < v->n; i++)
                    load_section(L, v->kids[i], &p->sections[i], false);
            }
        } else if (KEY("annexes")) {
            if (sequence(L, v, "annexes")) {
                p->annexes = ALLOC(L, kh_section, v->n);
                p->n_annexes = v->n;
                for (size_t i = 0; i < v->n; i++)
                    load_section(L, v->kids[i], &p->annexes[i], true);
            }
        } else if (KEY("closing")) text(L, v, "closing", &p->closing);
        else if (KEY("recipients")) {
            if (sequence(L, v, "recipients")) {
                size_t cap = count_recipient_lines(v);
                if (cap > KH_MAX_ITEMS) {
                    kh_diag(L->diags, L->path, v->pos, KH_ERROR, "LOAD-LIMIT",
                            "more than %d recipients", "hơn %d nơi nhận", KH_MAX_ITEMS);
                    L->errors++;
                    continue;
                }
                p->recipients = ALLOC(L, kh_recipient, cap);
                int group = 0;
                size_t n = 0;
                for (size_t i = 0; i < v->n && n < cap; i++)
                    n += load_recipient(L, v->kids[i], &p->recipients[n], &group);
                p->n_recipients = n;
            }
        } else if (KEY("signature")) load_signature(L, v, &p->signature);
        else if (KEY("schedule")) load_schedule(L, v, &p->schedule);
        else if (KEY("rules")) load_rules(L, v, p);
        else err_unknown(L, k, IN_PLAN, plan_keys);
    }
    static const char *const required[] = {"issuer", "title", "sections", "recipients",
                                           "signature", NULL};
    for (const char *const *r = required; *r; r++)
        require(L, root, *r, IN_PLAN);
}

kh_plan *kh_load_buffer(const char *path, const char *data, size_t len, kh_diags *diags)
{
    if (len > KH_MAX_FILE_BYTES) {
        kh_diag(diags, path, (kh_pos){0, 0}, KH_ERROR, "LOAD-LIMIT",
                "the file is %zu bytes; a plan file may be at most %u bytes",
                "tệp dài %zu byte; tệp kế hoạch tối đa %u byte", len,
                (unsigned)KH_MAX_FILE_BYTES);
        return NULL;
    }
    struct kh_arena *tree_arena = kh_arena_new();
    ynode *root = ytree_parse(path, data, len, tree_arena, diags);
    if (!root) {
        kh_arena_free(tree_arena);
        return NULL;
    }
    kh_plan *p = kh_xcalloc(1, sizeof *p);
    p->path = path;
    p->arena = kh_arena_new();
    loader L = {path, p, p->arena, diags, 0, {0, 0}, 0, false, 0};
    if (is_null(root)) {
        kh_diag(diags, path, (kh_pos){1, 1}, KH_ERROR, "LOAD-EMPTY",
                "the file holds no plan (it is empty or only comments)",
                "tệp không chứa kế hoạch nào (tệp trống hoặc chỉ có chú thích)");
        kh_arena_free(tree_arena);
        kh_plan_free(p);
        return NULL;
    }
    if (root->type != Y_MAP) {
        kh_diag(diags, path, root->pos, KH_ERROR, "LOAD-TYPE",
                "the top level of a plan must be a mapping of keys (issuer:, title:, "
                "sections: …), not %1$s%2$.0s",
                "cấp ngoài cùng của kế hoạch phải là các khóa (issuer:, title:, "
                "sections: …), không phải %2$s%1$.0s",
                root->type == Y_SEQ ? "a list" : "a single value",
                root->type == Y_SEQ ? "một danh sách" : "một giá trị đơn");
        kh_arena_free(tree_arena);
        kh_plan_free(p);
        return NULL;
    }
    load_plan(&L, root);
    if (L.nfc_changed)
        kh_diag(diags, path, L.nfc_first, KH_NOTE, "LOAD-NFC",
                "%u value(s) were not in NFC (precomposed Unicode, TCVN 6909:2001) and "
                "were normalised; save the file in precomposed form",
                "%u giá trị không ở dạng NFC (Unicode dựng sẵn, TCVN 6909:2001) và đã "
                "được chuẩn hóa; hãy lưu tệp ở dạng dựng sẵn",
                L.nfc_changed);
    kh_arena_free(tree_arena);
    return p;
}

kh_plan *kh_load_file(const char *path, kh_diags *diags)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        kh_diag(diags, path, (kh_pos){0, 0}, KH_ERROR, "IO", "cannot open: %s",
                "không mở được tệp: %s", strerror(errno));
        return NULL;
    }
    kh_buf b = {0};
    char chunk[65536];
    size_t n;
    bool too_big = false;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > KH_MAX_FILE_BYTES) {
            too_big = true;
            break;
        }
        kh_buf_put(&b, chunk, n);
    }
    bool read_error = ferror(f);
    if (f != stdin)
        fclose(f);
    if (read_error) {
        kh_diag(diags, path, (kh_pos){0, 0}, KH_ERROR, "IO", "cannot read: %s",
                "không đọc được tệp: %s", strerror(errno));
        kh_buf_free(&b);
        return NULL;
    }
    if (too_big) {
        kh_diag(diags, path, (kh_pos){0, 0}, KH_ERROR, "LOAD-LIMIT",
                "the file is larger than %u bytes, the limit for a plan file",
                "tệp lớn hơn %u byte, giới hạn của tệp kế hoạch",
                (unsigned)KH_MAX_FILE_BYTES);
        kh_buf_free(&b);
        return NULL;
    }
    kh_plan *p = kh_load_buffer(path, b.s ? b.s : "", b.len, diags);
    kh_buf_free(&b);
    return p;
}
