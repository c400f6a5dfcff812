/* markdown.c — Markdown bodies through cmark: size bound (Debian's cmark
 * 0.30.2 has quadratic inputs, CVE-2023-22484/22486), positions mapped back
 * to the plan file, plain-text extraction and the link allow-list. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kehoach/load.h"
#include "kehoach/markdown.h"
#include "kehoach/text.h"

/* Bodies are bounded by the loader (KH_MAX_SCALAR_BYTES); this is the last
 * line of defence for callers that build texts themselves. */
#define KH_MAX_MD_BYTES KH_MAX_SCALAR_BYTES

/* The deepest tree a body may give the renderers, which recurse on it:
 * the loader bounds container nesting (KH_MAX_MD_NESTING: a list level is
 * a list and an item node) and marks (inline nesting); this repeats the
 * bound on the tree itself for callers that build texts themselves. */
#define KH_MAX_MD_TREE_DEPTH (2 * KH_MAX_MD_NESTING + 2 + KH_MAX_MD_MARKS)

/* cmark's iterator gives an exit event to every node but these. */
static bool is_leaf(cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
        return true;
    default:
        return false;
    }
}

/* The depth of the tree, and its deepest node, by cmark's iterator (no
 * recursion). */
static int tree_depth(cmark_node *doc, cmark_node **deepest)
{
    int depth = 0, max = 0;
    *deepest = doc;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_EXIT) {
            depth--;
            continue;
        }
        if (depth + 1 > max) {
            max = depth + 1;
            *deepest = n;
        }
        if (!is_leaf(n))
            depth++;
    }
    cmark_iter_free(it);
    return max;
}

cmark_node *kh_md_parse(const kh_text *t, const char *file, kh_diags *diags)
{
    const char *s = t->s ? t->s : "";
    size_t n = strlen(s);
    if (n > KH_MAX_MD_BYTES) {
        if (file && diags)
            kh_diag(diags, file, t->pos, KH_ERROR, "LOAD-LIMIT",
                    "Markdown body of %zu bytes is over the limit of %u bytes",
                    "đoạn văn bản Markdown dài %zu byte, vượt giới hạn %u byte",
                    n, (unsigned)KH_MAX_MD_BYTES);
        return NULL;
    }
    cmark_node *doc = cmark_parse_document(s, n, CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8);
    cmark_node *deepest;
    if (doc && tree_depth(doc, &deepest) > KH_MAX_MD_TREE_DEPTH) {
        if (file && diags)
            kh_diag(diags, file, kh_md_node_pos(t, deepest), KH_ERROR, "LOAD-LIMIT",
                    "Markdown body nests more than %d deep: flatten it",
                    "đoạn văn bản Markdown lồng sâu hơn %d cấp: hãy giảm bớt",
                    KH_MAX_MD_TREE_DEPTH);
        cmark_node_free(doc);
        return NULL;
    }
    return doc;
}

kh_pos kh_md_node_pos(const kh_text *t, cmark_node *node)
{
    /* Find a node with a real position (softbreaks and some inlines: 0:0). */
    while (node && cmark_node_get_start_line(node) == 0)
        node = cmark_node_parent(node);
    if (!node || !t->s)
        return t->pos;
    int line = cmark_node_get_start_line(node);
    int col = cmark_node_get_start_column(node);
    /* Byte offset of line/col in t->s. */
    const char *s = t->s;
    size_t off = 0;
    for (int l = 1; l < line && s[off]; off++)
        if (s[off] == '\n')
            l++;
    size_t len = strlen(s);
    off += col > 0 ? (size_t)(col - 1) : 0;
    if (off > len)
        off = len;
    return kh_text_locate(t, off);
}

void kh_md_plain(cmark_node *node, kh_buf *out)
{
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            kh_buf_puts(out, cmark_node_get_literal(n));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            kh_buf_putc(out, ' ');
            break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
        case CMARK_NODE_ITEM:
            if (ev == CMARK_EVENT_EXIT && out->len && out->s[out->len - 1] != '\n')
                kh_buf_putc(out, '\n');
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
    while (out->len && out->s[out->len - 1] == '\n')
        out->s[--out->len] = '\0';
}

/* Is s one line of running text that Markdown leaves as it is: letters,
 * digits, spaces between words and plain punctuation only, opening with
 * no digit (an ordered item), a space or a mark? Most headings and tasks
 * are: their plain text is themselves, without a parse. */
static bool plain_as_is(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (!u[0] || u[0] == ' ' || (u[0] >= '0' && u[0] <= '9'))
        return false;
    for (size_t i = 0; u[i]; i++) {
        unsigned char c = u[i];
        bool ok = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || (c && strchr(",.;:()/'\"%?", c)) ||
                  (c == ' ' && u[i + 1] && u[i + 1] != ' ');
        if (!ok)
            return false;
    }
    return true;
}

static char *inline_plain_parsed(const char *s);

char *kh_md_inline_plain(const char *s)
{
    if (plain_as_is(s))
        return kh_strndup(s, strlen(s));
    return inline_plain_parsed(s);
}

static char *inline_plain_parsed(const char *s)
{
    cmark_node *doc = cmark_parse_document(s, strlen(s), CMARK_OPT_VALIDATE_UTF8);
    kh_buf b = {0};
    kh_md_plain(doc, &b);
    cmark_node_free(doc);
    return kh_buf_take(&b);
}

bool kh_md_url_is_safe(const char *url)
{
    if (!url)
        return true;
    while (*url == ' ' || *url == '\t')
        url++;
    const char *colon = strchr(url, ':');
    const char *slash = strpbrk(url, "/?#");
    if (!colon || (slash && slash < colon))
        return true; /* relative */
    static const char *const ok[] = {"http:", "https:", "mailto:"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strncasecmp(url, ok[i], strlen(ok[i])) == 0)
            return true;
    return false;
}
