import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Chip, Input } from "@/components/ui/field";
import {
  LANGUAGES,
  LANGUAGE_LABELS,
  REGIONS,
  REGION_LABELS,
  STACKS,
  STACK_LABELS,
  TIERS,
  TIER_LABELS,
  TRACKS,
  TRACK_LABELS,
  type Track,
} from "@/lib/partners/constants";

export interface DirectoryFilterValues {
  q?: string;
  track?: Track;
  tier: string[];
  stack: string[];
  region: string[];
  language: string[];
}

/** A plain GET form: works without JavaScript, and every search is a shareable URL. */
export function DirectoryFilters({
  values,
  action,
  fixedTrack,
}: {
  values: DirectoryFilterValues;
  action: string;
  fixedTrack?: Track;
}) {
  const group = (legend: string, name: string, options: readonly string[], labels: Record<string, string>, selected: string[]) => (
    <fieldset className="space-y-2">
      <legend className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((o) => (
          <Chip key={o} name={name} value={o} label={labels[o]!} defaultChecked={selected.includes(o)} />
        ))}
      </div>
    </fieldset>
  );
  return (
    <form method="get" action={action} className="space-y-5" role="search" aria-label="Filter partners">
      <div className="flex gap-2">
        <label htmlFor="directory-q" className="sr-only">
          Search partners
        </label>
        <Input id="directory-q" name="q" type="search" placeholder="Search partners" defaultValue={values.q ?? ""} />
        <button type="submit" className={buttonClasses("primary")}>
          Search
        </button>
      </div>
      {fixedTrack ? null : (
        <fieldset className="space-y-2">
          <legend className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">Track</legend>
          <div className="flex flex-wrap gap-1.5">
            <label className="inline-flex cursor-pointer items-center gap-2 rounded-full bg-white px-3 py-1.5 text-sm ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600">
              <input type="radio" name="track" value="" defaultChecked={!values.track} className="accent-brand-700" /> All
            </label>
            {TRACKS.map((t) => (
              <label
                key={t}
                className="inline-flex cursor-pointer items-center gap-2 rounded-full bg-white px-3 py-1.5 text-sm ring-1 ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
              >
                <input type="radio" name="track" value={t} defaultChecked={values.track === t} className="accent-brand-700" />
                {TRACK_LABELS[t]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {group("Tier", "tier", TIERS, TIER_LABELS, values.tier)}
      {group("Stack", "stack", STACKS, STACK_LABELS, values.stack)}
      {group("Region", "region", REGIONS, REGION_LABELS, values.region)}
      {group("Language", "language", LANGUAGES, LANGUAGE_LABELS, values.language)}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("secondary", "sm")}>
          Apply filters
        </button>
        <Link href={action} className={buttonClasses("ghost", "sm")}>
          Clear all
        </Link>
      </div>
    </form>
  );
}
