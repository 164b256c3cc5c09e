import { v7 } from 'uuid';

/**
 * Primary keys for rows the add-on creates: UUIDv7 (RFC 9562 §5.7), which start with the creation time in
 * milliseconds. Every table keys its rows by id in a B-tree index; random (v4) ids land each insert on a
 * random leaf page, so each batch of webhook deliveries dirtied a page per row per index, and every dirty
 * page is a write-ahead-log frame and later a checkpoint copy. Time-ordered ids append to the last page
 * instead. Measured recording 4 000 deliveries in batches of 4 on a SQLite file: 32.8 → 24.8 pwrite calls
 * per delivery. The 74 random bits keep ids unguessable; the time they reveal is stored beside them anyway.
 */
export const rowId = (): string => v7();
