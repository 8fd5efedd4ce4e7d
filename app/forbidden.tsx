import { StatusPage } from "@/components/layout/status-page";
import { LinkButton } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <StatusPage
      code="403"
      title="You do not have access to this page"
      actions={
        <>
          <LinkButton href="/console">Go to your console</LinkButton>
          <LinkButton href="/" variant="secondary">
            Browse the directory
          </LinkButton>
        </>
      }
    >
      You are signed in, but your account does not have permission for this. If you think it should, ask your partner
      organisation&apos;s owner or the program team.
    </StatusPage>
  );
}
