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
w("over-size.yaml", "# x\n" * (MiB + 1))
# scalar bound (256 KiB): at and just past
w("scalar-at.yaml", body_plan("a" * (256 * 1024 - 1)))
w("scalar-over.yaml", body_plan("a" * (256 * 1024 + 1)))
# many unknown keys (diagnostic cost): 200 per section, ~3.9 MiB
sec = "  - title: X\n" + "".join("    unknownkey%d: v\n" % i for i in range(200))
w("unknown-keys.yaml", HEAD + "sections:\n" + sec * (3900 * 1024 // len(sec)))
# many block scalars (position lookups)
blk = "  - title: X\n    body: |\n      a\n"
w("many-blocks.yaml", HEAD + "sections:\n" + blk * (3900 * 1024 // len(blk)))
# node bound: 200,000 nodes
w("many-nodes.yaml", HEAD + "x-list:\n" + "  - [a, b, c, d, e, f, g, h, i]\n" * 22300)
# nesting: 200,000 brackets
w("nested-brackets.yaml", "a: " + "[" * 200000 + "]" * 200000 + "\n")
w("nested-maps.yaml", "".join("  " * i + "k:\n" for i in range(1500)) + "  " * 1500 + "v\n")
# maps of 250 keys each (duplicate-key checks)
m = "  - {" + ", ".join("k%d: v" % i for i in range(250)) + "}\n"
w("wide-maps.yaml", HEAD + "x-maps:\n" + m * (3900 * 1024 // len(m)))
# alias bomb (billion laughs) and a self-referencing alias
s = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
for i in range(1, 10):
    p, c = chr(96 + i), chr(97 + i)
    s += "%s: &%s [%s]\n" % (c, c, ",".join(["*" + p] * 9))
w("alias-bomb.yaml", s)
w("alias-self.yaml", "a: &a [*a]\n")
# cmark's quadratic inputs (CVE-2023-22484, CVE-2023-22486) at the body bound
w("md-images.yaml", body_plan("![[]()" * (256 * 1024 // 6 - 10)))
w("md-comments.yaml", body_plan("<!--" * (256 * 1024 // 4 - 10)))
w("md-brackets.yaml", body_plan("[" * (256 * 1024 - 100)))
w("md-emph.yaml", body_plan("*a_" * (256 * 1024 // 3 - 10)))
w("md-backticks.yaml", body_plan("`a``" * (256 * 1024 // 4 - 10)))
w("md-lists.yaml", HEAD + "sections:\n  - title: X\n    body: |\n" +
  "".join("      " + "  " * min(i, 200) + "- a\n" for i in range(20000))[:250000] + TAIL)
# many sections, units, recipients at the item bound
w("items-at.yaml", HEAD + "sections:\n" + "  - title: X\n" * 2000 + TAIL)
w("items-over.yaml", HEAD + "sections:\n" + "  - title: X\n" * 2001 + TAIL)
w("recipients-over.yaml", HEAD + "sections: [{title: X}]\nsignature: {title: a, name: b}\n"
  "recipients:\n" + "  - group: report\n    items: [" + ", ".join(["a"] * 1000) + "]\n" * 3)
