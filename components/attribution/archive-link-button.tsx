"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

export function ArchiveLinkButton({ partnerId, linkId, code, archive }: { partnerId: string; linkId: string; code: string; archive: (partnerId: string, linkId: string) => Promise<ActionResult> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      size="sm"
      variant="danger"
      pending={pending}
      onClick={() => {
        if (!window.confirm(`Archive /r/${code}? Visitors following it will see a "link does not exist" page.`)) return;
        start(async () => {
          const res = await archive(partnerId, linkId);
          if (!res.ok) window.alert(res.error.message);
          router.refresh();
        });
      }}
    >
      Archive<span className="sr-only"> {code}</span>
    </Button>
  );
}
