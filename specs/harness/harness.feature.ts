import { defineFeature } from 'contracts-codegen/language';
import {
	HARNESS_DOMAIN,
	HARNESS_OWNERS,
	HARNESS_STABILITY,
	HARNESS_TAGS,
} from './constants.js';
import { HarnessEvaluationCapability } from './capabilities/harnessEvaluation.capability.js';
import { HarnessEvidenceCapability } from './capabilities/harnessEvidence.capability.js';
import { HarnessExecutionCapability } from './capabilities/harnessExecution.capability.js';
import { HarnessTargetingCapability } from './capabilities/harnessTargeting.capability.js';
import { HarnessEvaluationRunCommand } from './commands/harnessEvaluationRun.command.js';
import { HarnessRunCancelCommand } from './commands/harnessRunCancel.command.js';
import { HarnessRunStartCommand } from './commands/harnessRunStart.command.js';
import { HarnessEvaluationIndexDataView } from './data-views/harnessEvaluationIndex.data-view.js';
import { HarnessEvidenceIndexDataView } from './data-views/harnessEvidenceIndex.data-view.js';
import { HarnessRunIndexDataView } from './data-views/harnessRunIndex.data-view.js';
import { HarnessEvaluationCompletedEvent } from './events/harnessEvaluationCompleted.event.js';
import { HarnessEvidenceCapturedEvent } from './events/harnessEvidenceCaptured.event.js';
import { HarnessRunCompletedEvent } from './events/harnessRunCompleted.event.js';
import { HarnessRunFailedEvent } from './events/harnessRunFailed.event.js';
import { HarnessRunStartedEvent } from './events/harnessRunStarted.event.js';
import { HarnessStepBlockedEvent } from './events/harnessStepBlocked.event.js';
import { HarnessStepCompletedEvent } from './events/harnessStepCompleted.event.js';
import { HarnessStepStartedEvent } from './events/harnessStepStarted.event.js';
import { HarnessRunAuditPresentation } from './presentations/harnessRunAudit.presentation.js';
import { HarnessEvaluationGetQuery } from './queries/harnessEvaluationGet.query.js';
import { HarnessEvidenceGetQuery } from './queries/harnessEvidenceGet.query.js';
import { HarnessEvidenceListQuery } from './queries/harnessEvidenceList.query.js';
import { HarnessRunGetQuery } from './queries/harnessRunGet.query.js';
import { HarnessTargetResolveQuery } from './queries/harnessTargetResolve.query.js';

export const HarnessFeature = defineFeature({
	meta: {
		key: 'platform.harness',
		title: 'Harness System',
		version: '1.0.0',
		description:
			'Controlled application inspection, testing, validation, and proof generation.',
		domain: HARNESS_DOMAIN,
		owners: HARNESS_OWNERS,
		tags: [...HARNESS_TAGS],
		stability: HARNESS_STABILITY,
	},
	operations: [
		HarnessTargetResolveQuery.meta,
		HarnessRunStartCommand.meta,
		HarnessRunCancelCommand.meta,
		HarnessRunGetQuery.meta,
		HarnessEvidenceListQuery.meta,
		HarnessEvidenceGetQuery.meta,
		HarnessEvaluationRunCommand.meta,
		HarnessEvaluationGetQuery.meta,
	],
	events: [
		HarnessRunStartedEvent.meta,
		HarnessRunCompletedEvent.meta,
		HarnessRunFailedEvent.meta,
		HarnessStepStartedEvent.meta,
		HarnessStepCompletedEvent.meta,
		HarnessStepBlockedEvent.meta,
		HarnessEvidenceCapturedEvent.meta,
		HarnessEvaluationCompletedEvent.meta,
	],
	presentations: [
		HarnessRunAuditPresentation.meta,
	],
	capabilities: {
		provides: [
			HarnessExecutionCapability.meta,
			HarnessEvidenceCapability.meta,
			HarnessEvaluationCapability.meta,
			HarnessTargetingCapability.meta,
		],
	},
	dataViews: [
		HarnessRunIndexDataView.meta,
		HarnessEvidenceIndexDataView.meta,
		HarnessEvaluationIndexDataView.meta,
	],
});
