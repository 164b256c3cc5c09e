import { randomBytes } from 'node:crypto';

/**
 * The id a call link carries (issue 15, item 4): 128 random bits, base64url. Row ids are UUIDv7 and start
 * with the creation time, so a link built from them would tell anyone holding one roughly where the others are.
 */
export const newLinkToken = (): string => randomBytes(16).toString('base64url');

/** The shape of a link token; anything else is refused before it reaches a query. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
