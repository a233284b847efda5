/* cz-signer.c
 *
 * The signer object: a certificate (CzCertificate) and a backend that holds
 * the key (cz-signer-backend.h). Whatever the backend, this file asks it for
 * detached signatures and PKCS#12 bytes, writes key files atomically with
 * mode 0600, and runs the slow operations on a worker (the async pairs). The
 * GnuTLS backend is cz-signer-gnutls.c, its PKCS#11 side cz-signer-token.c.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cz-certificate.h"
#include "cz-signer-private.h"

G_DEFINE_QUARK (cz-signer-error-quark, cz_signer_error)

struct _CzSigner
{
  GObject          parent_instance;
  CzSignerBackend *backend;
  CzCertificate   *certificate;  /* the public half: who, by whom, when */
  char            *key_algorithm;
};

G_DEFINE_FINAL_TYPE (CzSigner, cz_signer, G_TYPE_OBJECT)

static void
cz_signer_finalize (GObject *object)
{
  CzSigner *self = CZ_SIGNER (object);

  if (self->backend != NULL)
    self->backend->free (self->backend);
  g_clear_object (&self->certificate);
  g_free (self->key_algorithm);

  G_OBJECT_CLASS (cz_signer_parent_class)->finalize (object);
}

static void
cz_signer_class_init (CzSignerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cz_signer_finalize;
}

static void
cz_signer_init (CzSigner *self)
{
}

CzSigner *
cz_signer_new_for_backend (CzSignerBackend *backend,
                           GBytes          *certificate_der,
                           GError         **error)
{
  g_autoptr(CzSigner) self = g_object_new (CZ_TYPE_SIGNER, NULL);
  g_autoptr(GError) local_error = NULL;

  self->backend = backend;
  self->certificate = cz_certificate_new_from_bytes (certificate_der, NULL, &local_error);
  if (self->certificate == NULL)
    {
      /* TRANSLATORS: %s is the reason a certificate could not be read */
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_FAILED,
                   _("Could not complete %s: %s."), _("reading the certificate"), local_error->message);
      return NULL;
    }
  if (backend->key_algorithm != NULL)
    self->key_algorithm = g_strdup (backend->key_algorithm);
  else
    self->key_algorithm = cz_gnutls_describe_key (certificate_der);
  if (self->key_algorithm == NULL)
    self->key_algorithm = g_strdup ("?");

  return g_steal_pointer (&self);
}

CzSigner *
cz_signer_new_from_pkcs12_file (GFile         *file,
                                const char    *passphrase,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;

  data = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (data == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code,
                   _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  return cz_signer_new_from_pkcs12 (data, name, passphrase, error);
}

/* Written beside @file, synced, renamed over it: a crash leaves the old file
 * or the new one, never half of one. */
gboolean
cz_signer_replace_file_private (GFile         *file,
                                GBytes        *contents,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  const guint8 *data = g_bytes_get_data (contents, NULL);
  gsize remaining = g_bytes_get_size (contents);
  int saved_errno = 0;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_WRITE,
                   _("The certificate can only be saved to a local file."));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    saved_errno = errno;

  while (fd >= 0 && saved_errno == 0 && remaining > 0)
    {
      ssize_t written = write (fd, data, remaining);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        saved_errno = errno;
      else
        {
          data += written;
          remaining -= written;
        }
    }
  if (fd >= 0 && saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (fd >= 0 && close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (tmp_path, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      if (fd >= 0)
        g_unlink (tmp_path);
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_WRITE,
                   _("Could not save the certificate to “%s”: %s. Choose a folder you can write to."),
                   path, g_strerror (saved_errno));
      return FALSE;
    }

  fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
  return TRUE;
}

char *
cz_signer_dup_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), DATA_FOLDER, "signers", NULL);
}

CzSigner *
cz_signer_import_pkcs12_file (GFile         *file,
                              const char    *passphrase,
                              const char    *signers_dir,
                              GFile        **imported,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(CzSigner) signer = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *dir = signers_dir ? g_strdup (signers_dir) : cz_signer_dup_default_dir ();
  g_autoptr(GFile) destination = NULL;

  data = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (data == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  signer = cz_signer_new_from_pkcs12 (data, name, passphrase, error);
  if (signer == NULL)
    return NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_WRITE,
                   _("Could not create the folder “%s”: %s."), dir, g_strerror (saved_errno));
      return NULL;
    }
  destination = g_file_new_build_filename (dir, basename, NULL);
  if (!cz_signer_replace_file_private (destination, data, cancellable, error))
    return NULL;
  if (imported != NULL)
    *imported = g_steal_pointer (&destination);
  return g_steal_pointer (&signer);
}

gboolean
cz_signer_save_pkcs12 (CzSigner      *self,
                       GFile         *file,
                       const char    *passphrase,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GBytes) data = NULL;

  g_return_val_if_fail (CZ_IS_SIGNER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (passphrase == NULL || passphrase[0] == '\0')
    {
      g_set_error (error, CZ_SIGNER_ERROR, CZ_SIGNER_ERROR_BAD_PASSPHRASE,
                   _("Choose a passphrase to protect the certificate’s private key."));
      return FALSE;
    }

  data = self->backend->export_pkcs12 (self->backend, cz_certificate_get_der (self->certificate),
                                       cz_signer_get_common_name (self) ? cz_signer_get_common_name (self) : "CoopZone",
                                       passphrase, error);
  if (data == NULL)
    return FALSE;
  return cz_signer_replace_file_private (file, data, cancellable, error);
}

const char *
cz_signer_get_backend_name (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return self->backend->name;
}

const char *
cz_signer_get_subject (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_subject (self->certificate);
}

const char *
cz_signer_get_common_name (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_common_name (self->certificate);
}

const char *
cz_signer_get_organisation (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_organisation (self->certificate);
}

const char *
cz_signer_get_fingerprint (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_fingerprint (self->certificate);
}

GDateTime *
cz_signer_get_not_before (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_not_before (self->certificate);
}

GDateTime *
cz_signer_get_not_after (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_not_after (self->certificate);
}

const char *
cz_signer_get_key_algorithm (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return self->key_algorithm;
}

GBytes *
cz_signer_get_certificate_der (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_get_der (self->certificate);
}

char *
cz_signer_dup_certificate_pem (CzSigner *self)
{
  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  return cz_certificate_dup_pem (self->certificate);
}

GBytes *
cz_signer_sign_detached (CzSigner   *self,
                         GBytes     *content,
                         GDateTime  *signing_time,
                         GError    **error)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (CZ_IS_SIGNER (self), NULL);
  g_return_val_if_fail (content != NULL, NULL);

  if (signing_time == NULL)
    signing_time = now = g_date_time_new_now_utc ();
  return self->backend->sign_detached (self->backend, cz_certificate_get_der (self->certificate), content, signing_time, error);
}

/* ---------------------------------------------------------------------- */
/* On a worker: the slow parts (key generation, PKCS#12 key derivation,
 * tokens) never run on the main loop. Each task copies its arguments and
 * wipes a secret when done. */

static void
free_secret (char *secret)
{
  if (secret != NULL)
    explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static void
return_signer (GTask    *task,
               CzSigner *signer,
               GError   *error)
{
  if (signer == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, signer, g_object_unref);
}

typedef struct
{
  char            *department;
  CzSignerKeyType  key_type;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->department);
  g_free (data);
}

static void
create_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  CreateData *data = task_data;
  GError *error = NULL;
  CzSigner *signer = cz_signer_create_department (data->department, data->key_type, NULL, &error);

  return_signer (task, signer, error);
}

void
cz_signer_create_department_async (const char          *department,
                                   CzSignerKeyType      key_type,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CreateData *data = g_new0 (CreateData, 1);

  data->department = g_strdup (department);
  data->key_type = key_type;
  g_task_set_source_tag (task, cz_signer_create_department_async);
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);
  g_task_run_in_thread (task, create_thread);
}

CzSigner *
cz_signer_create_department_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cz_signer_create_department_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
cz_signer_location_is_token (const char *location)
{
  return location != NULL && g_str_has_prefix (location, "pkcs11:");
}

CzSigner *
cz_signer_open (const char    *location,
                const char    *secret,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (cz_signer_location_is_token (location))
    return cz_signer_new_from_pkcs11 (location, secret, error);
  file = g_file_new_for_path (location);
  return cz_signer_new_from_pkcs12_file (file, secret, cancellable, error);
}

typedef struct
{
  char  *location;
  char  *secret;
  char  *signers_dir;
  GFile *file;
  GFile *imported;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->location);
  free_secret (data->secret);
  g_free (data->signers_dir);
  g_clear_object (&data->file);
  g_clear_object (&data->imported);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  CzSigner *signer = cz_signer_open (data->location, data->secret, cancellable, &error);

  return_signer (task, signer, error);
}

void
cz_signer_open_async (const char          *location,
                      const char          *secret,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);

  g_return_if_fail (location != NULL);

  data->location = g_strdup (location);
  data->secret = g_strdup (secret);
  g_task_set_source_tag (task, cz_signer_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

CzSigner *
cz_signer_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cz_signer_open_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  CzSigner *signer = cz_signer_import_pkcs12_file (data->file, data->secret, data->signers_dir,
                                                   &data->imported, cancellable, &error);

  return_signer (task, signer, error);
}

void
cz_signer_import_pkcs12_file_async (GFile               *file,
                                    const char          *passphrase,
                                    const char          *signers_dir,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);

  g_return_if_fail (G_IS_FILE (file));

  data->file = g_object_ref (file);
  data->secret = g_strdup (passphrase);
  data->signers_dir = g_strdup (signers_dir);
  g_task_set_source_tag (task, cz_signer_import_pkcs12_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, import_thread);
}

CzSigner *
cz_signer_import_pkcs12_file_finish (GAsyncResult  *result,
                                     GFile        **imported,
                                     GError       **error)
{
  OpenData *data;
  CzSigner *signer;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cz_signer_import_pkcs12_file_async, NULL);

  signer = g_task_propagate_pointer (G_TASK (result), error);
  data = g_task_get_task_data (G_TASK (result));
  if (signer != NULL && imported != NULL)
    *imported = g_steal_pointer (&data->imported);
  return signer;
}

static void
list_token_keys_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *keys = cz_signer_list_token_keys (&error);

  if (keys == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, keys, (GDestroyNotify) g_ptr_array_unref);
}

void
cz_signer_list_token_keys_async (GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, cz_signer_list_token_keys_async);
  /* Listing tokens takes no cancellable; a cancelled caller gets
   * G_IO_ERROR_CANCELLED, never a list it no longer wants. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, list_token_keys_thread);
}

GPtrArray *
cz_signer_list_token_keys_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cz_signer_list_token_keys_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
