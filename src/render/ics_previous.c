/* ics_previous.c — what the calendar file being replaced said about each
 * event: its UID, SEQUENCE, LAST-MODIFIED and dates. kh_ics_write() keeps
 * an event's SEQUENCE and LAST-MODIFIED when its dates are unchanged and
 * raises them when they moved (RFC 5545 3.8.7.4: DTSTART and DTEND are
 * significant), so a calendar that imported the plan before takes the moved
 * deadline. The previous file is only data: read line by line, unfolded,
 * every field bounded; anything unexpected is skipped, never trusted. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/ics.h"

#define MAX_EVENTS 100000
#define MAX_SEQUENCE 1000000000u

static void copy_field(char *dst, size_t cap, const char *src, size_t n)
{
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* One unfolded content line into `line` (CRLF or LF; a following line that
 * starts with a space or tab continues it). Returns the position after it. */
static size_t next_line(const char *s, size_t len, size_t at, kh_buf *line)
{
    line->len = 0;
    while (at < len) {
        size_t eol = at;
        while (eol < len && s[eol] != '\n')
            eol++;
        size_t end = eol > at && s[eol - 1] == '\r' ? eol - 1 : eol;
        kh_buf_put(line, s + at, end - at);
        at = eol < len ? eol + 1 : len;
        if (at >= len || (s[at] != ' ' && s[at] != '\t'))
            break;
        at++; /* the folding space */
    }
    return at;
}

/* The value of `NAME[;params]:value` when the line's name is `name`. */
static const char *value_of(const char *line, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(line, name, n) != 0 || (line[n] != ':' && line[n] != ';'))
        return NULL;
    const char *colon = strchr(line + n, ':');
    return colon ? colon + 1 : NULL;
}

void kh_ics_previous_read(kh_ics_previous *prev, const char *s, size_t len)
{
    memset(prev, 0, sizeof *prev);
    if (!s)
        return;
    kh_buf line = {0};
    kh_ics_prev_event cur = {0};
    bool in_event = false, in_alarm = false;
    for (size_t at = 0; at < len;) {
        at = next_line(s, len, at, &line);
        const char *l = kh_buf_str(&line), *v;
        if (!strcmp(l, "BEGIN:VEVENT")) {
            in_event = true;
            in_alarm = false;
            memset(&cur, 0, sizeof cur);
        } else if (!in_event) {
            continue;
        } else if (!strcmp(l, "BEGIN:VALARM")) {
            in_alarm = true;
        } else if (!strcmp(l, "END:VALARM")) {
            in_alarm = false;
        } else if (in_alarm) {
            continue;
        } else if (!strcmp(l, "END:VEVENT")) {
            in_event = false;
            if (!cur.uid[0] || prev->n >= MAX_EVENTS)
                continue;
            if (prev->n == prev->cap) {
                prev->cap = prev->cap ? prev->cap * 2 : 32;
                prev->v = kh_xrealloc(prev->v, prev->cap * sizeof *prev->v);
            }
            prev->v[prev->n++] = cur;
        } else if ((v = value_of(l, "UID"))) {
            copy_field(cur.uid, sizeof cur.uid, v, strlen(v));
        } else if ((v = value_of(l, "DTSTART"))) {
            copy_field(cur.dtstart, sizeof cur.dtstart, v, strlen(v));
        } else if ((v = value_of(l, "DTEND"))) {
            copy_field(cur.dtend, sizeof cur.dtend, v, strlen(v));
        } else if ((v = value_of(l, "LAST-MODIFIED"))) {
            copy_field(cur.last_modified, sizeof cur.last_modified, v, strlen(v));
        } else if ((v = value_of(l, "SEQUENCE"))) {
            char *end;
            unsigned long n = strtoul(v, &end, 10);
            cur.sequence = *v >= '0' && *v <= '9' && !*end && n < MAX_SEQUENCE ? (unsigned)n : 0;
        }
    }
    kh_buf_free(&line);
}

const kh_ics_prev_event *kh_ics_previous_find(const kh_ics_previous *prev, const char *uid)
{
    for (size_t i = 0; prev && i < prev->n; i++)
        if (!strcmp(prev->v[i].uid, uid))
            return &prev->v[i];
    return NULL;
}

void kh_ics_previous_free(kh_ics_previous *prev)
{
    free(prev->v);
    memset(prev, 0, sizeof *prev);
}
