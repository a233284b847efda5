/* test-hash-pipe.c — SHA-256 on the pipe's worker: buffers submitted, and
 * files read on the worker and handed over in order
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cz-hash-pipe.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("cz-hash-pipe-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GBytes *
random_bytes (gsize   size,
              guint32 seed)
{
  guint8 *data = g_malloc (size);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (gsize i = 0; i < size; i++)
    data[i] = g_rand_int (rand) & 0xff;
  return g_bytes_new_take (data, size);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            GBytes     *content)
{
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (content, NULL), g_bytes_get_size (content), NULL));
  return path;
}

static char *
sha256_hex (const guint8 *data,
            gsize         length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}

static char *
finish_hex (CzHashPipe *pipe)
{
  guint8 digest[32];
  GString *hex = g_string_new (NULL);

  cz_hash_pipe_finish (pipe, digest);
  for (guint i = 0; i < sizeof digest; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

/* Takes everything the worker reads of @length bytes; NULL when it stopped
 * early, with @read_errno. */
static GByteArray *
take_all (CzHashPipe *pipe,
          guint64     length,
          int        *read_errno)
{
  GByteArray *taken = g_byte_array_new ();

  while (taken->len < length)
    {
      gsize n;
      guint8 *buffer = cz_hash_pipe_take_read (pipe, &n, read_errno);

      if (buffer == NULL)
        {
          g_byte_array_unref (taken);
          return NULL;
        }
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (n, <=, CZ_HASH_PIPE_BUFFER_SIZE);
      g_byte_array_append (taken, buffer, n);
      cz_hash_pipe_release (pipe, buffer);
    }
  g_assert_cmpuint (taken->len, ==, length);
  return taken;
}

/* Sizes either side of the buffer size and of the whole pool (8 buffers),
 * from an offset other than the start: what is handed over, in order, is
 * the file, and the digest is that of those bytes. */
static void
test_read_whole_files (Fixture       *fixture,
                       gconstpointer  data)
{
  static const gsize sizes[] = { 1, 4095, CZ_HASH_PIPE_BUFFER_SIZE - 1, CZ_HASH_PIPE_BUFFER_SIZE,
                                 CZ_HASH_PIPE_BUFFER_SIZE + 1, 8 * CZ_HASH_PIPE_BUFFER_SIZE,
                                 11 * CZ_HASH_PIPE_BUFFER_SIZE + 777 };
  g_autoptr(CzHashPipe) pipe = cz_hash_pipe_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) content = random_bytes (sizes[i] + 10, i + 1);
      g_autofree char *path = write_file (fixture, "evidence.pdf", content);
      const guint8 *bytes = g_bytes_get_data (content, NULL);
      g_autoptr(GByteArray) taken = NULL;
      g_autofree char *expected = sha256_hex (bytes + 10, sizes[i]);
      g_autofree char *hex = NULL;
      int fd = open (path, O_RDONLY | O_CLOEXEC);
      int read_errno = -1;

      g_assert_cmpint (fd, >=, 0);
      g_assert_cmpint (lseek (fd, 10, SEEK_SET), ==, 10);
      cz_hash_pipe_read_fd (pipe, fd, sizes[i]);
      taken = take_all (pipe, sizes[i], &read_errno);
      close (fd);
      g_assert_nonnull (taken);
      g_assert_true (memcmp (taken->data, bytes + 10, sizes[i]) == 0);
      hex = finish_hex (pipe);
      g_assert_cmpstr (hex, ==, expected);
    }
}

/* A file shorter than announced (cut short after it was measured): what
 * there is comes through, then NULL with no error number. */
static void
test_read_ends_early (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CzHashPipe) pipe = cz_hash_pipe_new ();
  g_autoptr(GBytes) content = random_bytes (3 * CZ_HASH_PIPE_BUFFER_SIZE + 5, 7);
  g_autofree char *path = write_file (fixture, "short.pdf", content);
  g_autoptr(GByteArray) taken = g_byte_array_new ();
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  int read_errno = -1;
  gsize n;
  guint8 *buffer;

  g_assert_cmpint (fd, >=, 0);
  cz_hash_pipe_read_fd (pipe, fd, 20 * CZ_HASH_PIPE_BUFFER_SIZE);
  while ((buffer = cz_hash_pipe_take_read (pipe, &n, &read_errno)) != NULL)
    {
      g_byte_array_append (taken, buffer, n);
      cz_hash_pipe_release (pipe, buffer);
    }
  close (fd);
  g_assert_cmpint (read_errno, ==, 0);
  g_assert_cmpuint (taken->len, ==, g_bytes_get_size (content));
  g_assert_true (memcmp (taken->data, g_bytes_get_data (content, NULL), taken->len) == 0);
  cz_hash_pipe_stop_read (pipe);
}

/* A read that fails reports its error number. */
static void
test_read_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CzHashPipe) pipe = cz_hash_pipe_new ();
  int fd = open (fixture->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int read_errno = 0;
  gsize n = 1;

  g_assert_cmpint (fd, >=, 0);
  cz_hash_pipe_read_fd (pipe, fd, 100);
  g_assert_null (cz_hash_pipe_take_read (pipe, &n, &read_errno));
  close (fd);
  g_assert_cmpint (read_errno, ==, EISDIR);
  g_assert_cmpuint (n, ==, 0);
  cz_hash_pipe_stop_read (pipe);
}

/* Giving up on a file part way (the archive could not be written) while the
 * worker is reading ahead: the pipe stops, the next file hashes from a fresh
 * start, and submitted buffers (as verifying uses them) still hash right. */
static void
test_stop_then_reuse (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CzHashPipe) pipe = cz_hash_pipe_new ();
  g_autoptr(GBytes) big = random_bytes (40 * CZ_HASH_PIPE_BUFFER_SIZE, 3);
  g_autoptr(GBytes) small = random_bytes (CZ_HASH_PIPE_BUFFER_SIZE + 3, 4);
  g_autofree char *big_path = write_file (fixture, "big.pdf", big);
  g_autofree char *small_path = write_file (fixture, "small.pdf", small);
  g_autofree char *small_sha256 = sha256_hex (g_bytes_get_data (small, NULL), g_bytes_get_size (small));
  g_autoptr(GByteArray) taken = NULL;
  g_autofree char *hex = NULL;
  g_autofree char *submitted_hex = NULL;
  int fd = open (big_path, O_RDONLY | O_CLOEXEC);
  int read_errno = -1;
  gsize n;
  guint8 *buffer;

  g_assert_cmpint (fd, >=, 0);
  cz_hash_pipe_read_fd (pipe, fd, g_bytes_get_size (big));
  buffer = cz_hash_pipe_take_read (pipe, &n, &read_errno);
  g_assert_nonnull (buffer);
  cz_hash_pipe_release (pipe, buffer);
  cz_hash_pipe_stop_read (pipe);
  /* The worker is done with the descriptor. */
  g_assert_cmpint (close (fd), ==, 0);

  fd = open (small_path, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  cz_hash_pipe_read_fd (pipe, fd, g_bytes_get_size (small));
  taken = take_all (pipe, g_bytes_get_size (small), &read_errno);
  close (fd);
  g_assert_nonnull (taken);
  hex = finish_hex (pipe);
  g_assert_cmpstr (hex, ==, small_sha256);

  for (gsize at = 0; at < g_bytes_get_size (small);)
    {
      gsize length = MIN (g_bytes_get_size (small) - at, 1000);

      buffer = cz_hash_pipe_get_buffer (pipe);
      memcpy (buffer, (const guint8 *) g_bytes_get_data (small, NULL) + at, length);
      cz_hash_pipe_submit (pipe, buffer, length);
      cz_hash_pipe_release (pipe, buffer);
      at += length;
    }
  submitted_hex = finish_hex (pipe);
  g_assert_cmpstr (submitted_hex, ==, small_sha256);
}

/* Freed while the worker still reads ahead: no hang, no leak. */
static void
test_free_while_reading (Fixture       *fixture,
                         gconstpointer  data)
{
  CzHashPipe *pipe = cz_hash_pipe_new ();
  g_autoptr(GBytes) big = random_bytes (20 * CZ_HASH_PIPE_BUFFER_SIZE, 5);
  g_autofree char *path = write_file (fixture, "big.pdf", big);
  int fd = open (path, O_RDONLY | O_CLOEXEC);

  g_assert_cmpint (fd, >=, 0);
  cz_hash_pipe_read_fd (pipe, fd, g_bytes_get_size (big));
  cz_hash_pipe_free (pipe);
  close (fd);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/hash-pipe/read/whole-files", Fixture, NULL, fixture_set_up, test_read_whole_files, fixture_tear_down);
  g_test_add ("/hash-pipe/read/ends-early", Fixture, NULL, fixture_set_up, test_read_ends_early, fixture_tear_down);
  g_test_add ("/hash-pipe/read/error", Fixture, NULL, fixture_set_up, test_read_error, fixture_tear_down);
  g_test_add ("/hash-pipe/read/stop-then-reuse", Fixture, NULL, fixture_set_up, test_stop_then_reuse, fixture_tear_down);
  g_test_add ("/hash-pipe/read/free-while-reading", Fixture, NULL, fixture_set_up, test_free_while_reading, fixture_tear_down);
  return g_test_run ();
}
