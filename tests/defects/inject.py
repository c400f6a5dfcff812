#!/usr/bin/python3
"""inject.py — the defect-injection corpus: the real plans (plans/, the seeds
as the project keeps them) with one defect put in at a time, each marked with
the line (and the column, where it means something) where `kehoach check`
must report it. Prints the recall of each family of defects and the false
alarms (warnings and errors) on the clean plans; exits 1 when a family's
recall is below its floor in tests/defects/recall-floor, or when a clean
plan raises a false alarm. One generator per kind of defect; a generator
finds its sites in a plan by reading the YAML text, so a new plan in plans/
grows the corpus by itself.

Usage: inject.py KEHOACH [--list] [--keep DIR] [--floor FILE] [PLAN...]
  --list   print each mutant and whether it was caught
  --keep   write the mutants to DIR (for the import helper, and by hand)

A mutant is caught when a diagnostic (of any severity) is reported at its
line (and its column range, when given) that the clean plan does not have
at that line with that ID. Mutations keep the number of lines, so the clean
plan's diagnostics stay comparable.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FLOOR = os.path.join(ROOT, "tests", "defects", "recall-floor")
DEFAULT_PLANS = ["plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml",
                 "plans/002-hai-ba-trung-quan-uy.yaml",
                 "plans/004-bach-thong-huyen-uy.yaml"]
SITES_PER_PLAN = 3  # at most this many sites of one generator in one plan


class Mutant:
    def __init__(self, family, kind, lines, line, col=None, col_end=None, note=""):
        self.family, self.kind, self.lines = family, kind, lines
        self.line, self.col, self.col_end, self.note = line, col, col_end, note


def top_value(lines, key):
    """(index, value) of a top-level `key: value` line, or (None, None)."""
    for i, l in enumerate(lines):
        m = re.match(r"^%s:\s*(.*?)\s*(#.*)?$" % re.escape(key), l)
        if m:
            return i, m.group(1)
    return None, None


def issue_date(lines):
    _, v = top_value(lines, "date")
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})$", v or "")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def col_of(line, sub, start=0):
    """1-based column (in code points) of sub in line."""
    return len(line[:line.index(sub, start)]) + 1


def body_lines(lines):
    """Indices of lines inside text blocks (indented prose, not `key:` lines)."""
    out = []
    for i, l in enumerate(lines):
        s = l.strip()
        if not s or s.startswith("#") or re.match(r"^-?\s*[a-z_]+:(\s|$)", s):
            continue
        if l.startswith(" ") and len(s) > 30:
            out.append(i)
    return out


def replaced(lines, i, new):
    c = list(lines)
    c[i] = new
    return c


# ---- generators: each yields Mutants of one plan ----

def g_impossible_date(lines):
    """dates: a date in the text that does not exist (31/4, 30/02)."""
    for i in body_lines(lines):
        for m in re.finditer(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", lines[i]):
            bad = "31/4/" + m.group(3) if m.group(2) != "4" else "30/02/" + m.group(3)
            yield Mutant("dates", "impossible-date",
                         replaced(lines, i, lines[i][:m.start()] + bad + lines[i][m.end():]),
                         i + 1, len(lines[i][:m.start()]) + 1)
            break


def g_deadline_before_issue(lines):
    """dates: a deadline before the issue date."""
    d = issue_date(lines)
    for i, l in enumerate(lines):
        m = re.match(r"^(\s*deadline:\s*)(\d{4}-\d{2}-\d{2})", l)
        if m and d:
            bad = (d - timedelta(days=12)).isoformat()
            yield Mutant("dates", "deadline-before-issue", replaced(lines, i, m.group(1) + bad), i + 1)


def g_event_before_issue(lines):
    """dates: a scheduled event before the issue date."""
    d = issue_date(lines)
    for i, l in enumerate(lines):
        m = re.match(r"^(\s*date:\s*)(\d{4}-\d{2}-\d{2})", l)
        if m and d and l.startswith(" ") and i > 0 and "text:" in "".join(lines[max(0, i - 3):i]):
            bad = (d - timedelta(days=20)).isoformat()
            yield Mutant("dates", "event-before-issue", replaced(lines, i, m.group(1) + bad), i + 1)


def g_window_order(lines):
    """dates: the campaign window's end typed before its start (`schedule:`)."""
    i, _ = top_value(lines, "schedule")
    if i is None:
        return
    start = None
    for k in range(i + 1, min(i + 4, len(lines))):
        m = re.match(r"^  from:\s*(\d{4})-(\d{2})-(\d{2})", lines[k])
        if m:
            start = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.match(r"^(  to:\s*)\d{4}-\d{2}-\d{2}", lines[k])
        if m and start:
            yield Mutant("dates", "window-order",
                         replaced(lines, k, m.group(1) + (start - timedelta(days=4)).isoformat()), k + 1)
            return


def g_report_order(lines):
    """dates: a unit's report to another unit of the plan due after that
    unit's own deadline to report upward."""
    units, cur = {}, None
    for i, l in enumerate(lines):
        m = re.match(r"^      - name:\s*(.+?)\s*$", l)
        if m:
            cur = {"name": m.group(1), "to": None, "deadlines": []}
            units[m.group(1)] = cur
            continue
        if cur is None:
            continue
        m = re.match(r"^        report_to:\s*(.+?)\s*$", l)
        if m:
            cur["to"] = m.group(1)
        m = re.match(r"^(\s+deadline:\s*)(\d{4})-(\d{2})-(\d{2})\s*$", l)
        if m and not any(re.match(r"^\s+every:", x) for x in lines[i - 2:i + 3]):
            cur["deadlines"].append((i, m.group(1), date(int(m.group(2)), int(m.group(3)), int(m.group(4)))))
    for u in units.values():
        up = units.get(u["to"] or "")
        if not up or up is u or not up["deadlines"] or not u["deadlines"] or not up["to"]:
            continue
        i, pre, _ = u["deadlines"][0]
        late = min(d for (_, _, d) in up["deadlines"]) + timedelta(days=6)
        yield Mutant("dates", "report-order", replaced(lines, i, pre + late.isoformat()), i + 1)
        return


def g_issue_date_impossible(lines):
    """dates: the issue date itself impossible (a loader error at its line)."""
    i, v = top_value(lines, "date")
    if i is not None and re.match(r"\d{4}-\d{2}-\d{2}$", v or ""):
        yield Mutant("dates", "issue-date-impossible",
                     replaced(lines, i, "date: %s-02-30" % v[:4]), i + 1)


def g_cited_after_issue(lines):
    """dates: the document implemented dated after the plan itself."""
    d = issue_date(lines)
    for i, l in enumerate(lines):
        m = re.match(r"^(\s+date:\s*)(\d{4}-\d{2}-\d{2})", l)
        if m and d and i > 0 and re.search(r"number:", "".join(lines[max(0, i - 2):i])):
            bad = (d + timedelta(days=9)).isoformat()
            yield Mutant("dates", "cited-after-issue", replaced(lines, i, m.group(1) + bad), i + 1)


def g_number_blank(lines):
    """numbering: the number left blank."""
    i, v = top_value(lines, "number")
    if i is not None and re.match(r"^\d", v or ""):
        yield Mutant("numbering", "number-blank",
                     replaced(lines, i, "number: %s" % re.sub(r"^\d+", "", v)), i + 1)


def g_number_spaced(lines):
    """numbering: a space typed inside the number (`220 -KH/QU`)."""
    i, v = top_value(lines, "number")
    if i is not None and "-" in (v or ""):
        k = v.index("-")
        yield Mutant("numbering", "number-spaced",
                     replaced(lines, i, "number: %s -%s" % (v[:k], v[k + 1:])), i + 1)


def g_number_so_typed(lines):
    """numbering: `Số` typed into the number (printed twice)."""
    i, v = top_value(lines, "number")
    if i is not None and v:
        yield Mutant("numbering", "number-so-typed", replaced(lines, i, "number: Số %s" % v), i + 1)


def g_number_wrong_code(lines):
    """numbering: the issuer code of another level (HU for a Quận ủy …)."""
    i, v = top_value(lines, "number")
    m = re.match(r"^(\d+-KH/)(\S+)$", v or "")
    if i is not None and m:
        other = "QU" if m.group(2) != "QU" else "HU"
        yield Mutant("numbering", "number-wrong-code",
                     replaced(lines, i, "number: %s%s" % (m.group(1), other)), i + 1)


def g_enum_skipped(lines):
    """structure: an inline enumeration (1) (2) (3) that skips a number."""
    for i in body_lines(lines):
        l = lines[i]
        if "(1)" in l and "(2)" in l and "(3)" in l:
            k = l.index("(2)")
            yield Mutant("structure", "enum-skipped", replaced(lines, i, l[:k] + "(4)" + l[k + 3:]), i + 1)


def g_paren_unclosed(lines):
    """structure: an opening parenthesis never closed."""
    for i in body_lines(lines):
        l = lines[i]
        m = re.search(r"\(([^()]{3,60})\)", l)
        if m:
            yield Mutant("structure", "paren-unclosed",
                         replaced(lines, i, l[:m.end() - 1] + l[m.end():]), i + 1)


def g_implementation_missing(lines):
    """structure: no TỔ CHỨC THỰC HIỆN section (renamed, its kind dropped)."""
    for i, l in enumerate(lines):
        if re.match(r"^\s*- title:\s*TỔ CHỨC THỰC HIỆN\s*$", l):
            new = replaced(lines, i, l.replace("TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG NHIỆM VỤ"))
            if i + 1 < len(new) and "kind: implementation" in new[i + 1]:
                new[i + 1] = new[i + 1].replace("kind: implementation", "x-kind: none")
            yield Mutant("structure", "implementation-missing", new, None)


def g_unit_not_recipient(lines):
    """recipients: a unit given tasks left out of Nơi nhận (its line dropped
    to a comment, so the line count stays)."""
    start, _ = top_value(lines, "recipients")
    if start is None:
        return
    ids = {}
    # A unit named on the Lưu line receives the plan there (Lưu Văn phòng
    # Đảng ủy): dropping its own line is no defect.
    luu = " ".join(l.casefold() for l in lines[start:] if re.match(r"^\s*-\s*\"?Lưu", l))
    # A collective line ("Các phòng, đơn vị thuộc Sở;") stands for every
    # unit of that kind (Phòng Chuyển đổi số): dropping the unit's own line
    # is no defect either (batch 7).
    kinds = set()
    for l in lines[start:]:
        mc = re.match(r"^\s*-\s*(?:name:\s*)?\"?Các\s+([^,;\s]+)", l)
        if mc:
            kinds.add(mc.group(1).casefold())
    for i, l in enumerate(lines[:start]):
        m = re.match(r"^\s+- name:\s*(.+)$", l)
        if m and i + 1 < len(lines):
            m2 = re.match(r"^\s+id:\s*(\S+)", lines[i + 1])
            name = m.group(1).strip().strip('"')
            if m2 and name.casefold() not in luu and name.split()[0].casefold() not in kinds:
                ids[m2.group(1)] = i + 1
    for i in range(start + 1, len(lines)):
        m = re.match(r"^(\s+)unit:\s*(\S+)", lines[i])
        if not m or m.group(2) not in ids:
            continue
        if not re.match(r"^\s+- name:", lines[i - 1]):
            continue
        new = list(lines)
        new[i - 1] = "# " + lines[i - 1]
        new[i] = "# " + lines[i]
        # A recipient map may carry more keys (role:) after unit:.
        k = i + 1
        while k < len(new) and re.match(r"^\s{4,}\S", new[k]) and not new[k].lstrip().startswith("-"):
            new[k] = "# " + new[k]
            k += 1
        yield Mutant("recipients", "unit-not-recipient", new, ids[m.group(2)],
                     note="unit " + m.group(2))


def g_luu_not_last(lines):
    """recipients: the Lưu line moved before the last recipient."""
    for i, l in enumerate(lines):
        if re.match(r"^\s*-\s*\"?Lưu", l) and i > 0 and re.match(r"^\s*- [^\n]+,\s*$", lines[i - 1]):
            new = list(lines)
            new[i - 1], new[i] = lines[i], lines[i - 1]
            yield Mutant("recipients", "luu-not-last", new, i)


def g_recipient_twice(lines):
    """recipients: one recipient line written twice (over a comment line)."""
    start, _ = top_value(lines, "recipients")
    if start is None:
        return
    for i in range(start + 1, len(lines) - 1):
        if re.match(r"^  - [^\"{L][^:]*,\s*$", lines[i]):
            for k in range(i + 1, len(lines)):
                if re.match(r"^\s*- ", lines[k]):
                    break
            # insert by replacing the line after with a copy only when that
            # line is itself a plain recipient (kept: one line dropped)
            if re.match(r"^  - [^\"{L][^:]*,\s*$", lines[i + 1]):
                yield Mutant("recipients", "recipient-twice", replaced(lines, i + 1, lines[i]), i + 2)
                return


def g_recipient_alias_twice(lines):
    """recipients: one recipient written twice, the second time by its
    abbreviation (`Ban Tuyên giáo Tỉnh ủy,` and `BTG Tỉnh ủy,`)."""
    start, _ = top_value(lines, "recipients")
    if start is None:
        return
    short = (("Ủy ban nhân dân", "UBND"), ("Ban Tuyên giáo", "BTG"), ("Ban Thường vụ", "BTV"),
             ("Mặt trận Tổ quốc", "MTTQ"), ("Ủy ban Kiểm tra", "UBKT"))
    plain = r"^  - [^\"{L][^:]*,\s*$"
    for i in range(start + 1, len(lines) - 1):
        if not re.match(plain, lines[i]) or not re.match(plain, lines[i + 1]):
            continue
        for full, ab in short:
            if full in lines[i]:
                yield Mutant("recipients", "recipient-alias-twice",
                             replaced(lines, i + 1, lines[i].replace(full, ab, 1)), i + 2)
                return


def g_tone_placement(lines):
    """orthography: one word with the other tone-mark placement (hóa → hoá)."""
    pairs = [("hóa", "hoá"), ("Hóa", "Hoá"), ("ủy", "uỷ"), ("Ủy", "Uỷ"), ("khóa", "khoá")]
    for new_style in (False, True):
        for a, b in pairs:
            src, dst = (a, b) if not new_style else (b, a)
            n_src = sum(l.count(src) for l in lines)
            if n_src < 3:
                continue
            for i in body_lines(lines):
                if src in lines[i]:
                    c = col_of(lines[i], src)
                    yield Mutant("orthography", "tone-placement",
                                 replaced(lines, i, lines[i].replace(src, dst, 1)), i + 1, c, c + 1)
                    break
            return


def g_double_space(lines):
    """orthography: two spaces between words."""
    for i in body_lines(lines):
        m = re.search(r"\S( )\S", lines[i][12:])
        if m:
            k = 12 + m.start(1)
            yield Mutant("orthography", "double-space",
                         replaced(lines, i, lines[i][:k] + "  " + lines[i][k + 1:]), i + 1)


def flow_row(line):
    """A table row written as a flow sequence (`- [1, Tên, 26]`): its commas
    part the cells, so a comma typed twice or spaced there is YAML, not text."""
    return line.strip().startswith("- [")


def g_space_before_comma(lines):
    """orthography: a space typed before a comma."""
    for i in body_lines(lines):
        if flow_row(lines[i]):
            continue
        k = lines[i].find(", ", 20)
        if k > 0 and lines[i][k - 1] != " ":
            yield Mutant("orthography", "space-before-comma",
                         replaced(lines, i, lines[i][:k] + " " + lines[i][k:]), i + 1)


def g_word_doubled(lines):
    """orthography: a word typed twice (`của của`)."""
    for i in body_lines(lines):
        m = re.search(r" (của|các|và|được|trong) ", lines[i])
        if m:
            k = m.end() - 1
            yield Mutant("orthography", "word-doubled",
                         replaced(lines, i, lines[i][:k] + " " + m.group(1) + lines[i][k:]), i + 1)


def g_known_typo(lines):
    """orthography: a misspelling of a frequent word of such documents
    (a tone dropped by a Telex slip: `thực hiện` → `thực hiên`)."""
    slips = [("thực hiện", "thực hiên"), ("tổ chức", "tổ chưc"), ("tuyên truyền", "tuyên truyên"),
             ("cán bộ", "cán bô"), ("Nhân dân", "Nhân dâ")]
    for a, b in slips:
        for i in body_lines(lines):
            if a in lines[i]:
                c = col_of(lines[i], a)
                yield Mutant("orthography", "known-typo", replaced(lines, i, lines[i].replace(a, b, 1)),
                             i + 1, c, c + len(a))
                break


def g_caps_title(lines):
    """orthography: a title capitalised wrongly (`Tổng Bí Thư`)."""
    for i in body_lines(lines):
        if "Tổng Bí thư" in lines[i]:
            c = col_of(lines[i], "Tổng Bí thư")
            yield Mutant("orthography", "caps-title",
                         replaced(lines, i, lines[i].replace("Tổng Bí thư", "Tổng Bí Thư", 1)), i + 1, c, c + 11)
            return



# ---- orthography: the syllable, the lexicon, doubled words, spacing and
# capitals (issue 14). Words are picked by what they are, never from a list
# of the plan's own words, so a new plan grows these too.

TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
VNI_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
WORD = re.compile(r"(?<![\w{}/.@-])([^\W\d_]+)(?![\w{}/.@-])")


def lower_words(line, start=12):
    """(index, word) of each lower-case word of a line after column start."""
    for m in WORD.finditer(line, start):
        w = m.group(1)
        if w == w.lower() and len(w) >= 2:
            yield m.start(1), w


def g_syllable_glued(lines):
    """orthography: two words run together (`thựchiện`)."""
    for i in body_lines(lines):
        ws = list(lower_words(lines[i], 20))
        for (a, w1), (b, w2) in zip(ws, ws[1:]):
            if b == a + len(w1) + 1 and lines[i][a + len(w1)] == " " and len(w1) + len(w2) >= 6:
                c = len(lines[i][:a]) + 1
                yield Mutant("orthography", "syllable-glued",
                             replaced(lines, i, lines[i][:a + len(w1)] + lines[i][b:]), i + 1, c, c)
                break


def telex(word, vni=False):
    """The keys typed for a word with the input method off (Telex or VNI)."""
    import unicodedata
    out, tone = "", ""
    marks = {"\u0302": ("", "6"), "\u0306": ("w", "8"), "\u031b": ("w", "7")}
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES:
            tone = VNI_TONES[ch] if vni else TONES[ch]
        elif ch in marks:
            out += marks[ch][1] if vni else (out[-1] if ch == "\u0302" else "w")
        elif ch == "đ":
            out += "d9" if vni else "dd"
        else:
            out += ch
    return out, tone


def g_telex_leftover(lines):
    """orthography: a word typed with Telex off (`truyền` → `truyeenf`)."""
    for i in body_lines(lines):
        for a, w in lower_words(lines[i], 20):
            keys, tone = telex(w)
            if tone and len(w) >= 4 and keys.isascii():
                c = len(lines[i][:a]) + 1
                yield Mutant("orthography", "telex-leftover",
                             replaced(lines, i, lines[i][:a] + keys + tone + lines[i][a + len(w):]),
                             i + 1, c, c)
                break


def g_vni_leftover(lines):
    """orthography: a word typed with VNI off (`việt` → `vie65t`): the
    digits after the vowel they mark, then the rest of the word."""
    import unicodedata
    for i in body_lines(lines):
        for a, w in lower_words(lines[i], 20):
            d = unicodedata.normalize("NFD", w)
            m = re.match(r"^([a-zđ]*?[aeiouy])([\u0302\u0306\u031b]?)([\u0300\u0301\u0303\u0309\u0323])([a-z]+)$", d)
            if not m or "đ" in w:
                continue
            digits = {"\u0302": "6", "\u0306": "8", "\u031b": "7", "": ""}[m.group(2)] + VNI_TONES[m.group(3)]
            c = len(lines[i][:a]) + 1
            yield Mutant("orthography", "vni-leftover",
                         replaced(lines, i, lines[i][:a] + m.group(1) + digits + m.group(4) +
                                  lines[i][a + len(w):]), i + 1, c, c)
            break


def g_stop_tone_dropped(lines):
    """orthography: the tone mark dropped from a word ending in c, ch, p or t
    (`chức` → `chưc`): a stop ending takes sắc or nặng only."""
    import unicodedata
    for i in body_lines(lines):
        for a, w in lower_words(lines[i], 20):
            d = unicodedata.normalize("NFD", w)
            if not re.search(r"(c|ch|p|t)$", w) or not any(t in d for t in TONES):
                continue
            bare = unicodedata.normalize("NFC", "".join(ch for ch in d if ch not in TONES))
            c = len(lines[i][:a]) + 1
            yield Mutant("orthography", "stop-tone-dropped",
                         replaced(lines, i, lines[i][:a] + bare + lines[i][a + len(w):]), i + 1, c, c)
            break


def g_lexicon_typo(lines):
    """orthography: a frequent misspelling of a word of such documents
    (s/x, tr/ch, d/gi, hỏi/ngã: `xử lý` → `sử lý`, `kỷ niệm` → `kỹ niệm`)."""
    slips = [("xử lý", "sử lý"), ("sắp xếp", "xắp xếp"), ("chương trình", "trương trình"),
             ("kỷ niệm", "kỹ niệm"), ("giữ gìn", "dữ gìn"), ("sản xuất", "sản suất"),
             ("chú trọng", "chú chọng"), ("kỷ luật", "kỹ luật"), ("kỹ năng", "kỷ năng"),
             ("hướng dẫn", "hướng dẩn"), ("kiểm tra", "kiễm tra"), ("kết quả", "kết quã"),
             ("đề xuất", "đề suất"), ("trách nhiệm", "chách nhiệm"), ("giáo dục", "dáo dục")]
    for a, b in slips:
        for i in body_lines(lines):
            k = lines[i].find(a, 12)
            if k >= 0 and re.match(r"\W", lines[i][k + len(a):k + len(a) + 1] or " "):
                c = len(lines[i][:k]) + 1
                yield Mutant("orthography", "lexicon-typo",
                             replaced(lines, i, lines[i][:k] + b + lines[i][k + len(a):]), i + 1, c, c)
                break


def g_party_lower(lines):
    """orthography: `Đảng` meaning the Party written in lower case
    (`của Đảng` → `của đảng`)."""
    for i in body_lines(lines):
        m = re.search(r"\b(của|với|theo) Đảng(?! (viên|bộ|ủy|uỷ))\b", lines[i])
        if m:
            k = m.start()
            c = len(lines[i][:k]) + 1
            yield Mutant("orthography", "party-lower",
                         replaced(lines, i, lines[i][:m.end() - 4] + "đảng" + lines[i][m.end():]),
                         i + 1, c, c)


def g_body_caps(lines):
    """orthography: a body or office capitalised wrongly (`Bộ Chính trị` →
    `Bộ chính trị`, `Ủy ban nhân dân` → `Ủy ban Nhân dân`)."""
    pairs = [("Bộ Chính trị", "Bộ chính trị"), ("Ban Bí thư", "Ban bí thư"),
             ("Ủy ban nhân dân", "Ủy ban Nhân dân"), ("Mặt trận Tổ quốc", "Mặt trận Tổ Quốc"),
             ("Hội đồng nhân dân", "Hội đồng Nhân dân"), ("Chủ tịch nước", "Chủ tịch Nước")]
    for a, b in pairs:
        for i in body_lines(lines):
            k = lines[i].find(a, 12)
            if k >= 0:
                c = len(lines[i][:k]) + 1
                yield Mutant("orthography", "body-caps",
                             replaced(lines, i, lines[i][:k] + b + lines[i][k + len(a):]), i + 1, c, c)
                break


def g_paren_space(lines):
    """orthography: a space typed inside a bracket (`( báo cáo)`)."""
    for i in body_lines(lines):
        k = lines[i].find("(", 12)
        if k >= 0 and k + 1 < len(lines[i]) and lines[i][k + 1].isalnum():
            c = len(lines[i][:k]) + 2
            yield Mutant("orthography", "paren-space",
                         replaced(lines, i, lines[i][:k + 1] + " " + lines[i][k + 1:]), i + 1, c, c)


def g_comma_no_space(lines):
    """orthography: no space after a comma between two words (`a,b`)."""
    for i in body_lines(lines):
        m = re.search(r"[^\W\d_], [^\W\d_]", lines[i][12:])
        if m:
            k = 12 + m.start() + 1
            c = len(lines[i][:k]) + 2
            yield Mutant("orthography", "comma-no-space",
                         replaced(lines, i, lines[i][:k + 1] + lines[i][k + 2:]), i + 1, c, c)


def g_punct_doubled(lines):
    """orthography: a comma typed twice (`,,`)."""
    for i in body_lines(lines):
        if flow_row(lines[i]):
            continue
        k = lines[i].find(", ", 20)
        if k > 0 and lines[i][k - 1] not in ",. ":
            c = len(lines[i][:k]) + 1
            yield Mutant("orthography", "punct-doubled",
                         replaced(lines, i, lines[i][:k] + "," + lines[i][k:]), i + 1, c, c)

def g_heading_case(lines):
    """orthography: a Roman (level-1) heading typed in ordinary case
    (`NỘI DUNG` → `Nội dung`)."""
    for i, l in enumerate(lines):
        m = re.match(r"^  - title: ([^\W\d_][^#]*)$", l)
        if m and m.group(1) == m.group(1).upper() and len(m.group(1)) > 4:
            t = m.group(1)
            yield Mutant("orthography", "heading-case",
                         replaced(lines, i, l[:m.start(1)] + t[0] + t[1:].lower()), i + 1)
            return


def g_anniv_years(lines):
    """arithmetic: an anniversary whose years do not add up."""
    for i, l in enumerate(lines):
        m = re.search(r"(\d{1,3}) năm([^()\n]*)\((\d{1,2}/\d{1,2}/)?(\d{4}) - (\d{1,2}/\d{1,2}/)?(\d{4})\)", l)
        if m:
            n = int(m.group(1))
            k = m.start(1)
            yield Mutant("arithmetic", "anniversary-years",
                         replaced(lines, i, l[:k] + str(n + 5) + l[m.end(1):]), i + 1)
            return


def g_party_years(lines):
    """arithmetic: the Party's age miscounted (`hơn 94 năm` → `hơn 96 năm`)."""
    for i in body_lines(lines):
        m = re.search(r"(hơn |gần |qua )?(\d{2}) năm (lãnh đạo|xây dựng và trưởng thành)", lines[i])
        if m and "Đảng" in lines[i]:
            k = m.start(2)
            yield Mutant("arithmetic", "party-years",
                         replaced(lines, i, lines[i][:k] + str(int(m.group(2)) + 7) + lines[i][m.end(2):]), i + 1)
            return


CANS = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
CHIS = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"]


def g_canchi_year(lines):
    """arithmetic: a year of the text named with the can-chi of the year
    before (`năm 2026` → `năm Ất Tỵ 2026`, the slip of a plan copied from
    last year's)."""
    for i in body_lines(lines):
        m = re.search(r"\bnăm (\d{4})\b(?![/-])", lines[i])
        if m:
            y = int(m.group(1)) - 1
            name = "%s %s " % (CANS[(y - 4) % 10], CHIS[(y - 4) % 12])
            k = m.start(1)
            yield Mutant("arithmetic", "canchi-year",
                         replaced(lines, i, lines[i][:k] + name + lines[i][k:]), i + 1,
                         len(lines[i][:k]) + 1)
            return


def g_anniv_body(lines):
    """arithmetic: the trích yếu's anniversary counted one year short in the
    body (last year's plan copied)."""
    i, v = top_value(lines, "title")
    if i is None:
        return
    title = " ".join(l.strip() for l in lines[i:i + 4])
    m = re.search(r"[Kk]ỷ niệm (\d+) năm ((\S+ ){3}\S+)", title)
    if not m:
        return
    n, event = m.group(1), m.group(2)
    for k in body_lines(lines):
        p = lines[k].find("niệm %s năm %s" % (n, event))
        # not the title itself, and not a count beside its years' range
        # (R-ANNIV-ARITH's): the count alone, as the body repeats it
        if p >= 0 and k > i + 3 and not re.match(r"[^.;(]{0,40}\(\d", lines[k][p + len(event):]):
            q = p + len("niệm ")
            yield Mutant("arithmetic", "anniv-body",
                         replaced(lines, k, lines[k][:q] + str(int(n) - 1) + lines[k][q + len(n):]), k + 1,
                         len(lines[k][:q]) + 1)
            return


def g_citation_date(lines):
    """citations: a document cited in the text with another date than in
    `implements:`."""
    nums = []
    for i, l in enumerate(lines):
        m = re.match(r"^\s+number:\s*(\S+)", l)
        if m:
            nums.append(m.group(1))
    for i in body_lines(lines):
        for n in nums:
            m = re.search(re.escape(n) + r",? ngày (\d{1,2})/(\d{1,2})/(\d{4})", lines[i])
            if m:
                day = int(m.group(1))
                bad = "%d/%s/%s" % (day % 27 + 1, m.group(2), m.group(3))
                k = m.start(1)
                yield Mutant("citations", "citation-date",
                             replaced(lines, i, lines[i][:k] + bad + lines[i][m.end(3):]), i + 1)
                return


def g_citation_code(lines):
    """citations: the code of a cited number that does not fit the body named."""
    for i in body_lines(lines):
        m = re.search(r"số (\d+)-(HD|KH|NQ|CT)/(BTGTU|BTGHU|TU|HU|QU|ĐUK)( ngày [\d/]+)? của (Ban Thường vụ |Ban Tuyên giáo |Ban Chấp hành )?(Tỉnh ủy|Huyện ủy|Quận ủy|Thành ủy|Đảng ủy Khối)", lines[i])
        if m:
            other = {"BTGTU": "BTGHU", "BTGHU": "BTGTU", "TU": "HU", "HU": "TU", "QU": "TU", "ĐUK": "HU"}[m.group(3)]
            k = m.start(3)
            yield Mutant("citations", "citation-code",
                         replaced(lines, i, lines[i][:k] + other + lines[i][m.end(3):]), i + 1)
            return


def g_intro_uncited(lines):
    """citations: the opening no longer names the document implemented."""
    i, _ = top_value(lines, "intro")
    j, _ = top_value(lines, "implements")
    if i is None or j is None:
        return
    for k in range(i + 1, min(i + 8, len(lines))):
        m = re.search(r"(Thực hiện|thực hiện) (Kế hoạch|Hướng dẫn|Nghị quyết) số (\S+) ngày [\d/]+ của [^,;]+[,;] ?", lines[k])
        if m and any("Căn cứ" in l and m.group(3) in l for l in lines):
            return  # a căn cứ line still cites it: the opening names it (no defect)
        if m:
            # reported at the opening's first line of text (the block under `intro: |`)
            yield Mutant("citations", "intro-uncited",
                         replaced(lines, k, lines[k][:m.start()] + lines[k][m.end():]), i + 2)
            return


STATE_BODY = r"(Ủy ban nhân dân|Hội đồng nhân dân|Chính phủ|Thủ tướng Chính phủ)"
PARTY_BODY = r"(Ban Thường vụ |Ban Tuyên giáo |Ban Chấp hành )?(Tỉnh ủy|Huyện ủy|Quận ủy|Thành ủy|Đảng ủy)"


def g_citation_form(lines):
    """citations: a cited number in the other profile's form than its issuer's
    (a state body's `12/KH-UBND` typed `12-KH/UBND`, a Party body's
    `17-HD/BTGHU` typed `17/HD-BTGHU`)."""
    for i in body_lines(lines):
        m = re.search(r"số (\d+)/([A-ZĐ][A-Za-zĐ]*)-([A-ZĐ][A-Za-zĐ]*)( ngày [^,;]+?)? của " + STATE_BODY, lines[i])
        if m and not re.search(r"/\d{4}/", lines[i][m.start():m.end()]):
            k = m.start(1)
            new = "%s-%s/%s" % (m.group(1), m.group(2), m.group(3))
            yield Mutant("citations", "citation-form",
                         replaced(lines, i, lines[i][:k] + new + lines[i][m.end(3):]), i + 1)
            return
        m = re.search(r"số (\d+)-([A-ZĐ][A-Za-zĐ]*)/([A-ZĐ][A-Za-zĐ]*)( ngày [^,;]+?)? của " + PARTY_BODY, lines[i])
        if m:
            k = m.start(1)
            new = "%s/%s-%s" % (m.group(1), m.group(2), m.group(3))
            yield Mutant("citations", "citation-form",
                         replaced(lines, i, lines[i][:k] + new + lines[i][m.end(3):]), i + 1)
            return


def implemented(lines):
    """(number, issuer) of the first `implements:` entry, or (None, None)."""
    j, _ = top_value(lines, "implements")
    num = iss = None
    if j is None:
        return None, None
    for l in lines[j + 1:j + 8]:
        m = re.match(r"^\s+-?\s*number:\s*(\S+)", l)
        if m and not num:
            num = m.group(1)
        m = re.match(r"^\s+issuer:\s*(.+?)\s*$", l)
        if m and not iss:
            iss = m.group(1)
    return num, iss


def opening_lines(lines):
    """Indices of the lines of the căn cứ lines and the opening paragraph."""
    out = []
    for key in ("basis", "intro"):
        i, _ = top_value(lines, key)
        if i is not None:
            out += range(i + 1, min(i + 8, len(lines)))
    return out


def g_citation_issuer(lines):
    """citations: the document implemented attributed in the opening (or a
    căn cứ line) to a body of another level than in `implements:`."""
    num, iss = implemented(lines)
    if not num:
        return
    swap = [("Tỉnh ủy", "Huyện ủy"), ("Thành ủy", "Quận ủy"), ("Đảng ủy Khối", "Huyện ủy"),
            ("nhân dân tỉnh", "nhân dân huyện")]
    for k in opening_lines(lines):
        p = lines[k].find(num)
        if p < 0:
            continue
        q = lines[k].find(" của ", p)
        if q < 0:
            return
        for a, b in swap:
            r = lines[k].find(a, q)
            if 0 <= r < q + 60:
                yield Mutant("citations", "citation-issuer",
                             replaced(lines, k, lines[k][:r] + b + lines[k][r + len(a):]), k + 1)
                return
        return


def g_citation_number(lines):
    """citations: the document implemented cited in the opening with another
    number (a digit slip) than in `implements:`."""
    num, _ = implemented(lines)
    if not num:
        return
    m = re.match(r"^(\d+)(.*)$", num)
    if not m:
        return
    d = m.group(1)
    bad = (d[::-1] if d[::-1] != d and not d[::-1].startswith("0") else str(int(d) + 1)) + m.group(2)
    for k in opening_lines(lines):
        p = lines[k].find(num)
        if p >= 0:
            yield Mutant("citations", "citation-number",
                         replaced(lines, k, lines[k][:p] + bad + lines[k][p + len(num):]), k + 1)
            return


def g_sign_prefix(lines):
    """signature: the state prefix in a party plan (T/M → TM.)."""
    i, _ = top_value(lines, "signature")
    if i is None:
        return
    for k in range(i + 1, min(i + 6, len(lines))):
        if re.match(r"^\s+prefix:\s*T/M\s*$", lines[k]):
            yield Mutant("signature", "sign-prefix", replaced(lines, k, lines[k].replace("T/M", "TM.")), k + 1)
        elif re.match(r"^\s+prefix:\s*TM\.\s*$", lines[k]):
            yield Mutant("signature", "sign-prefix", replaced(lines, k, lines[k].replace("TM.", "T/M")), k + 1)


def g_sign_name_blank(lines):
    """signature: the signer's name left as the template's blank."""
    i, _ = top_value(lines, "signature")
    if i is None:
        return
    for k in range(i + 1, min(i + 9, len(lines))):
        m = re.match(r"^(\s+name:\s*)\S", lines[k])
        if m:
            yield Mutant("signature", "sign-name-blank", replaced(lines, k, m.group(1) + "…"), k + 1)


def g_sign_title_body(lines):
    """signature: the chức vụ carrying the body's name (`PHÓ BÍ THƯ HUYỆN ỦY`)."""
    i, _ = top_value(lines, "signature")
    if i is None:
        return
    for k in range(i + 1, min(i + 9, len(lines))):
        m = re.match(r"^(\s+title:\s*)(PHÓ BÍ THƯ|BÍ THƯ)\s*$", lines[k])
        if m:
            _, issuer = top_value(lines, "issuer")
            level = (issuer or "").split(" ")[:2]
            yield Mutant("signature", "sign-title-body",
                         replaced(lines, k, m.group(1) + m.group(2) + " " + " ".join(level).upper()), k + 1)


def g_heading_number_typed(lines):
    """numbering: a section heading typed with the number the renderer
    gives it (`title: 1. Mục đích`, `title: II. NỘI DUNG`)."""
    n = 0
    for i, l in enumerate(lines):
        m = re.match(r"^(  - title: )(\S.*)$", l)
        if m and not m.group(2).startswith(("|", '"', "'")):
            n += 1
            yield Mutant("numbering", "heading-number-typed",
                         replaced(lines, i, m.group(1) + "%s. %s" % (["I", "II", "III", "IV", "V"][min(n - 1, 4)], m.group(2))),
                         i + 1)
            return
    for i, l in enumerate(lines):
        m = re.match(r"^(      - title: )([^\"'|].*)$", l)
        if m:
            yield Mutant("numbering", "heading-number-typed",
                         replaced(lines, i, m.group(1) + "1. " + m.group(2)), i + 1)
            return


def g_title_type_repeat(lines):
    """header: the trích yếu begun with the tên loại (`Kế hoạch tổ chức …`)."""
    i, v = top_value(lines, "title")
    if i is None:
        return
    k = i + 1 if v in ("|-", "|", ">-", ">") else i
    l = lines[k]
    m = re.match(r"^(\s*(title:\s*)?)(\S)(.*)$", l)
    if m and k > i or (m and m.group(2)):
        yield Mutant("header", "title-type-repeat",
                     replaced(lines, k, m.group(1) + "Kế hoạch " + m.group(3).lower() + m.group(4)), k + 1)


def g_issuer_abbrev(lines):
    """header: the issuer line abbreviated (`Ban Thường vụ` → `BTV`, `Ủy ban
    nhân dân` → `UBND`, `Huyện ủy` → `HU`)."""
    i, v = top_value(lines, "issuer")
    if i is None or not v:
        return
    for full, ab in (("Ban Thường vụ", "BTV"), ("Ủy ban nhân dân", "UBND"), ("Đảng ủy", "ĐU"),
                     ("Huyện ủy", "HU"), ("Quận ủy", "QU"), ("Thành ủy", "TU")):
        if v.startswith(full):
            yield Mutant("header", "issuer-abbrev", replaced(lines, i, "issuer: " + ab + v[len(full):]), i + 1)
            return


def g_sign_title_prefix(lines):
    """signature: a chức vụ that does not sign under the authority line
    (an adviser's title under `T/M BAN THƯỜNG VỤ`, another head's deputy
    under `KT. CHỦ TỊCH`)."""
    i, _ = top_value(lines, "signature")
    if i is None:
        return
    block = lines[i + 1:i + 10]
    for off, l in enumerate(block):
        m = re.match(r"^(  title:\s*)(PHÓ BÍ THƯ THƯỜNG TRỰC|PHÓ BÍ THƯ|BÍ THƯ|PHÓ CHỦ TỊCH)\s*$", l)
        if m:
            bad = "PHÓ GIÁM ĐỐC" if m.group(2) == "PHÓ CHỦ TỊCH" else "TRƯỞNG BAN"
            yield Mutant("signature", "sign-title-prefix",
                         replaced(lines, i + 1 + off, m.group(1) + bad), i + 2 + off)
            return


def g_party_header_typed(lines):
    """header: the Party header typed into the superior line."""
    i, v = top_value(lines, "superior")
    if i is not None and v in ("|", "|-", ">", ">-") and i + 1 < len(lines):
        # a name on several lines: the header typed as its first line
        ind = lines[i + 1][:len(lines[i + 1]) - len(lines[i + 1].lstrip())]
        yield Mutant("header", "party-header-typed",
                     replaced(lines, i + 1, ind + "ĐẢNG CỘNG SẢN VIỆT NAM"), i + 2)
    elif i is not None and v:
        yield Mutant("header", "party-header-typed",
                     replaced(lines, i, "superior: ĐẢNG CỘNG SẢN VIỆT NAM"), i + 1)


def g_issuer_blank(lines):
    """header: the issuer's name left as the template's blank."""
    i, v = top_value(lines, "issuer")
    if i is not None and v and " " in v:
        yield Mutant("header", "issuer-blank",
                     replaced(lines, i, "issuer: %s …" % " ".join(v.split(" ")[:2])), i + 1)


def g_place_blank(lines):
    """header: the place left as the template's blank."""
    i, v = top_value(lines, "place")
    if i is not None and v:
        yield Mutant("header", "place-blank", replaced(lines, i, "place: …"), i + 1)


def g_timetable_count(lines):
    """arithmetic: a deadline table's date one day off the count beside it
    (`deadline:` next to `before:`/`after:` in a `timetable:` row)."""
    for i, l in enumerate(lines):
        m = re.match(r"^(\s*deadline:\s*)(\d{4})-(\d{2})-(\d{2})\s*$", l)
        if not m:
            continue
        near = "".join(lines[max(0, i - 3):i + 4])
        if not re.search(r"^\s*(before|after):\s*\d+", near, re.M):
            continue
        d = date(int(m.group(2)), int(m.group(3)), int(m.group(4))) + timedelta(days=1)
        yield Mutant("arithmetic", "timetable-count", replaced(lines, i, m.group(1) + d.isoformat()),
                     i + 1)


def g_timetable_day_off(lines):
    """dates: a deadline table's row on a Sunday without `day_off: true`
    (reported at the row's count or date, the line before it here)."""
    for i, l in enumerate(lines):
        m = re.match(r"^(\s*day_off:\s*)true\s*$", l)
        if not m:
            continue
        # at the row's date when it has one, else at its count
        at = None
        for k in range(i - 1, max(0, i - 4), -1):
            if re.match(r"^\s*- ", lines[k]):
                break
            if re.match(r"^\s*deadline:", lines[k]):
                at = k
            elif at is None and re.match(r"^\s*(before|after):", lines[k]):
                at = k
        if at is not None:
            yield Mutant("dates", "timetable-day-off", replaced(lines, i, m.group(1) + "false"), at + 1)


def g_table_cell_date(lines):
    """dates: an impossible date in a table cell (a `[…]` row)."""
    for i, l in enumerate(lines):
        if not re.match(r"^\s*- \[", l):
            continue
        m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", l)
        if m:
            bad = "31/4/" + m.group(3) if m.group(2) != "4" else "30/02/" + m.group(3)
            yield Mutant("dates", "table-cell-date",
                         replaced(lines, i, l[:m.start()] + bad + l[m.end():]), i + 1,
                         len(l[:m.start()]) + 1)


GENERATORS = [g_impossible_date, g_deadline_before_issue, g_event_before_issue,
              g_issue_date_impossible, g_cited_after_issue, g_window_order, g_report_order,
              g_number_blank, g_number_spaced, g_number_so_typed, g_number_wrong_code,
              g_enum_skipped, g_paren_unclosed, g_implementation_missing,
              g_unit_not_recipient, g_luu_not_last, g_recipient_twice, g_recipient_alias_twice,
              g_tone_placement, g_double_space, g_space_before_comma, g_word_doubled,
              g_known_typo, g_caps_title,
              g_syllable_glued, g_telex_leftover, g_vni_leftover, g_stop_tone_dropped,
              g_lexicon_typo, g_party_lower, g_body_caps, g_paren_space, g_comma_no_space,
              g_punct_doubled, g_heading_case,
              g_anniv_years, g_party_years, g_canchi_year, g_anniv_body,
              g_citation_date, g_citation_code, g_intro_uncited,
              g_citation_form, g_citation_issuer, g_citation_number,
              g_sign_prefix, g_sign_name_blank, g_sign_title_body,
              g_party_header_typed, g_issuer_blank, g_place_blank,
              g_heading_number_typed, g_title_type_repeat, g_issuer_abbrev, g_sign_title_prefix,
              g_timetable_count, g_timetable_day_off, g_table_cell_date]


HANDMADE = os.path.join(ROOT, "tests", "defects", "handmade.txt")


def read_handmade(path):
    """The hand-written defects (handmade.txt):
    [[plan, family, kind, [[old, new]], text of the expected line or None,
    silent]]. silent: the block follows a '# not-a-defect:' comment (an edit
    a reviewer may take for a defect, but that changes nothing the plan
    issues: kehoach must stay silent on it)."""
    out, cur, silent = [], None, False
    for n, l in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
        if l.startswith("# not-a-defect:"):
            silent = True
        elif l.startswith("@ "):
            f = l[2:].split()
            if len(f) != 3:
                sys.exit("%s:%d: '@ PLAN FAMILY KIND' expected" % (path, n))
            cur = [f[0], f[1], f[2], [], None, silent]
            silent = False
            out.append(cur)
        elif l.startswith("- ") and cur:
            cur[3].append([l[2:], None])
        elif l.startswith("+ ") and cur and cur[3] and cur[3][-1][1] is None:
            cur[3][-1][1] = l[2:]
        elif l.startswith("= ") and cur:
            cur[4] = l[2:]
        elif l.strip() and not l.startswith("#"):
            sys.exit("%s:%d: a line of a block starts with '@ ', '- ', '+ ' or '= '" % (path, n))
    return out


def handmade_mutants(lines, plan, defects):
    """The hand-written defects of one plan as mutants, each expected at the
    line of its first edit. A text no longer in the plan stops the run: the
    corpus must not rot silently when a plan is edited."""
    for (p, family, kind, edits, at_text, silent) in defects:
        if p != plan:
            continue
        new, first, done = list(lines), None, set()
        for old, rep in edits:  # each edit finds its line in the plan as it was
            at = next((i for i, l in enumerate(lines) if i not in done
                       and old in l and not l.lstrip().startswith("#")), None)
            done.add(at)
            if at is None or rep is None:
                sys.exit("inject.py: handmade %s %s: %r not found in %s" % (family, kind, old, plan))
            new[at] = new[at].replace(old, rep, 1)
            first = at if first is None else first
        if at_text is not None:  # the defect shows elsewhere (a unit left out of Nơi nhận)
            first = next((i for i, l in enumerate(new)
                          if at_text in l and not l.lstrip().startswith("#")), None)
            if first is None:
                sys.exit("inject.py: handmade %s %s: expected line %r not in %s" % (family, kind, at_text, plan))
        m = Mutant("hand-" + family, kind, new, first + 1)
        m.silent = silent
        yield m


def run_check(kehoach, files, cwd):
    """Diagnostics by file: [(line, col, severity, id)]."""
    out = subprocess.run([kehoach, "check", "--format=json", "--lang=en",
                          "--off=R-NUM-TERM", "--off=R-NUM-YEAR"] + files,
                         cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if out.returncode not in (0, 1):
        sys.exit("inject.py: kehoach check failed (%d): %s" % (out.returncode, out.stderr.decode()[:500]))
    doc = json.loads(out.stdout.decode("utf-8"))
    by = {}
    for d in doc["diagnostics"]:
        by.setdefault(d["file"], []).append((d["line"], d["column"], d["severity"], d["id"]))
    return by


def caught(m, diags, base):
    base_keys = {(l, i) for (l, _, _, i) in base}
    for (l, c, sev, rid) in diags:
        if m.line is not None and l != m.line:
            continue
        if (l, rid) in base_keys:
            continue
        if m.col is not None and not (m.col <= c <= (m.col_end or m.col)):
            continue
        return rid
    return None


def read_floor(path):
    fl = {}
    if os.path.exists(path):
        for l in open(path, encoding="utf-8"):
            l = l.split("#")[0].split()
            if len(l) == 2:
                fl[l[0]] = float(l[1])
    return fl


def main(argv):
    args = list(argv[1:])
    if not args:
        sys.exit(__doc__)
    kehoach = os.path.abspath(args.pop(0))
    listing = "--list" in args
    keep = None
    floor_path = FLOOR
    if "--keep" in args:
        k = args.index("--keep")
        keep = args[k + 1]
        del args[k:k + 2]
    if "--floor" in args:
        k = args.index("--floor")
        floor_path = args[k + 1]
        del args[k:k + 2]
    args = [a for a in args if a != "--list"]
    plans = args or DEFAULT_PLANS + sorted(
        os.path.join("plans", f) for f in os.listdir(os.path.join(ROOT, "plans"))
        if f.endswith(".yaml") and os.path.join("plans", f) not in DEFAULT_PLANS) + sorted(
        os.path.join("plans/state", f) for f in os.listdir(os.path.join(ROOT, "plans/state"))
        if f.endswith(".yaml"))

    tmp = tempfile.mkdtemp(prefix="kehoach-defects-")
    try:
        # The mutants live beside a copy of plans/parents, so `implements:
        # file:` still finds the implemented plan.
        shutil.copytree(os.path.join(ROOT, "plans", "parents"), os.path.join(tmp, "parents"))
        clean_files, mutants = [], []
        handmade = read_handmade(HANDMADE)
        for p in plans:
            text = open(os.path.join(ROOT, p), encoding="utf-8").read()
            lines = text.split("\n")
            base = "clean-" + os.path.basename(p)
            open(os.path.join(tmp, base), "w", encoding="utf-8").write(text)
            clean_files.append((p, base))
            for g in GENERATORS:
                for n, m in enumerate(g(lines)):
                    if n >= SITES_PER_PLAN:
                        break
                    assert len(m.lines) == len(lines), (g.__name__, p)
                    name = "m%04d-%s-%s" % (len(mutants), m.kind, os.path.basename(p))
                    open(os.path.join(tmp, name), "w", encoding="utf-8").write("\n".join(m.lines))
                    mutants.append((p, base, name, m))
            for m in handmade_mutants(lines, p, handmade):
                name = "m%04d-%s-%s" % (len(mutants), m.kind, os.path.basename(p))
                open(os.path.join(tmp, name), "w", encoding="utf-8").write("\n".join(m.lines))
                mutants.append((p, base, name, m))
        files = [b for _, b in clean_files] + [x[2] for x in mutants]
        by = run_check(kehoach, files, tmp)

        false_alarms = []
        for p, b in clean_files:
            for (l, c, sev, rid) in by.get(b, []):
                if sev in ("warning", "error"):
                    false_alarms.append("%s:%d:%d: %s [%s]" % (p, l, c, sev, rid))
        fam = {}
        silent_ok = [0, 0]
        for p, b, name, m in mutants:
            if getattr(m, "silent", False):
                base_keys = {(l, i) for (l, _, _, i) in by.get(b, [])}
                said = ["%s:%d:%d: %s [%s] (on the not-a-defect edit %s)" % (p, l, c, sev, rid, m.kind)
                        for (l, c, sev, rid) in by.get(name, [])
                        if sev in ("warning", "error") and (l, rid) not in base_keys]
                false_alarms += said
                silent_ok[0] += not said
                silent_ok[1] += 1
                if listing:
                    print("%-7s %-12s %-24s %s:%d" % ("silent" if not said else "ALARM", m.family,
                                                     m.kind, p, m.line))
                continue
            hit = caught(m, by.get(name, []), by.get(b, []))
            t = fam.setdefault(m.family, [0, 0])
            t[1] += 1
            t[0] += hit is not None
            if listing:
                where = "%s:%s%s" % (p, m.line if m.line else "*", ":%d" % m.col if m.col else "")
                print("%-7s %-12s %-24s %s%s" % ("caught" if hit else "MISSED", m.family, m.kind,
                                                 where, "  [%s]" % hit if hit else ""))
        if keep:
            os.makedirs(keep, exist_ok=True)
            for p, b, name, m in mutants:
                shutil.copy(os.path.join(tmp, name), os.path.join(keep, name))
                with open(os.path.join(keep, name[:-5] + ".where"), "w") as f:
                    f.write("%s %s %s %s\n" % (m.family, m.kind, m.line or "*", m.col or "*"))
    finally:
        shutil.rmtree(tmp)

    floor = read_floor(floor_path)
    bad = False
    total = [0, 0]
    print("%-12s %7s %7s %7s" % ("family", "caught", "of", "recall"))
    # The generated mutants' families, then the hand-written ones (hand-*)
    # with their own total: they are harder, and measured apart.
    hand = [0, 0]
    for f in sorted(fam, key=lambda f: (f.startswith("hand-"), f)):
        c, n = fam[f]
        t = hand if f.startswith("hand-") else total
        if t is hand and hand == [0, 0]:
            print("%-12s %7d %7d %6.1f%%" % ("all", total[0], total[1], 100.0 * total[0] / max(total[1], 1)))
        t[0] += c
        t[1] += n
        r = 100.0 * c / n
        mark = ""
        if f in floor and r + 1e-9 < floor[f]:
            mark = "  BELOW FLOOR %.1f" % floor[f]
            bad = True
        print("%-12s %7d %7d %6.1f%%%s" % (f, c, n, r, mark))
    if hand[1]:
        r = 100.0 * hand[0] / hand[1]
        mark = ""
        if "hand-all" in floor and r + 1e-9 < floor["hand-all"]:
            mark = "  BELOW FLOOR %.1f" % floor["hand-all"]
            bad = True
        print("%-12s %7d %7d %6.1f%%%s" % ("hand-all", hand[0], hand[1], r, mark))
    else:
        print("%-12s %7d %7d %6.1f%%" % ("all", total[0], total[1], 100.0 * total[0] / max(total[1], 1)))
    for f in floor:
        if f not in fam and f != "hand-all":
            print("%-12s no mutant (floor %.1f)" % (f, floor[f]))
            bad = True
    if silent_ok[1]:
        print("not-a-defect edits left silent: %d of %d" % tuple(silent_ok))
    print("false alarms on %d clean plans: %d" % (len(clean_files), len(false_alarms)))
    for a in false_alarms:
        print("  " + a)
    return 1 if bad or false_alarms else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
