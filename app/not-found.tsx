import { StatusPage } from "@/components/layout/status-page";
import { LinkButton } from "@/components/ui/button";

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="Page not found"
      actions={
        <>
          <LinkButton href="/">Browse the directory</LinkButton>
          <LinkButton href="/console" variant="secondary">
            Partner console
          </LinkButton>
        </>
      }
    >
      The page you asked for does not exist or has moved. If you followed a partner&apos;s link, the partner may have left
      the program.
    </StatusPage>
  );
}
