"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * Keeps an open directory page current: polls the directory's generation (bumped
 * by listing edits, proof-link decisions and ranking runs) and re-renders the
 * page on the server when it changes, without a full reload.
 */
export function LiveRefresh({ generation, intervalMs = 10_000 }: { generation: number; intervalMs?: number }) {
  const router = useRouter();
  const seen = useRef(generation);
  const { data } = useQuery({
    queryKey: ["directory-generation"],
    queryFn: async () => {
      const res = await fetch("/api/v1/directory/version", { cache: "no-store" });
      if (!res.ok) throw new Error(`version: ${res.status}`);
      return ((await res.json()) as { generation: number }).generation;
    },
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  useEffect(() => {
    seen.current = Math.max(seen.current, generation);
  }, [generation]);
  useEffect(() => {
    if (data !== undefined && data > seen.current) {
      seen.current = data;
      router.refresh();
    }
  }, [data, router]);
  return null;
}
