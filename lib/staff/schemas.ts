import { z } from "zod";

// Inputs of the program staff page: adding an admin by email, and naming the
// admin a change applies to.

export const addAdminSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(254, "At most 254 characters")),
  // Nullish: the form sends what this schema produced on the client (null for no name).
  name: z
    .string()
    .trim()
    .max(80, "At most 80 characters")
    .nullish()
    .transform((v) => v || null),
});
export type AddAdminInput = z.infer<typeof addAdminSchema>;

export const staffMemberSchema = z.strictObject({
  userId: z.string().trim().regex(/^usr_[0-9a-z]{6,40}$/, "Not a user id"),
});
