export function wantedFuses(): Record<string, boolean>;
export function applyFuses(
  electronBinary: string,
  fuses?: Record<string, boolean>,
  resetAdHocDarwinSignature?: boolean,
): Promise<Record<string, unknown>>;
