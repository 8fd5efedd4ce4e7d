import "server-only";
import { and, desc, eq, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { crmOpportunities } from "@/db/schema";
import { getEnv } from "@/lib/env";

// CRM auto-attach: when a customer is attributed, its opportunity gets the
// partner id. Salesforce over REST when SALESFORCE_INSTANCE_URL is set (with an
// access token, or client credentials exchanged for one); otherwise the app's
// own opportunities table.

export interface AttachInput {
  /** The CRM's opportunity id, when the event or the deal knows it. */
  opportunityId: string | null;
  domain: string | null;
  company: string | null;
  customerId: string;
  partnerId: string;
  partnerName: string;
  dealId: string | null;
  now: Date;
}

export interface AttachResult {
  system: "salesforce" | "local";
  opportunityId: string | null;
}

export interface CrmAdapter {
  readonly system: "salesforce" | "local";
  attachPartner(input: AttachInput): Promise<AttachResult>;
}

/** The app's own opportunities: the one for the customer (or domain) gets the partner; created if none. */
export const localCrm: CrmAdapter = {
  system: "local",
  async attachPartner(input) {
    const db = await getDb();
    const match = input.opportunityId
      ? eq(crmOpportunities.id, input.opportunityId)
      : or(eq(crmOpportunities.customerId, input.customerId), input.domain ? eq(crmOpportunities.domain, input.domain) : isNull(crmOpportunities.id))!;
    const [existing] = await db.select().from(crmOpportunities).where(and(match)).orderBy(desc(crmOpportunities.updatedAt)).limit(1);
    if (existing) {
      await db
        .update(crmOpportunities)
        .set({ partnerId: input.partnerId, dealId: input.dealId ?? existing.dealId, customerId: existing.customerId ?? input.customerId, updatedAt: input.now })
        .where(eq(crmOpportunities.id, existing.id));
      return { system: "local", opportunityId: existing.id };
    }
    const [row] = await db
      .insert(crmOpportunities)
      .values({
        company: input.company ?? input.domain ?? input.customerId,
        domain: input.domain,
        customerId: input.customerId,
        partnerId: input.partnerId,
        dealId: input.dealId,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning({ id: crmOpportunities.id });
    return { system: "local", opportunityId: row!.id };
  },
};

export interface SalesforceConfig {
  instanceUrl: string;
  apiVersion: string;
  accessToken?: string;
  clientId?: string;
  clientSecret?: string;
}

/** Salesforce REST: PATCH /services/data/vXX.X/sobjects/Opportunity/{id} with the partner fields. */
export function salesforceCrm(config: SalesforceConfig): CrmAdapter {
  let token = config.accessToken ?? null;
  const base = config.instanceUrl.replace(/\/+$/, "");
  const api = `${base}/services/data/v${config.apiVersion}`;

  async function accessToken(refresh = false): Promise<string> {
    if (token && !refresh) return token;
    if (!config.clientId || !config.clientSecret) {
      if (token) return token;
      throw new Error("Salesforce: no access token and no client credentials");
    }
    const res = await fetch(`${base}/services/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: config.clientId, client_secret: config.clientSecret }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => null)) as { access_token?: string; error_description?: string } | null;
    if (!res.ok || !body?.access_token) throw new Error(`Salesforce token request failed (${res.status}): ${body?.error_description ?? "no token"}`);
    token = body.access_token;
    return token;
  }

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    const send = async (t: string) =>
      fetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${t}`, "content-type": "application/json", accept: "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    let res = await send(await accessToken());
    if (res.status === 401 && config.clientId) res = await send(await accessToken(true));
    return res;
  }

  async function errorOf(res: Response): Promise<string> {
    const body = (await res.json().catch(() => null)) as { message?: string; errorCode?: string }[] | null;
    return `Salesforce answered ${res.status}${body?.[0] ? `: ${body[0].errorCode} ${body[0].message}` : ""}`;
  }

  return {
    system: "salesforce",
    async attachPartner(input) {
      let id = input.opportunityId;
      if (!id && input.domain) {
        const soql = `SELECT Id FROM Opportunity WHERE IsClosed = false AND Account.Website LIKE '%${input.domain.replace(/['\\%_]/g, "")}%' ORDER BY CreatedDate DESC LIMIT 1`;
        const res = await call("GET", `/query?q=${encodeURIComponent(soql)}`);
        if (!res.ok) throw new Error(await errorOf(res));
        const body = (await res.json()) as { records?: { Id: string }[] };
        id = body.records?.[0]?.Id ?? null;
      }
      if (!id) return { system: "salesforce", opportunityId: null };
      const res = await call("PATCH", `/sobjects/Opportunity/${encodeURIComponent(id)}`, {
        Partner_Id__c: input.partnerId,
        Partner_Name__c: input.partnerName,
        Partner_Deal_Id__c: input.dealId,
      });
      if (res.status !== 204 && !res.ok) throw new Error(await errorOf(res));
      return { system: "salesforce", opportunityId: id };
    },
  };
}

export function configuredCrm(): CrmAdapter {
  const env = getEnv();
  if (!env.SALESFORCE_INSTANCE_URL) return localCrm;
  return salesforceCrm({
    instanceUrl: env.SALESFORCE_INSTANCE_URL,
    apiVersion: env.SALESFORCE_API_VERSION,
    accessToken: env.SALESFORCE_ACCESS_TOKEN,
    clientId: env.SALESFORCE_CLIENT_ID,
    clientSecret: env.SALESFORCE_CLIENT_SECRET,
  });
}
