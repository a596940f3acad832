/** The path of the diwan.so this package carries. */
export function getLoadablePath(): string;
/** Load diwan into a better-sqlite3 Database; returns db. */
export function load<T extends { loadExtension(path: string): unknown }>(db: T): T;
