declare module '@doyensec/electronegativity' {
  const run: (options: Record<string, unknown>) => Promise<{ issues: unknown[]; errors: unknown[] }>;
  export default run;
}
