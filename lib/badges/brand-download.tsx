import "server-only";
import { zipSync } from "fflate";
import { ImageResponse } from "next/og";
import { getViewer } from "@/lib/auth/guards";
import { getEnv } from "@/lib/env";
import { brandFiles, brandSvg, guidelinesText, type BrandFile } from "./brand";
import { verifyUrlOf } from "./cache";
import { brandKitAccess } from "./console";
import { isValidState, effectiveState } from "./model";
import { renderBadgePng } from "./png";

// Downloads of the brand kit: one file, or the whole kit as a zip. Only for
// members of a partner in good standing (decideBrandKit).

const ZIP_NAME = "provenant-brand-kit.zip";
const encoder = new TextEncoder();

async function logoPng(theme: "light" | "dark"): Promise<Uint8Array> {
  const dark = theme === "dark";
  const res = new ImageResponse(
    (
      <div style={{ width: 640, height: 128, display: "flex", alignItems: "center", padding: "0 16px", background: "transparent" }}>
        <div style={{ width: 96, height: 96, borderRadius: 24, background: "#236f66", color: "#ffffff", display: "flex", alignItems: "center", justifyContent: "center", fontSize: 64 }}>P</div>
        <div style={{ display: "flex", flexDirection: "column", marginLeft: 32 }}>
          <div style={{ fontSize: 44, color: dark ? "#f8fafc" : "#0f172a" }}>Provenant</div>
          <div style={{ fontSize: 26, letterSpacing: 4, color: dark ? "#5eead4" : "#236f66" }}>PARTNER PROGRAM</div>
        </div>
      </div>
    ),
    { width: 640, height: 128 },
  );
  return new Uint8Array(await res.arrayBuffer());
}

async function bytesOf(file: BrandFile): Promise<Uint8Array> {
  if (file.format === "svg") return encoder.encode(brandSvg(file, verifyUrlOf));
  if (file.kind === "logo") return logoPng(file.theme);
  return renderBadgePng(file.badge!.view, file.badge!.state, { size: "lg", theme: file.theme });
}

export async function brandDownload(partnerId: string, name: string): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return Response.json({ error: { code: "unauthorized", message: "Sign in to download the brand kit" } }, { status: 401 });
  const now = new Date();
  const access = await brandKitAccess(viewer, partnerId, now);
  if (!access.allowed) {
    return Response.json({ error: { code: "forbidden", message: "The brand kit is for certified partners in good standing (Verified or above)" } }, { status: 403 });
  }
  const valid = access.badges.map((view) => ({ view, state: effectiveState(view, now) })).filter((b) => isValidState(b.state));
  const files = brandFiles(valid);
  const headers = (type: string, filename: string) => ({ "content-type": type, "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" });
  if (name === ZIP_NAME) {
    const entries: Record<string, Uint8Array> = { "provenant-brand-kit/GUIDELINES.txt": encoder.encode(guidelinesText(access.badges[0]?.partnerName ?? "", getEnv().APP_URL.replace(/\/$/, ""))) };
    for (const f of files) entries[`provenant-brand-kit/${f.format}/${f.name}`] = await bytesOf(f);
    return new Response(zipSync(entries, { level: 6 }) as BodyInit, { headers: headers("application/zip", ZIP_NAME) });
  }
  const file = files.find((f) => f.name === name);
  if (!file) return Response.json({ error: { code: "not_found", message: "No such file in your brand kit" } }, { status: 404 });
  return new Response((await bytesOf(file)) as BodyInit, { headers: headers(file.contentType, file.name) });
}

export { ZIP_NAME };
