/* cz-hash-pipe.h — SHA-256 on a worker thread, beside the thread that writes
 *
 * Packing and verifying stream every byte through SHA-256 and through the
 * ZIP's CRC-32 and I/O; on two cores the two halves run side by side. The
 * caller fills a buffer from the pool, submits it for hashing, uses it itself
 * (writes it to the ZIP), then releases it; a buffer returns to the pool when
 * both are done with it. Or, to read a file, the worker reads it too and
 * hands over the buffers read and hashed. Internal to the archive code.
 *
 * Copyright 2025-2026 The CoopZone authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CZ_HASH_PIPE_BUFFER_SIZE (256 * 1024)

typedef struct _CzHashPipe CzHashPipe;

CzHashPipe *cz_hash_pipe_new         (void);
void        cz_hash_pipe_free        (CzHashPipe *pipe);

/* A free buffer of CZ_HASH_PIPE_BUFFER_SIZE bytes (waits for one). */
guint8     *cz_hash_pipe_get_buffer  (CzHashPipe *pipe);
/* Hashes the first @length bytes of @buffer, in order, on the worker. */
void        cz_hash_pipe_submit      (CzHashPipe *pipe,
                                      guint8     *buffer,
                                      gsize       length);
/* Hashes @length bytes at @data, which the caller keeps unchanged until
 * cz_hash_pipe_wait() or cz_hash_pipe_finish() returns (e.g. a mapping). */
void        cz_hash_pipe_submit_external (CzHashPipe   *pipe,
                                          const guint8 *data,
                                          gsize         length);
/* Waits until everything submitted has been hashed. */
void        cz_hash_pipe_wait        (CzHashPipe *pipe);
/* The caller is done with @buffer. */
void        cz_hash_pipe_release     (CzHashPipe *pipe,
                                      guint8     *buffer);

/* Reads @length bytes of @fd from its current offset on the worker, hashing
 * them as it reads; take them in order with cz_hash_pipe_take_read(). @fd
 * stays open until the last is taken or cz_hash_pipe_stop_read() returns.
 * Nothing else is submitted meanwhile. */
void        cz_hash_pipe_read_fd     (CzHashPipe *pipe,
                                      int         fd,
                                      guint64     length);
/* The next buffer read and hashed (waits for it), @length bytes, to release.
 * NULL if the file ended early (@read_errno 0) or a read failed; the
 * reading has then stopped. */
guint8     *cz_hash_pipe_take_read   (CzHashPipe *pipe,
                                      gsize      *length,
                                      int        *read_errno);
/* The caller gives up on the file: the worker stops reading, what was read
 * and not taken returns to the pool, and hashing starts afresh. */
void        cz_hash_pipe_stop_read   (CzHashPipe *pipe);

/* Waits for everything submitted (or read); the SHA-256 of it all since the
 * last finish (or since new). Starts afresh. */
void        cz_hash_pipe_finish      (CzHashPipe *pipe,
                                      guint8      digest[32]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CzHashPipe, cz_hash_pipe_free)

G_END_DECLS
