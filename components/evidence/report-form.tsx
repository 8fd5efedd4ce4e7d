"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";

export function CreateReportForm({ installId, create }: { installId: string; create: (installId: string, input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        const periodDays = new FormData(e.currentTarget).get("periodDays");
        start(async () => {
          const res = await create(installId, { periodDays });
          setResult(res);
          if (res.ok) router.refresh();
        });
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1.5">
          <label htmlFor="r-period" className="block text-sm font-medium text-ink">
            Report period
          </label>
          <Select id="r-period" name="periodDays" defaultValue="30" className="w-40">
            <option value="7">Last 7 days</option>
            <option value="30">Last 30 days</option>
            <option value="90">Last 90 days</option>
          </Select>
        </div>
        <Button type="submit" variant="secondary" pending={pending}>
          Create report
        </Button>
      </div>
      {result ? <Alert tone={result.ok ? "success" : "error"} testId="report-result">{result.ok ? "Report created as a draft. Publish it from the list below." : result.error.message}</Alert> : null}
    </form>
  );
}
