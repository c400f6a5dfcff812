/* tree.c — libyaml events → a bounded YAML tree with positions. The only
 * file besides load.c that includes yaml.h. Guards against hostile input:
 * invalid UTF-8, NUL and control bytes (located by line and column), alias
 * expansion (refused), nesting depth, node count, scalar size, collection
 * size, duplicate keys (both places reported), several documents. */
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <stdint.h>
#include <yaml.h>

#include "kehoach/load.h"
#include "kehoach/text.h"
#include "tree.h"

#define MAX_MAP_KEYS 256

typedef struct builder {
    const char *path;
    const char *data;
    size_t len;
    struct kh_arena *arena;
    kh_diags *diags;
    size_t nodes;
    size_t *lines;  /* byte offset of the start of each line (malloc'd) */
    size_t n_lines;
    bool stable;    /* every character NFC-stable (kh_cp_nfc_stable) */
} builder;

/* Length of the line break at data[i] (0 when none), as libyaml counts
 * them: CR LF, CR, LF, NEL (U+0085), LS (U+2028) and PS (U+2029). */
static size_t break_at(const char *data, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)data + i;
    size_t left = len - i;
    if (u[0] == '\n')
        return 1;
    if (u[0] == '\r')
        return left > 1 && u[1] == '\n' ? 2 : 1;
    if (left > 1 && u[0] == 0xC2 && u[1] == 0x85)
        return 2;
    if (left > 2 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
        return 3;
    return 0;
}

/* Line and column (1-based, code points, as libyaml counts them: a leading
 * byte-order mark is not a column) of a byte offset in the input. The input
 * up to `off` must be valid UTF-8. */
static kh_pos pos_of_offset(const builder *b, size_t off)
{
    if (off > b->len)
        off = b->len;
    size_t lo = 0, hi = b->n_lines; /* last line start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    size_t bol = b->lines[lo];
    if (bol == 0 && b->len >= 3 && !memcmp(b->data, "\xEF\xBB\xBF", 3) && off >= 3)
        bol = 3;
    kh_pos p = {(unsigned)lo + 1, 1 + (unsigned)kh_utf8_count(b->data + bol, off - bol)};
    return p;
}

/* Position of a libyaml mark (libyaml skips a leading byte-order mark
 * without counting it, as editors do). */
static kh_pos pos_of_mark(const builder *b, yaml_mark_t m)
{
    (void)b;
    kh_pos p = {(unsigned)m.line + 1, (unsigned)m.column + 1};
    return p;
}

/* NUL, a control character other than tab and line breaks, U+FFFE/U+FFFF. */
static inline bool forbidden_cp(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F ||
           (cp >= 0x80 && cp < 0xA0 && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF;
}

/* The first forbidden character of s[0..n): invalid UTF-8 or forbidden_cp.
 * Returns n when there is none; else its offset, with *bad the byte
 * (invalid UTF-8) or the code point, and *invalid set for invalid UTF-8. */
static size_t forbidden_at(const char *s, size_t n, uint32_t *bad, bool *invalid)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        *invalid = false;
        if (c >= 0x20 && c < 0x7F) { /* printable ASCII: the common case */
            i++;
            continue;
        }
        uint32_t cp = c;
        size_t l = kh_utf8_next(s + i, n - i, &cp);
        if (!l) {
            *bad = c;
            *invalid = true;
            return i;
        }
        if (forbidden_cp(cp)) {
            *bad = cp;
            return i;
        }
        i += l;
    }
    return n;
}

/* Report the forbidden character at `pos` (see forbidden_at). */
static void report_forbidden(builder *b, kh_pos pos, uint32_t c, bool invalid,
                             bool escaped)
{
    if (invalid)
        kh_diag(b->diags, b->path, pos, KH_ERROR, "LOAD-UTF8",
                "invalid UTF-8 (byte 0x%02X): save the file as UTF-8 (Unicode "
                "TCVN 6909), not TCVN3, VNI or Latin-1",
                "không phải UTF-8 hợp lệ (byte 0x%02X): hãy lưu tệp dạng UTF-8 "
                "(Unicode TCVN 6909), không dùng TCVN3, VNI hay Latin-1",
                (unsigned)c);
    else if (c == 0)
        kh_diag(b->diags, b->path, pos, KH_ERROR, "LOAD-UTF8",
                escaped ? "an escape in this value gives a NUL character: a plan is "
                          "text, not binary data"
                        : "NUL byte in the file: a plan is text, not binary data",
                escaped ? "giá trị này có mã thoát sinh ra ký tự NUL: tệp kế hoạch "
                          "phải là văn bản"
                        : "tệp chứa byte NUL: tệp kế hoạch phải là văn bản");
    else
        kh_diag(b->diags, b->path, pos, KH_ERROR, "LOAD-UTF8",
                escaped ? "an escape in this value gives the control character "
                          "U+%04X: remove it"
                        : "control character U+%04X in the file: remove it",
                escaped ? "giá trị này có mã thoát sinh ra ký tự điều khiển U+%04X: "
                          "hãy xóa đi"
                        : "tệp chứa ký tự điều khiển U+%04X: hãy xóa đi",
                (unsigned)c);
}

/* Before libyaml sees the bytes: UTF-8 validity, NUL and control bytes,
 * reported where the first one is. */
/* One pass over the whole input before libyaml sees it: the line index
 * (so that every position lookup is O(log n) and a file with many block
 * scalars stays linear), whether every character is NFC-stable (then the
 * loader need not look at the values again), and the first forbidden
 * character (forbidden_at), which is reported. Returns 0 when there is
 * none, -1 else. */
static int precheck(builder *b)
{
    const unsigned char *u = (const unsigned char *)b->data;
    size_t cap = 64, n = b->len, i = 0;
    b->lines = kh_xmalloc(cap * sizeof *b->lines);
    b->lines[0] = 0;
    b->n_lines = 1;
    b->stable = true;
    while (i < n) {
        while (i < n && u[i] >= 0x20 && u[i] < 0x7F) /* printable ASCII: the common case */
            i++;
        if (i == n)
            break;
        /* Vietnamese letters, by their bytes: C3–CB and a continuation byte
         * (U+00C0–U+02FF), E1 B8–BB and one (U+1E00–U+1EFF): valid, never
         * forbidden, never a line break, NFC-stable */
        if (u[i] >= 0xC3 && u[i] <= 0xCB && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if (u[i] == 0xE1 && i + 2 < n && u[i + 1] >= 0xB8 && u[i + 1] <= 0xBB &&
            (u[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        /* a line break starts with LF, CR, C2 (NEL) or E2 (LS, PS) */
        size_t k = u[i] == '\n' ? 1 : u[i] == '\r' || u[i] == 0xC2 || u[i] == 0xE2
                                     ? break_at(b->data, n, i) : 0;
        if (k) {
            i += k;
            if (b->n_lines == cap)
                b->lines = kh_xrealloc(b->lines, (cap *= 2) * sizeof *b->lines);
            b->lines[b->n_lines++] = i;
            continue;
        }
        /* not a break: one character, forbidden or not (a line break never
         * starts inside a valid multi-byte character) */
        uint32_t cp = u[i];
        size_t l = kh_utf8_next(b->data + i, n - i, &cp);
        if (!l || forbidden_cp(cp)) {
            /* Position: count code points up to the line start, which is valid. */
            report_forbidden(b, pos_of_offset(b, i), l ? cp : u[i], !l, false);
            return -1;
        }
        b->stable &= kh_cp_nfc_stable(cp);
        i += l;
    }
    return 0;
}

static ynode *new_node(builder *b, ynode_type t, yaml_mark_t m)
{
    if (++b->nodes > KH_MAX_NODES) {
        kh_diag(b->diags, b->path, pos_of_mark(b, m), KH_ERROR, "LOAD-LIMIT",
                "more than %d YAML nodes: the file is too large to be a plan",
                "hơn %d nút YAML: tệp quá lớn để là một kế hoạch", KH_MAX_NODES);
        return NULL;
    }
    ynode *y = kh_arena_alloc(b->arena, sizeof *y);
    y->type = t;
    y->pos = pos_of_mark(b, m);
    return y;
}

/* Byte offset of a libyaml mark (line and column in code points). */
static size_t offset_of_mark(const builder *b, yaml_mark_t m)
{
    if (m.line >= b->n_lines)
        return b->len;
    size_t i = b->lines[m.line];
    if (m.line == 0 && b->len >= 3 && !memcmp(b->data, "\xEF\xBB\xBF", 3))
        i = 3; /* not counted by libyaml */
    for (size_t c = 0; c < m.column && i < b->len; c++) {
        uint32_t cp;
        size_t l = kh_utf8_decode(b->data + i, b->len - i, &cp);
        i += l ? l : 1;
    }
    return i;
}

/* Where the content of a block scalar (`|`, `>`) starts: the line after the
 * indicator (leading blank lines are part of the value, so they count),
 * at the indentation of the first non-blank line. */
static kh_pos block_body(const builder *b, yaml_mark_t start)
{
    kh_pos p = {(unsigned)start.line + 2, 1};
    for (size_t l = start.line + 1; l < b->n_lines; l++) {
        size_t i = b->lines[l], j = i;
        while (j < b->len && b->data[j] == ' ')
            j++;
        if (j < b->len && !break_at(b->data, b->len, j)) {
            p.col = (unsigned)(j - i) + 1;
            return p;
        }
    }
    return p;
}

static kh_scalar_style style_of(yaml_scalar_style_t s)
{
    switch (s) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return KH_STYLE_SINGLE_QUOTED;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return KH_STYLE_DOUBLE_QUOTED;
    case YAML_LITERAL_SCALAR_STYLE: return KH_STYLE_LITERAL;
    case YAML_FOLDED_SCALAR_STYLE: return KH_STYLE_FOLDED;
    default: return KH_STYLE_PLAIN;
    }
}

const char *ytree_clip(char buf[YTREE_CLIP], const char *s)
{
    size_t n = strlen(s);
    if (n < YTREE_CLIP) {
        memcpy(buf, s, n + 1);
        return buf;
    }
    n = YTREE_CLIP - 4; /* room for "…" (3 bytes) and the NUL */
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(buf, s, n);
    memcpy(buf + n, "\xE2\x80\xA6", 4);
    return buf;
}

/* Anchors (`&a`) are refused like aliases: reported, not fatal. */
static void refuse_anchor(builder *b, const yaml_char_t *anchor, yaml_mark_t m)
{
    if (!anchor)
        return;
    kh_diag(b->diags, b->path, pos_of_mark(b, m), KH_ERROR, "LOAD-ALIAS",
            "YAML anchor '&%s': anchors and aliases are not allowed in a plan; "
            "write each value out",
            "neo YAML '&%s': kế hoạch không dùng neo và bí danh; hãy viết đầy đủ "
            "từng giá trị",
            (const char *)anchor);
}

typedef struct frame {
    ynode *node;
    ynode **items; /* growable, malloc'd; copied to the arena when closed */
    size_t n, cap;
} frame;

static void push_item(frame *f, ynode *y)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 8;
        f->items = kh_xrealloc(f->items, f->cap * sizeof *f->items);
    }
    f->items[f->n++] = y;
}

/* Vietnamese for libyaml's most common messages (problems and contexts);
 * the others are shown in English. */
static const char *yaml_vi(const char *en)
{
    static const struct { const char *en, *vi; } t[] = {
        {"mapping values are not allowed in this context", "không được có giá trị ánh xạ ở đây"},
        {"mapping keys are not allowed in this context", "không được có khóa ở đây"},
        {"block sequence entries are not allowed in this context",
         "không được có mục danh sách (-) ở đây"},
        {"found character that cannot start any token", "gặp ký tự không thể mở đầu một phần tử"},
        {"found unexpected end of stream", "tệp kết thúc giữa chừng"},
        {"found unexpected ':'", "gặp dấu ':' không đúng chỗ"},
        {"found unexpected document indicator", "gặp dấu tài liệu (--- hoặc ...) không đúng chỗ"},
        {"found unknown escape character", "gặp mã thoát (\\) không hợp lệ"},
        {"found invalid Unicode character escape code", "gặp mã thoát Unicode không hợp lệ"},
        {"found a tab character that violates indentation", "gặp ký tự tab làm sai thụt lề"},
        {"found a tab character where an indentation space is expected",
         "gặp ký tự tab ở chỗ cần dấu cách thụt lề"},
        {"could not find expected ':'", "không tìm thấy dấu ':' cần có"},
        {"did not find expected key", "không tìm thấy khóa cần có"},
        {"did not find expected node content", "không tìm thấy giá trị cần có"},
        {"did not find expected '-' indicator", "không tìm thấy dấu '-' cần có"},
        {"did not find expected ',' or ']'", "không tìm thấy dấu ',' hoặc ']' cần có"},
        {"did not find expected ',' or '}'", "không tìm thấy dấu ',' hoặc '}' cần có"},
        {"did not find expected <document start>", "không tìm thấy dấu mở đầu tài liệu (---)"},
        {"did not find expected comment or line break", "cần chú thích hoặc xuống dòng ở đây"},
        {"did not find expected whitespace or line break", "cần dấu cách hoặc xuống dòng ở đây"},
        {"while parsing a block mapping", "khi đọc một ánh xạ khối"},
        {"while parsing a block collection", "khi đọc một danh sách khối"},
        {"while parsing a block node", "khi đọc một nút khối"},
        {"while parsing a flow mapping", "khi đọc một ánh xạ {…}"},
        {"while parsing a flow sequence", "khi đọc một danh sách […]"},
        {"while parsing a flow node", "khi đọc một nút trong ngoặc"},
        {"while parsing a node", "khi đọc một nút"},
        {"while scanning a simple key", "khi đọc một khóa"},
        {"while scanning a quoted scalar", "khi đọc một chuỗi trong ngoặc kép"},
        {"while scanning a plain scalar", "khi đọc một giá trị"},
        {"while scanning a block scalar", "khi đọc một khối văn bản (| hoặc >)"},
        {"while scanning for the next token", "khi đọc phần tử tiếp theo"},
        {"while scanning an anchor", "khi đọc một neo"},
        {"while scanning an alias", "khi đọc một bí danh"},
        {"while scanning a tag", "khi đọc một thẻ"},
        {"while scanning a directive", "khi đọc một chỉ thị"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(en, t[i].en))
            return t[i].vi;
    return en;
}

static void report_yaml_error(builder *b, yaml_parser_t *p)
{
    kh_pos pos;
    if (p->error == YAML_READER_ERROR)
        pos = pos_of_offset(b, p->problem_offset);
    else
        pos = pos_of_mark(b, p->problem_mark);
    size_t at = p->error == YAML_READER_ERROR ? b->len : offset_of_mark(b, p->problem_mark);
    bool tab = at < b->len && b->data[at] == '\t';
    const char *problem = p->problem ? p->problem : "unknown error";
    const char *hint_en = "", *hint_vi = "";
    if (strstr(problem, "mapping values are not allowed")) {
        hint_en = " (a value holding ': ' must be quoted, or written as a | block)";
        hint_vi = " (giá trị có ': ' phải đặt trong ngoặc kép, hoặc viết dạng khối |)";
    } else if (strstr(problem, "found character that cannot start any token") && tab) {
        hint_en = " (tabs cannot indent YAML; use spaces)";
        hint_vi = " (YAML không thụt lề bằng tab; hãy dùng dấu cách)";
    } else if (strstr(problem, "found character that cannot start any token")) {
        hint_en = " (a value starting with @, ` or % must be quoted)";
        hint_vi = " (giá trị bắt đầu bằng @, ` hoặc % phải đặt trong ngoặc kép)";
    } else if (strstr(problem, "block sequence entries are not allowed")) {
        hint_en = " (a value starting with '-' must be quoted: \"-\")";
        hint_vi = " (giá trị bắt đầu bằng '-' phải đặt trong ngoặc kép: \"-\")";
    } else if (strstr(problem, "did not find expected")) {
        hint_en = " (check the indentation and the quotes of this line and the one above)";
        hint_vi = " (kiểm tra thụt lề và dấu ngoặc kép của dòng này và dòng trên)";
    }
    kh_buf en = {0}, vi = {0};
    const char *ctx = p->context ? p->context : "";
    kh_buf_printf(&en, "YAML syntax: %s%s%s%s", ctx, *ctx ? " " : "", problem, hint_en);
    kh_buf_printf(&vi, "cú pháp YAML: %s%s%s%s", yaml_vi(ctx), *ctx ? ", " : "",
                  yaml_vi(problem), hint_vi);
    kh_diag_text(b->diags, b->path, pos, KH_ERROR, "LOAD-SYNTAX", kh_buf_str(&en),
                 kh_buf_str(&vi));
    if (*ctx && p->error != YAML_READER_ERROR && p->context_mark.line != p->problem_mark.line)
        kh_diag_note(b->diags, b->path, pos_of_mark(b, p->context_mark), "%1$s%2$.0s: it began here",
                     "%2$s%1$.0s: bắt đầu ở đây", ctx, yaml_vi(ctx));
    kh_buf_free(&en);
    kh_buf_free(&vi);
}

/* Close a collection: copy its items into the arena; check duplicate keys. */
static int close_frame(builder *b, frame *f)
{
    ynode *y = f->node;
    y->n = f->n;
    y->kids = kh_arena_alloc(b->arena, (f->n ? f->n : 1) * sizeof *y->kids);
    if (f->n)
        memcpy(y->kids, f->items, f->n * sizeof *y->kids);
    free(f->items);
    f->items = NULL;
    if (y->type != Y_MAP)
        return 0;
    /* Duplicate keys through a small open-addressing hash table (a map has at
     * most MAX_MAP_KEYS keys): linear in the size of the keys, where pairwise
     * comparison would be quadratic. */
    enum { SLOTS = 2 * MAX_MAP_KEYS };
    const ynode *slot[SLOTS] = {0};
    int dup = 0;
    for (size_t i = 0; i + 1 < y->n; i += 2) {
        ynode *k = y->kids[i];
        if (k->type != Y_SCALAR)
            continue;
        uint32_t h = 2166136261u; /* FNV-1a */
        for (size_t c = 0; c < k->len; c++)
            h = (h ^ (unsigned char)k->s[c]) * 16777619u;
        for (size_t j = h % SLOTS;; j = (j + 1) % SLOTS) {
            const ynode *k2 = slot[j];
            if (!k2) {
                slot[j] = k;
                break;
            }
            if (k2->len == k->len && !memcmp(k2->s, k->s, k->len)) {
                char c[YTREE_CLIP];
                kh_diag(b->diags, b->path, k->pos, KH_ERROR, "LOAD-DUP-KEY",
                        "duplicate key '%s': YAML would keep only one",
                        "khóa '%s' bị lặp: YAML chỉ giữ một giá trị", ytree_clip(c, k->s));
                kh_diag_note(b->diags, b->path, k2->pos, "'%s' is first written here",
                             "'%s' viết lần đầu ở đây", c);
                dup = 1;
                break;
            }
        }
    }
    return dup;
}

ynode *ytree_parse(const char *path, const char *data, size_t len,
                   struct kh_arena *arena, kh_diags *diags)
{
    builder b = {path, data, len, arena, diags, 0, NULL, 0, false};
    if (precheck(&b) != 0) {
        free(b.lines);
        return NULL;
    }

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        kh_diag(diags, path, (kh_pos){0, 0}, KH_ERROR, "IO", "cannot start the YAML parser",
                "không khởi tạo được bộ phân tích YAML");
        free(b.lines);
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    /* No yaml_parser_set_encoding: with it, libyaml counts a leading BOM as a
     * column and then misreads the indentation of the first key. The input
     * is known to be UTF-8 (precheck), which libyaml then detects. */

    frame stack[KH_MAX_DEPTH + 1];
    int depth = 0;
    ynode *root = NULL;
    int docs = 0, done = 0, bad = 0;

    while (!done && !bad) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            report_yaml_error(&b, &parser);
            bad = 1;
            break;
        }
        ynode *y = NULL;
        switch (ev.type) {
        case YAML_STREAM_END_EVENT:
            done = 1;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++docs > 1) {
                kh_diag(diags, path, pos_of_mark(&b, ev.start_mark), KH_ERROR, "LOAD-MULTIDOC",
                        "a second YAML document in the file: one file holds one plan",
                        "tệp có tài liệu YAML thứ hai: mỗi tệp chỉ chứa một kế hoạch");
                bad = 1;
            }
            break;
        case YAML_ALIAS_EVENT:
            kh_diag(diags, path, pos_of_mark(&b, ev.start_mark), KH_ERROR, "LOAD-ALIAS",
                    "YAML alias '*%s': aliases and anchors are not allowed in a plan; "
                    "write the value out",
                    "bí danh YAML '*%s': kế hoạch không dùng bí danh và neo; hãy viết "
                    "đầy đủ giá trị",
                    (const char *)ev.data.alias.anchor);
            bad = 1;
            break;
        case YAML_SCALAR_EVENT:
            if (ev.data.scalar.length > KH_MAX_SCALAR_BYTES) {
                kh_diag(diags, path, pos_of_mark(&b, ev.start_mark), KH_ERROR, "LOAD-LIMIT",
                        "a value of %zu bytes is over the limit of %u bytes",
                        "một giá trị dài %zu byte, vượt giới hạn %u byte",
                        (size_t)ev.data.scalar.length, (unsigned)KH_MAX_SCALAR_BYTES);
                bad = 1;
                break;
            }
            if (!(y = new_node(&b, Y_SCALAR, ev.start_mark))) {
                bad = 1;
                break;
            }
            y->len = ev.data.scalar.length;
            y->s = kh_arena_strndup(arena, (const char *)ev.data.scalar.value, y->len);
            y->style = style_of(ev.data.scalar.style);
            y->nfc = b.stable && y->style != KH_STYLE_DOUBLE_QUOTED; /* no escapes */
            refuse_anchor(&b, ev.data.scalar.anchor, ev.start_mark);
            if (y->style == KH_STYLE_DOUBLE_QUOTED) { /* escapes: \0, \x01, \uFFFE … */
                uint32_t c = 0;
                bool invalid = false;
                if (forbidden_at(y->s, y->len, &c, &invalid) != y->len) {
                    report_forbidden(&b, y->pos, c, invalid, true);
                    y->s[0] = '\0'; /* keep the node, drop the value */
                    y->len = 0;
                }
            }
            if (y->style == KH_STYLE_LITERAL || y->style == KH_STYLE_FOLDED)
                y->body = block_body(&b, ev.start_mark);
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (depth >= KH_MAX_DEPTH) {
                kh_diag(diags, path, pos_of_mark(&b, ev.start_mark), KH_ERROR, "LOAD-LIMIT",
                        "nesting deeper than %d levels", "lồng sâu quá %d cấp",
                        KH_MAX_DEPTH);
                bad = 1;
                break;
            }
            if (!(y = new_node(&b, ev.type == YAML_SEQUENCE_START_EVENT ? Y_SEQ : Y_MAP,
                               ev.start_mark))) {
                bad = 1;
                break;
            }
            refuse_anchor(&b, ev.type == YAML_SEQUENCE_START_EVENT
                                  ? ev.data.sequence_start.anchor
                                  : ev.data.mapping_start.anchor,
                          ev.start_mark);
            stack[depth].node = y;
            stack[depth].items = NULL;
            stack[depth].n = stack[depth].cap = 0;
            depth++;
            y = NULL; /* attached to its parent when it closes */
            break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            depth--;
            close_frame(&b, &stack[depth]); /* duplicates are reported, not fatal */
            y = stack[depth].node;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
        if (bad || !y)
            continue;
        if (depth == 0) {
            root = y;
            continue;
        }
        frame *f = &stack[depth - 1];
        size_t limit = f->node->type == Y_MAP ? 2 * MAX_MAP_KEYS : KH_MAX_ITEMS;
        if (f->n >= limit) {
            if (f->node->type == Y_MAP)
                kh_diag(diags, path, y->pos, KH_ERROR, "LOAD-LIMIT",
                        "more than %d keys in one mapping", "hơn %d khóa trong một ánh xạ",
                        MAX_MAP_KEYS);
            else
                kh_diag(diags, path, y->pos, KH_ERROR, "LOAD-LIMIT",
                        "more than %d items in one list", "hơn %d mục trong một danh sách",
                        KH_MAX_ITEMS);
            bad = 1;
            continue;
        }
        push_item(f, y);
    }
    while (depth > 0)
        free(stack[--depth].items);
    yaml_parser_delete(&parser);
    free(b.lines);
    if (bad)
        return NULL;
    if (!root) {
        kh_diag(diags, path, (kh_pos){1, 1}, KH_ERROR, "LOAD-EMPTY",
                "the file holds no plan (it is empty or only comments)",
                "tệp không chứa kế hoạch nào (tệp trống hoặc chỉ có chú thích)");
        return NULL;
    }
    return root;
}
