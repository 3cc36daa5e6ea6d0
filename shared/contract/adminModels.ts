import { z } from 'zod';
import { AUDIT_ACTIONS } from './auditActions';
import { userTypeSchema } from './models';

export const importFormatSchema = z.enum(['pskc', 'csv']);

/** One problem of a token file, as main/seedFiles reports it: where (line / element) and a problem code. */
export const importProblemSchema = z.object({ where: z.string(), reason: z.string(), detail: z.string().optional() });

export const importPreviewSchema = z.object({
  previewId: z.string(),
  total: z.number().int().nonnegative(),
  newCount: z.number().int().nonnegative(),
  duplicateCount: z.number().int().nonnegative(),
  otherCompanyCount: z.number().int().nonnegative(),
  expiredCount: z.number().int().nonnegative(),
  malformedCount: z.number().int().nonnegative(),
  /** The first problems and refusals, each with where it is in the file (at most 200). */
  problems: z.array(importProblemSchema),
  /**
   * The tokens that will be imported, each with its time step and digits, and those flagged because their step is
   * not the product's (refused, NON_STANDARD_STEP), for the confirmation table (at most 200).
   */
  sampleTokens: z.array(z.object({ serial: z.string(), periodSeconds: z.number().int(), digits: z.number().int(), flagged: z.boolean() })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importProgressSchema = z.object({
  state: z.enum(['idle', 'running', 'done', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

/** Users an admin may create or change into: never a master (one per company, SPEC Actors). */
export const manageableTypeSchema = userTypeSchema.exclude(['master']);

export const auditActionSchema = z.enum(AUDIT_ACTIONS);

export const auditRowSchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  action: auditActionSchema,
  target: z.string().nullable(),
  result: z.enum(['success', 'failure']),
  reason: z.string().nullable(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const auditFilterSchema = z.strictObject({
  loginId: z.string().max(64).optional(),
  action: auditActionSchema.optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
