import { ScalarTypeEnum, SchemaModel, defineEvent, docId } from 'contracts-codegen/language';
import {
	AGENT_DOMAIN,
	AGENT_OWNERS,
	AGENT_STABILITY,
	AGENT_TAGS,
} from '../constants.js';

export const AgentRunFailedPayload = new SchemaModel({
	name: 'AgentRunFailedPayload',
	fields: {
		runId: { type: ScalarTypeEnum.ID(), isOptional: false },
		agentKey: { type: ScalarTypeEnum.String_unsecure(), isOptional: false },
		status: { type: ScalarTypeEnum.String_unsecure(), isOptional: false },
		failedAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
		errorMessage: { type: ScalarTypeEnum.String_unsecure(), isOptional: true },
		problem: { type: ScalarTypeEnum.JSONObject(), isOptional: true },
		contextSnapshotId: { type: ScalarTypeEnum.ID(), isOptional: true },
	},
});

export const AgentRunFailedEvent = defineEvent({
	meta: {
		key: 'agent.run.failed',
		version: '1.0.0',
		description: 'Emitted when an agent run fails.',
		domain: AGENT_DOMAIN,
		owners: AGENT_OWNERS,
		tags: [...AGENT_TAGS, 'run'],
		stability: AGENT_STABILITY,
		docId: [docId('docs.tech.agent.events.run-failed')],
	},
	capability: { key: 'agent.execution', version: '1.0.0' },
	pii: ['errorMessage'],
	payload: AgentRunFailedPayload,
});
