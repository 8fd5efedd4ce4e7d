import { withApi } from "@/lib/api/handler";
import { searchDirectory } from "@/lib/partners/directory";
import { directoryQuerySchema } from "@/lib/partners/schemas";

/** GET /api/v1/partners — the public directory, filtered and paginated. */
export const GET = withApi({ auth: "public", query: directoryQuerySchema }, async ({ query, now }) => {
  const result = await searchDirectory(query, now);
  return { data: result.partners, page: result.page, pageSize: result.pageSize, total: result.total };
});
