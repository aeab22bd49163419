/**
 * Versioned schemas, the part every backend shares: a migration is a version, a name and the SQL
 * that applies it; a store records the versions applied and applies the others in order.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The migrations not yet applied, in version order. Throws when the store records a version the
 * list does not know (it was written by a newer Rasad).
 */
export function pendingMigrations(migrations: readonly Migration[], applied: readonly number[]): Migration[] {
  const done = new Set(applied);
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...done].filter((v) => !known.has(v));
  if (unknown.length > 0)
    throw new Error(
      `the store was written by a newer version of Rasad (schema version ${Math.max(...unknown)}, this version knows up to ${Math.max(...known)})`,
    );
  return migrations.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version);
}
