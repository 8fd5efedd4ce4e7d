import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

/** What the console shows to someone who belongs to no partner organisation. */
export function NoPartner({ isAdmin }: { isAdmin: boolean }) {
  return (
    <Card>
      <EmptyState
        title="You are not on a partner team yet"
        description={
          isAdmin
            ? "You are a program admin without a partner membership. Partners' data is in the admin area."
            : "Ask the owner of your partner organisation to add you with this email address, then sign in again."
        }
        action={
          isAdmin ? (
            <LinkButton href="/admin/partners">Open partners in admin</LinkButton>
          ) : (
            <LinkButton href="/" variant="secondary">
              Browse the directory
            </LinkButton>
          )
        }
      />
    </Card>
  );
}
