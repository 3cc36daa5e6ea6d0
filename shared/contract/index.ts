export * from './channels';
export * from './models';
export * from './api';
export type { Channel, Access } from './define';
export * from './adminModels';
export * from './connection';
