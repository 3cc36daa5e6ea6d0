import type { QueueableChannel } from '../../../shared/contract/syncModels';

/** Offline work on a connected desktop (issue 14, SPEC R-OFF-5..8): the link, replica data, queued and refused operations. */
export const jaOffline = {
  offline: {
    link: '接続状態',
    online: 'オンライン',
    offline: (waiting: number) => `オフライン（送信待ち ${waiting}件）`,
    syncing: (done: number, total: number) => `同期中 (${done}/${total})`,
    replica: (syncedAt: string | null) => (syncedAt ? `オフライン表示 (最終同期 ${syncedAt})` : 'オフライン表示 (未同期)'),
    replicaNote: 'オフラインのため、最後にサーバーと同期したときの内容を表示しています。',
    queued: (waiting: number | null) =>
      `この操作は送信待ちです。サーバーに接続したときに反映されます${waiting === null ? '' : `（送信待ち ${waiting}件）`}。`,
    failedTitle: '同期できなかった操作',
    failedCount: (n: number) => `${n}件`,
    failedIntro: 'オフラインで受け付けた操作のうち、サーバーに反映できなかったものです。理由をご確認のうえ、やり直すか破棄してください。',
    empty: '同期できなかった操作はありません。',
    columns: { what: '操作', targets: '対象の利用者', operator: '操作者', queuedAt: '受付日時', reason: '反映できなかった理由', actions: '対応' },
    channels: {
      'tokens:revoke': 'トークン失効',
      'users:unlock': 'ロック解除',
      'users:register': '利用者登録',
      'users:update': '利用者情報変更',
      'users:remove': '利用者削除',
    } satisfies Record<QueueableChannel, string>,
    unknownReason: (code: string) => `サーバーが反映しませんでした (${code})。`,
    discard: '破棄',
    redo: 'やり直す',
    rowAction: (action: string, what: string, queuedAt: string) => `${action}: ${what} ${queuedAt}`,
    discardHeading: (what: string) => `${what}の操作を破棄しますか`,
    discardNote: '破棄した操作はサーバーに反映されず、元に戻すことはできません。',
    discardConfirm: '破棄する',
    redoHeading: (what: string) => `${what}をやり直す`,
    redoNote: 'この操作をもう一度おこないます。ご自身の認証パスワードとワンタイムパスワードを入力してください。',
    cancel: 'キャンセル',
    discarded: '操作を破棄しました。',
    redone: '操作をやり直し、サーバーに反映しました。',
    toMenu: '利用者管理へ',
  },
};
