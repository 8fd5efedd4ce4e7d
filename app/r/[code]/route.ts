import { handleRedirect } from "@/lib/attribution/redirect";

/** GET /r/<code>: a partner's tracking link. 302 to the destination, click recorded in the background. */
export async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  return handleRedirect(req, (await params).code, { record: true });
}
