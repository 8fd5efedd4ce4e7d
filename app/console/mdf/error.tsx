"use client";

import { SectionError } from "@/components/marketing/section-error";

export default function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError error={error} reset={reset} what="your MDF" />;
}
