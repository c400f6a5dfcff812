/* pdf_meta.c — PDF version, /Lang and the XMP metadata stream (ISO 16684-1;
 * the Dublin Core, XMP basic and Adobe PDF schemas), consistent with the
 * Info dictionary as PDF/A asks: the same title, author, subject, keywords,
 * producer, creator tool and dates. The stream is not compressed, so that
 * archive tools can find it without a PDF parser. */
#include <stdio.h>
#include <string.h>

#include <hpdf_objects.h>

#include "kehoach/text.h"
#include "pdf_meta.h"

/* s as XML character data (UTF-8 kept; control characters dropped). */
static void put_xml(kh_buf *b, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
        switch (*c) {
        case '&': kh_buf_puts(b, "&amp;"); break;
        case '<': kh_buf_puts(b, "&lt;"); break;
        case '>': kh_buf_puts(b, "&gt;"); break;
        case '"': kh_buf_puts(b, "&quot;"); break;
        default:
            if (*c >= 0x20 || *c == '\t')
                kh_buf_putc(b, (char)*c);
            else if (*c == '\n')
                kh_buf_putc(b, ' ');
        }
    }
}

/* An HPDF_Date as an XMP date: 2024-04-09T00:00:00+07:00 or …Z. */
static void put_date(kh_buf *b, const HPDF_Date *d)
{
    kh_buf_printf(b, "%04d-%02d-%02dT%02d:%02d:%02d", d->year, d->month, d->day, d->hour,
                  d->minutes, d->seconds);
    if (d->ind == 'Z' || d->ind == ' ')
        kh_buf_putc(b, 'Z');
    else
        kh_buf_printf(b, "%c%02d:%02d", d->ind, d->off_hour, d->off_minutes);
}

static void alt(kh_buf *b, const char *tag, const char *lang, const char *text)
{
    kh_buf_printf(b, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", tag);
    put_xml(b, text);
    kh_buf_puts(b, "</rdf:li>");
    if (lang) {
        kh_buf_printf(b, "<rdf:li xml:lang=\"%s\">", lang);
        put_xml(b, text);
        kh_buf_puts(b, "</rdf:li>");
    }
    kh_buf_printf(b, "</rdf:Alt></%s>\n", tag);
}

static void simple(kh_buf *b, const char *tag, const char *text)
{
    kh_buf_printf(b, "   <%s>", tag);
    put_xml(b, text);
    kh_buf_printf(b, "</%s>\n", tag);
}

int kh_pdf_meta_set(HPDF_Doc pdf, const kh_pdf_meta *m)
{
    pdf->pdf_version = HPDF_VER_17;
    HPDF_MMgr mm = pdf->mmgr;
    HPDF_STATUS st = HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(mm, m->lang, NULL));

    const char *producer = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);
    const char *creator = HPDF_GetInfoAttr(pdf, HPDF_INFO_CREATOR);
    kh_buf x = {0};
    kh_buf_puts(&x, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                    "  <rdf:Description rdf:about=\"\"\n"
                    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                    "   <dc:format>application/pdf</dc:format>\n");
    alt(&x, "dc:title", m->lang, m->title);
    if (m->author && *m->author) {
        kh_buf_puts(&x, "   <dc:creator><rdf:Seq><rdf:li>");
        put_xml(&x, m->author);
        kh_buf_puts(&x, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    alt(&x, "dc:description", m->lang, m->subject);
    kh_buf_puts(&x, "   <dc:language><rdf:Bag><rdf:li>");
    put_xml(&x, m->lang);
    kh_buf_puts(&x, "</rdf:li></rdf:Bag></dc:language>\n");
    simple(&x, "pdf:Keywords", m->keywords);
    if (producer)
        simple(&x, "pdf:Producer", producer);
    if (creator)
        simple(&x, "xmp:CreatorTool", creator);
    if (m->date) {
        const char *tags[] = {"xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"};
        for (size_t i = 0; i < 3; i++) {
            kh_buf_printf(&x, "   <%s>", tags[i]);
            put_date(&x, m->date);
            kh_buf_printf(&x, "</%s>\n", tags[i]);
        }
    }
    kh_buf_puts(&x, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");

    HPDF_Dict md = HPDF_DictStream_New(mm, pdf->xref);
    if (!md) {
        kh_buf_free(&x);
        return -1;
    }
    md->filter = HPDF_STREAM_FILTER_NONE;
    st += HPDF_Dict_AddName(md, "Type", "Metadata");
    st += HPDF_Dict_AddName(md, "Subtype", "XML");
    st += HPDF_Stream_Write(md->stream, (const HPDF_BYTE *)x.s, (HPDF_UINT)x.len);
    st += HPDF_Dict_Add(pdf->catalog, "Metadata", md);
    kh_buf_free(&x);
    return st == HPDF_OK ? 0 : -1;
}
