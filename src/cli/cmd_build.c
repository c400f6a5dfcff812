/* cmd_build.c — `kehoach build [-f FMT[,FMT…]] [-o DIR] [-j N] FILE|DIR...`:
 * load, check and render many plans, in parallel. A plan with errors is not
 * rendered (unless --force); the batch goes on past it, prints one summary
 * line and exits 1. Safety: every output is DIR/<plan file name minus
 * .yaml><ext>, written through a directory descriptor as one path component
 * (it cannot escape DIR), atomically (temporary file + rename: a killed or
 * failed build leaves the previous output intact), and never onto an input
 * file. --depfile writes Make dependencies so only changed plans rebuild.
 * Workers share nothing but the job queue: the loader, rules and renderers
 * keep no global state. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "kehoach/check.h"
#include "kehoach/load.h"
#include "kehoach/render.h"
#include "kehoach/text.h"

#define MAX_FORMATS 16
#define MAX_JOBS 64
#define KH_CHECKLIST_SUFFIX ".checklist"

typedef struct job {
    const char *path;       /* the plan file (owned by the input list) */
    char *stem;             /* output base name; NULL: refused before starting */
    kh_diags diags;
    size_t written;         /* outputs written */
    kh_buf stdout_data;     /* -o -: the one output, written by the main thread */
    bool ok, done;
} job;

typedef struct batch {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    size_t next;            /* the next job to take */
    job *jobs;
    size_t n;
    /* read-only while workers run: */
    const kh_format *fmts[MAX_FORMATS];
    size_t n_fmts;
    int dirfd;
    const char *outdir;
    bool force;
    bool fsync;             /* --fsync: outputs survive a power cut */
    bool to_stdout;         /* -o -: one plan, one format, on standard output */
    bool checklist_separate;/* --checklist=separate: FILE.checklist.<ext> too */
    kh_check_opts copts;
    kh_render_opts ropts;
    struct stat *inputs;    /* st_dev/st_ino of every input that exists */
    size_t n_inputs;
} batch;

static const char help_en[] =
    "usage: kehoach build [options] FILE|DIR...\n"
    "\n"
    "Render plan files. Each FILE.yaml becomes DIR/FILE.<ext> per format; a DIR\n"
    "argument stands for its *.yaml files; - reads a plan from standard input.\n"
    "Plans with errors are reported and skipped; the others are built.\n"
    "\n"
    "options:\n"
    "  -f, --format=LIST  comma-separated formats (default: md):";
static const char help_en2[] =
    "  -o, --output=DIR   output directory (default: .); created if missing;\n"
    "                     -: one plan in one format to standard output\n"
    "  -j, --jobs=N       build N plans at a time (default: the number of CPUs)\n"
    "  --depfile=FILE     write Make dependencies of every output (plan file and\n"
    "                     the kehoach binary), so make rebuilds only what changed\n"
    "  --checklist=WHERE  the due-date checklist (md, pdf, docx): annex (default:\n"
    "                     the document's last Phụ lục), separate (in FILE.checklist.<ext>\n"
    "                     of its own), none\n"
    "  --no-checklist     the same as --checklist=none\n"
    "  --font-dir=DIR     pdf: a licensed Times New Roman (times.ttf, timesbd.ttf,\n"
    "                     timesi.ttf, timesbi.ttf); default: Liberation Serif\n"
    "  --remind-days=N    ics: reminder N days before each deadline (default 3, 0: none)\n"
    "  --draft            a draft: blank number and day are not errors\n"
    "  --force            render even when the plan has errors\n"
    "  --fsync            sync each output to disk before naming it (survives a\n"
    "                     power cut; outputs are atomic either way)\n"
    "  --today=YYYY-MM-DD the date to judge future dates against\n"
    "  -q, --quiet        no progress line and no summary line\n"
    "  --no-excerpt       no source line and caret under each diagnostic\n"
    "  --watch            after building, rebuild whenever a plan or a parent plan\n"
    "                     it names (implements: file:) changes; Ctrl-C stops\n"
    "  --lang=vi|en       language of messages and of generated labels\n"
    "                     (documents default to Vietnamese labels)\n"
    "  -h, --help         this help\n"
    "\n"
    "Outputs are written atomically (an interrupted or failed build keeps the\n"
    "previous file), only inside DIR, and never onto an input file.\n"
    "exit status: 0 all built, 1 some plan failed, 2 usage or I/O problem\n";
static const char help_vi[] =
    "cách dùng: kehoach build [tùy chọn] TỆP|THƯ-MỤC...\n"
    "\n"
    "Xuất bản kế hoạch. Mỗi TỆP.yaml thành DIR/TỆP.<đuôi> cho mỗi định dạng;\n"
    "THƯ-MỤC: mọi tệp *.yaml trong đó; -: đọc kế hoạch từ đầu vào chuẩn. Kế\n"
    "hoạch có lỗi được báo và bỏ qua; các kế hoạch khác vẫn được xuất.\n"
    "\n"
    "tùy chọn:\n"
    "  -f, --format=DS    các định dạng, cách nhau bởi dấu phẩy (mặc định: md):";
static const char help_vi2[] =
    "  -o, --output=DIR   thư mục đầu ra (mặc định: .); tạo nếu chưa có;\n"
    "                     -: một kế hoạch, một định dạng ra đầu ra chuẩn\n"
    "  -j, --jobs=N       xuất N kế hoạch cùng lúc (mặc định: số CPU)\n"
    "  --depfile=TỆP      ghi phụ thuộc kiểu Make của mọi tệp đầu ra (tệp kế hoạch\n"
    "                     và chương trình kehoach) để make chỉ xuất lại cái đã đổi\n"
    "  --checklist=NƠI    bảng theo dõi thời hạn (md, pdf, docx): annex (mặc định:\n"
    "                     phụ lục cuối của văn bản), separate (tệp riêng\n"
    "                     FILE.checklist.<ext>), none (không có)\n"
    "  --no-checklist     như --checklist=none\n"
    "  --font-dir=DIR     pdf: phông Times New Roman có bản quyền (times.ttf,\n"
    "                     timesbd.ttf, timesi.ttf, timesbi.ttf); mặc định Liberation Serif\n"
    "  --remind-days=N    ics: nhắc trước mỗi thời hạn N ngày (mặc định 3, 0: không nhắc)\n"
    "  --draft            bản dự thảo: để trống số và ngày không phải lỗi\n"
    "  --force            xuất cả khi kế hoạch có lỗi\n"
    "  --fsync            ghi hẳn từng tệp xuống đĩa trước khi đặt tên (an toàn\n"
    "                     khi mất điện; tệp luôn được ghi nguyên vẹn)\n"
    "  --today=YYYY-MM-DD ngày hôm nay để so các ngày trong tương lai\n"
    "  -q, --quiet        không hiện tiến độ và dòng tổng kết\n"
    "  --no-excerpt       không in dòng nguồn và dấu ^ dưới mỗi thông báo\n"
    "  --watch            sau khi xuất, xuất lại mỗi khi kế hoạch hay kế hoạch cấp\n"
    "                     trên nó nêu (implements: file:) thay đổi; Ctrl-C để dừng\n"
    "  --lang=vi|en       ngôn ngữ thông báo và nhãn sinh tự động\n"
    "                     (văn bản mặc định dùng nhãn tiếng Việt)\n"
    "  -h, --help         trợ giúp này\n"
    "\n"
    "Tệp đầu ra được ghi nguyên tử (bị ngắt hay lỗi thì tệp cũ vẫn còn), chỉ\n"
    "trong DIR, và không bao giờ ghi đè tệp đầu vào.\n"
    "mã thoát: 0 xuất đủ, 1 có kế hoạch lỗi, 2 sai cách dùng hoặc lỗi đọc/ghi\n";

static void print_help(kh_lang lg)
{
    size_t n;
    const kh_format *f = kh_formats(&n);
    fputs(lg == KH_LANG_VI ? help_vi : help_en, stdout);
    for (size_t i = 0; i < n; i++)
        printf(" %s", f[i].name);
    fputs("\n", stdout);
    fputs(lg == KH_LANG_VI ? help_vi2 : help_en2, stdout);
}

/* "plans/001-x.yaml" → "001-x": the last path component minus .yaml/.yml.
 * NULL when that is no usable file name (empty, ".", "..", control
 * characters — a name that could not be written safely or named in a
 * depfile). */
static char *stem(const char *path)
{
    if (!strcmp(path, "-"))
        return kh_strdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && !strcmp(base + n - 5, ".yaml"))
        n -= 5;
    else if (n > 4 && !strcmp(base + n - 4, ".yml"))
        n -= 4;
    if (n == 0 || (n == 1 && base[0] == '.') || (n == 2 && !strncmp(base, "..", 2)))
        return NULL;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)base[i] < 0x20 || base[i] == 0x7f)
            return NULL;
    return kh_strndup(base, n);
}

static int mkdir_p(const char *dir)
{
    char *d = kh_strdup(dir);
    for (char *p = d + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(d, 0755) != 0 && errno != EEXIST) {
                free(d);
                return -1;
            }
            *p = '/';
        }
    int r = mkdir(d, 0755) != 0 && errno != EEXIST ? -1 : 0;
    free(d);
    return r;
}

/* Is DIR/name (not following a symlink there) one of the input files? */
static bool is_input(const batch *b, const char *name)
{
    struct stat st;
    if (fstatat(b->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return false;
    for (size_t i = 0; i < b->n_inputs; i++)
        if (b->inputs[i].st_dev == st.st_dev && b->inputs[i].st_ino == st.st_ino)
            return true;
    return false;
}

/* The output file a format replaces, for formats that read it (ics keeps
 * each event's SEQUENCE): a regular file, not followed through a symlink,
 * at most 8 MiB; NULL when there is none or it is not usable. */
static char *read_previous(const batch *b, const char *name, size_t *len)
{
    int fd = openat(b->dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    struct stat st;
    char *data = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= (8 << 20)) {
        data = kh_xcalloc((size_t)st.st_size + 1, 1);
        size_t got = 0;
        for (ssize_t r; got < (size_t)st.st_size &&
                        (r = read(fd, data + got, (size_t)st.st_size - got)) > 0;)
            got += (size_t)r;
        *len = got;
    }
    close(fd);
    return data;
}

/* Render one output of a job into *out; its diagnostics into d. name: the
 * file name in the output directory (for a format that reads the output
 * it replaces). */
static int render_bytes(const batch *b, const kh_plan *p, const kh_format *f,
                        const kh_render_opts *base, const char *name, kh_buf *out, kh_diags *d)
{
    kh_render_opts ro = *base;
    char *prev = NULL;
    if (kh_format_reads_previous(f) && !b->to_stdout) {
        prev = read_previous(b, name, &ro.previous_len);
        ro.previous = prev;
    }
    int rendered = f->render(p, &ro, out, d);
    free(prev);
    return rendered;
}

/* Write a rendered output (or keep it for standard output). */
static void deliver(const batch *b, job *j, const char *name, int rendered, kh_buf *out)
{
    kh_diags *d = &j->diags;
    if (rendered != 0) {
        j->ok = false;
    } else if (b->to_stdout) {
        j->stdout_data = *out;
        *out = (kh_buf){0};
    } else if (is_input(b, name)) {
        kh_diag(d, j->path, (kh_pos){0, 0}, KH_ERROR, "IO",
                "refusing to write %s/%s: it is an input file",
                "không ghi %s/%s: đó là một tệp đầu vào", b->outdir, name);
        j->ok = false;
    } else if (cli_write_atomic_at(b->dirfd, name, out->s ? out->s : "", out->len, b->fsync) != 0) {
        kh_diag(d, j->path, (kh_pos){0, 0}, KH_ERROR, "IO", "cannot write %s/%s: %s",
                "không ghi được %s/%s: %s", b->outdir, name, strerror(errno));
        j->ok = false;
    } else {
        j->written++;
    }
}

/* Render one output of a job and write it (or keep it for standard
 * output). name: the file name in the output directory. */
static void render_one(const batch *b, job *j, const kh_plan *p, const kh_format *f,
                       const kh_render_opts *base, const char *name)
{
    kh_buf out = {0};
    int rendered = render_bytes(b, p, f, base, name, &out, &j->diags);
    deliver(b, j, name, rendered, &out);
    kh_buf_free(&out);
}

/* The check of a plan on a thread of its own (run_single). */
typedef struct side_check {
    const kh_plan *p;
    const kh_check_opts *opts;
    kh_diags d;
} side_check;

static void *side_check_main(void *arg)
{
    side_check *c = arg;
    kh_check(c->p, c->opts, &c->d);
    return NULL;
}

/* One plan to one format: its check and its rendering need each other's
 * result only at the end, so the check runs on the other core while this
 * one renders into memory; the output is written, and the renderer's
 * diagnostics kept, only when the check lets the plan be built, as when
 * the two run one after the other. */
static void run_single(const batch *b, job *j, const kh_plan *p)
{
    kh_diags *d = &j->diags;
    const kh_format *f = b->fmts[0];
    side_check c = {p, &b->copts, {.limit = d->limit}};
    pthread_t t;
    bool threaded = pthread_create(&t, NULL, side_check_main, &c) == 0;
    if (!threaded)
        kh_check(p, &b->copts, &c.d);
    kh_buf name = {0}, out = {0};
    kh_buf_printf(&name, "%s%s", j->stem, f->extension);
    kh_render_opts doc = b->ropts;
    kh_diags rd = {.limit = d->limit};
    int rendered = render_bytes(b, p, f, &doc, kh_buf_str(&name), &out, &rd);
    if (threaded)
        pthread_join(t, NULL);
    kh_diags_move(d, &c.d);
    j->ok = b->force || d->count[KH_ERROR] == 0;
    if (j->ok) {
        kh_diags_move(d, &rd);
        deliver(b, j, kh_buf_str(&name), rendered, &out);
    }
    kh_diags_free(&rd);
    kh_diags_free(&c.d);
    kh_buf_free(&out);
    kh_buf_free(&name);
}

static void run_job(const batch *b, job *j)
{
    kh_diags *d = &j->diags;
    d->limit = 1000;
    if (!j->stem)
        return; /* refused while planning; the diagnostic is already there */
    kh_plan *p = kh_load_file(j->path, d);
    if (p && b->n == 1 && b->n_fmts == 1 && !b->checklist_separate) {
        run_single(b, j, p);
        kh_plan_free(p);
        kh_diags_sort(d);
        return;
    }
    if (p)
        kh_check(p, &b->copts, d);
    j->ok = p && (b->force || d->count[KH_ERROR] == 0);
    for (size_t k = 0; j->ok && k < b->n_fmts; k++) {
        const kh_format *f = b->fmts[k];
        kh_buf name = {0};
        kh_buf_printf(&name, "%s%s", j->stem, f->extension);
        kh_render_opts doc = b->ropts;
        doc.checklist_elsewhere = b->checklist_separate && f->checklist;
        render_one(b, j, p, f, &doc, kh_buf_str(&name));
        /* --checklist=separate: the checklist annex in a file of its own,
         * FILE.checklist.<ext>, beside the document. */
        if (j->ok && b->checklist_separate && f->checklist) {
            kh_render_opts ro = b->ropts;
            ro.checklist = false;
            ro.checklist_only = true;
            kh_buf_free(&name);
            kh_buf_printf(&name, "%s%s%s", j->stem, KH_CHECKLIST_SUFFIX, f->extension);
            render_one(b, j, p, f, &ro, kh_buf_str(&name));
        }
        kh_buf_free(&name);
    }
    kh_plan_free(p);
    kh_diags_sort(d);
}

static void *worker(void *arg)
{
    batch *b = arg;
    for (;;) {
        pthread_mutex_lock(&b->mu);
        size_t i = b->next < b->n ? b->next++ : b->n;
        pthread_mutex_unlock(&b->mu);
        if (i == b->n)
            return NULL;
        run_job(b, &b->jobs[i]);
        pthread_mutex_lock(&b->mu);
        b->jobs[i].done = true;
        pthread_cond_broadcast(&b->cv);
        pthread_mutex_unlock(&b->mu);
    }
}

/* A path in a Make rule: spaces, '#', ':' and '\' escaped, '$' doubled. */
static void put_make_path(kh_buf *o, const char *s)
{
    for (; *s; s++) {
        if (*s == '$')
            kh_buf_putc(o, '$');
        else if (strchr(" \t#:\\", *s))
            kh_buf_putc(o, '\\');
        kh_buf_putc(o, *s);
    }
}

static int write_depfile(const batch *b, const char *depfile, kh_lang lg)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n < 0)
        n = 0;
    self[n] = '\0';
    kh_buf o = {0};
    kh_buf_puts(&o, "# kehoach build --depfile: what each output is made from.\n");
    for (size_t i = 0; i < b->n; i++) {
        const job *j = &b->jobs[i];
        if (!j->ok || !strcmp(j->path, "-"))
            continue;
        for (size_t k = 0; k < b->n_fmts; k++) {
            kh_buf t = {0};
            kh_buf_printf(&t, "%s/%s%s", b->outdir, j->stem, b->fmts[k]->extension);
            put_make_path(&o, kh_buf_str(&t));
            kh_buf_free(&t);
            if (b->checklist_separate && b->fmts[k]->checklist) {
                kh_buf_puts(&o, " ");
                kh_buf_free(&t);
                kh_buf_printf(&t, "%s/%s%s%s", b->outdir, j->stem, KH_CHECKLIST_SUFFIX,
                              b->fmts[k]->extension);
                put_make_path(&o, kh_buf_str(&t));
            }
            kh_buf_puts(&o, ": ");
            put_make_path(&o, j->path);
            if (*self) {
                kh_buf_puts(&o, " ");
                put_make_path(&o, self);
            }
            if (b->ropts.font_dir) {
                kh_buf_puts(&o, " ");
                put_make_path(&o, b->ropts.font_dir);
            }
            kh_buf_puts(&o, "\n");
        }
        /* Like gcc -MP: a deleted plan must not break make. */
        put_make_path(&o, j->path);
        kh_buf_puts(&o, ":\n");
    }
    int r = cli_write_atomic(depfile, o.s ? o.s : "", o.len);
    if (r != 0)
        cli_say(lg, "build", "cannot write %s: %s", "không ghi được %s: %s", depfile,
                strerror(errno));
    kh_buf_free(&o);
    return r;
}

static long cpu_count(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : n;
}

/* What a build run needs besides the batch. */
typedef struct run_opts {
    kh_lang lang;
    long jobs;              /* 0: the number of CPUs */
    bool quiet, excerpts;
    const char *depfile, *outdir;
} run_opts;

static void batch_clear(batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        kh_diags_free(&b->jobs[i].diags);
        kh_buf_free(&b->jobs[i].stdout_data);
        free(b->jobs[i].stem);
    }
    free(b->jobs);
    free(b->inputs);
    b->jobs = NULL;
    b->inputs = NULL;
    b->n = b->n_inputs = b->next = 0;
}

/* Build every plan of `in` once: the batch's jobs, threads, reports in
 * input order, the depfile and the summary line. Returns the exit status. */
static int run_batch(batch *b, const cli_inputs *in, const run_opts *r)
{
    kh_lang lg = r->lang;
    long jobs = r->jobs;
    bool quiet = r->quiet, excerpts = r->excerpts;
    const char *depfile = r->depfile, *outdir = r->outdir;
    int status = KH_EXIT_OK;
    pthread_t threads[MAX_JOBS];
    size_t n_threads = 0;
    batch_clear(b);

    /* Plan the batch in this thread: output names, inputs to protect, and
     * two plans that would write the same output. */
    b->n = in->n;
    b->jobs = kh_xcalloc(b->n, sizeof *b->jobs);
    b->inputs = kh_xcalloc(b->n, sizeof *b->inputs);
    for (size_t i = 0; i < b->n; i++) {
        job *j = &b->jobs[i];
        j->path = in->paths[i];
        j->stem = stem(j->path);
        if (strcmp(j->path, "-") != 0 && stat(j->path, &b->inputs[b->n_inputs]) == 0)
            b->n_inputs++;
        if (!j->stem) {
            kh_diag(&j->diags, j->path, (kh_pos){0, 0}, KH_ERROR, "IO",
                    "no output file name can be made from this file name",
                    "không đặt được tên tệp đầu ra từ tên tệp này");
            continue;
        }
        for (size_t k = 0; k < i; k++)
            if (b->jobs[k].stem && !strcmp(b->jobs[k].stem, j->stem)) {
                kh_diag(&j->diags, j->path, (kh_pos){0, 0}, KH_ERROR, "IO",
                        "%s would write the same output files as %s; build them into "
                        "different directories",
                        "%s sẽ ghi trùng tệp đầu ra với %s; hãy xuất vào các thư mục khác nhau",
                        j->path, b->jobs[k].path);
                free(j->stem);
                j->stem = NULL;
                break;
            }
    }

    /* The PDF and Word modules a format needs are opened on the side
     * while the first plan is loaded and checked (cli_module_prefetch). */
    pthread_t prefetch[2];
    size_t n_prefetch = 0;
    static const char *const modules[] = {"pdf", "docx"};
    for (size_t m = 0; m < 2; m++)
        for (size_t k = 0; k < b->n_fmts; k++)
            if (!strcmp(b->fmts[k]->name, modules[m])) {
                if (cli_module_prefetch(modules[m], &prefetch[n_prefetch]))
                    n_prefetch++;
                break;
            }
    if (!jobs)
        jobs = cpu_count();
    if ((size_t)jobs > b->n)
        jobs = (long)b->n;
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->cv, NULL);
    /* One job runs here: a thread's malloc arena grows a page at a time
     * (an mprotect each: ~200 system calls, ~5 ms, for one seed's PDF). */
    for (long t = 0; jobs > 1 && t < jobs; t++) {
        if (pthread_create(&threads[n_threads], NULL, worker, b) != 0)
            break;
        n_threads++;
    }
    if (!n_threads) /* no thread at all: build here */
        worker(b);

    /* Report in input order, each plan as soon as it and those before it
     * are done: the log reads the same whatever -j is. */
    bool col = cli_color(2, NULL);
    const char *ci = getenv("CI");
    bool progress = !quiet && b->n > 1 && isatty(2) && !(ci && *ci);
    size_t built = 0, failed = 0, files = 0;
    for (size_t i = 0; i < b->n; i++) {
        job *j = &b->jobs[i];
        pthread_mutex_lock(&b->mu);
        while (!j->done && n_threads)
            pthread_cond_wait(&b->cv, &b->mu);
        pthread_mutex_unlock(&b->mu);
        if (progress)
            fputs("\r\033[K", stderr);
        cli_diags_print(stderr, &j->diags, lg, col, excerpts);
        for (size_t k = 0; k < j->diags.n; k++)
            if (!strcmp(j->diags.v[k].id, "IO"))
                status = KH_EXIT_USAGE;
        if (j->ok && b->to_stdout) {
            const kh_buf *o = &j->stdout_data;
            if (fwrite(o->s ? o->s : "", 1, o->len, stdout) != o->len || fflush(stdout) != 0) {
                cli_say(lg, "build", "cannot write to standard output",
                        "không ghi được ra đầu ra chuẩn");
                status = KH_EXIT_USAGE;
                j->ok = false;
            } else {
                j->written++;
            }
        }
        if (j->ok) {
            built++;
            files += j->written;
        } else {
            failed++;
        }
        if (progress && i + 1 < b->n)
            fprintf(stderr, "[%zu/%zu] %s …", i + 1, b->n, b->jobs[i + 1].path);
    }
    if (progress)
        fputs("\r\033[K", stderr);
    for (size_t t = 0; t < n_threads; t++)
        pthread_join(threads[t], NULL);
    for (size_t t = 0; t < n_prefetch; t++)
        cli_module_wait(prefetch[t]);
    pthread_cond_destroy(&b->cv);
    pthread_mutex_destroy(&b->mu);

    if (depfile && write_depfile(b, depfile, lg) != 0)
        status = KH_EXIT_USAGE;
    if (!quiet)
        cli_say(lg, "build", "%zu/%zu plans built, %zu failed; %zu file(s) written to %s",
                "đã xuất %zu/%zu kế hoạch, %zu lỗi; đã ghi %zu tệp vào %s", built, b->n, failed,
                files, outdir);
    if (failed && status == KH_EXIT_OK)
        status = KH_EXIT_FINDINGS;
    return status;
}

typedef struct watch_ctx {
    batch *b;
    const cli_inputs *in;
    const run_opts *ro;
} watch_ctx;

static int watch_rebuild(void *ctx)
{
    const watch_ctx *w = ctx;
    return run_batch(w->b, w->in, w->ro);
}

int cmd_build(int argc, char **argv)
{
    kh_lang lg = cli_lang_argv(argc, argv);
    /* The documents are Vietnamese: their generated labels (the checklist's
     * headings, calendar descriptions) are too, whatever the terminal's
     * locale; only an explicit --lang changes them. */
    kh_lang doc_lang = KH_LANG_VI;
    const char *formats = "md", *outdir = ".", *depfile = NULL;
    bool quiet = false, excerpts = true;
    long jobs = 0;
    batch b = {.dirfd = -1, .ropts = {.checklist = true, .epoch = -1, .remind_days = 3}};
    cli_inputs in = {0};
    int status = KH_EXIT_OK;
    bool watch = false;

    enum { OPT_DEPFILE = CLI_OPT_FIRST, OPT_LANG, OPT_TODAY, OPT_REMIND, OPT_FONT_DIR,
           OPT_NO_CHECKLIST, OPT_CHECKLIST, OPT_DRAFT, OPT_FORCE, OPT_FSYNC, OPT_NO_EXCERPT, OPT_WATCH };
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},
        {"quiet", no_argument, NULL, 'q'},
        {"depfile", required_argument, NULL, OPT_DEPFILE},
        {"lang", required_argument, NULL, OPT_LANG},
        {"today", required_argument, NULL, OPT_TODAY},
        {"remind-days", required_argument, NULL, OPT_REMIND},
        {"font-dir", required_argument, NULL, OPT_FONT_DIR},
        {"no-checklist", no_argument, NULL, OPT_NO_CHECKLIST},
        {"checklist", required_argument, NULL, OPT_CHECKLIST},
        {"draft", no_argument, NULL, OPT_DRAFT},
        {"force", no_argument, NULL, OPT_FORCE},
        {"fsync", no_argument, NULL, OPT_FSYNC},
        {"no-excerpt", no_argument, NULL, OPT_NO_EXCERPT},
        {"watch", no_argument, NULL, OPT_WATCH},
        {NULL, 0, NULL, 0},
    };
    cli_getopt_start();
    for (int c; (c = cli_getopt(argc, argv, "hf:o:j:q", longopts, lg, "build")) != -1;) {
        const char *v = optarg;
        switch (c) {
        case 'h':
            print_help(lg);
            goto done;
        case 'f':
            formats = v;
            break;
        case 'o':
            outdir = v;
            break;
        case 'j': {
            char *end;
            jobs = strtol(v, &end, 10);
            if (*end || jobs < 1 || jobs > MAX_JOBS) {
                cli_say(lg, "build", "-j wants a number from 1 to %d, not '%s'",
                        "-j nhận một số từ 1 đến %d, không nhận '%s'", MAX_JOBS, v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            break;
        }
        case OPT_DEPFILE:
            depfile = v;
            break;
        case OPT_LANG:
            if (strcmp(v, "vi") && strcmp(v, "en")) {
                cli_say(lg, "build", "--lang wants vi or en, not '%s'",
                        "--lang nhận vi hoặc en, không nhận '%s'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            doc_lang = strcmp(v, "vi") ? KH_LANG_EN : KH_LANG_VI;
            break;
        case OPT_TODAY: {
            int rest = 0;
            if (kh_date_parse_any(v, &b.copts.today, &rest) != KH_DATE_OK ||
                !kh_date_is_full(b.copts.today) || v[rest]) {
                cli_say(lg, "build", "--today wants a date YYYY-MM-DD, not '%s'",
                        "--today nhận một ngày YYYY-MM-DD, không nhận '%s'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            break;
        }
        case OPT_REMIND: {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || end == v || n < 0 || n > 365) {
                cli_say(lg, "build", "--remind-days wants 0 to 365, not '%s'",
                        "--remind-days nhận từ 0 đến 365, không nhận '%s'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            b.ropts.remind_days = (int)n;
            break;
        }
        case OPT_FONT_DIR:
            b.ropts.font_dir = v;
            break;
        case OPT_NO_CHECKLIST:
            b.ropts.checklist = false;
            b.checklist_separate = false;
            break;
        case OPT_CHECKLIST:
            if (!strcmp(v, "annex") || !strcmp(v, "separate") || !strcmp(v, "none")) {
                b.ropts.checklist = !strcmp(v, "annex");
                b.checklist_separate = !strcmp(v, "separate");
            } else {
                cli_say(lg, "build", "--checklist wants annex, separate or none, not '%s'",
                        "--checklist nhận annex, separate hoặc none, không nhận '%s'", v);
                status = KH_EXIT_USAGE;
                goto done;
            }
            break;
        case OPT_DRAFT:
            b.copts.draft = true;
            break;
        case OPT_FORCE:
            b.force = true;
            break;
        case OPT_FSYNC:
            b.fsync = true;
            break;
        case OPT_NO_EXCERPT:
            excerpts = false;
            break;
        case OPT_WATCH:
            watch = true;
            break;
        case 'q':
            quiet = true;
            break;
        default:
            status = KH_EXIT_USAGE;
            goto done;
        }
    }
    for (int i = optind; i < argc; i++)
        if (cli_inputs_add(&in, argv[i], lg, "build") != 0) {
            status = KH_EXIT_USAGE;
            goto done;
        }
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde)
        b.ropts.epoch = strtoll(sde, NULL, 10);
    b.ropts.now = (long long)time(NULL);
    b.ropts.lang = doc_lang;

    /* Resolve the formats up front: a typo is a usage error, not a batch failure. */
    char *list = kh_strdup(formats), *save = NULL;
    for (char *tok = strtok_r(list, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        const kh_format *f = kh_format_find(tok);
        if (!f || b.n_fmts == MAX_FORMATS) {
            cli_say(lg, "build", "unknown format '%s'; see 'kehoach build --help'",
                    "không có định dạng '%s'; xem 'kehoach build --help'", tok);
            free(list);
            status = KH_EXIT_USAGE;
            goto done;
        }
        bool dup = false;
        for (size_t k = 0; k < b.n_fmts; k++)
            dup |= b.fmts[k] == f;
        if (!dup)
            b.fmts[b.n_fmts++] = f;
    }
    free(list);
    if (!in.n || !b.n_fmts) {
        cli_say(lg, "build", "no plan file given; see 'kehoach build --help'",
                "chưa chỉ ra tệp kế hoạch nào; xem 'kehoach build --help'");
        status = KH_EXIT_USAGE;
        goto done;
    }
    b.to_stdout = !strcmp(outdir, "-");
    if (b.to_stdout && (in.n != 1 || b.n_fmts != 1 || depfile)) {
        cli_say(lg, "build",
                "-o - writes one plan in one format to standard output (given: %zu plan(s), "
                "%zu format(s)%s)",
                "-o - ghi một kế hoạch, một định dạng ra đầu ra chuẩn (đã cho: %zu kế hoạch, "
                "%zu định dạng%s)",
                in.n, b.n_fmts, depfile ? ", --depfile" : "");
        status = KH_EXIT_USAGE;
        goto done;
    }
    if (b.to_stdout && b.checklist_separate) {
        cli_say(lg, "build",
                "--checklist=separate writes a second file: not with -o -",
                "--checklist=separate ghi thêm một tệp: không dùng cùng -o -");
        status = KH_EXIT_USAGE;
        goto done;
    }
    if (watch && (b.to_stdout || depfile)) {
        cli_say(lg, "build", "--watch writes files: not with -o - or --depfile",
                "--watch ghi ra tệp: không dùng cùng -o - hay --depfile");
        status = KH_EXIT_USAGE;
        goto done;
    }
    for (size_t i = 0; watch && i < in.n; i++)
        if (!strcmp(in.paths[i], "-")) {
            cli_say(lg, "build", "--watch cannot watch standard input (-)",
                    "--watch không theo dõi được đầu vào chuẩn (-)");
            status = KH_EXIT_USAGE;
            goto done;
        }
    if (b.to_stdout)
        quiet = true; /* standard output is the document; stderr keeps diagnostics */
    else if (mkdir_p(outdir) != 0 ||
             (b.dirfd = open(outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
        cli_say(lg, "build", "cannot use output directory %s: %s",
                "không dùng được thư mục đầu ra %s: %s", outdir, strerror(errno));
        status = KH_EXIT_USAGE;
        goto done;
    }
    b.outdir = outdir;

    run_opts ro = {lg, jobs, quiet, excerpts, depfile, outdir};
    status = run_batch(&b, &in, &ro);
    if (watch)
        status = cli_watch((const char *const *)in.paths, in.n, lg, watch_rebuild,
                           &(watch_ctx){&b, &in, &ro});
done:
    batch_clear(&b);
    if (b.dirfd >= 0)
        close(b.dirfd);
    cli_inputs_free(&in);
    return status;
}
