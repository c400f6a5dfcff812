/* tree.h — the loader's intermediate YAML tree: scalars, sequences and
 * mappings with their source positions, built from libyaml events under the
 * input bounds (depth, node count, sizes; no aliases; no duplicate keys).
 * Private to src/load/. */
#ifndef KEHOACH_LOAD_TREE_H
#define KEHOACH_LOAD_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/diag.h"
#include "kehoach/plan.h"

typedef enum ynode_type { Y_SCALAR, Y_SEQ, Y_MAP } ynode_type;

typedef struct ynode {
    ynode_type type;
    kh_pos pos;              /* start of the node */
    kh_pos body;             /* block scalars: first content line and indent */
    kh_scalar_style style;
    char *s;                 /* scalar value (raw UTF-8, not yet NFC) */
    bool nfc;                /* known to be NFC: from an input made only of
                                NFC-stable characters, and not an escape */
    size_t len;
    struct ynode **kids;     /* seq: items; map: key, value, key, value … */
    size_t n;                /* number of kids */
} ynode;

/* Parse data into a tree allocated from `arena`. Returns the root (a
 * document's top node), or NULL after reporting why. */
ynode *ytree_parse(const char *path, const char *data, size_t len,
                   struct kh_arena *arena, kh_diags *diags);

/* A user value quoted in a message, cut to a readable length on a UTF-8
 * boundary ("…" marks the cut): a 200 KB key must not make a 200 KB
 * message. Returns buf. */
#define YTREE_CLIP 72
const char *ytree_clip(char buf[YTREE_CLIP], const char *s);

#endif
