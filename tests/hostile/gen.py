#!/usr/bin/env python3
"""gen.py DIR — write the large hostile plan files into DIR (they are too
big to commit): each one probes a bound of include/kehoach/load.h or a
known quadratic path. Used by tests/cli/hostile.sh and bench/."""
import os
import sys

d = sys.argv[1]
HEAD = "issuer: A\ntitle: T\n"
TAIL = "recipients: [Lưu VT.]\nsignature: {title: a, name: b}\n"


def w(name, text):
    with open(os.path.join(d, name), "wb") as f:
        f.write(text.encode() if isinstance(text, str) else text)


def body_plan(body):
    return HEAD + "sections:\n  - title: X\n    body: |\n      " + body + "\n" + TAIL


MiB = 1 << 20
# file size: just past the 4 MiB bound, and an 8 MB single line
w("big-line.yaml", "title: " + "a" * (8 * 1000 * 1000) + "\n")
w("size-at.yaml", HEAD + "sections: [{title: X}]\n" + TAIL + "#" * (MiB - 200) + "\n")
w("size-over.yaml", "# x\n" * (MiB // 4 + 1))
# scalar bound (256 KiB): at and just past
w("scalar-at.yaml", body_plan("a" * (64 * 1024 - 1)))
w("scalar-over.yaml", body_plan("a" * (64 * 1024 + 1)))
# many unknown keys (diagnostic cost): 200 per section, ~3.9 MiB
sec = "  - title: X\n" + "".join("    unknownkey%d: v\n" % i for i in range(200))
w("unknown-keys.yaml", HEAD + "sections:\n" + sec * (700 * 1024 // len(sec)))
# many block scalars (position lookups)
blk = "  - title: X\n    body: |\n      a\n"
w("many-blocks.yaml", HEAD + "sections:\n" + blk * (1000 * 1024 // len(blk)))
# node bound: 200,000 nodes
w("many-nodes.yaml", HEAD + "x-list:\n" + "  - [a, b, c, d, e, f, g, h, i]\n" * 11200)
# nesting: 200,000 brackets
w("nested-brackets.yaml", "a: " + "[" * 200000 + "]" * 200000 + "\n")
w("nested-maps.yaml", "".join("  " * i + "k:\n" for i in range(400)) + "  " * 400 + "v\n")
# maps of 250 keys each (duplicate-key checks)
m = "  - {" + ", ".join("k%d: v" % i for i in range(250)) + "}\n"
w("wide-maps.yaml", HEAD + "x-maps:\n" + m * (1000 * 1024 // len(m)))
# alias bomb (billion laughs) and a self-referencing alias
s = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
for i in range(1, 10):
    p, c = chr(96 + i), chr(97 + i)
    s += "%s: &%s [%s]\n" % (c, c, ",".join(["*" + p] * 9))
w("alias-bomb.yaml", s)
w("alias-self.yaml", "a: &a [*a]\n")
# cmark's quadratic inputs (CVE-2023-22484, CVE-2023-22486 and kin): each
# pattern at the per-value bound of Markdown marks (1000) and just past it,
# and ten bodies at the bound (the per-file total) plus one more.
MD = {"images": ("![[]()", 2), "comments": ("a <!--", 1), "emph": ("*_", 2),
      "entities": ("&#", 1), "backticks": ("`a", 1), "brackets": ("[", 1)}
for name, (unit, marks) in MD.items():
    w("md-%s-at.yaml" % name, body_plan(unit * (1000 // marks)))
    w("md-%s-over.yaml" % name, body_plan(unit * (1000 // marks + 1)))
sec = "  - title: X\n    body: |\n      " + "*_" * 500 + "\n"
w("md-total-at.yaml", HEAD + "sections:\n" + sec * 10 + TAIL)
w("md-total-over.yaml", HEAD + "sections:\n" + sec * 11 + TAIL)
def lists_plan(levels, lines=300):
    return (HEAD + "sections:\n  - title: X\n    body: |\n" +
            "".join("      " + "  " * min(i, levels - 1) + "- a\n" for i in range(lines)) + TAIL)
# Markdown nesting (KH_MAX_MD_NESTING, 32): the renderers walk the tree, so
# a body 60,000 block quotes deep once overflowed the stack (issue 17).
# Lists nested by indentation, by markers on one line, quotes, and both.
w("md-lists.yaml", lists_plan(32))
w("md-lists-over.yaml", lists_plan(100))
w("md-quote-at.yaml", body_plan(">" * 32 + " a"))
w("md-quote-over.yaml", body_plan(">" * 33 + " a"))
w("md-quote-deep.yaml", body_plan(">" * 60000 + " a"))
w("md-quote-spaced.yaml", body_plan("> " * 30000 + "a"))
w("md-list-markers.yaml", body_plan("- " * 30000 + "a"))
w("md-ordered-markers.yaml", body_plan("1. " * 20000 + "a"))
w("md-quote-list.yaml", body_plan("> - " * 15000 + "a"))
# many sections, units, recipients at the item bound
w("items-at.yaml", HEAD + "sections:\n" + "  - title: X\n" * 2000 + TAIL)
w("items-over.yaml", HEAD + "sections:\n" + "  - title: X\n" * 2001 + TAIL)
w("recipients-over.yaml", HEAD + "sections: [{title: X}]\nsignature: {title: a, name: b}\n"
  "recipients:\n" + ("  - group: report\n    items: [" + ", ".join(["a"] * 1000) + "]\n") * 3)
# 2,000 recipient lines (the item bound): the duplicate check once took 3 s
w("recipients-at.yaml", HEAD + "sections: [{title: X}]\nsignature: {title: a, name: b}\n"
  "recipients: [" + ", ".join("a%d" % i for i in range(1999)) + ", Lưu VT.]\n")
# the duplicate-recipient rule compared every pair (a fuzz_check timeout,
# issue 17) and each of its 2,000 diagnostics re-measured the whole 12 KB
# line for its excerpt: the same recipient 1,999 times, and 1,999 others
# naming one unit, on one line each
w("recipients-same.yaml", HEAD + "sections: [{title: X}]\nsignature: {title: a, name: b}\n"
  "recipients: [" + ", ".join(["Ban Tuyên giáo"] * 1999) + ", Lưu VT.]\n")
w("recipients-unit.yaml", HEAD + "sections: [{title: X}]\nsignature: {title: a, name: b}\n"
  "recipients: [" + ", ".join("{name: a%d, unit: U}" % i for i in range(1999)) + ", Lưu VT.]\n")
# lines per value (500): at, past, and a 1 MiB file of 16 values at the bound
def lines_plan(nbodies, lines, unit="a"):
    body = "".join("      " + (unit if i % 2 == 0 else "") + "\n" for i in range(lines))
    return HEAD + "sections:\n" + ("  - title: X\n    body: |\n" + body) * nbodies + TAIL
w("lines-at.yaml", lines_plan(1, 500))
w("lines-over.yaml", lines_plan(1, 502))
w("lines-many.yaml", lines_plan(16, 500, "a" * 240))
