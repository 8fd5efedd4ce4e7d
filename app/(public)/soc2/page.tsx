import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "SOC 2 and Content Credentials",
  description: "What SOC 2 is, the trust services criteria, and how the Auditor track's evidence maps to SOC 2 controls.",
};

const CRITERIA = [
  { name: "Security (common criteria, CC1–CC9)", required: true, text: "Always in scope. Control environment, communication, risk assessment, monitoring, control activities, logical and physical access, system operations, change management and risk mitigation." },
  { name: "Availability", required: false, text: "The system is available for operation and use as committed or agreed." },
  { name: "Processing integrity", required: false, text: "Processing is complete, valid, accurate, timely and authorised." },
  { name: "Confidentiality", required: false, text: "Information designated as confidential is protected as committed or agreed." },
  { name: "Privacy", required: false, text: "Personal information is collected, used, retained, disclosed and disposed of as committed." },
];

const MAPPING = [
  { requirement: "Two public Survival Reports (each with enough checks, recent, and recomputing from the raw checks)", controls: "CC4.1 (ongoing evaluations), CC7.2 (monitoring system components for anomalies), PI1.4/PI1.5 (outputs complete and accurate)", why: "A report is a monitoring result; the auditor can only rely on it if its figure recomputes from the population it summarises." },
  { requirement: "An Evidence Pack export demonstrated", controls: "CC4.1, CC7.2; supports the auditor's tests of operating effectiveness over the period", why: "The pack carries the raw checks (CSV and JSON), per-asset results, the reports and a manifest, so a tester can re-perform the control." },
  { requirement: "Evidence vault verifies against SHA-256 manifests", controls: "CC6.1 and CC8.1 (integrity of information and changes), PI1.5 (stored data complete and accurate)", why: "If a stored pack no longer matches its manifest, its evidence cannot be relied on; packs are re-exported rather than edited." },
  { requirement: "A complete compliance pack (checks, installs, report, manifest)", controls: "CC2.1 (quality information to support controls)", why: "Completeness of the population is the first thing a SOC 2 tester asks about." },
  { requirement: "SOC 2 control literacy assessment (85% to pass)", controls: "CC1.4 (competence of personnel)", why: "Auditor partners need to speak the language of the CPA firm that will rely on their evidence." },
  { requirement: "Compliance-framework test (85% to pass)", controls: "CC2.3 (communication with external parties), CC3.1 (objectives)", why: "Customers map provenance to C2PA, the EU AI Act (Article 50), NIST AI 100-4 and ISO/IEC 42001 as well as SOC 2." },
];

export default function Soc2Page() {
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <p className="text-sm font-semibold text-brand-700">For Auditor partners and their customers</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink sm:text-4xl">SOC 2 and Content Credentials</h1>
      <p className="mt-4 text-base text-ink-muted">
        SOC 2 is an attestation report, issued by an independent CPA firm under AICPA standards, on the controls of a service organisation. A Type I report
        describes the design of controls at a point in time; a Type II report also tests whether they operated effectively over a period, usually six to
        twelve months. Certified Auditors in this program do not issue SOC 2 reports: they test whether a customer&apos;s Content Credentials survive, and
        hand over evidence the customer&apos;s CPA firm can trace to specific controls and re-perform.
      </p>

      <h2 className="mt-10 text-xl font-semibold text-ink">The trust services criteria</h2>
      <ul className="mt-4 space-y-3">
        {CRITERIA.map((c) => (
          <li key={c.name} className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <div className="font-medium text-ink">
              {c.name} {c.required ? <span className="ml-1 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-800">always in scope</span> : null}
            </div>
            <p className="mt-1 text-sm text-ink-muted">{c.text}</p>
          </li>
        ))}
      </ul>

      <h2 className="mt-10 text-xl font-semibold text-ink">Where provenance fits</h2>
      <p className="mt-3 text-sm text-ink-muted">
        A company that commits to keeping Content Credentials on its published media — to customers, or under rules such as the EU AI Act&apos;s transparency
        obligations — needs a control that checks it. Daily survival checks (does each sampled asset still carry an embedded manifest, or a{" "}
        <code className="rounded bg-slate-100 px-1">Link: &lt;url&gt;; rel=&quot;c2pa-manifest&quot;</code> reference that resolves?), with exceptions followed up, are a
        monitoring control. Their evidence is what a Type II tester samples.
      </p>

      <h2 className="mt-10 text-xl font-semibold text-ink">How the Auditor track maps to controls</h2>
      <div className="mt-4 overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200" tabIndex={0} role="region" aria-label="Requirement to criteria mapping">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Auditor track requirements and the SOC 2 criteria they support</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="px-4 py-3 text-left font-medium text-ink">Requirement</th>
              <th scope="col" className="px-4 py-3 text-left font-medium text-ink">SOC 2 criteria</th>
              <th scope="col" className="px-4 py-3 text-left font-medium text-ink">Why it matters</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {MAPPING.map((m) => (
              <tr key={m.requirement}>
                <td className="px-4 py-3 align-top text-ink">{m.requirement}</td>
                <td className="px-4 py-3 align-top text-ink-muted">{m.controls}</td>
                <td className="px-4 py-3 align-top text-ink-muted">{m.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="mt-10 text-xl font-semibold text-ink">Exceptions are evidence too</h2>
      <p className="mt-3 text-sm text-ink-muted">
        When a day&apos;s checks fall below the 99.9% survival bar, the report shows it and the remediation is described; figures are never recomputed to pass.
        A Type II report discloses deviations; evidence that hides them is worth less than evidence that shows them handled.
      </p>

      <p className="mt-10 text-sm">
        <Link href="/auditors" className="font-medium text-brand-800 hover:underline">Find a certified auditor</Link>
        {" · "}
        <Link href="/console/certification" className="font-medium text-brand-800 hover:underline">Partner console: certification</Link>
      </p>
    </div>
  );
}
