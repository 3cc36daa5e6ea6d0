import { fail, ok, type Result } from '../../shared/errors';
import { newId } from '../session/ids';

/** How long the first-run setup may take between creating the company and importing its tokens. */
export const SETUP_TTL_MS = 30 * 60_000;

/**
 * Proof that this process created the company a moment ago: it stands in for the step-up during the first
 * import, when no token exists yet to give an OTP with. In memory only, like sessions (DESIGN-NOTES 4).
 */
export type SetupGrant = {
  readonly id: string;
  readonly companyId: number;
  readonly masterLoginId: string;
  readonly expiresAt: number;
};

export class SetupStore {
  private readonly grants = new Map<string, SetupGrant>();

  issue(grant: Omit<SetupGrant, 'id' | 'expiresAt'>, now: Date): SetupGrant {
    this.sweep(now.getTime());
    const issued = { ...grant, id: newId(), expiresAt: now.getTime() + SETUP_TTL_MS };
    this.grants.set(issued.id, issued);
    return issued;
  }

  resolve(id: string, now: Date): Result<SetupGrant> {
    this.sweep(now.getTime());
    const grant = this.grants.get(id);
    return grant ? ok(grant) : fail('SETUP_INVALID');
  }

  end(id: string): void {
    this.grants.delete(id);
  }

  private sweep(t: number): void {
    for (const [id, g] of this.grants) if (t >= g.expiresAt) this.grants.delete(id);
  }
}
