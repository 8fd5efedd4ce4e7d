import Link from "next/link";
import { LogoMark } from "./logo";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto grid max-w-page gap-8 px-4 py-10 sm:grid-cols-3 sm:px-6">
        <div className="space-y-2">
          <div className="flex items-center gap-2 font-semibold">
            <LogoMark className="size-6" /> Provenant Partners
          </div>
          <p className="text-sm text-ink-muted">
            Certified agencies, auditors and integrators who keep Content Credentials alive on real websites.
          </p>
        </div>
        <nav aria-label="Directory" className="space-y-2 text-sm">
          <p className="font-semibold text-ink">Directory</p>
          <Link className="block text-ink-muted hover:text-ink" href="/?track=installer">Installers</Link>
          <Link className="block text-ink-muted hover:text-ink" href="/auditors">Auditors</Link>
          <Link className="block text-ink-muted hover:text-ink" href="/?track=enterprise_integrator">Enterprise Integrators</Link>
          <Link className="block text-ink-muted hover:text-ink" href="/nps/quarters">Program NPS</Link>
        </nav>
        <nav aria-label="Partners" className="space-y-2 text-sm">
          <p className="font-semibold text-ink">For partners</p>
          <Link className="block text-ink-muted hover:text-ink" href="/sign-in">Partner sign-in</Link>
          <Link className="block text-ink-muted hover:text-ink" href="/console">Partner console</Link>
          <Link className="block text-ink-muted hover:text-ink" href="/docs/api">API reference</Link>
          <Link className="block text-ink-muted hover:text-ink" href="/docs/webhooks">Webhooks</Link>
          <Link className="block text-ink-muted hover:text-ink" href="/program">Program guide and terms</Link>
          <Link className="block text-ink-muted hover:text-ink" href="/program#playbooks-heading">Certification playbooks</Link>
        </nav>
      </div>
      <p className="border-t border-slate-100 py-4 text-center text-xs text-ink-subtle">© {new Date().getUTCFullYear()} Provenant. Content Credentials are an open standard of the C2PA.</p>
    </footer>
  );
}
