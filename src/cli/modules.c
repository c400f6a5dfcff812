/* modules.c — opens the PDF and Word modules (kehoach/module.h) the first
 * time the command writes a PDF, writes or reads a DOCX, or prints its
 * --version, and stands in for their entry points: kh_render_pdf,
 * kh_render_docx and kh_read_docx are defined here, in the command only,
 * and forward to the module (the library builds used by tests, fuzzers and
 * benches have the real functions instead). A module is looked up in
 *   $KEHOACH_MODULES, then <dir of the command>/modules (the build tree),
 *   then <dir of the command>/../lib/kehoach (make install),
 * and refused unless it was built from the same version and ABI. The
 * module table is process-wide (one dlopen per module, under a once). */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "kehoach/module.h"

typedef struct slot {
    const char *name;
    pthread_once_t once;
    const kh_module *module; /* NULL: could not be loaded */
    char why[8192];          /* why not, for the diagnostic */
} slot;

static slot slots[] = {
    {"pdf", PTHREAD_ONCE_INIT, NULL, ""},
    {"docx", PTHREAD_ONCE_INIT, NULL, ""},
};

static const kh_module *open_in(slot *s, const char *dir)
{
    char path[4096], sym[64];
    snprintf(path, sizeof path, "%s/%s.so", dir, s->name);
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        if (!s->why[0]) /* keep the first reason: the most specific place */
            snprintf(s->why, sizeof s->why, "%s", dlerror());
        return NULL;
    }
    snprintf(sym, sizeof sym, "kh_module_%s", s->name);
    const kh_module *m = dlsym(h, sym);
    if (!m) {
        snprintf(s->why, sizeof s->why, "%s: no symbol %s", path, sym);
    } else if (m->abi != KH_MODULE_ABI || strcmp(m->built_version, KH_VERSION) ||
               m->plan_size != sizeof(kh_plan) || m->opts_size != sizeof(kh_render_opts)) {
        snprintf(s->why, sizeof s->why,
                 "%s was built for kehoach %s (module ABI %d), not this %s (ABI %d)", path,
                 m->built_version, m->abi, KH_VERSION, KH_MODULE_ABI);
        m = NULL;
    }
    if (!m)
        dlclose(h);
    return m;
}

static void load(slot *s)
{
    const char *env = getenv("KEHOACH_MODULES");
    if (env && *env) { /* an explicit place is the only one tried */
        s->module = open_in(s, env);
        return;
    }
    char exe[4096], dir[4200];
    cli_exe_dir(exe, sizeof exe);
    snprintf(dir, sizeof dir, "%s/modules", exe);
    if ((s->module = open_in(s, dir)))
        return;
    snprintf(dir, sizeof dir, "%s/../lib/kehoach", exe);
    s->module = open_in(s, dir);
}

static void load_pdf(void) { load(&slots[0]); }
static void load_docx(void) { load(&slots[1]); }

const kh_module *cli_module(const char *name, const char **why)
{
    slot *s = !strcmp(name, "pdf") ? &slots[0] : &slots[1];
    pthread_once(&s->once, s == &slots[0] ? load_pdf : load_docx);
    if (why)
        *why = s->why;
    return s->module;
}

/* Opening a module (dlopen of it and of what it brings: HarfBuzz, libharu,
 * zlib … with their relocations) costs milliseconds a build spends before
 * its first page; a thread started before the plan is loaded and checked
 * does it meanwhile on the other core. cli_module's once makes the first
 * real use wait for it; cli_module_wait joins the thread. */
static void *prefetch_main(void *arg)
{
    cli_module(arg, NULL);
    return NULL;
}

bool cli_module_prefetch(const char *name, pthread_t *t)
{
    return pthread_create(t, NULL, prefetch_main, (void *)name) == 0;
}

void cli_module_wait(pthread_t t)
{
    pthread_join(t, NULL);
}

/* The diagnostic for a module that cannot be loaded, once per output. */
static const kh_module *need(const char *name, const char *file, kh_diags *d)
{
    const char *why;
    const kh_module *m = cli_module(name, &why);
    if (!m)
        kh_diag(d, file, (kh_pos){0, 0}, KH_ERROR, "IO-MODULE",
                "cannot load kehoach's %s module: %s (set KEHOACH_MODULES to the directory "
                "holding %s.so, or reinstall kehoach)",
                "không nạp được mô-đun %s của kehoach: %s (đặt KEHOACH_MODULES là thư mục "
                "chứa %s.so, hoặc cài lại kehoach)",
                name, why, name);
    return m;
}

int kh_render_pdf(const kh_plan *p, const kh_render_opts *o, kh_buf *out, kh_diags *diags)
{
    const kh_module *m = need("pdf", p ? p->path : NULL, diags);
    return m ? m->render(p, o, out, diags) : 1;
}

int kh_render_docx(const kh_plan *p, const kh_render_opts *o, kh_buf *out, kh_diags *diags)
{
    const kh_module *m = need("docx", p ? p->path : NULL, diags);
    return m ? m->render(p, o, out, diags) : 1;
}

int kh_read_docx(const char *path, const char *data, size_t len, kh_src *doc, kh_diags *d)
{
    const kh_module *m = need("docx", path, d);
    return m ? m->read(path, data, len, doc, d) : -1;
}
