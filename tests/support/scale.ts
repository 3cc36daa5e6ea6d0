/**
 * `npm run test:long` sets LONG=1: the reliability suite then runs longer loads and more fuzz cases, races
 * and kills. `npm test` runs the short figures.
 */
export const LONG = process.env.LONG === '1';

export const scaled = (short: number, long: number): number => (LONG ? long : short);
