import { randomBytes } from 'node:crypto';

/** 256 random bits, base64url (43 characters): sessions, challenges, setups and import previews. */
export const newId = (): string => randomBytes(32).toString('base64url');
