/* cz-signer.h — a certificate plus its private key, which signs archives
 *
 * A signer comes from a department certificate CoopZone generates, a PKCS#12
 * file (.p12/.pfx) from a certificate authority, or a key on a PKCS#11 token.
 * Whatever holds the key, callers only ask for the certificate and for a
 * detached CMS signature: the key itself sits behind a backend
 * (cz-signer-backend.h), so an SM2 backend can be added without touching them.
 * A passphrase or PIN is used once and never kept.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CZ_SIGNER_ERROR (cz_signer_error_quark ())

typedef enum
{
  CZ_SIGNER_ERROR_FAILED,           /* the crypto library refused, message says why */
  CZ_SIGNER_ERROR_INVALID_NAME,     /* empty or not UTF-8 department name */
  CZ_SIGNER_ERROR_NOT_PKCS12,       /* the file is not a PKCS#12 file */
  CZ_SIGNER_ERROR_BAD_PASSPHRASE,   /* the passphrase does not open the file */
  CZ_SIGNER_ERROR_NO_KEY,           /* no private key, or no certificate matching it */
  CZ_SIGNER_ERROR_TOKEN,            /* the PKCS#11 token or object was not found */
  CZ_SIGNER_ERROR_BAD_PIN,          /* the PIN was refused by the token */
  CZ_SIGNER_ERROR_WRITE,            /* the PKCS#12 file could not be written */
  CZ_SIGNER_ERROR_NOT_SUPPORTED,    /* this backend cannot do that (e.g. export a token key) */
} CzSignerError;

typedef enum
{
  CZ_SIGNER_KEY_ECDSA_P256,
  CZ_SIGNER_KEY_RSA_3072,
} CzSignerKeyType;

/* Years a generated department certificate is valid. */
#define CZ_SIGNER_VALIDITY_YEARS 5

#define CZ_TYPE_SIGNER (cz_signer_get_type ())
G_DECLARE_FINAL_TYPE (CzSigner, cz_signer, CZ, SIGNER, GObject)

GQuark        cz_signer_error_quark            (void);

/* A new key and a self-signed certificate with CN and O set to @department
 * (UTF-8), valid from @now (NULL: the current time) for
 * CZ_SIGNER_VALIDITY_YEARS, key usage digitalSignature. */
CzSigner     *cz_signer_create_department      (const char       *department,
                                                CzSignerKeyType   key_type,
                                                GDateTime        *now,
                                                GError          **error);
void          cz_signer_create_department_async  (const char       *department,
                                                  CzSignerKeyType   key_type,
                                                  GCancellable     *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer          user_data);
CzSigner     *cz_signer_create_department_finish (GAsyncResult     *result,
                                                  GError          **error);

/* Opens a PKCS#12 file; @passphrase may be NULL or "" for an unprotected one.
 * A wrong passphrase is CZ_SIGNER_ERROR_BAD_PASSPHRASE naming the file. */
CzSigner     *cz_signer_new_from_pkcs12        (GBytes           *data,
                                                const char       *source_name,
                                                const char       *passphrase,
                                                GError          **error);
CzSigner     *cz_signer_new_from_pkcs12_file   (GFile            *file,
                                                const char       *passphrase,
                                                GCancellable     *cancellable,
                                                GError          **error);

/* Opens the signer at @location, as the settings remember it: a "pkcs11:"
 * URI (@secret is the PIN) or a PKCS#12 file's path (@secret is its
 * passphrase). Blocks: use the async pair from the main loop. */
gboolean      cz_signer_location_is_token      (const char       *location);
CzSigner     *cz_signer_open                   (const char       *location,
                                                const char       *secret,
                                                GCancellable     *cancellable,
                                                GError          **error);
void          cz_signer_open_async             (const char       *location,
                                                const char       *secret,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
CzSigner     *cz_signer_open_finish            (GAsyncResult     *result,
                                                GError          **error);

/* Where imported signers are kept: $XDG_DATA_HOME/coopzone/signers. */
char         *cz_signer_dup_default_dir        (void);

/* Opens @file with @passphrase and, when it opens, copies it byte for byte
 * into @signers_dir (NULL: the default), mode 0600, atomically. The copy's
 * file is returned in @imported (optional). */
CzSigner     *cz_signer_import_pkcs12_file     (GFile            *file,
                                                const char       *passphrase,
                                                const char       *signers_dir,
                                                GFile           **imported,
                                                GCancellable     *cancellable,
                                                GError          **error);
void          cz_signer_import_pkcs12_file_async  (GFile            *file,
                                                   const char       *passphrase,
                                                   const char       *signers_dir,
                                                   GCancellable     *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer          user_data);
CzSigner     *cz_signer_import_pkcs12_file_finish (GAsyncResult     *result,
                                                   GFile           **imported,
                                                   GError          **error);

/* A key on a PKCS#11 token (through p11-kit): @uri names the key's object (an
 * RFC 7512 "pkcs11:" URI); the certificate with the same id on the same token
 * is used. A refused PIN is CZ_SIGNER_ERROR_BAD_PIN. */
CzSigner     *cz_signer_new_from_pkcs11        (const char       *uri,
                                                const char       *pin,
                                                GError          **error);

/* A signing key found on a plugged-in PKCS#11 token, by its certificate. */
typedef struct
{
  char *uri;          /* the key's "pkcs11:" URI, for cz_signer_new_from_pkcs11() */
  char *token;        /* the token's label */
  char *label;        /* the certificate object's label */
  char *name;         /* the certificate's CN, else its O, else its subject */
  char *subject;
  char *fingerprint;  /* "AB:CD:…", SHA-256 */
} CzTokenKey;

void          cz_token_key_free                (CzTokenKey       *key);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzTokenKey, cz_token_key_free)

/* The certificates on every token p11-kit reaches, as keys to choose
 * (no PIN is needed to list them). Blocks: call it on a worker. */
GPtrArray    *cz_signer_list_token_keys        (GError          **error);
void          cz_signer_list_token_keys_async  (GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
/* An array of CzTokenKey, possibly empty. */
GPtrArray    *cz_signer_list_token_keys_finish (GAsyncResult     *result,
                                                GError          **error);

/* Writes certificate and key as PKCS#12 (PBES2 AES-256, SHA-256 MAC) under
 * @passphrase, mode 0600, atomically: the file is either the old one or the
 * complete new one. Only signers whose key is in memory can be saved. */
gboolean      cz_signer_save_pkcs12            (CzSigner         *self,
                                                GFile            *file,
                                                const char       *passphrase,
                                                GCancellable     *cancellable,
                                                GError          **error);

const char   *cz_signer_get_backend_name       (CzSigner         *self);  /* "pkcs12", "pkcs11", "generated" */
const char   *cz_signer_get_subject            (CzSigner         *self);  /* RFC 4514, UTF-8 */
const char   *cz_signer_get_common_name        (CzSigner         *self);
const char   *cz_signer_get_organisation       (CzSigner         *self);
/* Upper-case hex pairs separated by colons, as openssl prints it. */
const char   *cz_signer_get_fingerprint        (CzSigner         *self);
GDateTime    *cz_signer_get_not_before         (CzSigner         *self);
GDateTime    *cz_signer_get_not_after          (CzSigner         *self);
const char   *cz_signer_get_key_algorithm      (CzSigner         *self);  /* "ECDSA P-256", "RSA 3072" */
GBytes       *cz_signer_get_certificate_der    (CzSigner         *self);
char         *cz_signer_dup_certificate_pem    (CzSigner         *self);

/* A detached CMS SignedData (DER) over @content, SHA-256, with the signer
 * certificate embedded and @signing_time (NULL: now) as the signingTime
 * attribute. */
GBytes       *cz_signer_sign_detached          (CzSigner         *self,
                                                GBytes           *content,
                                                GDateTime        *signing_time,
                                                GError          **error);

G_END_DECLS
