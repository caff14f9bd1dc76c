import { defineFeature, docId } from 'contracts-codegen/language';
import {
	AGENT_DOMAIN,
	AGENT_OWNERS,
	AGENT_STABILITY,
	AGENT_TAGS,
} from './constants.js';
import { AgentExecutionCapability } from './capabilities/agentExecution.capability.js';
import { AgentApprovalsCommand } from './commands/agentApprovals.command.js';
import { AgentCancelCommand } from './commands/agentCancel.command.js';
import { AgentRunCommand } from './commands/agentRun.command.js';
import { AgentRunIndexDataView } from './data-views/agentRunIndex.data-view.js';
import { AgentApprovalRequestedEvent } from './events/agentApprovalRequested.event.js';
import { AgentRunCompletedEvent } from './events/agentRunCompleted.event.js';
import { AgentRunFailedEvent } from './events/agentRunFailed.event.js';
import { AgentRunStartedEvent } from './events/agentRunStarted.event.js';
import { AgentRunForm } from './forms/agentRun.form.js';
import { AgentRunAuditPresentation } from './presentations/agentRunAudit.presentation.js';
import { AgentArtifactsQuery } from './queries/agentArtifacts.query.js';
import { AgentStatusQuery } from './queries/agentStatus.query.js';

export const AgentFeature = defineFeature({
	meta: {
		key: 'platform.agent',
		title: 'Agent Execution',
		version: '1.0.0',
		description: 'Run, cancel, and approve AI agent executions with full audit trail',
		domain: AGENT_DOMAIN,
		owners: AGENT_OWNERS,
		tags: [...AGENT_TAGS],
		stability: AGENT_STABILITY,
		docId: [docId('docs.tech.agent.feature')],
	},
	operations: [
		AgentRunCommand.meta,
		AgentCancelCommand.meta,
		AgentApprovalsCommand.meta,
		AgentStatusQuery.meta,
		AgentArtifactsQuery.meta,
	],
	events: [
		AgentRunStartedEvent.meta,
		AgentRunCompletedEvent.meta,
		AgentRunFailedEvent.meta,
		AgentApprovalRequestedEvent.meta,
	],
	presentations: [
		AgentRunAuditPresentation.meta,
	],
	capabilities: {
		provides: [
			AgentExecutionCapability.meta,
		],
	},
	dataViews: [
		AgentRunIndexDataView.meta,
	],
	forms: [
		AgentRunForm.meta,
	],
});
