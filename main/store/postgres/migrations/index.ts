import type { Migration } from 'kysely';
import { assignmentLookup } from '../../migrations/002_assignment_lookup';
import { sharedSessions } from '../../migrations/004_shared_sessions';
import { offline } from '../../migrations/006_offline';
import { offlineBlocks } from '../../migrations/007_offline_blocks';
import { transfers } from '../../migrations/008_transfers';
import { voidedBlocks } from '../../migrations/010_voided_blocks';
import { initial } from './001_initial';
import { userLifecycle } from './003_user_lifecycle';
import { securityReview } from './005_security_review';
import { transferGuards } from './009_transfer_guards';

/**
 * PostgreSQL's migrations, under the same names as SQLite's (main/store/migrations/index.ts) and with the same
 * meaning; 002, 004, 006, 007, 008 and 010 are the same words on both (imported from there). Never edit a released one: add the next, to both lists.
 */
export const postgresMigrations: Record<string, Migration> = {
  '001_initial': initial,
  '002_assignment_lookup': assignmentLookup,
  '003_user_lifecycle': userLifecycle,
  '004_shared_sessions': sharedSessions,
  '005_security_review': securityReview,
  '006_offline': offline,
  '007_offline_blocks': offlineBlocks,
  '008_transfers': transfers,
  '009_transfer_guards': transferGuards,
  '010_voided_blocks': voidedBlocks,
};
