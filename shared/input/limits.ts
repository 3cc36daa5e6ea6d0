/**
 * Every limit an input field has, written once: the schemas (fields.ts, the contract) are built from these, and
 * the renderer's hints and messages state them from the same constants. Zod-free, so the renderer reads them
 * without bundling zod. Password lengths live with the password rules (passwordPolicy.ts).
 */

/** SPEC R-TOK-5: 半角数字8桁以上12桁以内. */
export const SERIAL_DIGITS = { min: 8, max: 12 } as const;

/** SPEC R-OTP-1: the OTP of a login or a step-up. */
export const OTP_DIGITS = 6;

/** Half-width letters and digits. */
export const LOGIN_ID_LENGTH = { min: 4, max: 32 } as const;

export const COMPANY_CODE_MAX = 16;

/** Company and user names. */
export const NAME_MAX = 64;

/** A PSKC pre-shared key in hexadecimal: AES-128, -192 or -256. */
export const PRE_SHARED_KEY_HEX_DIGITS = [32, 48, 64] as const;
export const PRE_SHARED_KEY_PATTERN = new RegExp(`^(${PRE_SHARED_KEY_HEX_DIGITS.map((n) => `[0-9a-fA-F]{${n}}`).join('|')})$`);

/** A token file, once decoded; checked by the renderer before reading it and by main before decoding it. */
export const IMPORT_FILE_MAX_BYTES = 32 * 1024 * 1024;
