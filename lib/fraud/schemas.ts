import { z } from "zod";

export const reviewHoldSchema = z.strictObject({
  decision: z.enum(["clear", "reject"], { message: "Clear or reject" }),
  reason: z.string().trim().min(10, "Explain the decision in at least 10 characters").max(1000, "At most 1000 characters"),
});
