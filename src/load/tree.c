/* tree.c — libyaml events → a bounded YAML tree with positions. The only
 * file besides load.c that includes yaml.h. Guards against hostile input:
 * invalid UTF-8, NUL and control bytes (located by line and column), alias
 * expansion (refused), nesting depth, node count, scalar size, collection
 * size, duplicate keys (both places reported), several documents. */
#include <stdlib.h>
#include <string.h>
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
    int failed;
} builder;

/* Line and column (1-based, code points) of a byte offset in the input. */
static kh_pos pos_of_offset(const char *data, size_t len, size_t off)
{
    kh_pos p = {1, 1};
    size_t bol = 0;
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++)
        if (data[i] == '\n') {
            p.line++;
            bol = i + 1;
        }
    p.col = 1 + (unsigned)kh_utf8_count(data + bol, off - bol);
    return p;
}

static kh_pos pos_of_mark(yaml_mark_t m)
{
    kh_pos p = {(unsigned)m.line + 1, (unsigned)m.column + 1};
    return p;
}

/* Before libyaml sees the bytes: UTF-8 validity, NUL and control bytes,
 * each reported where it is. */
static int precheck(builder *b)
{
    const char *s = b->data;
    size_t n = b->len, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                kh_diag(b->diags, b->path, pos_of_offset(s, n, i), KH_ERROR, "LOAD-UTF8",
                        c == 0 ? "NUL byte in the file: a plan is text, not binary data"
                               : "control character U+%04X in the file: remove it",
                        c == 0 ? "tệp chứa byte NUL: tệp kế hoạch phải là văn bản"
                               : "tệp chứa ký tự điều khiển U+%04X: hãy xóa đi",
                        c);
                return -1;
            }
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = kh_utf8_decode(s + i, n - i, &cp);
        if (!l) {
            kh_diag(b->diags, b->path, pos_of_offset(s, n, i), KH_ERROR, "LOAD-UTF8",
                    "invalid UTF-8 (byte 0x%02X): save the file as UTF-8 (Unicode "
                    "TCVN 6909), not TCVN3, VNI or Latin-1",
                    "không phải UTF-8 hợp lệ (byte 0x%02X): hãy lưu tệp dạng UTF-8 "
                    "(Unicode TCVN 6909), không dùng TCVN3, VNI hay Latin-1",
                    c);
            return -1;
        }
        if ((cp >= 0x80 && cp < 0xA0 && cp != 0x85) || cp == 0xFFFE || cp == 0xFFFF) {
            kh_diag(b->diags, b->path, pos_of_offset(s, n, i), KH_ERROR, "LOAD-UTF8",
                    "control character U+%04X in the file: remove it",
                    "tệp chứa ký tự điều khiển U+%04X: hãy xóa đi", (unsigned)cp);
            return -1;
        }
        i += l;
    }
    return 0;
}

static ynode *new_node(builder *b, ynode_type t, yaml_mark_t m)
{
    if (++b->nodes > KH_MAX_NODES) {
        kh_diag(b->diags, b->path, pos_of_mark(m), KH_ERROR, "LOAD-LIMIT",
                "more than %d YAML nodes: the file is too large to be a plan",
                "hơn %d nút YAML: tệp quá lớn để là một kế hoạch", KH_MAX_NODES);
        return NULL;
    }
    ynode *y = kh_arena_alloc(b->arena, sizeof *y);
    y->type = t;
    y->pos = pos_of_mark(m);
    return y;
}

/* Where the content of a block scalar starts: the first non-blank line after
 * the indicator line, at its indentation. Needs the input's line starts. */
static kh_pos block_body(builder *b, yaml_mark_t start)
{
    size_t line = 0, i = 0;
    while (i < b->len && line < start.line + 1) { /* to the line after `|` */
        if (b->data[i] == '\n')
            line++;
        i++;
    }
    kh_pos p = {(unsigned)line + 1, 1};
    while (i < b->len) { /* skip blank lines, measure the first indent */
        size_t j = i;
        while (j < b->len && b->data[j] == ' ')
            j++;
        if (j < b->len && b->data[j] != '\n' && b->data[j] != '\r') {
            p.col = (unsigned)(j - i) + 1;
            return p;
        }
        while (j < b->len && b->data[j] != '\n')
            j++;
        i = j + 1;
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

static void report_yaml_error(builder *b, yaml_parser_t *p)
{
    kh_pos pos;
    if (p->error == YAML_READER_ERROR)
        pos = pos_of_offset(b->data, b->len, p->problem_offset);
    else
        pos = pos_of_mark(p->problem_mark);
    const char *problem = p->problem ? p->problem : "unknown error";
    const char *hint_en = "", *hint_vi = "";
    if (strstr(problem, "mapping values are not allowed")) {
        hint_en = " (a value holding ': ' must be quoted, or written as a | block)";
        hint_vi = " (giá trị có ': ' phải đặt trong ngoặc kép, hoặc viết dạng khối |)";
    } else if (strstr(problem, "found character that cannot start any token")) {
        hint_en = " (tabs cannot indent YAML; use spaces)";
        hint_vi = " (YAML không thụt lề bằng tab; hãy dùng dấu cách)";
    } else if (strstr(problem, "did not find expected")) {
        hint_en = " (check the indentation and the quotes of this line and the one above)";
        hint_vi = " (kiểm tra thụt lề và dấu ngoặc kép của dòng này và dòng trên)";
    }
    kh_buf en = {0}, vi = {0};
    const char *ctx = p->context ? p->context : "";
    kh_buf_printf(&en, "YAML syntax: %s%s%s%s", ctx, *ctx ? " " : "", problem, hint_en);
    kh_buf_printf(&vi, "lỗi cú pháp YAML: %s%s%s%s", ctx, *ctx ? " " : "", problem, hint_vi);
    kh_diag_text(b->diags, b->path, pos, KH_ERROR, "LOAD-SYNTAX", kh_buf_str(&en),
                 kh_buf_str(&vi));
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
    int dup = 0;
    for (size_t i = 0; i + 1 < y->n; i += 2) {
        ynode *k = y->kids[i];
        if (k->type != Y_SCALAR)
            continue;
        for (size_t j = 0; j < i; j += 2) {
            ynode *k2 = y->kids[j];
            if (k2->type == Y_SCALAR && k2->len == k->len && !memcmp(k2->s, k->s, k->len)) {
                kh_diag(b->diags, b->path, k->pos, KH_ERROR, "LOAD-DUP-KEY",
                        "duplicate key '%s' (first at line %u): YAML would keep only one",
                        "khóa '%s' bị lặp (lần đầu ở dòng %u): YAML chỉ giữ một giá trị",
                        k->s, k2->pos.line);
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
    builder b = {path, data, len, arena, diags, 0, 0};
    if (precheck(&b) != 0)
        return NULL;

    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        kh_diag(diags, path, (kh_pos){0, 0}, KH_ERROR, "IO", "cannot start the YAML parser",
                "không khởi tạo được bộ phân tích YAML");
        return NULL;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);

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
                kh_diag(diags, path, pos_of_mark(ev.start_mark), KH_ERROR, "LOAD-MULTIDOC",
                        "a second YAML document in the file: one file holds one plan",
                        "tệp có tài liệu YAML thứ hai: mỗi tệp chỉ chứa một kế hoạch");
                bad = 1;
            }
            break;
        case YAML_ALIAS_EVENT:
            kh_diag(diags, path, pos_of_mark(ev.start_mark), KH_ERROR, "LOAD-ALIAS",
                    "YAML alias '*%s': aliases and anchors are not allowed in a plan; "
                    "write the value out",
                    "bí danh YAML '*%s': kế hoạch không dùng bí danh và neo; hãy viết "
                    "đầy đủ giá trị",
                    (const char *)ev.data.alias.anchor);
            bad = 1;
            break;
        case YAML_SCALAR_EVENT:
            if (ev.data.scalar.length > KH_MAX_SCALAR_BYTES) {
                kh_diag(diags, path, pos_of_mark(ev.start_mark), KH_ERROR, "LOAD-LIMIT",
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
            if (y->style == KH_STYLE_LITERAL || y->style == KH_STYLE_FOLDED)
                y->body = block_body(&b, ev.start_mark);
            break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
            if (depth >= KH_MAX_DEPTH) {
                kh_diag(diags, path, pos_of_mark(ev.start_mark), KH_ERROR, "LOAD-LIMIT",
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
            kh_diag(diags, path, y->pos, KH_ERROR, "LOAD-LIMIT",
                    "more than %zu items in one list or mapping",
                    "hơn %zu mục trong một danh sách hoặc ánh xạ",
                    f->node->type == Y_MAP ? (size_t)MAX_MAP_KEYS : (size_t)KH_MAX_ITEMS);
            bad = 1;
            continue;
        }
        push_item(f, y);
    }
    while (depth > 0)
        free(stack[--depth].items);
    yaml_parser_delete(&parser);
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
