"use client";

import { useId, useState } from "react";
import { CodeSnippet } from "@/components/badges/code-snippet";
import { Field, Select } from "@/components/ui/field";
import type { BadgeKey } from "@/db/schema/badges";
import { BADGE_SIZES, BADGE_THEMES, SIZE_PX, type BadgeSize, type BadgeTheme } from "@/lib/badges/model";
import { embedSnippets, imageUrlFor } from "@/lib/badges/snippets";
import type { Tier } from "@/lib/partners/constants";

const SIZE_LABELS: Record<BadgeSize, string> = { sm: "Small (160×48)", md: "Medium (240×72)", lg: "Large (360×108)" };

/** Pick a size and theme, see the live image, copy the HTML or Markdown that links it to its verification page. */
export function EmbedPanel({ appUrl, badge }: { appUrl: string; badge: { id: string; badge: BadgeKey; tier: Tier | null; partnerName: string } }) {
  const [size, setSize] = useState<BadgeSize>("md");
  const [theme, setTheme] = useState<BadgeTheme>("light");
  const uid = useId();
  const snippets = embedSnippets(appUrl, badge, size, theme);
  const { width, height } = SIZE_PX[size];
  return (
    <div className="space-y-4" data-testid={`embed-${badge.id}`}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${uid}-size`} label="Size">
          <Select id={`${uid}-size`} value={size} onChange={(e) => setSize(e.target.value as BadgeSize)}>
            {BADGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {SIZE_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${uid}-theme`} label="Theme">
          <Select id={`${uid}-theme`} value={theme} onChange={(e) => setTheme(e.target.value as BadgeTheme)}>
            {BADGE_THEMES.map((t) => (
              <option key={t} value={t}>
                {t === "light" ? "Light pages" : "Dark pages"}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={theme === "dark" ? "rounded-lg bg-slate-900 p-4" : "rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200"}>
        {/* eslint-disable-next-line @next/next/no-img-element -- the live badge image, exactly as embedded */}
        <img src={imageUrlFor("", badge.id, { size, theme })} alt={`Preview: ${size} ${theme}`} width={width} height={height} data-testid="embed-preview" />
      </div>
      <CodeSnippet label="HTML" code={snippets.html} testId="snippet-html" />
      <CodeSnippet label="Markdown" code={snippets.markdown} testId="snippet-markdown" />
    </div>
  );
}
