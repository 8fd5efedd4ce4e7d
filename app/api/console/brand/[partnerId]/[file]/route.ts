import { brandDownload } from "@/lib/badges/brand-download";

/** GET /api/console/brand/<partner id>/<file> — a file of the brand kit, or the whole kit (provenant-brand-kit.zip). */
export async function GET(_req: Request, { params }: { params: Promise<{ partnerId: string; file: string }> }) {
  const { partnerId, file } = await params;
  return brandDownload(partnerId, file);
}
