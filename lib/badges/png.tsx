import "server-only";
import { ImageResponse } from "next/og";
import type { BadgeState } from "@/db/schema/badges";
import { BADGE_LABELS, SIZE_PX, badgeLook, type BadgeView, type Variant } from "./model";

// The PNG variant, drawn with next/og (Satori + resvg) from the same look as the
// SVG. Rendering costs milliseconds, so the image cache keeps each PNG; it is
// only redrawn after the badge changes.

// The emblem's symbols as SVG paths on the 44x44 emblem (the SVG's, moved by -14,-14): no font needed.
function Symbol({ kind, size }: { kind: "check" | "clock" | "cross" | "slash"; size: number }) {
  const stroke = { stroke: "#ffffff", fill: "none", strokeLinecap: "round" as const, strokeLinejoin: "round" as const };
  return (
    <svg width={size} height={size} viewBox="0 0 44 44">
      {kind === "check" ? <path d="M11 22.5l7.5 7.5 14.5-16" strokeWidth={4} {...stroke} /> : null}
      {kind === "clock" ? <circle cx={22} cy={22} r={10} strokeWidth={3} {...stroke} /> : null}
      {kind === "clock" ? <path d="M22 16v6.5l4.5 3" strokeWidth={3} {...stroke} /> : null}
      {kind === "cross" ? <path d="M14 14l16 16M30 14l-16 16" strokeWidth={4} {...stroke} /> : null}
      {kind === "slash" ? <circle cx={22} cy={22} r={10} strokeWidth={3} {...stroke} /> : null}
      {kind === "slash" ? <path d="M15 29l14-14" strokeWidth={3} {...stroke} /> : null}
    </svg>
  );
}

export async function renderBadgePng(view: BadgeView, state: BadgeState, variant: Variant): Promise<Uint8Array> {
  const look = badgeLook(view, state, variant.theme);
  const { width, height } = SIZE_PX[variant.size];
  const s = width / 240;
  const px = (n: number) => Math.round(n * s);
  const res = new ImageResponse(
    (
      <div
        style={{
          width,
          height,
          display: "flex",
          alignItems: "center",
          background: look.background,
          border: `${Math.max(1, px(2))}px solid ${look.border}`,
          borderRadius: px(10),
          padding: `0 ${px(12)}px`,
          // Satori refuses undefined style values: only set the hatching when there is one.
          ...(look.hatch ? { backgroundImage: `repeating-linear-gradient(45deg, ${look.stripFill}24 0, ${look.stripFill}24 ${px(3)}px, transparent ${px(3)}px, transparent ${px(8)}px)` } : {}),
        }}
      >
        <div
          style={{
            width: px(44),
            height: px(44),
            borderRadius: px(22),
            background: look.accent,
            color: "#ffffff",
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            flexShrink: 0,
          }}
        >
          <Symbol kind={look.symbol} size={px(44)} />
        </div>
        <div style={{ display: "flex", flexDirection: "column", marginLeft: px(12) }}>
          <div style={{ fontSize: px(9), letterSpacing: px(1.6), color: look.muted }}>PROVENANT</div>
          <div style={{ fontSize: px(14.5), color: look.text, textDecoration: look.hatch ? "line-through" : "none" }}>{BADGE_LABELS[view.badge]}</div>
          <div style={{ display: "flex", marginTop: px(3) }}>
            <div style={{ fontSize: px(9), letterSpacing: px(0.8), color: look.stripText, background: look.stripFill, borderRadius: px(8), padding: `${px(1)}px ${px(7)}px` }}>
              {look.stripLabel}
            </div>
          </div>
        </div>
      </div>
    ),
    { width, height },
  );
  return new Uint8Array(await res.arrayBuffer());
}
