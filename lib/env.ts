import { z } from "zod";

// The one place that reads process.env. Everything else asks getEnv().
// Empty strings count as unset, so a blank line in .env never overrides a default.

const bool = z
  .enum(["true", "false", "1", "0"], { message: 'must be "true" or "false"' })
  .transform((v) => v === "true" || v === "1");

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/.+/, { message: "must be a postgres:// or postgresql:// connection URL" });

const httpUrl = z
  .string()
  .url({ message: "must be an absolute http(s) URL" })
  .refine((v) => /^https?:\/\//.test(v), { message: "must be an absolute http(s) URL" });

/** Comma-separated base64 keys of exactly 32 bytes each (AES-256); the first one encrypts. */
const encryptionKeys = z
  .string()
  .transform((v) => v.split(",").map((k) => k.trim()).filter(Boolean))
  .refine((keys) => keys.length > 0, { message: "must list at least one base64 key" })
  .refine((keys) => keys.every((k) => /^[A-Za-z0-9+/_-]+={0,2}$/.test(k) && Buffer.from(k, "base64").length === 32), {
    message: "must be comma-separated base64 keys of 32 bytes each (e.g. `openssl rand -base64 32`)",
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().default(".data"),
  APP_URL: httpUrl.default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  DEMO_LOGIN: bool.optional(),
  SEED_DEMO: bool.default(true),
  RESEND_API_KEY: z.string().regex(/^re_/, { message: 'must start with "re_"' }).optional(),
  RESEND_BASE_URL: httpUrl.optional(),
  EMAIL_FROM: z.string().min(3).default("Provenant Partners <partners@provenant.dev>"),
  CRON_SECRET: z.string().min(16, { message: "must be at least 16 characters" }).optional(),
  PROBER_ALLOW_PRIVATE_HOSTS: bool.optional(),
  FIXTURE_SITE: bool.optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, { message: "must be a redis:// or rediss:// URL" })
    .optional(),
  SENTRY_DSN: z
    .string()
    .regex(/^https?:\/\/[^@\s]+@[^/\s]+\/\d+$/, { message: "must be a Sentry DSN like https://<key>@<host>/<project id>" })
    .optional(),
  METRICS_TOKEN: z.string().min(16, { message: "must be at least 16 characters" }).optional(),
  ENCRYPTION_KEYS: encryptionKeys.optional(),
  BADGE_SIGNING_KEY: z
    .string()
    .refine((v) => /-----BEGIN PRIVATE KEY-----/.test(v) || /^[A-Za-z0-9+/_-]+={0,2}$/.test(v.trim()), {
      message: "must be an Ed25519 private key: PKCS#8 PEM, or its DER as base64 (e.g. `openssl genpkey -algorithm ed25519`)",
    })
    .optional(),
  WEBHOOK_WORKER: z.enum(["inline", "off"], { message: 'must be "inline" or "off"' }).optional(),
  WEBHOOK_ALLOW_PRIVATE_URLS: bool.optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_.+/, { message: 'must start with "whsec_"' }).optional(),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_.+/, { message: 'must start with "sk_test_", "sk_live_", "rk_test_" or "rk_live_"' }).optional(),
  STRIPE_API_URL: httpUrl.optional(),
  GA4_MEASUREMENT_ID: z.string().regex(/^G-[A-Z0-9]+$/, { message: 'must look like "G-XXXXXXX"' }).optional(),
  GA4_API_SECRET: z.string().min(8, { message: "must be at least 8 characters" }).optional(),
  GA4_ENDPOINT: httpUrl.optional(),
  SALESFORCE_INSTANCE_URL: httpUrl.optional(),
  SALESFORCE_ACCESS_TOKEN: z.string().min(8, { message: "must be at least 8 characters" }).optional(),
  SALESFORCE_CLIENT_ID: z.string().min(8, { message: "must be at least 8 characters" }).optional(),
  SALESFORCE_CLIENT_SECRET: z.string().min(8, { message: "must be at least 8 characters" }).optional(),
  SALESFORCE_API_VERSION: z.string().regex(/^\d{2,3}\.\d$/, { message: 'must look like "62.0"' }).default("62.0"),
  BENCH_ROUTES: bool.default(false),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: "must be an S3 bucket name" }).optional(),
  S3_REGION: z.string().min(2).default("us-east-1"),
  S3_ENDPOINT: httpUrl.optional(),
  S3_ACCESS_KEY_ID: z.string().min(4, { message: "must be at least 4 characters" }).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(8, { message: "must be at least 8 characters" }).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
});

export type Env = z.infer<typeof envSchema> & { demoLogin: boolean; proberAllowPrivateHosts: boolean; fixtureSite: boolean };

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super(
      "Invalid environment configuration:\n" +
        issues.map((i) => `  - ${i.variable}: ${i.message}`).join("\n") +
        "\nSee .env.example for every variable and its format.",
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, source[k] === "" ? undefined : source[k]]),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((i) => ({ variable: String(i.path[0] ?? "?"), message: i.message })),
    );
  }
  const env = result.data;
  const crossIssues: { variable: string; message: string }[] = [];
  if (Boolean(env.GA4_MEASUREMENT_ID) !== Boolean(env.GA4_API_SECRET)) {
    crossIssues.push({ variable: env.GA4_MEASUREMENT_ID ? "GA4_API_SECRET" : "GA4_MEASUREMENT_ID", message: "set GA4_MEASUREMENT_ID and GA4_API_SECRET together" });
  }
  if (env.SALESFORCE_INSTANCE_URL && !env.SALESFORCE_ACCESS_TOKEN && !(env.SALESFORCE_CLIENT_ID && env.SALESFORCE_CLIENT_SECRET)) {
    crossIssues.push({ variable: "SALESFORCE_ACCESS_TOKEN", message: "with SALESFORCE_INSTANCE_URL, set SALESFORCE_ACCESS_TOKEN or SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET" });
  }
  if (!env.SALESFORCE_INSTANCE_URL && (env.SALESFORCE_ACCESS_TOKEN || env.SALESFORCE_CLIENT_ID)) {
    crossIssues.push({ variable: "SALESFORCE_INSTANCE_URL", message: "required when other SALESFORCE_* variables are set" });
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    crossIssues.push({ variable: env.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID", message: "set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together" });
  }
  if (crossIssues.length) throw new EnvError(crossIssues);
  return {
    ...env,
    demoLogin: env.DEMO_LOGIN ?? env.NODE_ENV !== "production",
    proberAllowPrivateHosts: env.PROBER_ALLOW_PRIVATE_HOSTS ?? env.NODE_ENV !== "production",
    fixtureSite: env.FIXTURE_SITE ?? env.NODE_ENV === "development",
  };
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change variables between cases; this forgets the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}
