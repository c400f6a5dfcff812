# md2typst.awk — turn kehoach's Markdown output of a plan into Typst markup
# with the same text and a comparable layout (A4, the party profile's
# margins, Liberation Serif 14 pt, justified paragraphs with a first-line
# indent), so that bench/startup.sh can time Typst on the same document.
# Only what kehoach's Markdown writer emits is handled: headings, hard line
# breaks, ** and * emphasis, backslash escapes, "- " lists, tables as text.
BEGIN {
    print "#set page(paper: \"a4\", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm), numbering: \"1\")"
    print "#set text(font: \"Liberation Serif\", size: 14pt, lang: \"vi\")"
    print "#set par(justify: true, first-line-indent: 1cm, leading: 0.65em)"
    print "#show heading: set text(size: 14pt)"
    print "#show heading.where(level: 1): set align(center)"
}
{
    line = $0
    head = ""
    if (line == "* * *") { print "#line(length: 100%)"; next }
    sub(/^- \[ \] /, "- ☐ ", line)
    if (match(line, /^#+ /)) {
        n = RLENGTH - 1
        head = substr("======", 1, n) " "
        line = substr(line, RLENGTH + 1)
    }
    # Characters Typst gives a meaning that Markdown does not.
    gsub(/[][$@<>~=+\/#]/, "\\\\&", line)
    if (head == "" && line ~ /^\\- /) line = substr(line, 2)
    gsub(/\|/, " ", line)
    # Emphasis: ** strong → *, * emphasis → _ (escaped \* stays).
    gsub(/_/, "\\_", line)
    gsub(/\\\*/, "\001", line)
    gsub(/\*\*/, "\002", line)
    gsub(/\*/, "_", line)
    gsub(/\002/, "*", line)
    gsub(/\001/, "\\*", line)
    print head line
}
