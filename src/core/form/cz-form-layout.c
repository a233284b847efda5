/* cz-form-layout.c — ruled tables and wrapped text on A4 pages, for the 申报表
 *
 * Two passes: layout places every piece of text (a PangoLayout) and every
 * rule on its page; rendering then draws the pages with their decoration
 * (watermark, running header, footer, "第 N 页 共 M 页"), the count known.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "cz-form.h"
#include "cz-form-layout.h"

/* A4 in points, and the page's furniture. */
#define PAGE_WIDTH     595.276
#define PAGE_HEIGHT    841.890
#define MARGIN_LEFT    56.0
#define MARGIN_RIGHT   56.0
#define MARGIN_TOP     62.0
#define MARGIN_BOTTOM  78.0
#define BODY_WIDTH     (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define CELL_PAD_X     4.0
#define CELL_PAD_Y     3.5
#define RULE_WIDTH     0.6
/* A heading needs this much room under it, or it moves to the next page. */
#define KEEP_WITH_NEXT 48.0
/* Less room than this at the foot of a page is not worth splitting a row into. */
#define MIN_SPLIT      28.0

/* Serif (宋体-like) for what was answered, sans (黑体-like) for headings:
 * the ministry's forms look like that. Pango falls back along the list. */
#define FONT_BODY      "Noto Serif CJK SC,Noto Sans CJK SC,serif"
#define FONT_HEADING   "Noto Sans CJK SC,sans-serif"
#define FONT_MONO      "Noto Sans Mono CJK SC,Noto Sans CJK SC,monospace"
#define SIZE_BODY      9.5
#define SIZE_HEADING   12.0
#define SIZE_FOOTER    7.5

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_SPACE,
  BLOCK_PAGE_BREAK,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  char     *text;
  guint     span;
  gboolean  bold;
  gboolean  shaded;
} Cell;

typedef struct
{
  GPtrArray *cells;
  double     min_height;
} Row;

struct _CzFormTable
{
  guint      n_columns;
  double    *x;          /* n_columns + 1 edges, in points from the left margin */
  Row       *header;
  GPtrArray *rows;
};

typedef struct
{
  BlockKind    kind;
  char        *text;
  double       size;
  double       keep;    /* a heading: the room it needs below it */
  CzFormTable *table;
} Block;

struct _CzFormDoc
{
  GPtrArray *blocks;
};

static void
cell_free (Cell *cell)
{
  g_free (cell->text);
  g_free (cell);
}

static void
row_free (Row *row)
{
  if (row == NULL)
    return;
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
table_free (CzFormTable *table)
{
  if (table == NULL)
    return;
  g_free (table->x);
  row_free (table->header);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  table_free (block->table);
  g_free (block);
}

CzFormDoc *
cz_form_doc_new (void)
{
  CzFormDoc *doc = g_new0 (CzFormDoc, 1);

  doc->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return doc;
}

void
cz_form_doc_free (CzFormDoc *doc)
{
  if (doc == NULL)
    return;
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

static Block *
add_block (CzFormDoc  *doc,
           BlockKind   kind,
           const char *text,
           double      size)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text ? text : "");
  block->size = size;
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
cz_form_doc_add_title (CzFormDoc  *doc,
                       const char *text,
                       double      size)
{
  add_block (doc, BLOCK_TITLE, text, size);
}

void
cz_form_doc_add_heading (CzFormDoc  *doc,
                         const char *text)
{
  cz_form_doc_add_heading_keep (doc, text, KEEP_WITH_NEXT);
}

void
cz_form_doc_add_heading_keep (CzFormDoc  *doc,
                              const char *text,
                              double      points)
{
  add_block (doc, BLOCK_HEADING, text, SIZE_HEADING)->keep = points;
}

void
cz_form_doc_add_paragraph (CzFormDoc  *doc,
                           const char *text)
{
  add_block (doc, BLOCK_PARAGRAPH, text, SIZE_BODY);
}

void
cz_form_doc_add_space (CzFormDoc *doc,
                       double     points)
{
  add_block (doc, BLOCK_SPACE, NULL, points);
}

void
cz_form_doc_add_page_break (CzFormDoc *doc)
{
  add_block (doc, BLOCK_PAGE_BREAK, NULL, 0);
}

CzFormTable *
cz_form_doc_add_table (CzFormDoc    *doc,
                       guint         n_columns,
                       const double *widths)
{
  Block *block = add_block (doc, BLOCK_TABLE, NULL, SIZE_BODY);
  CzFormTable *table = g_new0 (CzFormTable, 1);
  double sum = 0, at = 0;

  g_return_val_if_fail (n_columns > 0, NULL);

  for (guint i = 0; i < n_columns; i++)
    sum += widths[i];
  table->n_columns = n_columns;
  table->x = g_new0 (double, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      table->x[i] = at;
      at += BODY_WIDTH * widths[i] / sum;
    }
  table->x[n_columns] = BODY_WIDTH;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  block->table = table;
  return table;
}

static Row *
row_new (CzFormTable        *table,
         const char * const *texts,
         gboolean            bold,
         gboolean            shaded)
{
  Row *row = g_new0 (Row, 1);
  guint column = 0;

  row->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  while (column < table->n_columns)
    {
      Cell *cell = g_new0 (Cell, 1);

      cell->text = g_strdup (texts[row->cells->len] ? texts[row->cells->len] : "");
      cell->bold = bold;
      cell->shaded = shaded;
      cell->span = 1;
      g_ptr_array_add (row->cells, cell);
      column++;
      if (column < table->n_columns && texts[row->cells->len] == NULL)
        {
          cell->span += table->n_columns - column;
          column = table->n_columns;
        }
    }
  return row;
}

void
cz_form_table_set_header (CzFormTable        *table,
                          const char * const *texts)
{
  row_free (table->header);
  table->header = row_new (table, texts, TRUE, TRUE);
}

void
cz_form_table_add_row (CzFormTable        *table,
                       const char * const *texts)
{
  g_ptr_array_add (table->rows, row_new (table, texts, FALSE, FALSE));
}

void
cz_form_table_add_total_row (CzFormTable        *table,
                             const char * const *texts)
{
  g_ptr_array_add (table->rows, row_new (table, texts, TRUE, TRUE));
}

void
cz_form_table_add_field (CzFormTable *table,
                         const char  *label,
                         const char  *value)
{
  const char *texts[] = { label, value, NULL };
  Row *row = row_new (table, texts, FALSE, FALSE);
  Cell *first = g_ptr_array_index (row->cells, 0);

  first->shaded = TRUE;
  g_ptr_array_add (table->rows, row);
}

void
cz_form_table_set_row_min_height (CzFormTable *table,
                                  double       points)
{
  g_return_if_fail (table->rows->len > 0);
  ((Row *) g_ptr_array_index (table->rows, table->rows->len - 1))->min_height = points;
}

/* ---------------------------------------------------------------------- */
/* Layout                                                                   */

typedef enum
{
  OP_TEXT,
  OP_FILL,
  OP_STROKE,
} OpKind;

typedef struct
{
  OpKind       kind;
  double       x, y, width, height;
  PangoLayout *layout;
} Op;

static void
op_free (Op *op)
{
  g_clear_object (&op->layout);
  g_free (op);
}

typedef struct
{
  PangoContext *context;
  GPtrArray    *pages;   /* of GPtrArray of Op */
  GPtrArray    *page;    /* the last one */
  double        y;
} Layout;

static void
new_page (Layout *layout)
{
  layout->page = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  g_ptr_array_add (layout->pages, layout->page);
  layout->y = MARGIN_TOP;
}

static double
room (Layout *layout)
{
  return PAGE_HEIGHT - MARGIN_BOTTOM - layout->y;
}

static void
add_op (Layout      *layout,
        OpKind       kind,
        double       x,
        double       y,
        double       width,
        double       height,
        PangoLayout *text)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->x = x;
  op->y = y;
  op->width = width;
  op->height = height;
  op->layout = text ? g_object_ref (text) : NULL;
  g_ptr_array_add (layout->page, op);
}

static PangoLayout *
make_text (PangoContext   *context,
           const char     *text,
           const char     *family,
           double          size,
           gboolean        bold,
           double          width,
           PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The byte offset of the first line that does not fit in @height (the
 * whole text's length when all fit). */
static int
split_offset (PangoLayout *layout,
              double       height)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int offset = (int) strlen (pango_layout_get_text (layout));

  do
    {
      PangoRectangle rect;

      pango_layout_iter_get_line_extents (iter, NULL, &rect);
      if ((double) (rect.y + rect.height) / PANGO_SCALE > height)
        {
          offset = pango_layout_iter_get_index (iter);
          break;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return offset;
}

/* A copy of @layout holding only @text. */
static PangoLayout *
layout_with_text (PangoLayout *layout,
                  const char  *text)
{
  PangoLayout *copy = pango_layout_copy (layout);

  pango_layout_set_text (copy, text, -1);
  return copy;
}

/* Splits @layout's text at @offset: the head loses its trailing line break. */
static void
split_text (PangoLayout  *layout,
            int           offset,
            PangoLayout **head,
            PangoLayout **tail)
{
  const char *text = pango_layout_get_text (layout);
  g_autofree char *first = g_strndup (text, offset);

  g_strchomp (first);
  *head = layout_with_text (layout, first);
  *tail = layout_with_text (layout, text + offset);
}

/* A block of text across the body width, split between pages if it must. */
static void
place_text (Layout      *layout,
            PangoLayout *text,
            double       space_after)
{
  g_autoptr(PangoLayout) rest = g_object_ref (text);

  for (;;)
    {
      double height = text_height (rest);
      int offset;
      g_autoptr(PangoLayout) head = NULL;
      g_autoptr(PangoLayout) tail = NULL;

      if (height <= room (layout))
        {
          add_op (layout, OP_TEXT, MARGIN_LEFT, layout->y, BODY_WIDTH, height, rest);
          layout->y += height + space_after;
          return;
        }
      offset = split_offset (rest, room (layout));
      if (offset == 0)
        {
          new_page (layout);
          continue;
        }
      split_text (rest, offset, &head, &tail);
      add_op (layout, OP_TEXT, MARGIN_LEFT, layout->y, BODY_WIDTH, text_height (head), head);
      new_page (layout);
      g_set_object (&rest, tail);
    }
}

typedef struct
{
  PangoLayout *text;
  double       x, width;
  gboolean     shaded;
} LaidCell;

static void
laid_cell_clear (LaidCell *cell)
{
  g_clear_object (&cell->text);
}

static GArray *
lay_row (Layout      *layout,
         CzFormTable *table,
         Row         *row)
{
  GArray *cells = g_array_sized_new (FALSE, TRUE, sizeof (LaidCell), row->cells->len);
  guint column = 0;

  g_array_set_clear_func (cells, (GDestroyNotify) laid_cell_clear);
  for (guint i = 0; i < row->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (row->cells, i);
      LaidCell laid = { 0 };

      laid.x = MARGIN_LEFT + table->x[column];
      laid.width = table->x[column + cell->span] - table->x[column];
      laid.shaded = cell->shaded;
      laid.text = make_text (layout->context, cell->text, cell->bold ? FONT_HEADING : FONT_BODY, SIZE_BODY,
                             cell->bold, laid.width - 2 * CELL_PAD_X,
                             cell->bold && row->cells->len > 1 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
      g_array_append_val (cells, laid);
      column += cell->span;
    }
  return cells;
}

static double
row_height (GArray *cells,
            double  min_height)
{
  double height = 0;

  for (guint i = 0; i < cells->len; i++)
    height = MAX (height, text_height (g_array_index (cells, LaidCell, i).text));
  return MAX (height + 2 * CELL_PAD_Y, min_height);
}

static void
draw_row (Layout  *layout,
          GArray  *cells,
          double   height,
          gboolean top)
{
  for (guint i = 0; i < cells->len; i++)
    {
      LaidCell *cell = &g_array_index (cells, LaidCell, i);
      double text = text_height (cell->text);

      if (cell->shaded)
        add_op (layout, OP_FILL, cell->x, layout->y, cell->width, height, NULL);
      add_op (layout, OP_STROKE, cell->x, layout->y, cell->width, height, NULL);
      /* Short cells sit in the middle of their row, as on a printed form;
       * a box left for a signature keeps its label at the top. */
      add_op (layout, OP_TEXT, cell->x + CELL_PAD_X,
              layout->y + (top ? CELL_PAD_Y : (height - text) / 2),
              cell->width - 2 * CELL_PAD_X, text, cell->text);
    }
  layout->y += height;
}

static void
place_header (Layout      *layout,
              CzFormTable *table)
{
  g_autoptr(GArray) cells = NULL;

  if (table->header == NULL)
    return;
  cells = lay_row (layout, table, table->header);
  draw_row (layout, cells, row_height (cells, 0), FALSE);
}

static double
header_height (Layout      *layout,
               CzFormTable *table)
{
  g_autoptr(GArray) cells = NULL;

  if (table->header == NULL)
    return 0;
  cells = lay_row (layout, table, table->header);
  return row_height (cells, 0);
}

static void
place_table (Layout      *layout,
             CzFormTable *table)
{
  double header = header_height (layout, table);
  double full = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - header;

  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);
      g_autoptr(GArray) cells = lay_row (layout, table, row);

      if (r == 0)
        {
          /* The header never stands alone at the foot of a page. */
          if (header + MIN (row_height (cells, row->min_height), MIN_SPLIT) > room (layout))
            new_page (layout);
          place_header (layout, table);
        }

      for (;;)
        {
          double height = row_height (cells, row->min_height);
          double available = room (layout);
          g_autoptr(GArray) rest = NULL;

          if (height <= available)
            {
              draw_row (layout, cells, height, row->min_height > height - 1);
              break;
            }
          if (height <= full || available < MIN_SPLIT)
            {
              new_page (layout);
              place_header (layout, table);
              continue;
            }

          /* Taller than a page: the lines that fit here, the rest on the next. */
          rest = g_array_sized_new (FALSE, TRUE, sizeof (LaidCell), cells->len);
          g_array_set_clear_func (rest, (GDestroyNotify) laid_cell_clear);
          for (guint i = 0; i < cells->len; i++)
            {
              LaidCell *cell = &g_array_index (cells, LaidCell, i);
              LaidCell tail = *cell;
              PangoLayout *head = NULL;
              int offset = split_offset (cell->text, available - 2 * CELL_PAD_Y);

              split_text (cell->text, offset, &head, &tail.text);
              g_object_unref (cell->text);
              cell->text = head;
              g_array_append_val (rest, tail);
            }
          draw_row (layout, cells, available, TRUE);
          new_page (layout);
          place_header (layout, table);
          g_array_unref (cells);
          cells = g_steal_pointer (&rest);
          row->min_height = 0;
        }
    }
}

static void
lay_out (Layout    *layout,
         CzFormDoc *doc)
{
  new_page (layout);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);
      g_autoptr(PangoLayout) text = NULL;

      switch (block->kind)
        {
        case BLOCK_TITLE:
          text = make_text (layout->context, block->text, FONT_HEADING, block->size, TRUE, BODY_WIDTH,
                            PANGO_ALIGN_CENTER);
          place_text (layout, text, block->size * 0.6);
          break;
        case BLOCK_HEADING:
          text = make_text (layout->context, block->text, FONT_HEADING, block->size, TRUE, BODY_WIDTH,
                            PANGO_ALIGN_LEFT);
          if (layout->y > MARGIN_TOP)
            layout->y += 10;
          if (text_height (text) + block->keep > room (layout))
            new_page (layout);
          place_text (layout, text, 6);
          break;
        case BLOCK_PARAGRAPH:
          text = make_text (layout->context, block->text, FONT_BODY, block->size, FALSE, BODY_WIDTH,
                            PANGO_ALIGN_LEFT);
          pango_layout_set_spacing (text, 2 * PANGO_SCALE);
          place_text (layout, text, 6);
          break;
        case BLOCK_SPACE:
          if (block->size >= room (layout))
            new_page (layout);
          else
            layout->y += block->size;
          break;
        case BLOCK_PAGE_BREAK:
          if (layout->y > MARGIN_TOP)
            new_page (layout);
          break;
        case BLOCK_TABLE:
          place_table (layout, block->table);
          layout->y += 6;
          break;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Rendering                                                                */

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* One line: page furniture never pushes into the body. */
static void
draw_centered (cairo_t      *cr,
               PangoContext *context,
               const char   *text,
               const char   *family,
               double        size,
               double        y)
{
  g_autoptr(PangoLayout) layout = make_text (context, text, family, size, FALSE, BODY_WIDTH, PANGO_ALIGN_CENTER);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);

  cairo_move_to (cr, MARGIN_LEFT, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_watermark (cairo_t      *cr,
                PangoContext *context)
{
  g_autoptr(PangoLayout) layout = make_text (context, "草稿", FONT_HEADING, 150, TRUE, 2 * BODY_WIDTH,
                                             PANGO_ALIGN_LEFT);
  int width, height;

  pango_layout_set_width (layout, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_save (cr);
  cairo_translate (cr, PAGE_WIDTH / 2, PAGE_HEIGHT / 2);
  cairo_rotate (cr, -G_PI / 4);
  cairo_move_to (cr, -(double) width / PANGO_SCALE / 2, -(double) height / PANGO_SCALE / 2);
  cairo_set_source_rgb (cr, 0.88, 0.88, 0.88);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_page (cairo_t           *cr,
           PangoContext      *context,
           GPtrArray         *ops,
           guint              number,
           guint              n_pages,
           const CzFormDecor *decor)
{
  g_autofree char *page_number = g_strdup_printf ("第 %u 页 共 %u 页", number, n_pages);
  double y = PAGE_HEIGHT - MARGIN_BOTTOM + 14;

  if (decor->draft)
    draw_watermark (cr, context);

  cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = g_ptr_array_index (ops, i);

      if (op->kind == OP_FILL)
        {
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_fill (cr);
        }
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, RULE_WIDTH);
  for (guint i = 0; i < ops->len; i++)
    {
      Op *op = g_ptr_array_index (ops, i);

      switch (op->kind)
        {
        case OP_STROKE:
          cairo_rectangle (cr, op->x, op->y, op->width, op->height);
          cairo_stroke (cr);
          break;
        case OP_TEXT:
          cairo_move_to (cr, op->x, op->y);
          pango_cairo_show_layout (cr, op->layout);
          break;
        case OP_FILL:
          break;
        }
    }

  if (number > 1 && decor->running_header != NULL)
    {
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      draw_centered (cr, context, decor->running_header, FONT_BODY, SIZE_FOOTER, MARGIN_TOP - 26);
      cairo_move_to (cr, MARGIN_LEFT, MARGIN_TOP - 12);
      cairo_line_to (cr, PAGE_WIDTH - MARGIN_RIGHT, MARGIN_TOP - 12);
      cairo_stroke (cr);
    }

  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  for (guint i = 0; decor->footer_lines != NULL && decor->footer_lines[i] != NULL; i++)
    {
      draw_centered (cr, context, decor->footer_lines[i], FONT_MONO, SIZE_FOOTER - 0.5, y);
      y += SIZE_FOOTER + 4;
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_centered (cr, context, page_number, FONT_BODY, SIZE_FOOTER + 1, MAX (y, PAGE_HEIGHT - 40));
}

GBytes *
cz_form_doc_render (CzFormDoc         *doc,
                    const CzFormDecor *decor,
                    guint             *n_pages,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  PangoContext *context = NULL;
  PangoFontMap *font_map = NULL;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  Layout layout = { 0 };

  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "中外中小企业合作区申报表");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "CoopZone " PACKAGE_VERSION);
  if (decor->creation_date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, decor->creation_date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, decor->creation_date);
    }
  cr = cairo_create (surface);

  /* A font map of our own: the default one is per thread but never freed. */
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_update_context (cr, context);

  layout.context = context;
  layout.pages = pages;
  lay_out (&layout, doc);

  for (guint i = 0; i < pages->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      draw_page (cr, context, g_ptr_array_index (pages, i), i + 1, pages->len, decor);
      cairo_show_page (cr);
    }
  g_object_unref (context);
  g_object_unref (font_map);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CZ_FORM_ERROR, CZ_FORM_ERROR_RENDER,
                   _("The application form could not be drawn (%s). Check that the Noto CJK fonts are installed, then try again."),
                   cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages != NULL)
    *n_pages = pages->len;
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}
