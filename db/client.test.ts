import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pgErrorOf } from "@/lib/errors";
import { makePartner } from "@/lib/testing/factories";
import { getDbHandle, queryRows } from "./client";
import { partners } from "./schema";

// This file runs on both drivers: PGlite by default, PostgreSQL when CI sets DATABASE_URL.

describe("database client", () => {
  it("uses postgres.js when DATABASE_URL is set, PGlite otherwise", async () => {
    const handle = await getDbHandle();
    expect(handle.driver).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });

  it("returns raw query rows in the same shape on both drivers", async () => {
    const { db } = await getDbHandle();
    const rows = await queryRows<{ n: number; word: string }>(db, sql`select 2::int as n, 'ok' as word`);
    expect(rows).toEqual([{ n: 2, word: "ok" }]);
  });

  it("surfaces constraint violations with their PostgreSQL code on both drivers", async () => {
    const p = await makePartner();
    const { db } = await getDbHandle();
    const error = await db
      .insert(partners)
      .values({ slug: p.slug, name: "Copy", track: "installer" })
      .then(() => null, (e: unknown) => e);
    expect(pgErrorOf(error)?.code).toBe("23505");
  });

  it("enforces check constraints (a tier outside the program is refused)", async () => {
    const { db } = await getDbHandle();
    const error = await db
      .insert(partners)
      .values({ slug: "bad-tier", name: "Bad", track: "installer", tier: "gold" as never })
      .then(() => null, (e: unknown) => e);
    expect(pgErrorOf(error)?.code).toBe("23514");
  });

  it("applies every migration, including the pg_trgm extension", async () => {
    const { db } = await getDbHandle();
    const rows = await queryRows<{ extname: string }>(db, sql`select extname from pg_extension where extname = 'pg_trgm'`);
    expect(rows).toHaveLength(1);
  });
});
