export * from './channels';
export * from './models';
export * from './api';
export type { Channel, Access, SessionAccess } from './define';
export { ACCESS_LEVELS } from './define';
export { ACCESS, mayUse } from './access';
export * from './adminModels';
export * from './connection';
export { AUDIT_ACTIONS, type AuditAction } from './auditActions';
