import { z } from "zod";

export const partnerQuerySchema = z.object({ partnerId: z.string().min(1, "Required").max(64) });
export const assetQuerySchema = partnerQuerySchema.extend({
  file: z.string().max(200).optional(),
  zip: z.enum(["1"]).optional(),
});
