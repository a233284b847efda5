/* cz-roster.c — the zone's enterprises: imported, checked, classified, totalled
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cz-credit-code.h"
#include "cz-digest.h"
#include "cz-fields.h"
#include "cz-roster.h"

/* Figures no enterprise of a cooperation zone reaches: a unit mistake. */
#define ABSURD_EMPLOYEES     G_GINT64_CONSTANT (1000000)
#define ABSURD_REVENUE_FEN   (G_GINT64_CONSTANT (1000000000000) * 100)   /* 1 万亿元 */
#define ABSURD_ASSETS_FEN    (G_GINT64_CONSTANT (10000000000000) * 100)  /* 10 万亿元 */
#define ALL_TOTALS           ((1u << CZ_ROSTER_N_TOTALS) - 1)
#define BLOCKS(t)            (1u << (t))

static const CzRosterColumn flag_columns[4] = {
  CZ_ROSTER_FOREIGN_INVESTED, CZ_ROSTER_SPECIALISED, CZ_ROSTER_LITTLE_GIANT, CZ_ROSTER_HIGH_TECH,
};
static const CzRosterTotal flag_totals[4] = {
  CZ_ROSTER_TOTAL_FOREIGN_INVESTED, CZ_ROSTER_TOTAL_SPECIALISED,
  CZ_ROSTER_TOTAL_LITTLE_GIANTS, CZ_ROSTER_TOTAL_HIGH_TECH,
};

struct _CzRoster
{
  GObject          parent_instance;

  char            *source_name;
  char            *source_sha256;
  CzTextEncoding   encoding;
  CzRosterMapping *mapping;
  GStrv            header;
  guint            n_header;
  GArray          *entries;      /* CzRosterEntry */
  GStringChunk    *strings;
  GPtrArray       *problems;     /* CzRosterProblem */
  GHashTable      *codes;        /* code → first row */
  GHashTable      *names;        /* name → first row */
  guint            blocking[CZ_ROSTER_N_TOTALS];
  gint64           totals[CZ_ROSTER_N_TOTALS];
  gboolean         has_source_row;   /* a stored roster: its "row" column */
  int              source_row_column;
};

G_DEFINE_FINAL_TYPE (CzRoster, cz_roster, G_TYPE_OBJECT)

static void
problem_free (gpointer data)
{
  CzRosterProblem *problem = data;

  g_free (problem->value);
  g_free (problem->message);
  g_free (problem);
}

static void
cz_roster_finalize (GObject *object)
{
  CzRoster *self = CZ_ROSTER (object);

  g_free (self->source_name);
  g_free (self->source_sha256);
  g_clear_pointer (&self->mapping, cz_roster_mapping_free);
  g_strfreev (self->header);
  g_array_unref (self->entries);
  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->problems);
  g_hash_table_unref (self->codes);
  g_hash_table_unref (self->names);

  G_OBJECT_CLASS (cz_roster_parent_class)->finalize (object);
}

static void
cz_roster_class_init (CzRosterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_roster_finalize;
}

static void
cz_roster_init (CzRoster *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (CzRosterEntry));
  self->strings = g_string_chunk_new (256 * 1024);
  self->problems = g_ptr_array_new_with_free_func (problem_free);
  self->codes = g_hash_table_new (g_str_hash, g_str_equal);
  self->names = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_row_column = -1;
}

void
cz_roster_import_options_init (CzRosterImportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->encoding = CZ_TEXT_ENCODING_AUTO;
}

/* ---- problems -------------------------------------------------------------- */

static void add_problem (CzRoster *self, guint row, CzRosterColumn column, CzRosterSeverity severity,
                         const char *code, const char *value, guint blocks, const char *format, ...) G_GNUC_PRINTF (8, 9);

static void
add_problem (CzRoster         *self,
             guint             row,
             CzRosterColumn    column,
             CzRosterSeverity  severity,
             const char       *code,
             const char       *value,
             guint             blocks,
             const char       *format,
             ...)
{
  CzRosterProblem *problem = g_new0 (CzRosterProblem, 1);
  va_list args;

  problem->row = row;
  problem->column = column;
  problem->severity = severity;
  problem->code = code;
  problem->value = g_strdup (value ? value : "");
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  if (severity == CZ_ROSTER_ERROR_SEVERITY)
    {
      problem->blocks = blocks;
      for (guint t = 0; t < CZ_ROSTER_N_TOTALS; t++)
        if (blocks & BLOCKS (t))
          self->blocking[t]++;
    }
  g_ptr_array_add (self->problems, problem);
}

/* ---- cell values ----------------------------------------------------------- */

/* Surrounding and repeated white space (ASCII, full-width, line breaks)
 * removed; @changed says whether anything was. */
static char *
normalise_text (const char *text,
                gboolean   *changed)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  *changed = strcmp (out->str, text) != 0;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

typedef enum
{
  NUMBER_OK,
  NUMBER_EMPTY,
  NUMBER_INVALID,
  NUMBER_TOO_BIG,
} NumberResult;

/* A decimal such as "1,234.5", "１２０", "1.2E+3", "120人" as an integer scaled by
 * 10^@scale, rounded half up. @folded says full-width digits or spaces were
 * normalised. */
static NumberResult
parse_scaled (const char *text,
              guint       scale,
              gint64     *out,
              gboolean   *folded)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  gboolean negative = FALSE, seen_point = FALSE;
  int point = -1, exponent = 0;
  gint64 value = 0;
  gint64 whole_digits;

  *folded = nfkc == NULL || strcmp (nfkc, text) != 0;
  if (nfkc == NULL)
    return NUMBER_INVALID;
  p = nfkc;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '\0')
    return NUMBER_EMPTY;
  if (g_str_has_prefix (p, "¥"))
    p += strlen ("¥");
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '.' && !seen_point)
        {
          seen_point = TRUE;
          point = digits->len;
        }
      else if (*p == ',' && !seen_point)
        continue;
      else if ((*p == 'e' || *p == 'E') && digits->len > 0)
        {
          char *end = NULL;
          gint64 e = g_ascii_strtoll (p + 1, &end, 10);

          if (end == p + 1 || e > 30 || e < -30)
            return NUMBER_INVALID;
          exponent = (int) e;
          p = end - 1;
        }
      else if (g_ascii_isspace (*p))
        *folded = TRUE;
      else
        break;
    }
  /* A unit after the figure, as people type it: 120人, 300万元. */
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' && !(g_str_equal (p, "人") || g_str_equal (p, "万元") || g_str_equal (p, "元") ||
                       g_str_equal (p, "万") || g_str_equal (p, "亿元")))
    return NUMBER_INVALID;
  if (digits->len == 0)
    return NUMBER_INVALID;
  if (point < 0)
    point = digits->len;

  /* The digits before the scaled value's point. */
  whole_digits = (gint64) point + exponent + scale;
  for (gint64 i = 0; i < whole_digits; i++)
    {
      int d = i < (gint64) digits->len ? digits->str[i] - '0' : 0;

      if (i < 0)
        continue;
      if (value > (G_MAXINT64 - d) / 10)
        return NUMBER_TOO_BIG;
      value = value * 10 + d;
    }
  if (whole_digits >= 0 && whole_digits < (gint64) digits->len && digits->str[whole_digits] >= '5')
    value++;
  *out = negative ? -value : value;
  return NUMBER_OK;
}

static gboolean
is_exponent_notation (const char *text)
{
  const char *e = strpbrk (text, "eE");
  return e != NULL && (e[1] == '+' || g_ascii_isdigit (e[1])) && g_ascii_isdigit (text[0]);
}

static CzRosterFlag
parse_flag (const char *text)
{
  static const char *yes[] = { "是", "y", "yes", "1", "√", "✓", "✔", "true", "有", "是的", "☑", NULL };
  static const char *no[] = { "否", "n", "no", "0", "×", "✗", "x", "false", "无", "不是", "-", "/", "—", NULL };
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *lower = NULL;
  gboolean unused;
  g_autofree char *trimmed = NULL;

  if (nfkc == NULL)
    return CZ_ROSTER_FLAG_UNKNOWN;
  trimmed = normalise_text (nfkc, &unused);
  lower = g_utf8_strdown (trimmed, -1);
  if (lower[0] == '\0')
    return CZ_ROSTER_FLAG_NO;
  for (guint i = 0; yes[i]; i++)
    if (strcmp (lower, yes[i]) == 0)
      return CZ_ROSTER_FLAG_YES;
  for (guint i = 0; no[i]; i++)
    if (strcmp (lower, no[i]) == 0)
      return CZ_ROSTER_FLAG_NO;
  /* "是（国家级）", "是，2023年认定" */
  if (g_str_has_prefix (lower, "是"))
    return CZ_ROSTER_FLAG_YES;
  if (g_str_has_prefix (lower, "否"))
    return CZ_ROSTER_FLAG_NO;
  return CZ_ROSTER_FLAG_UNKNOWN;
}

/* The rule's industry for what the roster says; -1 when it says nothing
 * usable, -2 when it names a sector that spans two of the rule's industries. */
static int
classify_industry (const char *text)
{
  static const struct { const char *word; int industry; } words[] = {
    /* GB/T 4754 sectors the 2011 rule splits: the user must say which. */
    { "批发和零售", -2 }, { "批发零售", -2 }, { "交通运输、仓储和邮政", -2 }, { "交通运输仓储和邮政", -2 },
    { "住宿和餐饮", -2 }, { "住宿餐饮", -2 }, { "信息传输、软件和信息技术服务", -2 },
    { "信息传输软件和信息技术服务", -2 }, { "房地产业", -2 },
    { "制造", CZ_SME_INDUSTRY_INDUSTRY }, { "加工", CZ_SME_INDUSTRY_INDUSTRY },
    { "采矿", CZ_SME_INDUSTRY_INDUSTRY }, { "采选", CZ_SME_INDUSTRY_INDUSTRY },
    { "电力", CZ_SME_INDUSTRY_INDUSTRY }, { "热力", CZ_SME_INDUSTRY_INDUSTRY },
    { "燃气", CZ_SME_INDUSTRY_INDUSTRY }, { "水生产", CZ_SME_INDUSTRY_INDUSTRY },
    { "工业", CZ_SME_INDUSTRY_INDUSTRY },
    { "建筑", CZ_SME_INDUSTRY_CONSTRUCTION }, { "施工", CZ_SME_INDUSTRY_CONSTRUCTION },
    { "批发", CZ_SME_INDUSTRY_WHOLESALE }, { "零售", CZ_SME_INDUSTRY_RETAIL },
    { "仓储", CZ_SME_INDUSTRY_WAREHOUSING }, { "邮政", CZ_SME_INDUSTRY_POSTAL }, { "快递", CZ_SME_INDUSTRY_POSTAL },
    { "交通运输", CZ_SME_INDUSTRY_TRANSPORT }, { "运输", CZ_SME_INDUSTRY_TRANSPORT }, { "物流", CZ_SME_INDUSTRY_TRANSPORT },
    { "住宿", CZ_SME_INDUSTRY_ACCOMMODATION }, { "酒店", CZ_SME_INDUSTRY_ACCOMMODATION },
    { "餐饮", CZ_SME_INDUSTRY_CATERING },
    { "软件", CZ_SME_INDUSTRY_SOFTWARE }, { "信息技术服务", CZ_SME_INDUSTRY_SOFTWARE },
    { "信息传输", CZ_SME_INDUSTRY_INFORMATION_TRANSMISSION }, { "电信", CZ_SME_INDUSTRY_INFORMATION_TRANSMISSION },
    { "互联网", CZ_SME_INDUSTRY_INFORMATION_TRANSMISSION },
    { "房地产开发", CZ_SME_INDUSTRY_REAL_ESTATE }, { "物业", CZ_SME_INDUSTRY_PROPERTY_MANAGEMENT },
    { "租赁", CZ_SME_INDUSTRY_LEASING_BUSINESS }, { "商务服务", CZ_SME_INDUSTRY_LEASING_BUSINESS },
    { "农", CZ_SME_INDUSTRY_AGRICULTURE }, { "林业", CZ_SME_INDUSTRY_AGRICULTURE },
    { "畜牧", CZ_SME_INDUSTRY_AGRICULTURE }, { "牧业", CZ_SME_INDUSTRY_AGRICULTURE },
    { "渔", CZ_SME_INDUSTRY_AGRICULTURE },
  };
  CzSmeIndustry industry;

  if (text[0] == '\0')
    return -1;
  for (guint i = 0; i < CZ_SME_N_INDUSTRIES; i++)
    if (strcmp (text, cz_sme_industry_get_name_zh (i)) == 0)
      return i;
  if (cz_sme_industry_from_id (text, &industry))
    return industry;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (text, words[i].word) != NULL)
      return words[i].industry;
  return CZ_SME_INDUSTRY_OTHER;
}

/* "2024-03-01", "2024/3/1", "2024.3.1", "2024年3月1日", "2024年3月" → ISO. */
static char *
parse_date (const char *text,
            CzCellKind  kind)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  guint y = 0, m = 0, d = 1;
  const char *p;
  char *end;

  if (kind == CZ_CELL_NUMBER)
    return cz_spreadsheet_serial_to_iso (g_ascii_strtod (text, NULL), FALSE);
  if (nfkc == NULL)
    return NULL;
  p = nfkc;
  y = (guint) g_ascii_strtoull (p, &end, 10);
  if (end == p || end - p != 4)
    return NULL;
  p = end;
  if (*p == '-' || *p == '/' || *p == '.')
    p++;
  else if (g_str_has_prefix (p, "年"))
    p += strlen ("年");
  else
    return NULL;
  m = (guint) g_ascii_strtoull (p, &end, 10);
  if (end == p)
    return NULL;
  p = end;
  if (*p == '-' || *p == '/' || *p == '.' || g_str_has_prefix (p, "月"))
    {
      p += g_str_has_prefix (p, "月") ? strlen ("月") : 1;
      if (*p != '\0')
        {
          d = (guint) g_ascii_strtoull (p, &end, 10);
          if (end == p)
            return NULL;
          p = end;
          if (g_str_has_prefix (p, "日"))
            p += strlen ("日");
        }
    }
  while (*p == ' ' || *p == 'T' || g_ascii_isdigit (*p) || *p == ':')
    p++;
  if (*p != '\0' || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/* ---- reading rows ---------------------------------------------------------- */

typedef struct
{
  CzRoster                    *roster;
  const CzRosterImportOptions *options;
  gboolean                     have_header;
  const char                  *name;       /* display name, for messages */
  char                        *today;
} ImportState;

static const char *
cell_text (const CzSheetRow *row,
           int               source,
           CzCellKind       *kind)
{
  if (source < 0 || (guint) source >= row->n_cells)
    {
      if (kind)
        *kind = CZ_CELL_EMPTY;
      return "";
    }
  if (kind)
    *kind = row->kinds[source];
  return row->cells[source];
}

static const char *
intern (CzRoster   *self,
        const char *text)
{
  /* Not deduplicated: names and codes are unique, and hashing each costs more. */
  return text ? g_string_chunk_insert (self->strings, text) : NULL;
}

static gboolean
take_header (ImportState       *state,
             const CzSheetRow  *row,
             GError           **error)
{
  CzRoster *self = state->roster;
  g_autoptr(CzRosterMapping) mapping = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;

  for (guint i = 0; i < row->n_cells; i++)
    g_strv_builder_add (builder, row->cells[i]);
  self->header = g_strv_builder_end (builder);
  self->n_header = row->n_cells;

  if (state->options->mapping != NULL)
    mapping = cz_roster_mapping_copy (state->options->mapping);
  else
    mapping = cz_roster_mapping_load_remembered ((const char * const *) self->header, self->n_header);
  if (mapping == NULL)
    mapping = cz_roster_mapping_new_for_header ((const char * const *) self->header, self->n_header);

  for (guint i = 0; i < self->n_header; i++)
    if (strcmp (self->header[i], "row") == 0)
      self->source_row_column = i;

  for (guint c = 0; c < CZ_ROSTER_N_COLUMNS; c++)
    if (cz_roster_column_is_required (c) && cz_roster_mapping_get_source (mapping, c) < 0)
      {
        g_autofree char *found = g_strjoinv ("、", self->header);

        g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MISSING_COLUMN,
                     _("“%s” has no column for “%s” in its first row (%u), which reads: %s. Choose "
                       "the column in the import's mapping, or give the column that header."),
                     state->name, cz_roster_column_get_label (c), row->number, found);
        return FALSE;
      }
  self->mapping = g_steal_pointer (&mapping);
  state->have_header = TRUE;
  return TRUE;
}

static gint64
read_figure (CzRoster         *self,
             const CzSheetRow *row,
             CzRosterColumn    column,
             guint             blocks,
             gint64           *out_raw)
{
  CzCellKind kind;
  const char *text = cell_text (row, cz_roster_mapping_get_source (self->mapping, column), &kind);
  CzMoneyUnit unit = cz_roster_mapping_get_unit (self->mapping, column);
  guint scale = column == CZ_ROSTER_EMPLOYEES ? 0 : unit == CZ_MONEY_UNIT_YUAN ? 2 : unit == CZ_MONEY_UNIT_WAN ? 6 : 10;
  gint64 value = -1, absurd;
  gboolean folded = FALSE;
  const char *label = cz_roster_column_get_label (column);

  *out_raw = -1;
  if (cz_roster_mapping_get_source (self->mapping, column) < 0)
    return -1;
  switch (parse_scaled (text, scale, &value, &folded))
    {
    case NUMBER_EMPTY:
      return -1;
    case NUMBER_INVALID:
      add_problem (self, row->number, column, CZ_ROSTER_ERROR_SEVERITY, "not-a-number", text, blocks,
                   _("Row %u: %s “%s” is not a number. Write the figure alone, such as 1200.5."),
                   row->number, label, text);
      return -1;
    case NUMBER_TOO_BIG:
      add_problem (self, row->number, column, CZ_ROSTER_ERROR_SEVERITY, "absurd-figure", text, blocks,
                   _("Row %u: %s “%s” is far too large. Check the figure and its unit."),
                   row->number, label, text);
      return -1;
    case NUMBER_OK:
    default:
      break;
    }
  if (folded && kind != CZ_CELL_NUMBER)
    add_problem (self, row->number, column, CZ_ROSTER_NOTE_SEVERITY, "normalised", text, 0,
                 _("Row %u: %s “%s” had full-width digits or spaces; read as a plain number."),
                 row->number, label, text);
  if (value < 0)
    {
      add_problem (self, row->number, column, CZ_ROSTER_ERROR_SEVERITY, "negative", text, blocks,
                   _("Row %u: %s is negative (%s). Correct the figure."), row->number, label, text);
      return -1;
    }
  if (column == CZ_ROSTER_EMPLOYEES)
    {
      gint64 exact;
      gboolean unused;

      /* A whole number of people: 12.5 is a typing mistake. */
      if (parse_scaled (text, 3, &exact, &unused) == NUMBER_OK && exact % 1000 != 0)
        {
          add_problem (self, row->number, column, CZ_ROSTER_ERROR_SEVERITY, "not-whole", text, blocks,
                       _("Row %u: %s “%s” is not a whole number of people."), row->number, label, text);
          return -1;
        }
    }
  absurd = column == CZ_ROSTER_EMPLOYEES ? ABSURD_EMPLOYEES
         : column == CZ_ROSTER_REVENUE ? ABSURD_REVENUE_FEN : ABSURD_ASSETS_FEN;
  if (value >= absurd)
    {
      add_problem (self, row->number, column, CZ_ROSTER_ERROR_SEVERITY, "absurd-figure", text, blocks,
                   _("Row %u: %s “%s” is beyond any enterprise of a zone. Check the figure and "
                     "its unit (the column's header says which: 元, 万元 or 亿元)."),
                   row->number, label, text);
      return -1;
    }
  *out_raw = value;
  return value;
}

static void
check_credit_code (ImportState      *state,
                   const CzSheetRow *row,
                   CzRosterEntry    *entry)
{
  CzRoster *self = state->roster;
  CzCellKind kind;
  const char *text = cell_text (row, cz_roster_mapping_get_source (self->mapping, CZ_ROSTER_CREDIT_CODE), &kind);
  const char *label = cz_roster_column_get_label (CZ_ROSTER_CREDIT_CODE);
  g_autofree char *code = NULL;
  g_autoptr(GString) compact = NULL;
  g_autoptr(GError) error = NULL;
  gpointer first;

  if (text[0] == '\0')
    {
      add_problem (self, row->number, CZ_ROSTER_CREDIT_CODE, CZ_ROSTER_ERROR_SEVERITY, "missing", text, ALL_TOTALS,
                   _("Row %u: the unified social credit code is missing. Copy it from the business licence."),
                   row->number);
      return;
    }
  if (kind == CZ_CELL_NUMBER || is_exponent_notation (text))
    {
      /* Kept as read, so the stored roster still says what was wrong. */
      entry->credit_code = intern (self, text);
      add_problem (self, row->number, CZ_ROSTER_CREDIT_CODE, CZ_ROSTER_ERROR_SEVERITY, "code-as-number", text, ALL_TOTALS,
                   _("Row %u: the credit code “%s” was turned into a number by the spreadsheet "
                     "program and its last digits are lost; it cannot be recovered from this file. "
                     "Format the column as Text and type the code again from the business licence."),
                   row->number, text);
      return;
    }
  code = cz_credit_code_normalize (text);
  compact = g_string_new (NULL);
  for (const char *p = code; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && g_utf8_get_char (p) != 0x3000 && *p != '-')
      g_string_append_unichar (compact, g_utf8_get_char (p));
  if (strcmp (compact->str, text) != 0)
    add_problem (self, row->number, CZ_ROSTER_CREDIT_CODE, CZ_ROSTER_NOTE_SEVERITY, "normalised", text, 0,
                 _("Row %u: %s “%s” had full-width characters, spaces or lower-case letters; read as %s."),
                 row->number, label, text, compact->str);
  entry->credit_code = intern (self, compact->str);
  if (!cz_credit_code_validate (compact->str, &error))
    {
      add_problem (self, row->number, CZ_ROSTER_CREDIT_CODE, CZ_ROSTER_ERROR_SEVERITY,
                   error->code == CZ_CREDIT_CODE_ERROR_CHECK_CHARACTER ? "check-character" : "invalid-code",
                   text, ALL_TOTALS,
                   /* Translators: the last %s says what is wrong with the code */
                   _("Row %u: the credit code %s is not valid: %s."),
                   row->number, compact->str, error->message);
      return;
    }
  if (g_hash_table_lookup_extended (self->codes, entry->credit_code, NULL, &first))
    {
      add_problem (self, row->number, CZ_ROSTER_CREDIT_CODE, CZ_ROSTER_ERROR_SEVERITY, "duplicate-code", text, ALL_TOTALS,
                   _("Row %u: the credit code %s is also on row %u: the enterprise would be counted "
                     "twice. Delete one of the rows, or correct the code."),
                   row->number, entry->credit_code, GPOINTER_TO_UINT (first));
      return;
    }
  g_hash_table_insert (self->codes, (gpointer) entry->credit_code, GUINT_TO_POINTER (row->number));
}

static gboolean
take_row (ImportState       *state,
          const CzSheetRow  *row,
          GError           **error)
{
  CzRoster *self = state->roster;
  CzRosterMapping *mapping = self->mapping;
  CzRosterEntry entry = { 0 };
  const char *text;
  CzCellKind kind;
  gboolean changed;
  g_autofree char *name = NULL;
  gint64 raw;
  gpointer first;

  entry.row = row->number;
  if (self->source_row_column >= 0)
    {
      guint64 n = g_ascii_strtoull (cell_text (row, self->source_row_column, NULL), NULL, 10);
      if (n > 0 && n < G_MAXUINT)
        entry.row = (guint) n;
    }
  {
    CzSheetRow shown = *row;
    shown.number = entry.row;
    row = &shown;

    /* The name. */
    text = cell_text (row, cz_roster_mapping_get_source (mapping, CZ_ROSTER_NAME), NULL);
    name = normalise_text (text, &changed);
    if (changed && name[0] != '\0')
      add_problem (self, row->number, CZ_ROSTER_NAME, CZ_ROSTER_NOTE_SEVERITY, "normalised", text, 0,
                   _("Row %u: spaces removed around or inside the name “%s”."), row->number, name);
    if (name[0] == '\0')
      add_problem (self, row->number, CZ_ROSTER_NAME, CZ_ROSTER_ERROR_SEVERITY, "missing", text, ALL_TOTALS,
                   _("Row %u: the enterprise name is missing. Fill it in as on the business licence."),
                   row->number);
    entry.name = intern (self, name);
    if (name[0] != '\0')
      {
        if (g_hash_table_lookup_extended (self->names, entry.name, NULL, &first))
          add_problem (self, row->number, CZ_ROSTER_NAME, CZ_ROSTER_WARNING_SEVERITY, "duplicate-name", name, 0,
                       _("Row %u: “%s” is also the name on row %u. If it is the same enterprise, "
                         "delete one of the rows."), row->number, name, GPOINTER_TO_UINT (first));
        else
          g_hash_table_insert (self->names, (gpointer) entry.name, GUINT_TO_POINTER (row->number));
      }

    check_credit_code (state, row, &entry);

    /* Industry and figures. */
    text = cell_text (row, cz_roster_mapping_get_source (mapping, CZ_ROSTER_INDUSTRY), NULL);
    {
      g_autofree char *industry = normalise_text (text, &changed);

      entry.industry = intern (self, industry);
      entry.sme_industry = classify_industry (industry);
      if (cz_roster_mapping_get_source (mapping, CZ_ROSTER_INDUSTRY) >= 0)
        {
          if (entry.sme_industry == -1)
            add_problem (self, row->number, CZ_ROSTER_INDUSTRY, CZ_ROSTER_ERROR_SEVERITY, "missing", text,
                         BLOCKS (CZ_ROSTER_TOTAL_SME),
                         _("Row %u: the industry is missing; the enterprise cannot be classified as an SME or not."),
                         row->number);
          else if (entry.sme_industry == -2)
            add_problem (self, row->number, CZ_ROSTER_INDUSTRY, CZ_ROSTER_ERROR_SEVERITY, "ambiguous-industry", text,
                         BLOCKS (CZ_ROSTER_TOTAL_SME),
                         _("Row %u: the industry “%s” spans two classes of the SME rule (such as 批发业 "
                           "and 零售业). Write the one the enterprise belongs to."), row->number, industry);
        }
    }
    /* A figure in error counts as not given: the SME count is blocked only
     * when the figures left cannot decide (the "size-unknown" error below). */
    entry.employees = read_figure (self, row, CZ_ROSTER_EMPLOYEES, 0, &raw);
    entry.revenue_fen = read_figure (self, row, CZ_ROSTER_REVENUE, BLOCKS (CZ_ROSTER_TOTAL_REVENUE), &raw);
    entry.total_assets_fen = read_figure (self, row, CZ_ROSTER_TOTAL_ASSETS, 0, &raw);
    if (cz_roster_mapping_get_source (mapping, CZ_ROSTER_REVENUE) >= 0 && entry.revenue_fen < 0 &&
        cell_text (row, cz_roster_mapping_get_source (mapping, CZ_ROSTER_REVENUE), NULL)[0] == '\0')
      add_problem (self, row->number, CZ_ROSTER_REVENUE, CZ_ROSTER_ERROR_SEVERITY, "missing", "",
                   BLOCKS (CZ_ROSTER_TOTAL_REVENUE),
                   _("Row %u: the operating revenue is missing; the zone's revenue cannot be totalled "
                     "without it. Write 0 for an enterprise without revenue."), row->number);

    for (guint f = 0; f < G_N_ELEMENTS (flag_columns); f++)
      {
        int source = cz_roster_mapping_get_source (mapping, flag_columns[f]);

        entry.flags[f] = CZ_ROSTER_FLAG_UNKNOWN;
        if (source < 0)
          continue;
        text = cell_text (row, source, NULL);
        entry.flags[f] = parse_flag (text);
        if (entry.flags[f] == CZ_ROSTER_FLAG_UNKNOWN)
          add_problem (self, row->number, flag_columns[f], CZ_ROSTER_ERROR_SEVERITY, "not-yes-no", text,
                       BLOCKS (flag_totals[f]),
                       _("Row %u: %s says “%s”; write 是 or 否."), row->number,
                       cz_roster_column_get_label (flag_columns[f]), text);
      }

    text = cell_text (row, cz_roster_mapping_get_source (mapping, CZ_ROSTER_ENTERED), &kind);
    if (text[0] != '\0')
      {
        g_autofree char *iso = kind == CZ_CELL_DATE ? g_strdup (text) : parse_date (text, kind);

        if (iso == NULL)
          add_problem (self, row->number, CZ_ROSTER_ENTERED, CZ_ROSTER_WARNING_SEVERITY, "not-a-date", text, 0,
                       _("Row %u: the date of entry “%s” is not a date; write it as 2024-03-01."),
                       row->number, text);
        else if (strcmp (iso, state->today) > 0)
          add_problem (self, row->number, CZ_ROSTER_ENTERED, CZ_ROSTER_WARNING_SEVERITY, "future-date", text, 0,
                       _("Row %u: the date of entry %s is after today."), row->number, iso);
        entry.entered = iso ? intern (self, iso) : NULL;
      }

    /* The size class, and whether the enterprise is an SME. */
    entry.sme = CZ_SME_STATUS_UNKNOWN;
    entry.size = CZ_SME_SIZE_UNKNOWN;
    if (entry.sme_industry >= 0)
      {
        gint64 revenue_wan = entry.revenue_fen >= 0 ? entry.revenue_fen / CZ_FEN_PER_WAN : -1;
        gint64 assets_wan = entry.total_assets_fen >= 0 ? entry.total_assets_fen / CZ_FEN_PER_WAN : -1;
        g_autofree char *rule = NULL;

        entry.sme = cz_sme_classify (entry.sme_industry, entry.employees, revenue_wan, assets_wan, NULL);
        entry.size = cz_sme_classify_size (entry.sme_industry, entry.employees, revenue_wan, assets_wan, &rule);
        entry.size_rule = intern (self, rule);
        if (entry.sme == CZ_SME_STATUS_UNKNOWN &&
            cz_roster_mapping_get_source (mapping, CZ_ROSTER_INDUSTRY) >= 0)
          add_problem (self, row->number, CZ_ROSTER_NO_COLUMN, CZ_ROSTER_ERROR_SEVERITY, "size-unknown", "",
                       BLOCKS (CZ_ROSTER_TOTAL_SME),
                       _("Row %u: whether “%s” is an SME cannot be decided: %s. Fill in the figures "
                         "the rule for %s uses."), row->number, entry.name, rule,
                       cz_sme_industry_get_name_zh (entry.sme_industry));
      }
  }
  g_array_append_val (self->entries, entry);
  return TRUE;
}

static gboolean
on_row (const CzSheetRow  *row,
        gpointer           user_data,
        GError           **error)
{
  ImportState *state = user_data;

  if (!state->have_header)
    return take_header (state, row, error);
  return take_row (state, row, error);
}

static void
compute_totals (CzRoster *self)
{
  memset (self->totals, 0, sizeof self->totals);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const CzRosterEntry *entry = &g_array_index (self->entries, CzRosterEntry, i);

      self->totals[CZ_ROSTER_TOTAL_ENTERPRISES]++;
      if (entry->sme == CZ_SME_STATUS_SME)
        self->totals[CZ_ROSTER_TOTAL_SME]++;
      for (guint f = 0; f < G_N_ELEMENTS (flag_totals); f++)
        if (entry->flags[f] == CZ_ROSTER_FLAG_YES)
          self->totals[flag_totals[f]]++;
      if (entry->revenue_fen > 0)
        self->totals[CZ_ROSTER_TOTAL_REVENUE] += entry->revenue_fen;
    }
}

static char *
hash_file (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autofree guint8 *buffer = NULL;
  CzSha256 *sha;
  guint8 digest[32];
  gssize n;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (256 * 1024);
  sha = cz_sha256_new ();
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 256 * 1024, NULL, error)) > 0)
    cz_sha256_update (sha, buffer, n);
  cz_sha256_finish (sha, digest);   /* frees it */
  if (n < 0)
    return NULL;
  return cz_hex_encode (digest, sizeof digest);
}

CzRoster *
cz_roster_import (const char                  *path,
                  const CzRosterImportOptions *options,
                  CzSheetProgressFunc          progress,
                  gpointer                     progress_data,
                  GCancellable                *cancellable,
                  GError                     **error)
{
  g_autoptr(CzRoster) self = g_object_new (CZ_TYPE_ROSTER, NULL);
  g_autofree char *name = g_filename_display_basename (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  CzRosterImportOptions defaults;
  CzSpreadsheetOptions read_options;
  ImportState state = { 0 };
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  if (options == NULL)
    {
      cz_roster_import_options_init (&defaults);
      options = &defaults;
    }
  cz_spreadsheet_options_init (&read_options);
  read_options.sheet = options->sheet;
  read_options.encoding = options->encoding;
  read_options.progress = progress;
  read_options.progress_data = progress_data;

  state.roster = self;
  state.options = options;
  state.name = name;
  state.today = g_date_time_format (now, "%Y-%m-%d");
  ok = cz_spreadsheet_read (path, &read_options, on_row, &state, &self->encoding, cancellable, error);
  g_free (state.today);
  if (!ok)
    return NULL;
  if (!state.have_header || self->entries->len == 0)
    {
      g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_EMPTY,
                   state.have_header
                   ? _("“%s” has a header row but no enterprise below it. Check that the right sheet is chosen.")
                   : _("“%s” has no rows. Check that the right sheet is chosen."), name);
      return NULL;
    }
  self->source_name = g_steal_pointer (&name);
  self->source_sha256 = hash_file (path, error);
  if (self->source_sha256 == NULL)
    return NULL;
  compute_totals (self);
  return g_steal_pointer (&self);
}

/* ---- async ------------------------------------------------------------------ */

typedef struct
{
  char                  *path;
  CzRosterImportOptions  options;
  CzSheetProgressFunc    progress;
  gpointer               progress_data;
  GMainContext          *context;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->options.mapping, cz_roster_mapping_free);
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  ImportJob *job;
  double     fraction;
} ProgressCall;

static gboolean
deliver_progress (gpointer data)
{
  ProgressCall *call = data;

  call->job->progress (call->fraction, call->job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
relay_progress (double   fraction,
                gpointer user_data)
{
  ImportJob *job = user_data;
  ProgressCall *call = g_new (ProgressCall, 1);

  call->job = job;
  call->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress, call, g_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;
  CzRoster *roster = cz_roster_import (job->path, &job->options,
                                       job->progress ? relay_progress : NULL, job,
                                       cancellable, &error);

  if (roster == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, roster, g_object_unref);
}

void
cz_roster_import_async (const char                  *path,
                        const CzRosterImportOptions *options,
                        CzSheetProgressFunc          progress,
                        gpointer                     progress_data,
                        GCancellable                *cancellable,
                        GAsyncReadyCallback          callback,
                        gpointer                     user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportJob *job = g_new0 (ImportJob, 1);

  job->path = g_strdup (path);
  if (options != NULL)
    job->options = *options;
  else
    cz_roster_import_options_init (&job->options);
  if (job->options.mapping != NULL)
    job->options.mapping = cz_roster_mapping_copy (job->options.mapping);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_source_tag (task, cz_roster_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

CzRoster *
cz_roster_import_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- preview ---------------------------------------------------------------- */

typedef struct
{
  GPtrArray *rows;
  guint      wanted;
} Preview;

static gboolean
preview_row (const CzSheetRow  *row,
             gpointer           user_data,
             GError           **error)
{
  Preview *preview = user_data;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < row->n_cells; i++)
    g_strv_builder_add (builder, row->cells[i]);
  g_ptr_array_add (preview->rows, g_strv_builder_end (builder));
  return preview->rows->len < preview->wanted;
}

GPtrArray *
cz_roster_preview (const char      *path,
                   guint            sheet,
                   CzTextEncoding   encoding,
                   guint            n_rows,
                   GError         **error)
{
  Preview preview = { g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev), MAX (n_rows, 1) };
  CzSpreadsheetOptions options;

  cz_spreadsheet_options_init (&options);
  options.sheet = sheet;
  options.encoding = encoding;
  if (!cz_spreadsheet_read (path, &options, preview_row, &preview, NULL, NULL, error))
    {
      g_ptr_array_unref (preview.rows);
      return NULL;
    }
  return preview.rows;
}

/* ---- getters ---------------------------------------------------------------- */

const char *
cz_roster_get_source_name (CzRoster *self)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);
  return self->source_name;
}

const char *
cz_roster_get_source_sha256 (CzRoster *self)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);
  return self->source_sha256;
}

CzTextEncoding
cz_roster_get_encoding (CzRoster *self)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), CZ_TEXT_ENCODING_AUTO);
  return self->encoding;
}

const CzRosterMapping *
cz_roster_get_mapping (CzRoster *self)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);
  return self->mapping;
}

const char * const *
cz_roster_get_header (CzRoster *self,
                      guint    *n_cells)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);
  if (n_cells)
    *n_cells = self->n_header;
  return (const char * const *) self->header;
}

guint
cz_roster_get_n_entries (CzRoster *self)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), 0);
  return self->entries->len;
}

const CzRosterEntry *
cz_roster_get_entry (CzRoster *self,
                     guint     index)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, CzRosterEntry, index);
}

guint
cz_roster_get_n_problems (CzRoster *self)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), 0);
  return self->problems->len;
}

const CzRosterProblem *
cz_roster_get_problem (CzRoster *self,
                       guint     index)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);
  return g_ptr_array_index (self->problems, index);
}

guint
cz_roster_count_problems (CzRoster         *self,
                          CzRosterSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (CZ_IS_ROSTER (self), 0);
  for (guint i = 0; i < self->problems->len; i++)
    n += ((CzRosterProblem *) g_ptr_array_index (self->problems, i))->severity == severity;
  return n;
}

static gboolean
total_has_column (CzRoster      *self,
                  CzRosterTotal  total)
{
  switch (total)
    {
    case CZ_ROSTER_TOTAL_ENTERPRISES:
      return TRUE;
    case CZ_ROSTER_TOTAL_SME:
      return cz_roster_mapping_get_source (self->mapping, CZ_ROSTER_INDUSTRY) >= 0;
    case CZ_ROSTER_TOTAL_REVENUE:
      return cz_roster_mapping_get_source (self->mapping, CZ_ROSTER_REVENUE) >= 0;
    case CZ_ROSTER_TOTAL_FOREIGN_INVESTED:
    case CZ_ROSTER_TOTAL_SPECIALISED:
    case CZ_ROSTER_TOTAL_LITTLE_GIANTS:
    case CZ_ROSTER_TOTAL_HIGH_TECH:
      for (guint f = 0; f < G_N_ELEMENTS (flag_totals); f++)
        if (flag_totals[f] == total)
          return cz_roster_mapping_get_source (self->mapping, flag_columns[f]) >= 0;
      return FALSE;
    case CZ_ROSTER_N_TOTALS:
    default:
      return FALSE;
    }
}

gboolean
cz_roster_get_total (CzRoster      *self,
                     CzRosterTotal  total,
                     gint64        *out_value,
                     guint         *out_blocking)
{
  g_return_val_if_fail (CZ_IS_ROSTER (self), FALSE);
  g_return_val_if_fail ((guint) total < CZ_ROSTER_N_TOTALS, FALSE);

  if (out_value)
    *out_value = self->totals[total];
  if (out_blocking)
    *out_blocking = self->blocking[total];
  return total_has_column (self, total) && self->blocking[total] == 0;
}

const char *
cz_roster_total_get_label (CzRosterTotal total)
{
  static const char *labels[CZ_ROSTER_N_TOTALS] = {
    N_("Enterprises"), N_("SMEs"), N_("Foreign-invested enterprises"),
    N_("Specialised and innovative SMEs"), N_("“Little giant” enterprises"),
    N_("High-tech enterprises"), N_("Operating revenue"),
  };

  g_return_val_if_fail ((guint) total < CZ_ROSTER_N_TOTALS, NULL);
  return _(labels[total]);
}

char *
cz_roster_total_dup_field_id (CzRosterTotal total,
                              guint         year)
{
  switch (total)
    {
    case CZ_ROSTER_TOTAL_ENTERPRISES:
      return cz_field_id_for_year (CZ_FIELD_ENTERPRISES_TOTAL_Y, year);
    case CZ_ROSTER_TOTAL_SME:
      return cz_field_id_for_year (CZ_FIELD_ENTERPRISES_SME_Y, year);
    case CZ_ROSTER_TOTAL_FOREIGN_INVESTED:
      return cz_field_id_for_year (CZ_FIELD_ENTERPRISES_FOREIGN_Y, year);
    case CZ_ROSTER_TOTAL_SPECIALISED:
      return g_strdup (CZ_FIELD_INDICATORS_PREFIX "specialized_smes");
    case CZ_ROSTER_TOTAL_LITTLE_GIANTS:
      return g_strdup (CZ_FIELD_INDICATORS_PREFIX "little_giants");
    case CZ_ROSTER_TOTAL_HIGH_TECH:
      return g_strdup (CZ_FIELD_INDICATORS_PREFIX "high_tech_enterprises");
    case CZ_ROSTER_TOTAL_REVENUE:
      return cz_field_id_for_year (CZ_FIELD_REVENUE_TOTAL_Y, year);
    case CZ_ROSTER_N_TOTALS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- CSV out ------------------------------------------------------------------ */

static void
csv_append (GString    *out,
            const char *text,
            gboolean    last)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ",");
}

/* Fen as 万元, without trailing zeros: 12345600 → "12.3456". */
static char *
format_wan (gint64 fen)
{
  g_autofree char *text = NULL;
  char *end;

  if (fen < 0)
    return g_strdup ("");
  text = g_strdup_printf ("%" G_GINT64_FORMAT ".%06" G_GINT64_FORMAT, fen / CZ_FEN_PER_WAN, fen % CZ_FEN_PER_WAN);
  end = text + strlen (text) - 1;
  while (*end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return g_steal_pointer (&text);
}

static const char *
flag_text (CzRosterFlag flag)
{
  return flag == CZ_ROSTER_FLAG_YES ? "1" : flag == CZ_ROSTER_FLAG_NO ? "0" : "";
}

/* The columns of data/roster.csv, in order; those the imported roster did
 * not have are left out (docs/roster-format.md). */
typedef enum
{
  OUT_ROW, OUT_NAME, OUT_CREDIT_CODE, OUT_INDUSTRY, OUT_SME_INDUSTRY, OUT_EMPLOYEES, OUT_REVENUE,
  OUT_TOTAL_ASSETS, OUT_FOREIGN_INVESTED, OUT_SPECIALISED, OUT_LITTLE_GIANT, OUT_HIGH_TECH,
  OUT_ENTERED, OUT_SIZE_CLASS, OUT_SIZE_RULE, N_OUT,
} OutColumn;

static const struct
{
  const char     *id;
  CzRosterColumn  source;   /* present when this source column was mapped */
} out_columns[N_OUT] = {
  { "row", CZ_ROSTER_NAME }, { "name", CZ_ROSTER_NAME }, { "credit_code", CZ_ROSTER_CREDIT_CODE },
  { "industry", CZ_ROSTER_INDUSTRY }, { "sme_industry", CZ_ROSTER_INDUSTRY },
  { "employees", CZ_ROSTER_EMPLOYEES }, { "revenue_wan", CZ_ROSTER_REVENUE },
  { "total_assets_wan", CZ_ROSTER_TOTAL_ASSETS }, { "foreign_invested", CZ_ROSTER_FOREIGN_INVESTED },
  { "specialised", CZ_ROSTER_SPECIALISED }, { "little_giant", CZ_ROSTER_LITTLE_GIANT },
  { "high_tech", CZ_ROSTER_HIGH_TECH }, { "entered", CZ_ROSTER_ENTERED },
  { "size_class", CZ_ROSTER_INDUSTRY }, { "size_rule", CZ_ROSTER_INDUSTRY },
};

static char *
out_cell (const CzRosterEntry *e,
          OutColumn            column)
{
  switch (column)
    {
    case OUT_ROW:
      return g_strdup_printf ("%u", e->row);
    case OUT_NAME:
      return g_strdup (e->name);
    case OUT_CREDIT_CODE:
      return g_strdup (e->credit_code);
    case OUT_INDUSTRY:
      return g_strdup (e->industry);
    case OUT_SME_INDUSTRY:
      return g_strdup (e->sme_industry >= 0 ? cz_sme_industry_to_id (e->sme_industry) : "");
    case OUT_EMPLOYEES:
      return e->employees >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, e->employees) : g_strdup ("");
    case OUT_REVENUE:
      return format_wan (e->revenue_fen);
    case OUT_TOTAL_ASSETS:
      return format_wan (e->total_assets_fen);
    case OUT_FOREIGN_INVESTED:
    case OUT_SPECIALISED:
    case OUT_LITTLE_GIANT:
    case OUT_HIGH_TECH:
      return g_strdup (flag_text (e->flags[column - OUT_FOREIGN_INVESTED]));
    case OUT_ENTERED:
      return g_strdup (e->entered);
    case OUT_SIZE_CLASS:
      return g_strdup (cz_sme_size_to_id (e->size));
    case OUT_SIZE_RULE:
      return g_strdup (e->size_rule);
    case N_OUT:
    default:
      g_return_val_if_reached (NULL);
    }
}

GBytes *
cz_roster_to_csv (CzRoster *self)
{
  gboolean present[N_OUT];
  int last = 0;
  GString *out;

  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);

  for (guint c = 0; c < N_OUT; c++)
    {
      present[c] = cz_roster_mapping_get_source (self->mapping, out_columns[c].source) >= 0;
      if (present[c])
        last = c;
    }
  out = g_string_sized_new (self->entries->len * 200 + 256);
  for (guint c = 0; c < N_OUT; c++)
    if (present[c])
      csv_append (out, out_columns[c].id, (int) c == last);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const CzRosterEntry *e = &g_array_index (self->entries, CzRosterEntry, i);

      for (guint c = 0; c < N_OUT; c++)
        if (present[c])
          {
            g_autofree char *cell = out_cell (e, c);
            csv_append (out, cell, (int) c == last);
          }
    }
  return g_string_free_to_bytes (out);
}

static const char *
severity_id (CzRosterSeverity severity)
{
  return severity == CZ_ROSTER_ERROR_SEVERITY ? "error" : severity == CZ_ROSTER_WARNING_SEVERITY ? "warning" : "note";
}

static const char *
severity_label (CzRosterSeverity severity)
{
  return severity == CZ_ROSTER_ERROR_SEVERITY ? _("Error")
       : severity == CZ_ROSTER_WARNING_SEVERITY ? _("Warning") : _("Note");
}

GBytes *
cz_roster_problems_to_csv (CzRoster *self)
{
  GString *out;

  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  csv_append (out, _("Row"), FALSE);
  csv_append (out, _("Column"), FALSE);
  csv_append (out, _("Severity"), FALSE);
  csv_append (out, _("Value"), FALSE);
  csv_append (out, _("Problem"), FALSE);
  csv_append (out, "code", TRUE);
  for (guint i = 0; i < self->problems->len; i++)
    {
      const CzRosterProblem *p = g_ptr_array_index (self->problems, i);
      g_autofree char *row = g_strdup_printf ("%u", p->row);

      csv_append (out, row, FALSE);
      csv_append (out, p->column >= 0 ? cz_roster_column_get_label (p->column) : "", FALSE);
      csv_append (out, severity_label (p->severity), FALSE);
      csv_append (out, p->value, FALSE);
      csv_append (out, p->message, FALSE);
      csv_append (out, p->code, TRUE);
    }
  return g_string_free_to_bytes (out);
}

static const char *total_ids[CZ_ROSTER_N_TOTALS] = {
  "enterprises", "sme", "foreign_invested", "specialised", "little_giants", "high_tech", "revenue_fen",
};

JsonNode *
cz_roster_to_json (CzRoster *self,
                   gboolean  with_entries)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source_name");
  json_builder_add_string_value (b, self->source_name);
  json_builder_set_member_name (b, "source_sha256");
  json_builder_add_string_value (b, self->source_sha256);
  json_builder_set_member_name (b, "rows");
  json_builder_add_int_value (b, self->entries->len);
  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  for (guint t = 0; t < CZ_ROSTER_N_TOTALS; t++)
    {
      gint64 value;

      json_builder_set_member_name (b, total_ids[t]);
      if (cz_roster_get_total (self, t, &value, NULL))
        json_builder_add_int_value (b, value);
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "blocking_errors");
  json_builder_begin_object (b);
  for (guint t = 0; t < CZ_ROSTER_N_TOTALS; t++)
    {
      json_builder_set_member_name (b, total_ids[t]);
      json_builder_add_int_value (b, self->blocking[t]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->problems->len; i++)
    {
      const CzRosterProblem *p = g_ptr_array_index (self->problems, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, p->row);
      json_builder_set_member_name (b, "column");
      json_builder_add_string_value (b, p->column >= 0 ? cz_roster_column_to_id (p->column) : NULL);
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, severity_id (p->severity));
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, p->code);
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, p->value);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, p->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (with_entries)
    {
      json_builder_set_member_name (b, "entries");
      json_builder_begin_array (b);
      for (guint i = 0; i < self->entries->len; i++)
        {
          const CzRosterEntry *e = &g_array_index (self->entries, CzRosterEntry, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "row");
          json_builder_add_int_value (b, e->row);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, e->name);
          json_builder_set_member_name (b, "credit_code");
          json_builder_add_string_value (b, e->credit_code);
          json_builder_set_member_name (b, "size_class");
          json_builder_add_string_value (b, cz_sme_size_to_id (e->size));
          json_builder_set_member_name (b, "size_rule");
          json_builder_add_string_value (b, e->size_rule);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- reading a stored roster back -------------------------------------------- */

CzRoster *
cz_roster_new_from_csv (GBytes  *csv,
                        GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  CzRosterImportOptions options;
  CzRoster *roster;
  int fd;

  fd = g_file_open_tmp ("coopzone-roster-XXXXXX.csv", &path, &local_error);
  if (fd < 0)
    {
      g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_NOT_A_ROSTER,
                   _("Could not read the stored roster back: %s"), local_error->message);
      return NULL;
    }
  g_close (fd, NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), &local_error))
    {
      g_unlink (path);
      g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_NOT_A_ROSTER,
                   _("Could not read the stored roster back: %s"), local_error->message);
      return NULL;
    }
  cz_roster_import_options_init (&options);
  options.encoding = CZ_TEXT_ENCODING_UTF8;
  /* Its header names the fields: an empty mapping recognises them. */
  roster = cz_roster_import (path, &options, NULL, NULL, NULL, &local_error);
  g_unlink (path);
  if (roster == NULL)
    g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_NOT_A_ROSTER,
                 _("Could not read the stored roster back: %s"), local_error->message);
  return roster;
}

/* ---- re-import ------------------------------------------------------------------ */

static char *
entry_key (const CzRosterEntry *e)
{
  return e->credit_code && e->credit_code[0] ? g_strdup (e->credit_code) : g_strconcat ("name:", e->name, NULL);
}

void
cz_roster_diff_free (CzRosterDiff *diff)
{
  g_ptr_array_unref (diff->lines);
  g_free (diff);
}

CzRosterDiff *
cz_roster_compare (CzRoster *old_roster,
                   CzRoster *new_roster)
{
  g_autoptr(GHashTable) old_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CzRosterDiff *diff = g_new0 (CzRosterDiff, 1);

  diff->lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < old_roster->entries->len; i++)
    {
      const CzRosterEntry *e = &g_array_index (old_roster->entries, CzRosterEntry, i);
      char *key = entry_key (e);

      /* A code twice in the old roster: its first row stands for it. */
      if (g_hash_table_contains (old_by_key, key))
        g_free (key);
      else
        g_hash_table_insert (old_by_key, key, (gpointer) e);
    }
  for (guint i = 0; i < new_roster->entries->len; i++)
    {
      const CzRosterEntry *e = &g_array_index (new_roster->entries, CzRosterEntry, i);
      g_autofree char *key = entry_key (e);
      const CzRosterEntry *old;
      char *stored_key;

      if (!g_hash_table_lookup_extended (old_by_key, key, (gpointer *) &stored_key, (gpointer *) &old))
        {
          diff->added++;
          g_ptr_array_add (diff->lines, g_strdup_printf ("+ %s (%s)", e->name, e->credit_code ? e->credit_code : ""));
          continue;
        }
      g_hash_table_add (seen, stored_key);
      {
        g_autoptr(GString) what = g_string_new (NULL);

        if (g_strcmp0 (old->name, e->name) != 0)
          g_string_append_printf (what, "%s%s", what->len ? "、" : "", cz_roster_column_get_label (CZ_ROSTER_NAME));
        if (g_strcmp0 (old->industry, e->industry) != 0)
          g_string_append_printf (what, "%s%s", what->len ? "、" : "", cz_roster_column_get_label (CZ_ROSTER_INDUSTRY));
        if (old->employees != e->employees)
          g_string_append_printf (what, "%s%s", what->len ? "、" : "", cz_roster_column_get_label (CZ_ROSTER_EMPLOYEES));
        if (old->revenue_fen != e->revenue_fen)
          g_string_append_printf (what, "%s%s", what->len ? "、" : "", cz_roster_column_get_label (CZ_ROSTER_REVENUE));
        if (old->total_assets_fen != e->total_assets_fen)
          g_string_append_printf (what, "%s%s", what->len ? "、" : "", cz_roster_column_get_label (CZ_ROSTER_TOTAL_ASSETS));
        for (guint f = 0; f < 4; f++)
          if (old->flags[f] != e->flags[f])
            g_string_append_printf (what, "%s%s", what->len ? "、" : "", cz_roster_column_get_label (flag_columns[f]));
        if (g_strcmp0 (old->entered, e->entered) != 0)
          g_string_append_printf (what, "%s%s", what->len ? "、" : "", cz_roster_column_get_label (CZ_ROSTER_ENTERED));
        if (what->len > 0)
          {
            diff->changed++;
            g_ptr_array_add (diff->lines, g_strdup_printf ("~ %s (%s): %s", e->name,
                                                           e->credit_code ? e->credit_code : "", what->str));
          }
      }
    }
  for (guint i = 0; i < old_roster->entries->len; i++)
    {
      const CzRosterEntry *e = &g_array_index (old_roster->entries, CzRosterEntry, i);
      g_autofree char *key = entry_key (e);

      if (!g_hash_table_contains (seen, key))
        {
          diff->removed++;
          g_ptr_array_add (diff->lines, g_strdup_printf ("- %s (%s)", e->name, e->credit_code ? e->credit_code : ""));
        }
    }
  return diff;
}

/* ---- into the dossier ------------------------------------------------------------ */

guint
cz_roster_default_year (CzDossier *dossier)
{
  gint64 call_year = 0;
  guint years[3];

  if (!cz_dossier_get_integer (dossier, CZ_FIELD_APPLICATION_YEAR, &call_year) ||
      call_year < CZ_FIELDS_FIRST_YEAR || call_year > CZ_FIELDS_LAST_YEAR)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      call_year = g_date_time_get_year (now);
    }
  cz_fields_get_complete_years ((guint) call_year, years);
  return years[2];
}

GPtrArray *
cz_roster_apply (CzRoster   *self,
                 CzDossier  *dossier,
                 guint       year,
                 GDateTime  *imported,
                 const char *csv_sha256)
{
  GPtrArray *set = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) computed = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  GDate date;

  g_return_val_if_fail (CZ_IS_ROSTER (self), NULL);
  g_return_val_if_fail (CZ_IS_DOSSIER (dossier), NULL);

  for (guint t = 0; t < CZ_ROSTER_N_TOTALS; t++)
    {
      g_autofree char *field_id = cz_roster_total_dup_field_id (t, year);
      g_autoptr(CzValue) value = NULL;
      g_autofree char *json = NULL;
      gint64 total;

      if (!cz_roster_get_total (self, t, &total, NULL))
        continue;
      value = t == CZ_ROSTER_TOTAL_REVENUE ? cz_value_new_money (total) : cz_value_new_integer (total);
      cz_dossier_set_value (dossier, field_id, value);
      json = cz_value_to_json_string (value);
      {
        g_autofree char *entry = g_strdup_printf ("%s=%s", field_id, json);
        g_strv_builder_add (computed, entry);
      }
      g_ptr_array_add (set, g_steal_pointer (&field_id));
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (imported), g_date_time_get_month (imported),
                  g_date_time_get_year (imported));
  cz_dossier_set_text (dossier, CZ_FIELD_ROSTER_SOURCE_NAME, self->source_name);
  cz_dossier_set_text (dossier, CZ_FIELD_ROSTER_SOURCE_SHA256, self->source_sha256);
  {
    g_autoptr(CzValue) value = cz_value_new_date (&date);
    cz_dossier_set_value (dossier, CZ_FIELD_ROSTER_IMPORTED, value);
  }
  cz_dossier_set_integer (dossier, CZ_FIELD_ROSTER_ROWS, self->entries->len);
  cz_dossier_set_integer (dossier, CZ_FIELD_ROSTER_YEAR, year);
  if (csv_sha256 != NULL)
    cz_dossier_set_text (dossier, CZ_FIELD_ROSTER_CSV_SHA256, csv_sha256);
  list = g_strv_builder_end (computed);
  cz_dossier_set_text_list (dossier, CZ_FIELD_ROSTER_COMPUTED, (const char * const *) list);
  return set;
}

CzValue *
cz_roster_dup_computed_value (CzDossier  *dossier,
                              const char *field_id)
{
  g_autofree const char **list = cz_dossier_dup_text_list (dossier, CZ_FIELD_ROSTER_COMPUTED);
  gsize len = strlen (field_id);

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    if (strncmp (list[i], field_id, len) == 0 && list[i][len] == '=')
      return cz_value_new_from_json_string (list[i] + len + 1, NULL);
  return NULL;
}

char *
cz_roster_dup_provenance (CzDossier *dossier)
{
  gint64 rows = 0;
  const char *sha = cz_dossier_get_text (dossier, CZ_FIELD_ROSTER_SOURCE_SHA256);
  CzValue *imported = cz_dossier_get_value (dossier, CZ_FIELD_ROSTER_IMPORTED);

  if (sha == NULL || imported == NULL || !cz_dossier_get_integer (dossier, CZ_FIELD_ROSTER_ROWS, &rows))
    return NULL;
  {
    g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, rows);

    /* Translators: "from the roster: 1204 rows, imported on 2026-12-06, file SHA-256 3f2a9c…" */
    return g_strdup_printf (_("from the roster: %s rows, imported on %s, file SHA-256 %.12s…"),
                            count, cz_value_get_date_iso (imported), sha);
  }
}
