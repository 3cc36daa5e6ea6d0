import { createHash } from 'node:crypto';

/** What a shared table keeps of a session, challenge or setup ID: its SHA-256 (the ID has 256 random bits, no salt needed). */
export const idHash = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');
