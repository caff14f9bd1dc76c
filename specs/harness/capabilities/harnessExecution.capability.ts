import { defineCapability } from 'contracts-codegen/language';
import {
	HARNESS_DOMAIN,
	HARNESS_OWNERS,
	HARNESS_STABILITY,
	HARNESS_TAGS,
} from '../constants.js';

/** harness.execution 1.0.0, as published: kept so specs that pin it keep resolving. */
export const HarnessExecutionCapability = defineCapability({
	meta: {
		key: 'harness.execution',
		version: '1.0.0',
		kind: 'integration',
		title: 'Harness Execution',
		description: 'Run, inspect, and cancel harness sessions.',
		domain: HARNESS_DOMAIN,
		owners: HARNESS_OWNERS,
		tags: [...HARNESS_TAGS, 'execution'],
		stability: HARNESS_STABILITY,
	},
	provides: [
		{
			surface: 'operation',
			key: 'harness.run.start',
			version: '1.0.0',
			description: 'Start a harness run.',
		},
		{
			surface: 'operation',
			key: 'harness.run.cancel',
			version: '1.0.0',
			description: 'Cancel an active harness run.',
		},
		{
			surface: 'operation',
			key: 'harness.run.get',
			version: '1.0.0',
			description: 'Read one harness run.',
		},
		{
			surface: 'event',
			key: 'harness.run.started',
			version: '1.0.0',
			description: 'Harness run started.',
		},
		{
			surface: 'event',
			key: 'harness.run.completed',
			version: '1.0.0',
			description: 'Harness run completed.',
		},
		{
			surface: 'event',
			key: 'harness.run.failed',
			version: '1.0.0',
			description: 'Harness run failed.',
		},
		{
			surface: 'event',
			key: 'harness.step.blocked',
			version: '1.0.0',
			description: 'Harness step blocked.',
		},
	],
	requires: [
		{
			key: 'control-plane.core',
			version: '1.0.0',
			optional: true,
			reason: 'Execution links to control-plane plans and trace IDs when present.',
		},
	],
});

/**
 * harness.execution 1.1.0: 1.0.0 plus the per-case events a run appends while it executes
 * (`harness.step.started`, `harness.step.completed`), which no capability provided before. A
 * minor version: it only adds to what 1.0.0 provides.
 */
export const HarnessExecutionCapabilityV1_1 = defineCapability({
	meta: {
		key: 'harness.execution',
		version: '1.1.0',
		kind: 'integration',
		title: 'Harness Execution',
		description: 'Run, inspect, and cancel harness sessions, and follow each case as it runs.',
		domain: HARNESS_DOMAIN,
		owners: HARNESS_OWNERS,
		tags: [...HARNESS_TAGS, 'execution'],
		stability: HARNESS_STABILITY,
	},
	provides: [
		{
			surface: 'operation',
			key: 'harness.run.start',
			version: '1.0.0',
			description: 'Start a harness run.',
		},
		{
			surface: 'operation',
			key: 'harness.run.cancel',
			version: '1.0.0',
			description: 'Cancel an active harness run.',
		},
		{
			surface: 'operation',
			key: 'harness.run.get',
			version: '1.0.0',
			description: 'Read one harness run.',
		},
		{
			surface: 'event',
			key: 'harness.run.started',
			version: '1.0.0',
			description: 'Harness run started.',
		},
		{
			surface: 'event',
			key: 'harness.run.completed',
			version: '1.0.0',
			description: 'Harness run completed.',
		},
		{
			surface: 'event',
			key: 'harness.run.failed',
			version: '1.0.0',
			description: 'Harness run failed.',
		},
		{
			surface: 'event',
			key: 'harness.step.started',
			version: '1.0.0',
			description: 'A case of the run started executing.',
		},
		{
			surface: 'event',
			key: 'harness.step.completed',
			version: '1.0.0',
			description: 'A case of the run finished, with its status.',
		},
		{
			surface: 'event',
			key: 'harness.step.blocked',
			version: '1.0.0',
			description: 'Harness step blocked.',
		},
	],
	requires: [
		{
			key: 'control-plane.core',
			version: '1.0.0',
			optional: true,
			reason: 'Execution links to control-plane plans and trace IDs when present.',
		},
	],
});
