import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";
import { fixtureResponse } from "@/lib/quality/prober/fixture-site";

// A stand-in customer site for the demo and the end-to-end tests: images with
// and without Content Credentials, broken manifest links, redirects, a redirect
// loop, an HTML page, a huge and a slow image. Only where FIXTURE_SITE is on.

export async function GET(_req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  if (!getEnv().fixtureSite) notFound();
  const path = (await params).path.join("/");
  const out = fixtureResponse(path);
  if (out.delayMs) await new Promise((r) => setTimeout(r, out.delayMs));
  return new Response(out.body ? Buffer.from(out.body) : null, { status: out.status, headers: out.headers });
}
