/** A clock the test moves by hand; services read it through the `now` they are given. */
export class TestClock {
  constructor(private current: Date) {}
  readonly now = (): Date => new Date(this.current.getTime());
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A wall time in Japan: `jst('2026-11-24T21:00:00')`. */
export const jst = (local: string): Date => new Date(`${local}+09:00`);
