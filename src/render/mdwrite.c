/* mdwrite.c — the CommonMark writer behind render_md.c. Every character of
 * user text goes through mdw_text, which escapes what CommonMark would read
 * as markup (inline markers everywhere; block markers such as `#`, `-`,
 * `1.` at the start of a line), so the output parses back to the structure
 * we meant. cmark trees are written by our own walker: raw HTML and unsafe
 * links are dropped with a warning located in the plan file. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/markdown.h"
#include "mdwrite.h"

void mdw_init(mdw *w, kh_buf *out, const char *file, kh_diags *diags)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->at_ls = true;
    w->bol = true;
    w->file = file;
    w->diags = diags;
}

void mdw_free(mdw *w)
{
    kh_buf_free(&w->prefix);
}

static void put(mdw *w, const char *s, size_t n)
{
    if (w->at_ls) {
        kh_buf_put(w->out, w->prefix.s ? w->prefix.s : "", w->prefix.len);
        w->at_ls = false;
    }
    if (!w->in_cell) {
        kh_buf_put(w->out, s, n);
        return;
    }
    /* A table cell: a `|` would end it, a line break the row. */
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '|')
            kh_buf_puts(w->out, "\\|");
        else if (s[i] == '\n' || s[i] == '\r')
            kh_buf_putc(w->out, ' ');
        else
            kh_buf_putc(w->out, s[i]);
    }
}

static void end_line(mdw *w)
{
    if (!w->at_ls) {
        kh_buf_putc(w->out, '\n');
        w->at_ls = true;
    }
    w->bol = true;
}

static void blank_line(mdw *w)
{
    size_t n = w->prefix.len;
    while (n && w->prefix.s[n - 1] == ' ')
        n--;
    kh_buf_put(w->out, w->prefix.s ? w->prefix.s : "", n);
    kh_buf_putc(w->out, '\n');
    w->at_ls = true;
    w->bol = true;
}

void mdw_block(mdw *w)
{
    if (w->fresh) {
        w->fresh = false;
    } else if (w->started) {
        end_line(w);
        if (!w->tight)
            blank_line(w);
    }
    w->started = true;
    w->bol = true;
}

void mdw_raw(mdw *w, const char *s)
{
    put(w, s, strlen(s));
    w->bol = false;
}

static void text_escaped(mdw *w, const char *s, size_t n);

void mdw_text(mdw *w, const char *s, size_t n)
{
    if (!w->upper) {
        text_escaped(w, s, n);
        return;
    }
    char *copy = kh_strndup(s, n);
    char *up = kh_utf8_upper(copy);
    if (up)
        text_escaped(w, up, strlen(up));
    else
        text_escaped(w, s, n);
    free(up);
    free(copy);
}

static void text_escaped(mdw *w, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '\n' || c == '\r') { /* text is one line; breaks are spaces */
            c = ' ';
        }
        if (w->bol) {
            if (c == ' ' || c == '\t') { /* leading blanks mean code or nothing */
                i++;
                continue;
            }
            if (strchr("#>-+=~|", c) && !(c == '|' && w->in_cell)) {
                put(w, "\\", 1);
                put(w, &c, 1);
                w->bol = false;
                i++;
                continue;
            }
            if (c >= '0' && c <= '9') {
                size_t j = i;
                while (j < n && s[j] >= '0' && s[j] <= '9')
                    j++;
                put(w, s + i, j - i);
                if (j < n && (s[j] == '.' || s[j] == ')')) {
                    put(w, "\\", 1);
                    put(w, s + j, 1);
                    j++;
                }
                w->bol = false;
                i = j;
                continue;
            }
        }
        if (strchr("\\`*_[]<&", c) || (c == '#' && w->in_heading) ||
            (c == '!' && i + 1 < n && s[i + 1] == '[')) {
            put(w, "\\", 1);
        }
        put(w, &c, 1);
        w->bol = false;
        i++;
    }
}

void mdw_texts(mdw *w, const char *s)
{
    if (s)
        mdw_text(w, s, strlen(s));
}

void mdw_hardbreak(mdw *w)
{
    if (w->in_heading || w->in_cell) {
        mdw_raw(w, " ");
        return;
    }
    put(w, "\\", 1);
    end_line(w);
}

void mdw_heading(mdw *w, int level)
{
    if (level < 1)
        level = 1;
    if (level > 6)
        level = 6;
    mdw_block(w);
    static const char hashes[] = "######";
    mdw_raw(w, hashes + (6 - level)); /* level 1..6: "#" .. "######" */
    mdw_raw(w, " ");
    w->in_heading = true;
}

void mdw_end_heading(mdw *w)
{
    w->in_heading = false;
}

void mdw_table_row_begin(mdw *w, bool first)
{
    if (first)
        mdw_block(w);
    else
        end_line(w);
    put(w, "| ", 2);
    w->in_cell = true;
    w->bol = false;
}

void mdw_table_cell_next(mdw *w)
{
    w->in_cell = false;
    put(w, " | ", 3);
    w->in_cell = true;
    w->bol = false;
}

void mdw_table_row_end(mdw *w)
{
    w->in_cell = false;
    put(w, " |", 2);
    w->bol = false;
}

void mdw_table_delim(mdw *w, const mdw_align *align, size_t n)
{
    end_line(w);
    put(w, "|", 1);
    for (size_t k = 0; k < n; k++) {
        const char *d = align[k] == MDW_CENTER ? " :---: |"
                        : align[k] == MDW_RIGHT ? " ---: |"
                                                : " --- |";
        put(w, d, strlen(d));
    }
    w->bol = false;
}

void mdw_list_begin_mark(mdw *w, mdw_list *l, bool tight, bool ordered,
                         int start, char mark)
{
    l->saved_tight = w->tight;
    l->ordered = ordered;
    l->next = start > 0 ? start : 1;
    l->mark = mark;
    /* the list's own separation from what came before */
    if (w->fresh) {
        /* nested directly after an item marker: nothing to separate */
    } else if (w->started) {
        end_line(w);
        if (!w->tight)
            blank_line(w);
        w->fresh = true;
    }
    w->tight = tight;
}

void mdw_list_begin(mdw *w, mdw_list *l, bool tight, bool ordered, int start)
{
    mdw_list_begin_mark(w, l, tight, ordered, start, ordered ? '.' : '-');
}

void mdw_item_begin(mdw *w, mdw_list *l, size_t *saved_prefix)
{
    if (w->fresh) {
        w->fresh = false;
    } else if (w->started) {
        end_line(w);
        if (!w->tight)
            blank_line(w);
    }
    w->started = true;
    char marker[32];
    if (l->ordered)
        snprintf(marker, sizeof marker, "%d%c ", l->next++, l->mark == ')' ? ')' : '.');
    else
        snprintf(marker, sizeof marker, "%c ", l->mark == '*' ? '*' : '-');
    put(w, marker, strlen(marker));
    *saved_prefix = w->prefix.len;
    for (size_t i = 0; i < strlen(marker); i++)
        kh_buf_putc(&w->prefix, ' ');
    w->fresh = true;
    w->bol = true;
}

void mdw_item_end(mdw *w, size_t saved_prefix)
{
    w->fresh = false;
    w->prefix.len = saved_prefix;
    if (w->prefix.s)
        w->prefix.s[saved_prefix] = '\0';
}

void mdw_list_end(mdw *w, mdw_list *l)
{
    w->tight = l->saved_tight;
}

static void warn(mdw *w, cmark_node *n, const char *id, const char *en,
                 const char *vi)
{
    if (!w->diags || !w->file)
        return;
    kh_pos pos = w->src ? kh_md_node_pos(w->src, n) : (kh_pos){0, 0};
    kh_diag_text(w->diags, w->file, pos, KH_WARNING, id, en, vi);
}

/* A link destination: <…> when it holds spaces, parentheses or angles. */
static void put_url(mdw *w, const char *url)
{
    bool angle = !*url || strpbrk(url, " ()<>\t") != NULL;
    put(w, angle ? "<" : "", angle ? 1 : 0);
    for (const char *c = url; *c; c++) {
        if (*c == '\\' || (angle && (*c == '<' || *c == '>')))
            put(w, "\\", 1);
        put(w, c, 1);
    }
    put(w, angle ? ">" : "", angle ? 1 : 0);
}

static void put_title(mdw *w, const char *title)
{
    if (!title || !*title)
        return;
    put(w, " \"", 2);
    for (const char *c = title; *c; c++) {
        if (*c == '"' || *c == '\\')
            put(w, "\\", 1);
        put(w, c, 1);
    }
    put(w, "\"", 1);
}

static void put_code(mdw *w, const char *lit)
{
    size_t longest = 0, run = 0;
    for (const char *c = lit; *c; c++) {
        run = *c == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    char fence[16];
    size_t k = longest + 1 < sizeof fence ? longest + 1 : sizeof fence - 1;
    memset(fence, '`', k);
    fence[k] = '\0';
    size_t len = strlen(lit);
    bool pad = len && (lit[0] == '`' || lit[len - 1] == '`' || lit[0] == ' ');
    mdw_raw(w, fence);
    if (pad)
        mdw_raw(w, " ");
    put(w, lit, len);
    if (pad)
        mdw_raw(w, " ");
    mdw_raw(w, fence);
}

void mdw_inline(mdw *w, cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
        mdw_texts(w, cmark_node_get_literal(n));
        break;
    case CMARK_NODE_SOFTBREAK:
        if (w->in_heading || w->in_cell)
            mdw_raw(w, " ");
        else
            end_line(w);
        break;
    case CMARK_NODE_LINEBREAK:
        mdw_hardbreak(w);
        break;
    case CMARK_NODE_CODE:
        put_code(w, cmark_node_get_literal(n));
        break;
    case CMARK_NODE_EMPH:
        mdw_raw(w, "*");
        mdw_inlines(w, n);
        mdw_raw(w, "*");
        break;
    case CMARK_NODE_STRONG:
        mdw_raw(w, "**");
        mdw_inlines(w, n);
        mdw_raw(w, "**");
        break;
    case CMARK_NODE_LINK:
        if (!kh_md_url_is_safe(cmark_node_get_url(n))) {
            warn(w, n, "MD-UNSAFE-LINK",
                 "link with an unsafe destination dropped (its text is kept)",
                 "liên kết có đích không an toàn đã bị bỏ (giữ lại chữ)");
            mdw_inlines(w, n);
            break;
        }
        mdw_raw(w, "[");
        mdw_inlines(w, n);
        mdw_raw(w, "](");
        put_url(w, cmark_node_get_url(n));
        put_title(w, cmark_node_get_title(n));
        mdw_raw(w, ")");
        break;
    case CMARK_NODE_IMAGE:
        if (!kh_md_url_is_safe(cmark_node_get_url(n))) {
            warn(w, n, "MD-UNSAFE-LINK", "image with an unsafe source dropped",
                 "hình ảnh có nguồn không an toàn đã bị bỏ");
            break;
        }
        mdw_raw(w, "![");
        mdw_inlines(w, n);
        mdw_raw(w, "](");
        put_url(w, cmark_node_get_url(n));
        put_title(w, cmark_node_get_title(n));
        mdw_raw(w, ")");
        break;
    case CMARK_NODE_HTML_INLINE:
        warn(w, n, "MD-RAW-HTML", "raw HTML dropped", "đã bỏ mã HTML thô");
        break;
    default:
        warn(w, n, "MD-UNSUPPORTED", "unsupported Markdown construct dropped",
             "đã bỏ cấu trúc Markdown không hỗ trợ");
        break;
    }
}

void mdw_inlines(mdw *w, cmark_node *parent)
{
    for (cmark_node *c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
        mdw_inline(w, c);
}

static void code_block(mdw *w, cmark_node *n)
{
    const char *lit = cmark_node_get_literal(n);
    const char *info = cmark_node_get_fence_info(n);
    size_t longest = 0, run = 0;
    for (const char *c = lit; *c; c++) {
        run = *c == '`' ? run + 1 : 0;
        if (run > longest)
            longest = run;
    }
    char fence[16];
    size_t k = longest + 1 > 3 ? longest + 1 : 3;
    if (k >= sizeof fence)
        k = sizeof fence - 1;
    memset(fence, '`', k);
    fence[k] = '\0';
    mdw_block(w);
    mdw_raw(w, fence);
    if (info && *info && !strchr(info, '`'))
        mdw_raw(w, info);
    for (const char *line = lit; *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        end_line(w);
        if (len)
            put(w, line, len);
        else
            blank_line(w);
        line += len + (nl ? 1 : 0);
    }
    end_line(w);
    mdw_raw(w, fence);
}

void mdw_node(mdw *w, cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
        mdw_block(w);
        mdw_inlines(w, n);
        break;
    case CMARK_NODE_HEADING:
        /* Headings in a body would break the numbered structure: bold. */
        mdw_block(w);
        mdw_raw(w, "**");
        w->in_heading = true;
        mdw_inlines(w, n);
        w->in_heading = false;
        mdw_raw(w, "**");
        break;
    case CMARK_NODE_LIST: {
        mdw_list l;
        bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
        /* The source kept adjacent lists apart by their markers; so do we. */
        char mark = ordered ? (cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ')' : '.')
                            : '-';
        cmark_node *prev = cmark_node_previous(n);
        if (!ordered && prev && cmark_node_get_type(prev) == CMARK_NODE_LIST &&
            cmark_node_get_list_type(prev) == CMARK_BULLET_LIST && w->last_bullet == '-')
            mark = '*';
        mdw_list_begin_mark(w, &l, cmark_node_get_list_tight(n) != 0, ordered,
                            cmark_node_get_list_start(n), mark);
        for (cmark_node *it = cmark_node_first_child(n); it; it = cmark_node_next(it)) {
            size_t saved;
            mdw_item_begin(w, &l, &saved);
            mdw_blocks(w, cmark_node_first_child(it));
            mdw_item_end(w, saved);
        }
        mdw_list_end(w, &l);
        if (!ordered)
            w->last_bullet = mark;
        break;
    }
    case CMARK_NODE_BLOCK_QUOTE: {
        mdw_block(w);
        size_t saved = w->prefix.len;
        if (!w->at_ls)
            put(w, "> ", 2);
        kh_buf_puts(&w->prefix, "> ");
        w->fresh = true;
        bool tight = w->tight;
        w->tight = false;
        mdw_blocks(w, cmark_node_first_child(n));
        w->tight = tight;
        w->fresh = false;
        w->prefix.len = saved;
        if (w->prefix.s)
            w->prefix.s[saved] = '\0';
        break;
    }
    case CMARK_NODE_CODE_BLOCK:
        code_block(w, n);
        break;
    case CMARK_NODE_THEMATIC_BREAK:
        mdw_block(w);
        mdw_raw(w, "* * *");
        break;
    case CMARK_NODE_HTML_BLOCK:
        warn(w, n, "MD-RAW-HTML", "raw HTML block dropped", "đã bỏ khối HTML thô");
        break;
    default:
        warn(w, n, "MD-UNSUPPORTED", "unsupported Markdown construct dropped",
             "đã bỏ cấu trúc Markdown không hỗ trợ");
        break;
    }
}

void mdw_blocks(mdw *w, cmark_node *first)
{
    for (cmark_node *c = first; c; c = cmark_node_next(c))
        mdw_node(w, c);
}

cmark_node *mdw_parse(const kh_text *t, const char *md, const char *file,
                      kh_diags *diags)
{
    kh_text copy = *t;
    copy.s = md;
    return kh_md_parse(&copy, file, diags);
}
