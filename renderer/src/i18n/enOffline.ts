import type { jaOffline } from './jaOffline';

export const enOffline: typeof jaOffline = {
  offline: {
    link: 'Connection',
    online: 'Online',
    offline: (waiting) => `Offline (${waiting} waiting to send)`,
    syncing: (done, total) => `Syncing (${done}/${total})`,
    replica: (syncedAt) => (syncedAt ? `Offline view (last synced ${syncedAt})` : 'Offline view (never synced)'),
    replicaNote: 'Offline: this shows the data as of the last sync with the server.',
    queued: (waiting) =>
      `This operation is waiting to be sent. It will be applied when the server can be reached${waiting === null ? '' : ` (${waiting} waiting)`}.`,
    failedTitle: 'Operations not synced',
    failedCount: (n) => `${n}`,
    failedIntro: 'Operations accepted offline that the server did not apply. Check the reason, then redo or discard each one.',
    empty: 'There are no operations that failed to sync.',
    columns: { what: 'Operation', targets: 'Users', operator: 'Made by', queuedAt: 'Accepted at', reason: 'Why it was not applied', actions: 'Action' },
    channels: {
      'tokens:revoke': 'Token revocation',
      'users:unlock': 'Unlock',
      'users:register': 'User registration',
      'users:update': 'User change',
      'users:remove': 'User removal',
    },
    unknownReason: (code) => `The server did not apply it (${code}).`,
    discard: 'Discard',
    redo: 'Redo',
    rowAction: (action, what, queuedAt) => `${action}: ${what} ${queuedAt}`,
    discardHeading: (what) => `Discard this ${what.toLowerCase()}?`,
    discardNote: 'A discarded operation is never applied on the server, and this cannot be undone.',
    discardConfirm: 'Discard it',
    redoHeading: (what) => `Redo: ${what}`,
    redoNote: 'The operation is made again now. Enter your authentication password and a one-time password.',
    cancel: 'Cancel',
    discarded: 'The operation was discarded.',
    redone: 'The operation was made again and applied on the server.',
    toMenu: 'To user management',
  },
};
