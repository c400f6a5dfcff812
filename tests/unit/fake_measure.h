/* fake_measure.h — a text measure for layout tests without fonts: every
 * character half an em (0.6 in the odd, bold faces), a space a quarter, so
 * expected positions are easy to compute by hand. Included by the unit tests
 * of the PDF layout. */
#ifndef KEHOACH_TEST_FAKE_MEASURE_H
#define KEHOACH_TEST_FAKE_MEASURE_H

#include "kehoach/text.h"

static double fake_width(void *ctx, int font, double size, const char *s, size_t n)
{
    (void)ctx;
    double w = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = kh_utf8_decode(s + i, n - i, &cp);
        if (!len)
            len = 1;
        w += cp == ' ' ? 0.25 : (font & 1) ? 0.6 : 0.5;
        i += len;
    }
    return w * size;
}

static const kh_measure M = {fake_width, NULL};

#endif
