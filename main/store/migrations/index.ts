import type { Migration } from 'kysely';
import { initial } from './001_initial';
import { assignmentLookup } from './002_assignment_lookup';
import { userLifecycle } from './003_user_lifecycle';
import { sharedSessions } from './004_shared_sessions';
import { securityReview } from './005_security_review';
import { offline } from './006_offline';
import { offlineBlocks } from './007_offline_blocks';
import { transfers } from './008_transfers';
import { transferGuards } from './009_transfer_guards';
import { voidedBlocks } from './010_voided_blocks';

/** Versioned migrations, applied in key order at open. Never edit a released one: add the next. */
export const migrations: Record<string, Migration> = {
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
