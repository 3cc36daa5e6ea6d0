import type { AppError, ErrorCode } from '../../../shared/errors';
import type { PasswordRule } from '../../../shared/input/passwordPolicy';
import { formatDateTime } from '../format/jst';
import type { Lang } from '../stores/language';
import { enBackup } from './enBackup';
import { enSetup } from './enSetup';
import { jaBackup } from './jaBackup';
import { enUsers } from './enUsers';
import { jaSetup } from './jaSetup';
import { jaUsers } from './jaUsers';
import { COMPANY_CODE_MAX, LOGIN_ID_LENGTH, NAME_MAX, OTP_DIGITS, SERIAL_DIGITS } from '../../../shared/input/limits';

type Describe = (error: AppError) => string;
type Reason = NonNullable<AppError['reason']>;
/** Request fields the main process names in a VALIDATION refusal (account changes renamed per password). */
type Field =
  | 'loginId'
  | 'password'
  | 'otp'
  | 'serial'
  | 'authPassword'
  | 'loginIds'
  | 'companyCode'
  | 'companyName'
  | 'masterLoginId'
  | 'masterName'
  | 'name'
  | 'userType'
  | 'loginPassword'
  | 'initialLoginPassword'
  | 'initialAuthPassword'
  | 'newAuthPassword'
  | 'currentLogin'
  | 'nextLogin'
  | 'currentAuth'
  | 'nextAuth'
  | 'preSharedKeyHex'
  | 'fileBase64'
  | 'filter'
  | 'url'
  | 'fingerprint'
  | 'passphrase';

type ErrorDictionary = {
  codes: Record<ErrorCode, Describe>;
  sessionEnded: Record<Reason, string>;
  invalid: Record<Field, string>;
  attemptsLeft: (n: number) => string;
  /** TOKEN_NOT_FOUND on BLGI020: a mistyped serial counts towards the lock as a wrong code does (SPEC R-OTP-3). */
  serialAttemptsLeft: (n: number) => string;
  /** PASSWORD_POLICY: the rules the password breaks, as the live rule list names them. */
  rules: Record<PasswordRule, string>;
  brokenRules: (rules: string) => string;
  /** A wrong current password on パスワード変更 (BAD_CREDENTIALS / BAD_AUTH_PASSWORD at `current`). */
  wrongCurrent: Record<'currentLogin' | 'currentAuth', string>;
};

const at = (iso: string | undefined, lang: Lang) => (iso ? formatDateTime(iso, lang) : '');

const ruleNames = ({ length, letter, digit, notLoginId }: typeof jaSetup.passwordRules) => ({ length, letter, digit, notLoginId });

/** IMPORT_REFUSED: the file-level problem of main/seedFiles, else a generic hint. */
const problemOf = (problems: Record<string, string>, unknown: string) => (code: string | undefined) =>
  code !== undefined && Object.hasOwn(problems, code) ? problems[code]! : unknown;

const importProblemJa = problemOf(jaSetup.importProblems, 'ファイルの形式と内容、事前共有鍵をご確認ください。');
const importProblemEn = problemOf(enSetup.importProblems, 'Check its format and contents, and the pre-shared key.');
const backupProblemJa = problemOf(jaBackup.backupProblems, 'バックアップファイルとパスフレーズをご確認ください。');
const backupProblemEn = problemOf(enBackup.backupProblems, 'Check the backup file and its passphrase.');

const ja: ErrorDictionary = {
  codes: {
    VALIDATION: () => '入力内容に誤りがあります。',
    INTERNAL: () => 'システムエラーが発生しました。しばらくしてから再度お試しください。',
    BAD_CREDENTIALS: () => 'ログインIDまたはログインパスワードが正しくありません。',
    PASSWORD_UNCHANGED: () => '現在のパスワードと異なるパスワードを入力してください。',
    LOCKED: () => 'このログインIDはロックされています。マスターユーザまたは管理者ユーザにロック解除を依頼してください。',
    REVOKED_COOLING_DOWN: (e) =>
      `ハードトークンが失効されているため、ログインできません。${at(e.reRegistrationAt, 'ja')}以降にハードトークンの利用開始登録が可能になります。`,
    SESSION_INVALID: () => 'ログインしていないか、ログインの有効期限が切れています。再度ログインしてください。',
    SESSION_EXPIRED: () => 'ログアウトしました。',
    CHALLENGE_INVALID: () => 'ログインの受付時間が過ぎました。最初からログインし直してください。',
    FORBIDDEN: () => 'この操作をおこなう権限がありません。',
    BAD_AUTH_PASSWORD: () => '認証パスワードが正しくありません。',
    OTP_INVALID: () => 'ワンタイムパスワードが正しくありません。',
    OTP_REUSED: () => 'このワンタイムパスワードは使用済みです。ハードトークンに次のパスワードが表示されてから入力してください。',
    OTP_AHEAD_OF_CLOCK: () => 'このハードトークンには現在時刻より先の使用記録があるため、ワンタイムパスワードを受け付けられません。この失敗はロックの回数に数えません。管理者にお問い合わせください。',
    NO_ACTIVE_TOKEN: () => 'ご利用中のハードトークンがありません。',
    TOKEN_EXPIRED: (e) =>
      `ハードトークンの有効期限(${at(e.expiredAt, 'ja')})が過ぎています。${jaUsers.replace.text}`,
    TOKEN_NOT_FOUND: () => '入力されたシリアル番号のハードトークンはありません。シリアル番号をご確認ください。',
    TOKEN_OTHER_COMPANY: () => 'このハードトークンは他のご契約先で登録されているため、登録できません。',
    TOKEN_DISABLED: () => 'このハードトークンはご利用いただけません。EBサポートセンターにご連絡ください。',
    ALREADY_HAS_TOKEN: () => 'すでにハードトークンが登録されています。1人の利用者に複数のハードトークンは登録できません。',
    NOT_REVOCABLE: (e) => `次の利用者はご利用中のトークンがないため失効できません: ${(e.loginIds ?? []).join('、')}`,
    USER_NOT_FOUND: (e) => `次の利用者が見つかりません: ${(e.loginIds ?? []).join('、')}`,
    NOT_LOCKED: () => 'この利用者はロックされていません。',
    RESYNC_FAILED: () => 'ハードトークンの同期に失敗しました。',
    PASSWORD_POLICY: () => 'パスワードが条件を満たしていません。表示されている条件をご確認ください。',
    PASSWORD_CHANGE_REQUIRED: () => '初回ログインのため、ログインパスワードと認証パスワードを変更してください。',
    SETUP_ALREADY_DONE: () => '初期設定はすでに完了しています。ログインしてください。',
    SETUP_INVALID: () => '初期設定の受付時間が過ぎました。アプリを再起動して最初からやり直してください。',
    LOGIN_ID_TAKEN: () => 'このログインIDはすでに使用されています。別のログインIDを入力してください。',
    COMPANY_CODE_TAKEN: () => 'この企業コードはすでに登録されています。別の企業コードを入力してください。',
    MASTER_RULE: () => 'マスターユーザは1企業に1人です。マスターユーザの追加・区分変更・削除はできません。',
    IMPORT_REFUSED: (e) => `ファイルを読み込めませんでした。${importProblemJa(e.problem)}`,
    PREVIEW_INVALID: () => '確認画面の有効期限が切れました。もう一度ファイルを選択してください。',
    NOTHING_TO_IMPORT: () => '取り込めるハードトークンがありません。',
    SERVER_UNREACHABLE: () => 'サーバーに接続できません。ネットワークとサーバーのURLをご確認のうえ、しばらくしてから再度お試しください。',
    PIN_MISMATCH: () => 'サーバーの証明書が登録されたフィンガープリントと一致しません。接続を中止しました。会社の管理者にご確認ください。',
    CERT_EXPIRED: () => 'サーバーの証明書の有効期限が切れています（または有効期間外です）。接続を中止しました。会社の管理者にご連絡ください。',
    INSECURE_URL: () => '暗号化されていない接続(http://)は使用できません。https:// で始まるURLを入力してください。',
    BACKUP_REFUSED: (e) => backupProblemJa(e.problem),
    DESKTOP_ONLY: () => 'この操作は、会社のサーバーに接続している端末では行えません（サーバーに接続しない端末だけの機能です）。',
    OFFLINE_NO_BLOCK: () => 'サーバーに接続できないため、ログインできません。オフラインでログインできるのは、この端末で最近（通常は8時間以内に）オンラインでログインした利用者だけです。',
    OFFLINE_UNAVAILABLE: () => 'この操作はオフラインでは行えません。サーバーに接続できるときに、改めてログインしてからおこなってください。',
    OFFLINE_CONFLICT: () => 'オフラインで操作した後に、この利用者の情報がサーバーで変更されていたため、反映できませんでした。最新の情報を確認して、もう一度操作してください。',
    OFFLINE_TARGET_GONE: () => 'この利用者はオフラインで操作した後に、サーバーで失効または削除されていたため、反映できませんでした。',
    OFFLINE_OPERATOR_INVALID: () => '操作した利用者が、その後サーバーで失効・ロック・削除されていたため、反映できませんでした。',
    OFFLINE_REPLAY: () => 'この操作の確認に使ったワンタイムパスワードは、別の場所ですでに使われていました（不正使用の可能性）。操作は反映されていません。管理者にご連絡ください。',
    OFFLINE_LOGIN_NEEDED: () => 'サーバーに接続できないため、この操作はオフラインで確認します。いったんログアウトし、オフラインでログインし直してから、もう一度操作してください。',
    OFFLINE_PROOF_INVALID: () => 'この操作の確認（確認用パスワードとワンタイムパスワード）をサーバーで確かめられなかったため、反映していません（不正使用の可能性）。オンラインでやり直してください。',
    OFFLINE_BLOCK_NOT_GRANTED: () => 'オフライン用のデータは、このパソコンでオンラインでログインした直後にだけ発行されます。もう一度ログインしてください。',
    OFFLINE_BLOCK_VOID: () => 'オフラインで使われたワンタイムパスワードは使用済みとして記録しましたが、利用者がその後サーバーで失効・ロック・削除されていた（またはハードトークンが変わっていた）ため、それで確認した操作は反映されません。',
    OFFLINE_NOT_ISSUED: () => '端末から報告されたワンタイムパスワードは、サーバーがその端末でこの利用者に発行したオフライン用の範囲にないため、記録していません（不正使用の可能性）。それで確認した操作は反映されません。',
    OFFLINE_AHEAD_OF_CLOCK: () => '端末から報告されたワンタイムパスワードは、報告された使用時刻の時点ではまだ使えないはずの先のコード（または未来の時刻）のため、記録していません（不正使用の可能性）。それで確認した操作は反映されません。',
    DEADLINE_PASSED: () => '処理が時間内に終わらなかったため、何も反映していません。しばらくしてからもう一度お試しください。',
    DESKTOP_UNKNOWN: () => 'この端末はサーバーに登録されていません。接続設定を確認してください。',
    TRANSFER_INVALID: () => '入力内容に誤りがあります。各項目のメッセージをご確認ください。',
    TRANSFER_NO_RIGHT: () => 'この取引の権限（依頼権限または承認権限）がありません。マスターユーザーまたは管理者にお問い合わせください。',
    TRANSFER_NOT_FOUND: () => '指定のお取引が見つかりません。',
    TRANSFER_NOT_PENDING: () => 'このお取引は承認待ちではありません（承認済・差戻し・取消・期限切れのいずれか）。',
    TRANSFER_OWN_REQUEST: () => 'ご自身が依頼したお取引は承認・差戻しできません。',
    TRANSFER_ALREADY_APPROVED: () => 'このお取引はすでに承認済です。',
    TRANSFER_CHANGED: () => 'お取引の内容が変更されています。最新の内容をご確認のうえ、もう一度承認してください。',
    TRANSFER_EXPIRED: () => '振込指定日を過ぎたため、このお取引は期限切れです。',
    TRANSFER_NOT_REQUESTER: () => 'お取引の取消は依頼者ご本人のみ行えます。',
  },
  sessionEnded: {
    idle: '一定時間操作がなかったため、ログアウトしました。再度ログインしてください。',
    absolute: 'ログインしてから一定時間が経過したため、ログアウトしました。再度ログインしてください。',
    revoked: 'ハードトークンが失効されたため、ログアウトしました。',
    locked: 'ログインIDがロックされたため、ログアウトしました。マスターユーザまたは管理者ユーザにロック解除を依頼してください。',
    logout: 'ログアウトしました。',
    suspended: '画面のロックまたはスリープのため、ログアウトしました。再度ログインしてください。',
  },
  invalid: {
    loginId: `ログインIDは半角英数字${LOGIN_ID_LENGTH.min}桁以上${LOGIN_ID_LENGTH.max}桁以内で入力してください。`,
    password: 'ログインパスワードを正しく入力してください。',
    otp: `ワンタイムパスワードは数字${OTP_DIGITS}桁で入力してください。`,
    serial: `シリアル番号は半角数字${SERIAL_DIGITS.min}桁以上${SERIAL_DIGITS.max}桁以内で入力してください。`,
    authPassword: '認証パスワードを正しく入力してください。',
    loginIds: '失効する利用者を選択してください。',
    companyCode: `企業コードは半角英数字${COMPANY_CODE_MAX}桁以内で入力してください。`,
    companyName: `企業名を${NAME_MAX}文字以内で入力してください。`,
    masterLoginId: `ログインIDは半角英数字${LOGIN_ID_LENGTH.min}桁以上${LOGIN_ID_LENGTH.max}桁以内で入力してください。`,
    masterName: `利用者名を${NAME_MAX}文字以内で入力してください。`,
    name: `利用者名を${NAME_MAX}文字以内で入力してください。`,
    userType: '利用者区分を選択してください。',
    loginPassword: 'ログインパスワードを正しく入力してください。',
    initialLoginPassword: '初期ログインパスワードを正しく入力してください。',
    initialAuthPassword: '初期認証パスワードを正しく入力してください。',
    newAuthPassword: '新しい認証パスワードを正しく入力してください。',
    currentLogin: '現在のログインパスワードを正しく入力してください。',
    nextLogin: '新しいログインパスワードを正しく入力してください。',
    currentAuth: '現在の認証パスワードを正しく入力してください。',
    nextAuth: '新しい認証パスワードを正しく入力してください。',
    preSharedKeyHex: jaSetup.tokenImport.keyInvalid,
    fileBase64: jaSetup.importProblems.FILE_TOO_LARGE,
    filter: '検索条件を正しく入力してください。',
    url: 'サーバーのURLは https://ホスト名:ポート番号 の形で入力してください。',
    fingerprint: 'フィンガープリントは16進数64桁(SHA-256)で入力してください。コロン(:)はあってもなくてもかまいません。',
    passphrase: jaBackup.backup.tooShort,
  },
  attemptsLeft: (n) => `(あと${n}回誤るとロックされます)`,
  serialAttemptsLeft: (n) => `(シリアル番号の誤りも回数に数えます。あと${n}回誤るとロックされます)`,
  rules: { ...ruleNames(jaSetup.passwordRules), differs: 'ログインパスワードと認証パスワードが異なる' },
  brokenRules: (rules) => `(満たしていない条件: ${rules})`,
  wrongCurrent: { currentLogin: '現在のログインパスワードが正しくありません。', currentAuth: '現在の認証パスワードが正しくありません。' },
};

const en: ErrorDictionary = {
  codes: {
    VALIDATION: () => 'Some input is not valid.',
    INTERNAL: () => 'A system error occurred. Please try again later.',
    BAD_CREDENTIALS: () => 'The login ID or login password is incorrect.',
    PASSWORD_UNCHANGED: () => 'Enter a password different from the current one.',
    LOCKED: () => 'This login ID is locked. Ask your master user or an administrator to unlock it.',
    REVOKED_COOLING_DOWN: (e) =>
      `Your hardware token has been revoked, so you cannot log in. You can register a token again from ${at(e.reRegistrationAt, 'en')}.`,
    SESSION_INVALID: () => 'You are not logged in, or your login has expired. Please log in again.',
    SESSION_EXPIRED: () => 'You have been logged out.',
    CHALLENGE_INVALID: () => 'The login has timed out. Please start again.',
    FORBIDDEN: () => 'You are not allowed to perform this operation.',
    BAD_AUTH_PASSWORD: () => 'The authentication password is incorrect.',
    OTP_INVALID: () => 'The one-time password is incorrect.',
    OTP_REUSED: () => 'This one-time password has already been used. Wait for the token to show the next one.',
    OTP_AHEAD_OF_CLOCK: () => 'This hardware token holds a use recorded ahead of the current time, so its one-time password cannot be accepted. This failure does not count towards the lock. Please contact your administrator.',
    NO_ACTIVE_TOKEN: () => 'You have no hardware token in service.',
    TOKEN_EXPIRED: (e) =>
      `Your hardware token expired on ${at(e.expiredAt, 'en')}. ${enUsers.replace.text}`,
    TOKEN_NOT_FOUND: () => 'No hardware token has this serial number. Please check the serial number.',
    TOKEN_OTHER_COMPANY: () => 'This hardware token is registered to another contract and cannot be registered.',
    TOKEN_DISABLED: () => 'This hardware token cannot be used. Please contact the EB Support Centre.',
    ALREADY_HAS_TOKEN: () => 'A hardware token is already registered. A user can have only one token.',
    NOT_REVOCABLE: (e) => `These users have no token in service to revoke: ${(e.loginIds ?? []).join(', ')}`,
    USER_NOT_FOUND: (e) => `These users were not found: ${(e.loginIds ?? []).join(', ')}`,
    NOT_LOCKED: () => 'This user is not locked.',
    RESYNC_FAILED: () => 'The hardware token could not be resynchronised.',
    PASSWORD_POLICY: () => 'The password does not meet the rules shown. Please check them.',
    PASSWORD_CHANGE_REQUIRED: () => 'This is your first login: please change your login and authentication passwords.',
    SETUP_ALREADY_DONE: () => 'Setup is already complete. Please log in.',
    SETUP_INVALID: () => 'The setup has timed out. Restart the app and start again.',
    LOGIN_ID_TAKEN: () => 'This login ID is already in use. Please choose another.',
    COMPANY_CODE_TAKEN: () => 'A company with this company code is already registered. Please choose another.',
    MASTER_RULE: () => 'A company has exactly one master user: a master cannot be added, changed to another type or deleted.',
    IMPORT_REFUSED: (e) => `The file could not be read. ${importProblemEn(e.problem)}`,
    PREVIEW_INVALID: () => 'The confirmation has expired. Please choose the file again.',
    NOTHING_TO_IMPORT: () => 'There are no hardware tokens to import.',
    SERVER_UNREACHABLE: () => 'Cannot connect to the server. Check the network and the server URL, then try again later.',
    PIN_MISMATCH: () => "The server's certificate does not match the registered fingerprint. The connection was stopped; please check with your company's administrator.",
    CERT_EXPIRED: () => "The server's certificate has expired (or is not yet valid). The connection was stopped; please tell your company's administrator.",
    INSECURE_URL: () => 'An unencrypted connection (http://) cannot be used. Enter a URL starting with https://.',
    BACKUP_REFUSED: (e) => backupProblemEn(e.problem),
    DESKTOP_ONLY: () => "This operation is not available on a desktop connected to the company's server (only on a standalone desktop).",
    OFFLINE_NO_BLOCK: () => 'The server cannot be reached, so you cannot log in. Only users who logged in online on this desktop recently (normally within the last 8 hours) can log in offline.',
    OFFLINE_UNAVAILABLE: () => 'This operation cannot be done offline. Log in again while the server can be reached, then try again.',
    OFFLINE_CONFLICT: () => 'This user was changed on the server after the operation was made offline, so it was not applied. Check the latest details and make it again.',
    OFFLINE_TARGET_GONE: () => 'This user was revoked or removed on the server after the operation was made offline, so it was not applied.',
    OFFLINE_OPERATOR_INVALID: () => 'The user who made this operation was revoked, locked or removed on the server afterwards, so it was not applied.',
    OFFLINE_REPLAY: () => 'The one-time password that confirmed this operation had already been used elsewhere (possible misuse). The operation was not applied; please contact your administrator.',
    OFFLINE_LOGIN_NEEDED: () => 'The server cannot be reached, so this operation is confirmed offline. Please log out, log in again offline, and then repeat the operation.',
    OFFLINE_PROOF_INVALID: () => 'The server could not verify the confirmation of this operation (authentication password and one-time password), so it was not applied (possible misuse). Please make it again online.',
    OFFLINE_BLOCK_NOT_GRANTED: () => 'Offline data is issued only right after an online login on this computer. Please log in again.',
    OFFLINE_BLOCK_VOID: () => 'The one-time password used offline was recorded as used, but its user was revoked, locked or removed on the server afterwards (or no longer holds that token), so any operation it confirmed is not applied.',
    OFFLINE_NOT_ISSUED: () => 'A desktop reported a one-time password outside the offline codes the server issued to this user on that desktop, so it was not recorded (possible misuse). Any operation it confirmed is not applied.',
    OFFLINE_AHEAD_OF_CLOCK: () => 'A desktop reported a one-time password ahead of the clock at its reported time of use (or a time in the future), so it was not recorded (possible misuse). Any operation it confirmed is not applied.',
    DEADLINE_PASSED: () => 'The request did not finish in time, so nothing of it was applied. Please try again later.',
    DESKTOP_UNKNOWN: () => 'This desktop is not registered with the server. Please check the connection settings.',
    TRANSFER_INVALID: () => 'Some entries are invalid. Please check the message of each field.',
    TRANSFER_NO_RIGHT: () => 'You do not have the right (request or approval) for this transaction. Please ask the master user or an administrator.',
    TRANSFER_NOT_FOUND: () => 'The transaction was not found.',
    TRANSFER_NOT_PENDING: () => 'This transaction is no longer awaiting approval (approved, returned, cancelled or expired).',
    TRANSFER_OWN_REQUEST: () => 'You cannot approve or return a transaction you requested yourself.',
    TRANSFER_ALREADY_APPROVED: () => 'You have already approved this transaction.',
    TRANSFER_CHANGED: () => 'The transaction has changed. Please check its current content and approve it again.',
    TRANSFER_EXPIRED: () => 'The transfer date has passed, so this transaction has expired.',
    TRANSFER_NOT_REQUESTER: () => 'Only the requester can cancel a transaction.',
  },
  sessionEnded: {
    idle: 'You were logged out because there was no activity for a while. Please log in again.',
    absolute: 'You were logged out because the maximum login time has passed. Please log in again.',
    revoked: 'You were logged out because your hardware token was revoked.',
    locked: 'You were logged out because your login ID was locked. Ask your master user or an administrator to unlock it.',
    logout: 'You have been logged out.',
    suspended: 'You were logged out because the screen was locked or the computer slept. Please log in again.',
  },
  invalid: {
    loginId: `The login ID must be ${LOGIN_ID_LENGTH.min} to ${LOGIN_ID_LENGTH.max} letters or digits.`,
    password: 'Enter the login password correctly.',
    otp: `The one-time password must be ${OTP_DIGITS} digits.`,
    serial: `The serial number must be ${SERIAL_DIGITS.min} to ${SERIAL_DIGITS.max} digits.`,
    authPassword: 'Enter the authentication password correctly.',
    loginIds: 'Select the users whose token to revoke.',
    companyCode: `The company code must be up to ${COMPANY_CODE_MAX} letters or digits.`,
    companyName: `Enter the company name in ${NAME_MAX} characters or fewer.`,
    masterLoginId: `The login ID must be ${LOGIN_ID_LENGTH.min} to ${LOGIN_ID_LENGTH.max} letters or digits.`,
    masterName: `Enter the user name in ${NAME_MAX} characters or fewer.`,
    name: `Enter the user name in ${NAME_MAX} characters or fewer.`,
    userType: 'Choose the user type.',
    loginPassword: 'Enter the login password correctly.',
    initialLoginPassword: 'Enter the initial login password correctly.',
    initialAuthPassword: 'Enter the initial authentication password correctly.',
    newAuthPassword: 'Enter the new authentication password correctly.',
    currentLogin: 'Enter your current login password correctly.',
    nextLogin: 'Enter the new login password correctly.',
    currentAuth: 'Enter your current authentication password correctly.',
    nextAuth: 'Enter the new authentication password correctly.',
    preSharedKeyHex: enSetup.tokenImport.keyInvalid,
    fileBase64: enSetup.importProblems.FILE_TOO_LARGE,
    filter: 'Enter the search conditions correctly.',
    url: 'Enter the server URL as https://host:port.',
    fingerprint: 'The fingerprint is 64 hexadecimal digits (SHA-256), with or without colons.',
    passphrase: enBackup.backup.tooShort,
  },
  attemptsLeft: (n) => ` (${n} more failed attempt${n === 1 ? '' : 's'} will lock this login ID)`,
  serialAttemptsLeft: (n) => ` (a wrong serial number counts too: ${n} more failed attempt${n === 1 ? '' : 's'} will lock this login ID)`,
  rules: { ...ruleNames(enSetup.passwordRules), differs: 'Login and authentication passwords differ' },
  brokenRules: (rules) => ` (rules not met: ${rules})`,
  wrongCurrent: { currentLogin: 'Your current login password is incorrect.', currentAuth: 'Your current authentication password is incorrect.' },
};

const dictionaries: Record<Lang, ErrorDictionary> = { ja, en };

/** Whether a string (an audit row's reason) is one of the error codes: the dictionary has every one. */
export const isErrorCode = (value: string): value is ErrorCode => Object.hasOwn(ja.codes, value);

/** The field of the request a refusal is about (`loginIds.0` → `loginIds`), when the main process names one. */
export const fieldOf = (error: AppError): string | undefined => error.field?.split('.')[0];

/** One message for any refusal: the code's text, the session's end reason, the attempts left before the lock. */
export function describeError(error: AppError, lang: Lang): string {
  const d = dictionaries[lang];
  const field = fieldOf(error);
  let text = d.codes[error.code](error);
  if (error.code === 'VALIDATION' && field && field in d.invalid) text = d.invalid[field as Field];
  if (error.code === 'SESSION_EXPIRED' && error.reason) text = d.sessionEnded[error.reason];
  if ((field === 'currentLogin' || field === 'currentAuth') && error.code !== 'VALIDATION') text = d.wrongCurrent[field];
  if (error.code === 'PASSWORD_POLICY' && error.rules?.length) text += d.brokenRules(error.rules.map((r) => d.rules[r]).join(lang === 'ja' ? '・' : ', '));
  const left = error.attemptsLeft;
  if (left === undefined || left === 0) return text;
  return text + (error.code === 'TOKEN_NOT_FOUND' ? d.serialAttemptsLeft(left) : d.attemptsLeft(left));
}
