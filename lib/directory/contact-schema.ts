import { z } from "zod";

// The contact form on a public profile (client-safe: the form validates with it too).

/** Drops control characters PostgreSQL or mail clients choke on (NUL...), keeping line breaks and tabs. */
const clean = (v: string) => v.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");

export const contactInputSchema = z.object({
  name: z.string().transform(clean).pipe(z.string().trim().min(1, "Enter your name").max(100, "At most 100 characters")),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(200),
  company: z
    .string()
    .transform(clean)
    .pipe(z.string().trim().max(120, "At most 120 characters"))
    .optional()
    .transform((v) => v || null),
  message: z.string().transform(clean).pipe(z.string().trim().min(10, "Tell the partner a little more (at least 10 characters)").max(4000, "At most 4,000 characters")),
});
export type ContactInput = z.infer<typeof contactInputSchema>;
