import type { Actor } from "@/lib/audit/actor";
import type { Principal } from "./permissions";

export function actorOf(principal: Principal): Actor {
  if (principal.kind === "user") {
    const v = principal.viewer;
    return { type: "user", id: v.userId, label: v.name ? `${v.name} <${v.email}>` : v.email };
  }
  return { type: "api_key", id: principal.key.keyId, label: `API key "${principal.key.name}"`, partnerId: principal.key.partnerId };
}
