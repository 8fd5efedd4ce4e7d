import { describe, expect, it } from "vitest";
import {
  ADMIN_ACTIONS,
  EXEC_ACTIONS,
  PARTNER_ACTIONS,
  assertPartner,
  decideAdmin,
  decideBrandKit,
  decideKeyForPartner,
  decideKeyForPlatform,
  decidePartner,
  decideProgramFeature,
  resolveConsolePartner,
  type KeyPrincipal,
  type PartnerAction,
  type Viewer,
} from "./permissions";

const P1 = "ptr_one";
const P2 = "ptr_two";

const viewer = (over: Partial<Viewer>): Viewer => ({
  userId: "usr_x",
  email: "x@example.test",
  name: null,
  isAdmin: false,
  memberships: [],
  ...over,
});

const subjects = {
  anonymous: null,
  stranger: viewer({}),
  owner: viewer({ memberships: [{ partnerId: P1, role: "owner" }] }),
  member: viewer({ memberships: [{ partnerId: P1, role: "member" }] }),
  otherOwner: viewer({ memberships: [{ partnerId: P2, role: "owner" }] }),
  admin: viewer({ isAdmin: true }),
  exec: viewer({ isAdmin: true, isExec: true }),
} as const;

type Subject = keyof typeof subjects;
type Outcome = "allow" | "unauthenticated" | "forbidden";

// The whole matrix for partner P1: role x action -> outcome. A new action
// without a row here fails the completeness test below.
const MATRIX: Record<PartnerAction, Record<Subject, Outcome>> = {
  "partner:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "listing:write": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "members:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "members:manage": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "forbidden", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "api_keys:manage": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "forbidden", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "activity:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "links:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "links:write": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "deals:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "deals:write": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "commissions:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "webhooks:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "webhooks:manage": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "forbidden", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "installs:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "installs:write": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "checks:run": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "reports:publish": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "forbidden", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "evidence:export": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "nps:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "payouts:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "payouts:manage": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "forbidden", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "marketing:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "marketing:write": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "mdf:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "mdf:write": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "agreements:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "agreements:sign": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "forbidden", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "onboarding:dismiss": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "certification:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "certification:write": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "badges:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "badges:manage": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "brand:download": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "leads:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
  "leads:write": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "forbidden", exec: "forbidden" },
  "ranking:read": { anonymous: "unauthenticated", stranger: "forbidden", owner: "allow", member: "allow", otherOwner: "forbidden", admin: "allow", exec: "allow" },
};

const outcome = (d: ReturnType<typeof decidePartner>): Outcome => (d.allowed ? "allow" : d.reason);

describe("partner actions: role x action x owner", () => {
  it("has a row for every action", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(PARTNER_ACTIONS).sort());
  });

  const cases = (Object.keys(MATRIX) as PartnerAction[]).flatMap((action) =>
    (Object.keys(subjects) as Subject[]).map((subject) => [action, subject, MATRIX[action][subject]] as const),
  );

  it.each(cases)("%s by %s on partner P1 -> %s", (action, subject, expected) => {
    expect(outcome(decidePartner(subjects[subject], action, P1))).toBe(expected);
  });

  it("an owner of P1 has no rights on P2", () => {
    for (const action of Object.keys(PARTNER_ACTIONS) as PartnerAction[]) {
      expect(decidePartner(subjects.owner, action, P2).allowed).toBe(false);
    }
  });

  it("assertPartner throws 401 for anonymous and 403 for the wrong partner", () => {
    expect(() => assertPartner(null, "partner:read", P1)).toThrowError(expect.objectContaining({ code: "unauthorized" }));
    expect(() => assertPartner({ kind: "user", viewer: subjects.otherOwner }, "partner:read", P1)).toThrowError(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() => assertPartner({ kind: "user", viewer: subjects.member }, "partner:read", P1)).not.toThrow();
  });
});

describe("admin actions", () => {
  it.each(ADMIN_ACTIONS.flatMap((a) => (Object.keys(subjects) as Subject[]).map((s) => [a, s] as const)))(
    "%s by %s",
    (action, subject) => {
      const isAdmin = subject === "admin" || subject === "exec";
      const execOnly = EXEC_ACTIONS.includes(action);
      const expected: Outcome =
        subject === "anonymous" ? "unauthenticated" : subject === "exec" || (isAdmin && !execOnly) ? "allow" : "forbidden";
      expect(outcome(decideAdmin(subjects[subject], action))).toBe(expected);
    },
  );
});

describe("exec role", () => {
  it("only an admin with the exec role signs exit-test packages; a plain exec flag without admin does nothing", () => {
    expect(EXEC_ACTIONS).toEqual(["exit_tests:sign", "staff:exec"]);
    expect(outcome(decideAdmin(subjects.admin, "exit_tests:sign"))).toBe("forbidden");
    expect(outcome(decideAdmin(subjects.exec, "exit_tests:sign"))).toBe("allow");
    expect(outcome(decideAdmin(viewer({ isExec: true }), "exit_tests:sign"))).toBe("forbidden");
    expect(outcome(decideAdmin(subjects.admin, "exit_tests:run"))).toBe("allow");
  });

  it("any admin manages the staff; only an exec grants or revokes the exec role", () => {
    expect(outcome(decideAdmin(subjects.admin, "staff:manage"))).toBe("allow");
    expect(outcome(decideAdmin(subjects.admin, "staff:exec"))).toBe("forbidden");
    expect(outcome(decideAdmin(subjects.exec, "staff:exec"))).toBe("allow");
    expect(outcome(decideAdmin(subjects.owner, "staff:manage"))).toBe("forbidden");
  });
});

describe("API keys", () => {
  const partnerKey: KeyPrincipal = { keyId: "key_1", kind: "partner", partnerId: P1, scopes: ["partner:read", "listing:write"] };
  const platformKey: KeyPrincipal = { keyId: "key_2", kind: "platform", partnerId: null, scopes: ["platform:read"] };

  it("a partner key acts on its own partner within its scopes only", () => {
    expect(decideKeyForPartner(partnerKey, "listing:write", P1).allowed).toBe(true);
    expect(decideKeyForPartner(partnerKey, "listing:write", P2)).toEqual({ allowed: false, reason: "forbidden" });
    expect(decideKeyForPartner(partnerKey, "activity:read", P1)).toEqual({ allowed: false, reason: "forbidden" });
  });

  it("a key manages webhooks only with the webhooks:manage scope", () => {
    expect(decideKeyForPartner(partnerKey, "webhooks:manage", P1).allowed).toBe(false);
    const hooks = { ...partnerKey, scopes: ["webhooks:read", "webhooks:manage"] };
    expect(decideKeyForPartner(hooks, "webhooks:manage", P1).allowed).toBe(true);
    expect(decideKeyForPartner(hooks, "webhooks:read", P2).allowed).toBe(false);
  });

  it("a key can never manage keys or members, whatever its scopes say", () => {
    const greedy = { ...partnerKey, scopes: ["api_keys:manage", "members:manage"] };
    expect(decideKeyForPartner(greedy, "api_keys:manage", P1).allowed).toBe(false);
    expect(decideKeyForPartner(greedy, "members:manage", P1).allowed).toBe(false);
  });

  it("a partner key may read its own installs, never write them or export evidence", () => {
    const reader = { ...partnerKey, scopes: ["installs:read", "installs:write", "evidence:export"] };
    expect(decideKeyForPartner(reader, "installs:read", P1).allowed).toBe(true);
    expect(decideKeyForPartner(reader, "installs:read", P2).allowed).toBe(false);
    expect(decideKeyForPartner(reader, "installs:write", P1).allowed).toBe(false);
    expect(decideKeyForPartner(reader, "evidence:export", P1).allowed).toBe(false);
  });

  it("a partner key may read its own payouts, never change payout settings", () => {
    const payouts = { ...partnerKey, scopes: ["payouts:read", "payouts:manage"] };
    expect(decideKeyForPartner(payouts, "payouts:read", P1).allowed).toBe(true);
    expect(decideKeyForPartner(payouts, "payouts:read", P2).allowed).toBe(false);
    expect(decideKeyForPartner(payouts, "payouts:manage", P1).allowed).toBe(false);
  });

  it("a partner key may read its own certification, never take quizzes or upload documents", () => {
    const cert = { ...partnerKey, scopes: ["certification:read", "certification:write"] };
    expect(decideKeyForPartner(cert, "certification:read", P1).allowed).toBe(true);
    expect(decideKeyForPartner(cert, "certification:read", P2).allowed).toBe(false);
    expect(decideKeyForPartner(cert, "certification:write", P1).allowed).toBe(false);
  });

  it("a platform key is not a partner key and vice versa", () => {
    expect(decideKeyForPartner(platformKey, "partner:read", P1).allowed).toBe(false);
    expect(decideKeyForPlatform(platformKey, "platform:read").allowed).toBe(true);
    expect(decideKeyForPlatform(platformKey, "platform:write").allowed).toBe(false);
    expect(decideKeyForPlatform(partnerKey, "platform:read").allowed).toBe(false);
    expect(decideKeyForPlatform(null, "platform:read")).toEqual({ allowed: false, reason: "unauthenticated" });
  });
});

describe("program features by standing", () => {
  const cases = [
    ["verified", "active", "co_marketing", true],
    ["advanced", "active", "co_marketing", true],
    ["premier", "active", "co_marketing", true],
    ["verified", "probation", "co_marketing", false],
    ["premier", "suspended", "co_marketing", false],
    ["verified", "active", "mdf", false],
    ["advanced", "active", "mdf", true],
    ["premier", "active", "mdf", true],
    ["verified", "probation", "mdf", false],
    ["advanced", "suspended", "mdf", false],
  ] as const;
  it.each(cases)("%s partner, %s: %s -> %s", (tier, status, feature, allowed) => {
    const d = decideProgramFeature({ tier, status }, feature);
    expect(d.allowed).toBe(allowed);
    if (!d.allowed) expect(d.reason.length).toBeGreaterThan(10);
  });
});

describe("resolveConsolePartner", () => {
  const two = viewer({ memberships: [{ partnerId: P1, role: "owner" }, { partnerId: P2, role: "member" }] });

  it("defaults to the first membership, then remembers the choice", () => {
    expect(resolveConsolePartner(two, null, null)).toEqual({ partnerId: P1, denied: false });
    expect(resolveConsolePartner(two, null, P2)).toEqual({ partnerId: P2, denied: false });
  });

  it("ignores a remembered partner the viewer no longer belongs to", () => {
    expect(resolveConsolePartner(subjects.owner, null, P2)).toEqual({ partnerId: P1, denied: false });
  });

  it("denies an explicit request for someone else's partner, admins included", () => {
    expect(resolveConsolePartner(subjects.owner, P2, null).denied).toBe(true);
    expect(resolveConsolePartner(subjects.admin, P1, null).denied).toBe(true);
  });

  it("has no partner for a viewer without memberships", () => {
    expect(resolveConsolePartner(subjects.stranger, null, null)).toEqual({ partnerId: null, denied: false });
  });
});

describe("decideBrandKit: members of an eligible partner", () => {
  it.each([
    ["anonymous", true, "unauthenticated"],
    ["stranger", true, "forbidden"],
    ["owner", true, "allow"],
    ["member", true, "allow"],
    ["owner", false, "forbidden"],
    ["member", false, "forbidden"],
    ["otherOwner", true, "forbidden"],
    ["admin", false, "allow"],
  ] as const)("%s, partner eligible=%s -> %s", (subject, eligible, expected) => {
    expect(outcome(decideBrandKit(subjects[subject], P1, eligible))).toBe(expected);
  });
});
