import { Faker, en } from "@faker-js/faker";
import type { Tx } from "../client";
import type { DemoData } from "./core";

/**
 * What every area's seeder gets: the clock, the core rows (partners, users...)
 * and a random generator of its own, seeded from the area's name, so adding
 * or changing one area never changes another area's data.
 */
export interface SeedContext {
  tx: Tx;
  now: Date;
  core: DemoData;
  faker: Faker;
}

export type AreaSeeder = (ctx: SeedContext) => Promise<void>;

export function fakerFor(area: string): Faker {
  const faker = new Faker({ locale: [en] });
  let seed = 20_261_126;
  for (const ch of area) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
  faker.seed(seed);
  return faker;
}

/** Deterministic ids for seeded rows: prefix + 20 base-36 characters. */
export function seedId(faker: Faker, prefix: string): string {
  return `${prefix}_${faker.string.alphanumeric({ length: 20, casing: "lower" })}`;
}
