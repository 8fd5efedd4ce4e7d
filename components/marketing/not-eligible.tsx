import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";

export function NotEligible({ reason, what }: { reason: string; what: string }) {
  return (
    <Card>
      <EmptyState
        title={`${what} is not open to you yet`}
        description={reason}
        action={
          <LinkButton href="/console/survival" variant="secondary">
            See your certification progress
          </LinkButton>
        }
      />
    </Card>
  );
}
