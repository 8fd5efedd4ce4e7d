// Who did something. Every audit event and every authorization decision names one.

export type Actor =
  | { type: "user"; id: string; label: string }
  | { type: "api_key"; id: string; label: string; partnerId: string | null }
  | { type: "system"; id: string; label: string };

export const systemActor = (id: string, label = id): Actor => ({ type: "system", id, label });
