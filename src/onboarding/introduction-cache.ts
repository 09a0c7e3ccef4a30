import { createHash } from "node:crypto";
import type { Group } from "../knowledge/groups.ts";
import { scopeForGroups } from "../retrieval/scope.ts";
import {
  buildBaseIntroduction,
  type IntroductionOptions,
  personaliseIntroduction,
} from "./build-introduction.ts";
import { groupsOf, ownersOf } from "./group-material.ts";
import type { Introduction } from "./introduction.ts";
import type { OnboardingCore } from "./onboarding-core.ts";

/** Builds the document-based part of an introduction; replaceable in tests. */
export type BaseIntroductionBuilder = (
  core: OnboardingCore,
  group: Group,
  options: Pick<IntroductionOptions, "groups" | "now" | "answers">,
) => Promise<Introduction>;

interface Entry {
  fingerprint: string;
  base: Promise<Introduction>;
}

/**
 * Keeps each group's introduction until the group's documents change: the key is the group id, and
 * the entry is rebuilt when the content hashes of the documents it is built from (the group's own
 * and those its channels see), or the group file, differ. Role and calendar are added per request.
 */
export class IntroductionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly build: BaseIntroductionBuilder = buildBaseIntroduction) {}

  /** The group's introduction, built or from the cache, personalised with `options`. */
  async get(core: OnboardingCore, group: Group, options: IntroductionOptions = {}): Promise<Introduction> {
    const groups = await groupsOf(core, options.groups);
    const fingerprint = fingerprintOf(core, group, groups);
    let entry = this.entries.get(group.id);
    if (!entry || entry.fingerprint !== fingerprint) {
      const base = this.build(core, group, { ...options, groups });
      entry = { fingerprint, base };
      this.entries.set(group.id, entry);
      // A failed build is not kept, so the next request tries again.
      base.catch(() => {
        if (this.entries.get(group.id) === entry) this.entries.delete(group.id);
      });
    }
    return personaliseIntroduction(core, await entry.base, group, { ...options, groups });
  }

  /** Forgets every cached introduction. */
  clear(): void {
    this.entries.clear();
  }
}

/** What the introduction depends on: the group file and the content of the documents it reads. */
export function fingerprintOf(core: OnboardingCore, group: Group, groups: readonly Group[]): string {
  const hash = createHash("sha256");
  // Welcome and reminder settings do not change the introduction.
  const { welcome: _welcome, reminders: _reminders, ...definition } = group;
  hash.update(JSON.stringify(definition));
  const documents = core.index.catalog.documents();
  const allGroups = [...groups.filter((candidate) => candidate.id !== group.id), group];
  const visible = new Set(scopeForGroups([group.id], allGroups, documents).documentIds ?? []);
  for (const document of documents) {
    if (visible.has(document.id) || ownersOf(document, allGroups).has(group.id))
      hash.update(`\n${document.id}\t${document.contentHash}`);
  }
  return hash.digest("hex");
}
