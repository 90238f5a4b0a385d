/**
 * In production the CMS refuses to start with a missing secret or one copied from .env.example.
 * Called while the server config loads, before anything listens.
 */
export const SECRET_VARIABLES = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  // Shared with the site's server, which tells the CMS each reader's IP (registration limits).
  'SITE_FORWARDING_SECRET',
  // Shared with the site: signs the CMS's purges of its page cache, and the editors' preview links.
  'SITE_PURGE_SECRET',
  'PREVIEW_SECRET',
] as const;

/**
 * Never set in a public deployment: the development admin (DEV_ADMIN_*, see security/admin.ts),
 * and credentials under the STRAPI_ADMIN_ prefix, which `strapi build` publishes in the admin panel.
 */
export function findDevelopmentCredentials(environment: Record<string, string | undefined>): string[] {
  return Object.keys(environment)
    .filter(
      (name) =>
        environment[name] &&
        (/^DEV_ADMIN_PASSWORD$/.test(name) || /^STRAPI_ADMIN_\w*(PASSWORD|SECRET|TOKEN|KEY)/.test(name)),
    )
    .map(
      (name) =>
        `${name} is set (a public deployment never uses the development admin, and STRAPI_ADMIN_* variables are published in the admin panel)`,
    );
}

/** Values used in .env.example and documentation: never acceptable in production. */
const EXAMPLE_MARKERS = ['changeme', 'change-me', 'tobemodified', 'example', 'secret', 'your-'];
const MIN_LENGTH = 16;

export function findSecretProblems(read: (name: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const name of SECRET_VARIABLES) {
    const raw = read(name)?.trim() ?? '';
    const values =
      name === 'APP_KEYS'
        ? raw
            .split(',')
            .map((v) => v.trim())
            .filter(Boolean)
        : [raw].filter(Boolean);
    if (values.length === 0) {
      problems.push(`${name} is missing`);
      continue;
    }
    for (const value of values) {
      const lower = value.toLowerCase();
      if (EXAMPLE_MARKERS.some((marker) => lower.includes(marker))) problems.push(`${name} holds an example value`);
      else if (value.length < MIN_LENGTH) problems.push(`${name} is shorter than ${MIN_LENGTH} characters`);
    }
  }
  return [...new Set(problems)];
}

export function assertProductionSecrets(env: (name: string, fallback?: string) => string | undefined) {
  if (env('NODE_ENV') !== 'production') return;
  const problems = [...findSecretProblems((name) => env(name)), ...findDevelopmentCredentials(process.env)];
  if (problems.length > 0) {
    throw new Error(
      `Refusing to start in production: ${problems.join('; ')}. ` +
        'Generate secrets with `openssl rand -base64 32` and set them in the environment (see .env.example).',
    );
  }
}
