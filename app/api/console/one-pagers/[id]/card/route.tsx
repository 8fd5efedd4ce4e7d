import { ImageResponse } from "next/og";
import { withApi } from "@/lib/api/handler";
import { onePagerData } from "@/lib/marketing/one-pagers";
import { partnerQuerySchema } from "@/lib/marketing/routes-schemas";
import { socialCardOf } from "@/lib/marketing/social-card";

/** GET /api/console/one-pagers/{id}/card — the one-pager's 1200x630 PNG social card. */
export const GET = withApi<{ id: string }, undefined, typeof partnerQuerySchema>({ auth: "session_or_key", query: partnerQuerySchema }, async ({ principal, params, query }) => {
  const { row, data } = await onePagerData(principal, query.partnerId, params.id);
  const c = socialCardOf(data);
  const image = new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", background: "#ffffff", padding: 64, borderTop: `16px solid ${c.accent}` }}>
        <div style={{ display: "flex", alignItems: "center", gap: 24 }}>
          {c.logoDataUri ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={c.logoDataUri} alt="" height={72} style={{ maxWidth: 220, objectFit: "contain" }} />
          ) : (
            <div style={{ display: "flex", width: 72, height: 72, borderRadius: 16, background: "#0f766e", color: "#fff", fontSize: 34, fontWeight: 700, alignItems: "center", justifyContent: "center" }}>
              {c.partnerName.slice(0, 1).toUpperCase()}
            </div>
          )}
          <div style={{ display: "flex", flexDirection: "column" }}>
            <div style={{ fontSize: 34, fontWeight: 700, color: "#0f172a" }}>{c.partnerName}</div>
            <div style={{ fontSize: 22, color: "#475569" }}>{c.standing}</div>
          </div>
        </div>
        <div style={{ display: "flex", fontSize: 64, fontWeight: 700, color: "#0f172a", lineHeight: 1.1 }}>{c.headline}</div>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-end" }}>
          <div style={{ display: "flex", gap: 12 }}>
            {c.badges.map((b) => (
              <div key={b} style={{ display: "flex", alignItems: "center", gap: 10, fontSize: 22, padding: "8px 16px", borderRadius: 999, background: "#f1f5f9", color: c.accent, fontWeight: 700 }}>
                {/* A drawn dot, not a glyph: the bundled font has no check mark and there is no network for fallbacks. */}
                <div style={{ display: "flex", width: 12, height: 12, borderRadius: 999, background: c.accent }} />
                {b}
              </div>
            ))}
          </div>
          <div style={{ display: "flex", fontSize: 20, color: "#64748b" }}>{c.proofHosts.length ? `Verified work: ${c.proofHosts.join(", ")}` : "Content Credentials · C2PA"}</div>
        </div>
      </div>
    ),
    { width: 1200, height: 630 },
  );
  const headers = new Headers(image.headers);
  headers.set("content-disposition", `inline; filename="${data.partner.slug}-${row.template}.png"`);
  headers.set("cache-control", "private, no-store");
  return new Response(image.body, { status: 200, headers });
});
