"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { PartnerAvatar } from "@/components/partners/partner-avatar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

export function LogoUpload({
  partnerId,
  name,
  logoUrl,
  upload,
  remove,
}: {
  partnerId: string;
  name: string;
  logoUrl: string | null;
  upload: (partnerId: string, form: FormData) => Promise<ActionResult>;
  remove: (partnerId: string) => Promise<ActionResult>;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="flex flex-col gap-4 sm:flex-row sm:items-center"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        start(async () => {
          const res = await upload(partnerId, form);
          setResult(res);
          if (res.ok) router.refresh();
        });
      }}
    >
      <PartnerAvatar name={name} logoUrl={logoUrl} size="lg" />
      <div className="flex-1 space-y-2">
        <label htmlFor="logo" className="block text-sm font-medium text-ink">
          Logo
        </label>
        <input
          id="logo"
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp,image/svg+xml"
          required
          aria-describedby="logo-hint"
          className="block w-full text-sm text-ink-muted file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
        />
        <p id="logo-hint" className="text-xs text-ink-subtle">
          PNG, JPEG, WebP or SVG, up to 2 MB. Square images look best.
        </p>
        {result ? (
          <Alert tone={result.ok ? "success" : "error"} testId="logo-result">
            {result.ok ? (result.message ?? "Done") : (result.error.fields?.logo?.[0] ?? result.error.message)}
          </Alert>
        ) : null}
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" pending={pending}>
          Upload logo
        </Button>
        {logoUrl ? (
          <Button
            type="button"
            variant="ghost"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const res = await remove(partnerId);
                setResult(res);
                if (res.ok) router.refresh();
              })
            }
          >
            Remove
          </Button>
        ) : null}
      </div>
    </form>
  );
}
