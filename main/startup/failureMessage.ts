import { StoreOpenError } from '../store/open';
import { StartupError, type StartupReason } from './startupError';

type StoreReason = `STORE_${Uppercase<StoreOpenError['reason']>}`;
export type FailureReason = StartupReason | StoreReason | 'UNEXPECTED';

const TEXT: Record<FailureReason, { ja: string; en: string }> = {
  KEYCHAIN_UNAVAILABLE: {
    ja: 'OSの資格情報ストア(キーチェーン)が使えないため、トークン情報を保護できません。',
    en: "The operating system's keychain is unavailable, so the token data cannot be protected.",
  },
  KEYCHAIN_BASIC_TEXT: {
    ja: 'パスワード保管サービスが見つかりません。gnome-libsecret(GNOME キーリング)または KWallet を有効にしてから起動してください。',
    en: 'No secret service was found. Enable gnome-libsecret (GNOME Keyring) or KWallet, then start the app again.',
  },
  SEAL_KEY_MISSING: {
    ja: '暗号鍵ファイル(seal-key.bin)が見つかりません。登録済みのトークンを使えなくなるため、起動を中止しました。バックアップから復元するか、管理者に連絡してください。',
    en: 'The key file (seal-key.bin) is missing. The start was stopped, as a new key would make every registered token unusable. Restore it from a backup or contact your administrator.',
  },
  SEAL_KEY_UNREADABLE: {
    ja: '暗号鍵ファイル(seal-key.bin)を読み取れません。このユーザーのキーチェーンで作成されたファイルか確認してください。',
    en: 'The key file (seal-key.bin) cannot be read. Check that it was made with this user’s keychain.',
  },
  SEAL_KEY_MISMATCH: {
    ja: '暗号鍵ファイル(seal-key.bin)がデータベースと一致しません。正しい鍵ファイルを復元してください。',
    en: 'The key file (seal-key.bin) does not match the database. Restore the right key file.',
  },
  STORE_FOREIGN: {
    ja: 'データファイルが本アプリのものではありません。',
    en: 'The data file does not belong to this app.',
  },
  STORE_DAMAGED: {
    ja: 'データファイルが破損しています。バックアップから復元してください。ファイルは変更していません。',
    en: 'The data file is damaged. Restore it from a backup; the file was left untouched.',
  },
  STORE_UNREACHABLE: {
    ja: 'データベースに接続できません。',
    en: 'The database cannot be reached.',
  },
  STORE_MIGRATION: {
    ja: 'データファイルを新しい形式に更新できませんでした。ファイルは変更していません。',
    en: 'The data file could not be updated to the new format; it was left unchanged.',
  },
  UNEXPECTED: {
    ja: '予期しないエラーにより起動できませんでした。',
    en: 'The app could not start because of an unexpected error.',
  },
};

export function failureReason(error: unknown): FailureReason {
  if (error instanceof StartupError) return error.reason;
  if (error instanceof StoreOpenError) return `STORE_${error.reason.toUpperCase() as Uppercase<StoreOpenError['reason']>}`;
  return 'UNEXPECTED';
}

/** The native error dialog of a failed start: Japanese first, English below, and where support finds the log. */
export function failureMessage(error: unknown, logFile: string | undefined): { reason: FailureReason; title: string; body: string } {
  const reason = failureReason(error);
  const text = TEXT[reason];
  const where = logFile ? `\n\nログ / Log: ${logFile}` : '';
  return { reason, title: 'OTP Desktop を起動できません / OTP Desktop cannot start', body: `${text.ja}\n\n${text.en}${where}` };
}
