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

/** In memory on a desktop; shared by every instance through PostgreSQL on a company server (main/server/pgSetups.ts). */
export interface SetupStore {
  issue(grant: Omit<SetupGrant, 'id' | 'expiresAt'>, now: Date): Promise<SetupGrant>;
  resolve(id: string, now: Date): Promise<Result<SetupGrant>>;
  end(id: string): Promise<void>;
}

export class MemorySetupStore implements SetupStore {
  private readonly grants = new Map<string, SetupGrant>();

  async issue(grant: Omit<SetupGrant, 'id' | 'expiresAt'>, now: Date): Promise<SetupGrant> {
    this.sweep(now.getTime());
    const issued = { ...grant, id: newId(), expiresAt: now.getTime() + SETUP_TTL_MS };
    this.grants.set(issued.id, issued);
    return issued;
  }

  async resolve(id: string, now: Date): Promise<Result<SetupGrant>> {
    this.sweep(now.getTime());
    const grant = this.grants.get(id);
    return grant ? ok(grant) : fail('SETUP_INVALID');
  }

  async end(id: string): Promise<void> {
    this.grants.delete(id);
  }

  private sweep(t: number): void {
    for (const [id, g] of this.grants) if (t >= g.expiresAt) this.grants.delete(id);
  }
}
