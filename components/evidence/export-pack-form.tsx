import { Button } from "@/components/ui/button";

/** A plain form: the browser downloads the zip the route answers with. */
export function ExportPackForm({ partnerId, installId, label = "Export evidence pack" }: { partnerId: string; installId?: string; label?: string }) {
  return (
    <form method="post" action="/api/console/evidence-packs">
      <input type="hidden" name="partnerId" value={partnerId} />
      {installId ? <input type="hidden" name="installId" value={installId} /> : null}
      <Button type="submit" variant="secondary">
        {label}
      </Button>
    </form>
  );
}
