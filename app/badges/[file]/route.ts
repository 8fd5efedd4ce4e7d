import { renderBadgePng } from "@/lib/badges/png";
import { handleBadgeImage, preflight } from "@/lib/badges/serve";

/** GET /badges/<badge id>.svg|.png?size=sm|md|lg&theme=light|dark — the live badge image partners embed. */
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  return handleBadgeImage(req, (await params).file, renderBadgePng);
}

export function OPTIONS() {
  return preflight();
}
