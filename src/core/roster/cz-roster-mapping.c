/* cz-roster-mapping.c — which spreadsheet column holds which roster field
 *
 * Copyright 2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cz-digest.h"
#include "cz-roster-mapping.h"

G_DEFINE_QUARK (cz-roster-error-quark, cz_roster_error)

struct _CzRosterMapping
{
  int         source[CZ_ROSTER_N_COLUMNS];
  CzMoneyUnit unit[CZ_ROSTER_N_COLUMNS];
};

G_DEFINE_BOXED_TYPE (CzRosterMapping, cz_roster_mapping, cz_roster_mapping_copy, cz_roster_mapping_free)

typedef struct
{
  const char *id;
  const char *label;
  gboolean    required;
  /* Headers as departments write them, normalised (see normalise_header). */
  const char *headers[12];
} ColumnInfo;

static const ColumnInfo columns[CZ_ROSTER_N_COLUMNS] = {
  [CZ_ROSTER_NAME] = { "name", N_("Enterprise name"), TRUE,
    { "企业名称", "企业全称", "单位名称", "公司名称", "企业名", "名称", "name", NULL } },
  [CZ_ROSTER_CREDIT_CODE] = { "credit_code", N_("Unified social credit code"), TRUE,
    { "统一社会信用代码", "社会信用代码", "信用代码", "统一代码", "统一社会信用码", "credit_code", NULL } },
  [CZ_ROSTER_INDUSTRY] = { "industry", N_("Industry"), FALSE,
    { "所属行业", "行业", "行业类别", "行业门类", "所属行业门类", "国民经济行业分类", "国民经济行业", "industry", NULL } },
  [CZ_ROSTER_EMPLOYEES] = { "employees", N_("Employees"), FALSE,
    { "从业人员", "从业人数", "从业人员数", "从业人员期末人数", "年末从业人员", "职工人数", "员工人数", "employees", NULL } },
  [CZ_ROSTER_REVENUE] = { "revenue_wan", N_("Operating revenue"), FALSE,
    { "营业收入", "营业总收入", "年营业收入", "主营业务收入", "营收", "revenue_wan", NULL } },
  [CZ_ROSTER_TOTAL_ASSETS] = { "total_assets_wan", N_("Total assets"), FALSE,
    { "资产总额", "资产总计", "总资产", "total_assets_wan", NULL } },
  [CZ_ROSTER_FOREIGN_INVESTED] = { "foreign_invested", N_("Foreign-invested enterprise"), FALSE,
    { "是否外商投资企业", "外商投资企业", "是否外资企业", "外资企业", "外商投资", "foreign_invested", NULL } },
  [CZ_ROSTER_SPECIALISED] = { "specialised", N_("Specialised and innovative SME"), FALSE,
    { "专精特新", "是否专精特新", "专精特新中小企业", "是否专精特新中小企业", "专精特新企业", "specialised", NULL } },
  [CZ_ROSTER_LITTLE_GIANT] = { "little_giant", N_("“Little giant”"), FALSE,
    { "专精特新小巨人", "是否专精特新小巨人", "专精特新小巨人企业", "小巨人", "是否小巨人", "小巨人企业", "little_giant", NULL } },
  [CZ_ROSTER_HIGH_TECH] = { "high_tech", N_("High-tech enterprise"), FALSE,
    { "高新技术企业", "是否高新技术企业", "国家高新技术企业", "高新企业", "是否高新企业", "high_tech", NULL } },
  [CZ_ROSTER_ENTERED] = { "entered", N_("Date of entry into the zone"), FALSE,
    { "入驻时间", "入驻日期", "入园时间", "入园日期", "入驻年月", "entered", NULL } },
};

const char *
cz_roster_column_to_id (CzRosterColumn column)
{
  g_return_val_if_fail ((guint) column < CZ_ROSTER_N_COLUMNS, NULL);
  return columns[column].id;
}

CzRosterColumn
cz_roster_column_from_id (const char *id)
{
  for (guint i = 0; i < CZ_ROSTER_N_COLUMNS; i++)
    if (g_strcmp0 (id, columns[i].id) == 0)
      return (CzRosterColumn) i;
  return CZ_ROSTER_NO_COLUMN;
}

const char *
cz_roster_column_get_label (CzRosterColumn column)
{
  g_return_val_if_fail ((guint) column < CZ_ROSTER_N_COLUMNS, NULL);
  return _(columns[column].label);
}

gboolean
cz_roster_column_is_required (CzRosterColumn column)
{
  g_return_val_if_fail ((guint) column < CZ_ROSTER_N_COLUMNS, FALSE);
  return columns[column].required;
}

CzRosterMapping *
cz_roster_mapping_new (void)
{
  CzRosterMapping *self = g_new0 (CzRosterMapping, 1);

  for (guint i = 0; i < CZ_ROSTER_N_COLUMNS; i++)
    {
      self->source[i] = -1;
      self->unit[i] = CZ_MONEY_UNIT_WAN;
    }
  return self;
}

CzRosterMapping *
cz_roster_mapping_copy (const CzRosterMapping *self)
{
  return g_memdup2 (self, sizeof *self);
}

void
cz_roster_mapping_free (CzRosterMapping *self)
{
  g_free (self);
}

int
cz_roster_mapping_get_source (const CzRosterMapping *self,
                              CzRosterColumn         column)
{
  g_return_val_if_fail ((guint) column < CZ_ROSTER_N_COLUMNS, -1);
  return self->source[column];
}

void
cz_roster_mapping_set_source (CzRosterMapping *self,
                              CzRosterColumn   column,
                              int              source)
{
  g_return_if_fail ((guint) column < CZ_ROSTER_N_COLUMNS);
  /* One sheet column feeds one field. */
  if (source >= 0)
    for (guint i = 0; i < CZ_ROSTER_N_COLUMNS; i++)
      if (self->source[i] == source)
        self->source[i] = -1;
  self->source[column] = source;
}

CzMoneyUnit
cz_roster_mapping_get_unit (const CzRosterMapping *self,
                            CzRosterColumn         column)
{
  g_return_val_if_fail ((guint) column < CZ_ROSTER_N_COLUMNS, CZ_MONEY_UNIT_WAN);
  return self->unit[column];
}

void
cz_roster_mapping_set_unit (CzRosterMapping *self,
                            CzRosterColumn   column,
                            CzMoneyUnit      unit)
{
  g_return_if_fail ((guint) column < CZ_ROSTER_N_COLUMNS);
  self->unit[column] = unit;
}

gboolean
cz_roster_mapping_equal (const CzRosterMapping *a,
                         const CzRosterMapping *b)
{
  return memcmp (a, b, sizeof *a) == 0;
}

/* "营业收入（万元）" → "营业收入" with unit 万元: compatibility forms folded
 * (full-width brackets and letters), spaces, quotes and line breaks dropped,
 * the bracketed part kept aside, a leading "2024年" dropped. */
static char *
normalise_header (const char  *text,
                  CzMoneyUnit *out_unit,
                  gboolean    *out_has_unit)
{
  g_autofree char *folded = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) bracket = g_string_new (NULL);
  int depth = 0;

  if (folded == NULL)
    return g_strdup ("");
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[' || c == 0x3010 /* 【 */)
        depth++;
      else if ((c == ')' || c == ']' || c == 0x3011) && depth > 0)
        depth--;
      else if (g_unichar_isspace (c) || c == '"' || c == '\'' || c == 0x201C || c == 0x201D ||
               c == 0x2018 || c == 0x2019 || c == 0x300C || c == 0x300D || c == ':' || c == '*')
        continue;
      else if (depth > 0)
        g_string_append_unichar (bracket, c);
      else
        g_string_append_unichar (out, g_unichar_tolower (c));
    }

  if (out_has_unit != NULL)
    *out_has_unit = TRUE;
  if (strstr (bracket->str, "亿元") != NULL)
    *out_unit = CZ_MONEY_UNIT_YI;
  else if (strstr (bracket->str, "万元") != NULL)
    *out_unit = CZ_MONEY_UNIT_WAN;
  else if (strstr (bracket->str, "元") != NULL)
    *out_unit = CZ_MONEY_UNIT_YUAN;
  else
    {
      *out_unit = CZ_MONEY_UNIT_WAN;
      if (out_has_unit != NULL)
        *out_has_unit = FALSE;
    }

  /* "2024年营业收入", "2024营业收入": the year is the roster's, not the column's. */
  {
    const char *p = out->str;
    while (g_ascii_isdigit (*p))
      p++;
    if (p - out->str == 4)
      {
        if (g_str_has_prefix (p, "年"))
          p += strlen ("年");
        if (g_str_has_prefix (p, "度"))
          p += strlen ("度");
        g_string_erase (out, 0, p - out->str);
      }
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static CzRosterColumn
recognise (const char *normalised)
{
  for (guint c = 0; c < CZ_ROSTER_N_COLUMNS; c++)
    for (guint h = 0; columns[c].headers[h] != NULL; h++)
      if (strcmp (normalised, columns[c].headers[h]) == 0)
        return (CzRosterColumn) c;
  return CZ_ROSTER_NO_COLUMN;
}

CzRosterMapping *
cz_roster_mapping_new_for_header (const char * const *header,
                                  guint               n_cells)
{
  CzRosterMapping *self = cz_roster_mapping_new ();

  for (guint i = 0; i < n_cells; i++)
    {
      CzMoneyUnit unit;
      g_autofree char *normalised = normalise_header (header[i], &unit, NULL);
      CzRosterColumn column = recognise (normalised);

      /* The first column that says it wins. */
      if (column == CZ_ROSTER_NO_COLUMN || self->source[column] >= 0)
        continue;
      self->source[column] = i;
      self->unit[column] = unit;
    }
  return self;
}

/* "C" → 2, "3" → 2, a header text → its index; -1 when none. */
static int
find_source (const char         *name,
             const char * const *header,
             guint               n_cells)
{
  g_autofree char *wanted = NULL;
  CzMoneyUnit unit;

  if (name == NULL || name[0] == '\0')
    return -1;
  for (guint i = 0; i < n_cells; i++)
    if (g_strcmp0 (header[i], name) == 0)
      return i;
  wanted = normalise_header (name, &unit, NULL);
  for (guint i = 0; i < n_cells; i++)
    {
      g_autofree char *cell = normalise_header (header[i], &unit, NULL);
      if (g_strcmp0 (cell, wanted) == 0)
        return i;
    }
  if (g_ascii_isdigit (name[0]))
    {
      guint64 n = g_ascii_strtoull (name, NULL, 10);
      return n >= 1 && n <= 16384 ? (int) n - 1 : -1;
    }
  if (strlen (name) <= 3)
    {
      int column = 0;
      for (const char *p = name; *p; p++)
        {
          if (!g_ascii_isalpha (*p))
            return -1;
          column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
        }
      return column - 1;
    }
  return -1;
}

static const char *unit_ids[] = { "yuan", "wan", "yi" };

CzRosterMapping *
cz_roster_mapping_new_from_json (JsonNode           *node,
                                 const char * const *header,
                                 guint               n_cells,
                                 GError            **error)
{
  g_autoptr(CzRosterMapping) self = cz_roster_mapping_new ();
  JsonObject *object, *cols, *units;
  g_autoptr(GList) members = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "format", NULL),
                 CZ_ROSTER_MAPPING_FORMAT) != 0)
    {
      g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING,
                   _("This is not a roster mapping: it needs \"format\": \"%s\" and a \"columns\" object."),
                   CZ_ROSTER_MAPPING_FORMAT);
      return NULL;
    }
  object = json_node_get_object (node);
  cols = json_object_has_member (object, "columns") &&
         JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "columns"))
         ? json_object_get_object_member (object, "columns") : NULL;
  if (cols == NULL)
    {
      g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING,
                   _("This is not a roster mapping: it needs \"format\": \"%s\" and a \"columns\" object."),
                   CZ_ROSTER_MAPPING_FORMAT);
      return NULL;
    }
  members = json_object_get_members (cols);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *id = l->data;
      CzRosterColumn column = cz_roster_column_from_id (id);
      JsonNode *value = json_object_get_member (cols, id);
      g_autofree char *name = NULL;
      int source;

      if (column == CZ_ROSTER_NO_COLUMN)
        {
          g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING,
                       _("The mapping names “%s”, which is not a roster field. The fields are: %s."),
                       id, "name, credit_code, industry, employees, revenue_wan, total_assets_wan, "
                       "foreign_invested, specialised, little_giant, high_tech, entered");
          return NULL;
        }
      if (JSON_NODE_HOLDS_NULL (value))
        continue;
      if (json_node_get_value_type (value) == G_TYPE_INT64)
        name = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
      else if (json_node_get_value_type (value) == G_TYPE_STRING)
        name = g_strdup (json_node_get_string (value));
      source = find_source (name, header, n_cells);
      if (source < 0 || (n_cells > 0 && (guint) source >= n_cells))
        {
          g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING,
                       _("The mapping puts “%s” in column “%s”, which the sheet does not have. "
                         "Name the column by its header, its letter (C) or its number (3)."),
                       id, name ? name : "");
          return NULL;
        }
      cz_roster_mapping_set_source (self, column, source);
      {
        CzMoneyUnit unit;
        gboolean has_unit;
        g_autofree char *unused = normalise_header (header[source], &unit, &has_unit);
        if (has_unit)
          self->unit[column] = unit;
      }
    }

  units = json_object_has_member (object, "units") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "units"))
          ? json_object_get_object_member (object, "units") : NULL;
  if (units != NULL)
    {
      g_autoptr(GList) unit_members = json_object_get_members (units);

      for (GList *l = unit_members; l != NULL; l = l->next)
        {
          CzRosterColumn column = cz_roster_column_from_id (l->data);
          const char *unit = json_object_get_string_member_with_default (units, l->data, "");
          gboolean found = FALSE;

          for (guint u = 0; u < G_N_ELEMENTS (unit_ids) && column != CZ_ROSTER_NO_COLUMN; u++)
            if (g_strcmp0 (unit, unit_ids[u]) == 0)
              {
                self->unit[column] = (CzMoneyUnit) u;
                found = TRUE;
              }
          if (!found)
            {
              g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING,
                           _("The mapping's unit for “%s” is “%s”; use \"yuan\", \"wan\" (万元) or \"yi\" (亿元)."),
                           (const char *) l->data, unit);
              return NULL;
            }
        }
    }
  return g_steal_pointer (&self);
}

CzRosterMapping *
cz_roster_mapping_new_from_file (const char         *path,
                                 const char * const *header,
                                 guint               n_cells,
                                 GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  CzRosterMapping *mapping;

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING,
                   _("Could not read the mapping “%s”: %s"), name, local_error->message);
      return NULL;
    }
  mapping = cz_roster_mapping_new_from_json (json_parser_get_root (parser), header, n_cells, &local_error);
  if (mapping == NULL)
    g_set_error (error, CZ_ROSTER_ERROR, CZ_ROSTER_ERROR_MAPPING,
                 /* Translators: the first %s is a file name, the second says what is wrong */
                 _("“%s”: %s"), name, local_error->message);
  return mapping;
}

JsonNode *
cz_roster_mapping_to_json (const CzRosterMapping *self,
                           const char * const    *header,
                           guint                  n_cells)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, CZ_ROSTER_MAPPING_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_object (builder);
  for (guint c = 0; c < CZ_ROSTER_N_COLUMNS; c++)
    {
      if (self->source[c] < 0)
        continue;
      json_builder_set_member_name (builder, columns[c].id);
      if ((guint) self->source[c] < n_cells && header[self->source[c]][0] != '\0')
        json_builder_add_string_value (builder, header[self->source[c]]);
      else
        json_builder_add_int_value (builder, self->source[c] + 1);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "units");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, columns[CZ_ROSTER_REVENUE].id);
  json_builder_add_string_value (builder, unit_ids[self->unit[CZ_ROSTER_REVENUE]]);
  json_builder_set_member_name (builder, columns[CZ_ROSTER_TOTAL_ASSETS].id);
  json_builder_add_string_value (builder, unit_ids[self->unit[CZ_ROSTER_TOTAL_ASSETS]]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* One file per header layout: the SHA-256 of the header cells as written. */
static char *
remembered_path (const char * const *header,
                 guint               n_cells)
{
  g_autoptr(GString) layout = g_string_new (NULL);
  g_autofree char *digest = NULL;
  g_autofree char *file = NULL;

  for (guint i = 0; i < n_cells; i++)
    {
      g_string_append (layout, header[i]);
      g_string_append_c (layout, '\x1f');
    }
  digest = cz_sha256_hex (layout->str, layout->len);
  file = g_strconcat (digest, ".json", NULL);
  return g_build_filename (g_get_user_config_dir (), "coopzone", "roster-mappings", file, NULL);
}

CzRosterMapping *
cz_roster_mapping_load_remembered (const char * const *header,
                                   guint               n_cells)
{
  g_autofree char *path = remembered_path (header, n_cells);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return cz_roster_mapping_new_from_file (path, header, n_cells, NULL);
}

gboolean
cz_roster_mapping_remember (const CzRosterMapping *self,
                            const char * const    *header,
                            guint                  n_cells,
                            GError               **error)
{
  g_autofree char *path = remembered_path (header, n_cells);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(JsonNode) node = cz_roster_mapping_to_json (self, header, n_cells);
  g_autofree char *text = json_to_string (node, TRUE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents (path, text, -1, error);
}
