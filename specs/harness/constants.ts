import { StabilityEnum, TagsEnum } from 'contracts-codegen/language';

/** Domain of every harness spec. */
export const HARNESS_DOMAIN = 'harness';

/** Owners of every harness spec (shared/contracts-catalog.md, "Shared constants"). */
export const HARNESS_OWNERS = ['platform.harness'] as const;

/** Base tags of every harness spec; each spec appends its own extra tags. */
export const HARNESS_TAGS = [
	TagsEnum.Automation,
	'harness',
	'evidence',
	'evaluation',
] as const;

/** Stability of every harness spec. */
export const HARNESS_STABILITY = StabilityEnum.Experimental;
