import { StabilityEnum, TagsEnum } from 'contracts-codegen/language';

/** Domain of every agent spec. */
export const AGENT_DOMAIN = 'agent';

/** Owners of every agent spec (shared/contracts-catalog.md, "Shared constants"). */
export const AGENT_OWNERS = ['platform.ai'] as const;

/** Base tags of every agent spec; each spec appends its own extra tags. */
export const AGENT_TAGS = [TagsEnum.Automation, 'agent', 'execution'] as const;

/** Stability of every agent spec. */
export const AGENT_STABILITY = StabilityEnum.Experimental;
