import "server-only";
import { readVersionedFolder } from "@/lib/legal/content";
import { fillFacts } from "@/lib/legal/facts";
import { TRACKS, TRACK_LABELS, type Track } from "@/lib/partners/constants";

// Certification playbooks, one per track, versioned in the repository
// (content/playbooks/<track>/<version>.md). The quizzes are written from the
// current version; earlier versions stay readable. The program's numbers are
// placeholders filled from the code, like the legal documents.

export interface PlaybookVersion {
  track: Track;
  version: string;
  title: string;
  summary: string;
  text: string;
}

export function isTrack(value: string): value is Track {
  return (TRACKS as readonly string[]).includes(value);
}

/** Every version of a track's playbook, newest first. */
export function playbookVersions(track: Track): PlaybookVersion[] {
  return readVersionedFolder("playbooks", track)
    .map((f) => ({ track, version: f.version, title: f.title || `${TRACK_LABELS[track]} playbook`, summary: f.summary, text: fillFacts(f.body) }))
    .reverse();
}

export function allPlaybooks(): { track: Track; current: PlaybookVersion | null; versions: number }[] {
  return TRACKS.map((track) => {
    const versions = playbookVersions(track);
    return { track, current: versions[0] ?? null, versions: versions.length };
  });
}
