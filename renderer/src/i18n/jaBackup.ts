import type { BackupProblem } from '../../../shared/contract/backupProblems';
import { BACKUP_PASSPHRASE_MIN } from '../../../shared/input/backupPassphrase';

/** バックアップ and バックアップから復元 (issue 15), Japanese first (SPEC R-GEN-1). */
export const jaBackup = {
  backup: {
    section: '設定・管理',
    title: 'バックアップ',
    menu: 'バックアップ',
    intro: [
      'ご契約企業のデータ(利用者、ハードトークンとその割当、操作履歴)を1つのファイルに保存します。ハードトークンのシードは、入力したパスフレーズで暗号化されます。',
      'ログイン中の状態は保存されません。復元した端末では、全員があらためてログインします。',
      '「バックアップを作成」ボタンを押すと保存先を選ぶ画面が開きます。',
    ],
    warningHeading: 'ご注意',
    warning:
      'バックアップファイルは、パスフレーズだけで開くことができます。パスフレーズはファイルとは別に保管し、ファイルと同じ場所に保存したり、同じメールで送ったりしないでください。パスフレーズを忘れると、ファイルは復元できません。',
    passphrase: 'パスフレーズ',
    passphraseRule: `${BACKUP_PASSPHRASE_MIN}文字以上`,
    rulesHeading: 'パスフレーズの条件',
    met: '満たしています',
    unmet: '満たしていません',
    confirm: 'パスフレーズ(確認用)',
    mismatch: 'パスフレーズ(確認用)が一致しません。同じパスフレーズを入力してください。',
    tooShort: `パスフレーズは${BACKUP_PASSPHRASE_MIN}文字以上で入力してください。`,
    submit: 'バックアップを作成',
    done: (fileName: string) => `バックアップを作成しました(ファイル: ${fileName})。パスフレーズはファイルとは別に保管してください。`,
    cancelled: '保存先が選ばれなかったため、バックアップは作成していません。',
    toTop: 'トップページへ',
  },
  restore: {
    choice: '初期設定の方法',
    fresh: '新しく初期設定をおこなう',
    fromBackup: 'バックアップから復元',
    intro:
      '別の端末で作成したバックアップファイルから、ご契約企業のデータを復元します。ファイルとパスフレーズを入力の上、「復元」ボタンを押してください。ファイルとパスフレーズを確認してから書き込みます。',
    heading: 'バックアップから復元',
    file: 'バックアップファイル',
    fileHint: '拡張子 .otpbackup のファイル',
    fileRequired: 'バックアップファイルを選択してください。',
    passphrase: 'パスフレーズ',
    submit: '復元',
    done: (companies: readonly string[], users: number) =>
      `バックアップから復元しました(企業コード: ${companies.join('・')}、利用者${users}名)。ログイン中の状態は復元されないため、各利用者はあらためてログインしてください。`,
  },
  backupProblems: {
    FILE_TOO_LARGE: 'ファイルが大きすぎます(64MBまで)。',
    NOT_A_BACKUP: 'このファイルは本アプリのバックアップファイルではありません。',
    TRUNCATED: 'ファイルが途中で切れています。コピーが最後まで終わったファイルを選択してください。',
    DAMAGED: 'ファイルが壊れているか、変更されています。別のバックアップファイルを選択してください。',
    NEWER_VERSION: 'このファイルは新しいバージョンのアプリで作成されています。アプリを更新してから復元してください。',
    WRONG_PASSPHRASE: 'パスフレーズが正しくありません。',
    STORE_NOT_EMPTY: 'この端末にはすでにご契約企業のデータがあります。復元はデータのない端末でのみおこなえます(上書き・統合はできません)。',
    COMPANY_EXISTS: '同じ企業コードの企業がすでに登録されています。',
    LOGIN_ID_TAKEN: 'バックアップ内のログインIDがすでに使用されています。',
    SERIAL_TAKEN: 'バックアップ内のハードトークンがすでに登録されています。',
    FOREIGN_AUDIT: 'バックアップの操作履歴に、この企業の利用者でない利用者の記録が含まれているため、取り込めません。',
    TOKEN_TWO_COMPANIES: 'バックアップ内のハードトークンが複数の企業の利用者に登録されているため、取り込めません。',
    CANCELLED: '保存先が選ばれなかったため、バックアップは作成していません。',
    DISK_FULL: '保存先の空き容量が足りないため、バックアップを作成できませんでした。別の保存先を選ぶか、空き容量を増やしてください。',
    WRITE_FAILED: '保存先に書き込めないため、バックアップを作成できませんでした。別の保存先を選択してください。',
  } satisfies Record<BackupProblem, string>,
};
