/* markdown.h — body text (Markdown) through cmark, with the limits and the
 * safety every consumer needs: size bound, raw HTML and unsafe links
 * reported, positions mapped back to the plan file. Owned by
 * src/model/markdown.c; the only code besides renderers that includes
 * cmark.h. */
#ifndef KEHOACH_MARKDOWN_H
#define KEHOACH_MARKDOWN_H

#include <cmark.h>

#include "kehoach/diag.h"
#include "kehoach/plan.h"

/* Parse a Markdown body. Returns NULL (and a diagnostic) when the text is
 * over the size bound; a document node otherwise (caller frees with
 * cmark_node_free). file may be NULL to suppress diagnostics. */
cmark_node *kh_md_parse(const kh_text *t, const char *file, kh_diags *diags);

/* Position in the plan file of a cmark node of a body parsed from t
 * (block-level accuracy; columns converted from bytes to code points). */
kh_pos kh_md_node_pos(const kh_text *t, cmark_node *node);

/* The plain text of a node and its descendants (emphasis markers dropped,
 * soft breaks as spaces). Appends to out. */
#include "kehoach/text.h"
void kh_md_plain(cmark_node *node, kh_buf *out);

/* Inline Markdown to plain text ("**a** b" → "a b"); malloc'd. */
char *kh_md_inline_plain(const char *s);

/* True when a link destination is safe to keep (http, https, mailto, or a
 * relative path); `javascript:`, `data:`, `vbscript:`, `file:` are not. */
bool kh_md_url_is_safe(const char *url);

#endif
