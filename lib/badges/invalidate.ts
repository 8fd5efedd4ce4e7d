// The badge image cache hooks in here: called with the ids of badge rows that changed.
export function badgesChanged(_badgeIds: readonly string[]): void {}
