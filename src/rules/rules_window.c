/* rules_window.c — R-WINDOW-ORDER: the campaign window of `schedule:` in
 * order: `from` on or before `to`, and each peak (`peaks:`) in order and
 * inside the window. Certain: a period ends after it begins; a peak of a
 * campaign lies within it. A date given to the month only is compared by
 * its month. */
#include "kehoach/date.h"
#include "kehoach/text.h"
#include "rule.h"

void rule_window_order(const kh_plan *p, kh_rule_ctx *cx);

/* a after b: by day when both have one, else by month. */
static bool after(kh_date a, kh_date b)
{
    if (a.day && b.day)
        return kh_date_cmp(a, b) > 0;
    return a.year * 12 + a.month > b.year * 12 + b.month;
}

static const char *fmt(kh_date d, char *buf)
{
    if (d.day)
        return kh_date_fmt_short(d, buf);
    snprintf(buf, 48, "%02d/%d", d.month, d.year);
    return buf;
}

void rule_window_order(const kh_plan *p, kh_rule_ctx *cx)
{
    const kh_period *w = &p->schedule.window;
    kh_date wf = w->from.date, wt = w->to.date;
    char a[48], b[48];
    bool window = kh_date_is_set(wf) && kh_date_is_set(wt);
    if (window && after(wf, wt)) {
        kh_report(cx, w->to.raw.pos,
                  "the campaign ends (to: %s) before it begins (from: %s); check the two dates",
                  "thời gian thực hiện kết thúc (to: %s) trước khi bắt đầu (from: %s); kiểm tra lại hai ngày",
                  fmt(wt, a), fmt(wf, b));
        return;
    }
    for (size_t i = 0; i < p->schedule.n_peaks; i++) {
        const kh_period *k = &p->schedule.peaks[i];
        kh_date f = k->from.date, t = k->to.date;
        if (kh_date_is_set(f) && kh_date_is_set(t) && after(f, t)) {
            kh_report(cx, k->to.raw.pos,
                      "the peak ends (to: %s) before it begins (from: %s); check the two dates",
                      "đợt cao điểm kết thúc (to: %s) trước khi bắt đầu (from: %s); kiểm tra lại hai ngày",
                      fmt(t, a), fmt(f, b));
            continue;
        }
        if (kh_date_is_set(f) && kh_date_is_set(wf) && after(wf, f))
            kh_report(cx, k->from.raw.pos,
                      "the peak begins (%s) before the campaign (from: %s); a peak lies inside the campaign's window",
                      "đợt cao điểm bắt đầu (%s) trước thời gian thực hiện (from: %s); đợt cao điểm nằm trong thời gian thực hiện",
                      fmt(f, a), fmt(wf, b));
        else if (kh_date_is_set(t) && kh_date_is_set(wt) && after(t, wt))
            kh_report(cx, k->to.raw.pos,
                      "the peak ends (%s) after the campaign (to: %s); a peak lies inside the campaign's window",
                      "đợt cao điểm kết thúc (%s) sau thời gian thực hiện (to: %s); đợt cao điểm nằm trong thời gian thực hiện",
                      fmt(t, a), fmt(wt, b));
    }
}
