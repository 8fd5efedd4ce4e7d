import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, string> = {
  Verification: "This sign-in link has already been used or has expired. Links work once, for 24 hours.",
  AccessDenied: "This account may not sign in.",
  Configuration: "Sign-in is misconfigured on this server. Contact the program team.",
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <div className="mx-auto max-w-lg px-4 py-16">
      <Card>
        <CardBody className="space-y-4 py-8 text-center">
          <h1 className="text-xl font-semibold text-ink">We could not sign you in</h1>
          <p className="text-sm text-ink-muted">{MESSAGES[error ?? ""] ?? "Something went wrong while signing you in. Please try again."}</p>
          <LinkButton href="/sign-in">Get a new sign-in link</LinkButton>
        </CardBody>
      </Card>
    </div>
  );
}
