import { withApi } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { getPublicPartner } from "@/lib/partners/directory";

/** GET /api/v1/partners/{id or slug} — one public profile. */
export const GET = withApi<{ id: string }>({ auth: "public" }, async ({ params, now }) => {
  const partner = await getPublicPartner(params.id, now);
  if (!partner) throw notFound("Partner");
  return { data: partner };
});
