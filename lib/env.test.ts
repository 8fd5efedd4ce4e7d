import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("runs with no variables at all: PGlite, local URL, demo login on in development", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.demoLogin).toBe(true);
    expect(env.SEED_DEMO).toBe(true);
  });

  it("turns demo login off in production unless asked for", () => {
    expect(parseEnv({ NODE_ENV: "production" }).demoLogin).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", DEMO_LOGIN: "true" }).demoLogin).toBe(true);
  });

  it("lets the prober reach private hosts and serves the fixture site only where it is safe by default", () => {
    expect(parseEnv({ NODE_ENV: "development" })).toMatchObject({ proberAllowPrivateHosts: true, fixtureSite: true });
    expect(parseEnv({ NODE_ENV: "production" })).toMatchObject({ proberAllowPrivateHosts: false, fixtureSite: false });
    expect(parseEnv({ NODE_ENV: "production", PROBER_ALLOW_PRIVATE_HOSTS: "true", FIXTURE_SITE: "1" })).toMatchObject({ proberAllowPrivateHosts: true, fixtureSite: true });
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", APP_URL: "" }).APP_URL).toBe("http://localhost:3000");
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL", "postgres://"],
    [{ APP_URL: "localhost:3000" }, "APP_URL", "http(s) URL"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET", "32 characters"],
    [{ DEMO_LOGIN: "yes" }, "DEMO_LOGIN", '"true" or "false"'],
    [{ RESEND_API_KEY: "abc" }, "RESEND_API_KEY", 're_"'],
    [{ ENCRYPTION_KEYS: Buffer.alloc(16).toString("base64") }, "ENCRYPTION_KEYS", "32 bytes"],
    [{ ENCRYPTION_KEYS: `${Buffer.alloc(32, 1).toString("base64")},not a key` }, "ENCRYPTION_KEYS", "32 bytes"],
    [{ WEBHOOK_WORKER: "yes" }, "WEBHOOK_WORKER", '"inline" or "off"'],
  ])("refuses %o and names the variable", (source, variable, hint) => {
    let caught: unknown;
    try {
      parseEnv(source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const message = (caught as EnvError).message;
    expect(message).toContain(`${variable}:`);
    expect(message).toContain(hint);
  });

  it("reads ENCRYPTION_KEYS as a list, first key first", () => {
    const a = Buffer.alloc(32, 1).toString("base64");
    const b = Buffer.alloc(32, 2).toString("base64");
    expect(parseEnv({ ENCRYPTION_KEYS: ` ${a} , ${b}` }).ENCRYPTION_KEYS).toEqual([a, b]);
  });

  it("reports every bad variable at once", () => {
    expect(() => parseEnv({ DATABASE_URL: "nope", APP_URL: "nope" })).toThrowError(/DATABASE_URL[\s\S]*APP_URL/);
  });
});
