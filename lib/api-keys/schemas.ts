import { z } from "zod";
import { PARTNER_API_SCOPES, PLATFORM_API_SCOPES } from "@/lib/auth/permissions";

export const createPartnerApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(60, "At most 60 characters"),
  scopes: z
    .array(z.enum(PARTNER_API_SCOPES as [string, ...string[]]), { message: "Choose at least one scope" })
    .min(1, "Choose at least one scope")
    .transform((s) => [...new Set(s)]),
});
export type CreatePartnerApiKeyInput = z.infer<typeof createPartnerApiKeySchema>;

export const createPlatformApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(60, "At most 60 characters"),
  scopes: z
    .array(z.enum(PLATFORM_API_SCOPES))
    .min(1, "Choose at least one scope")
    .transform((s) => [...new Set(s)]),
});
export type CreatePlatformApiKeyInput = z.infer<typeof createPlatformApiKeySchema>;

export const ApiKeySchema = z.object({
  id: z.string(),
  kind: z.enum(["partner", "platform"]),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;
