/** Kill while writing (backupWriter.ts): the master of a population store writes a backup into `folder`. */
export type WriterArgs = { file: string; sealKey: string; start: number; operator: string; serial: string; folder: string; passphrase: string };
export type WriterOut = { type: 'writing' } | { type: 'done'; outcome: string };

/** Kill while restoring (restorer.ts): an empty store restores the backup file `backup`. */
export type RestorerArgs = { file: string; sealKey: string; backup: string; passphrase: string };
export type RestorerOut = { type: 'restoring' } | { type: 'done'; outcome: string };
