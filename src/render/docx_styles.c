/* docx_styles.c — the DOCX's named styles from the profile table (see
 * docx_styles.h). Nothing here is a format value of its own: sizes,
 * leadings, indents, spacing and the typeface are the profile's. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "docx_styles.h"
#include "docx_xml.h"
#include "layout.h"

#define MM_TWIPS 56.69291339 /* 1440 / 25.4 */

long kh_dx_twips_mm(double mm) { return lround(mm * MM_TWIPS); }
long kh_dx_twips_pt(double pt) { return lround(pt * 20); }
long kh_dx_half_pt(double pt) { return lround(pt * 2); }

typedef struct sdef {
    const char *id, *name, *based;
    double size, leading, before; /* points; leading 0: single */
    kh_align align;
    unsigned style;               /* KH_ST_BOLD / ITALIC / UNDERLINE */
    double first_indent_mm;
    bool keep_next;
    int outline;                  /* -1: none */
} sdef;

static void write_style(kh_xml *x, const kh_profile *pr, const sdef *s)
{
    static const char *const jc[] = {"both", "left", "center", "right"};
    kh_xml_start(x, "w:style");
    kh_xml_attr(x, "w:type", "paragraph");
    if (s->id[0] == 'K') /* ours; Heading N are Word's own */
        kh_xml_attr(x, "w:customStyle", "1");
    kh_xml_attr(x, "w:styleId", s->id);
    kh_xml_val(x, "w:name", s->name);
    if (s->based)
        kh_xml_val(x, "w:basedOn", s->based);
    kh_xml_val(x, "w:qFormat", NULL);
    kh_xml_start(x, "w:pPr");
    if (s->keep_next)
        kh_xml_val(x, "w:keepNext", NULL);
    kh_xml_start(x, "w:spacing");
    kh_xml_attr_int(x, "w:before", kh_dx_twips_pt(s->before));
    kh_xml_attr_int(x, "w:after", 0);
    if (s->leading > 0) {
        kh_xml_attr_int(x, "w:line", kh_dx_twips_pt(s->leading));
        kh_xml_attr(x, "w:lineRule", "exact");
    }
    kh_xml_end(x);
    if (s->first_indent_mm > 0) {
        kh_xml_start(x, "w:ind");
        kh_xml_attr_int(x, "w:firstLine", kh_dx_twips_mm(s->first_indent_mm));
        kh_xml_end(x);
    }
    kh_xml_val(x, "w:jc", jc[s->align]);
    if (s->outline >= 0)
        kh_xml_val_int(x, "w:outlineLvl", s->outline);
    kh_xml_end(x);
    kh_xml_start(x, "w:rPr");
    kh_xml_val(x, "w:b", s->style & KH_ST_BOLD ? NULL : "0");
    kh_xml_val(x, "w:i", s->style & KH_ST_ITALIC ? NULL : "0");
    if (s->style & KH_ST_UNDERLINE)
        kh_xml_val(x, "w:u", "single");
    kh_xml_val_int(x, "w:sz", kh_dx_half_pt(s->size));
    kh_xml_val_int(x, "w:szCs", kh_dx_half_pt(s->size));
    kh_xml_end(x);
    kh_xml_end(x);
    (void)pr;
}

int kh_dx_styles(const kh_profile *pr, kh_buf *out)
{
    kh_xml x;
    kh_xml_open(&x);
    kh_xml_start(&x, "w:styles");
    kh_xml_attr(&x, "xmlns:w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
    /* Defaults: the profile's typeface and body size, Vietnamese. */
    kh_xml_start(&x, "w:docDefaults");
    kh_xml_start(&x, "w:rPrDefault");
    kh_xml_start(&x, "w:rPr");
    kh_xml_start(&x, "w:rFonts");
    kh_xml_attr(&x, "w:ascii", pr->font_name);
    kh_xml_attr(&x, "w:hAnsi", pr->font_name);
    kh_xml_attr(&x, "w:eastAsia", pr->font_name);
    kh_xml_attr(&x, "w:cs", pr->font_name);
    kh_xml_end(&x);
    kh_xml_val_int(&x, "w:sz", kh_dx_half_pt(pr->size_body));
    kh_xml_val_int(&x, "w:szCs", kh_dx_half_pt(pr->size_body));
    kh_xml_start(&x, "w:lang");
    kh_xml_attr(&x, "w:val", "vi-VN");
    kh_xml_attr(&x, "w:eastAsia", "vi-VN");
    kh_xml_attr(&x, "w:bidi", "ar-SA");
    kh_xml_end(&x);
    kh_xml_end(&x);
    kh_xml_end(&x);
    kh_xml_start(&x, "w:pPrDefault");
    kh_xml_start(&x, "w:pPr");
    kh_xml_start(&x, "w:spacing");
    kh_xml_attr_int(&x, "w:before", 0);
    kh_xml_attr_int(&x, "w:after", 0);
    kh_xml_end(&x);
    kh_xml_end(&x);
    kh_xml_end(&x);
    kh_xml_end(&x);

    kh_xml_start(&x, "w:style");
    kh_xml_attr(&x, "w:type", "paragraph");
    kh_xml_attr(&x, "w:default", "1");
    kh_xml_attr(&x, "w:styleId", "Normal");
    kh_xml_val(&x, "w:name", "Normal");
    kh_xml_val(&x, "w:qFormat", NULL);
    kh_xml_end(&x);

    kh_xml_start(&x, "w:style"); /* tables without borders or cell padding */
    kh_xml_attr(&x, "w:type", "table");
    kh_xml_attr(&x, "w:default", "1");
    kh_xml_attr(&x, "w:styleId", "TableNormal");
    kh_xml_val(&x, "w:name", "Normal Table");
    kh_xml_start(&x, "w:tblPr");
    kh_xml_start(&x, "w:tblCellMar");
    static const char *const sides[] = {"w:top", "w:left", "w:bottom", "w:right"};
    for (int i = 0; i < 4; i++) {
        kh_xml_start(&x, sides[i]);
        kh_xml_attr(&x, "w:w", "0");
        kh_xml_attr(&x, "w:type", "dxa");
        kh_xml_end(&x);
    }
    kh_xml_end(&x);
    kh_xml_end(&x);
    kh_xml_end(&x);

    double lead = pr->header_leading, body = pr->size_body, L = pr->line_height;
    unsigned rl = (pr->recipients_label_bold ? KH_ST_BOLD : 0) |
                  (pr->recipients_label_italic ? KH_ST_ITALIC : 0) |
                  (pr->recipients_label_underline ? KH_ST_UNDERLINE : 0);
    const sdef defs[] = {
        {"KhHeaderTitle", "KH Header Title", "Normal", pr->size_header_title, lead, 0, KH_ALIGN_CENTER, KH_ST_BOLD, 0, false, -1},
        {"KhMotto", "KH Motto", "Normal", pr->size_motto > 0 ? pr->size_motto : pr->size_header_title, lead, 0, KH_ALIGN_CENTER, KH_ST_BOLD, 0, false, -1},
        {"KhSuperior", "KH Superior", "Normal", pr->size_superior, lead, 0, KH_ALIGN_CENTER, 0, 0, false, -1},
        {"KhIssuer", "KH Issuer", "Normal", pr->size_issuer, lead, 0, KH_ALIGN_CENTER, KH_ST_BOLD, 0, false, -1},
        {"KhIssuerMark", "KH Issuer Mark", "Normal", pr->size_issuer, lead, 0, KH_ALIGN_CENTER, 0, 0, false, -1},
        {"KhNumber", "KH Number", "Normal", pr->size_number, lead, 0, KH_ALIGN_CENTER, 0, 0, false, -1},
        {"KhDateLine", "KH Date Line", "Normal", pr->size_date_line, lead, 0, KH_ALIGN_CENTER, KH_ST_ITALIC, 0, false, -1},
        {"KhRule", "KH Rule", "Normal", 1, pr->rule_width + 3, 0, KH_ALIGN_CENTER, 0, 0, false, -1},
        {"KhDocType", "KH Document Type", "Normal", pr->size_doc_type, L, pr->doc_type_space, KH_ALIGN_CENTER, KH_ST_BOLD, 0, true, -1},
        {"KhTitle", "KH Title", "Normal", pr->size_title, L, 0, KH_ALIGN_CENTER, KH_ST_BOLD, 0, true, -1},
        {"KhBody", "KH Body", "Normal", body, L, pr->paragraph_space, KH_ALIGN_JUSTIFY, 0, pr->first_line_indent, false, -1},
        {"KhBasis", "KH Basis", "KhBody", body, L, pr->paragraph_space, KH_ALIGN_JUSTIFY, pr->basis_italic ? KH_ST_ITALIC : 0, pr->first_line_indent, false, -1},
        {"KhListItem", "KH List Item", "KhBody", body, L, pr->paragraph_space, KH_ALIGN_JUSTIFY, 0, pr->first_line_indent, false, -1},
        {"KhBodyHeading", "KH Body Heading", "KhBody", body, L, pr->paragraph_space, KH_ALIGN_JUSTIFY, KH_ST_BOLD, pr->first_line_indent, true, -1},
        {"KhRecipientsLabel", "KH Recipients Label", "Normal", pr->size_recipients_label, L, 0, KH_ALIGN_LEFT, rl, 0, true, -1},
        {"KhRecipient", "KH Recipient", "Normal", pr->size_recipients, pr->recipients_leading, 0, KH_ALIGN_LEFT, 0, 0, false, -1},
        {"KhSignature", "KH Signature", "Normal", pr->size_signature, L, 0, KH_ALIGN_CENTER, KH_ST_BOLD, 0, true, -1},
        {"KhPageNumber", "KH Page Number", "Normal", pr->size_page_number, 0, 0, KH_ALIGN_CENTER, 0, 0, false, -1},
        {"KhChecklistCell", "KH Checklist Cell", "Normal", pr->size_checklist, pr->size_checklist * 1.2, 0, KH_ALIGN_LEFT, 0, 0, false, -1},
        /* Tables of the body and the annexes: leading and padding as the PDF's (pdf_doc.c). */
        {"KhTableCaption", "KH Table Caption", "Normal", body, L, pr->paragraph_space, KH_ALIGN_CENTER, KH_ST_BOLD, 0, true, -1},
        {"KhTableCell", "KH Table Cell", "Normal", pr->size_table, pr->size_table * 1.25, 0, KH_ALIGN_LEFT, 0, 0, false, -1},
        {"KhTableNote", "KH Table Note", "KhBody", body, L, pr->paragraph_space, KH_ALIGN_JUSTIFY, KH_ST_ITALIC, pr->first_line_indent, false, -1},
        /* The head of a Phụ lục: label, title (in the outline), caption. */
        {"KhAnnexLabel", "KH Annex Label", "Normal", body, L, 0, KH_ALIGN_CENTER, KH_ST_BOLD, 0, true, -1},
        {"KhAnnexTitle", "KH Annex Title", "Normal", pr->size_doc_type, L, 0, KH_ALIGN_CENTER, KH_ST_BOLD, 0, true, 0},
        {"KhAnnexCaption", "KH Annex Caption", "Normal", body, L, 0, KH_ALIGN_CENTER, KH_ST_ITALIC, 0, true, -1},
    };
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        write_style(&x, pr, &defs[i]);
    /* Headings 1–9 under Word's own names (the navigation pane, the table
     * of contents): the numbered sections and units, set like the body. */
    for (int lv = 0; lv < 9; lv++) {
        char id[24], name[24];
        snprintf(id, sizeof id, "Heading%d", lv + 1);
        snprintf(name, sizeof name, "heading %d", lv + 1);
        sdef h = {id, name, "KhBody", body, L, pr->paragraph_space, KH_ALIGN_JUSTIFY,
                  KH_ST_BOLD, pr->first_line_indent, true, lv};
        write_style(&x, pr, &h);
    }
    kh_xml_end(&x);
    return kh_xml_close(&x, out);
}
