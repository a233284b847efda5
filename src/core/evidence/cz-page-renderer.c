/* cz-page-renderer.c — one worker per document, an LRU cache bounded in bytes
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#include <cairo.h>
#include <poppler.h>

#include "cz-evidence.h"
#include "cz-page-renderer.h"

struct _CzRenderedPage
{
  gatomicrefcount  ref_count;
  guint            index;
  int              width;
  int              height;
  gsize            stride;
  GBytes          *pixels;
};

CzRenderedPage *
cz_rendered_page_ref (CzRenderedPage *page)
{
  g_atomic_ref_count_inc (&page->ref_count);
  return page;
}

void
cz_rendered_page_unref (CzRenderedPage *page)
{
  if (page != NULL && g_atomic_ref_count_dec (&page->ref_count))
    {
      g_bytes_unref (page->pixels);
      g_free (page);
    }
}

guint  cz_rendered_page_get_index  (CzRenderedPage *page) { return page->index; }
int    cz_rendered_page_get_width  (CzRenderedPage *page) { return page->width; }
int    cz_rendered_page_get_height (CzRenderedPage *page) { return page->height; }
gsize  cz_rendered_page_get_stride (CzRenderedPage *page) { return page->stride; }
GBytes *cz_rendered_page_get_pixels (CzRenderedPage *page) { return page->pixels; }

typedef struct
{
  guint64         key;
  CzRenderedPage *page;
  GList           link;   /* in the LRU queue; data points to this entry */
} CacheEntry;

struct _CzPageRenderer
{
  GObject          parent_instance;

  GFile           *file;
  GThreadPool     *pool;     /* max one thread: the document's only worker */
  guint64          sequence;

  /* Touched by the worker only (and by finalize, when no job is left). */
  PopplerDocument *document;
  GError          *load_error;

  GMutex           mutex;    /* guards what follows */
  gboolean         loaded;
  guint            n_pages;
  double          *page_sizes; /* width, height pairs in points */
  GHashTable      *cache;    /* key → CacheEntry */
  GQueue           lru;      /* most recent at the head */
  gsize            cache_bytes;
  gsize            cache_limit;
  guint            n_rendered;
};

G_DEFINE_FINAL_TYPE (CzPageRenderer, cz_page_renderer, G_TYPE_OBJECT)

/* poppler's cairo backend shares one FreeType library between all documents,
 * and FreeType must not load fonts from two threads at once: pages of two
 * documents are rendered one after the other, each on its own worker. */
static GMutex render_lock;

typedef enum { JOB_LOAD, JOB_RENDER } JobKind;

typedef struct
{
  JobKind           kind;
  GTask            *task;
  guint             page;
  int               width;
  CzRenderPriority  priority;
  guint64           sequence;
  /* the outcome, returned on the task's own thread */
  CzRenderedPage   *result;
  GError           *error;
} Job;

static void
cache_entry_free (CacheEntry *entry)
{
  cz_rendered_page_unref (entry->page);
  g_free (entry);
}

static guint64
cache_key (guint page,
           int   width)
{
  return ((guint64) page << 32) | (guint32) width;
}

static void
cz_page_renderer_finalize (GObject *object)
{
  CzPageRenderer *self = CZ_PAGE_RENDERER (object);

  /* Every job holds a reference on its task and so on us: none is left. */
  g_thread_pool_free (self->pool, TRUE, TRUE);
  g_clear_object (&self->document);
  g_clear_error (&self->load_error);
  g_clear_object (&self->file);
  g_free (self->page_sizes);
  /* The queue's links live inside the entries: never g_queue_clear() it. */
  g_hash_table_destroy (self->cache);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cz_page_renderer_parent_class)->finalize (object);
}

static void
cz_page_renderer_class_init (CzPageRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_page_renderer_finalize;

#ifdef __GLIBC__
  /* Rendering a scan decodes images of tens of megabytes on the worker.
   * Once such a block is freed glibc raises its mmap threshold above it, so
   * the next ones come from the worker's arena and stay resident after they
   * are freed: 15 to 20 MB per arena, 80 MB more with 1 GiB of scans
   * previewed (bench-evidence). A fixed threshold hands blocks this large
   * back to the system as soon as they are freed. */
  mallopt (M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

static void run_job (gpointer data, gpointer user_data);

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *x = a, *y = b;

  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  /* Loading comes before anything; then the newest request first, which is
   * what is on screen now while scrolling. */
  if (x->kind != y->kind)
    return x->kind == JOB_LOAD ? -1 : 1;
  return x->sequence > y->sequence ? -1 : x->sequence < y->sequence;
}

static void
cz_page_renderer_init (CzPageRenderer *self)
{
  g_mutex_init (&self->mutex);
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                       (GDestroyNotify) cache_entry_free);
  /* Exclusive: the document's own thread, whose priority run_job() sets. */
  self->pool = g_thread_pool_new (run_job, self, 1, TRUE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
}

CzPageRenderer *
cz_page_renderer_new (GFile *file,
                      gsize  cache_bytes)
{
  CzPageRenderer *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CZ_TYPE_PAGE_RENDERER, NULL);
  self->file = g_object_ref (file);
  self->cache_limit = cache_bytes > 0 ? cache_bytes : CZ_PAGE_RENDERER_DEFAULT_CACHE_BYTES;
  return self;
}

GFile *
cz_page_renderer_get_file (CzPageRenderer *self)
{
  g_return_val_if_fail (CZ_IS_PAGE_RENDERER (self), NULL);
  return self->file;
}

/* On the worker. */
static gboolean
ensure_document (CzPageRenderer  *self,
                 GError         **error)
{
  g_autofree char *uri = NULL;
  g_autofree double *sizes = NULL;
  g_autoptr(GError) poppler_error = NULL;
  int n_pages;

  if (self->document != NULL)
    return TRUE;
  if (self->load_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->load_error));
      return FALSE;
    }

  uri = g_file_get_uri (self->file);
  self->document = poppler_document_new_from_file (uri, NULL, &poppler_error);
  if (self->document == NULL)
    {
      /* Callers need not know poppler: say it in the evidence store's words. */
      g_set_error_literal (&self->load_error, CZ_EVIDENCE_ERROR,
                           g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED)
                             ? CZ_EVIDENCE_ERROR_ENCRYPTED : CZ_EVIDENCE_ERROR_DAMAGED,
                           poppler_error != NULL ? poppler_error->message : "cannot open");
      g_propagate_error (error, g_error_copy (self->load_error));
      return FALSE;
    }

  n_pages = MAX (poppler_document_get_n_pages (self->document), 0);
  sizes = g_new0 (double, 2 * (gsize) n_pages + 2);
  /* Sizing every page of a long document costs more than rendering one:
   * until a page is rendered, it is taken to be the size of the first. */
  sizes[0] = 595.0;   /* A4, for a page poppler cannot size */
  sizes[1] = 842.0;
  if (n_pages > 0)
    {
      PopplerPage *first = poppler_document_get_page (self->document, 0);
      double width = 0, height = 0;

      if (first != NULL)
        {
          poppler_page_get_size (first, &width, &height);
          g_object_unref (first);
        }
      if (width > 0 && height > 0)
        {
          sizes[0] = width;
          sizes[1] = height;
        }
    }
  for (int i = 1; i < n_pages; i++)
    {
      sizes[2 * i] = sizes[0];
      sizes[2 * i + 1] = sizes[1];
    }

  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

    self->n_pages = (guint) n_pages;
    self->page_sizes = g_steal_pointer (&sizes);
    self->loaded = TRUE;
  }
  return TRUE;
}

static void
cache_insert (CzPageRenderer *self,
              CzRenderedPage *page)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  CacheEntry *entry;
  gsize bytes = g_bytes_get_size (page->pixels);

  if (bytes > self->cache_limit)
    return;

  entry = g_new0 (CacheEntry, 1);
  entry->key = cache_key (page->index, page->width);
  entry->page = cz_rendered_page_ref (page);
  entry->link.data = entry;

  if (g_hash_table_contains (self->cache, &entry->key))
    {
      CacheEntry *old = g_hash_table_lookup (self->cache, &entry->key);

      g_queue_unlink (&self->lru, &old->link);
      self->cache_bytes -= g_bytes_get_size (old->page->pixels);
      g_hash_table_remove (self->cache, &entry->key);
    }
  g_hash_table_insert (self->cache, &entry->key, entry);
  g_queue_push_head_link (&self->lru, &entry->link);
  self->cache_bytes += bytes;

  while (self->cache_bytes > self->cache_limit)
    {
      GList *last = g_queue_pop_tail_link (&self->lru);
      CacheEntry *victim = last->data;

      self->cache_bytes -= g_bytes_get_size (victim->page->pixels);
      g_hash_table_remove (self->cache, &victim->key);
    }
}

CzRenderedPage *
cz_page_renderer_lookup (CzPageRenderer *self,
                         guint           page,
                         int             width)
{
  g_autoptr(GMutexLocker) locker = NULL;
  guint64 key = cache_key (page, width);
  CacheEntry *entry;

  g_return_val_if_fail (CZ_IS_PAGE_RENDERER (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  entry = g_hash_table_lookup (self->cache, &key);
  if (entry == NULL)
    return NULL;
  g_queue_unlink (&self->lru, &entry->link);
  g_queue_push_head_link (&self->lru, &entry->link);
  return cz_rendered_page_ref (entry->page);
}

gsize
cz_page_renderer_get_cached_bytes (CzPageRenderer *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return self->cache_bytes;
}

guint
cz_page_renderer_get_n_rendered (CzPageRenderer *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return self->n_rendered;
}

/* On the worker. */
static CzRenderedPage *
render_page (CzPageRenderer  *self,
             guint            index,
             int              width,
             GError         **error)
{
  PopplerPage *page;
  CzRenderedPage *rendered;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width, page_height, scale;
  int height, stride;
  guint8 *pixels;

  if (!ensure_document (self, error))
    return NULL;
  if (index >= self->n_pages)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "no page %u", index + 1);
      return NULL;
    }

  page = poppler_document_get_page (self->document, (int) index);
  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
    double real_width = 0, real_height = 0;

    if (page != NULL)
      poppler_page_get_size (page, &real_width, &real_height);
    if (real_width > 0 && real_height > 0)
      {
        self->page_sizes[2 * index] = real_width;
        self->page_sizes[2 * index + 1] = real_height;
      }
    page_width = self->page_sizes[2 * index];
    page_height = self->page_sizes[2 * index + 1];
  }
  width = CLAMP (width, 1, CZ_PAGE_RENDERER_MAX_SIDE);
  scale = width / page_width;
  height = (int) ceil (page_height * scale);
  if (height > CZ_PAGE_RENDERER_MAX_SIDE)
    {
      height = CZ_PAGE_RENDERER_MAX_SIDE;
      scale = height / page_height;
    }
  height = MAX (height, 1);

  stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  pixels = g_try_malloc ((gsize) stride * (gsize) height);
  if (pixels == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "out of memory");
      g_clear_object (&page);
      return NULL;
    }
  surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_ARGB32, width, height, stride);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (page != NULL)
    {
      g_mutex_lock (&render_lock);
      poppler_page_render (page, cr);
      g_mutex_unlock (&render_lock);
      g_object_unref (page);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);

  rendered = g_new0 (CzRenderedPage, 1);
  g_atomic_ref_count_init (&rendered->ref_count);
  rendered->index = index;
  rendered->width = width;
  rendered->height = height;
  rendered->stride = (gsize) stride;
  rendered->pixels = g_bytes_new_take (pixels, (gsize) stride * (gsize) height);
  return rendered;
}

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_clear_pointer (&job->result, cz_rendered_page_unref);
  g_clear_error (&job->error);
  g_free (job);
}

/* On the task's thread: the task (and with it the renderer) is released
 * where it was made, never on the worker. */
static gboolean
return_job (gpointer data)
{
  Job *job = data;

  if (job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else if (job->kind == JOB_LOAD)
    g_task_return_boolean (job->task, TRUE);
  else
    g_task_return_pointer (job->task, g_steal_pointer (&job->result),
                           (GDestroyNotify) cz_rendered_page_unref);
  job_free (job);
  return G_SOURCE_REMOVE;
}

/* Thumbnails yield the CPU to the UI thread (on a two-core machine a
 * full-speed worker and the compositor would otherwise take turns with it);
 * the page being read does not wait behind anyone. */
static void
set_thread_priority (CzRenderPriority priority)
{
#ifdef __linux__
  static GPrivate current;
  int nice_value = priority == CZ_RENDER_PRIORITY_THUMBNAIL ? 10 : 0;

  if (GPOINTER_TO_INT (g_private_get (&current)) != nice_value + 1)
    {
      setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), nice_value);
      g_private_set (&current, GINT_TO_POINTER (nice_value + 1));
    }
#endif
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  CzPageRenderer *self = user_data;
  Job *job = data;
  GCancellable *cancellable = g_task_get_cancellable (job->task);

  set_thread_priority (job->priority);

  if (!g_cancellable_set_error_if_cancelled (cancellable, &job->error))
    {
      if (job->kind == JOB_LOAD)
        ensure_document (self, &job->error);
      else
        {
          job->result = cz_page_renderer_lookup (self, job->page, job->width);
          if (job->result == NULL)
            {
              job->result = render_page (self, job->page, job->width, &job->error);
              if (job->result != NULL)
                {
                  cache_insert (self, job->result);
                  g_mutex_lock (&self->mutex);
                  self->n_rendered++;
                  g_mutex_unlock (&self->mutex);
                }
            }
        }
    }

  g_main_context_invoke_full (g_task_get_context (job->task), G_PRIORITY_DEFAULT,
                              return_job, job, NULL);
}

static void
push_job (CzPageRenderer *self,
          Job            *job)
{
  job->sequence = ++self->sequence;
  g_thread_pool_push (self->pool, job, NULL);
}

void
cz_page_renderer_load_async (CzPageRenderer      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job;

  g_return_if_fail (CZ_IS_PAGE_RENDERER (self));

  job = g_new0 (Job, 1);
  job->kind = JOB_LOAD;
  job->priority = CZ_RENDER_PRIORITY_PAGE;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cz_page_renderer_load_async);
  push_job (self, job);
}

gboolean
cz_page_renderer_load_finish (CzPageRenderer  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
cz_page_renderer_is_loaded (CzPageRenderer *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return self->loaded;
}

guint
cz_page_renderer_get_n_pages (CzPageRenderer *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  return self->n_pages;
}

gboolean
cz_page_renderer_get_page_size (CzPageRenderer *self,
                                guint           page,
                                double         *width,
                                double         *height)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);

  if (!self->loaded || page >= self->n_pages)
    return FALSE;
  if (width != NULL)
    *width = self->page_sizes[2 * page];
  if (height != NULL)
    *height = self->page_sizes[2 * page + 1];
  return TRUE;
}

void
cz_page_renderer_render_async (CzPageRenderer      *self,
                               guint                page,
                               int                  width,
                               CzRenderPriority     priority,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job;

  g_return_if_fail (CZ_IS_PAGE_RENDERER (self));

  job = g_new0 (Job, 1);
  job->kind = JOB_RENDER;
  job->page = page;
  job->width = width;
  job->priority = priority;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, cz_page_renderer_render_async);
  push_job (self, job);
}

CzRenderedPage *
cz_page_renderer_render_finish (CzPageRenderer  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
