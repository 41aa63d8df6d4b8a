/* backup.h: mallctl backup DIR / restore DIR — database, secret and uploads with a verified SHA-256 manifest */
#ifndef MALL_BACKUP_H
#define MALL_BACKUP_H
#include "db.h"

/* Writes a new directory dir: database.sql (one consistent snapshot, taken while the mall serves), secret.key,
 * uploads/, and manifest.json (time, schema version, every file's size and SHA-256). 0 on success; says why not. */
int backup_create(MYSQL *db, const char *dir);
/* Checks every file against the manifest first (a damaged backup is refused before anything is written), refuses a
 * database that has tables already, then loads the dump and puts the secret and uploads back under MALL_VAR. */
int backup_restore(MYSQL *db, const char *dir);

#endif
