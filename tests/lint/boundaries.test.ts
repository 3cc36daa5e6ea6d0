import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** The process boundaries of eslint.config.js, proved on snippets linted as if they lived at a path. */
const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;
/** The snippets live at paths no tsconfig holds, so the typed rules (which need a program) are off for them. */
const untyped = {
  languageOptions: { parserOptions: { projectService: false } },
  rules: {
    '@typescript-eslint/no-floating-promises': 'off',
    '@typescript-eslint/no-misused-promises': 'off',
    '@typescript-eslint/switch-exhaustiveness-check': 'off',
  },
} as const;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfig: untyped });
});

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message);
}

describe('process boundaries (lint)', () => {
  it.each([
    ['main/otp/x.ts', "import x from 'electron';", /only main\/shell\/ may import electron/],
    ['main/store/x.ts', "import { app as x } from 'electron';", /only main\/shell\/ may import electron/],
    ['main/otp/x.ts', "import x from '../../renderer/src/api';", /never imports renderer/],
    ['renderer/src/x.ts', "import x from '../../main/otp/totp';", /never imports main-process code/],
    ['renderer/src/x.ts', "import x from 'node:fs';", /only through window.api/],
    ['renderer/src/x.ts', "import x from 'fs';", /only through window.api/],
    ['renderer/src/x.ts', "import x from 'electron';", /only through window.api/],
    ['shared/x.ts', "import x from 'node:crypto';", /no electron, no Node modules/],
    ['shared/x.ts', "import x from '../main/otp/totp';", /depends on nothing but itself/],
    ['tests/x.test.ts', "import x from 'electron';", /Tests run without Electron/],
  ])('%s: %s is an error', async (filePath, code, message) => {
    const errors = await importErrors(filePath, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['main/shell/x.ts', "import x from 'electron';"],
    ['main/otp/x.ts', "import x from 'node:crypto';"],
    ['renderer/src/x.ts', "import x from '../../shared/contract';"],
    ['shared/x.ts', "import x from 'zod';"],
  ])('%s: %s is allowed', async (filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([]);
  });
});
